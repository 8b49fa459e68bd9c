//! Publishing the open draft into the site (the post where the generator wants it, its
//! images at their paths, nothing replaced without the writer's yes), and, for a site this
//! browser can only read, the changes downloaded as one zip to unpack over the folder.

use leptos::prelude::*;
use quire_core::site::{self, OnDisk, SiteLink};

use super::folder::Folder;
use super::Site;
use crate::browser;
use crate::notices::NoticeKind;

/// Files a publish would write over, waiting for the writer's yes.
#[derive(Debug, Clone, PartialEq)]
pub struct Pending {
    /// Every file to write (path, bytes), the post last.
    pub files: Vec<(String, Vec<u8>)>,
    /// Those that exist with other bytes.
    pub different: Vec<String>,
}

impl Site {
    /// For a read-only site: download the files of every draft linked to it that differ
    /// from what was read, at their paths, as one zip.
    pub fn download_changes(self) {
        let Some((id, folder)) = self.connected() else {
            return;
        };
        let open = self.persistence.current_id();
        let mut files = Vec::new();
        for draft in self.persistence.linked_drafts(&id) {
            let Some(link) = draft.site.clone() else {
                continue;
            };
            let bytes = if open.as_deref() == Some(draft.id.as_str()) {
                self.bytes()
            } else {
                match browser::storage::load_draft(&draft.id) {
                    Ok(Some(text)) => quire_core::export::export_text(&text, &draft.endings.get())
                        .into_owned()
                        .into_bytes(),
                    _ => continue,
                }
            };
            if link.compare(&bytes) == OnDisk::Changed {
                files.push((link.path, bytes));
            }
        }
        if files.is_empty() {
            self.tell(NoticeKind::Info, "No post of this site was changed here.");
            return;
        }
        self.download_files(&folder, files);
    }

    /// Download `files` at their paths as one zip named after the site.
    fn download_files(self, folder: &Folder, files: Vec<(String, Vec<u8>)>) {
        let name = site::changes_zip_name(&folder.name(), &browser::clock::now_local());
        let zip = site::files_zip(&files);
        match browser::download::download(&name, &zip, "application/zip") {
            Ok(()) => self.tell(
                NoticeKind::Info,
                format!(
                    "This browser cannot write into {}: {} downloaded as {name}, at their paths ({}). Unpack it over the folder.",
                    folder.name(),
                    if files.len() == 1 { "the change is" } else { "the changes are" },
                    files.iter().map(|(p, _)| p.as_str()).collect::<Vec<_>>().join(", ")
                ),
            ),
            Err(err) => self.problem(format!("The changes could not be downloaded: {err}")),
        }
    }

    /// Publish the open draft into the site (`publish-to-site`): the post where the
    /// generator wants it and its images at their paths. Files that exist with other
    /// bytes are written only after the writer says so.
    pub fn publish(self) {
        let Some((folder, kind)) = self.connected_kind() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let (images, missing) = self.images.post_images().await;
            let today = browser::clock::now_local();
            let folder_of_posts = self.settings.posts_folder(kind);
            let post = self
                .state
                .source
                .with_untracked(|src| site::publish_path_in(kind, &folder_of_posts, src, &today));
            let mut files: Vec<(String, Vec<u8>)> = images
                .into_iter()
                .filter_map(|(site_path, bytes)| Some((site::image_file(kind, &site_path)?, bytes)))
                .collect();
            files.push((post, self.bytes()));
            let mut different = Vec::new();
            for (path, bytes) in &files {
                match folder.read(path).await {
                    Ok(Some(found)) if found.bytes != *bytes => different.push(path.clone()),
                    Ok(_) => {}
                    Err(err) => {
                        self.problem(format!(
                            "Nothing was published: {path} could not be read ({err})."
                        ));
                        return;
                    }
                }
            }
            if !missing.is_empty() {
                self.problem(format!(
                    "This browser does not have {}: publish it by hand.",
                    missing.join(", ")
                ));
            }
            if !self.writable() {
                self.download_files(&folder, files);
                return;
            }
            let pending = Pending { files, different };
            if pending.different.is_empty() {
                self.write_published(&folder, pending).await;
            } else {
                self.pending.set(Some(pending));
            }
        });
    }

    /// Go on with the publish waiting in [`Site::pending`], replacing its files.
    pub fn publish_replacing(self) {
        let Some(pending) = self.pending.try_update(Option::take).flatten() else {
            return;
        };
        let Some((_, folder)) = self.connected() else {
            return;
        };
        leptos::task::spawn_local(async move { self.write_published(&folder, pending).await });
    }

    /// Drop the publish waiting in [`Site::pending`].
    pub fn publish_cancel(self) {
        self.pending.set(None);
    }

    /// Write a publish's files (images first, the post last) and link the draft to the post.
    async fn write_published(self, folder: &Folder, pending: Pending) {
        let Some((id, _)) = self.connected() else {
            return;
        };
        let mut written = 0;
        for (path, bytes) in &pending.files {
            match folder.write(path, bytes).await {
                Ok(stat) => {
                    written += 1;
                    if written == pending.files.len() {
                        let mut link =
                            SiteLink::new(&id, &folder.name(), path, bytes, stat.modified_ms);
                        link.size = stat.size;
                        self.persistence.set_site_link(self.state, Some(link));
                        self.update_listed(path, bytes, stat.modified_ms);
                        let images = pending.files.len() - 1;
                        self.tell(
                            NoticeKind::Info,
                            format!(
                                "Published to {path}{}.",
                                match images {
                                    0 => String::new(),
                                    1 => " with its image".to_string(),
                                    n => format!(" with its {n} images"),
                                }
                            ),
                        );
                    }
                }
                Err(err) => {
                    self.problem(format!(
                        "Publishing stopped: {path} could not be written ({err}). {written} of {} files were written; the draft is unchanged.",
                        pending.files.len()
                    ));
                    return;
                }
            }
        }
    }
}
