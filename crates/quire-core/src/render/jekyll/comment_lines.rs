//! An HTML comment on the line right under a paragraph's text (`<!--more-->` under the
//! paragraph it ends, a note to self under a line) goes on the paragraph to kramdown:
//! only a block element's tag ends a paragraph (`LAZY_END_HTML_START`), and a comment is
//! no element. CommonMark's comment block interrupts the paragraph instead.
//!
//! Such a comment's `<` is marked before the text is parsed ([`COMMENT_MARK`], one byte
//! for one: offsets hold), so the parser reads its lines as the paragraph's text, and
//! [`CommentSpans`] gives the comment back as span HTML, as written in the source, in
//! place of the events the parser made of it. Whether a comment is one is judged from
//! the parser's own reading of the text, so a part of a post parsed again reads as the
//! whole did.

use core::ops::Range;
use std::borrow::Cow;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

use super::Fed;

/// Stands for the `<` of a comment that goes on the paragraph above it.
pub(crate) const COMMENT_MARK: char = '\u{18}';

/// A line's text after its containers' prefixes (indentation, `>`).
fn content(line: &str) -> &str {
    line.trim_start_matches([' ', '\t', '>'])
}

/// Whether `text` may hold a comment right under a line of text: the cheap look before
/// the parse.
fn may_hold(text: &str) -> bool {
    let mut previous_blank = true;
    for line in text.lines() {
        let here = content(line);
        if !previous_blank && here.starts_with("<!--") {
            return true;
        }
        previous_blank = here.trim().is_empty();
    }
    false
}

/// Whether a line inside a comment could end the paragraph it goes on (a blank line, a
/// heading, a list item, a quotation, a fence, a rule, a table's line, block HTML): such a
/// comment is left as the parser reads it.
fn may_end_paragraph(line: &str) -> bool {
    let line = line.trim_start_matches([' ', '\t']);
    let numbered = {
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0 && matches!(line.as_bytes().get(digits), Some(b'.' | b')'))
    };
    line.trim().is_empty()
        || numbered
        || line.starts_with([
            '#', '>', '-', '*', '+', '=', '_', '~', '`', '|', '<', ':', '{', '^', '[', '$',
        ])
}

/// `text` with the `<` of each comment kramdown reads as part of the paragraph above it
/// marked; borrowed when there is none.
pub(crate) fn mark_paragraph_comments(text: &str, options: Options) -> Cow<'_, str> {
    if !may_hold(text) {
        return Cow::Borrowed(text);
    }
    let mut marks = Vec::new();
    // Whether the last event was a paragraph's text or its end (a tight item's text has
    // no paragraph of its own).
    let mut after_text = false;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        if let Event::Start(Tag::HtmlBlock) = event {
            if after_text {
                marks.extend(comment_start(text, range.clone()));
            }
        }
        after_text = match event {
            Event::End(TagEnd::Paragraph) => true,
            // A container closed by the comment's line: the line is a lazy line of the
            // text it ends with.
            Event::End(TagEnd::Item | TagEnd::List(_) | TagEnd::BlockQuote(_)) => after_text,
            Event::End(end) => super::typography::inline_end(end),
            Event::Start(_) => false,
            Event::Html(_) | Event::Rule | Event::TaskListMarker(_) => false,
            _ => true,
        };
    }
    if marks.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut bytes = text.as_bytes().to_vec();
    for at in marks {
        bytes[at] = COMMENT_MARK as u8;
        for inner in inner_markers(text, at) {
            bytes[inner] = b'x';
        }
    }
    // One ASCII byte replaced by another: still UTF-8.
    Cow::Owned(String::from_utf8(bytes).unwrap_or_else(|_| text.to_string()))
}

/// Where the comment that the HTML block at `range` starts with opens, when it goes on the
/// paragraph above: on the line right under it, closed inside the block, no line of it one
/// that could end the paragraph, and nothing in it the parser could pair with text
/// outside it.
fn comment_start(text: &str, range: Range<usize>) -> Option<usize> {
    let block = &text[range.clone()];
    let open = block.find('<')?;
    let at = range.start + open;
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    if !content(&text[line_start..at]).is_empty() || !text[at..].starts_with("<!--") {
        return None;
    }
    // The line above is text (no blank line between).
    let above_end = line_start.checked_sub(1)?;
    let above_start = text[..above_end].rfind('\n').map_or(0, |i| i + 1);
    // (Not an attribute list's line, a Liquid tag's or an end-of-block mark: kramdown
    // reads no paragraph text there, Jekyll's Liquid leaves the line empty.)
    let above = content(&text[above_start..above_end]).trim();
    if above.is_empty() || above.starts_with("{:") || above.starts_with("{%") || above == "^" {
        return None;
    }
    let close = at + 4 + text[at + 4..range.end].find("-->")? + 3;
    let comment = &text[at..close];
    if comment.lines().skip(1).any(may_end_paragraph) {
        return None;
    }
    Some(at)
}

/// The markers inside the comment opening at `at` that the parser could pair with
/// markers outside it (emphasis, code spans, links, escapes): written as a plain letter
/// in the text parsed (the comment itself is given back from the source).
fn inner_markers(text: &str, at: usize) -> impl Iterator<Item = usize> + '_ {
    let close = text[at..].find("-->").map_or(text.len(), |i| at + i);
    text[at..close]
        .match_indices(['*', '_', '`', '[', ']', '~', '\\'])
        .map(move |(i, _)| at + i)
}

