//! Span HTML (a paragraph's, a heading's, a table cell's) as kramdown reads it: each tag
//! written again, an element left open closed where the span text ends; and which
//! elements' content kramdown keeps raw there (`raw_spans.rs` reads it).

use pulldown_cmark::{CowStr, Event, TagEnd};

use super::{element_name, escape, tag_at, write_start, Tag, BLOCK, VOID};

/// The span HTML of one paragraph (heading, table cell...) as kramdown reads it, tag by
/// tag: [`SpanHtml::tag`] for each inline HTML event, [`SpanHtml::close`] where the
/// paragraph ends.
#[derive(Default)]
pub(super) struct SpanHtml {
    /// The elements open, innermost last.
    open: Vec<String>,
}

impl SpanHtml {
    /// The event for inline HTML `html` (one tag, a comment...).
    pub(super) fn tag<'a>(&mut self, html: CowStr<'a>) -> Event<'a> {
        // A comment, or raw content's text (`raw_spans.rs`), already as kramdown writes it.
        if html.starts_with("<!") || html.starts_with("<?") || !html.starts_with('<') {
            return Event::InlineHtml(html);
        }
        match tag_at(&html) {
            Some((_, len)) if len != html.len() => Event::InlineHtml(html),
            Some((Tag::Close(name), _)) => {
                let name = element_name(&name);
                if self.open.last() == Some(&name) {
                    self.open.pop();
                    Event::InlineHtml(CowStr::from(format!("</{name}>")))
                } else {
                    Event::Text(html)
                }
            }
            Some((
                Tag::Start {
                    name,
                    attrs,
                    closed,
                },
                _,
            )) => {
                let name = element_name(&name);
                if BLOCK.contains(&name.as_str()) {
                    return Event::Text(html);
                }
                let mut out = String::with_capacity(html.len() + 8);
                write_start(&name, &attrs, true, &mut out);
                if VOID.contains(&name.as_str()) {
                    out.push_str(" />");
                } else if closed {
                    out.push_str("></");
                    out.push_str(&name);
                    out.push('>');
                } else {
                    out.push('>');
                    self.open.push(name);
                }
                Event::InlineHtml(CowStr::from(out))
            }
            None => Event::Text(html),
        }
    }

    /// The closing tags of the elements left open where the paragraph ends (kramdown
    /// closes them there).
    pub(super) fn close<'a>(&mut self, out: &mut Vec<Event<'a>>) {
        while let Some(name) = self.open.pop() {
            out.push(Event::InlineHtml(CowStr::from(format!("</{name}>"))));
        }
    }
}

impl SpanHtml {
    /// The closing tags of the elements still open after the block's last element (a
    /// table's cells written as HTML): one line of block HTML, ending the line, so the
    /// next block's HTML starts on a line of its own in a whole render as in a window.
    pub(super) fn close_after_blocks(&mut self, out: &mut Vec<Event<'_>>) {
        if self.open.is_empty() {
            return;
        }
        let mut closing = String::new();
        while let Some(name) = self.open.pop() {
            closing.push_str(&format!("</{name}>"));
        }
        closing.push('\n');
        out.push(Event::Html(CowStr::from(closing)));
    }
}

/// Whether `end` ends a stretch of span text (where kramdown closes span HTML left open).
pub(super) fn ends_span_text(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::TableCell
            | TagEnd::Item
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
    )
}

/// The elements whose content kramdown reads as blocks (`HTML_CONTENT_MODEL_BLOCK`).
#[rustfmt::skip]
const BLOCK_CONTENT: &[&str] = &[
    "address", "applet", "article", "aside", "blockquote", "body", "dd", "details", "div", "dl",
    "fieldset", "figure", "figcaption", "footer", "form", "header", "hgroup", "iframe", "li",
    "main", "map", "menu", "nav", "noscript", "object", "section", "summary", "td",
];

/// A start tag's attributes (name, value).
type Attributes = Vec<(String, String)>;

/// The element the whole of `html` opens (its start tag, not closed by `/>`): its name as
/// [`element_name`] gives it, that name in lower case, and its attributes.
fn whole_start_tag(html: &str) -> Option<(String, String, Attributes)> {
    match tag_at(html)? {
        (
            Tag::Start {
                name,
                attrs,
                closed: false,
            },
            len,
        ) if len == html.len() => {
            let name = element_name(&name);
            let lower = name.to_ascii_lowercase();
            Some((name, lower, attrs))
        }
        _ => None,
    }
}

/// The name of the element the whole of `html` opens when kramdown keeps its content raw
/// inside a paragraph: any element it does not read as span or block content (`<u>`,
/// `<mark>`, `<kbd>`, one of the writer's own), not void, not closed by `/>`, unless
/// `markdown="span"` asks for its Markdown.
pub(crate) fn raw_span_open(html: &str) -> Option<String> {
    let (name, lower, attrs) = whole_start_tag(html)?;
    let raw = ![
        super::super::markdown_attr::SPAN_CONTENT,
        BLOCK_CONTENT,
        BLOCK,
        VOID,
    ]
    .iter()
    .any(|names| names.contains(&lower.as_str()));
    let span = attrs
        .iter()
        .any(|(k, v)| k.eq_ignore_ascii_case("markdown") && v == "span");
    (raw && !span).then_some(name)
}

/// The name of the element whose start tag is the whole of `html`, when kramdown reads it
/// in a paragraph as an element with content (not a block element's tag, which is text
/// there, nor a void or self-closed one's).
pub(crate) fn span_element_open(html: &str) -> Option<String> {
    let (name, lower, _) = whole_start_tag(html)?;
    (!BLOCK.contains(&lower.as_str()) && !VOID.contains(&lower.as_str())).then_some(name)
}

/// Whether the whole of `html` is a start tag (`true`) or a closing tag (`false`) of the
/// element `name` (as [`element_name`] gives it).
pub(crate) fn tag_of(html: &str, name: &str) -> Option<bool> {
    match tag_at(html)? {
        (
            Tag::Start {
                name: n, closed, ..
            },
            len,
        ) if len == html.len() && !closed && element_name(&n) == name => Some(true),
        (Tag::Close(n), len) if len == html.len() && element_name(&n) == name => Some(false),
        _ => None,
    }
}

/// Whether kramdown reads inline HTML `html` (one tag as CommonMark reads it) as no tag
/// at all (`<img src=...>`: an unquoted value that is not one word): it takes the `<` as
/// text and reads on, so what follows is text with its typography.
pub(crate) fn unread_tag(html: &str) -> bool {
    html.starts_with('<')
        && !html.starts_with("<!")
        && !html.starts_with("<?")
        && tag_at(html).is_none()
}

/// The length of the tag or comment kramdown reads at the start of `s`.
pub(crate) fn span_tag_len(s: &str) -> Option<usize> {
    if s.starts_with("<!--") {
        return s.find("-->").map(|end| end + 3);
    }
    tag_at(s).map(|(_, len)| len)
}

/// `text` escaped as kramdown escapes text (`<`, `>`, `&` that starts no entity).
pub(crate) fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape(text, false, &mut out);
    out
}
