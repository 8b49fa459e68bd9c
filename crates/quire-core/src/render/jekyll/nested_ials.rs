//! An attribute list on its own line right under a block inside a list's item or a
//! quotation (`> A note.` then `> {: .notice}`, an item's table then `  {: .table}`):
//! kramdown gives it to that block, as it does at the top (`block_ial.rs`). CommonMark
//! reads the line as more of the paragraph above, a row of the table, or a paragraph of
//! its own. Here such a line is taken out of the container's events and a mark holding it
//! is put before the block's start; once the block's HTML is written, the mark's list
//! goes on the element right after it ([`apply_nested_ials`]). On a tight item's text
//! (no paragraph element) it is taken out, as kramdown writes it.

use std::borrow::Cow;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::ial::parse_ial;
use super::outer_attributes;

/// Stands around an attribute list in a block's HTML, before the element it goes on.
pub(crate) const NESTED_IAL_MARK: char = '\u{b}';

/// Take the attribute lines inside a top-level list's or quotation's `events` (of the
/// Markdown `source`) off and mark the blocks they go on.
pub(super) fn nested_block_ials(events: &mut Vec<Event<'_>>, source: &str) {
    let container = matches!(
        events.first(),
        Some(Event::Start(Tag::List(_) | Tag::BlockQuote(_)))
    );
    if !container
        || !events
            .iter()
            .any(|e| matches!(e, Event::Text(t) if t.contains("{:")))
    {
        return;
    }
    let mut i = 1;
    while i < events.len() {
        let taken = match &events[i] {
            Event::End(TagEnd::Paragraph | TagEnd::Item) => last_line(events, i),
            Event::End(TagEnd::Table) => last_row(events, i),
            // A tight item's text right above a block in the item (`- item`, `  {: .x}`,
            // `  - nested`): the item's paragraph, written bare, loses it.
            Event::Start(
                Tag::List(_)
                | Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::Table(_)
                | Tag::HtmlBlock
                | Tag::Heading { .. },
            ) if matches!(events[i - 1], Event::Text(_)) => last_line(events, i),
            _ => None,
        };
        let Some((from, ial)) = taken else {
            i += 1;
            continue;
        };
        let ends = events[i].clone();
        events.drain(from..i);
        i = from;
        // The block the list goes on: the one it ends, or (a paragraph of the list
        // alone, left empty) the block right before that paragraph.
        let mut target = match ends {
            Event::End(TagEnd::Paragraph) | Event::End(TagEnd::Table) => start_of(events, i),
            _ => None,
        };
        // The last line of a quotation's last paragraph or of the last item of a list
        // ending it, inside an item: a lazy line (`  > quote` then `  {: .q}`), which ends
        // the quotation for kramdown, the list its own. (A top-level quotation's lazy one
        // is taken before: `block_ial.rs`.)
        let quote_end = (i + 1..events.len())
            .find(|&e| {
                !matches!(
                    events[e],
                    Event::End(TagEnd::Item | TagEnd::List(_) | TagEnd::Paragraph)
                )
            })
            .filter(|&e| matches!(events[e], Event::End(TagEnd::BlockQuote(_))));
        if let Some(end) = quote_end.filter(|_| {
            matches!(ends, Event::End(TagEnd::Paragraph | TagEnd::Item)) && lazy(source, &ial)
        }) {
            let quote = start_of(events, end).filter(|&q| q > 0);
            if quote.is_some() {
                target = quote;
            }
        }
        if let Some(start) =
            target.filter(|&s| matches!(events[s], Event::Start(Tag::Paragraph)) && s + 1 == i)
        {
            // An empty paragraph: gone, and the list is the block's before it.
            events.drain(start..=i);
            i = start;
            target = start
                .checked_sub(1)
                .filter(|&e| matches!(events[e], Event::End(_)))
                .and_then(|e| start_of(events, e));
        } else if target.is_none() && matches!(ends, Event::End(TagEnd::Item)) {
            // A tight item's text: an item holding only the list has it for a block
            // before it (a code block, a table).
            target = i
                .checked_sub(1)
                .filter(|&e| {
                    matches!(events[e], Event::End(_))
                        && !matches!(events[e], Event::End(TagEnd::Item))
                })
                .and_then(|e| start_of(events, e))
                .filter(|&s| {
                    matches!(events.get(s.wrapping_sub(1)), Some(Event::Start(Tag::Item)))
                });
        }
        match target {
            // Inside a paragraph, for its `<p>`: the list's items may write it bare
            // (kramdown's tight item, `lists.rs`), and the list goes with it.
            Some(start) if matches!(events[start], Event::Start(Tag::Paragraph)) => {
                let mark = format!("{NESTED_IAL_MARK}<{ial}{NESTED_IAL_MARK}");
                events.insert(start + 1, Event::Html(CowStr::from(mark)));
                i += 1;
            }
            Some(start) => {
                let mark = format!("{NESTED_IAL_MARK}{ial}{NESTED_IAL_MARK}");
                events.insert(start, Event::Html(CowStr::from(mark)));
                i += 1;
            }
            None => {}
        }
        i += 1;
    }
}

