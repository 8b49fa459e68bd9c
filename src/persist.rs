//! The one persistence path: which draft is open, when it is saved, and what the writer is
//! told about it. Saving never touches the editor's text, and a failed save keeps it all.

use std::time::Duration;

use leptos::prelude::*;
use quire_core::drafts::{self, DraftMeta, Index};
use quire_core::images::ImageMap;
use quire_core::line_endings::LineEndings;
use quire_core::revisions::{History, Reason};
use quire_core::site::SiteLink;
use quire_core::store::{self, SaveError};

use crate::browser;
use crate::notices::{Notice, NoticeKind};
use crate::revisions;
use crate::state::EditorState;

mod attached;
mod backups;
mod endings;
mod history;
mod list;
mod status;

pub use backups::{RestoreError, Restored};
pub use status::{SaveFailure, SaveStatus};

/// How long after the last keystroke a change is saved.
pub const SAVE_DELAY: Duration = Duration::from_millis(500);

/// How long a deleted draft can be brought back.
pub const UNDO_FOR: Duration = Duration::from_secs(12);

/// A deleted draft, kept for undo.
#[derive(Debug, Clone, PartialEq)]
pub struct Deleted {
    pub meta: DraftMeta,
    pub text: String,
    pub was_open: bool,
}

/// The open draft and its saving: the one owner of which draft is open, of the draft
/// index as this tab knows it, of the save state and of the open draft's revisions.
#[derive(Clone, Copy)]
pub struct Persistence {
    /// The open draft (none for a moment after the open one was deleted).
    open: RwSignal<Option<String>>,
    /// The index as this tab knows it; `None` when the stored one must not be overwritten.
    index: RwSignal<Option<Index>>,
    /// The save waiting for typing to pause.
    timer: StoredValue<browser::debounce::Debounce, LocalStorage>,
    /// What `save-status` shows.
    status: RwSignal<SaveStatus>,
    /// The last deleted draft, while it can be restored.
    deleted: RwSignal<Option<Deleted>>,
    /// Text another tab saved for the open draft, while the writer has not chosen what to
    /// do with it. Saving is held meanwhile, so neither tab overwrites the other silently.
    conflict: RwSignal<Option<String>>,
    /// The line endings of the open draft's file, one per line break of the editor's
    /// text, followed through every edit and written back on export.
    endings: StoredValue<LineEndings>,
    /// The open draft's revisions.
    history: RwSignal<History>,
    /// Fires when any stored history changed (the deleted drafts follow it).
    histories_changed: Trigger,
    /// The stored images this visit knows by site path: those of every draft and revision
    /// opened and every image added. A save records the ones its text uses.
    known: RwSignal<ImageMap>,
    /// The site file the open draft is linked to, if any (stored with it).
    link: RwSignal<Option<SiteLink>>,
}

/// What opening found: the text to edit, where the caret and scroll were, and anything
/// the writer should be told.
pub struct Opened {
    pub text: String,
    pub caret: u32,
    pub scroll: f64,
    pub notice: Option<Notice>,
}

