//! Stretches kramdown reads as one block where CommonMark reads several: block HTML
//! holding blank lines (`jekyll/html_blocks.rs` `raw_regions`) and `$$` math holding
//! blank lines or list-like lines (`jekyll/math.rs` `math_regions`). A body with one is
//! rendered whole: a stretch of it parsed on its own would not know.

use pulldown_cmark::{CowStr, Event, Tag};

use super::super::super::jekyll;
use super::{line_start, regroup, Group};

/// Block HTML holding blank lines is one raw block to kramdown; its stretch, read by
/// CommonMark as several blocks, is written as it stands. Returns whether there was one.
pub(super) fn raw_html(
    context: &regroup::Context<'_>,
    text: &str,
    groups: &mut [Group<'_>],
) -> bool {
    let mut found = false;
    let regions = jekyll::raw_regions(text);
    // Where the region before ends: a block running from it into the next is its.
    let mut before_end = 0;
    for (r, region) in regions.iter().enumerate() {
        let region = region.clone();
        let next_start = regions.get(r + 1).map_or(text.len(), |next| next.start);
        // The groups starting inside the region (they are in source order).
        let mut first = groups.partition_point(|g| g.start < region.start);
        let last = groups.partition_point(|g| g.start < region.end);
        let mut events = Vec::new();
        // An HTML block or paragraph opening before the region and running into it
        // (`<div class="a">...</div>` then the region's `<div class="b">` line): its
        // lines before the region are read on their own, the region joins it.
        let head = first.checked_sub(1).filter(|&k| {
            let group = &groups[k];
            line_start(text, group.start) >= before_end
                && group.end > region.start
                && group.end <= region.end
                && matches!(
                    group.events.first(),
                    Some(Event::Start(Tag::HtmlBlock | Tag::Paragraph) | Event::Html(_))
                )
        });
        if let Some(k) = head {
            let head = &text[line_start(text, groups[k].start)..region.start];
            let pieces = jekyll::kramdown_pieces(head);
            let (more, _) = regroup::pieces_events(context, head, pieces);
            events.extend(more);
            first = k;
        }
        before_end = region.end;
        let Some(end) = groups[first..last].iter().map(|g| g.end).max() else {
            continue;
        };
        // (Up to the next region, which reads its own lines.)
        let end = end.min(next_start.max(region.end));
        let mut raw = text[region.clone()].to_string();
        if !raw.ends_with('\n') {
            raw.push('\n');
        }
        events.push(Event::Html(CowStr::from(raw)));
        // The lines after its closing tag, up to a blank line, are Markdown again.
        if end > region.end {
            let tail = &text[region.end..end];
            let pieces = jekyll::kramdown_pieces(tail);
            let (more, items) = regroup::pieces_events(context, tail, pieces);
            events.extend(more);
            groups[first].items = items;
        }
        groups[first].events = events;
        for group in &mut groups[first + 1..last] {
            group.events = vec![Event::Html(CowStr::Borrowed(""))];
        }
        found = true;
    }
    found
}

/// A `$$` math block holding a blank line or a line CommonMark reads as a list's (a
/// matrix row `- & b_1`) is one block to kramdown: written as one. Returns whether there
/// was one.
pub(super) fn math(text: &str, groups: &mut [Group<'_>]) -> bool {
    let mut found = false;
    for math in jekyll::math_regions(text) {
        let region = math.lines;
        let first = groups.partition_point(|g| g.start < region.start);
        let last = groups.partition_point(|g| g.start < region.end);
        // The blocks inside it end inside it (or on the blank lines after it).
        let inside = |g: &Group<'_>| {
            g.end <= region.end || text[region.end..g.end.min(text.len())].trim().is_empty()
        };
        if first >= last || !groups[first..last].iter().all(inside) {
            continue;
        }
        let block = jekyll::math_block(&text[math.inner]);
        groups[first].events = vec![Event::Html(CowStr::from(block))];
        for group in &mut groups[first + 1..last] {
            group.events = vec![Event::Html(CowStr::Borrowed(""))];
        }
        found = true;
    }
    found
}
