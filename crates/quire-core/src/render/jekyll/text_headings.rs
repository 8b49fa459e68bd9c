//! Headings CommonMark reads where kramdown (GFM parser, Jekyll's `paragraph_end` quirk)
//! reads text or another heading text:
//!
//! - an ATX heading with nothing after its `#`s (`###`, `## `) is a paragraph line, more of
//!   the paragraph above or below it;
//! - one whose text is only `#`s (`## ##`) keeps them as its text (CommonMark takes them
//!   for the closing sequence);
//! - an ATX heading indented by one to three spaces is a paragraph line (kramdown's `#`
//!   starts the line);
//! - a setext heading is one line right after a blank line (or the start, an attribute
//!   list, an end-of-block mark) underlined at the line's start: two lines over `---`, a
//!   line right under a heading or a code block, or an indented underline are a
//!   paragraph, its `---` a dash.
//!
//! And a GFM table right under another block (a heading, a fence's end), no blank line
//! between, is a paragraph (kramdown's table parser asks for a block boundary); and a
//! list marker alone on its line, nothing after it (`-`, `+`, `*`, `1.`), is text, where
//! CommonMark reads an empty list item: kramdown's list item wants a space or a tab after
//! its marker (after a blank line it is a paragraph, under an item more of that item's
//! text).
//!
//! The character that makes such a line a heading to CommonMark is marked before the text
//! is parsed (a control character, one byte for one: offsets hold), which makes the line
//! text that goes on the paragraph around it, and is written back in the events
//! ([`unmark`]). Whether a heading is one is judged from the parser's own reading of the
//! text and the lines around it, so a part of a post parsed again reads as the whole did.

use std::borrow::Cow;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag};

/// Stand-ins for the `#`, `-` and `=` that made a line a heading to CommonMark, and for the
/// `+`, `*` and `.` that made one an empty list item. (The last three are the renderer's
/// id, table of contents and note marks, which only its HTML holds: these are written
/// back as the text is parsed, before any of those is written.)
const MARKS: [(char, char); 6] = [
    ('#', '\u{12}'),
    ('-', '\u{13}'),
    ('=', '\u{14}'),
    ('+', '\u{1}'),
    ('*', '\u{2}'),
    ('.', '\u{3}'),
];

/// Whether `c` is one of this module's marks (a post's own are cleared before parsing).
pub(super) fn is_mark(c: char) -> bool {
    MARKS.iter().any(|&(_, m)| m == c)
}

/// `text` with the headings kramdown reads otherwise marked; borrowed when there are none.
pub(crate) fn mark_text_headings(text: &str, options: Options) -> Cow<'_, str> {
    let mut marks = tables_off_a_boundary(text);
    let headings = may_hold(text) || may_hold_bare_markers(text);
    if !headings && marks.is_empty() {
        return Cow::Borrowed(text);
    }
    // (The second parse only when a heading may be one: the parser reads the whole text
    // as it is made.)
    if headings {
        marks.extend(heading_marks(text, options));
    }
    if marks.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut bytes = text.as_bytes().to_vec();
    let apply = |bytes: &mut Vec<u8>, marks: Vec<usize>| {
        let mut any = false;
        for at in marks {
            if let Some(&(_, mark)) = MARKS.iter().find(|&&(c, _)| c as u8 == bytes[at]) {
                bytes[at] = mark as u8;
                any = true;
            }
        }
        any
    };
    apply(&mut bytes, marks);
    // A mark changes the reading around it (a heading made text no longer ends the block
    // HTML above it, whose lines become blocks): read again until nothing more is marked,
    // so that the marks are those of the text as it is parsed, whatever came before it.
    for _ in 0..3 {
        let Ok(marked) = std::str::from_utf8(&bytes) else {
            break;
        };
        let more = heading_marks(marked, options);
        if !apply(&mut bytes, more) {
            break;
        }
    }
    // One ASCII byte replaced by another: still UTF-8.
    Cow::Owned(String::from_utf8(bytes).unwrap_or_else(|_| text.to_string()))
}

/// Where the headings of the parser's reading of `text` that kramdown reads otherwise are
/// to be marked.
fn heading_marks(text: &str, options: Options) -> Vec<usize> {
    let mut marks = Vec::new();
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                if let Some(at) = text_heading(text, range.start..range.end, depth == 0) {
                    marks.push(at);
                }
                depth += 1;
            }
            Event::Start(Tag::Item) => {
                marks.extend(bare_marker(text, range));
                depth += 1;
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    marks
}

