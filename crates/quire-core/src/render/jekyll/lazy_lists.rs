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
//! The same holds for any other line right under an item where CommonMark ends the list:
//! an ATX heading, a block quote, a fenced code block (with its lines up to the closing
//! fence), a `---` underline, a paragraph's line after an item holding a heading. kramdown
//! reads them as the item's lazy lines, as a post writes a code block under each item
//! without indenting it:
//!
//! ```text
//! - Scala 2.13:        kramdown: <ul><li>Scala 2.13: <pre>…</pre></li>
//! ~~~                            <li>Scala 3: …</li></ul>
//! false                CommonMark: a <ul>, a code block, a <ul>
//! ~~~
//! - Scala 3:
//! ```
//!
//! The top-level lists holding such lines are found here and given back with those lines
//! (and the rest of the nested list's lines) indented to the item's content, which is how
//! CommonMark reads a nested list and the item's blocks.

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

/// The columns of `line`'s indentation (tabs to the next multiple of four).
fn columns(line: &str) -> usize {
    let mut at = 0;
    for b in line.bytes() {
        match b {
            b' ' => at += 1,
            b'\t' => at += 4 - at % 4,
            _ => break,
        }
    }
    at
}

/// A fence's character and length, if `trimmed` (a line, its indentation taken off) opens one.
pub(crate) fn fence(trimmed: &str) -> Option<(u8, usize)> {
    [b'`', b'~'].into_iter().find_map(|c| {
        let n = trimmed.bytes().take_while(|&b| b == c).count();
        (n >= 3).then_some((c, n))
    })
}

/// The fence still open after `line` when `open` was open before it: a line of only the
/// open fence's character, at least as many, closes it; with none open, a fence opens one.
fn fence_after(open: Option<(u8, usize)>, line: &str) -> Option<(u8, usize)> {
    let trimmed = line.trim_start_matches([' ', '\t']);
    let bare = trimmed.trim_end();
    match open {
        None => fence(trimmed),
        Some((c, n)) if bare.len() >= n && bare.bytes().all(|b| b == c) => None,
        still => still,
    }
}

/// Whether the line at `at` of `text`, less indented than the content (at `content`) of
/// the item right above it, is a lazy line of the item to kramdown that CommonMark may read
/// otherwise: any line but block HTML (`<`), an attribute list, the end-of-block mark, a
/// rule other than `---`, a footnote, Liquid's tags, math, and a fence not closed before a
/// blank line or another item's line (kramdown reads its lines as the item's while
/// CommonMark runs the code to the end of the item).
fn lazy_line(text: &str, at: usize, content: usize) -> bool {
    let mut lines = text[at..].split_inclusive('\n');
    let Some(line) = lines.next() else {
        return false;
    };
    let trimmed = line.trim_start_matches([' ', '\t']);
    let bare = trimmed.trim_end();
    if columns(line) >= content
        || bare.is_empty()
        || ["<", "{:", "{%", "[^", "$$"]
            .iter()
            .any(|p| trimmed.starts_with(p))
        || bare == "^"
        || thematic_break(bare) && !bare.bytes().all(|b| b == b'-')
    {
        return false;
    }
    let Some((c, n)) = fence(trimmed) else {
        return true;
    };
    for line in lines {
        let trimmed = line.trim_start_matches(' ').trim_end();
        if trimmed.is_empty() || (marker(line).is_some() && columns(line) < content) {
            return false;
        }
        if trimmed.len() >= n && trimmed.bytes().all(|b| b == c) {
            return true;
        }
    }
    false
}

/// The items nested in a list's item that are open while its lines are read.
#[derive(Debug, Default)]
struct Nested {
    /// Their content columns, innermost last.
    columns: Vec<usize>,
    /// A fence open in them.
    fence: Option<(u8, usize)>,
}

