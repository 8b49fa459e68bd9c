//! Runs of top-level blocks kramdown reads otherwise than CommonMark, parsed again as it
//! reads them: lazy lines of lists (`jekyll/lazy_lists.rs`), a table right under a paragraph
//! line and a bullet list changing its marker (`jekyll/adjacent.rs`), a block opening with
//! block HTML (`jekyll/html_blocks.rs` `kramdown_pieces`); and blocks one of whose lines
//! kramdown reads otherwise (`regroup/lines.rs`).

use pulldown_cmark::{BrokenLink, CowStr, Event, Options, Parser, Tag, TagEnd};

use super::super::super::jekyll;
use super::super::super::safe_event;
use super::{line_start, Definition, Group};

mod attribute_lists;
mod lines;
mod nested_html;
mod parens;
mod quotes;
use attribute_lists::block_attribute_lists;
use parens::{paren_lists, paren_markers_escaped, parens_escaped};
use quotes::lazy_quotes;

/// What parsing a run again needs.
pub(super) struct Context<'t> {
    /// The stretch being parsed.
    pub(super) text: &'t str,
    /// The link definitions made outside it, as Markdown, and in it.
    pub(super) outside: Option<&'t str>,
    pub(super) local: &'t [Definition],
    pub(super) options: Options,
    /// kramdown's quote characters, when its typography applies.
    pub(super) quotes: Option<[char; 4]>,
}

