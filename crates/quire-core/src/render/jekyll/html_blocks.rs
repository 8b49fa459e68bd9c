//! Block HTML as kramdown reads it: an element whose opening tag starts a block runs to
//! its matching closing tag, blank lines and all, and its content is written as it is
//! (unless it says `markdown="1"`). CommonMark ends an HTML block at the first blank line
//! and reads what follows as Markdown: an indented line of HTML after a blank line becomes
//! a code block showing the tags, and `<details>` content becomes paragraphs.

use std::ops::Range;

/// kramdown's span elements: an opening tag of one of these does not start block HTML.
pub(super) const SPAN_ELEMENTS: &[&str] = &[
    "a", "abbr", "acronym", "b", "big", "bdo", "br", "button", "cite", "code", "del", "dfn", "em",
    "i", "img", "input", "ins", "kbd", "label", "mark", "option", "q", "rb", "rbc", "rp", "rt",
    "rtc", "ruby", "samp", "select", "small", "span", "strong", "sub", "sup", "tt", "u", "var",
];

/// Elements without content (no closing tag to look for).
pub(super) const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "command", "embed", "hr", "img", "input", "keygen", "link",
    "meta", "param", "source", "track", "wbr",
];

/// Elements CommonMark already keeps raw up to their closing tag.
const RAW_ALREADY: &[&str] = &["pre", "script", "style", "textarea"];

/// Whether `text` may hold block HTML at all (a cheap test first): its first line or
/// another ([`opens_html_line`]) starts with a `<`.
fn may_hold(text: &str) -> bool {
    starts_with_html(text)
        || text
            .as_bytes()
            .split(|&b| b == b'\n')
            .skip(1)
            .any(opens_html_line)
}

/// Whether the first line of `text` starts (after spaces) with a `<`.
pub(crate) fn starts_with_html(text: &str) -> bool {
    text.trim_start_matches(' ').starts_with('<')
}

/// Whether a line (what follows a line break) starts with up to three spaces and a `<`,
/// as block HTML may.
pub(crate) fn opens_html_line(line: &[u8]) -> bool {
    let spaces = line.iter().take(3).take_while(|&&c| c == b' ').count();
    line.get(spaces) == Some(&b'<')
}

