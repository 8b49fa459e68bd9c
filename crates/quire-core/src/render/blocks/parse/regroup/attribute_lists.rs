//! An attribute list right under a table, a list or a quotation (read by CommonMark as
//! more of it) is the block's; one indented into a list's last item is a block's inside
//! the item (`jekyll/nested_ials.rs`).

use pulldown_cmark::{Event, Tag};

use super::super::super::super::jekyll;
use super::super::{line_start, Group};
use super::Context;

/// Take the attribute lists kramdown gives a table, a list or a quotation off the lines
/// CommonMark reads as part of it (`jekyll/block_ial.rs`), parsing the block again.
pub(super) fn block_attribute_lists(context: &Context<'_>, groups: &mut [Group<'_>]) {
    let text = context.text;
    for group in groups.iter_mut() {
        if !matches!(
            group.events.first(),
            Some(Event::Start(
                Tag::Table(_) | Tag::List(_) | Tag::BlockQuote(_)
            ))
        ) {
            continue;
        }
        let from = line_start(text, group.start);
        let block = &text[from..group.end.max(from)];
        if let Some((at, ial)) = jekyll::trailing_ial_line(block) {
            // Indented into the list's last item, it is a block's inside the item.
            let list = matches!(group.events.first(), Some(Event::Start(Tag::List(_))));
            if list && inside_last_item(block, at) {
                continue;
            }
            let (events, items) = context.fragment(&block[..at], context.options);
            group.events = events;
            group.items = items;
            group.ial = Some(ial);
        }
    }
}

/// Whether the line at `at` of `block` (a top-level list) is indented as far as the
/// content of the list's last item (the item whose marker line is the last one at the
/// list's own indentation).
fn inside_last_item(block: &str, at: usize) -> bool {
    let indent = |line: &str| line.len() - line.trim_start_matches(' ').len();
    let first = indent(block);
    let Some(item) = block[..at]
        .lines()
        .rev()
        .find(|line| indent(line) == first && !line.trim().is_empty())
    else {
        return false;
    };
    let rest = &item[first..];
    let marker = rest.find([' ', '\t']).unwrap_or(rest.len());
    let spaces = rest[marker..].bytes().take_while(|&b| b == b' ').count();
    let content = first + marker + spaces.clamp(1, 4);
    indent(&block[at..]) >= content
}