impl Persistence {
    /// Reopen the last draft, or start a new one from `template`.
    pub fn open(template: impl FnOnce() -> String) -> (Persistence, Opened) {
        let new_id = || drafts::new_id(browser::clock::now_ms(), browser::clock::random());
        let (index, notice) = match browser::storage::load_index() {
            Ok(None) => (Some(Index::default()), None),
            Ok(Some(Ok(index))) => (Some(index), None),
            Ok(Some(Err(why))) => (
                None,
                Some(format!(
                    "{why}. New work is saved, but not listed with them."
                )),
            ),
            Err(err) => (
                Some(Index::default()),
                Some(format!(
                    "{err}: nothing will be kept in this browser. Download the post to keep it."
                )),
            ),
        };
        let mut notices: Vec<String> = notice.into_iter().collect();
        let damaged = index.as_ref().map_or(0, |i| i.damaged.len());
        if damaged > 0 {
            notices.push(format!(
                "{damaged} {} of the saved draft list could not be read: skipped, and left in \
                 storage as {}.",
                if damaged == 1 { "entry" } else { "entries" },
                if damaged == 1 { "it is" } else { "they are" }
            ));
        }
        let current = index.as_ref().and_then(|i| i.current_meta().cloned());
        let restored = current.and_then(|meta| {
            let text = browser::storage::load_draft(&meta.id).ok().flatten();
            if text.is_none() {
                notices.push(format!(
                    "The text of “{}”, open last time, is missing from storage; a new draft \
                     was started.",
                    meta.title
                ));
            }
            Some((meta, text?))
        });
        let known = current_images(index.as_ref());
        let persistence = |id: String, status: SaveStatus, endings: LineEndings| Persistence {
            open: RwSignal::new(Some(id)),
            index: RwSignal::new(index.clone()),
            timer: StoredValue::new_local(browser::debounce::Debounce::default()),
            status: RwSignal::new(status),
            deleted: RwSignal::new(None),
            conflict: RwSignal::new(None),
            endings: StoredValue::new(endings),
            history: RwSignal::new(History::default()),
            histories_changed: Trigger::new(),
            known: RwSignal::new(known.clone()),
            link: RwSignal::new(None),
        };
        match restored {
            Some((meta, text)) => (
                {
                    let opened =
                        persistence(meta.id.clone(), SaveStatus::Saved, meta.endings.get());
                    opened.link.set(meta.site.clone());
                    opened
                },
                Opened {
                    text,
                    caret: meta.caret,
                    scroll: meta.scroll,
                    notice: joined(notices),
                },
            ),
            None => {
                let status = match browser::storage::available() {
                    Ok(()) => SaveStatus::Pending,
                    Err(err) => SaveStatus::Failed(SaveFailure::Storage(err.to_string())),
                };
                (
                    persistence(new_id(), status, LineEndings::default()),
                    Opened {
                        text: template(),
                        caret: 0,
                        scroll: 0.0,
                        notice: joined(notices),
                    },
                )
            }
        }
    }

    /// Save what the editor changes [`SAVE_DELAY`] after the change (see
    /// [`Persistence::edited`]), a new draft now, and everything at once when the page is
    /// hidden or left.
    pub fn watch(self, state: EditorState) {
        if self.status.get_untracked() == SaveStatus::Pending {
            self.schedule(state);
        }
        if let Err(err) = browser::lifecycle::on_hide(move || self.save_now(state)) {
            state.notice.set(crate::notices::problem(format!(
                "Saving when the page closes is off: {err}"
            )));
        }
        let on_change = move |key: String, value| self.changed_elsewhere(state, &key, value);
        if let Err(err) = browser::lifecycle::on_storage_change(on_change) {
            state.notice.set(crate::notices::problem(format!(
                "Changes from other tabs will not be noticed: {err}"
            )));
        }
    }

    /// Another tab wrote `key`.
    fn changed_elsewhere(self, state: EditorState, key: &str, value: Option<String>) {
        if key == drafts::INDEX_KEY {
            if let Some(Ok(theirs)) = value.as_deref().map(drafts::parse_index) {
                let current = self
                    .index
                    .with_untracked(|i| i.as_ref().and_then(|i| i.current.clone()));
                self.index.set(Some(Index { current, ..theirs }));
            }
            return;
        }
        if self
            .current_id()
            .is_none_or(|id| key != drafts::draft_key(&id))
        {
            return;
        }
        if let Some(theirs) = value {
            if state.source.with_untracked(|mine| *mine != theirs) {
                self.cancel();
                self.conflict.set(Some(theirs));
                self.status.set(SaveStatus::Failed(SaveFailure::Conflict));
            }
        }
    }

    /// Resolve a conflict by taking the other tab's text (this tab's is kept as a revision).
    pub fn take_theirs(self, state: EditorState) {
        let theirs = self.conflict.try_update(Option::take).flatten();
        if let (Some(theirs), Some(id)) = (theirs, self.current_id()) {
            let problem = state.source.with_untracked(|mine| {
                self.keep_revision(&id, mine, &title_of(state), Reason::BeforeTakeNewer)
            });
            self.show(state, id, theirs, true);
            if problem.is_some() {
                state.notice.set(problem.and_then(crate::notices::problem));
            }
        }
    }

