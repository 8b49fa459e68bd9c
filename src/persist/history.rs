//! The revisions side of the persistence path: keeping a snapshot, restoring one,
//! bringing a deleted draft back or forgetting it, and freeing space.

use leptos::prelude::*;
use quire_core::drafts::DraftMeta;
use quire_core::revisions::Reason;

use super::{title_of, Persistence, SaveStatus};
use crate::browser::{self, BrowserError};
use crate::revisions::{self, Free};
use crate::state::EditorState;

impl Persistence {
    /// Keep a snapshot of `text` as a revision of draft `id`. Returns what the writer
    /// should be told if it could not be kept (a full storage is not worth a notice:
    /// snapshots are the first thing given up for space).
    pub(super) fn keep_revision(
        self,
        id: &str,
        text: &str,
        title: &str,
        reason: Reason,
    ) -> Option<String> {
        let _ = browser::perf::mark(browser::perf::REVISION_START);
        let endings = self.stored_endings_of(id);
        let kept = revisions::snapshot(id, text, title, endings, reason, self.images_of(text));
        // For the bench; a failed measure changes nothing for the writer.
        let _ = browser::perf::measure_from(browser::perf::REVISION, browser::perf::REVISION_START);
        match kept {
            Ok(history) => {
                if self.current_id().as_deref() == Some(id) {
                    self.history.set(history);
                }
                self.histories_changed.notify();
                None
            }
            Err(revisions::SnapshotError::Storage(BrowserError::QuotaExceeded)) => None,
            Err(err) => Some(format!("Revisions of “{title}”: {err}.")),
        }
    }

    /// Load the opened draft's revisions and keep one of it as opened, once the page has
    /// shown it (off the start-up path). A new draft has nothing stored to keep yet.
    pub fn keep_opened_revision(self, state: EditorState) {
        if self.status.get_untracked() != SaveStatus::Saved {
            return;
        }
        let keep = move || {
            let Some(id) = self.current_id() else {
                return;
            };
            self.history.set(revisions::load(&id).unwrap_or_default());
            let title = self.stored_title(&id);
            let problem = state
                .loaded
                .with_untracked(|text| self.keep_revision(&id, text, &title, Reason::Opened));
            if let Some(problem) = problem.and_then(crate::notices::problem) {
                state.notice.update(|notice| {
                    *notice = Some(match notice.take() {
                        Some(earlier) => earlier.and(problem),
                        None => problem,
                    });
                });
            }
        };
        set_timeout(keep, std::time::Duration::ZERO);
    }

    /// Put revision `n` of the open draft back in the editor as one edit (Ctrl+Z takes it
    /// back), after keeping the current text as a revision too.
    pub fn restore_revision(self, state: EditorState, n: u32) {
        let Some(id) = self.current_id() else {
            return;
        };
        let recorded = self.history.with_untracked(|h| {
            h.revisions
                .iter()
                .find(|r| r.n == n)
                .map(|r| r.images.clone())
        });
        self.learn_images(&recorded.unwrap_or_default());
        let text = match revisions::text(&id, n) {
            Ok(text) => text,
            Err(why) => {
                state.notice.set(crate::notices::problem(format!(
                    "The revision could not be restored: {why}."
                )));
                return;
            }
        };
        let mine = state.source.get_untracked();
        let problem = self.keep_revision(&id, &mine, &title_of(state), Reason::BeforeRestore);
        state.apply(quire_core::Change::new(
            quire_core::TextEdit::new(0..mine.len(), text).minimized(&mine),
        ));
        if let Some(problem) = problem {
            state.notice.set(crate::notices::problem(problem));
        }
    }

    /// Bring deleted draft `id` back from its newest revision, and open it.
    pub fn restore_deleted(self, state: EditorState, id: &str) {
        let restored = revisions::load(id)
            .map_err(|e| e.to_string())
            .and_then(|history| {
                let newest = history.newest().ok_or("it has no revision left")?;
                Ok((
                    revisions::text(id, newest.n)?,
                    history.title.clone(),
                    history.endings.clone(),
                    newest.images.clone(),
                ))
            });
        let (text, title, endings, images) = match restored {
            Ok(found) => found,
            Err(why) => {
                state.notice.set(crate::notices::problem(format!(
                    "The draft could not be brought back: {why}."
                )));
                return;
            }
        };
        // Saved first: the index taken below then holds the open draft's latest entry.
        self.save_now(state);
        let Some(mut index) = self.index.get_untracked() else {
            return;
        };
        index.upsert(DraftMeta {
            id: id.to_string(),
            title,
            updated_ms: browser::clock::now_ms(),
            words: quire_core::stats::post_stats(&text).words,
            bytes: text.len(),
            caret: 0,
            scroll: 0.0,
            endings,
            images,
            site: None,
        });
        let saved = browser::storage::save_draft(id, &text)
            .and_then(|()| browser::storage::save_index(&index));
        if let Err(err) = saved {
            state.notice.set(crate::notices::problem(format!(
                "The draft could not be brought back: {err}"
            )));
            return;
        }
        self.index.set(Some(index));
        self.histories_changed.notify();
        self.open_draft(state, id);
    }

    /// Remove a deleted draft's revisions for good.
    pub fn forget_deleted(self, state: EditorState, id: &str) {
        if let Err(err) = revisions::forget(id) {
            state.notice.set(crate::notices::problem(format!(
                "The deleted draft's revisions could not be removed: {err}."
            )));
        }
        self.histories_changed.notify();
    }

    /// Delete snapshots to make room, then try saving again.
    pub fn free_space(self, state: EditorState, how: Free) {
        let freed = revisions::free_space(how);
        if let Some(id) = self.current_id() {
            self.history.set(revisions::load(&id).unwrap_or_default());
        }
        self.histories_changed.notify();
        state.notice.set(Some(crate::notices::Notice::new(
            crate::notices::NoticeKind::Info,
            format!(
                "Removed {freed} bytes of old revisions.{}",
                if freed == 0 {
                    " There were none to remove."
                } else {
                    ""
                }
            ),
        )));
        self.status.set(SaveStatus::Pending);
        self.save_now(state);
    }

    /// Keep `text` as a revision of the open draft (with `endings`, the lines' endings
    /// of the file it came from); what the writer should be told if it could not be kept.
    pub fn keep_revision_of_open(
        self,
        state: EditorState,
        text: &str,
        reason: Reason,
    ) -> Option<String> {
        let id = self.current_id()?;
        self.keep_revision(&id, text, &title_of(state), reason)
    }

    /// Put a file's text in the editor over the open draft's as one edit (Ctrl+Z takes it
    /// back), the draft's text kept as a revision first; the file's line endings are
    /// then the draft's.
    pub fn take_file(self, state: EditorState, file: quire_core::import::EditorText) {
        let mine = state.source.get_untracked();
        let problem = self.keep_revision_of_open(state, &mine, Reason::BeforeTakeDisk);
        if mine != file.text {
            state.apply(quire_core::Change::new(
                quire_core::TextEdit::new(0..mine.len(), file.text).minimized(&mine),
            ));
        }
        self.endings.set_value(file.endings);
        self.status.set(SaveStatus::Pending);
        self.save_now(state);
        if let Some(problem) = problem {
            state.notice.set(crate::notices::problem(problem));
        }
    }

    /// Resolve a conflict by keeping this tab's text as a new draft; the other tab's text
    /// stays under the original draft.
    pub fn keep_mine_as_copy(self, state: EditorState) {
        if self.conflict.try_update(Option::take).flatten().is_some() {
            self.status.set(SaveStatus::Saved);
            self.new_draft(state, state.source.get_untracked());
        }
    }
}
