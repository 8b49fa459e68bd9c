//! Strong that never closes falls back to emphasis from its first marker. kramdown reads
//! `**really*` as strong first; finding no closing `**` it opens emphasis at the first
//! `*` instead, and the second is text inside it: `<em>*really</em>` (a typo in a post of
//! Andrej Karpathy's blog). CommonMark pairs the inner marker with the closing one and
//! leaves the outer as text: `*<em>really</em>`. So does `***really*` (`<em>**really</em>`)
//! and `__really_`.
//!
//! [`StrongFallback`], fed the parser's events with their offsets, moves the markers left
//! as text right before such an emphasis inside it, when kramdown's reading is plain: the
//! emphasis holds no other marker of its character, and no run of two follows it up to the
//! next blank line (where kramdown's strong could close).

use core::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag};

use super::Fed;

/// Holds back a text event ending with an emphasis marker until the event after it is
/// known (with the markers right after it, joined).
#[derive(Debug, Default)]
pub(crate) struct StrongFallback<'a> {
    held: Option<(Event<'a>, Range<usize>)>,
}

impl<'a> StrongFallback<'a> {
    /// `event` (at `range` of `text`) and the text event held before it, as kramdown reads
    /// them.
    pub(crate) fn feed(&mut self, event: Event<'a>, range: Range<usize>, text: &str) -> Fed<'a> {
        let held = self.held.take();
        if let Event::Text(more) = event {
            let is_marker = |b: u8| matches!(b, b'*' | b'_');
            // A run's leftover markers come apart: held as one with the text before them.
            let markers = !more.is_empty()
                && more.bytes().all(is_marker)
                && text.get(range.clone()) == Some(&*more);
            return match held {
                Some((Event::Text(t), r)) if markers && r.end == range.start => {
                    let joined = CowStr::from(format!("{t}{more}"));
                    self.held = Some((Event::Text(joined), r.start..range.end));
                    Fed::One(None)
                }
                // Only a text ending with a marker may give its markers to an emphasis.
                held if more.bytes().last().is_some_and(is_marker) => {
                    self.held = Some((Event::Text(more), range));
                    Fed::One(held)
                }
                Some(held) => Fed::Many(vec![held, (Event::Text(more), range)].into_iter()),
                None => Fed::One(Some((Event::Text(more), range))),
            };
        }
        let Some((Event::Text(before), before_range)) = held else {
            return Fed::One(Some((event, range)));
        };
        let markers = match &event {
            Event::Start(Tag::Emphasis) if before_range.end == range.start => {
                fallen_back(text, range.clone())
            }
            _ => None,
        };
        let Some(markers) = markers.filter(|&m| before.len() >= m) else {
            return Fed::Many(
                vec![(Event::Text(before), before_range), (event, range)].into_iter(),
            );
        };
        let mut out = Vec::with_capacity(3);
        let kept = &before[..before.len() - markers];
        if !kept.is_empty() {
            let kept_range = before_range.start..before_range.end - markers;
            out.push((Event::Text(CowStr::from(kept.to_string())), kept_range));
        }
        let inner = text[range.start - markers..range.start].to_string();
        out.push((event, range.start - markers..range.end));
        out.push((
            Event::Text(CowStr::from(inner)),
            range.start..range.start + markers,
        ));
        Fed::Many(out.into_iter())
    }
}

/// How many markers right before the emphasis at `range` of `text` kramdown reads inside
/// it: those of a run of two or more with its opening marker, when the emphasis closes
/// with one marker, holds no other, and no run of two follows it up to a blank line.
fn fallen_back(text: &str, range: Range<usize>) -> Option<usize> {
    let bytes = text.as_bytes();
    let c = *bytes.get(range.start)?;
    if !matches!(c, b'*' | b'_') || range.end < range.start + 3 || bytes[range.end - 1] != c {
        return None;
    }
    let run = bytes[..range.start]
        .iter()
        .rev()
        .take_while(|&&b| b == c)
        .count();
    // A marker escaped (`\__html_`) is text before the run.
    let backslashes = bytes[..range.start - run]
        .iter()
        .rev()
        .take_while(|&&b| b == b'\\')
        .count();
    let before = run - usize::from(run > 0 && backslashes % 2 == 1);
    let content = &bytes[range.start + 1..range.end - 1];
    if before == 0 || content.contains(&c) {
        return None;
    }
    let rest = &text[range.end..];
    let paragraph = &rest[..rest.find("\n\n").unwrap_or(rest.len())];
    let pair = [c, c];
    let closes_strong = paragraph.as_bytes().windows(2).any(|w| w == pair);
    (!closes_strong).then_some(before)
}

#[cfg(test)]
mod tests {
    use super::super::jekyll_html as jekyll;

    /// As Jekyll 4.3.1 writes them.
    #[test]
    fn strong_that_never_closes_is_emphasis_from_its_first_marker() {
        let cases = [
            ("a **really* b\n", "<p>a <em>*really</em> b</p>\n"),
            ("a ***really* b\n", "<p>a <em>**really</em> b</p>\n"),
            ("a __really_ b\n", "<p>a <em>_really</em> b</p>\n"),
            ("**really* start\n", "<p><em>*really</em> start</p>\n"),
            ("*a* **b* c\n", "<p><em>a</em> <em>*b</em> c</p>\n"),
            (
                "a **b* c\n\nd **e**\n",
                "<p>a <em>*b</em> c</p>\n<p>d <strong>e</strong></p>\n",
            ),
        ];
        for (markdown, expected) in cases {
            assert_eq!(jekyll(markdown), expected, "{markdown:?}");
        }
    }
}