    fn schedule(self, state: EditorState) {
        // Set once: every keystroke would otherwise wake what shows the status.
        if self.status.get_untracked() != SaveStatus::Pending {
            self.status.set(SaveStatus::Pending);
        }
        self.timer
            .with_value(|timer| timer.poke(SAVE_DELAY, move || self.save_now(state)));
    }

    fn cancel(self) {
        self.timer.with_value(browser::debounce::Debounce::cancel);
    }

    /// Save the editor's text now, if it has unsaved changes.
    pub fn save_now(self, state: EditorState) {
        self.cancel();
        if self.status.get_untracked() == SaveStatus::Saved {
            return;
        }
        if self.conflict.with_untracked(Option::is_some) {
            // Never overwrite what another tab saved before the writer has chosen.
            self.status.set(SaveStatus::Failed(SaveFailure::Conflict));
            return;
        }
        let Some(id) = self.current_id() else {
            return;
        };
        let _ = browser::perf::mark(browser::perf::SAVE_START);
        let index = self.index_with_open_draft(state, &id);
        // The rules (text, then index; old revisions given up when full, never for a text
        // too large to fit) are the core's: `quire_core::store`.
        let result = state.source.with_untracked(|text| {
            store::save_draft(&mut browser::storage::Local, &id, text, index.as_ref())
        });
        if result.as_ref().is_ok_and(|freed| *freed > 0) {
            self.history.set(revisions::load(&id).unwrap_or_default());
            self.histories_changed.notify();
        }
        if result.is_ok() && index.is_some() {
            self.index.set(index);
        }
        // For the bench; a failed measure changes nothing for the writer.
        let _ = browser::perf::measure_from(browser::perf::SAVE, browser::perf::SAVE_START);
        match result {
            Ok(_) => {
                self.status.set(SaveStatus::Saved);
                let now = browser::clock::now_ms();
                if self.history.with_untracked(|h| h.periodic_due(now)) {
                    // A history that cannot be read was reported when the draft opened.
                    let _ = state.source.with_untracked(|text| {
                        self.keep_revision(&id, text, &title_of(state), Reason::Periodic)
                    });
                }
                if state
                    .notice
                    .with_untracked(|n| n.as_ref().is_some_and(Notice::about_saving))
                {
                    state.notice.set(None);
                }
            }
            Err(err) => {
                let failure = match err {
                    SaveError::TooLarge => SaveFailure::TooLarge,
                    SaveError::Full => SaveFailure::StorageFull,
                    SaveError::Other(why) => SaveFailure::Storage(why),
                };
                let bytes = state.source.with_untracked(String::len);
                if let Some(notice) = failure.notice(bytes) {
                    state.notice.set(Some(notice));
                }
                self.status.set(SaveStatus::Failed(failure));
            }
        }
    }

    /// The index as it will be stored with the open draft saved as `id` (`None` when
    /// the stored index must not be overwritten).
    fn index_with_open_draft(self, state: EditorState, id: &str) -> Option<Index> {
        let mut index = self.index.get_untracked()?;
        let (caret, scroll) = state
            .editor
            .get_untracked()
            .map(|t| browser::editor::caret_and_scroll(&t))
            .unwrap_or_default();
        index.upsert(DraftMeta {
            id: id.to_string(),
            title: title_of(state),
            updated_ms: browser::clock::now_ms(),
            words: state.stats.get_untracked().words,
            bytes: state.source.with_untracked(String::len),
            caret,
            scroll,
            endings: self.stored_endings(),
            images: state.source.with_untracked(|text| self.images_of(text)),
            site: self.link.get_untracked(),
        });
        index.set_current(Some(id));
        Some(index)
    }

    /// The id of the open draft.
    pub fn current_id(self) -> Option<String> {
        self.open.get_untracked()
    }

    /// The id of the open draft (tracked).
    pub fn open_id(self) -> Option<String> {
        self.open.get()
    }

    /// Whether draft `id` is the open one (tracked).
    pub fn is_open(self, id: &str) -> bool {
        self.open.with(|open| open.as_deref() == Some(id))
    }

    /// The listed drafts whose title holds `filter`, newest first (tracked).
    pub fn listed(self, filter: &str) -> Vec<DraftMeta> {
        self.index
            .with(|index| index.as_ref().map(|i| i.listed(filter)).unwrap_or_default())
    }

