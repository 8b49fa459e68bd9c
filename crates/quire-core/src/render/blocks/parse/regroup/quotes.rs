//! kramdown's quotation goes on to the next blank line: the blocks right under one are
//! read in it (`regroup.rs`).

use pulldown_cmark::{CowStr, Event, Tag};

use super::super::super::super::jekyll;
use super::super::{line_start, Group};
use super::{paren_markers_escaped, Context};

/// The blocks right under a quotation, up to the next blank line, read as its own.
pub(super) fn lazy_quotes(context: &Context<'_>, groups: &mut [Group<'_>]) {
    let text = context.text;
    let mut k = 0;
    while k + 1 < groups.len() {
        let quote = matches!(
            groups[k].events.first(),
            Some(Event::Start(Tag::BlockQuote(_)))
        );
        let taken = |g: &Group<'_>| matches!(g.events.as_slice(), [Event::Html(h)] if h.is_empty());
        if !quote || taken(&groups[k + 1]) {
            k += 1;
            continue;
        }
        let from = line_start(text, groups[k].start);
        let next = line_start(text, groups[k + 1].start);
        let Some((range, markdown)) = jekyll::lazy_quote(text, from, next) else {
            k += 1;
            continue;
        };
        let last = groups.partition_point(|g| g.start < range.end);
        // The blocks taken end where the lines do (or on the blank lines after them).
        let past = |g: &Group<'_>| {
            g.end > range.end
                && !text
                    .get(range.end..g.end)
                    .is_some_and(|t| t.trim().is_empty())
        };
        if last <= k + 1 || groups[k + 1..last].iter().any(past) {
            k += 1;
            continue;
        }
        let markdown =
            jekyll::quote_with_items_apart(&markdown, context.options).unwrap_or(markdown);
        let markdown = paren_markers_escaped(&markdown, context.options).unwrap_or(markdown);
        let (events, items) = context.fragment(&markdown, context.options);
        groups[k].events = events;
        groups[k].items = items;
        groups[k].end = range.end;
        for group in &mut groups[k + 1..last] {
            group.events = vec![Event::Html(CowStr::Borrowed(""))];
        }
        k = last;
    }
}
