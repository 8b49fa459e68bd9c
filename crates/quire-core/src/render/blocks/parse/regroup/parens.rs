//! kramdown knows no `1)` list marker: such an item is text to it, at the top or inside a
//! list or a quotation, and right under a paragraph's line it is more of the paragraph.
//! The markers CommonMark reads are escaped (`1\)`) and the block read again (`regroup.rs`
//! runs [`paren_lists`] over its blocks).

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

use super::super::{line_start, Group};
use super::Context;

/// kramdown knows no `1)` list marker: such a list is text (its markers escaped), at the
/// top or inside a list or a quotation; right under a paragraph's line (where CommonMark
/// lets `1)` interrupt it), more of that paragraph. (A function of its own: its locals are
/// not on the stack of each level of Markdown rendered inside HTML.)
#[inline(never)]
pub(super) fn paren_lists(context: &Context<'_>, groups: &mut [Group<'_>]) {
    let text = context.text;
    for k in 0..groups.len() {
        let group = &groups[k];
        let container = matches!(
            group.events.first(),
            Some(Event::Start(Tag::List(_) | Tag::BlockQuote(_)))
        );
        let ordered = || {
            group
                .events
                .iter()
                .any(|e| matches!(e, Event::Start(Tag::List(Some(_)))))
        };
        if !container || !ordered() {
            continue;
        }
        let at = line_start(text, group.start);
        let under_paragraph = k > 0
            && matches!(
                groups[k].events.first(),
                Some(Event::Start(Tag::List(Some(1))))
            )
            && matches!(
                groups[k - 1].events.first(),
                Some(Event::Start(Tag::Paragraph))
            )
            && at > 0
            && groups[k - 1].end + 1 >= at
            && !text[..at - 1]
                .rsplit('\n')
                .next()
                .unwrap_or_default()
                .trim()
                .is_empty();
        let from = if under_paragraph {
            line_start(text, groups[k - 1].start)
        } else {
            at
        };
        let block = &text[from..groups[k].end];
        if let Some(markdown) = paren_markers_escaped(block, context.options) {
            let (events, items) = context.fragment(&markdown, context.options);
            if under_paragraph {
                groups[k - 1].events = events;
                groups[k - 1].items = items;
                groups[k - 1].end = groups[k].end;
                groups[k].events = vec![Event::Html(CowStr::Borrowed(""))];
            } else {
                groups[k].events = events;
                groups[k].items = items;
            }
        }
    }
}

/// [`paren_markers_escaped`], not inlined (off the stack of each level of rendering).
#[inline(never)]
pub(super) fn parens_escaped(block: &str, options: Options) -> Option<String> {
    paren_markers_escaped(block, options)
}

/// `block` (a list or a quotation) with the markers of its `1)` items written `1\)`, if
/// it has any: the items CommonMark reads in it (a line of code or of a paragraph that
/// looks like one stays as it is). A marker escaped makes its lines a paragraph's, which
/// may open a fence or block HTML further on (which takes the `2)` lines under it): the
/// markers are escaped up to such a line, and the block is read again, until no `1)`
/// item is left (the rounds are capped).
pub(super) fn paren_markers_escaped(block: &str, options: Options) -> Option<String> {
    const ROUNDS: usize = 16;
    let paren_line = |line: &str| {
        let trimmed = line.trim_start_matches([' ', '>']);
        let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
        (1..=9).contains(&digits) && trimmed[digits..].starts_with(')')
    };
    if !block.lines().any(paren_line) {
        return None;
    }
    let mut text: Option<String> = None;
    for _ in 0..ROUNDS {
        let current = text.as_deref().unwrap_or(block);
        let parens = paren_items(current, options);
        if parens.is_empty() {
            break;
        }
        let mut out = String::with_capacity(current.len() + parens.len());
        let mut from = 0;
        for (k, at) in parens.into_iter().enumerate() {
            // Past a line that may open a fence or block HTML once the markers above are
            // escaped, the items are those of the next round's reading.
            if k > 0 && current[from..at].lines().skip(1).any(may_open_a_block) {
                break;
            }
            out.push_str(&current[from..at]);
            out.push('\\');
            from = at;
        }
        out.push_str(&current[from..]);
        text = Some(out);
    }
    text
}

/// Whether `line` may open a fence or block HTML (after a quotation's `>` and spaces).
fn may_open_a_block(line: &str) -> bool {
    line.trim_start_matches([' ', '>'])
        .starts_with(['`', '~', '<'])
}

/// Where the `)` of each `1)` item CommonMark reads in `block` is.
fn paren_items(block: &str, options: Options) -> Vec<usize> {
    let mut ordered = Vec::new();
    let mut parens = Vec::new();
    for (event, range) in Parser::new_ext(block, options).into_offset_iter() {
        match event {
            Event::Start(Tag::List(start)) => ordered.push(start.is_some()),
            Event::End(TagEnd::List(_)) => {
                ordered.pop();
            }
            Event::Start(Tag::Item) if ordered.last() == Some(&true) => {
                let marker = &block[range.start..];
                let digits = marker.bytes().take_while(u8::is_ascii_digit).count();
                if marker[digits..].starts_with(')') {
                    parens.push(range.start + digits);
                }
            }
            _ => {}
        }
    }
    parens.dedup();
    parens
}