impl Nested {
    /// Take the line `line` of the item whose content starts at column `content`; a blank
    /// line came right before it when `after_blank`.
    fn read(&mut self, line: &str, content: usize, after_blank: bool) {
        let in_fence = self.fence.is_some();
        self.fence = fence_after(self.fence, line);
        if in_fence || line.trim().is_empty() {
            return;
        }
        let at = columns(line);
        match marker(line).filter(|m| m.indent >= content) {
            // An item nested in the item, or in an item nested in it.
            Some(m) => {
                self.columns.retain(|&c| c <= m.indent);
                self.columns.push(m.content);
            }
            // After a blank line, a line less indented than an item's content ends it.
            None if after_blank => self.columns.retain(|&c| c <= at),
            // Right under a line: the innermost item's, lazily or not.
            None => {}
        }
    }

    /// The content column of the innermost open item.
    fn innermost(&self) -> Option<usize> {
        self.columns.last().copied()
    }
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
    // A fence opened in the item's own lines and not closed before `next`: kramdown reads
    // the lazy lines after it as its code, up to its closing fence.
    let mut item_fence = fence(text[start + m.content.min(first - start)..first].trim_start());
    // The content columns of the items nested in the last item that are open, innermost
    // last: kramdown gives a lazy line to the innermost one.
    let mut nested = Nested::default();
    while at < next.min(text.len()) {
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        let line = &text[at..line_end];
        let sibling = marker(line).filter(|m| m.ordered == list.ordered && m.indent < list.content);
        if let Some(m) = sibling {
            list.content = m.content;
            item_fence = fence(line[m.content.min(line.len())..].trim_start());
            nested = Nested::default();
        } else {
            item_fence = fence_after(item_fence, line);
            nested.read(line, list.content, previous_blank);
        }
        previous_blank = line.trim().is_empty();
        at = line_end;
    }
    if at != next || previous_blank {
        return None;
    }
    match marker(text[next..].lines().next()?) {
        Some(lazy) if lazy.ordered == list.ordered || lazy.indent >= list.content => return None,
        Some(_) => {}
        None if !lazy_line(text, next, list.content) => return None,
        None => {}
    }
    list.end = next;
    // The spaces added to each line of the lazy nested list being read.
    let mut shift: Option<usize> = None;
    // The fence of a lazy fenced code block being read, whose lines all are the item's
    // (each less indented than the item's content gets the content's indentation).
    let mut open_fence: Option<(u8, usize)> = item_fence;
    // How much of the rewritten list ends with its last line that is not blank.
    let mut kept = 0;
    while at < text.len() {
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        let line = &text[at..line_end];
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        let blank = line.trim().is_empty();
        let mut moved = None;
        let mut first_of_run = false;
        // An item CommonMark knows and kramdown does not (`2)`) ends the stretch read again,
        // unless it is a line of a lazy fenced code block.
        let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && trimmed[digits..].starts_with(')') && open_fence.is_none() {
            break;
        }
        if blank {
            shift = None;
            open_fence = None;
        } else {
            match marker(line) {
                // The next item of the list.
                Some(m) if m.ordered == list.ordered && m.indent < list.content => {
                    list.content = m.content;
                    shift = None;
                    open_fence = None;
                    nested = Nested::default();
                }
                // An item of the other kind right under an item: kramdown's lazy line.
                Some(m) if m.indent < list.content && !previous_blank => {
                    first_of_run = shift.is_none();
                    moved = Some(*shift.get_or_insert(list.content - m.indent));
                    open_fence = None;
                }
                // A lazy line of the item, or a line of a lazy fenced code block: the item's.
                None if !previous_blank
                    && (open_fence.is_some() || lazy_line(text, at, list.content)) =>
                {
                    open_fence = fence_after(open_fence, line);
                    shift = None;
                    let content = nested.innermost().unwrap_or(list.content);
                    if columns(line) < content {
                        moved = Some(content);
                    }
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
        // Blank lines after the list's last line are not the list's.
        if !blank {
            list.end = line_end;
            kept = list.rewritten.as_ref().map_or(0, String::len);
        }
        previous_blank = blank;
        at = line_end;
    }
    let mut rewritten = list.rewritten?;
    rewritten.truncate(kept);
    Some((list.start..list.end, rewritten))
}

#[cfg(test)]
mod tests;