/// Parse again the runs of `groups` kramdown reads otherwise.
/// Whether the body is to be rendered whole (a note's definition was read as text: the
/// references to it elsewhere are read as references by a stretch that holds it).
pub(super) fn kramdown_blocks(context: &Context<'_>, groups: &mut [Group<'_>]) -> bool {
    let mut whole = false;
    let text = context.text;
    // kramdown nests an item of the other kind right under an item in it, however little
    // it is indented, and takes a heading, quotation or fenced code block there as the
    // item's: such a list is parsed again with those lines indented (and the
    // blocks so taken left empty: a stretch never starts or ends at one, so it sees the
    // list whole, as the body does).
    let mut rewritten_groups = Vec::new();
    {
        let mut k = 0;
        while k < groups.len() {
            let from = line_start(text, groups[k].start);
            let next = groups.get(k + 1).map(|g| line_start(text, g.start));
            let lazy = match (groups[k].events.first(), next) {
                (Some(Event::Start(Tag::List(_))), Some(next)) => {
                    jekyll::lazy_nested_list(text, from, next)
                }
                _ => None,
            };
            let Some((range, rewritten)) = lazy else {
                k += 1;
                continue;
            };
            let last = groups.partition_point(|g| g.start < range.end).max(k + 1);
            let end = groups[k..last]
                .iter()
                .map(|g| g.end)
                .max()
                .unwrap_or(range.end);
            rewritten_groups.push(k);
            let markdown = format!("{rewritten}{}", &text[range.end.min(end)..end]);
            let (events, items) = context.fragment(&markdown, context.options);
            groups[k].events = events;
            groups[k].items = items;
            groups[k].end = end;
            for group in &mut groups[k + 1..last] {
                group.events = vec![Event::Html(CowStr::Borrowed(""))];
            }
            k = last;
        }
    }

    // kramdown knows no `1)` list marker (`paren_lists`).
    paren_lists(context, groups);

    // Blocks kramdown ends or reads otherwise because of one of their lines.
    lines::before_html(context, groups);

    // A lazy line opening with a block element's tag or an autolink ends a quotation or a
    // list to kramdown: the block is read again up to that line, and from it as blocks
    // of their own (block HTML as kramdown reads it).
    if may_start_with_tag(text) {
        for (k, group) in groups.iter_mut().enumerate() {
            let quote = match group.events.first() {
                Some(Event::Start(Tag::BlockQuote(_))) => true,
                Some(Event::Start(Tag::List(_))) => false,
                _ => continue,
            };
            if rewritten_groups.contains(&k) {
                continue;
            }
            let block = &text[line_start(text, group.start)..group.end];
            if let Some(at) = jekyll::lazy_tag_end(block, quote) {
                let (mut events, items) = context.fragment(&block[..at], context.options);
                let tail = &block[at..];
                let (more, _) = pieces_events(context, tail, jekyll::kramdown_pieces(tail));
                events.extend(more);
                group.events = events;
                group.items = items;
            }
        }
    }

    // A table right under a paragraph line is more of the paragraph to kramdown; a bullet
    // list changing its marker is one list.
    if groups.len() > 1 {
        let blocks: Vec<(usize, usize, jekyll::Kind)> = groups
            .iter()
            .map(|g| {
                let kind = match g.events.first() {
                    Some(Event::Start(Tag::Paragraph)) => jekyll::Kind::Paragraph,
                    Some(Event::Start(Tag::Table(_))) => jekyll::Kind::Table,
                    Some(Event::Start(Tag::List(None))) => jekyll::Kind::BulletList,
                    _ => jekyll::Kind::Other,
                };
                (line_start(text, g.start), g.end, kind)
            })
            .collect();
        let merges = jekyll::merges(text, &blocks);
        if !merges.is_empty() {
            for merge in merges {
                let mut merge_options = context.options;
                if merge.no_tables {
                    merge_options.remove(pulldown_cmark::Options::ENABLE_TABLES);
                }
                let (events, items) = context.fragment(&merge.markdown, merge_options);
                let first = merge.blocks.start;
                groups[first].end = groups[merge.blocks.end - 1].end;
                groups[first].events = events;
                groups[first].items = items;
                for group in &mut groups[first + 1..merge.blocks.end] {
                    group.events = vec![Event::Html(CowStr::Borrowed(""))];
                }
            }
        }
    }

    // An attribute list right under a table, a list or a quotation (read by CommonMark as
    // more of it) is the block's. (Right above a table, CommonMark reads it with the table
    // as a paragraph: `kramdown_tables` takes it.)
    if text.contains("{:") {
        block_attribute_lists(context, groups);
    }

    // kramdown's tables: separator lines among the rows start parts; lines each holding a
    // `|`, after a blank line, are a table without a head.
    if text.contains('|') {
        kramdown_tables(context, groups);
    }

    // The same, for the rules that come after the tables.
    lines::after_tables(context, groups);

    // A note's definition right under a paragraph's line is more of the paragraph to
    // kramdown (no definition ends a paragraph there): the two are read again as one, its
    // `[^` written as text.
    let mut k = 0;
    while k + 1 < groups.len() {
        let note_at = line_start(text, groups[k + 1].start);
        let adjacent = matches!(groups[k].events.first(), Some(Event::Start(Tag::Paragraph)))
            && matches!(
                groups[k + 1].events.first(),
                Some(Event::Start(Tag::FootnoteDefinition(_)))
            )
            && note_at > 0
            && groups[k].end + 1 >= note_at
            && !text[..note_at - 1]
                .rsplit('\n')
                .next()
                .unwrap_or_default()
                .trim()
                .is_empty();
        // (Looked for only then: each block would otherwise read the rest of the body.)
        let bracket = adjacent
            .then(|| text[note_at..].find('[').map(|i| note_at + i))
            .flatten();
        let Some(bracket) = bracket else {
            k += 1;
            continue;
        };
        let from = line_start(text, groups[k].start);
        let end = groups[k + 1].end;
        let markdown = format!("{}\\{}", &text[from..bracket], &text[bracket..end]);
        let (events, items) = context.fragment(&markdown, context.options);
        groups[k].events = events;
        groups[k].items = items;
        groups[k].end = end;
        groups[k + 1].events = vec![Event::Html(CowStr::Borrowed(""))];
        whole = true;
        k += 2;
    }

    // A note's definition ends at its first line when the next is not indented under it:
    // that line and the ones after it are the body's (kramdown), not more of the note.
    for group in groups.iter_mut() {
        if !matches!(
            group.events.first(),
            Some(Event::Start(Tag::FootnoteDefinition(_)))
        ) {
            continue;
        }
        let block = &text[line_start(text, group.start)..group.end];
        let Some(split) = jekyll::note_ends_at_first_line(block) else {
            continue;
        };
        let (mut events, _) = context.fragment(&block[..split], context.options);
        let (rest, items) = context.fragment(&block[split..], context.options);
        events.extend(rest);
        group.events = events;
        group.items = items;
    }

    // kramdown reads block HTML by its element: a span element's tag alone on its line
    // starts a paragraph; another element is raw to its closing tag, and the Markdown after
    // it (on its line or the next) is read again; a paragraph ends at a line opening one.
    if may_start_with_tag(text) {
        for group in groups.iter_mut() {
            let html_block = matches!(group.events.first(), Some(Event::Start(Tag::HtmlBlock)));
            if !html_block && !matches!(group.events.first(), Some(Event::Start(Tag::Paragraph))) {
                continue;
            }
            let block = &text[line_start(text, group.start)..group.end];
            let pieces = jekyll::kramdown_pieces(block);
            // A span element's tag alone on its line opens a paragraph, to a line opening
            // block HTML when one follows (`<img>`, then `<p>caption</p>`, then `<br/>`).
            if html_block && jekyll::span_tag_block(block) && pieces.len() < 2 {
                if let Some((events, items)) = span_paragraph(context, block) {
                    group.events = events;
                    group.items = items;
                }
                continue;
            }
            // One piece: as CommonMark read it, unless a paragraph is one element or the
            // element's `markdown="0"` is to be left out.
            let one_raw = pieces.len() == 1 && pieces[0].raw;
            let marked = one_raw && jekyll::markdown_off(&block[pieces[0].range.clone()]).is_some();
            if pieces.len() < 2 && !(one_raw && (!html_block || marked)) {
                continue;
            }
            let (events, items) = pieces_events(context, block, pieces);
            group.events = events;
            group.items = items;
        }
    }

    // So does one inside a loose list's item or a quotation.
    if text.contains("\n ") || text.contains("\n>") {
        for group in groups.iter_mut() {
            let container = matches!(
                group.events.first(),
                Some(Event::Start(Tag::List(_) | Tag::BlockQuote(_)))
            );
            if container {
                nested_html::span_paragraphs_inside(context, &mut group.events);
            }
        }
    }

    // kramdown's quotation goes on to the next blank line: the blocks right under one are
    // read in it (and left empty), when they end before that line.
    if text.contains('>') {
        lazy_quotes(context, groups);
    }
    whole
}

