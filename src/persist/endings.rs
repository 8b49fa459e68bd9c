//! The open draft's line endings: followed through each edit when its lines do not all
//! end alike, and stored with the draft (so that its file is written back as it was).

use leptos::prelude::*;
use quire_core::line_endings::{LineEndings, StoredEndings};

use super::Persistence;
use crate::state::EditorState;

impl Persistence {
    /// The line endings of the open draft's file.
    pub fn endings(self) -> LineEndings {
        self.endings.get_value()
    }

    /// The open draft's line endings as they are stored.
    pub(super) fn stored_endings(self) -> StoredEndings {
        self.endings.with_value(|e| StoredEndings::from(e))
    }

    /// The stored line endings of draft `id` (the open one's as they are now).
    pub(super) fn stored_endings_of(self, id: &str) -> StoredEndings {
        if self.current_id().as_deref() == Some(id) {
            return self.stored_endings();
        }
        self.stored(id, |d| d.endings.clone()).unwrap_or_default()
    }

    /// The editor changed its text from `old` to `new` (the selection ending at byte
    /// `caret` of `new`, asked for only when the lines do not all end alike): follow the
    /// line endings through the change, and save it after [`SAVE_DELAY`].
    pub fn edited(
        self,
        state: EditorState,
        old: &str,
        new: &str,
        caret: impl FnOnce() -> Option<usize>,
    ) {
        if self.needs_texts() {
            let caret = caret();
            self.endings.update_value(|e| e.edited(old, new, caret));
        }
        self.changed(state);
    }

    /// Whether [`Persistence::edited`] needs the old and new text of each edit (the post
    /// has mixed line endings, whose places follow the edits).
    pub fn needs_texts(self) -> bool {
        self.endings.with_value(|e| e.uniform_ending().is_none())
    }
}
