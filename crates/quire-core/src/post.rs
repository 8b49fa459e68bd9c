//! Split a post's source text into a front-matter block and a body, byte-exact.
//!
//! The split never copies or normalises: it returns byte ranges into the source, and the
//! ranges `..bom`, `front_matter.block` and `body` cover the source exactly once, in order.
//! Joining them back is therefore the identity, whatever the line endings, BOM or
//! trailing whitespace.
//!
//! The rules are Jekyll's: a YAML block opens with a `---` line as the very first line
//! (after an optional UTF-8 BOM) and closes at the next line that is `---` or `...`;
//! trailing spaces or tabs after a fence are allowed. Hugo and Zola use `+++` for TOML
//! blocks. A block that never closes is not front matter: the whole text is body, as
//! Jekyll treats it.

use core::ops::Range;

/// The UTF-8 byte order mark.
pub const BOM: &str = "\u{feff}";

/// Which front-matter language a block is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrontMatterKind {
    /// `---` fenced YAML (Jekyll, Hugo, Zola).
    Yaml,
    /// `+++` fenced TOML (Hugo, Zola).
    Toml,
}

impl FrontMatterKind {
    /// The opening fence of this kind.
    pub fn fence(self) -> &'static str {
        match self {
            FrontMatterKind::Yaml => "---",
            FrontMatterKind::Toml => "+++",
        }
    }

    fn closes_with(self, line: &str) -> bool {
        match self {
            FrontMatterKind::Yaml => is_fence(line, "---") || is_fence(line, "..."),
            FrontMatterKind::Toml => is_fence(line, "+++"),
        }
    }
}

/// Where the front-matter block lies in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatter {
    /// YAML or TOML.
    pub kind: FrontMatterKind,
    /// The whole block: the opening fence line through the closing fence line and its line
    /// break, if it has one.
    pub block: Range<usize>,
    /// The lines between the two fences, line breaks included (empty for `---` twice).
    pub content: Range<usize>,
}

/// A source text cut into its parts. See the module documentation for the guarantees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostParts {
    /// Byte length of a leading UTF-8 BOM: 0 or 3.
    pub bom: usize,
    /// The front-matter block, if the text has one.
    pub front_matter: Option<FrontMatter>,
    /// The Markdown body: everything after the block (or after the BOM when there is none).
    pub body: Range<usize>,
}

impl PostParts {
    /// The text between the fences, if there is a block.
    pub fn front_matter_text<'a>(&self, src: &'a str) -> Option<&'a str> {
        self.front_matter
            .as_ref()
            .and_then(|fm| src.get(fm.content.clone()))
    }

    /// The Markdown body.
    pub fn body_text<'a>(&self, src: &'a str) -> &'a str {
        src.get(self.body.clone()).unwrap_or_default()
    }

    /// The 1-based line number in the source of the first line of the body.
    pub fn body_first_line(&self, src: &str) -> usize {
        1 + src
            .get(..self.body.start)
            .map_or(0, |head| head.bytes().filter(|&b| b == b'\n').count())
    }
}

/// Split `src` into BOM, front-matter block and body.
pub fn split(src: &str) -> PostParts {
    let bom = if src.starts_with(BOM) { BOM.len() } else { 0 };
    let front_matter = find_block(src, bom);
    let body_start = front_matter.as_ref().map_or(bom, |fm| fm.block.end);
    PostParts {
        bom,
        front_matter,
        body: body_start..src.len(),
    }
}

fn find_block(src: &str, start: usize) -> Option<FrontMatter> {
    let mut lines = Lines::new(src, start);
    let first = lines.next()?;
    // The opening fence needs a line break after it: a lone `---` is a thematic break.
    if !first.has_break {
        return None;
    }
    let kind = [FrontMatterKind::Yaml, FrontMatterKind::Toml]
        .into_iter()
        .find(|kind| is_fence(first.text, kind.fence()))?;
    let content_start = first.end;
    for line in lines {
        if kind.closes_with(line.text) {
            return Some(FrontMatter {
                kind,
                block: start..line.end,
                content: content_start..line.start,
            });
        }
    }
    None
}

/// `line` (without its line break) is `fence` followed only by spaces, tabs or a `\r`.
fn is_fence(line: &str, fence: &str) -> bool {
    line.strip_prefix(fence)
        .is_some_and(|rest| rest.bytes().all(|b| matches!(b, b' ' | b'\t' | b'\r')))
}

/// One line of the source: its text without the `\n`, and its byte span with the `\n`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub has_break: bool,
}

/// Lines of `src` from byte `start` on, each with its absolute span.
#[derive(Debug, Clone)]
pub(crate) struct Lines<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(src: &'a str, start: usize) -> Self {
        Lines { src, pos: start }
    }
}

impl<'a> Iterator for Lines<'a> {
    type Item = Line<'a>;

