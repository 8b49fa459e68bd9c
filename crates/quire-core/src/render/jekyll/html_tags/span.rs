//! Span HTML (a paragraph's, a heading's, a table cell's) as kramdown reads it: each tag
//! written again, an element left open closed where the span text ends.

use pulldown_cmark::{CowStr, Event, TagEnd};

use super::{element_name, tag_at, write_start, Tag, BLOCK, VOID};

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
