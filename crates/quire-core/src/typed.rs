//! A keystroke's edit, applied to the source without copying the whole text field.
//!
//! The browser owns the editor's text while the writer types. Copying all of it into the
//! app on every `input` costs milliseconds in a long post, so a plain keystroke (a
//! character typed, Enter, Backspace, Delete) is applied as the edit it is: what
//! `beforeinput` said (the kind, the selection, the text to insert, the field's length)
//! checked against what the field holds after it (its length, the caret, and the text
//! around the edit). Whatever does not fit is read whole, as before.

use core::ops::Range;

use crate::edit::TextEdit;

/// Characters of unchanged text on each side of an edit compared with the field.
pub const CONTEXT: usize = 16;

/// The kinds of edit applied without reading the whole field (`InputEvent.inputType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `insertText` (`data` typed over the selection) or `insertLineBreak` (a newline).
    Insert,
    /// `deleteContentBackward`: Backspace.
    DeleteBackward,
    /// `deleteContentForward`: Delete.
    DeleteForward,
}

impl Kind {
    /// The kind of an `inputType`, with the text it inserts; `None` for any other edit
    /// (pasting, dropping, autocorrection, composition, undo, ...), which is read whole.
    pub fn of(input_type: &str, data: Option<String>) -> Option<(Kind, String)> {
        match (input_type, data) {
            ("insertText", Some(data)) if !data.is_empty() => Some((Kind::Insert, data)),
            ("insertLineBreak", _) => Some((Kind::Insert, "\n".to_string())),
            ("deleteContentBackward", _) => Some((Kind::DeleteBackward, String::new())),
            ("deleteContentForward", _) => Some((Kind::DeleteForward, String::new())),
            _ => None,
        }
    }
}

/// What `beforeinput` told about an edit, in UTF-16 units as the field counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Typed {
    /// `inputType`, to match with the `input` that follows.
    pub input_type: String,
    /// The kind of edit.
    pub kind: Kind,
    /// The field's selection before the edit.
    pub selection: Range<usize>,
    /// The field's length before the edit.
    pub len: usize,
    /// The text inserted (empty for a deletion).
    pub data: String,
}

impl Typed {
    /// The UTF-16 range of the old text that the edit replaced, given the field's length
    /// and caret after it; `None` when they do not fit the edit (then read the field).
    pub fn replaced(&self, len_after: usize, caret_after: usize) -> Option<Range<usize>> {
        let Range { start, end } = self.selection;
        if start > end || end > self.len {
            return None;
        }
        let inserted = self.data.encode_utf16().count();
        let removed = (self.len + inserted).checked_sub(len_after)?;
        let range = match self.kind {
            Kind::Insert => start..end,
            _ if start < end => start..end,
            Kind::DeleteBackward => start.checked_sub(removed)?..start,
            Kind::DeleteForward => start..start.checked_add(removed)?,
        };
        let fits = range.end - range.start == removed
            && range.end <= self.len
            && caret_after == range.start + inserted
            && (self.kind == Kind::Insert || removed > 0);
        fits.then_some(range)
    }

    /// The edit of `src` (the text before the edit) that this is, when `replaced` (UTF-16)
    /// falls on character boundaries of `src`, with the text the field must hold from
    /// UTF-16 offset `.2` on: the edit with [`CONTEXT`] characters of `src` on each side.
    pub fn edit_of(&self, src: &str, replaced: Range<usize>) -> Option<(TextEdit, String, usize)> {
        if replaced.end < replaced.start {
            return None;
        }
        // The end counted on from the start (the text before it is scanned once).
        let start = exact_byte_offset(src, replaced.start)?;
        let end = start + exact_byte_offset(&src[start..], replaced.end - replaced.start)?;
        let before_from = src[..start]
            .char_indices()
            .rev()
            .take(CONTEXT)
            .last()
            .map_or(start, |(i, _)| i);
        let after_to = src[end..]
            .char_indices()
            .nth(CONTEXT)
            .map_or(src.len(), |(i, _)| end + i);
        let before = &src[before_from..start];
        let expected = format!("{before}{}{}", self.data, &src[end..after_to]);
        let from = replaced.start - before.encode_utf16().count();
        Some((TextEdit::new(start..end, &self.data), expected, from))
    }
}

