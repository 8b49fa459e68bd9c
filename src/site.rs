//! The site folder the writer works in: opening it (and reconnecting after a reload), its
//! list of posts, opening a post as a draft linked to its file, saving the draft back
//! into the file, publishing a new post with its images, and never writing over a file
//! that changed on disk without the writer's choice. Components only call these.

use leptos::prelude::*;
use quire_core::import;
use quire_core::site::{self, SiteKind, SiteLink, SitePost};

use std::rc::Rc;

use crate::browser::site_folder::{self, Access};
use crate::browser::{self, site_store};
use crate::images::Images;
use crate::notices::{Notice, NoticeKind};
use crate::persist::Persistence;
use crate::site_settings::SiteSettings;
use crate::state::EditorState;

/// The open site, as the panel shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteInfo {
    /// Quire's id for the folder (drafts link to its files by it).
    pub id: String,
    /// The folder's name.
    pub name: String,
    /// What generator it is for, once read.
    pub kind: Option<SiteKind>,
    /// Whether Quire may read (and, when `writable`, write) it now (after a reload the
    /// browser asks again).
    pub connected: bool,
    /// Whether Quire can write into it; else changes go out as a zip.
    pub writable: bool,
}

mod disk;
mod folder;
mod includes;
mod list;
mod publish;
use crate::browser::site_files::PickedFolder;
pub use disk::DiskChange;
use folder::Folder;
pub use list::SHOWN;
pub use publish::Pending;

/// The site actions, provided once in context.
#[derive(Clone, Copy)]
pub struct Site {
    state: EditorState,
    persistence: Persistence,
    images: Images,
    settings: SiteSettings,
    folder: StoredValue<Option<Folder>, LocalStorage>,
    /// The open site (`None` when none is).
    pub info: RwSignal<Option<SiteInfo>>,
    /// Its posts, newest first, as far as read.
    pub posts: RwSignal<Vec<SitePost>>,
    /// While the list is read: posts read, of how many.
    pub reading: RwSignal<Option<(usize, usize)>>,
    /// The open draft's file changed on disk, waiting for the writer's choice.
    pub conflict: RwSignal<Option<DiskChange>>,
    /// A publish waiting for the writer to allow replacing files.
    pub pending: RwSignal<Option<Pending>>,
    /// The list's filter.
    pub filter: RwSignal<String>,
    /// Site paths of the open post's images that the site's folder has.
    pub site_images: RwSignal<std::collections::BTreeSet<String>>,
}

impl Site {
    /// No site yet; the one kept from the last visit is looked up after start-up.
    pub fn new(
        state: EditorState,
        persistence: Persistence,
        images: Images,
        settings: SiteSettings,
    ) -> Site {
        let site = Site {
            state,
            persistence,
            images,
            settings,
            folder: StoredValue::new_local(None),
            info: RwSignal::new(None),
            posts: RwSignal::new(Vec::new()),
            reading: RwSignal::new(None),
            conflict: RwSignal::new(None),
            pending: RwSignal::new(None),
            filter: RwSignal::new(String::new()),
            site_images: RwSignal::new(std::collections::BTreeSet::new()),
        };
        // Which of the open post's images the folder has, and the include and data files
        // and linked pages it names, once typing settles.
        Effect::new(move |_| {
            state.settled.track();
            site.info.track();
            site.find_site_images();
            site.find_includes(false);
            site.find_data(false);
            site.find_linked(false);
        });
        let on_return = move || {
            site.check_disk();
            site.find_includes(true);
            site.find_data(true);
            site.find_linked(true);
        };
        if let Err(err) = browser::lifecycle::on_return(on_return) {
            site.problem(format!("Changes to site files will not be noticed: {err}"));
        }
        site
    }

    fn tell(self, kind: NoticeKind, text: impl Into<String>) {
        self.state.notice.set(Some(Notice::new(kind, text)));
    }

    fn problem(self, text: impl Into<String>) {
        self.tell(NoticeKind::Problem, text);
    }

    /// Whether this browser can open a site folder for writing.
    pub fn supported() -> bool {
        site_folder::supported()
    }

