//! Where kramdown's GFM parser ends a paragraph for an ordered list and CommonMark does
//! not: at a line opening with any number and `.` then a space or tab (`LIST_START_OL` is
//! in its `paragraph_end`; CommonMark lets only `1.` interrupt a paragraph), at the top
//! level, in a quotation and in a list item.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// How many digits open `trimmed` (a line without its leading spaces) when they are a
/// number and `.` then a space or tab: kramdown's `LIST_START_OL`.
fn list_number(trimmed: &str) -> Option<usize> {
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &trimmed.as_bytes()[digits..];
    (digits > 0 && rest.first() == Some(&b'.') && matches!(rest.get(1), Some(b' ' | b'\t')))
        .then_some(digits)
}

/// A list number other than `1` opening `trimmed` ([`list_number`]): its digits.
fn number_not_one(trimmed: &str) -> Option<usize> {
    list_number(trimmed).filter(|&digits| &trimmed[..digits] != "1")
}

/// Where in `paragraph` (a paragraph to CommonMark, from its first line) kramdown's GFM
/// parser ends it for an ordered list: at a line after the first opening with a number and
/// a `.` then a space or tab (`LIST_START_OL` is in its `paragraph_end`), whatever the
/// number. CommonMark lets only `1.` interrupt a paragraph, so a wrapped line starting
/// `1980. And` stays text there.
pub(crate) fn ordered_item_interrupting(paragraph: &str) -> Option<usize> {
    let mut at = paragraph.find('\n')? + 1;
    for line in paragraph[at..].split_inclusive('\n') {
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        if indent <= 3 && list_number(trimmed).is_some() {
            return Some(at);
        }
        at += line.len();
    }
    None
}

/// `quote` (a quotation to CommonMark, from its first line) written so that CommonMark
/// ends its paragraphs where kramdown does for an ordered list
/// ([`ordered_item_interrupting`]): an empty quotation line put before each such line,
/// which gets a `> ` of its own when it had none (a lazy line, inside the quotation to
/// kramdown). `None` when no paragraph of it has such a line.
pub(crate) fn quote_with_items_apart(quote: &str, options: Options) -> Option<String> {
    // The quotation's content, line for line: one `>` (and a space after it) taken off.
    let lines: Vec<&str> = quote.split_inclusive('\n').collect();
    let marked: Vec<Option<usize>> = lines.iter().map(|l| quote_marker_end(l)).collect();
    let inner: String = lines
        .iter()
        .zip(&marked)
        .map(|(line, end)| &line[end.unwrap_or(0)..])
        .collect();
    let mut apart = Vec::new();
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(&inner, options).into_offset_iter() {
        let top = depth == 0;
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        // The quotation's own paragraphs (a list item's are the item's).
        if !(top && matches!(event, Event::Start(Tag::Paragraph))) {
            continue;
        }
        let from = inner[..range.start].rfind('\n').map_or(0, |i| i + 1);
        if let Some(at) = ordered_item_interrupting(&inner[from..range.end]) {
            apart.push(inner[..from + at].matches('\n').count());
        }
    }
    if apart.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(quote.len() + 4 * apart.len());
    for (i, line) in lines.iter().enumerate() {
        if apart.contains(&i) {
            out.push_str(">\n");
            if marked[i].is_none() {
                out.push_str("> ");
            }
        }
        out.push_str(line);
    }
    Some(out)
}

/// Where a quotation line's `>` marker (with one space after it) ends, if it has one.
fn quote_marker_end(line: &str) -> Option<usize> {
    let trimmed = line.trim_start_matches(' ');
    let indent = line.len() - trimmed.len();
    if indent > 3 || !trimmed.starts_with('>') {
        return None;
    }
    let after = indent + 1;
    Some(if line[after..].starts_with(' ') {
        after + 1
    } else {
        after
    })
}