/// The byte offset in `src` of UTF-16 offset `units`; `None` when it falls inside a
/// character (between the halves of a surrogate pair) or past the end. Runs of ASCII are
/// counted a 64-bit word at a time.
pub fn exact_byte_offset(src: &str, units: usize) -> Option<usize> {
    let bytes = src.as_bytes();
    let (mut at, mut count) = (0, 0);
    loop {
        // Whole words of ASCII, as many as fit before `units` (a word tested at once: a
        // slice's `is_ascii` is a call per word in WebAssembly).
        let (words, _) = bytes[at..].as_chunks::<8>();
        let ascii = words
            .iter()
            .take((units - count) / 8)
            .take_while(|w| u64::from_ne_bytes(**w) & 0x8080_8080_8080_8080 == 0)
            .count()
            * 8;
        at += ascii;
        count += ascii;
        if count == units {
            return Some(at);
        }
        let c = src.get(at..)?.chars().next()?;
        count += c.len_utf16();
        at += c.len_utf8();
        if count > units {
            return None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn typed(kind: Kind, selection: Range<usize>, len: usize, data: &str) -> Typed {
        Typed {
            input_type: String::new(),
            kind,
            selection,
            len,
            data: data.to_string(),
        }
    }

    #[test]
    fn kinds_of_input_types() {
        assert_eq!(
            Kind::of("insertText", Some("x".into())),
            Some((Kind::Insert, "x".into()))
        );
        assert_eq!(
            Kind::of("insertLineBreak", None),
            Some((Kind::Insert, "\n".into()))
        );
        assert_eq!(Kind::of("insertText", None), None);
        assert_eq!(Kind::of("insertText", Some(String::new())), None);
        for other in [
            "insertFromPaste",
            "insertReplacementText",
            "insertCompositionText",
            "historyUndo",
            "deleteWordBackward",
            "insertFromDrop",
        ] {
            assert_eq!(Kind::of(other, Some("x".into())), None, "{other}");
        }
    }

    #[test]
    fn replaced_ranges_table() {
        // (edit, length after, caret after, expected)
        let cases = [
            (typed(Kind::Insert, 3..3, 10, "x"), 11, 4, Some(3..3)),
            (typed(Kind::Insert, 3..5, 10, "xy"), 10, 5, Some(3..5)),
            (typed(Kind::Insert, 3..3, 10, "x"), 12, 4, None),
            (typed(Kind::Insert, 3..3, 10, "x"), 11, 3, None),
            (typed(Kind::Insert, 0..0, 0, "😀"), 2, 2, Some(0..0)),
            (typed(Kind::DeleteBackward, 4..4, 10, ""), 9, 3, Some(3..4)),
            (typed(Kind::DeleteBackward, 4..4, 10, ""), 8, 2, Some(2..4)),
            (typed(Kind::DeleteBackward, 4..4, 10, ""), 9, 4, None),
            (typed(Kind::DeleteBackward, 0..0, 10, ""), 10, 0, None),
            (typed(Kind::DeleteBackward, 2..6, 10, ""), 6, 2, Some(2..6)),
            (typed(Kind::DeleteForward, 4..4, 10, ""), 9, 4, Some(4..5)),
            (typed(Kind::DeleteForward, 10..10, 10, ""), 10, 10, None),
            (typed(Kind::DeleteForward, 9..9, 10, ""), 8, 9, None),
            (
                typed(Kind::Insert, Range { start: 5, end: 3 }, 10, "x"),
                9,
                4,
                None,
            ),
            (typed(Kind::Insert, 3..12, 10, "x"), 2, 4, None),
        ];
        for (edit, len, caret, expected) in cases {
            assert_eq!(
                edit.replaced(len, caret),
                expected,
                "{edit:?} {len} {caret}"
            );
        }
    }

    #[test]
    fn edits_with_their_context() {
        let src = "ab日😀cd";
        let edit = typed(Kind::Insert, 2..2, 7, "x");
        let (e, expected, from) = edit.edit_of(src, 2..2).unwrap_or_else(|| panic!("fits"));
        assert_eq!(e, TextEdit::new(2..2, "x"));
        assert_eq!(expected, "abx日😀cd");
        assert_eq!(from, 0);
        let inside_pair = typed(Kind::DeleteBackward, 4..4, 7, "");
        assert_eq!(inside_pair.edit_of(src, 3..4), None);
        let whole_pair = typed(Kind::DeleteBackward, 5..5, 7, "");
        let (e, expected, from) = whole_pair
            .edit_of(src, 3..5)
            .unwrap_or_else(|| panic!("fits"));
        assert_eq!(e, TextEdit::new(5..9, ""));
        assert_eq!(expected, "ab日cd");
        assert_eq!(from, 0);
        let long = "0123456789".repeat(5);
        let (_, expected, from) = typed(Kind::Insert, 25..25, 50, "x")
            .edit_of(&long, 25..25)
            .unwrap_or_else(|| panic!("fits"));
        assert_eq!(from, 25 - CONTEXT);
        assert_eq!(expected.len(), 2 * CONTEXT + 1);
    }

    fn plain_byte_offset(src: &str, units: usize) -> Option<usize> {
        let mut count = 0;
        for (i, c) in src.char_indices() {
            if count == units {
                return Some(i);
            }
            if count > units {
                return None;
            }
            count += c.len_utf16();
        }
        (count == units).then_some(src.len())
    }

    proptest! {
        #[test]
        fn exact_offsets_equal_a_plain_scan(src in "[a-z \\n]{0,40}(日|😀|é|[a-z]{0,12}){0,12}", units in 0usize..80) {
            prop_assert_eq!(exact_byte_offset(&src, units), plain_byte_offset(&src, units));
        }

        /// An edit in the field (as the browser makes it) gives the same text when applied
        /// as a typed edit, and the field holds the expected text around it.
        #[test]
        fn typed_edits_equal_the_field(
            src in "([a-z \\n]{0,20}(日|😀|é)?){0,6}",
            at in 0usize..200,
            sel in 0usize..4,
            kind in prop::sample::select(vec![Kind::Insert, Kind::DeleteBackward, Kind::DeleteForward]),
            data in "(x|yz|😀|\\n)",
        ) {
            let chars: Vec<usize> = src.char_indices().map(|(i, _)| i).chain([src.len()]).collect();
            let a = chars[at % chars.len()];
            let b = chars[(at % chars.len() + sel).min(chars.len() - 1)];
            let u = |byte: usize| src[..byte].encode_utf16().count();
            // What the browser does: the field after the edit, and its caret.
            let (range, insert) = match kind {
                Kind::Insert => (a..b, data.clone()),
                _ if a < b => (a..b, String::new()),
                Kind::DeleteBackward => {
                    let prev = chars.iter().rev().find(|&&i| i < a).copied();
                    match prev { Some(p) => (p..a, String::new()), None => return Ok(()) }
                }
                Kind::DeleteForward => {
                    let next = chars.iter().find(|&&i| i > a).copied();
                    match next { Some(n) => (a..n, String::new()), None => return Ok(()) }
                }
            };
            let field = format!("{}{}{}", &src[..range.start], insert, &src[range.end..]);
            let caret = u(range.start) + insert.encode_utf16().count();
            let edit = Typed {
                input_type: String::new(),
                kind,
                selection: u(a)..u(b),
                len: u(src.len()),
                data: insert.clone(),
            };
            let len_after = field.encode_utf16().count();
            let replaced = edit.replaced(len_after, caret);
            prop_assert!(replaced.is_some());
            let (text_edit, expected, from) = edit
                .edit_of(&src, replaced.unwrap_or(0..0))
                .unwrap_or_else(|| panic!("fits"));
            let mut applied = src.clone();
            applied.replace_range(text_edit.range.clone(), &text_edit.replacement);
            prop_assert_eq!(&applied, &field);
            let field16: Vec<u16> = field.encode_utf16().collect();
            let expected16: Vec<u16> = expected.encode_utf16().collect();
            prop_assert_eq!(&field16[from..from + expected16.len()], &expected16[..]);
        }
    }
}
