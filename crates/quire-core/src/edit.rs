//! Minimal text edits: every change a view makes to the source is one of these.

use core::ops::Range;

mod ends;
pub use ends::common_ends;
pub(crate) use ends::{common_prefix, common_suffix};

/// One edit of the post as every core editor returns it: the change to the text and,
/// when the editor should select something after it (a formatting command), that
/// selection, as byte offsets in the edited text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The change to the text.
    pub edit: TextEdit,
    /// What to select after it; `None` keeps the writer's caret where it was (shifted
    /// past the edit).
    pub selection: Option<Range<usize>>,
}

impl Change {
    /// A change that leaves the writer's caret where it was.
    pub fn new(edit: TextEdit) -> Change {
        Change {
            edit,
            selection: None,
        }
    }

    /// A change that selects `selection` (in the edited text) after it.
    pub fn selecting(edit: TextEdit, selection: Range<usize>) -> Change {
        Change {
            edit,
            selection: Some(selection),
        }
    }

    /// The source with this change applied.
    pub fn apply(&self, src: &str) -> String {
        self.edit.apply(src)
    }
}

/// What a core editor returns: the change to make, `None` when there is nothing to
/// change, or why it cannot be made (`Infallible` for editors that always can).
pub type Edited<E = core::convert::Infallible> = Result<Option<Change>, E>;

/// The text `src` becomes with an editor's result (`src` itself for no change).
pub fn applied<E>(edited: Edited<E>, src: &str) -> Result<String, E> {
    Ok(edited?.map_or_else(|| src.to_string(), |change| change.apply(src)))
}

/// `edit` as a change, `None` when it changes nothing.
pub(crate) fn changed<E>(edit: TextEdit, src: &str) -> Edited<E> {
    let unchanged = src.get(edit.range.clone()) == Some(edit.replacement.as_str());
    Ok((!unchanged).then(|| Change::new(edit)))
}

/// Replace the bytes `range` of the source with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextEdit {
    /// Byte range in the source, on character boundaries.
    pub range: Range<usize>,
    /// The new text for that range.
    pub replacement: String,
}

impl TextEdit {
    /// An edit replacing `range` with `replacement`.
    pub fn new(range: Range<usize>, replacement: impl Into<String>) -> TextEdit {
        TextEdit {
            range,
            replacement: replacement.into(),
        }
    }

    /// An edit inserting `text` at byte `at`.
    pub fn insert(at: usize, text: impl Into<String>) -> TextEdit {
        TextEdit::new(at..at, text)
    }

    /// The source with this edit applied. An edit whose range does not fit the source
    /// leaves it unchanged.
    pub fn apply(&self, src: &str) -> String {
        match (src.get(..self.range.start), src.get(self.range.end..)) {
            (Some(head), Some(tail)) if self.range.start <= self.range.end => {
                let mut out =
                    String::with_capacity(head.len() + self.replacement.len() + tail.len());
                out.push_str(head);
                out.push_str(&self.replacement);
                out.push_str(tail);
                out
            }
            _ => src.to_string(),
        }
    }

    /// The same change, shrunk to the part that differs from the text it replaces: the
    /// common prefix and suffix are left alone (on character boundaries). Keeps the undo
    /// step and the changed region as small as the change itself.
    pub fn minimized(self, src: &str) -> TextEdit {
        let Some(old) = src.get(self.range.clone()) else {
            return self;
        };
        let new = self.replacement.as_str();
        let (prefix, suffix) = common_ends(old, new);
        TextEdit {
            range: self.range.start + prefix..self.range.end - suffix,
            replacement: new[prefix..new.len() - suffix].to_string(),
        }
    }
}

/// The UTF-16 offset (what a browser's text fields count) of byte `at` of `src`.
pub fn utf16_offset(src: &str, at: usize) -> usize {
    let mut at = at.min(src.len());
    while !src.is_char_boundary(at) {
        at -= 1;
    }
    src[..at].encode_utf16().count()
}

