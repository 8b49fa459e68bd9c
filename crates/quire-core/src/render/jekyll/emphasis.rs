//! Spans kramdown (GFM input) reads otherwise than CommonMark with the GitHub extensions:
//!
//! - a single tilde strikes nothing through: `~new~` is text, `~~old~~` is `<del>` (the
//!   parser is told to read single tildes as subscript, which is written back as the text);
//! - `***x***` is `<strong><em>x</em></strong>` (CommonMark nests them the other way);
//! - emphasis inside emphasis, or strong inside strong, is not a span: its markers are
//!   text (`*does _not_ work*`), which [`SameSpans`] gives back while the block is parsed.

use core::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// Follows a stretch's events with their offsets and writes emphasis opened inside
/// emphasis (strong inside strong) as its markers: kramdown opens no span of a kind
/// already open around it.
#[derive(Debug, Default)]
pub(crate) struct SameSpans {
    /// The open emphasis and strong spans: (strong, written as text).
    open: Vec<(bool, bool)>,
}

impl SameSpans {
    /// `event` (at `range` of `text`) as kramdown reads it.
    pub(crate) fn feed<'a>(
        &mut self,
        event: Event<'a>,
        range: Range<usize>,
        text: &str,
    ) -> Event<'a> {
        let (strong, start) = match &event {
            Event::Start(Tag::Emphasis) => (false, true),
            Event::Start(Tag::Strong) => (true, true),
            Event::End(TagEnd::Emphasis) => (false, false),
            Event::End(TagEnd::Strong) => (true, false),
            _ => return event,
        };
        let width = if strong { 2 } else { 1 };
        let marker = |at: Range<usize>| {
            text.get(at)
                .map(|m| Event::Text(CowStr::from(m.to_string())))
        };
        if start {
            let inside = self
                .open
                .iter()
                .any(|&(kind, text)| kind == strong && !text);
            self.open.push((strong, inside));
            if inside {
                return marker(range.start..range.start + width).unwrap_or(event);
            }
            return event;
        }
        match self.open.pop() {
            Some((_, true)) => marker(range.end.saturating_sub(width)..range.end).unwrap_or(event),
            _ => event,
        }
    }
}

/// Rewrite `events` (one block's) as kramdown reads these spans.
pub(crate) fn kramdown_spans(events: &mut [Event<'_>]) {
    let mut opened: Vec<usize> = Vec::new();
    for at in 0..events.len() {
        match &events[at] {
            Event::Start(Tag::Subscript) | Event::End(TagEnd::Subscript) => {
                events[at] = Event::Text(CowStr::Borrowed("~"));
            }
            Event::Start(Tag::Emphasis) => opened.push(at),
            Event::End(TagEnd::Emphasis) => {
                let Some(start) = opened.pop() else { continue };
                // Emphasis holding exactly one strong span, tight at both ends.
                if at >= start + 3
                    && matches!(events[start + 1], Event::Start(Tag::Strong))
                    && matches!(events[at - 1], Event::End(TagEnd::Strong))
                    && super::lists::matching_end(events, start + 1) == Some(at - 1)
                {
                    events[start] = Event::Start(Tag::Strong);
                    events[start + 1] = Event::Start(Tag::Emphasis);
                    events[at - 1] = Event::End(TagEnd::Emphasis);
                    events[at] = Event::End(TagEnd::Strong);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::jekyll_html as jekyll;

    /// As Jekyll 4.3.1 (kramdown 2.4, GFM input) writes them.
    #[test]
    fn spans_as_kramdown_reads_them() {
        assert_eq!(
            jekyll("This is ~~old~~ and ~new~, H~2~O and ~*a*~.\n"),
            "<p>This is <del>old</del> and ~new~, H~2~O and ~<em>a</em>~.</p>\n"
        );
        assert_eq!(
            jekyll("***x*** and ___y___ and **_z_** and *__w__ v*\n"),
            "<p><strong><em>x</em></strong> and <strong><em>y</em></strong> and \
             <strong><em>z</em></strong> and <em><strong>w</strong> v</em></p>\n"
        );
        // A span of a kind already open is its markers (the TeXt theme's sample post).
        assert_eq!(
            jekyll("This *does _not_ work*, **nor __this__**, *nor [*a link*](/x)*.\n"),
            "<p>This <em>does _not_ work</em>, <strong>nor __this__</strong>, \
             <em>nor <a href=\"/x\">*a link*</a></em>.</p>\n"
        );
    }
}
