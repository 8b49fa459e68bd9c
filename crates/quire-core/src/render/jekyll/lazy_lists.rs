//! kramdown's lazy nested lists. Right under a list item (no blank line between), a line
//! starting an item of the other kind (`*` under `1.`, `1.` under `*`) belongs to the item
//! however little it is indented, and becomes a list nested in it:
//!
//! ```text
//! 1. Step one          kramdown: <ol><li>Step one <ul><li>detail</li></ul></li>
//!   * detail                         <li>Step two</li></ol>
//! 2. Step two          CommonMark: an <ol>, a <ul>, an <ol> starting at 2
//! ```
//!
//! The top-level lists holding such lines are found here and given back with those lines
//! (and the rest of the nested list's lines) indented to the item's content, which is how
//! CommonMark reads a nested list.

use std::ops::Range;

/// A list item's first line: its indentation, kind and the column its content starts at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Marker {
    indent: usize,
    ordered: bool,
    content: usize,
}

/// The list item marker `line` starts with (kramdown's: `*`, `+`, `-`, or digits and `.`).
fn marker(line: &str) -> Option<Marker> {
    let line = line.trim_end_matches(['\n', '\r']);
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = &line[indent..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let (ordered, width) = match rest.as_bytes().first()? {
        b'*' | b'+' | b'-' => (false, 1),
        b'0'..=b'9' if (1..=9).contains(&digits) && rest[digits..].starts_with('.') => {
            (true, digits + 1)
        }
        _ => return None,
    };
    let after = &rest[width..];
    if !(after.is_empty() || after.starts_with(' ')) {
        return None;
    }
    // A thematic break (`* * *`, `---`) is no item.
    if !ordered && thematic_break(rest) {
        return None;
    }
    let spaces = after.len() - after.trim_start_matches(' ').len();
    let gap = if after.trim().is_empty() || spaces > 4 {
        1
    } else {
        spaces
    };
    Some(Marker {
        indent,
        ordered,
        content: indent + width + gap,
    })
}

/// Whether `line` is a thematic break: three or more of one of `*`, `-`, `_`, spaces
/// between them allowed.
pub(super) fn thematic_break(line: &str) -> bool {
    let mut marks = line.chars().filter(|c| !c.is_whitespace());
    let Some(first) = marks.next().filter(|c| matches!(c, '*' | '-' | '_')) else {
        return false;
    };
    let mut count = 1;
    for c in marks {
        if c != first {
            return false;
        }
        count += 1;
    }
    count >= 3
}

/// Whether a line (its indentation taken off) starting so ends a list it is not indented
/// into: an ATX heading, a fence, a block quote, a thematic break, block HTML.
fn interrupts(trimmed: &str) -> bool {
    let hashes = trimmed.bytes().take_while(|&b| b == b'#').count();
    let heading = (1..=6).contains(&hashes)
        && trimmed[hashes..].starts_with([' ', '\t', '\n', '\r'])
        || trimmed == "#".repeat(hashes);
    heading
        || thematic_break(trimmed)
        || trimmed.starts_with("```")
        || trimmed.starts_with("~~~")
        || trimmed.starts_with('>')
        || trimmed.starts_with('<')
}

/// A top-level list being read.
struct List {
    start: usize,
    ordered: bool,
    /// The current item's content column.
    content: usize,
    /// The rewritten list so far, if a line was moved.
    rewritten: Option<String>,
    /// Where the lines read so far end.
    end: usize,
}

/// The top-level list the parser found on the lines from `start` to `next` (where the
/// next block starts) of `text`, if the block at `next` is a lazy nested list of its last
/// item: the list's range and its Markdown with the nested lists indented to their items'
/// content. (Read only from blocks the parser found, right after each other: what comes
/// before or after cannot change it.)
pub(crate) fn lazy_nested_list(
    text: &str,
    start: usize,
    next: usize,
) -> Option<(Range<usize>, String)> {
    let first = text[start..]
        .find('\n')
        .map_or(text.len(), |i| start + i + 1);
    let m = marker(&text[start..first]).filter(|m| m.indent <= 3)?;
    let mut list = List {
        start,
        ordered: m.ordered,
        content: m.content,
        rewritten: None,
        end: first,
    };
    // The list's own lines: where its last item's content starts.
    let mut at = first;
    let mut previous_blank = false;
    while at < next.min(text.len()) {
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        let line = &text[at..line_end];
        let sibling = marker(line).filter(|m| m.ordered == list.ordered && m.indent < list.content);
        if let Some(m) = sibling {
            list.content = m.content;
        }
        previous_blank = line.trim().is_empty();
        at = line_end;
    }
    if at != next || previous_blank {
        return None;
    }
    let lazy = marker(text[next..].lines().next()?)?;
    if lazy.ordered == list.ordered || lazy.indent >= list.content {
        return None;
    }
    list.end = next;
    // The spaces added to each line of the lazy nested list being read.
    let mut shift: Option<usize> = None;
    while at < text.len() {
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        let line = &text[at..line_end];
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        let blank = line.trim().is_empty();
        let mut moved = None;
        let mut first_of_run = false;
        // Past a lazy nested list, a blank line ends the stretch read again (kramdown goes
        // on with the list; what follows is left as CommonMark reads it, so a stretch
        // starting after the blank line reads it the same). So does an item CommonMark
        // knows and kramdown does not (`2)`).
        let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
        if (blank && list.rewritten.is_some()) || (digits > 0 && trimmed[digits..].starts_with(')'))
        {
            break;
        }
        if blank {
            shift = None;
        } else {
            match marker(line) {
                // The next item of the list.
                Some(m) if m.ordered == list.ordered && m.indent < list.content => {
                    list.content = m.content;
                    shift = None;
                }
                // An item of the other kind right under an item: kramdown's lazy line.
                Some(m) if m.indent < list.content && !previous_blank => {
                    first_of_run = shift.is_none();
                    moved = Some(*shift.get_or_insert(list.content - m.indent));
                }
                // A heading, fence, quote, rule or HTML ends the list (as CommonMark reads
                // it: its extent is what a stretch and the whole body both see).
                None if indent < list.content && interrupts(trimmed) => break,
                _ if shift.is_some() => moved = shift,
                // Content of the item, or a lazy continuation line.
                _ if indent >= list.content || !previous_blank => {}
                // After a blank line, less indented: the list has ended.
                _ => break,
            }
        }
        if let Some(by) = moved {
            let rewritten = list
                .rewritten
                .get_or_insert_with(|| text[list.start..at].to_string());
            rewritten.extend(std::iter::repeat_n(' ', by));
            match marker(line).filter(|m| m.ordered && first_of_run) {
                // kramdown numbers from 1 anyway; CommonMark lets only a list starting at 1
                // interrupt the item's paragraph.
                Some(m) => {
                    rewritten.push_str(&line[..m.indent]);
                    rewritten.push('1');
                    rewritten.push_str(&trimmed[digits..]);
                }
                None => rewritten.push_str(line),
            }
        } else if let Some(rewritten) = list.rewritten.as_mut() {
            rewritten.push_str(line);
        }
        list.end = line_end;
        previous_blank = blank;
        at = line_end;
    }
    let rewritten = list.rewritten?;
    Some((list.start..list.end, rewritten))
}

#[cfg(test)]
mod tests {
    use super::super::jekyll_html as jekyll;
    use super::lazy_nested_list;

    /// The lazy list of a text whose list's first item is its first line.
    fn lazy_nested_lists(text: &str) -> Option<(std::ops::Range<usize>, String)> {
        let next = text.find('\n').map_or(text.len(), |i| i + 1);
        lazy_nested_list(text, 0, next)
    }

    #[test]
    fn lazy_lines_are_indented_to_the_item() {
        let text = "1. Step one\n  * sub a\n  * sub b\n2. Step two\n\nPara.\n";
        let found = lazy_nested_lists(text).expect("a lazy list");
        assert_eq!(found.0, 0..44);
        assert_eq!(
            found.1,
            "1. Step one\n   * sub a\n   * sub b\n2. Step two\n"
        );
        // Same kind (a sibling), indented enough (nested anyway), after a blank line, after
        // a heading: nothing to do.
        for text in [
            "* a\n * b\n* c\n",
            "1. a\n   - b\n2. c\n",
            "* a\n\n1. b\n",
            "1. a\n# H\n* b\n",
        ] {
            assert!(lazy_nested_lists(text).is_none(), "{text:?}");
        }
    }

    /// Expected structure as Jekyll 4.3.1 (kramdown 2.4) writes it.
    #[test]
    fn nested_as_kramdown_nests_them() {
        let html = jekyll("1. a\n* b\n* c\n\nPara.\n");
        assert_eq!(
            html.split_whitespace().collect::<String>(),
            "<ol><li>a<ul><li>b</li><li>c</li></ul></li></ol><p>Para.</p>"
        );
        // After a blank line a list of the other kind starts; right under it, an item
        // numbered 2 is nested (numbered from 1).
        let html = jekyll("1. Step one\n\n  * after blank\n2. two\n");
        assert_eq!(
            html.split_whitespace().collect::<String>(),
            "<ol><li>Stepone</li></ol><ul><li>afterblank<ol><li>two</li></ol></li></ul>"
        );
        let html = jekyll("- x\n 1. y\n- z\n");
        assert_eq!(
            html.split_whitespace().collect::<String>(),
            "<ul><li>x<ol><li>y</li></ol></li><li>z</li></ul>"
        );
    }
}