/// Gives back a marked comment ([`mark_paragraph_comments`]) as one span HTML event, the
/// source's text of it, in place of the events the parser made of its lines.
#[derive(Debug, Default)]
pub(crate) struct CommentSpans {
    /// The comment being read: where it starts and ends.
    open: Option<Range<usize>>,
}

impl CommentSpans {
    /// `event` (at `range` of the unmarked `text`) as kramdown reads it.
    pub(crate) fn feed<'a>(
        &mut self,
        event: Event<'a>,
        range: Range<usize>,
        text: &str,
    ) -> Fed<'a> {
        if let Some(open) = self.open.clone() {
            if (open.start..open.end).contains(&range.start) {
                if range.end <= open.end {
                    return Fed::One(None);
                }
                // Text on after the comment (on its next lines).
                self.open = None;
                if let Event::Text(t) = &event {
                    let rest = after_comment(t, &text[range.start..open.end]);
                    return Fed::One(Some((rest, open.end..range.end)));
                }
                return Fed::One(Some((event, range)));
            }
            self.open = None;
        }
        let Event::Text(t) = &event else {
            return Fed::One(Some((event, range)));
        };
        if !t.contains(COMMENT_MARK) {
            return Fed::One(Some((event, range)));
        }
        let source = &text[range.start..];
        let close = t
            .starts_with(COMMENT_MARK)
            .then(|| source.strip_prefix("<!--"))
            .flatten()
            .and_then(|inner| inner.find("-->"))
            .map(|i| range.start + 4 + i + 3);
        let Some(close) = close else {
            // (Not where a comment was marked: the `<` written back.)
            let written = t.replace(COMMENT_MARK, "<");
            return Fed::One(Some((Event::Text(CowStr::from(written)), range)));
        };
        let comment = Event::InlineHtml(CowStr::from(text[range.start..close].to_string()));
        let mut out = vec![(comment, range.start..close)];
        if range.end > close {
            let rest = after_comment(t, &text[range.start..close]);
            out.push((rest, close..range.end));
        } else {
            self.open = Some(range.start..close);
        }
        Fed::Many(out.into_iter())
    }
}

/// The text event `t` after the comment's end, the part of the comment it holds in the
/// source being `held` (its `>`s counted: the parser's text may differ from the source's,
/// its escapes and entities read).
fn after_comment<'a>(t: &str, held: &str) -> Event<'a> {
    let closes = held.matches('>').count();
    let rest = t.match_indices('>').nth(closes.saturating_sub(1));
    Event::Text(CowStr::from(
        rest.map_or("", |(i, _)| &t[i + 1..]).to_string(),
    ))
}

#[cfg(test)]
mod tests {
    use super::super::jekyll_html as jekyll;

    /// As Jekyll 4.3.1 writes them.
    #[test]
    fn a_comment_under_a_line_of_text_goes_on_its_paragraph() {
        let cases = [
            (
                "Some text here.\n<!-- a comment -->\n\nNext.\n",
                "<p>Some text here.\n<!-- a comment --></p>\n<p>Next.</p>\n",
            ),
            // The excerpt's separator: the preview's mark in the paragraph.
            (
                "Some text here.\n<!--more-->\nMore text.\n",
                "<p>Some text here.\n<span class=\"excerpt-marker\" data-marker=\"more\"></span>\nMore text.</p>\n",
            ),
            (
                "Para\n<!-- multi\nline -->\nafter\n",
                "<p>Para\n<!-- multi\nline -->\nafter</p>\n",
            ),
            // Markdown inside it is the comment's text, paired with nothing outside
            // (jekyllrb-ja's docs keep the English original so).
            (
                "全[行動規範](/c/)を*読む\n<!-- Read the *full* [code](/c/) `x` -->\n\nNext*\n",
                "<p>全<a href=\"/c/\">行動規範</a>を*読む\n<!-- Read the *full* [code](/c/) `x` --></p>\n<p>Next*</p>\n",
            ),
            (
                "- item text\n  <!-- note -->\n\nafter\n",
                "<ul>\n<li>item text\n<!-- note --></li>\n</ul>\n<p>after</p>\n",
            ),
            (
                "> quote line\n> <!-- c -->\n",
                "<blockquote>\n<p>quote line\n<!-- c --></p>\n</blockquote>\n",
            ),
            // After a blank line, or under a heading, it is block HTML.
            (
                "Para\n\n<!-- c -->\n",
                "<p>Para</p>\n<!-- c -->\n",
            ),
            ("# Head\n<!-- c -->\n", "<h1 id=\"head\">Head</h1>\n<!-- c -->\n"),
            // Under a heading's attribute list (Chirpy's sample post; Jekyll writes the
            // same attributes, the class first).
            (
                "#### H4\n{: .mt-4 }\n<!-- c -->\n",
                "<h4 id=\"h4\" class=\"mt-4\">H4</h4>\n\n<!-- c -->\n",
            ),
            // Text after it on its line goes on the paragraph.
            ("Text\n<!-- a --> tail\n", "<p>Text\n<!-- a --> tail</p>\n"),
            // A lazy line of the list's last item.
            (
                "1. one\n2. two\n<!-- c -->\n",
                "<ol>\n<li>one</li>\n<li>two\n<!-- c --></li>\n</ol>\n",
            ),
        ];
        for (md, expected) in cases {
            assert_eq!(jekyll(md), expected, "{md:?}");
        }
    }
}