/// `list` (a list to CommonMark, from its first line) written so that CommonMark ends its
/// items' paragraphs where kramdown does for an ordered list: a paragraph line inside an
/// item (at the column of the paragraph's text, or up to three columns more) that opens
/// with a number other than `1` and `.` then a space or tab gets `1` for its number, which
/// may interrupt a paragraph in CommonMark too (kramdown numbers its lists from 1
/// whatever the first item says). `None` when no item's paragraph has such a line. (A
/// quotation inside an item is left as CommonMark reads it.)
pub(crate) fn items_with_ordered_lists(list: &str, options: Options) -> Option<String> {
    // (Parsed only when a line after the first opens with such a number: a cheap test.)
    let numbered = |line: &str| number_not_one(line.trim_start_matches(' ')).is_some();
    if !list.lines().skip(1).any(numbered) {
        return None;
    }
    let mut numbers = Vec::new();
    // The open elements: whether each is a list or an item, or a span (a quotation's lines
    // open with its `>`, which this leaves alone).
    let mut open: Vec<Open> = Vec::new();
    // The stretch of paragraph text being read in an item (a tight item's text has no
    // paragraph events): its start and end.
    let mut run: Option<(usize, usize)> = None;
    for (event, range) in Parser::new_ext(list, options).into_offset_iter() {
        let span = match &event {
            Event::Start(tag) => super::super::typography::inline(tag),
            Event::End(end) => super::super::typography::inline_end(*end),
            _ => true,
        };
        let blocks = || open.iter().filter(|o| **o != Open::Span);
        // Inside an item, as text right in it (a tight item's) or in a span there.
        let in_item = blocks().next().is_some() && blocks().all(|o| *o == Open::ListOrItem);
        let paragraph_text = span && (in_item || open.last() == Some(&Open::Paragraph))
            || matches!(event, Event::End(TagEnd::Paragraph));
        if paragraph_text {
            run = Some(run.map_or((range.start, range.end), |(s, e)| (s, e.max(range.end))));
        } else if let Some((start, end)) = run.take() {
            numbered_lines(list, start, end, &mut numbers);
        }
        match event {
            Event::Start(Tag::Paragraph) => {
                let item_text = !open.is_empty() && open.iter().all(|o| *o == Open::ListOrItem);
                open.push(if item_text {
                    Open::Paragraph
                } else {
                    Open::Other
                });
            }
            Event::Start(tag) => open.push(match tag {
                Tag::List(_) | Tag::Item => Open::ListOrItem,
                tag if super::super::typography::inline(&tag) => Open::Span,
                _ => Open::Other,
            }),
            Event::End(_) => {
                open.pop();
            }
            _ => {}
        }
    }
    if let Some((start, end)) = run {
        numbered_lines(list, start, end, &mut numbers);
    }
    if numbers.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(list.len());
    let mut from = 0;
    for number in numbers {
        out.push_str(&list[from..number.start]);
        out.push('1');
        from = number.end;
    }
    out.push_str(&list[from..]);
    Some(out)
}

/// What an open element is to [`items_with_ordered_lists`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    ListOrItem,
    /// A paragraph of an item.
    Paragraph,
    Span,
    Other,
}

/// The numbers (other than `1`) opening the lines after the first of an item's paragraph
/// text at `start..end` of `list`, at the column of its text or up to three columns more,
/// with `.` then a space or tab after them.
fn numbered_lines(list: &str, start: usize, end: usize, numbers: &mut Vec<Range<usize>>) {
    // The text's column (an item's first paragraph: after its marker).
    let line_start = list[..start].rfind('\n').map_or(0, |i| i + 1);
    let column = start - line_start;
    let mut at = list[start..end].find('\n').map_or(end, |i| start + i + 1);
    while at < end {
        let line = &list[at..end];
        let line = &line[..line.find('\n').map_or(line.len(), |i| i + 1)];
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        if let Some(digits) = number_not_one(trimmed) {
            if (column..=column + 3).contains(&indent) {
                numbers.push(at + indent..at + indent + digits);
            }
        }
        at += line.len();
    }
}
