//! Block HTML as kramdown reads it: an element whose opening tag starts a block runs to
//! its matching closing tag, blank lines and all, and its content is written as it is
//! (unless it says `markdown="1"`). CommonMark ends an HTML block at the first blank line
//! and reads what follows as Markdown: an indented line of HTML after a blank line becomes
//! a code block showing the tags, and `<details>` content becomes paragraphs.

use std::ops::Range;

/// kramdown's span elements: an opening tag of one of these does not start block HTML.
const SPAN_ELEMENTS: &[&str] = &[
    "a", "abbr", "acronym", "b", "big", "bdo", "br", "button", "cite", "code", "del", "dfn", "em",
    "i", "img", "input", "ins", "kbd", "label", "mark", "option", "q", "rb", "rbc", "rp", "rt",
    "rtc", "ruby", "samp", "select", "small", "span", "strong", "sub", "sup", "tt", "u", "var",
];

/// Elements without content (no closing tag to look for).
const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "command", "embed", "hr", "img", "input", "keygen", "link",
    "meta", "param", "source", "track", "wbr",
];

/// Elements CommonMark already keeps raw up to their closing tag.
const RAW_ALREADY: &[&str] = &["pre", "script", "style", "textarea"];

/// Whether `text` may hold block HTML at all (a cheap test first).
fn may_hold(text: &str) -> bool {
    text.trim_start_matches(' ').starts_with('<')
        || ["\n<", "\n <", "\n  <", "\n   <"]
            .iter()
            .any(|start| text.contains(start))
}

/// The byte ranges of the elements that start a block, close later and hold a blank line
/// in between: from the start of the opening tag's line to the end of the closing tag's.
/// Fenced code is skipped.
pub(crate) fn raw_regions(text: &str) -> Vec<Range<usize>> {
    let mut regions = Vec::new();
    if !may_hold(text) {
        return regions;
    }
    let mut at = 0;
    let mut fence: Option<&str> = None;
    // Each opening looks up to FARTHEST ahead for its closing tag: a post of thousands of
    // unclosed openings would be read thousands of times over. Past this much looking,
    // the rest is read as CommonMark reads it.
    let mut budget = text.len().saturating_mul(8).max(4 * FARTHEST);
    while at < text.len() {
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        let line = &text[at..line_end];
        let trimmed = line.trim_start_matches(' ');
        if let Some(f) = fence {
            if trimmed.starts_with(f) {
                fence = None;
            }
            at = line_end;
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(&trimmed[..3]);
            at = line_end;
            continue;
        }
        let indent = line.len() - trimmed.len();
        if indent <= 3 && budget > 0 {
            if let Some(end) = element_end(text, at + indent, &mut budget) {
                if holds_blank_line(&text[at..end]) {
                    let end = text[end..].find('\n').map_or(text.len(), |i| end + i + 1);
                    regions.push(at..end);
                    at = end;
                    continue;
                }
            }
        }
        at = line_end;
    }
    regions
}

/// How kramdown reads a top-level block that starts with a tag, where CommonMark reads it
/// otherwise: kramdown goes by the element, CommonMark by the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TagBlock {
    /// An HTML block to CommonMark (a span element's tag alone on its line: `<img ...>`,
    /// `<em>`), a paragraph of Markdown to kramdown.
    Paragraph,
    /// A paragraph to CommonMark (an element it does not know as a block, such as
    /// `<video ...></video>`), block HTML to kramdown: raw up to this offset of the block,
    /// the end of its closing tag.
    Raw(usize),
}

/// How kramdown reads `block` (from the start of its first line) where CommonMark read it
/// as an HTML block (`html_block`) or as a paragraph, if otherwise.
pub(crate) fn kramdown_tag_block(block: &str, html_block: bool) -> Option<TagBlock> {
    let trimmed = block.trim_start_matches(' ');
    let indent = block.len() - trimmed.len();
    if indent > 3 {
        return None;
    }
    let rest = trimmed.strip_prefix('<')?;
    if html_block {
        let name_len = rest
            .find(|c: char| !c.is_ascii_alphanumeric())
            .filter(|&n| n > 0)?;
        let name = rest[..name_len].to_ascii_lowercase();
        let named = rest[name_len..].starts_with([' ', '\t', '>', '\n', '\r', '/']);
        return (named && SPAN_ELEMENTS.contains(&name.as_str())).then_some(TagBlock::Paragraph);
    }
    // One block: read once, no budget to keep.
    let mut unlimited = usize::MAX;
    element_end(block, indent, &mut unlimited).map(TagBlock::Raw)
}

/// Whether `text` holds a line of white space only (a blank line to CommonMark) between
/// two line breaks.
fn holds_blank_line(text: &str) -> bool {
    let mut lines = text.split('\n');
    lines.next();
    let mut previous = None;
    for line in lines {
        if previous.is_some_and(|l: &str| l.trim().is_empty()) {
            return true;
        }
        previous = Some(line);
    }
    false
}

