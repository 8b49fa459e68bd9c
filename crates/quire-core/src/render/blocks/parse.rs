//! Parsing a stretch of the body and cutting its HTML at each top-level block: the one
//! pulldown-cmark pass behind both a full render and a window's re-render.

use pulldown_cmark::{BrokenLink, CowStr, Event, Parser};

use super::super::jekyll;
use super::super::{options_for, safe_event, Flavour, Settings};
use super::{Definition, Parsed};
use definitions::{definition_markdown, may_escape_reference, unescaped_label};

mod definitions;
mod hugo_zola;
mod ials;
mod marks;
mod omitted_html;
mod passes;
mod regions;
mod regroup;
mod write;

/// The HTML of a block that is only an attribute list (for another block).
pub(super) const IAL_BLOCK: &str = "\n";

/// The events of one top-level block, with where it starts and ends in the text.
struct Group<'a> {
    start: usize,
    end: usize,
    events: Vec<Event<'a>>,
    /// What the Jekyll flavour needs of its list items' paragraphs.
    items: jekyll::ItemParagraphs,
    /// An attribute list kramdown gives the block, taken off a line CommonMark reads as
    /// part of it (`regroup.rs`).
    ial: Option<jekyll::Ial>,
}

/// Parse `text` and cut the HTML at each top-level block. `definitions`, when given, is
/// Markdown holding the link reference definitions made outside `text`.
pub(super) fn parse(text: &str, definitions: Option<&str>, settings: &Settings) -> Parsed {
    let nested = PARSING.with(|p| p.replace(p.get() + 1)) > 0;
    // The control characters the renderer marks with, where the post holds them, are
    // shown as one that marks nothing (offsets unchanged). A part of a block rendered on
    // its own (`markdown="1"` content) holds the marks of the text around it: kept.
    let parsed = if nested {
        // Markdown inside the body's HTML (`markdown="1"`) knows the body's definitions:
        // kramdown's are the whole document's.
        let body = BODY_DEFINITIONS.with(|d| d.borrow().clone());
        passes::parse_marked(text, definitions.or(body.as_deref()), settings)
    } else {
        jekyll::start_writing_includes();
        let definitions = definitions.map(jekyll::clear_marks);
        passes::parse_marked(&jekyll::clear_marks(text), definitions.as_deref(), settings)
    };
    PARSING.with(|p| p.set(p.get() - 1));
    parsed
}

std::thread_local! {
    /// The link definitions of the body whose blocks are being transformed (those outside
    /// the stretch parsed and those in it), for Markdown inside its HTML rendered on its
    /// own meanwhile.
    static BODY_DEFINITIONS: core::cell::RefCell<Option<String>> =
        const { core::cell::RefCell::new(None) };
    /// How many parses are under way around this one (a block's content read as Markdown,
    /// a Liquid include, rendered while the block is).
    static PARSING: core::cell::Cell<usize> = const { core::cell::Cell::new(0) };
}

