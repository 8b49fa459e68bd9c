//! Getting posts into Quire: a post file opened as a new draft (chosen, or dropped on the
//! editor; the open draft is never overwritten), read with progress when large, and a
//! backup merged in. Components only call these.

use leptos::prelude::*;

use crate::browser::{self, BrowserError};
use crate::notices::{Notice, NoticeKind};
use crate::persist::{Persistence, RestoreError, Restored};
use crate::state::EditorState;

/// Files from this size on show their progress while they are read.
const SHOW_PROGRESS_FROM: f64 = 256.0 * 1024.0;

/// A file being opened: its name, bytes read, bytes in all.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub name: String,
    pub done: f64,
    pub total: f64,
}

/// The import actions, provided once in context.
#[derive(Clone, Copy)]
pub struct Importer {
    state: EditorState,
    persistence: Persistence,
    progress: RwSignal<Option<Progress>>,
}

impl Importer {
    /// The importer into the drafts of `persistence`.
    pub fn new(state: EditorState, persistence: Persistence) -> Importer {
        Importer {
            state,
            persistence,
            progress: RwSignal::new(None),
        }
    }

    /// The file being opened, while there is one (tracked).
    pub fn progress(self) -> Option<Progress> {
        self.progress.get()
    }

    /// Read a chosen or dropped file, showing progress for a large one, and open it as a
    /// new draft.
    pub fn open_file(self, file: web_sys::File) {
        leptos::task::spawn_local(async move {
            let mut shown = false;
            let (name, read) = browser::file::read_with_progress(&file, |name, done, total| {
                if total >= SHOW_PROGRESS_FROM {
                    shown = true;
                    self.progress.set(Some(Progress {
                        name: name.to_string(),
                        done,
                        total,
                    }));
                }
            })
            .await;
            if shown {
                // Let "Opening…" show while a large text goes into the editor.
                browser::yield_to_browser().await;
            }
            self.open_as_draft(&name, read);
            self.progress.set(None);
        });
    }

    /// Open a file's bytes as a new draft, or say why not.
    fn open_as_draft(self, name: &str, read: Result<Vec<u8>, BrowserError>) {
        let (state, persistence) = (self.state, self.persistence);
        match read.map(|bytes| quire_core::import::decode(&bytes)) {
            Ok(Ok(text)) => {
                persistence.new_draft_from_file(state, quire_core::import::for_editor(&text));
                // Saved at once: a file too large for the storage is said so now.
                persistence.save_now(state);
            }
            Ok(Err(why)) => state.notice.set(crate::notices::problem(format!(
                "{name} was not opened: {why}."
            ))),
            Err(err) => state.notice.set(crate::notices::problem(format!(
                "{name} could not be read: {err}."
            ))),
        }
    }

    /// Merge the backup in `file` into the stored drafts (nothing stored is overwritten)
    /// and say what was done.
    pub fn restore_backup(self, file: web_sys::File) {
        leptos::task::spawn_local(async move {
            let (name, read) = browser::file::read(&file).await;
            let restored = match read {
                Ok(bytes) => Ok(self.restore(&bytes).await),
                Err(err) => Err(err),
            };
            let notice = match restored {
                Ok(Ok(done)) => Notice::new(NoticeKind::Info, done.to_string()),
                Ok(Err(why)) => Notice::new(
                    NoticeKind::Problem,
                    format!("{name} was not restored: {why}."),
                ),
                Err(err) => Notice::new(
                    NoticeKind::Problem,
                    format!("{name} could not be read: {err}."),
                ),
            };
            self.state.notice.set(Some(notice));
        });
    }
}

impl Importer {
    /// Restore backup `bytes`: its images first, then its drafts (which use them).
    async fn restore(self, bytes: &[u8]) -> Result<Restored, RestoreError> {
        let (drafts, images) =
            quire_core::backup::read_with_images(bytes).map_err(RestoreError::Backup)?;
        crate::images::Images::restore(&images)
            .await
            .map_err(RestoreError::Images)?;
        self.persistence.restore_drafts(drafts)
    }
}

/// The importer from context.
pub fn use_importer() -> Importer {
    expect_context::<Importer>()
}
