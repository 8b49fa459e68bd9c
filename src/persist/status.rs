//! Whether the open draft is stored, and if not, why: typed, with words for the status
//! line and, where more is worth saying, a notice whose kind decides its actions.

use crate::notices::{Notice, NoticeKind};

/// Whether the text in the editor is safely stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    /// The stored copy equals the editor's text.
    Saved,
    /// A change waits for its save.
    Pending,
    /// The last save failed, for this reason.
    Failed(SaveFailure),
}

/// Why the open draft is not saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveFailure {
    /// The browser's storage is full.
    StorageFull,
    /// The draft is larger than a browser keeps for one site.
    TooLarge,
    /// Another tab changed this draft; saving waits for the writer's choice.
    Conflict,
    /// The storage could not be used, in the browser's words.
    Storage(String),
}

impl SaveFailure {
    /// What failed, for `save-status`.
    pub fn label(&self) -> String {
        match self {
            SaveFailure::StorageFull => "the browser's storage is full".into(),
            SaveFailure::TooLarge => "too large for the browser's storage".into(),
            SaveFailure::Conflict => "another tab changed this draft; choose above".into(),
            SaveFailure::Storage(why) => why.clone(),
        }
    }

    /// What the writer is told, when more than the status is worth saying; `bytes` is
    /// the size of the draft.
    pub fn notice(&self, bytes: usize) -> Option<Notice> {
        match self {
            SaveFailure::StorageFull => Some(Notice::new(
                NoticeKind::StorageFull,
                "This draft is NOT saved: the browser's storage is full. The text stays here in \
                 the editor. Download it to keep a copy, or free space (old revisions, old \
                 drafts, other sites' data); saving resumes by itself.",
            )),
            SaveFailure::TooLarge => Some(Notice::new(
                NoticeKind::TooLarge,
                format!(
                    "This draft is NOT saved: at {:.1} MB this post is larger than a browser \
                     keeps for one site (about 5 MB), so it cannot be autosaved. It stays here \
                     in the editor: download it to keep it.",
                    bytes as f64 / 1_000_000.0
                ),
            )),
            SaveFailure::Conflict | SaveFailure::Storage(_) => None,
        }
    }
}

impl SaveStatus {
    /// The words shown in `save-status`.
    pub fn label(&self) -> String {
        match self {
            SaveStatus::Saved => "Saved".into(),
            SaveStatus::Pending => "Saving…".into(),
            SaveStatus::Failed(why) => format!("Not saved: {}", why.label()),
        }
    }
}
