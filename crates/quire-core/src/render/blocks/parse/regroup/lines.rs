//! Blocks kramdown ends or reads otherwise because of one line in them, read again as it
//! reads them: a definition's `:` with no white space after it or with four columns of it
//! (`jekyll/definitions.rs`),
//! a paragraph line opening with any number and `.` (`jekyll/lists.rs`), a Liquid tag
//! that writes nothing alone on a paragraph's line (`jekyll/tag_lines.rs`), an escaped
//! parenthesis in a link's destination (`jekyll/destinations.rs`), the end-of-block
//! marker `^` (`jekyll/eob.rs`).

use pulldown_cmark::{CowStr, Event, Tag};

use super::super::super::super::jekyll;
use super::super::{line_start, Group};
use super::Context;

/// The rules that come before block HTML is read (`regroup.rs` runs them in turn).
pub(super) fn before_html(context: &Context<'_>, groups: &mut [Group<'_>]) {
    // A definition needs white space after its `:` (`:ssl_ca_cert and` on a paragraph's
    // line is text): such colons are escaped.
    reread(context, groups, is_definition_list, |block| {
        jekyll::tight_colons_escaped(block)
    });
    // White space of four columns or more after it is not an indented code block.
    reread(
        context,
        groups,
        is_definition_list,
        jekyll::wide_definitions,
    );
    // A line opening with any number and `.` ends a paragraph (CommonMark: only `1.`),
    // in a quotation too.
    reread(context, groups, is_quote, |block| {
        jekyll::quote_with_items_apart(block, context.options)
    });
    reread(context, groups, is_paragraph, |block| {
        let at = jekyll::ordered_item_interrupting(block)?;
        Some(format!("{}\n{}", &block[..at], &block[at..]))
    });
    // In a list item, such a line opens a list inside it.
    reread(context, groups, is_list, |block| {
        jekyll::items_with_ordered_lists(block, context.options)
    });
}

/// The rules that come after kramdown's tables (`regroup.rs` runs them in turn).
pub(super) fn after_tables(context: &Context<'_>, groups: &mut [Group<'_>]) {
    let text = context.text;
    // A Liquid tag that writes nothing, alone on a paragraph's line, leaves the line empty
    // for kramdown (Liquid runs first): the paragraph ends there.
    if text.contains("{%") {
        reread(context, groups, is_paragraph, jekyll::silent_tags_apart);
    }
    // An escaped parenthesis in a link's destination counts as any other, and a title may
    // hold its own quotes.
    if text.contains("\\(") || text.contains("\\)") || text.contains("](") {
        reread(
            context,
            groups,
            |first| {
                matches!(
                    first,
                    Event::Start(
                        Tag::Paragraph
                            | Tag::List(_)
                            | Tag::BlockQuote(_)
                            | Tag::Heading { .. }
                            | Tag::Table(_)
                    )
                )
            },
            jekyll::kramdown_inline_links,
        );
    }
    // A line holding only `^` ends the block above it.
    if text.starts_with('^') || text.contains("\n^") {
        end_of_block_markers(context, groups);
    }
}

fn is_paragraph(first: &Event<'_>) -> bool {
    matches!(first, Event::Start(Tag::Paragraph))
}

fn is_list(first: &Event<'_>) -> bool {
    matches!(first, Event::Start(Tag::List(_)))
}

fn is_quote(first: &Event<'_>) -> bool {
    matches!(first, Event::Start(Tag::BlockQuote(_)))
}

fn is_definition_list(first: &Event<'_>) -> bool {
    matches!(first, Event::Start(Tag::DefinitionList))
}

/// Whether a block was taken in by the one before it (left empty).
fn taken(group: &Group<'_>) -> bool {
    matches!(group.events.as_slice(), [Event::Html(html)] if html.is_empty())
}

/// Each block's text: from its first line up to where the parser says it ends, and not
/// past the next block that was not taken in (pulldown-cmark's range of a definition
/// list can run over the paragraph after it, a block of its own).
fn blocks<'t>(text: &'t str, groups: &[Group<'_>]) -> Vec<&'t str> {
    let mut next = text.len();
    let mut out: Vec<&str> = Vec::with_capacity(groups.len());
    for group in groups.iter().rev() {
        let start = line_start(text, group.start);
        let end = group.end.min(next).max(start);
        out.push(&text[start..end]);
        if !taken(group) {
            next = start;
        }
    }
    out.reverse();
    out
}

/// Parse again each block whose first event `kind` accepts and that `rewrite` writes
/// otherwise, from what it gives.
fn reread(
    context: &Context<'_>,
    groups: &mut [Group<'_>],
    kind: impl Fn(&Event<'_>) -> bool,
    rewrite: impl Fn(&str) -> Option<String>,
) {
    let texts = blocks(context.text, groups);
    for (group, block) in groups.iter_mut().zip(texts) {
        if taken(group) || !group.events.first().is_some_and(&kind) {
            continue;
        }
        if let Some(markdown) = rewrite(block) {
            let (events, items) = context.fragment(&markdown, context.options);
            group.events = events;
            group.items = items;
        }
    }
}

/// kramdown's end-of-block marker (a line holding only `^`) ends the block above it and is
/// not written: a block holding one is read again in its parts, code and block HTML
/// aside.
fn end_of_block_markers(context: &Context<'_>, groups: &mut [Group<'_>]) {
    let texts = blocks(context.text, groups);
    for (group, block) in groups.iter_mut().zip(texts) {
        let code_or_html = matches!(
            group.events.first(),
            Some(Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock))
        );
        if taken(group) || code_or_html {
            continue;
        }
        let Some(parts) = jekyll::end_of_block_parts(block) else {
            continue;
        };
        let mut events = Vec::new();
        let mut items = jekyll::ItemParagraphs::default();
        for part in parts {
            let part = &block[part];
            if part.trim().is_empty() {
                continue;
            }
            let (more, more_items) = context.fragment(part, context.options);
            events.extend(more);
            items.blank_after.extend(more_items.blank_after);
        }
        if events.is_empty() {
            events.push(Event::Html(CowStr::Borrowed("")));
        }
        group.events = events;
        group.items = items;
        // An attribute list under the last part is read with it, not given to the first.
        group.ial = None;
    }
}
