//! A line break made of spaces, as kramdown writes it: its break is the line's last two
//! spaces (`LINE_BREAK`), so spaces before those stay text before the `<br />`, where
//! CommonMark drops every space of the line's end.

use core::ops::Range;

use pulldown_cmark::{CowStr, Event};

/// Whether `text` may hold a line ending in three spaces or more.
pub(crate) fn may_keep_break_spaces(text: &str) -> bool {
    text.contains("   \n") || text.contains("   \r\n")
}

/// `event` (at `range` of `text`), with the spaces kramdown keeps before a hard break
/// given as text before it.
pub(crate) fn keep_break_spaces<'a>(
    event: Event<'a>,
    range: Range<usize>,
    text: &str,
) -> [Option<(Event<'a>, Range<usize>)>; 2] {
    if matches!(event, Event::HardBreak) {
        let spaces = text
            .get(range.clone())
            .unwrap_or_default()
            .trim_end_matches(['\n', '\r']);
        if spaces.len() > 2 && spaces.bytes().all(|b| b == b' ') {
            let kept = spaces.len() - 2;
            return [
                Some((
                    Event::Text(CowStr::from(" ".repeat(kept))),
                    range.start..range.start + kept,
                )),
                Some((event, range.start + kept..range.end)),
            ];
        }
    }
    [Some((event, range)), None]
}

#[cfg(test)]
mod tests {
    use super::super::jekyll_html as jekyll;

    /// As Jekyll 4.3.1 writes them (bitcoincore.org's meeting notes), the list's
    /// indentation aside.
    #[test]
    fn spaces_before_a_line_breaks_last_two_stay() {
        assert_eq!(
            jekyll("Line one.   \nLine two.    \nThree.  \nFour.\n"),
            "<p>Line one. <br />\nLine two.  <br />\nThree.<br />\nFour.</p>\n"
        );
        assert_eq!(
            jekyll("- item   \n  next\n"),
            "<ul>\n<li>item <br />\nnext</li>\n</ul>\n"
        );
    }
}
