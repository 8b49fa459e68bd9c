//! The draft list's actions on the persistence path: open a stored draft, start a new
//! one (from the template, a copy or a file), delete one with undo.

use leptos::prelude::*;
use quire_core::drafts;
use quire_core::revisions::Reason;

use super::{Deleted, Persistence, SaveStatus, UNDO_FOR};
use crate::browser;
use crate::state::EditorState;

impl Persistence {
    /// Save the open draft, then open the stored draft `id`.
    pub fn open_draft(self, state: EditorState, id: &str) {
        if self.current_id().as_deref() == Some(id) {
            return;
        }
        self.save_now(state);
        match browser::storage::load_draft(id) {
            Ok(Some(text)) => self.show(state, id.to_string(), text, true),
            Ok(None) => state.notice.set(crate::notices::problem(
                "That draft's text is missing from storage.",
            )),
            Err(err) => state.notice.set(crate::notices::problem(format!(
                "That draft could not be read: {err}"
            ))),
        }
    }

    /// Save the open draft, then start a new one with `text`.
    pub fn new_draft(self, state: EditorState, text: String) {
        self.save_now(state);
        let id = drafts::new_id(browser::clock::now_ms(), browser::clock::random());
        self.show(state, id, text, false);
    }

    /// Open a file's text as a new draft, remembering its line endings for export.
    pub fn new_draft_from_file(self, state: EditorState, file: quire_core::import::EditorText) {
        self.new_draft(state, file.text);
        self.endings.set_value(file.endings);
    }

    /// Start a new draft holding the open one's text and line endings.
    pub fn duplicate(self, state: EditorState) {
        let text = state.source.get_untracked();
        let endings = self.endings();
        self.new_draft_from_file(state, quire_core::import::EditorText { text, endings });
    }

    /// Delete draft `id` (kept for undo for [`UNDO_FOR`]). Deleting the open draft opens
    /// the newest other one, or a new one from `template`.
    pub fn delete(self, state: EditorState, id: &str, template: impl FnOnce() -> String) {
        self.save_now(state);
        let was_open = self.current_id().as_deref() == Some(id);
        let text = if was_open {
            state.source.get_untracked()
        } else {
            browser::storage::load_draft(id)
                .ok()
                .flatten()
                .unwrap_or_default()
        };
        let Some(mut index) = self.index.get_untracked() else {
            return;
        };
        let Some(meta) = index.remove(id) else {
            return;
        };
        // Kept as a revision, so the draft can be brought back after the undo has gone.
        if let Some(problem) = self.keep_revision(id, &text, &meta.title, Reason::BeforeDelete) {
            state.notice.set(crate::notices::problem(problem));
        }
        if let Err(err) =
            browser::storage::save_index(&index).and_then(|()| browser::storage::remove_draft(id))
        {
            state.notice.set(crate::notices::problem(format!(
                "The draft could not be deleted: {err}"
            )));
            return;
        }
        self.index.set(Some(index.clone()));
        self.deleted.set(Some(Deleted {
            meta,
            text,
            was_open,
        }));
        let deleted = self.deleted;
        leptos::leptos_dom::helpers::set_timeout(move || deleted.set(None), UNDO_FOR);
        if was_open {
            match index.listed("").first() {
                Some(next) => {
                    // The deleted draft is no longer the open one: nothing of it is saved again.
                    self.open.set(None);
                    self.status.set(SaveStatus::Saved);
                    self.open_draft(state, &next.id);
                }
                None => {
                    self.open.set(None);
                    self.status.set(SaveStatus::Saved);
                    self.new_draft(state, template());
                }
            }
        }
    }

    /// Bring the last deleted draft back (and open it again if it was open).
    pub fn undo_delete(self, state: EditorState) {
        let Some(deleted) = self.deleted.get_untracked() else {
            return;
        };
        let Some(mut index) = self.index.get_untracked() else {
            return;
        };
        let id = deleted.meta.id.clone();
        index.upsert(deleted.meta.clone());
        let restored = browser::storage::save_draft(&id, &deleted.text)
            .and_then(|()| browser::storage::save_index(&index));
        if let Err(err) = restored {
            state.notice.set(crate::notices::problem(format!(
                "The draft could not be restored: {err}"
            )));
            return;
        }
        self.index.set(Some(index));
        self.deleted.set(None);
        if deleted.was_open {
            self.open_draft(state, &id);
        }
    }
}