    /// The open site's id and folder, while Quire may use it.
    fn connected(self) -> Option<(String, Folder)> {
        let info = self.info.get_untracked()?;
        if !info.connected {
            return None;
        }
        Some((info.id, self.folder.get_value()?))
    }

    /// The open site's folder and kind, while Quire may use it and once its kind is read.
    fn connected_kind(self) -> Option<(Folder, SiteKind)> {
        let (_, folder) = self.connected()?;
        let kind = self
            .info
            .with_untracked(|i| i.as_ref().and_then(|i| i.kind))?;
        Some((folder, kind))
    }

    /// Reopen the site kept from the last visit: at once when the browser still allows
    /// it, else the panel offers to reconnect (the browser asks only on a click).
    pub fn restore(self) {
        leptos::task::spawn_local(async move {
            let Ok(Some(kept)) = site_store::kept().await else {
                return;
            };
            self.folder
                .set_value(Some(Folder::Disk(kept.folder.clone())));
            let access = site_folder::access(&kept.folder, false).await;
            self.info.set(Some(SiteInfo {
                id: kept.id,
                name: kept.folder.name(),
                kind: None,
                connected: access == Ok(Access::Granted),
                writable: true,
            }));
            if access == Ok(Access::Granted) {
                self.load().await;
            }
        });
    }

    /// Ask the writer for a site folder (`site-open`), keep it, and read its posts.
    /// Where the browser cannot write to a folder, `fallback` is clicked instead (a
    /// folder input: see [`Site::open_picked`]).
    pub fn open(self, fallback: impl FnOnce()) {
        if !Self::supported() {
            fallback();
            return;
        }
        leptos::task::spawn_local(async move {
            let folder = match site_folder::pick().await {
                Ok(Some(folder)) => folder,
                Ok(None) => return,
                Err(err) => {
                    self.problem(format!("The folder could not be opened: {err}"));
                    return;
                }
            };
            let id = quire_core::drafts::new_id(browser::clock::now_ms(), browser::clock::random());
            if let Err(err) = site_store::keep(&id, &folder).await {
                self.problem(format!(
                    "The folder is open, but will not reopen after a reload: {err}"
                ));
            }
            self.start(id, Folder::Disk(folder), true).await;
        });
    }

    /// Open a folder handed over by a folder input (read-only).
    pub fn open_picked(self, input: &web_sys::HtmlInputElement) {
        let Some(picked) = PickedFolder::from_input(input) else {
            return;
        };
        let id = quire_core::drafts::new_id(browser::clock::now_ms(), browser::clock::random());
        leptos::task::spawn_local(async move {
            self.start(id, Folder::Picked(Rc::new(picked)), false).await;
        });
    }

    async fn start(self, id: String, folder: Folder, writable: bool) {
        self.conflict.set(None);
        self.pending.set(None);
        self.info.set(Some(SiteInfo {
            id,
            name: folder.name(),
            kind: None,
            connected: true,
            writable,
        }));
        self.folder.set_value(Some(folder));
        self.load().await;
    }

    /// Ask the browser again for access to the kept folder (`site-reconnect`, a click).
    pub fn reconnect(self) {
        let Some(Folder::Disk(folder)) = self.folder.get_value() else {
            return;
        };
        leptos::task::spawn_local(async move {
            match site_folder::access(&folder, true).await {
                Ok(Access::Granted) => {
                    self.info.update(|i| {
                        if let Some(i) = i {
                            i.connected = true;
                        }
                    });
                    self.load().await;
                }
                Ok(_) => self.problem(format!(
                    "The browser did not allow access to {}; its drafts stay here.",
                    folder.name()
                )),
                Err(err) => self.problem(format!("{} could not be reopened: {err}", folder.name())),
            }
        });
    }

    /// Close the site: forget the folder (drafts keep their text and their link).
    pub fn close(self) {
        self.folder.set_value(None);
        self.info.set(None);
        self.settings.from_folder(None);
        self.settings.forget_includes();
        self.settings.forget_data();
        self.settings.forget_linked();
        self.posts.set(Vec::new());
        self.conflict.set(None);
        self.pending.set(None);
        leptos::task::spawn_local(async move {
            let _ = site_store::forget().await;
        });
    }