    fn next(&mut self) -> Option<Line<'a>> {
        let rest = self.src.get(self.pos..).filter(|rest| !rest.is_empty())?;
        let start = self.pos;
        let (text, has_break) = match rest.find('\n') {
            Some(i) => (&rest[..i], true),
            None => (rest, false),
        };
        let end = start + text.len() + usize::from(has_break);
        self.pos = end;
        Some(Line {
            text,
            start,
            end,
            has_break,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(src: &str) -> (Option<&str>, &str, Option<FrontMatterKind>) {
        let p = split(src);
        (
            p.front_matter_text(src),
            p.body_text(src),
            p.front_matter.map(|fm| fm.kind),
        )
    }

    #[test]
    fn table() {
        use FrontMatterKind::*;
        let cases: &[(&str, Option<&str>, &str, Option<FrontMatterKind>)] = &[
            ("", None, "", None),
            ("hello", None, "hello", None),
            ("---\na: 1\n---\nbody", Some("a: 1\n"), "body", Some(Yaml)),
            ("---\na: 1\n...\nbody", Some("a: 1\n"), "body", Some(Yaml)),
            ("---\n---\nbody", Some(""), "body", Some(Yaml)),
            ("---\n---", Some(""), "", Some(Yaml)),
            (
                "---\r\na: 1\r\n---\r\nbody\r\n",
                Some("a: 1\r\n"),
                "body\r\n",
                Some(Yaml),
            ),
            (
                "---  \na: 1\n---\t\nbody",
                Some("a: 1\n"),
                "body",
                Some(Yaml),
            ),
            ("\u{feff}---\na: 1\n---\nb", Some("a: 1\n"), "b", Some(Yaml)),
            ("---\na: 1\nno close", None, "---\na: 1\nno close", None),
            ("---", None, "---", None),
            ("--- x\na\n---\n", None, "--- x\na\n---\n", None),
            (" ---\na\n---\n", None, " ---\na\n---\n", None),
            (
                "+++\ntitle = 'x'\n+++\nbody",
                Some("title = 'x'\n"),
                "body",
                Some(Toml),
            ),
            ("+++\na = 1\n---\n", None, "+++\na = 1\n---\n", None),
            ("---\na: 1\n+++\n", None, "---\na: 1\n+++\n", None),
            (
                "---\na: |\n  ----\n---\nb",
                Some("a: |\n  ----\n"),
                "b",
                Some(Yaml),
            ),
            (
                "---\na: 1\n----\n---\n",
                Some("a: 1\n----\n"),
                "",
                Some(Yaml),
            ),
            ("\n---\na: 1\n---\n", None, "\n---\na: 1\n---\n", None),
        ];
        for (src, fm, body, kind) in cases {
            assert_eq!(parts(src), (*fm, *body, *kind), "source {src:?}");
        }
    }

    #[test]
    fn mixed_line_endings_and_no_final_newline() {
        let src = "---\r\na: 1\nb: 2\r\n---\nbody\r\nend";
        let p = split(src);
        assert_eq!(p.front_matter_text(src), Some("a: 1\nb: 2\r\n"));
        assert_eq!(p.body_text(src), "body\r\nend");
    }

    proptest::proptest! {
        #[test]
        fn split_then_join_is_the_identity(
            src in proptest::string::string_regex("(\u{feff})?((---|\\+\\+\\+|\\.\\.\\.)[ \t]*\r?\n|[a-z: ]{0,8}\r?\n|\\PC{0,6}){0,8}")
                .unwrap_or_else(|e| panic!("{e}"))
        ) {
            let p = split(&src);
            let mut joined = src[..p.bom].to_string();
            if let Some(fm) = &p.front_matter {
                proptest::prop_assert_eq!(fm.block.start, p.bom);
                proptest::prop_assert!(fm.content.start >= fm.block.start && fm.content.end <= fm.block.end);
                joined.push_str(&src[fm.block.clone()]);
            }
            proptest::prop_assert_eq!(p.body.end, src.len());
            joined.push_str(p.body_text(&src));
            proptest::prop_assert_eq!(joined, src);
        }

        #[test]
        fn split_never_panics_on_any_string(src in "\\PC*") {
            let p = split(&src);
            proptest::prop_assert_eq!(p.body.end, src.len());
        }
    }

    #[test]
    fn bom_is_kept_outside_the_block() {
        let src = "\u{feff}hello";
        let p = split(src);
        assert_eq!(p.bom, 3);
        assert_eq!(p.body_text(src), "hello");
    }

    #[test]
    fn body_first_line_counts_the_block() {
        let src = "---\na: 1\n---\n\n# Hi";
        assert_eq!(split(src).body_first_line(src), 4);
        assert_eq!(split("# Hi").body_first_line("# Hi"), 1);
    }
}
