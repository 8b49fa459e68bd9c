//! A linked file that changed on disk: noticing it (the window regained focus, a post was
//! opened, before a save) and the writer's three ways out: take the file's version, keep
//! theirs as a new draft, or write the draft over the file (the other version is kept as
//! a revision either way).

use leptos::prelude::*;
use quire_core::import::{self, EditorText};
use quire_core::revisions::Reason;
use quire_core::site::{OnDisk, SiteLink};

use super::folder::Folder;
use super::Site;
use crate::browser::{self, BrowserError};
use crate::notices::NoticeKind;

/// The open draft's file changed on disk since Quire last read or wrote it.
#[derive(Debug, Clone, PartialEq)]
pub struct DiskChange {
    /// The file, relative to the site's root.
    pub path: String,
    /// Its bytes now (`None`: it was removed).
    pub bytes: Option<Vec<u8>>,
    /// Its last change now.
    pub modified_ms: f64,
}

impl Site {
    /// What changed in the linked file since Quire read or wrote it (`None`: nothing).
    pub(super) async fn disk_change(
        self,
        folder: &Folder,
        link: &SiteLink,
    ) -> Result<Option<DiskChange>, BrowserError> {
        let Some(stat) = folder.stat(&link.path).await? else {
            return Ok(Some(DiskChange {
                path: link.path.clone(),
                bytes: None,
                modified_ms: 0.0,
            }));
        };
        if link.unchanged(stat.size, stat.modified_ms) {
            return Ok(None);
        }
        let Some(file) = folder.read(&link.path).await? else {
            return Ok(None);
        };
        Ok(match link.compare(&file.bytes) {
            OnDisk::Same => {
                // Touched, not changed: remember the new time.
                let mut same = link.clone();
                same.modified_ms = file.modified_ms;
                if self.persistence.site_link_untracked().as_ref() == Some(link) {
                    self.persistence.set_site_link(self.state, Some(same));
                }
                None
            }
            OnDisk::Changed => Some(DiskChange {
                path: link.path.clone(),
                bytes: Some(file.bytes),
                modified_ms: file.modified_ms,
            }),
        })
    }

    /// Write the open draft into its linked file and remember what was written.
    pub(super) async fn write_linked(self, folder: &Folder, link: &SiteLink) {
        let bytes = self.bytes();
        match folder.write(&link.path, &bytes).await {
            Ok(stat) => {
                let mut written = SiteLink::new(
                    &link.site,
                    &link.site_name,
                    &link.path,
                    &bytes,
                    stat.modified_ms,
                );
                written.size = stat.size;
                self.persistence.set_site_link(self.state, Some(written));
                self.update_listed(&link.path, &bytes, stat.modified_ms);
                self.tell(
                    NoticeKind::Info,
                    format!(
                        "Saved to {} at {}.",
                        link.path,
                        browser::clock::short_time(browser::clock::now_ms())
                    ),
                );
            }
            Err(err) => self.problem(format!(
                "{} could not be written: {err}. The file on disk is as it was, and your text is kept here.",
                link.path
            )),
        }
    }

    /// Compare the open draft's file with the disk (the window regained focus, a post
    /// was opened): a change made elsewhere waits for the writer's choice.
    pub fn check_disk(self) {
        let Some(link) = self.persistence.site_link_untracked() else {
            return;
        };
        let Some((id, folder)) = self.connected() else {
            return;
        };
        if id != link.site || self.conflict.with_untracked(Option::is_some) {
            return;
        }
        leptos::task::spawn_local(async move {
            if let Ok(Some(change)) = self.disk_change(&folder, &link).await {
                // Still the same draft and link: the writer may have moved on meanwhile.
                if self.persistence.site_link_untracked().as_ref() == Some(&link) {
                    self.conflict.set(Some(change));
                }
            }
        });
    }

    /// Resolve a disk conflict by taking the file's version; the draft's text is kept as
    /// a revision.
    pub fn take_disk(self) {
        let Some(change) = self.conflict.get_untracked() else {
            return;
        };
        let Some(bytes) = change.bytes.clone() else {
            self.conflict.set(None);
            return;
        };
        let text = match import::decode(&bytes) {
            Ok(text) => text,
            Err(err) => {
                self.problem(format!(
                    "The file's version cannot be opened ({err}); keep yours or overwrite it."
                ));
                return;
            }
        };
        let Some(link) = self.persistence.site_link_untracked() else {
            return;
        };
        self.conflict.set(None);
        self.persistence
            .take_file(self.state, import::for_editor(&text));
        let taken = SiteLink::new(
            &link.site,
            &link.site_name,
            &link.path,
            &bytes,
            change.modified_ms,
        );
        self.persistence.set_site_link(self.state, Some(taken));
        self.update_listed(&change.path, &bytes, change.modified_ms);
        self.tell(
            NoticeKind::Info,
            format!(
                "Took the version of {} on disk; yours is kept in the revisions.",
                change.path
            ),
        );
    }

    /// Resolve a disk conflict by keeping the draft's text as a new draft (not linked),
    /// while the linked draft takes the file's version.
    pub fn keep_mine_as_copy(self) {
        let mine = EditorText {
            text: self.state.source.get_untracked(),
            endings: self.persistence.endings(),
        };
        if self
            .conflict
            .with_untracked(|c| c.as_ref().is_some_and(|c| c.bytes.is_none()))
        {
            // The file is gone: the draft stays as it is, unlinked.
            self.conflict.set(None);
            self.persistence.set_site_link(self.state, None);
            return;
        }
        self.take_disk();
        if self.conflict.with_untracked(Option::is_some) {
            return;
        }
        self.persistence.new_draft_from_file(self.state, mine);
        self.tell(
            NoticeKind::Info,
            "Your version is kept as a new draft; the linked draft has the file's version.",
        );
    }

    /// Resolve a disk conflict by writing the draft over the file; the file's version is
    /// kept as a revision of the draft.
    pub fn overwrite(self) {
        let Some(change) = self.conflict.get_untracked() else {
            return;
        };
        let (Some(link), Some((_, folder))) =
            (self.persistence.site_link_untracked(), self.connected())
        else {
            return;
        };
        if let Some(bytes) = &change.bytes {
            let theirs = import::for_editor(&String::from_utf8_lossy(bytes));
            if let Some(problem) = self.persistence.keep_revision_of_open(
                self.state,
                &theirs.text,
                Reason::DiskVersion,
            ) {
                self.problem(format!("The file was not overwritten: {problem}"));
                return;
            }
        }
        self.conflict.set(None);
        leptos::task::spawn_local(async move { self.write_linked(&folder, &link).await });
    }
}