    /// Open the site's post at `path`: the draft linked to it if there is one (then
    /// checked against the disk), else a new draft linked to the file.
    pub fn open_post(self, path: String) {
        let Some((id, folder)) = self.connected() else {
            return;
        };
        if let Some(draft) = self.persistence.draft_linked_to(&id, &path) {
            self.persistence.open_draft(self.state, &draft);
            self.check_disk();
            return;
        }
        leptos::task::spawn_local(async move {
            let file = match folder.read(&path).await {
                Ok(Some(file)) => file,
                Ok(None) => {
                    self.problem(format!("{path} is no longer in the site."));
                    return;
                }
                Err(err) => {
                    self.problem(format!("{path} could not be read: {err}"));
                    return;
                }
            };
            let text = match import::decode(&file.bytes) {
                Ok(text) => text,
                Err(err) => {
                    self.problem(format!("{path} was not opened: {err}."));
                    return;
                }
            };
            let link = SiteLink::new(&id, &folder.name(), &path, &file.bytes, file.modified_ms);
            self.persistence
                .new_draft_from_file(self.state, import::for_editor(&text));
            self.persistence.set_site_link(self.state, Some(link));
        });
    }

    /// The open draft's bytes as its file holds them.
    fn bytes(self) -> Vec<u8> {
        let endings = self.persistence.endings();
        self.state.source.with_untracked(|src| {
            quire_core::export::export_text(src, &endings)
                .into_owned()
                .into_bytes()
        })
    }

    /// Whether the open draft is linked to a file of the open site (tracked).
    pub fn linked_here(self) -> bool {
        let link = self.persistence.site_link();
        let info = self.info.get();
        matches!((link, info), (Some(l), Some(i)) if l.site == i.id)
    }

    /// Save the open draft into its file (`save-to-site`, Ctrl+S), unless the file
    /// changed on disk: then the writer chooses (`site-conflict`). Returns false when the
    /// draft is not linked to a file of the open site.
    pub fn save(self) -> bool {
        let Some(link) = self.persistence.site_link_untracked() else {
            return false;
        };
        let Some((id, folder)) = self.connected() else {
            if self
                .info
                .with_untracked(|i| i.as_ref().is_some_and(|i| i.id == link.site))
            {
                self.problem(
                    "Reconnect the site folder first: the browser asks again after a reload.",
                );
                return true;
            }
            return false;
        };
        if id != link.site {
            return false;
        }
        if !self.writable() {
            self.download_changes();
            return true;
        }
        if self.conflict.with_untracked(Option::is_some) {
            self.problem(format!(
                "{} changed on disk: choose what to keep first.",
                link.path
            ));
            return true;
        }
        leptos::task::spawn_local(async move {
            match self.disk_change(&folder, &link).await {
                Ok(None) => self.write_linked(&folder, &link).await,
                Ok(Some(change)) if change.bytes.is_none() => {
                    // Removed from the site: written again, nothing is lost.
                    self.write_linked(&folder, &link).await;
                }
                Ok(Some(change)) => self.conflict.set(Some(change)),
                Err(err) => self.problem(format!(
                    "{} was not saved: it could not be read first ({err}). Your text is kept here.",
                    link.path
                )),
            }
        });
        true
    }

    /// Look up which of the open post's images are in the site's folder.
    fn find_site_images(self) {
        let Some((folder, kind)) = self.connected_kind() else {
            return;
        };
        let paths: Vec<String> = self.state.source.with_untracked(|src| {
            quire_core::images::uses(src)
                .into_iter()
                .filter_map(|u| u.site_path)
                .collect()
        });
        leptos::task::spawn_local(async move {
            let mut found = std::collections::BTreeSet::new();
            for path in paths {
                let Some(file) = site::image_file(kind, &path) else {
                    continue;
                };
                if let Ok(Some(_)) = folder.stat(&file).await {
                    found.insert(path);
                }
            }
            if self.site_images.with_untracked(|s| *s != found) {
                self.site_images.set(found);
            }
        });
    }

    /// Whether the open site can be written to.
    fn writable(self) -> bool {
        self.info
            .with_untracked(|i| i.as_ref().is_some_and(|i| i.writable))
    }
}

/// The site actions from context.
pub fn use_site() -> Site {
    expect_context::<Site>()
}