/// The events of `block` read as the `pieces` kramdown reads (`jekyll::kramdown_pieces`):
/// block HTML raw, Markdown parsed on its own.
pub(super) fn pieces_events(
    context: &Context<'_>,
    block: &str,
    pieces: Vec<jekyll::Piece>,
) -> (Vec<Event<'static>>, jekyll::ItemParagraphs) {
    let mut events = Vec::new();
    let mut items = jekyll::ItemParagraphs::default();
    for piece in pieces {
        let piece_text = &block[piece.range];
        if piece.raw {
            events.push(Event::Html(CowStr::from(format!("{piece_text}\n"))));
        } else if !piece_text.trim().is_empty() {
            let span = jekyll::span_tag_block(piece_text)
                .then(|| span_paragraph(context, piece_text))
                .flatten();
            // (A `1)` line in it is text to kramdown, as in any other block.)
            let (more, more_items) = span.unwrap_or_else(|| {
                let escaped = parens_escaped(piece_text, context.options);
                context.fragment(escaped.as_deref().unwrap_or(piece_text), context.options)
            });
            events.extend(more);
            items.blank_after.extend(more_items.blank_after);
        }
    }
    (events, items)
}

/// `block`, an HTML block to CommonMark opening with a span element's tag alone on its
/// line, read as the paragraph kramdown reads: a line before it makes the tag a
/// paragraph's (it cannot interrupt one), then that line's events are taken out.
fn span_paragraph(
    context: &Context<'_>,
    block: &str,
) -> Option<(Vec<Event<'static>>, jekyll::ItemParagraphs)> {
    let text = format!("a\n{block}");
    let text = parens_escaped(&text, context.options).unwrap_or(text);
    let (mut events, items) = context.fragment(&text, context.options);
    if !matches!(events.get(1..3), Some([Event::Text(_), Event::SoftBreak])) {
        return None;
    }
    events.drain(1..3);
    Some((events, items))
}

/// Parse again the tables kramdown divides otherwise than GFM, and the paragraphs it
/// reads as tables (`jekyll/tables.rs`).
fn kramdown_tables(context: &Context<'_>, groups: &mut [Group<'_>]) {
    let text = context.text;
    for group in groups.iter_mut() {
        let table = matches!(group.events.first(), Some(Event::Start(Tag::Table(_))));
        let paragraph = matches!(group.events.first(), Some(Event::Start(Tag::Paragraph)));
        let from = line_start(text, group.start);
        if !(table || paragraph && super::after_blank_line(text, from)) {
            continue;
        }
        let mut block = &text[from..group.end.max(from)];
        if !block.contains('|') {
            continue;
        }
        // kramdown's table ends at a block boundary: a blank line, an attribute list's
        // line, an end-of-block mark or the end (a list after it on the next line leaves
        // its lines a paragraph).
        if !at_block_boundary(text, group.end) {
            continue;
        }
        // Block HTML is read before tables (`<svg>...a | b...</svg>` is no table): the
        // block HTML pass below reads such a paragraph.
        if paragraph && block.contains('<') && jekyll::kramdown_pieces(block).iter().any(|p| p.raw)
        {
            continue;
        }
        // `$$...$$` alone is a math block, whatever pipes it holds (kramdown reads math
        // blocks before tables).
        if matches!(
            group.events.as_slice(),
            [
                Event::Start(Tag::Paragraph),
                Event::DisplayMath(_),
                Event::End(TagEnd::Paragraph)
            ]
        ) {
            continue;
        }
        // Attribute lists above and under it are the table's (`block_attribute_lists`
        // has taken the one under a GFM table already).
        let mut ial = None;
        if let Some((rest, leading)) = jekyll::leading_ial_line(block) {
            block = &block[rest..];
            ial = Some(leading);
        }
        if let Some((at, trailing)) = jekyll::trailing_ial_line(block) {
            block = &block[..at];
            ial = Some(trailing);
        }
        let Some(sections) = jekyll::kramdown_table(block, table) else {
            continue;
        };
        let (events, items) = context.fragment(&sections.markdown, context.options);
        group.events = sections.rebuild(events);
        group.items = items;
        if group.ial.is_none() {
            group.ial = ial;
        }
    }
}

