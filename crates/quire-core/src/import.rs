//! Reading an opened file as a post: text is kept byte for byte; what is not a text post is
//! refused with a reason the writer can act on.

use core::fmt;

/// Why a file cannot be opened as a post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The file has no bytes.
    Empty,
    /// The file holds NUL bytes: an image, an archive, a document, not text.
    Binary,
    /// The file is not UTF-8; `at` is the offset of the first bad byte.
    NotUtf8 { at: usize },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty => f.write_str("the file is empty"),
            ImportError::Binary => f.write_str("the file is not text (it holds binary data)"),
            ImportError::NotUtf8 { at } => write!(
                f,
                "the file is not UTF-8 text (byte {at} is not valid UTF-8); save it as UTF-8 and open it again"
            ),
        }
    }
}

/// The post text of a file's bytes, exactly (BOM and line endings included).
pub fn decode(bytes: &[u8]) -> Result<String, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    if bytes.contains(&0) {
        return Err(ImportError::Binary);
    }
    String::from_utf8(bytes.to_vec()).map_err(|e| ImportError::NotUtf8 {
        at: e.utf8_error().valid_up_to(),
    })
}

/// A file's text as the editor holds it, and how to write it back.
///
/// A browser's text field keeps only `\n` line breaks, so a CRLF file is edited with `\n`
/// and its `\r\n` is put back on export ([`crate::export::export_text`]): a file whose
/// lines all end in CRLF round-trips byte for byte. Mixed endings become `\n` (and say so).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditorText {
    /// The text with `\n` line breaks (BOM and everything else as in the file).
    pub text: String,
    /// Every line break of the file was `\r\n`.
    pub crlf: bool,
    /// The file mixed `\r\n` with `\n` (or bare `\r`): it is kept with `\n`.
    pub mixed: bool,
}

/// The editor's form of a file's text.
pub fn for_editor(text: &str) -> EditorText {
    let crlf_count = text.matches("\r\n").count();
    let lf_count = text.matches('\n').count();
    let cr_count = text.matches('\r').count();
    let crlf = crlf_count > 0 && crlf_count == lf_count && crlf_count == cr_count;
    let mixed = cr_count > 0 && !crlf;
    let text = if cr_count > 0 {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    };
    EditorText { text, crlf, mixed }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_are_remembered() {
        let crlf = for_editor("\u{feff}---\r\ntitle: x\r\n---\r\nbody  \r\n");
        assert_eq!(crlf.text, "\u{feff}---\ntitle: x\n---\nbody  \n");
        assert!(crlf.crlf && !crlf.mixed);
        let lf = for_editor("a\nb\n");
        assert_eq!(
            (lf.text.as_str(), lf.crlf, lf.mixed),
            ("a\nb\n", false, false)
        );
        let mixed = for_editor("a\r\nb\nc\rd");
        assert_eq!(
            (mixed.text.as_str(), mixed.crlf, mixed.mixed),
            ("a\nb\nc\nd", false, true)
        );
        let none = for_editor("one line");
        assert!(!none.crlf && !none.mixed);
    }

    #[test]
    fn decodes_text_exactly_and_refuses_the_rest() {
        let text = "\u{feff}---\r\ntitle: x\r\n---\r\nbody  \r\n";
        assert_eq!(decode(text.as_bytes()).as_deref(), Ok(text));
        assert_eq!(decode(b""), Err(ImportError::Empty));
        assert_eq!(decode(b"PNG\0\x01\x02"), Err(ImportError::Binary));
        assert_eq!(decode(b"caf\xe9"), Err(ImportError::NotUtf8 { at: 3 }));
    }
}
