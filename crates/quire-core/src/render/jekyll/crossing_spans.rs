//! A span whose end falls inside an element of span HTML opened within it and not closed
//! before that end is no span to kramdown: the element reads on to its closing tag (or to
//! the end of the paragraph), past the span's closing marker, so the span finds no end and
//! its markers are text. `**sync(Collection<String> names)：**` is `**sync(Collection`, an
//! element `<String>` holding the rest of the paragraph; `[SORT <key> x](/u)` is no link.
//! CommonMark closes the span there and leaves the tag as it is. A strikethrough is read
//! whole first, so such an element closes where the strikethrough ends
//! (`~~a <key>b~~ c` is `<del>a <key>b</key></del> c`).
//!
//! [`CrossingSpans`] holds back a block's events while a span is open and gives them on
//! once it closes, its markers as text when such an element is still open.

use core::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::html_tags::{span_element_open, tag_of};
use super::typography::{inline, inline_end};
use super::Fed;

/// A span open: where its start is among the events held back, and how many elements were
/// open when it started.
#[derive(Debug)]
struct Open {
    at: usize,
    elements: usize,
}

/// Follows a stretch's events with their offsets (see the module's text).
#[derive(Debug, Default)]
pub(crate) struct CrossingSpans<'a> {
    /// The events held back since the outermost open span started.
    held: Vec<(Event<'a>, Range<usize>)>,
    /// The spans open, innermost last.
    spans: Vec<Open>,
    /// The elements of span HTML open in this block's text, innermost last.
    elements: Vec<String>,
    /// How many elements were open where each strikethrough open started.
    strikethroughs: Vec<usize>,
}

impl<'a> CrossingSpans<'a> {
    /// `event` (at `range` of `text`) and what it lets through.
    pub(crate) fn feed(&mut self, event: Event<'a>, range: Range<usize>, text: &str) -> Fed<'a> {
        match &event {
            Event::InlineHtml(html) => {
                if let Some(name) = span_element_open(html) {
                    self.elements.push(name);
                } else if self
                    .elements
                    .last()
                    .is_some_and(|name| tag_of(html, name) == Some(false))
                {
                    self.elements.pop();
                }
            }
            Event::Start(Tag::Strikethrough) => self.strikethroughs.push(self.elements.len()),
            Event::End(TagEnd::Strikethrough) => {
                let open = self.strikethroughs.pop().unwrap_or(self.elements.len());
                let at = range.end.saturating_sub(2);
                while self.elements.len() > open {
                    let name = self.elements.pop().unwrap_or_default();
                    let close = Event::InlineHtml(CowStr::from(format!("</{name}>")));
                    self.held.push((close, at..at));
                }
                self.held.push((event, range));
                return self.give();
            }
            Event::Start(tag) if inline(tag) => {
                self.spans.push(Open {
                    at: self.held.len(),
                    elements: self.elements.len(),
                });
                self.held.push((event, range));
                return Fed::One(None);
            }
            Event::End(tag) if inline_end(*tag) => {
                let Some(open) = self.spans.pop() else {
                    return Fed::One(Some((event, range)));
                };
                let crossed = self.elements.len() > open.elements;
                let end = if crossed {
                    self.as_text(open.at, range, text)
                } else {
                    (event, range)
                };
                self.held.push(end);
                return self.give();
            }
            // A block's start or end: no element stays open across it.
            Event::Start(_) | Event::End(_) => {
                self.elements.clear();
                self.strikethroughs.clear();
            }
            _ => {}
        }
        if self.spans.is_empty() {
            return Fed::One(Some((event, range)));
        }
        self.held.push((event, range));
        Fed::One(None)
    }

    /// The span started at `at` among the held events, ending at `range`, written as
    /// text: its start's marker in place of its start, its end's in place of its end.
    /// Returns the event for its end.
    fn as_text(&mut self, at: usize, range: Range<usize>, text: &str) -> (Event<'a>, Range<usize>) {
        let start = self.held[at].1.start;
        let (Some(first), Some(last)) = (self.held.get(at + 1), self.held.last()) else {
            return (
                Event::Text(CowStr::from(text[range.clone()].to_string())),
                range,
            );
        };
        let open = start..first.1.start.max(start);
        let close = last.1.end.min(range.end)..range.end;
        let piece =
            |r: &Range<usize>| CowStr::from(text.get(r.clone()).unwrap_or_default().to_string());
        self.held[at] = (Event::Text(piece(&open)), open);
        (Event::Text(piece(&close)), close)
    }

    /// The held events, once no span is open.
    fn give(&mut self) -> Fed<'a> {
        if !self.spans.is_empty() {
            return Fed::One(None);
        }
        Fed::Many(std::mem::take(&mut self.held).into_iter())
    }
}

#[cfg(test)]
mod tests {
    use super::super::jekyll_html as jekyll;

    /// As Jekyll 4.3.1 (kramdown 2.4, GFM input) writes them.
    #[test]
    fn a_span_whose_end_an_element_holds_is_text() {
        let cases = [
            (
                "**sync(Collection<String> names)：** and more\n",
                "<p>**sync(Collection<String> names)：** and more</String></p>\n",
            ),
            (
                "[SORT <key> x](http://a.b/c) y\n",
                "<p>[SORT <key> x](http://a.b/c) y</key></p>\n",
            ),
            ("*a <b>b* c</b> d\n", "<p>*a <b>b* c</b> d</p>\n"),
            (
                "![a <key>b](x.png) c\n",
                "<p>![a <key>b](x.png) c</key></p>\n",
            ),
            ("**a <b>x** y\n", "<p>**a <b>x** y</b></p>\n"),
            ("*a [b <u>c* d](e) f\n", "<p>*a [b <u>c* d](e) f</u></p>\n"),
            // The element closes before the span's end, or is void: a span.
            ("*a <b>b</b> c* d\n", "<p><em>a <b>b</b> c</em> d</p>\n"),
            (
                "[a <b>b</b>](x) and [c <img src=\"y\">](z) and *x <br> y*\n",
                "<p><a href=\"x\">a <b>b</b></a> and <a href=\"z\">c <img src=\"y\" /></a> \
                 and <em>x <br /> y</em></p>\n",
            ),
            // A strikethrough is read whole: the element closes at its end.
            ("~~a <key>b~~ c\n", "<p><del>a <key>b</key></del> c</p>\n"),
        ];
        for (markdown, html) in cases {
            assert_eq!(jekyll(markdown), html, "{markdown:?}");
        }
    }
}