/// Whether the attribute list `ial` stands on lines of `source` without a quotation's
/// `>` before it (a lazy line, which ends the quotation above it), on each line it
/// stands alone on.
fn lazy(source: &str, ial: &str) -> bool {
    let mut lines = source
        .lines()
        .filter_map(|line| line.trim_end().strip_suffix(ial))
        .filter(|before| before.chars().all(|c| matches!(c, ' ' | '\t' | '>')))
        .peekable();
    lines.peek().is_some() && lines.all(|before| !before.contains('>'))
}

/// Where the last line of the paragraph or item ending at `end` starts (its line break)
/// when that line is an attribute list alone, and the list as written.
fn last_line(events: &[Event<'_>], end: usize) -> Option<(usize, String)> {
    let mut line = String::new();
    let mut at = end;
    while at > 0 {
        at -= 1;
        match &events[at] {
            Event::Text(text) => line.insert_str(0, text),
            Event::SoftBreak => break,
            // The paragraph's or the item's only line: a paragraph of the list alone.
            Event::Start(Tag::Paragraph) => {
                parse_ial(line.trim())?;
                return Some((at + 1, line.trim().to_string()));
            }
            _ => return None,
        }
    }
    parse_ial(line.trim())?;
    Some((at, line.trim().to_string()))
}

/// Where the last row of the table ending at `end` starts when its first cell is an
/// attribute list and the others are empty, and the list.
fn last_row(events: &[Event<'_>], end: usize) -> Option<(usize, String)> {
    let row = events[..end]
        .iter()
        .rposition(|e| matches!(e, Event::Start(Tag::TableRow)))?;
    let mut cells = 0;
    let mut line = String::new();
    for event in &events[row + 1..end] {
        match event {
            Event::Start(Tag::TableCell) => cells += 1,
            Event::Text(text) if cells == 1 => line.push_str(text),
            Event::Text(text) if !text.trim().is_empty() => return None,
            Event::End(TagEnd::TableCell | TagEnd::TableRow) | Event::Text(_) => {}
            _ => return None,
        }
    }
    parse_ial(line.trim())?;
    Some((row, line.trim().to_string()))
}

/// Where the block whose end event is at `end` starts (its start event).
fn start_of(events: &[Event<'_>], end: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut at = end + 1;
    while at > 0 {
        at -= 1;
        match &events[at] {
            Event::End(_) => depth += 1,
            Event::Start(_) => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(at);
                }
            }
            _ => {}
        }
    }
    None
}

/// `html` (a block's HTML) with each marked attribute list put on the element right
/// after its mark.
pub(crate) fn apply_nested_ials(html: &str) -> Cow<'_, str> {
    if !html.contains(NESTED_IAL_MARK) {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len() + 32);
    let mut rest = html;
    while let Some(at) = rest.find(NESTED_IAL_MARK) {
        out.push_str(&rest[..at]);
        let after = &rest[at + NESTED_IAL_MARK.len_utf8()..];
        let Some(end) = after.find(NESTED_IAL_MARK) else {
            rest = after;
            continue;
        };
        let list = &after[..end];
        let tail = &after[end + NESTED_IAL_MARK.len_utf8()..];
        // For the paragraph whose `<p>` is right before the mark, if it is one.
        if let Some(list) = list.strip_prefix('<') {
            if let (Some(ial), Some(open)) = (parse_ial(list), out.rfind('<')) {
                if out[open..] == *"<p>" {
                    let tag = outer_attributes("<p>", &ial);
                    out.truncate(open);
                    out.push_str(&tag);
                }
            }
            rest = tail;
            continue;
        }
        // (The writer puts a line break before a paragraph's tag.)
        let tail = tail.trim_start_matches('\n');
        let tag_end = tail.find('>').map_or(0, |i| i + 1);
        match parse_ial(list) {
            Some(ial) if tail.starts_with('<') && tag_end > 0 => {
                out.push_str(&outer_attributes(&tail[..tag_end], &ial));
                rest = &tail[tag_end..];
            }
            _ => rest = tail,
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::super::jekyll_html as jekyll;

    /// As Jekyll 4.3.1 (kramdown 2.4) writes them (Ben Balter's table of costs in a list
    /// item, `{: .table .w-50 .mx-auto }` under it).
    #[test]
    fn attribute_lists_inside_items_and_quotations() {
        let tight = |html: String| html.split_whitespace().collect::<String>();
        let table = jekyll(
            "- item\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n  {: .table .w-50 }\n\n- next\n",
        );
        assert_eq!(
            tight(table),
            tight(
                "<ul><li><p>item</p><table class=\"table w-50\"><thead><tr><th>a</th><th>b</th>\
                 </tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table></li>\
                 <li><p>next</p></li></ul>"
                    .to_string()
            )
        );
        assert_eq!(
            jekyll("> para\n> {: .x}\n"),
            "<blockquote>\n<p class=\"x\">para</p>\n</blockquote>\n"
        );
        assert_eq!(
            jekyll("- item\n\n  para\n  {: .x}\n"),
            "<ul>\n<li>\n<p>item</p>\n<p class=\"x\">para</p>\n</li>\n</ul>\n"
        );
        // A tight item's text: the list is taken out, also over a nested list; but not
        // where text goes on after it.
        assert_eq!(
            jekyll("- item\n  {: .x}\n  - nested\n- two\n"),
            "<ul>\n<li>item\n<ul>\n<li>nested</li>\n</ul>\n</li>\n<li>two</li>\n</ul>\n"
        );
        let html = jekyll("> a\n> {: .x} *b*\n");
        assert!(html.contains("{: .x} <em>b</em>"), "{html}");
        assert_eq!(
            jekyll("- item\n  {: .x}\n- two\n"),
            "<ul>\n<li>item</li>\n<li>two</li>\n</ul>\n"
        );
        // A quotation in an item; a code block in an item.
        let html = jekyll("- item\n\n  > quote\n  {: .q }\n");
        assert!(
            html.contains("<blockquote class=\"q\">") && !html.contains("<ul class"),
            "{html}"
        );
        // Also under a list ending the quotation (a Korean blog's `{: .prompt-tip }`);
        // with the quotation's `>`, it is the paragraph's.
        let html = jekyll("- item\n\n  > **N**\n  >\n  > - x\n  > - y\n  {: .tip }\n\nafter\n");
        assert_eq!(
            tight(html),
            "<ul><li><p>item</p><blockquoteclass=\"tip\"><p><strong>N</strong></p><ul>\
             <li>x</li><li>y</li></ul></blockquote></li></ul><p>after</p>"
        );
        let html = jekyll("- item\n\n  > para\n  > {: .x}\n");
        assert_eq!(
            tight(html),
            "<ul><li><p>item</p><blockquote><pclass=\"x\">para</p></blockquote></li></ul>"
        );
        let html = jekyll("- item\n\n  ```\n  code\n  ```\n  {: .c}\n");
        assert!(
            html.contains("<div class=\"language-plaintext c highlighter-rouge\">"),
            "{html}"
        );
        assert!(
            !html.contains("<ul class") && !html.contains("{:"),
            "{html}"
        );
        // Under the list itself, it is the list's.
        assert!(jekyll("- a\n- b\n{: .l}\n").starts_with("<ul class=\"l\">"));
    }
}
