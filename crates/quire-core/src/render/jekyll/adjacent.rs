//! Blocks CommonMark starts where kramdown goes on with the one before:
//!
//! - a table right under a paragraph line is, to kramdown, more lines of the paragraph (a
//!   table needs a blank line before it); GFM starts the table;
//! - a bullet list whose items change their marker (`*`, then `-`) is one list to kramdown,
//!   a new list at each change to CommonMark, blank lines between the items or not (with
//!   blank lines kramdown makes the item before each a paragraph, as in any loose list).
//!
//! [`merges`] finds such runs of top-level blocks (a table right under the paragraph, bullet
//! lists with nothing but blank lines between) and gives the Markdown to parse again as one
//! block.

use std::ops::Range;

/// What a top-level block is, as far as these merges go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Paragraph,
    Table,
    BulletList,
    Other,
}

/// A run of top-level blocks to parse again as one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Merge {
    /// The blocks (indices) it takes.
    pub(crate) blocks: Range<usize>,
    /// Their Markdown, as kramdown reads it.
    pub(crate) markdown: String,
    /// Parse it without tables (a paragraph with table lines).
    pub(crate) no_tables: bool,
}

/// The merges kramdown's reading asks for. `blocks` are the top-level blocks in order:
/// (start of the first line, end, kind).
pub(crate) fn merges(text: &str, blocks: &[(usize, usize, Kind)]) -> Vec<Merge> {
    let mut found = Vec::new();
    let adjacent = |k: usize| {
        let (_, end, _) = blocks[k];
        let (next, _, _) = blocks[k + 1];
        // Right under: nothing but the end of the line between them.
        let between = &text[end.min(next)..next];
        let before = text[..next].strip_suffix('\n').unwrap_or(&text[..next]);
        let previous_line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
        between.trim().is_empty() && !previous_line.trim().is_empty()
    };
    // Nothing but blank lines between.
    let blank_between = |k: usize| {
        let (_, end, _) = blocks[k];
        let (next, _, _) = blocks[k + 1];
        text[end.min(next)..next].trim().is_empty()
    };
    let mut k = 0;
    while k + 1 < blocks.len() {
        let (start, _, kind) = blocks[k];
        match (kind, blocks[k + 1].2) {
            (Kind::Paragraph, Kind::Table) if adjacent(k) => {
                let end = blocks[k + 1].1;
                found.push(Merge {
                    blocks: k..k + 2,
                    markdown: text[start..end].to_string(),
                    no_tables: true,
                });
                k += 2;
            }
            (Kind::BulletList, Kind::BulletList) if blank_between(k) => {
                let mut last = k + 1;
                while last + 1 < blocks.len()
                    && blocks[last + 1].2 == Kind::BulletList
                    && blank_between(last)
                {
                    last += 1;
                }
                let end = blocks[last].1;
                found.push(Merge {
                    blocks: k..last + 1,
                    markdown: same_bullets(&text[start..end]),
                    no_tables: false,
                });
                k = last + 1;
            }
            _ => k += 1,
        }
    }
    found
}

/// `list` with the marker of every item at its own level (indented 0 to 3 spaces) written
/// as its first item's.
fn same_bullets(list: &str) -> String {
    let first = list.trim_start_matches(' ').as_bytes().first().copied();
    let Some(bullet) = first.filter(|b| matches!(b, b'*' | b'-' | b'+')) else {
        return list.to_string();
    };
    let mut out = String::with_capacity(list.len());
    let mut fence = false;
    for line in list.split_inclusive('\n') {
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = !fence;
        }
        let item = indent <= 3
            && !fence
            && matches!(trimmed.as_bytes().first(), Some(b'*' | b'-' | b'+'))
            // (A marker alone on its line is no item to kramdown: `text_headings.rs`.)
            && matches!(trimmed.as_bytes().get(1), Some(b' ' | b'\t'))
            && !super::lazy_lists::thematic_break(trimmed);
        if item {
            out.push_str(&line[..indent]);
            out.push(bullet as char);
            out.push_str(&trimmed[1..]);
        } else {
            out.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::jekyll_html as jekyll;

    /// As Jekyll 4.3.1 (kramdown 2.4) writes them.
    #[test]
    fn blocks_kramdown_goes_on_with() {
        let html = jekyll("* star\n- dash\n+ plus\n\nPara.\n");
        assert_eq!(
            html.split_whitespace().collect::<String>(),
            "<ul><li>star</li><li>dash</li><li>plus</li></ul><p>Para.</p>"
        );
        let html = jekyll("Text before table\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert_eq!(
            html,
            "<p>Text before table\n| a | b |\n|—|—|\n| 1 | 2 |</p>\n"
        );
        // A blank line between: a table; the lists are one, each item before a blank line
        // a paragraph (two blank lines too).
        let html = jekyll("Text\n\n| a |\n|---|\n| 1 |\n\n* a\n\n- b\n- c\n\n\n+ d\n");
        assert!(html.contains("<table>"), "{html}");
        assert_eq!(
            html[html.find("<ul>").unwrap_or(0)..]
                .split_whitespace()
                .collect::<String>(),
            "<ul><li><p>a</p></li><li>b</li><li><p>c</p></li><li>d</li></ul>"
        );
        // A list of another kind, or a comment between, ends it.
        let html = jekyll("- a\n- b\n\n1. c\n\n* d\n\n<!-- x -->\n\n- e\n");
        assert_eq!(html.matches("<ul>").count(), 3, "{html}");
        assert_eq!(html.matches("<ol>").count(), 1, "{html}");
    }
}
