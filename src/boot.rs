//! Taking over the page's own editor (see `browser::boot`): what the writer typed before
//! the app arrived becomes one edit of the draft it was typed into, with the caret,
//! selection, scroll and focus they had.

use leptos::prelude::*;
use quire_core::edit::TextEdit;
use quire_core::Change;

use crate::browser::{self, boot::Shown};
use crate::persist::Persistence;
use crate::state::EditorState;

/// What the app knows, as it starts, of the page's editor.
pub struct Boot {
    shown: Option<Shown>,
}

impl Boot {
    /// Read what the page's editor showed (before anything else is started).
    pub fn read() -> Boot {
        Boot {
            shown: browser::boot::shown(),
        }
    }

    /// The text a new draft should start from: the new post the page's editor showed, if
    /// it showed one (so that its date and text are those the writer saw).
    pub fn new_post(&self) -> Option<String> {
        self.shown
            .as_ref()
            .filter(|s| s.draft.is_none())
            .map(|s| s.original.clone())
    }

    /// Take over the page's editor, once the app's editor holds the opened draft's text
    /// (`EditorState::loaded`; call it in an animation frame after the app is mounted: until then the
    /// page's editor keeps taking typing). Typing into the same text becomes one undoable
    /// edit of it; typing into something else (another tab changed the drafts meanwhile,
    /// or the app's editor was already written in) is kept as a new draft, and the writer
    /// is told.
    pub fn take_over(self, state: EditorState, persistence: Persistence) {
        // (The app's editor first: the page's is removed only when there is one to take
        // its text.)
        let Some(textarea) = state.editor.get_untracked() else {
            return;
        };
        let Some(typed) = browser::boot::take_over() else {
            return;
        };
        let Some(shown) = self.shown else {
            return;
        };
        let same_draft = shown.draft.is_none() || shown.draft == persistence.open_id();
        let in_editor = textarea.value();
        let fits = state.loaded.with_untracked(|opened| {
            // The editor's text is set by now; should it still be empty, the typing must
            // land on the text it was typed into all the same.
            let untouched = in_editor == *opened || in_editor.is_empty();
            if shown.original != *opened || !same_draft || !untouched {
                return false;
            }
            if in_editor.is_empty() && !opened.is_empty() {
                textarea.set_value(opened);
            }
            true
        });
        if fits {
            if typed.text == shown.original && !typed.focused {
                // Not used: the app's editor is as it opened.
                return;
            }
            if typed.text != shown.original {
                let edit = TextEdit::new(0..shown.original.len(), typed.text.clone())
                    .minimized(&shown.original);
                state.apply_large(Change::new(edit));
            }
            browser::boot::carry_over(&textarea, &typed);
            state.moved_caret();
        } else if typed.text != shown.original {
            persistence.new_draft(state, typed.text);
            state.notice.set(crate::notices::problem(
                "What you typed while Quire was starting is kept as a new draft: the drafts \
                 changed in another tab meanwhile.",
            ));
        }
    }
}