/// Whether the line after a block ending at `end` is a block boundary to kramdown.
fn at_block_boundary(text: &str, end: usize) -> bool {
    let next = if text[..end].ends_with('\n') {
        end
    } else {
        text[end..].find('\n').map_or(text.len(), |i| end + i + 1)
    };
    let line = text[next..].lines().next().unwrap_or("");
    let trimmed = line.trim_start_matches(' ');
    line.trim().is_empty()
        || line.len() - trimmed.len() <= 3
            && (trimmed.starts_with("{:") && !trimmed.starts_with("{::")
                || trimmed.trim_end() == "^")
}

/// The link definitions made outside the stretch and in it, as Markdown.
fn all_definitions(outside: Option<&str>, local: &[Definition]) -> String {
    let mut all = outside.unwrap_or("").to_string();
    for definition in local {
        all.push_str("\n\n");
        all.push_str(&definition.markdown);
    }
    all
}

/// Whether a block of `text` may start with a tag (a cheap test first).
fn may_start_with_tag(text: &str) -> bool {
    // A line starting with `<` after up to three spaces.
    text.trim_start_matches(' ').starts_with('<')
        || ["\n<", "\n <", "\n  <", "\n   <"]
            .iter()
            .any(|start| text.contains(start))
}

impl Context<'_> {
    /// The events of `markdown` parsed on its own (with `definitions`, Markdown, for its
    /// references), as the body's are: links made safe, kramdown's typography with `quotes`.
    fn fragment(
        &self,
        markdown: &str,
        options: Options,
    ) -> (Vec<Event<'static>>, jekyll::ItemParagraphs) {
        let definitions = all_definitions(self.outside, self.local);
        let quotes = self.quotes;
        let defined = Parser::new_ext(&definitions, options);
        let defined = defined.reference_definitions();
        let callback = |link: BrokenLink<'_>| {
            let def = defined.get(link.reference.as_ref())?;
            let title = def.title.as_ref().map_or(String::new(), |t| t.to_string());
            Some((CowStr::from(def.dest.to_string()), CowStr::from(title)))
        };
        // The headings kramdown reads as text, marked as the body's are (a quotation read
        // again with its lazy lines holds them as the body did).
        let headings = jekyll::mark_text_headings(markdown, options);
        let marked = matches!(headings, std::borrow::Cow::Owned(_));
        let parser = Parser::new_with_broken_link_callback(&headings, options, Some(callback));
        let mut typography = quotes.map(jekyll::Typography::new);
        let mut out = Vec::new();
        let mut items = jekyll::ItemParagraphs::default();
        let mut depth = 0usize;
        let mut fences = jekyll::FenceIndent::default();
        let mut spans = jekyll::SameSpans::default();
        let mut crossing = jekyll::CrossingSpans::default();
        let mut raw = jekyll::RawSpans::default();
        let mut alts = jekyll::ImageAlts::default();
        let mut runs = jekyll::MarkerRuns::default();
        let events = parser
            .into_offset_iter()
            .map(|(event, range)| match marked {
                true => (jekyll::unmark_headings(event), range),
                false => (event, range),
            })
            .flat_map(|(event, range)| crossing.feed(event, range, markdown))
            .flat_map(|(event, range)| raw.feed(event, range, markdown));
        let events = events.map(|(event, range)| {
            let event = jekyll::kept_backslashes(event, &range, markdown);
            let event = fences.feed(event, range.clone(), markdown);
            (spans.feed(event, range.clone(), markdown), range)
        });
        for (event, range) in events.flat_map(|(e, r)| runs.feed(e, r, markdown)) {
            let given = match typography.as_mut() {
                Some(typography) => typography.feed(event, range, markdown),
                None => [Some((event, range)), None],
            };
            let given = given.into_iter().flatten();
            for (event, range) in given.flat_map(|(e, r)| alts.feed(e, r, markdown)).flatten() {
                match &event {
                    Event::Start(_) => depth += 1,
                    Event::End(_) => depth = depth.saturating_sub(1),
                    _ => {}
                }
                items.see(&event, range.end, depth, markdown);
                out.push(safe_event(event).into_static());
            }
        }
        (out, items)
    }
}
