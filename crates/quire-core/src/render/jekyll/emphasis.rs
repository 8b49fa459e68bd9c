//! Spans kramdown (GFM input) reads otherwise than CommonMark with the GitHub extensions:
//!
//! - a single tilde strikes nothing through: `~new~` is text, `~~old~~` is `<del>` (the
//!   parser is told to read single tildes as subscript, which is written back as the text);
//! - `***x***` is `<strong><em>x</em></strong>` (CommonMark nests them the other way).

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

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
    }
}