/// [`passes::parse_marked`], the earlier of same-labelled definitions hidden when
/// `last_wins`, the backticks of `fences` marked as text.
fn parse_marked_with(
    text: &str,
    definitions: Option<&str>,
    settings: &Settings,
    last_wins: bool,
    fences: &[(usize, usize)],
) -> Parsed {
    let jekyll = settings.flavour == Flavour::Jekyll;
    // The text as written: every mark below keeps each offset.
    let written = text;
    // What Jekyll reads otherwise than CommonMark, marked for the parser (`marks.rs`).
    let marked = marks::mark(text, jekyll, fences);
    let (extensions, abbreviations, comments) =
        (marked.extensions, marked.abbreviations, marked.comments);
    let (switches, note_definitions) = (&marked.switches, &marked.note_definitions);
    let punctuation_marked = marked.punctuation_marked;
    let with_captures;
    let settings = match &marked.captured {
        Some(captured) => {
            with_captures = super::super::liquid::with_captures(settings, captured);
            &with_captures
        }
        None => settings,
    };
    let text: &str = &marked.text;
    let mut options = options_for(settings.flavour);
    // kramdown's typography is its own (Jekyll); Hugo's and Zola's is CommonMark's.
    let typography_quotes = settings.site.markdown.quotes.filter(|_| jekyll);
    let mut typography = typography_quotes.map(jekyll::Typography::new);
    if jekyll && (typography.is_some() || !settings.site.markdown.smart_quotes) {
        options.remove(pulldown_cmark::Options::ENABLE_SMART_PUNCTUATION);
    }
    if !jekyll {
        hugo_zola::site_options(&settings.site.markdown, &mut options);
    }
    // kramdown keeps the last of two definitions of a label, CommonMark the first: the
    // earlier ones are hidden.
    let last_wins = if jekyll && last_wins {
        jekyll::last_definitions_win(text, options)
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    let text: &str = &last_wins;
    // The lines right under an indented code block are more of its code, joined.
    let lazy_code = if jekyll {
        jekyll::join_lazy_code_lines(text, options)
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    let text: &str = &lazy_code;
    // Link definitions a Liquid loop writes (Jekyll runs it first) are known to the whole
    // body, like those made outside the stretch; a body with them renders whole.
    // So are those of the include files it writes (all of them, the files those include
    // too, read once for the post: not again while an include file is written).
    // (Loops are read in the text as written, Liquid comments aside: an `{% assign %}` in
    // a loop is blanked above when a definition follows it.)
    let mut looped = if jekyll {
        let as_written = match comments {
            true => super::super::liquid::blank_comments(written),
            false => std::borrow::Cow::Borrowed(written),
        };
        let mut made = super::super::liquid::loop_definitions(&as_written, &settings.site);
        if !jekyll::including() {
            let site = &settings.site;
            made.push_str(&super::super::liquid::include_definitions(text, site));
        }
        made
    } else {
        String::new()
    };
    looped.push_str(note_definitions);
    let definitions = match definitions {
        Some(outside) if !looped.is_empty() => {
            Some(std::borrow::Cow::Owned(format!("{outside}\n\n{looped}")))
        }
        Some(outside) => Some(std::borrow::Cow::Borrowed(outside)),
        None if !looped.is_empty() => Some(std::borrow::Cow::Borrowed(looped.as_str())),
        None => None,
    };
    let defs_parser = definitions
        .as_deref()
        .filter(|d| !d.is_empty())
        .map(|d| Parser::new_ext(d, options));
    let outside = defs_parser.as_ref().map(|p| p.reference_definitions());
    // kramdown takes a reference's backslash escapes before it looks up its definition
    // (`[tern\_for\_vim][]` is `[tern_for_vim]`'s): the definitions made here, read
    // first when a reference may hold one.
    let escaped_parser =
        (jekyll && may_escape_reference(text)).then(|| Parser::new_ext(text, options));
    let here = escaped_parser.as_ref().map(|p| p.reference_definitions());
    let callback = |link: BrokenLink<'_>| {
        macro_rules! owned {
            ($def:expr) => {
                $def.map(|def| {
                    let title = def.title.as_ref().map_or(String::new(), |t| t.to_string());
                    (CowStr::from(def.dest.to_string()), CowStr::from(title))
                })
            };
        }
        let label = link.reference.as_ref();
        if let Some(found) = owned!(outside.and_then(|o| o.get(label))) {
            return Some(found);
        }
        // Only where the label is the link's text (`[a][]`, `[a]`): a full reference's
        // label is looked up as written.
        let text_label = matches!(
            link.link_type,
            pulldown_cmark::LinkType::Collapsed
                | pulldown_cmark::LinkType::CollapsedUnknown
                | pulldown_cmark::LinkType::Shortcut
                | pulldown_cmark::LinkType::ShortcutUnknown
        );
        let plain = (jekyll && text_label)
            .then(|| unescaped_label(label))
            .flatten()?;
        let found = owned!(here.and_then(|h| h.get(&plain)));
        found.or_else(|| owned!(outside.and_then(|o| o.get(&plain))))
    };
    // Headings kramdown reads as text (or as other text) are marked for the parser only
    // (offsets unchanged); the marks are written back in its events.
    // So are comments kramdown reads as part of the paragraph above them, given back as
    // span HTML by `CommentSpans`.
    let commented = if jekyll {
        jekyll::mark_paragraph_comments(text, options)
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    let comments_marked = matches!(commented, std::borrow::Cow::Owned(_));
    let headings = if jekyll {
        jekyll::mark_text_headings(&commented, options)
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    let headings_marked = matches!(headings, std::borrow::Cow::Owned(_));
    // `[text] [id]` is a reference link to kramdown when `id` is defined (here or outside;
    // read on the text as marked, where a comment kramdown reads in a paragraph leaves a
    // definition under it paragraph text). Joined in the text as written and as marked.
    let (text, parsed) = if jekyll && jekyll::may_space_references(&headings) {
        let local = Parser::new_ext(&headings, options);
        let local = local.reference_definitions();
        let defined =
            |id: &str| local.get(id).is_some() || outside.is_some_and(|o| o.get(id).is_some());
        (
            jekyll::join_spaced_references(text, defined),
            jekyll::join_spaced_references(&headings, defined),
        )
    } else {
        (
            std::borrow::Cow::Borrowed(text),
            std::borrow::Cow::Borrowed(headings.as_ref()),
        )
    };
    let text: &str = &text;
    let parser = Parser::new_with_broken_link_callback(&parsed, options, Some(callback));
    let mut local_definitions: Vec<Definition> = parser
        .reference_definitions()
        .iter()
        .map(|(label, def)| Definition {
            start: def.span.start,
            label: label.to_lowercase(),
            markdown: definition_markdown(label, &def.dest, def.title.as_deref()),
        })
        .collect();
    local_definitions.sort_by_key(|d| d.start);

    // Group the events by top-level block.
    let mut groups: Vec<Group<'_>> = Vec::new();
    // A definition whose label starts with `^` (possible when the label spans lines) would
    // be read as a footnote if written back for another window's parser: render it whole.
    let mut whole = extensions
        || comments
        || marked.captured.is_some()
        || !looped.is_empty()
        || local_definitions.iter().any(|d| d.label.starts_with('^'));
    // Footnotes are numbered across the body: only the Jekyll flavour's are filled in
    // body-wide (`BlockRenderer`); the others' are rendered whole.
    let mut footnotes = false;
    let mut depth = 0usize;
    let mut definition_lists = jekyll.then(jekyll::DefinitionLists::default);
    // kramdown keeps the lines of a code block under an indented fence as written.
    let mut fences = jekyll.then(jekyll::FenceIndent::default);
    // kramdown opens no emphasis inside emphasis, nor strong inside strong.
    let mut spans = jekyll::SameSpans::default();
    let mut comment_spans = comments_marked.then(jekyll::CommentSpans::default);
    // kramdown reads no span whose end an element opened inside it holds.
    let mut crossing = jekyll.then(jekyll::CrossingSpans::default);
    // kramdown keeps the content of span HTML it does not know as span content raw.
    let mut raw = jekyll.then(jekyll::RawSpans::default);
    // kramdown's strong that never closes is emphasis from its first marker.
    let mut fallback = jekyll.then(jekyll::StrongFallback::default);
    // kramdown's alternative text of an image is its text as written.
    let mut alts = jekyll.then(jekyll::ImageAlts::default);
    // kramdown's reading of a long run of markers standing in text.
    let mut runs = jekyll.then(jekyll::MarkerRuns::default);
    // Hugo (Goldmark) writes no raw HTML unless its config says `unsafe`.
    let mut omitted =
        (!jekyll && !settings.site.markdown.raw_html).then(omitted_html::OmittedHtml::default);
    // The spaces before a line break's last two stay text (kramdown).
    let break_spaces = jekyll && jekyll::may_keep_break_spaces(text);
    let events = parser
        .into_offset_iter()
        .map(|(event, range)| {
            if headings_marked {
                (jekyll::unmark_headings(event), range)
            } else {
                (event, range)
            }
        })
        .flat_map(|(event, range)| match comment_spans.as_mut() {
            Some(spans) => spans.feed(event, range, text),
            None => jekyll::Fed::One(Some((event, range))),
        })
        .flat_map(|(event, range)| match crossing.as_mut() {
            Some(crossing) => crossing.feed(event, range, text),
            None => jekyll::Fed::One(Some((event, range))),
        })
        .flat_map(|(event, range)| match raw.as_mut() {
            Some(raw) => raw.feed(event, range, text),
            None => jekyll::Fed::One(Some((event, range))),
        })
        .flat_map(|(event, range)| match fallback.as_mut() {
            Some(fallback) => fallback.feed(event, range, text),
            None => jekyll::Fed::One(Some((event, range))),
        })
        .map(|(event, range)| match fences.as_mut() {
            Some(fences) => {
                let event = jekyll::kept_backslashes(event, &range, text);
                let event = fences.feed(event, range.clone(), text);
                (spans.feed(event, range.clone(), text), range)
            }
            None => (event, range),
        })
        .flat_map(|(event, range)| match runs.as_mut() {
            Some(runs) => runs.feed(event, range, text),
            None => jekyll::Fed::One(Some((event, range))),
        })
        .flat_map(|(event, range)| match break_spaces {
            true => jekyll::keep_break_spaces(event, range, text),
            false => [Some((event, range)), None],
        })
        .flatten()
        .flat_map(|(event, range)| match typography.as_mut() {
            Some(typography) => typography.feed(event, range, text),
            None => [Some((event, range)), None],
        })
        .flatten()
        .flat_map(|(event, range)| match alts.as_mut() {
            Some(alts) => alts.feed(event, range, text),
            None => [Some((event, range)), None],
        })
        .map(|found| match (found, omitted.as_mut()) {
            (Some((event, range)), Some(omitted)) => omitted.feed(event, range),
            (found, _) => found,
        });
    // The fenced code blocks that never close (Jekyll flavour: text to kramdown).
    let mut open_fences = jekyll::OpenFences::default();
    for (event, range) in events.flatten() {
        if jekyll
            && matches!(&event, Event::Start(pulldown_cmark::Tag::CodeBlock(kind)) if kind.is_fenced())
        {
            open_fences.see(text, range.clone());
        }
        if depth == 0 {
            groups.push(Group {
                start: range.start,
                end: range.end,
                events: Vec::new(),
                items: jekyll::ItemParagraphs::default(),
                ial: None,
            });
        }
        match &event {
            Event::Start(tag) => {
                if matches!(tag, pulldown_cmark::Tag::FootnoteDefinition(_)) {
                    footnotes = true;
                    // A note defined inside another block is known to the parser's
                    // references but is not one of the body's notes: render whole.
                    whole |= depth > 0;
                }
                depth += 1;
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::FootnoteReference(_) => footnotes = true,
            _ => {}
        }
        if let Some(group) = groups.last_mut() {
            group.end = group.end.max(range.end);
            if jekyll {
                group.items.see(&event, range.end, depth, text);
            }
            match definition_lists.as_mut() {
                Some(lists) => lists.push(
                    safe_event(event),
                    || after_blank_line(text, line_start(text, range.start)),
                    &mut group.events,
                ),
                None => group.events.push(safe_event(event)),
            }
        }
    }

    // kramdown reads some runs of blocks otherwise than CommonMark: parsed again as it
    // reads them (`regroup.rs`).
    let context = regroup::Context {
        text,
        outside: definitions.as_deref(),
        local: &local_definitions,
        options,
        quotes: typography_quotes,
    };
    if jekyll {
        whole |= regroup::kramdown_blocks(&context, &mut groups);
    }

    // Stretches kramdown reads as one block (`regions.rs`): the body rendered whole.
    if jekyll {
        whole |= regions::raw_html(&context, text, &mut groups);
        whole |= regions::math(text, &mut groups);
    }

    // The flavour's changes, block by block.
    let mut base_ids: Vec<Vec<String>> = vec![Vec::new(); groups.len()];
    // The attributes kramdown puts on a block's first element (a table's, a list's).
    let mut outer: Vec<Option<jekyll::Ial>> = vec![None; groups.len()];
    let mut notes: Vec<jekyll::Notes> = vec![jekyll::Notes::default(); groups.len()];
    // Markdown inside HTML (`markdown="1"`, `parse_block_html`) is rendered on its own,
    // with the body's definitions; the renderer does not see its references, so such a
    // body with definitions renders whole.
    let markdown_in_html = jekyll
        && (text.contains("markdown=")
            || settings.site.markdown.parse_block_html
            || !switches.is_empty());
    let body_definitions = markdown_in_html
        .then(|| {
            let mut all = definitions.as_deref().unwrap_or_default().to_string();
            for definition in &local_definitions {
                all.push_str("\n\n");
                all.push_str(&definition.markdown);
            }
            all
        })
        .filter(|all| !all.trim().is_empty());
    whole |= body_definitions.is_some();
    let outer_definitions = BODY_DEFINITIONS.with(|d| d.replace(body_definitions));
    if jekyll {
        let (mut ials, top) = ials::block_ials(text, &mut groups);
        whole |= top;
        // A block inside `{% raw %}` ... `{% endraw %}` shows its Liquid as text; a window
        // would not know where the tag is: render whole.
        let raw = super::super::liquid::raw_spans(text);
        for (k, group) in groups.iter_mut().enumerate() {
            let i = raw.partition_point(|&(_, end)| end <= group.start);
            let in_raw = raw.get(i).is_some_and(|&(start, _)| start <= group.start);
            whole |= in_raw;
            (base_ids[k], outer[k]) = jekyll::transform(
                &mut group.events,
                ials[k].take(),
                jekyll::Context {
                    in_raw,
                    item_blanks: &group.items.blank_after,
                    punctuation_marked,
                    parse_block_html: switches
                        .iter()
                        .take_while(|&&(at, _)| at < group.start)
                        .last()
                        .map_or(settings.site.markdown.parse_block_html, |&(_, on)| on),
                    source: written.get(group.start..group.end).unwrap_or_default(),
                },
                settings,
            );
        }
        // Numbered across the body and listed at its end: each block keeps its references
        // and its note, filled in across the body by the renderer.
        if footnotes {
            for (k, group) in groups.iter_mut().enumerate() {
                // A note defined inside another block (as kramdown reads a run of blocks,
                // `regroup.rs`) is not one of the body's notes: render whole.
                whole |=
                    group.events.iter().skip(1).any(|e| {
                        matches!(e, Event::Start(pulldown_cmark::Tag::FootnoteDefinition(_)))
                    });
                notes[k] = jekyll::take_notes(&mut group.events);
            }
        }
        // Defined anywhere for all of the body: only a whole render keeps them.
        if abbreviations {
            let mut blocks: Vec<&mut Vec<Event<'_>>> =
                groups.iter_mut().map(|g| &mut g.events).collect();
            jekyll::kramdown_abbreviations(&mut blocks);
        }
    }
    if let (false, Some(style)) = (jekyll, settings.site.markdown.heading_ids) {
        hugo_zola::group_heading_ids(&mut groups, style, &mut base_ids);
    }
    BODY_DEFINITIONS.with(|d| d.replace(outer_definitions));

    // One writer for the whole text, cut per block (`write.rs`).
    let (blocks, written_notes) = write::blocks(text, jekyll, groups, outer, notes, base_ids);
    // A note or reference the parser's own writer wrote (inside HTML a kramdown pass
    // rendered from a run of blocks) is numbered across the body by that writer: render
    // whole.
    whole |= written_notes;
    // Two blocks starting on one line (`[^a]: [^b]: note` defines two notes there): a
    // window cannot start between them.
    whole |= blocks.windows(2).any(|pair| pair[0].start == pair[1].start);
    Parsed {
        blocks,
        definitions: local_definitions,
        whole: whole || (footnotes && !jekyll),
        unclosed: Vec::new(),
        open_fences: open_fences.found,
    }
}

/// Whether the line before the one starting at `offset` is blank (or there is none).
pub(super) fn after_blank_line(text: &str, offset: usize) -> bool {
    let before = &text[..offset];
    let Some(before) = before.strip_suffix('\n') else {
        return offset == 0;
    };
    let before = before.strip_suffix('\r').unwrap_or(before);
    let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    line.chars().all(|c| c == ' ' || c == '\t')
}

/// The start of the line holding `offset`, so a block's start covers its indentation and
/// container markers.
pub(super) fn line_start(text: &str, offset: usize) -> usize {
    text[..offset].rfind('\n').map_or(0, |i| i + 1)
}