/// Whether a line (`trimmed`: without its leading spaces) met in a scan of a body's lines
/// is fenced code or a fence's line; `fence` is the marker of the fence open, if any.
pub(crate) fn fenced<'a>(fence: &mut Option<&'a str>, trimmed: &'a str) -> bool {
    if let Some(f) = *fence {
        if trimmed.starts_with(f) {
            *fence = None;
        }
        return true;
    }
    // A backtick fence with more than one word after it is text to kramdown
    // (`lone_backticks.rs`).
    let wordy = || super::lone_backticks::wordy_fence(trimmed).is_some();
    if (trimmed.starts_with("```") && !wordy()) || trimmed.starts_with("~~~") {
        *fence = Some(&trimmed[..3]);
        return true;
    }
    false
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
    let mut budget = text.len().saturating_mul(8).max(BUDGET_FLOOR);
    // Whether the line before opens with block HTML: a `<script>` (or `<style>`, `<pre>`,
    // `<textarea>`) opening under it is read on in that line's HTML block by CommonMark,
    // which a blank line ends; after a blank line it starts a block CommonMark keeps raw
    // to its closing tag already (and under a paragraph's line kramdown reads it in the
    // paragraph).
    let mut after_html = false;
    while at < text.len() {
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        let line = &text[at..line_end];
        let trimmed = line.trim_start_matches(' ');
        let html_before = std::mem::replace(
            &mut after_html,
            starts_with_html(line) && !span_tag_block(line),
        );
        if fenced(&mut fence, trimmed) {
            at = line_end;
            continue;
        }
        let indent = line.len() - trimmed.len();
        if indent <= 3 && budget > 0 {
            if let Some(end) = element_end(text, at + indent, html_before, &mut budget) {
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

/// Whether kramdown reads `block` (from the start of its first line), an HTML block to
/// CommonMark, as a paragraph of Markdown: a span element's tag alone on its line
/// (`<img ...>`, `<em>`) starts one.
pub(crate) fn span_tag_block(block: &str) -> bool {
    let trimmed = block.trim_start_matches(' ');
    if block.len() - trimmed.len() > 3 {
        return false;
    }
    let Some(rest) = trimmed.strip_prefix('<') else {
        return false;
    };
    let Some(name_len) = rest
        .find(|c: char| !c.is_ascii_alphanumeric())
        .filter(|&n| n > 0)
    else {
        return false;
    };
    let name = rest[..name_len].to_ascii_lowercase();
    let named = rest[name_len..].starts_with([' ', '\t', '>', '\n', '\r', '/']);
    named && SPAN_ELEMENTS.contains(&name.as_str())
}

/// A piece of a top-level block as kramdown reads it: block HTML (an element to its
/// closing tag, a void element's tag) or Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Piece {
    pub(crate) range: Range<usize>,
    pub(crate) raw: bool,
}

/// `block` (a CommonMark paragraph or HTML block, from the start of its first line) in the
/// pieces kramdown reads: block HTML ends at its element's closing tag, and what follows
/// (on the same line or the next) is Markdown again; a paragraph ends at a line opening
/// block HTML (`<video>`, `<iframe>`, `<div>`: any element but a span element). CommonMark
/// keeps an HTML block raw to the next blank line and reads a `<video>` line as more of a
/// paragraph. Elements that do not close in `block`, an element with a `markdown`
/// attribute (`markdown_attr.rs` reads the block whole) and Markdown that opens a list, a
/// quotation, a fence or code are left as CommonMark reads them (one Markdown piece).
pub(crate) fn kramdown_pieces(block: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut at = 0;
    // A comment with text after it on its line (a WordPress import's `<!--more-->Only`):
    // kramdown reads the text after it as Markdown.
    let trimmed = block.trim_start_matches(' ');
    if let Some(end) = trimmed
        .strip_prefix("<!--")
        .and_then(|c| c.find("-->"))
        .map(|e| block.len() - trimmed.len() + 4 + e + 3)
    {
        let line_end = block[end..].find('\n').map_or(block.len(), |i| end + i);
        if !block[end..line_end].trim().is_empty() {
            pieces.push(Piece {
                range: 0..end,
                raw: true,
            });
            at = end + (block[end..].len() - block[end..].trim_start_matches([' ', '\t']).len());
        }
    }
    // Else a comment, a processing instruction, a declaration: as CommonMark reads them.
    if at == 0 && (trimmed.starts_with("<!") || trimmed.starts_with("<?")) {
        return vec![Piece {
            range: 0..block.len(),
            raw: false,
        }];
    }
    let mut budget = block.len().saturating_mul(8).max(BUDGET_FLOOR);
    while at < block.len() {
        if let Some(end) = block_element_end(block, at, &mut budget) {
            // An element with a `markdown` attribute opening the block: the block as
            // CommonMark reads it (`markdown_attr.rs` reads it whole); after Markdown, a
            // piece of its own, rendered there (`markdown_attr.rs`).
            let open_tag = &block[at..block[at..end].find('>').map_or(end, |i| at + i)];
            if at == 0 && open_tag.contains(" markdown=") && markdown_off(open_tag).is_none() {
                return vec![Piece {
                    range: 0..block.len(),
                    raw: false,
                }];
            }
            pieces.push(Piece {
                range: at..end,
                raw: true,
            });
            // kramdown takes the white space after it and its line break.
            at = end
                + (block[end..].len() - block[end..].trim_start_matches([' ', '\t', '\r']).len());
            at += usize::from(block[at..].starts_with('\n'));
            continue;
        }
        let end = next_html_line(block, at, &mut budget).unwrap_or(block.len());
        pieces.push(Piece {
            range: at..end,
            raw: false,
        });
        at = end;
    }
    pieces
}

/// Block HTML with `markdown="0"` in its opening tag (its content raw, as without it)
/// written as kramdown writes it: without the attribute. `None` when it has no such
/// attribute.
pub(crate) fn markdown_off(html: &str) -> Option<String> {
    // An element's tag (a comment holding one keeps it as written).
    let opens = html.trim_start().strip_prefix('<')?;
    if !opens.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let tag_end = html.find('>').unwrap_or(html.len());
    let at = html[..tag_end].find(" markdown=")?;
    let value = &html[at + " markdown=".len()..tag_end];
    let len = ["\"0\"", "'0'", "0"]
        .iter()
        .find(|v| {
            value.starts_with(**v)
                && value[v.len()..].starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/')
                || value == **v
        })?
        .len();
    Some(format!(
        "{}{}",
        &html[..at],
        &html[at + " markdown=".len() + len..]
    ))
}

/// `block` as two or more block elements one after another, each to its closing tag
/// (white space and line breaks between them), as kramdown reads them one by one; `None`
/// when it is one element, or holds anything else.
pub(crate) fn sibling_elements(block: &str) -> Option<Vec<Range<usize>>> {
    let mut budget = block.len().saturating_mul(8).max(BUDGET_FLOOR);
    let mut elements = Vec::new();
    let mut at = 0;
    while at < block.len() {
        let end = block_element_end(block, at, &mut budget)?;
        elements.push(at..end);
        at = end + (block[end..].len() - block[end..].trim_start().len());
    }
    (elements.len() > 1).then_some(elements)
}

/// Where block HTML starting at `at` (after up to three spaces) ends: the end of its
/// closing tag, or of a void element's tag; `None` for a span element, an element
/// CommonMark keeps raw to its closing tag already, one not closed in `text`, or no tag.
fn block_element_end(text: &str, at: usize, budget: &mut usize) -> Option<usize> {
    let rest = &text[at..];
    let trimmed = rest.trim_start_matches(' ');
    let indent = rest.len() - trimmed.len();
    if indent > 3 {
        return None;
    }
    let start = at + indent;
    let after = trimmed.strip_prefix('<')?;
    let name_len = after
        .find(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .filter(|&n| n > 0)?;
    let name = after[..name_len].to_ascii_lowercase();
    if !after[name_len..].starts_with([' ', '\t', '>', '\n', '\r', '/'])
        || SPAN_ELEMENTS.contains(&name.as_str())
        || RAW_ALREADY.contains(&name.as_str())
    {
        return None;
    }
    let tag_end = after.find('>')?;
    if VOID_ELEMENTS.contains(&name.as_str()) || after[..tag_end].ends_with('/') {
        return Some(start + 1 + tag_end + 1);
    }
    element_end(text, start, false, budget)
}

/// The start of the first line after the one holding `from` where a paragraph beginning
/// at `from` ends for block HTML that closes in `text`; `None` when there is none, or the
/// Markdown at `from` opens a block that may hold such a line (a list, a quotation, a
/// fence, indented code, a table) or meets one, or a comment is open.
fn next_html_line(text: &str, from: usize, budget: &mut usize) -> Option<usize> {
    // (A line indented four spaces or more goes on a paragraph: code only opens one.)
    let opens_container = |line: &str, first: bool| {
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        let digits = trimmed.len()
            - trimmed
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .len();
        if !first && indent > 3 {
            return false;
        }
        indent > 3
            || line.starts_with('\t')
            || trimmed.starts_with(['>', '|'])
            || trimmed.starts_with("```")
            || trimmed.starts_with("~~~")
            || ["- ", "* ", "+ ", "-\t", "*\t", "+\t"]
                .iter()
                .any(|m| trimmed.starts_with(m))
            || (digits > 0 && trimmed[digits..].starts_with(['.', ')']))
    };
    let first_end = text[from..].find('\n').map_or(text.len(), |i| from + i + 1);
    let first = &text[from..first_end];
    if opens_container(first, true)
        || first
            .rfind("<!--")
            .is_some_and(|o| !first[o..].contains("-->"))
    {
        return None;
    }
    let mut at = first_end;
    while at < text.len() {
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        let line = &text[at..end];
        // A comment still open holds what follows.
        let comment_open = line
            .rfind("<!--")
            .is_some_and(|o| !line[o..].contains("-->"));
        if opens_container(line, false) || comment_open {
            return None;
        }
        if line.trim_start_matches(' ').starts_with('<')
            && block_element_end(text, at, budget).is_some()
        {
            return Some(at);
        }
        at = end;
    }
    None
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
    let marks = |s: &str| s.contains(['<', '>', '\n', '`', '~', '$']);
    if marks(removed) || marks(&body[start..end]) {
        return true;
    }
    let line_start = body[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = body[end..].find('\n').map_or(body.len(), |i| end + i);
    let line = &body[line_start..line_end];
    // Inside a tag written over several lines (its `markdown="1"` edited, say): a `<`
    // not closed before the edit, since the last blank line. (Found from the last `<`,
    // not from the last blank line: a long list has none.)
    let before = &body[..start];
    let inside_tag = before.rfind('<').is_some_and(|open| {
        before.rfind('>').is_none_or(|close| close < open) && !before[open..].contains("\n\n")
    });
    line.trim().is_empty() || line.contains(['<', '`', '~', '$']) || inside_tag
}

/// How far after an opening tag its closing tag is looked for: an inline SVG drawing
/// (draw.io's) runs to a hundred kilobytes on one line.
const FARTHEST: usize = 1024 * 1024;

/// What looking for closing tags may read at least, however short the text.
const BUDGET_FLOOR: usize = 256 * 1024;

/// Where the first closing tag of `name` in `text` (`</name>`, white space allowed before
/// the `>`, any case) ends.
fn raw_close(text: &str, name: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(i) = text[at..].find("</") {
        let from = at + i + 2;
        at = from;
        let named = bytes
            .get(from..from + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()));
        if !named {
            continue;
        }
        let after = from + name.len();
        let spaces = text[after..].len() - text[after..].trim_start().len();
        if bytes.get(after + spaces) == Some(&b'>') {
            return Some(after + spaces + 1);
        }
    }
    None
}

/// Where the element whose opening tag is at `start` closes (the end of its closing tag),
/// when it is one that starts block HTML and asks for no Markdown. What it reads looking
/// for the closing tag is taken off `budget`; once that is spent, no more is looked for
/// (a post of thousands of unclosed elements would cost the square of its length).
fn element_end(text: &str, start: usize, raw_too: bool, budget: &mut usize) -> Option<usize> {
    if *budget == 0 {
        return None;
    }
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
    let raw = RAW_ALREADY.contains(&name.as_str());
    if SPAN_ELEMENTS.contains(&name.as_str())
        || VOID_ELEMENTS.contains(&name.as_str())
        || (raw && !raw_too)
        || tag.ends_with('/')
    {
        return None;
    }
    let mut limit = (start + FARTHEST).min(text.len());
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    if raw {
        // Raw content to kramdown: it ends at the first closing tag (`</script >` too).
        let end = raw_close(&text[start..limit], &name).map(|e| start + e);
        *budget = budget.saturating_sub(end.unwrap_or(limit) - start);
        return end;
    }
    // Count nested elements of the same name up to the matching closing tag.

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

/// Where kramdown ends a quotation or a list that CommonMark carries on through a lazy
/// line: a line of `block` (a top-level quotation, `quote`, or list, as CommonMark read it)
/// that continues a paragraph without the block's marks and opens with the tag of an
/// element that is not a span element, or an autolink (`<https://...>`, read as an element
/// named `https:`), ends it there; kramdown reads that line on as a block of its own.
/// Returns the line's offset in `block`.
pub(crate) fn lazy_tag_end(block: &str, quote: bool) -> Option<usize> {
    let mut at = block.find('\n')? + 1;
    while at < block.len() {
        let line = &block[at..];
        let line = &line[..line.find('\n').unwrap_or(line.len())];
        let lazy = if quote {
            let indent = line.len() - line.trim_start_matches(' ').len();
            (indent <= 3)
                .then(|| &line[indent..])
                .filter(|l| !l.starts_with('>'))
        } else {
            Some(line).filter(|l| !l.starts_with([' ', '\t']))
        };
        if let Some(rest) = lazy.and_then(|l| l.strip_prefix('<')) {
            // kramdown's pattern names the span elements in lowercase: `<B>` is not one.
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | ':' | '_' | '.'))
                .collect();
            let opens = rest.starts_with(|c: char| c.is_ascii_alphabetic());
            if opens && !SPAN_ELEMENTS.contains(&name.as_str()) {
                return Some(at);
            }
        }
        at += line.len() + 1;
    }
    None
}

#[cfg(test)]
mod tests;
