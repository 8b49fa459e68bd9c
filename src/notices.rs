//! What the writer is told. A notice's kind says what it is about and so which actions it
//! offers; its text is only for display, and rewording it changes no behaviour.

/// What a notice is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    /// The open draft is not saved: the browser's storage is full. Offers the download and
    /// freeing space (old revisions); a later save clears it.
    StorageFull,
    /// The open draft is not saved: it is larger than a browser keeps for one site. Offers
    /// the download (freeing space would not help); a later save clears it.
    TooLarge,
    /// Something failed or needs the writer's attention.
    Problem,
    /// Something was done (saved to a file, restored, freed).
    Info,
}

/// A message for the writer (`data-testid=notice`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
}

impl Notice {
    /// A notice of `kind` saying `text`.
    pub fn new(kind: NoticeKind, text: impl Into<String>) -> Notice {
        Notice {
            kind,
            text: text.into(),
        }
    }

    /// Whether it offers to download the open post.
    pub fn offers_download(&self) -> bool {
        matches!(self.kind, NoticeKind::StorageFull | NoticeKind::TooLarge)
    }

    /// Whether it offers to free space by deleting revisions.
    pub fn offers_free_space(&self) -> bool {
        self.kind == NoticeKind::StorageFull
    }

    /// Whether it says the open draft is not saved (a successful save makes it untrue).
    pub fn about_saving(&self) -> bool {
        self.offers_download()
    }

    /// This notice with `more` said after it; the kind of the one that offers actions.
    pub fn and(self, more: Notice) -> Notice {
        let kind = if matches!(self.kind, NoticeKind::Problem | NoticeKind::Info) {
            more.kind
        } else {
            self.kind
        };
        Notice {
            kind,
            text: format!("{} {}", self.text, more.text),
        }
    }
}

/// A problem notice, ready for `notice.set`.
pub fn problem(text: impl Into<String>) -> Option<Notice> {
    Some(Notice::new(NoticeKind::Problem, text))
}