/// The event with the marked characters written back.
pub(crate) fn unmark(event: Event<'_>) -> Event<'_> {
    fn unmarked(text: CowStr<'_>) -> CowStr<'_> {
        if !text.contains(is_mark) {
            return text;
        }
        let mut out = text.to_string();
        for (c, mark) in MARKS {
            out = out.replace(mark, &c.to_string());
        }
        CowStr::from(out)
    }
    match event {
        Event::Text(t) => Event::Text(unmarked(t)),
        Event::Code(t) => Event::Code(unmarked(t)),
        Event::InlineHtml(t) => Event::InlineHtml(unmarked(t)),
        Event::Html(t) => Event::Html(unmarked(t)),
        event => event,
    }
}

/// Where the heading parsed at `range` is to be marked, when kramdown reads it otherwise.
/// `top`: the heading is a top-level block (its line's indentation is its own).
fn text_heading(text: &str, range: std::ops::Range<usize>, top: bool) -> Option<usize> {
    let start = range.start;
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    if text[start..].starts_with('#') {
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line = text[start..line_end].trim_end_matches('\r');
        let hashes = line.bytes().take_while(|&b| b == b'#').count();
        let after = &line[hashes..];
        let contents = after.trim();
        if contents.is_empty() {
            return Some(start);
        }
        if contents.bytes().all(|b| b == b'#') {
            return Some(start + hashes + (after.len() - after.trim_start().len()));
        }
        let indent = &text[line_start..start];
        return (top && !indent.is_empty() && indent.bytes().all(|b| b == b' ')).then_some(start);
    }
    // Setext: its lines, the last the underline.
    let block = text[range.clone()].trim_end_matches(['\n', '\r']);
    let underline_start = start + block.rfind('\n')? + 1;
    let underline = &text[underline_start..range.end];
    let at = underline_start + underline.find(['-', '='])?;
    if !text[underline_start..at]
        .bytes()
        .all(|b| matches!(b, b' ' | b'\t' | b'>'))
    {
        return None;
    }
    // An attribute list on the first line is the heading's, not its text.
    let first_line = block.split('\n').next().unwrap_or_default();
    let listed = is_ial_line(first_line);
    let lines = block.matches('\n').count() + 1 - usize::from(listed);
    if lines > 2 {
        return Some(at);
    }
    if !top {
        return None;
    }
    if at > underline_start {
        return Some(at);
    }
    // Right under a block (kramdown's `after_block_boundary?`): an attribute list counts
    // as a boundary when it is a block's own (a blank line above it), not the block
    // above's.
    let previous = previous_line(text, line_start);
    let boundary = match previous {
        None => true,
        Some(line) if listed => line.trim().is_empty(),
        Some(line) => line.trim().is_empty() || is_ial_line(line) || line.trim() == "^",
    };
    (!boundary).then_some(at)
}

/// Where the list item parsed at `range` is to be marked when it is a marker alone on its
/// line (`-`, `+`, `*`, digits and `.`), nothing after it: its last character.
/// A `-` at the start of its line right under an item's one line is left as it is:
/// kramdown reads the two lines as a heading in the item, which no mark can make of them
/// (indented, it is more of the item's text).
fn bare_marker(text: &str, range: std::ops::Range<usize>) -> Option<usize> {
    let line_end = text[range.start..]
        .find('\n')
        .map_or(text.len(), |i| range.start + i);
    // (The item's range may start with its line's indentation.)
    let line = &text[range.start..line_end];
    let marker = line.trim_start_matches([' ', '\t']).trim_end_matches('\r');
    let start = range.start + (line.len() - line.trim_start_matches([' ', '\t']).len());
    if !text[line_end..range.end.max(line_end)].trim().is_empty() || !is_bare_marker(marker) {
        return None;
    }
    let line_start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let above = previous_line(text, line_start).map(|l| l.trim_start_matches([' ', '\t', '>']));
    let under_an_item = above.is_some_and(|l| {
        let digits = l.bytes().take_while(u8::is_ascii_digit).count();
        l.starts_with(['-', '+', '*']) && l[1..].starts_with([' ', '\t'])
            || digits > 0 && l[digits..].starts_with(['.', ')'])
    });
    let underline = marker == "-" && under_an_item && line_start == start;
    (!underline).then(|| start + marker.len() - 1)
}

/// Whether `s` is a list marker and nothing else (`1)` aside: no mark stands for `)`).
fn is_bare_marker(s: &str) -> bool {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    matches!(s, "-" | "+" | "*") || ((1..=9).contains(&digits) && &s[digits..] == ".")
}

/// Whether some line of `text` (inside whatever quotation) is a bare list marker.
fn may_hold_bare_markers(text: &str) -> bool {
    text.lines().any(|line| {
        is_bare_marker(
            line.trim_start_matches([' ', '\t', '>'])
                .trim_end_matches('\r'),
        )
    })
}

/// Where GFM tables start that kramdown reads as text: a table right under another block
/// (a heading, a fence's end) with no blank line between (its table parser asks for
/// `after_block_boundary?`), whose lines go on as a paragraph there. The first `-` of each
/// such table's separator line, which marked makes the lines a paragraph to the parser.
/// Top-level lines only.
fn tables_off_a_boundary(text: &str) -> Vec<usize> {
    let mut marks = Vec::new();
    if !text.contains("|-") && !text.contains("| -") && !text.contains("|:") {
        return marks;
    }
    let mut lines: [Option<&str>; 2] = [None, None];
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let line = line.trim_end_matches(['\n', '\r']);
        let [before, header] = lines;
        lines = [header, Some(line)];
        let (Some(before), Some(header)) = (before, header) else {
            continue;
        };
        let top = |l: &str| {
            let indent = l.len() - l.trim_start_matches(' ').len();
            let rest = l.trim_start_matches(' ');
            indent < 4 && !rest.starts_with(['>', '*', '+', '\t']) && !rest.starts_with("- ")
        };
        let separator =
            line.contains('|') && line.contains('-') && line.chars().all(|c| "|:- \t".contains(c));
        let boundary = before.trim().is_empty()
            || is_ial_line(before)
            || before.trim() == "^"
            || before.contains('|')
            || (before.trim_start().starts_with("{%") && before.trim_end().ends_with("%}"));
        if separator && header.contains('|') && top(header) && top(line) && !boundary {
            if let Some(dash) = line.find('-') {
                marks.push(start + dash);
            }
        }
    }
    marks
}

/// The line before the one starting at `line_start`, if any.
fn previous_line(text: &str, line_start: usize) -> Option<&str> {
    let before = text[..line_start].strip_suffix('\n')?;
    let before = before.strip_suffix('\r').unwrap_or(before);
    Some(&before[before.rfind('\n').map_or(0, |i| i + 1)..])
}

/// Whether `line` holds only a block attribute list (`{: .class}`).
fn is_ial_line(line: &str) -> bool {
    let line = line.trim();
    line.starts_with("{:") && line.ends_with('}')
}

/// Whether a line of `text` may be such a heading's (a quick look before the parse).
fn may_hold(text: &str) -> bool {
    let mut previous = ["", ""];
    for line in text.lines() {
        // From the line's first `#`, whatever holds it (a quotation, a list item, a
        // definition, a note): a window without the post's other lines must look as
        // the whole post does.
        if let Some(hash) = line.find('#') {
            let after = line[hash..].trim_start_matches('#');
            let contents = after.trim();
            if contents.is_empty()
                || (after.starts_with([' ', '\t']) && contents.bytes().all(|b| b == b'#'))
                || (line.starts_with(' ') && line.trim_start().starts_with('#'))
            {
                return true;
            }
        }
        let underline = line.trim_start_matches([' ', '\t', '>']).trim_end();
        let is_underline = !underline.is_empty()
            && (underline.bytes().all(|b| b == b'-') || underline.bytes().all(|b| b == b'='));
        if is_underline
            && !previous[1].trim().is_empty()
            && (line.starts_with(' ') || !previous[0].trim().is_empty())
        {
            return true;
        }
        previous = [previous[1], line];
    }
    false
}

#[cfg(test)]
mod tests {
    use super::super::jekyll_html as jekyll;

    /// Expected as Jekyll 4.3.1 writes them: a table right under a heading or a fence,
    /// no blank line between, is a paragraph (houbb's posts, written so by a chat model).
    #[test]
    fn a_table_right_under_a_block_is_text() {
        assert_eq!(
            jekyll("### **1. 对比**\n| 技术 | 协议 |\n|--------------------|-----------|\n| **定时轮询** | HTTP |\n"),
            "<h3 id=\"1-对比\"><strong>1. 对比</strong></h3>\n<p>| 技术 | 协议 |\n\
             |——————–|———–|\n| <strong>定时轮询</strong> | HTTP |</p>\n"
        );
        assert_eq!(
            jekyll("```\nx\n```\n| a | b |\n|---|---|\n| 1 | 2 |\n"),
            "<div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\">\
             <pre class=\"highlight\"><code>x\n</code></pre></div></div>\n\
             <p>| a | b |\n|—|—|\n| 1 | 2 |</p>\n"
        );
        // After a blank line or an attribute list, a table.
        for md in [
            "# H\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
            "{: .x}\n| a | b |\n|---|---|\n| 1 | 2 |\n",
        ] {
            assert!(jekyll(md).contains("<table"), "{md}");
        }
    }

    /// Expected as Jekyll 4.3.1 writes them.
    #[test]
    fn headings_kramdown_reads_as_text() {
        let cases = [
            ("para\n###\n", "<p>para\n###</p>\n"),
            ("###\n\nend\n", "<p>###</p>\n<p>end</p>\n"),
            ("## \n", "<p>##</p>\n"),
            ("###\nmore\n", "<p>###\nmore</p>\n"),
            ("### ###\n", "<h3>###</h3>\n"),
            ("## #\n", "<h2>#</h2>\n"),
            ("# #\n", "<h1>#</h1>\n"),
            (" ## foo\n", "<p>## foo</p>\n"),
            ("   ### bar\n", "<p>### bar</p>\n"),
            (
                "- a\n\n  ###\n",
                "<ul>\n<li>\n<p>a</p>\n<p>###</p>\n</li>\n</ul>\n",
            ),
            ("> ###\n", "<blockquote>\n<p>###</p>\n</blockquote>\n"),
            (
                "Text one\ntext two\n---\n",
                "<p>Text one\ntext two\n—</p>\n",
            ),
            ("a\nb\n===\nc\n", "<p>a\nb\n===\nc</p>\n"),
            ("# T\nSub\n---\n", "<h1 id=\"t\">T</h1>\n<p>Sub\n—</p>\n"),
            (
                "> q\n> r\n> ===\n",
                "<blockquote>\n<p>q\nr\n===</p>\n</blockquote>\n",
            ),
            ("foo\n ---\n", "<p>foo\n—</p>\n"),
        ];
        for (markdown, expected) in cases {
            assert_eq!(jekyll(markdown), expected, "{markdown}");
        }
    }

    /// Headings both read alike stay headings.
    #[test]
    fn headings_kramdown_reads_as_headings() {
        let cases = [
            ("## foo ##\n", "<h2 id=\"foo\">foo</h2>\n"),
            ("# a #b\n", "<h1 id=\"a-b\">a #b</h1>\n"),
            ("Title\n---\n", "<h2 id=\"title\">Title</h2>\n"),
            ("a\n\nTitle\n===\n", "<p>a</p>\n<h1 id=\"title\">Title</h1>\n"),
            // (Jekyll writes the class first.)
            ("{: .x}\nTitle\n---\n", "<h2 id=\"title\" class=\"x\">Title</h2>\n"),
            ("```\n#\n```\n", "<div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>#\n</code></pre></div></div>\n"),
        ];
        for (markdown, expected) in cases {
            assert_eq!(jekyll(markdown), expected, "{markdown}");
        }
    }

    /// As Jekyll 4.3.1 (kramdown 2.4) writes them: a list marker alone on its line is
    /// text (houbb's `+` between two code blocks, Servo's `-` under an item's second line).
    #[test]
    fn a_marker_alone_on_its_line_is_text() {
        let cases = [
            ("a\n\n+\n\nb\n", "<p>a</p>\n<p>+</p>\n<p>b</p>\n"),
            ("-\n\n*\n\n1.\n", "<p>-</p>\n<p>*</p>\n<p>1.</p>\n"),
            (
                "- d\n- e\n  f\n-\n",
                "<ul>\n<li>d</li>\n<li>e\nf\n-</li>\n</ul>\n",
            ),
            // (kramdown keeps the space before the `-`: the same text in a page.)
            (" - d\n -\n", "<ul>\n<li>d\n-</li>\n</ul>\n"),
            ("1. x\n2.\n", "<ol>\n<li>x\n2.</li>\n</ol>\n"),
            ("> -\n", "<blockquote>\n<p>-</p>\n</blockquote>\n"),
            ("-\n- d\n", "<p>-</p>\n<ul>\n<li>d</li>\n</ul>\n"),
            (
                "- b\n\n* c\n*\n\nx\n",
                "<ul>\n<li>\n<p>b</p>\n</li>\n<li>\n<p>c\n*</p>\n</li>\n</ul>\n<p>x</p>\n",
            ),
            // With a space after it, an empty item; under text, the text's underline.
            ("- \n", "<ul>\n<li></li>\n</ul>\n"),
            ("text\n-\n", "<h2 id=\"text\">text</h2>\n"),
        ];
        for (markdown, html) in cases {
            assert_eq!(jekyll(markdown), html, "{markdown:?}");
        }
    }
}
