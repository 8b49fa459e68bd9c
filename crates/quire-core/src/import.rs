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
    NotUtf8 {
        /// The offset of the first byte that is not UTF-8.
        at: usize,
    },
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

pub use crate::line_endings::{for_editor, EditorText};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_are_remembered() {
        let crlf = for_editor("\u{feff}---\r\ntitle: x\r\n---\r\nbody  \r\n");
        assert_eq!(crlf.text, "\u{feff}---\ntitle: x\n---\nbody  \n");
        assert!(crlf.endings.is_crlf());
        let lf = for_editor("a\nb\n");
        assert_eq!(lf.text, "a\nb\n");
        assert_eq!(
            lf.endings.uniform_ending(),
            Some(crate::line_endings::Ending::Lf)
        );
        let mixed = for_editor("a\r\nb\nc\rd");
        assert_eq!(mixed.text, "a\nb\nc\nd");
        assert_eq!(mixed.endings.apply(&mixed.text), "a\r\nb\nc\rd");
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
