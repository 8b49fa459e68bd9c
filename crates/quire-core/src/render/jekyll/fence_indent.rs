//! A fenced code block whose fence is indented (one to three spaces past the start of its
//! line, or of its list item's content): CommonMark takes as many spaces off each line of
//! the code, kramdown keeps the lines as written (`1. Run:` then a blank line and a fence
//! indented four spaces: each line of the code starts with a space). [`FenceIndent`] is
//! fed the parser's events with their offsets and gives those spaces back to the code's
//! lines. (Inside a quotation the line's start is not where the spaces are counted from:
//! left as CommonMark reads it.)

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Tag, TagEnd};

/// The state of a stretch's events.
#[derive(Debug, Default)]
pub(crate) struct FenceIndent {
    /// The content column of each open list item (bytes from its line's start; `None` when
    /// it cannot be told, a tab in the way).
    items: Vec<Option<usize>>,
    /// How many quotations are open.
    quotes: usize,
    /// In a fenced code block whose fence is indented: (its container's column, the fence's
    /// spaces past it).
    open: Option<(usize, usize)>,
}

/// The column where a list item's content starts, its marker at `at` in `text`.
fn content_column(text: &str, at: usize) -> Option<usize> {
    // (An item's events may start before its marker, at the spaces ahead of it.)
    let at = at + text[at..].bytes().take_while(|&b| b == b' ').count();
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let prefix = &text[line_start..at];
    if !prefix.bytes().all(|b| b == b' ') {
        return None;
    }
    let rest = &text[at..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let marker = if digits > 0 { digits + 1 } else { 1 };
    let after = rest.get(marker..)?;
    let line = after.split('\n').next().unwrap_or("");
    if line.starts_with('\t') {
        return None;
    }
    let spaces = line.bytes().take_while(|&b| b == b' ').count();
    // An empty first line, or code right after the marker: the content is one space on.
    let gap = if spaces == line.trim_end_matches('\r').len() || spaces > 4 {
        1
    } else {
        spaces
    };
    Some(prefix.len() + marker + gap)
}

impl FenceIndent {
    /// `event` (at `range` of `text`) as kramdown reads it.
    pub(crate) fn feed<'a>(
        &mut self,
        event: Event<'a>,
        range: core::ops::Range<usize>,
        text: &str,
    ) -> Event<'a> {
        match &event {
            Event::Start(Tag::Item) => self.items.push(content_column(text, range.start)),
            Event::End(TagEnd::Item) => {
                self.items.pop();
            }
            Event::Start(Tag::BlockQuote(_)) => self.quotes += 1,
            Event::End(TagEnd::BlockQuote(_)) => self.quotes = self.quotes.saturating_sub(1),
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) if self.quotes == 0 => {
                let column = match self.items.last() {
                    Some(Some(column)) => Some(*column),
                    Some(None) => None,
                    None => Some(0),
                };
                let line_start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
                let indent = text[line_start..]
                    .bytes()
                    .take_while(|&b| b == b' ')
                    .count();
                self.open = column
                    .filter(|&c| indent > c && indent - c <= 3)
                    .map(|c| (c, indent - c));
            }
            Event::End(TagEnd::CodeBlock) => self.open = None,
            Event::Text(code) => {
                if let Some((column, extra)) = self.open {
                    let line_start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
                    let spaces = text[line_start..range.start]
                        .bytes()
                        .take_while(|&b| b == b' ')
                        .count();
                    let given = spaces.saturating_sub(column).min(extra);
                    if given > 0 && line_start + spaces == range.start {
                        return Event::Text(CowStr::from(format!("{}{code}", " ".repeat(given))));
                    }
                }
            }
            _ => {}
        }
        event
    }
}

#[cfg(test)]
mod tests {
    use super::super::jekyll_html;

    /// The code's text of each block, as Jekyll 4.3.1 (kramdown 2.4) writes it.
    #[test]
    fn an_indented_fence_keeps_its_lines_as_written() {
        let html = jekyll_html(
            "1. Run this:\n\n    ```bash\n    npm install\n      indented more\n    ```\n\n\
             2. Then:\n\n   ```bash\n   npm start\n   ```\n\n* Bullet:\n\n    ```\n    code\n    ```\n",
        );
        assert!(
            html.contains("<code> npm install\n   indented more\n</code>"),
            "{html}"
        );
        assert!(html.contains("<code>npm start\n</code>"), "{html}");
        assert!(html.contains("<code>  code\n</code>"), "{html}");
        // Spaces before an item's marker count in its content's column (scala-lang.org's
        // ` - A Dotty class file decompiler:` over a fence at the content's column).
        let spaced =
            jekyll_html(" - A decompiler:\n\n   ```shell\n   dotc -decompile\n   ```\n\n - B\n");
        assert!(
            spaced.contains("<code>dotc -decompile\n</code>"),
            "{spaced}"
        );
        let top = jekyll_html("  ```\n  top code\n   more\n  ```\n\n> ```\n>   q code\n> ```\n");
        assert!(top.contains("<code>  top code\n   more\n</code>"), "{top}");
        assert!(top.contains("<code>  q code\n</code>"), "{top}");
    }
}