    /// The ids of the stored drafts (tracked).
    pub fn draft_ids(self) -> Vec<String> {
        self.index.with(|index| {
            index
                .as_ref()
                .map(|i| i.drafts.iter().map(|d| d.id.clone()).collect())
                .unwrap_or_default()
        })
    }

    /// Bytes of text of every stored draft (tracked).
    pub fn stored_bytes(self) -> usize {
        self.index
            .with(|index| index.as_ref().map_or(0, Index::total_bytes))
    }

    /// Whether the open draft's text is stored (tracked).
    pub fn status(self) -> SaveStatus {
        self.status.get()
    }

    /// The last deleted draft, while it can be brought back (tracked).
    pub fn deleted(self) -> Option<Deleted> {
        self.deleted.get()
    }

    /// Whether another tab changed the open draft and the writer has not chosen yet
    /// (tracked).
    pub fn has_conflict(self) -> bool {
        self.conflict.with(Option::is_some)
    }

    /// The open draft's revisions, newest first (tracked).
    pub fn revisions(self) -> Vec<quire_core::revisions::Revision> {
        self.history.with(|h| h.listed().cloned().collect())
    }

    /// Track changes of any stored revision history (the deleted drafts follow them).
    pub fn track_histories(self) {
        self.histories_changed.track();
    }

    /// `read` of draft `id`'s entry in the index, if it has one.
    fn stored<T>(self, id: &str, read: impl FnOnce(&DraftMeta) -> T) -> Option<T> {
        self.index
            .with_untracked(|index| index.as_ref().and_then(|i| i.get(id)).map(read))
    }

    /// The title draft `id` was stored with.
    fn stored_title(self, id: &str) -> String {
        self.stored(id, |d| d.title.clone()).unwrap_or_default()
    }

    /// The editor's text changed (when [`Persistence::needs_texts`] is false): save soon.
    pub fn changed(self, state: EditorState) {
        if self.conflict.with_untracked(Option::is_none) {
            self.schedule(state);
        }
    }

    /// Put `text` in the editor as draft `id`. `stored` says it is already saved.
    fn show(self, state: EditorState, id: String, text: String, stored: bool) {
        let endings = self.stored_endings_of(&id).get();
        let recorded = self
            .stored(&id, |meta| meta.images.clone())
            .unwrap_or_default();
        self.learn_images(&recorded);
        let link = self.stored(&id, |meta| meta.site.clone()).flatten();
        self.cancel();
        self.link.set(link);
        self.endings.set_value(endings);
        self.open.set(Some(id.clone()));
        self.history.set(revisions::load(&id).unwrap_or_default());
        self.status.set(if stored {
            SaveStatus::Saved
        } else {
            SaveStatus::Pending
        });
        if let Some(index) = self.index.get_untracked().as_mut() {
            index.set_current(Some(&id));
            let _ = browser::storage::save_index(index);
            self.index.set(Some(index.clone()));
        }
        if stored {
            let title = self.stored_title(&id);
            if let Some(problem) = self.keep_revision(&id, &text, &title, Reason::Opened) {
                state.notice.set(crate::notices::problem(problem));
            }
        }
        state.forget_typed_caret();
        state.loaded.set(text.clone());
        state.source.set(text);
        if !stored {
            self.schedule(state);
        }
    }
}

/// The post's title as its front matter gives it now (empty when unreadable or missing).
fn title_of(state: EditorState) -> String {
    state.fields.with_untracked(|fields| {
        fields
            .as_ref()
            .ok()
            .and_then(|fields| fields.iter().rev().find(|f| f.key == "title"))
            .map(|f| f.value.to_plain_string())
            .unwrap_or_default()
    })
}

/// The images the index records for the draft open last.
fn current_images(index: Option<&Index>) -> ImageMap {
    index
        .and_then(Index::current_meta)
        .map(|meta| meta.images.clone())
        .unwrap_or_default()
}

/// Several notices as one (`None` when there are none).
fn joined(notices: Vec<String>) -> Option<Notice> {
    (!notices.is_empty()).then(|| Notice::new(NoticeKind::Problem, notices.join(" ")))
}