/// Whether replacing `removed` with `body[start..end]` may have made block HTML hold a
/// blank line where no element did before: only an edit of a tag, of a line break, of a
/// fence, or of a line now blank can. (Typing in a paragraph cannot, and the whole body
/// is not searched for one on such a keystroke.)
pub(crate) fn edit_may_open_region(body: &str, start: usize, end: usize, removed: &str) -> bool {
    let marks = |s: &str| s.contains(['<', '>', '\n', '`', '~']);
    if marks(removed) || marks(&body[start..end]) {
        return true;
    }
    let line_start = body[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = body[end..].find('\n').map_or(body.len(), |i| end + i);
    let line = &body[line_start..line_end];
    // Inside a tag written over several lines (its `markdown="1"` edited, say): a `<`
    // not closed before the edit, since the last blank line.
    let paragraph = &body[body[..start].rfind("\n\n").map_or(0, |i| i + 2)..start];
    let inside_tag = paragraph.rfind('<') > paragraph.rfind('>');
    line.trim().is_empty() || line.contains(['<', '`', '~']) || inside_tag
}

/// How far after an opening tag its closing tag is looked for.
const FARTHEST: usize = 64 * 1024;

/// Where the element whose opening tag is at `start` closes (the end of its closing tag),
/// when it is one that starts block HTML and asks for no Markdown. What it reads looking
/// for the closing tag is taken off `budget`.
fn element_end(text: &str, start: usize, budget: &mut usize) -> Option<usize> {
    let rest = text[start..].strip_prefix('<')?;
    let name_len = rest
        .find(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .filter(|&n| n > 0)?;
    let name = rest[..name_len].to_ascii_lowercase();
    if !rest[name_len..].starts_with([' ', '\t', '>', '\n', '\r']) {
        return None;
    }
    let tag_end = rest.find('>')?;
    let tag = &rest[..tag_end];
    if SPAN_ELEMENTS.contains(&name.as_str())
        || VOID_ELEMENTS.contains(&name.as_str())
        || RAW_ALREADY.contains(&name.as_str())
        || tag.ends_with('/')
    {
        return None;
    }
    // Count nested elements of the same name up to the matching closing tag.
    let mut limit = (start + FARTHEST).min(text.len());
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }

    let bytes = text.as_bytes();
    let name = name.as_bytes();
    let mut depth = 0usize;
    let mut at = start;
    while let Some(i) = text[at..limit].find('<') {
        let lt = at + i;
        let (close, from) = match bytes.get(lt + 1) {
            Some(b'/') => (true, lt + 2),
            _ => (false, lt + 1),
        };
        let named = bytes
            .get(from..from + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name));
        let after = bytes.get(from + name.len()).copied();
        at = lt + 1;
        if !named {
            continue;
        }
        if close && after == Some(b'>') {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                let end = from + name.len() + 1;
                *budget = budget.saturating_sub(end - start);
                return Some(end);
            }
        } else if !close && after.is_some_and(|c| c == b'>' || c == b'/' || c.is_ascii_whitespace())
        {
            depth += 1;
        }
    }
    *budget = budget.saturating_sub(limit - start);
    None
}

#[cfg(test)]
mod tests {
    use super::super::jekyll_html as jekyll;
    use super::raw_regions;

    #[test]
    fn regions_span_blank_lines_to_the_matching_close() {
        let text = "a\n\n<div class=\"x\">\n\n<div>\n\n    <p>in</p>\n\n</div>\n\n</div>\n\nb\n";
        let regions = raw_regions(text);
        assert_eq!(regions.len(), 1);
        assert_eq!(&text[regions[0].clone()], &text[3..text.len() - 3]);
        // A line of spaces is a blank line too.
        let text = "<table>\n  <tr>\n    \n    <td>x</td>\n  </tr>\n</table>\n";
        assert_eq!(raw_regions(text), vec![0..text.len()]);
        // An element of Markdown content too: rendered whole by `markdown_attr.rs`.
        let text = "<div markdown=\"1\">\n\nx\n\n</div>\n";
        assert_eq!(raw_regions(text), vec![0..text.len()]);
        // No blank line inside, a span element, a fence: no region.
        for text in [
            "<div>\nx\n</div>\n",
            "<span>\n\nx</span>\n",
            "```\n<div>\n\nx\n\n</div>\n```\n",
            "<div>\n\nnever closed\n",
        ] {
            assert!(raw_regions(text).is_empty(), "{text:?}");
        }
    }

    /// Expected HTML as Jekyll 4.3.1 (kramdown 2.4) writes it, whitespace aside.
    #[test]
    fn block_html_stays_raw_across_blank_lines() {
        let html = jekyll(
            "<details>\n<summary>Click</summary>\n\nHidden *markdown* content.\n\n</details>\n\n\
             <div class=\"embed\">\n\n    <iframe src=\"https://example.com\"></iframe>\n\n</div>\n\n\
             After *that*.\n",
        );
        assert!(html.contains("\nHidden *markdown* content.\n"), "{html}");
        assert!(!html.contains("<pre"), "{html}");
        assert!(
            html.contains("    <iframe src=\"https://example.com\"></iframe>"),
            "{html}"
        );
        assert!(html.ends_with("<p>After <em>that</em>.</p>\n"), "{html}");
    }
}