/// The byte offset in `src` of UTF-16 offset `units` (clamped to the text, never inside a
/// character).
pub fn byte_offset(src: &str, units: usize) -> usize {
    let mut count = 0;
    for (i, c) in src.char_indices() {
        if count >= units {
            return i;
        }
        count += c.len_utf16();
    }
    src.len()
}

/// Where a position at byte `at` moves to when `edit` is applied (positions inside the
/// replaced range move to its end).
pub fn shift(at: usize, edit: &TextEdit) -> usize {
    if at <= edit.range.start {
        at
    } else if at >= edit.range.end {
        at - (edit.range.end - edit.range.start) + edit.replacement.len()
    } else {
        edit.range.start + edit.replacement.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_editor_gives_one_shape_and_none_for_no_change() {
        use crate::excerpt::{self, Convention};
        use crate::front_matter::{self, Value};
        let src = "---\ntitle: Same\n---\nFirst.\n\nSecond.\n";
        let same = Value::String("Same".into());
        assert_eq!(front_matter::set(src, "title", &same), Ok(None));
        assert_eq!(front_matter::remove(src, "missing"), Ok(None));
        assert_eq!(excerpt::switch(src, &Convention::FirstParagraph), Ok(None));
        assert_eq!(excerpt::remove_markers(src), Ok(None));
        let changed = front_matter::set(src, "title", &Value::String("New".into()));
        let change = changed.clone().ok().flatten().expect("a change");
        assert_eq!(
            change.selection, None,
            "a form edit keeps the writer's caret"
        );
        assert_eq!(
            applied(changed, src).as_deref(),
            Ok("---\ntitle: New\n---\nFirst.\n\nSecond.\n")
        );
        let bold = crate::format::apply(src, 20..26, crate::format::Format::Bold);
        let bold = bold.ok().flatten().expect("a change");
        assert_eq!(
            bold.apply(src),
            "---\ntitle: Same\n---\n**First.**\n\nSecond.\n"
        );
        assert_eq!(
            bold.selection,
            Some(22..28),
            "formatting selects the formatted text"
        );
    }

    #[test]
    fn utf16_offsets() {
        let src = "a日😀b";
        let cases = [(0, 0), (1, 1), (4, 2), (8, 4), (9, 5)];
        for (byte, units) in cases {
            assert_eq!(utf16_offset(src, byte), units, "byte {byte}");
            assert_eq!(byte_offset(src, units), byte, "units {units}");
        }
        assert_eq!(
            byte_offset(src, 3),
            8,
            "inside a surrogate pair rounds up to the next char"
        );
        assert_eq!(utf16_offset(src, 99), 5);
    }

    #[test]
    fn positions_shift_with_edits() {
        let edit = TextEdit::new(2..4, "xyz");
        assert_eq!(shift(1, &edit), 1);
        assert_eq!(shift(3, &edit), 5);
        assert_eq!(shift(6, &edit), 7);
    }

    #[test]
    fn apply_and_minimize() {
        let src = "tags: [a, b]\n";
        let edit = TextEdit::new(6..12, "[a, b, c]");
        assert_eq!(edit.apply(src), "tags: [a, b, c]\n");
        let small = edit.minimized(src);
        assert_eq!(small, TextEdit::new(11..11, ", c"));
        assert_eq!(small.apply(src), "tags: [a, b, c]\n");
    }

    #[test]
    fn minimize_keeps_char_boundaries() {
        let src = "é1é";
        let edit = TextEdit::new(0..src.len(), "é2é").minimized(src);
        assert_eq!(edit.apply(src), "é2é");
        assert_eq!(edit.replacement, "2");
    }

    #[test]
    fn out_of_range_edit_changes_nothing() {
        assert_eq!(TextEdit::new(5..9, "x").apply("abc"), "abc");
        assert_eq!(TextEdit::new(1..2, "x").apply("é"), "é");
    }
}
