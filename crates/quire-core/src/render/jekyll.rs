//! The "Jekyll" preview flavour: what kramdown (GFM input), Jekyll's renderer, does where a
//! writer would notice. Applied to the events of each top-level block:
//!
//! - heading ids as kramdown's GFM parser makes them (lowercase, characters other than
//!   word characters, `-`, space and tab removed, spaces to `-`, `-1`, `-2`... for repeats),
//!   computed from the text after typographic punctuation; a trailing ` {#id}` sets one
//!   (`headings.rs`);
//! - typographic quotes, dashes, ellipses and guillemets by kramdown's own rules
//!   (`typography.rs`; CommonMark's smart punctuation for Hugo and Zola sites);
//! - block attribute lists (`{: .class #id key="v"}`) on the line after a paragraph or a
//!   heading, or on the line before a block, applied; under a table, a list, a quotation,
//!   a code block or a rule, on that block's element (`block_ial.rs`); span attribute
//!   lists applied to the image, link, emphasis or code span they follow (`span_ial.rs`),
//!   text after text, hidden elsewhere;
//! - Liquid tags and output (`{% ... %}`, `{{ ... }}`) shown as visible placeholders,
//!   `{% raw %}` stretches as text (`liquid_text.rs`);
//! - code spans and blocks as Jekyll writes them with Rouge (`code.rs`), a lone backtick
//!   (white space on both sides) as text (`lone_backticks.rs`), lists as kramdown
//!   numbers and marks them (`lists.rs`);
//! - definition lists, footnotes and `$$` math as kramdown writes them (`definitions.rs`,
//!   `footnotes.rs`, `math.rs`); its `{::comment}`, `{::nomarkdown}` and `{::options}`
//!   blocks (`extensions.rs`); abbreviations (`abbreviations.rs`); `markdown="1"` on an
//!   HTML block (`markdown_attr.rs`); block HTML raw up to its closing tag across blank
//!   lines (`html_blocks.rs`);
//! - excerpt markers shown as a subtle divider;
//! - relative link and image URLs resolved against the site URL, when one is set.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

mod abbreviations;
mod adjacent;
mod block_ial;
mod code;
mod definitions;
mod emphasis;
mod extensions;
mod fence_indent;
mod footnotes;
mod headings;
mod html_blocks;
mod html_tags;
mod lazy_lists;
mod liquid_text;
mod lists;
mod lone_backticks;
mod markdown_attr;
mod math;
mod rouge_lexers;
mod span_ial;
mod table_pipes;
mod tables;
mod toc;
mod typography;

pub(crate) use abbreviations::{kramdown_abbreviations, may_define};
pub(crate) use adjacent::{merges, Kind};
pub(crate) use block_ial::{leading_ial_line, outer_attributes, trailing_ial_line};
pub(crate) use code::HIGHLIGHT_MARK;
pub(crate) use definitions::DefinitionLists;
pub(crate) use extensions::{block_html_switches, hide_extensions};
pub(crate) use fence_indent::FenceIndent;
pub(crate) use footnotes::{list as notes_list, reference as note_reference};
pub(crate) use footnotes::{take_notes, Notes, NOTE_MARK};
pub use headings::heading_id;
use headings::{explicit_heading_ids, heading_ids};
pub(crate) use html_blocks::{
    edit_may_open_region, kramdown_pieces, markdown_off, raw_regions, span_tag_block, Piece,
};
pub(crate) use lazy_lists::lazy_nested_list;
use liquid_text::{code_text, liquid_and_span_ials, liquid_html, liquid_tags_only};
pub(crate) use lists::ItemParagraphs;
pub(crate) use lone_backticks::mark_lone_backticks;
use markdown_attr::markdown_in_html;
use math::kramdown_math;
pub(crate) use math::{math_block, math_regions};
pub(crate) use table_pipes::{mark_table_code_pipes, PIPE_MARK};
pub(crate) use tables::kramdown_table;
pub(crate) use toc::toc;
use toc::toc_list;
pub(crate) use typography::Typography;

/// Stands for a heading's id in a block's HTML until the ids of the whole body are known.
pub(crate) const ID_MARK: char = '\u{1}';

/// A kramdown inline attribute list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Ial {
    id: Option<String>,
    classes: Vec<String>,
    attrs: Vec<(String, String)>,
    /// Bare words (references to attribute definitions, or `toc`).
    words: Vec<String>,
}

/// Stands for the table of contents (`{:toc}`) in a block's HTML until the headings of
/// the whole body are known.
pub(crate) const TOC_MARK: char = '\u{2}';

/// Read `{: .class #id key="value"}` (the whole of `text`, trimmed).
pub(crate) fn parse_ial(text: &str) -> Option<Ial> {
    let text = plain_punctuation(text);
    let inner = text.trim().strip_prefix("{:")?.strip_suffix('}')?;
    if inner.contains(['{', '}']) || inner.starts_with(':') {
        return None;
    }
    let mut ial = Ial::default();
    let mut rest = inner.trim();
    while !rest.is_empty() {
        let end = if let Some(eq) = rest.find('=').filter(|&eq| !rest[..eq].contains(' ')) {
            // key="value" or key='value'
            let quote = rest[eq + 1..].chars().next()?;
            if quote != '"' && quote != '\'' {
                return None;
            }
            let close = rest[eq + 2..].find(quote)? + eq + 2;
            let (key, value) = (&rest[..eq], &rest[eq + 2..close]);
            // kramdown: `class="a b"` sets the classes (a `.c` after it adds one), `id="x"`
            // the id.
            match key {
                "class" => ial.classes = value.split_whitespace().map(String::from).collect(),
                "id" => ial.id = Some(value.to_string()),
                _ => ial.attrs.push((key.to_string(), value.to_string())),
            }
            close + 1
        } else {
            let end = rest.find([' ', '\t']).unwrap_or(rest.len());
            let word = &rest[..end];
            if let Some(class) = word.strip_prefix('.') {
                ial.classes.push(class.to_string());
            } else if let Some(id) = word.strip_prefix('#') {
                ial.id = Some(id.to_string());
            } else if !word
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
            {
                return None;
            } else {
                ial.words.push(word.to_string());
            }
            end
        };
        rest = rest[end..].trim_start();
    }
    Some(ial)
}

impl Ial {
    /// Two lists of one element, `earlier` written before `later` (kramdown reads both
    /// into one: the later id wins, classes and attributes add up).
    pub(crate) fn together(earlier: Ial, later: Ial) -> Ial {
        let mut both = earlier;
        both.id = later.id.or(both.id);
        both.classes.extend(later.classes);
        both.attrs.extend(later.attrs);
        both.words.extend(later.words);
        both
    }
}

/// If the block is a paragraph holding only an attribute list, that list.
pub(crate) fn ial_only(events: &mut Vec<Event<'_>>) -> Option<Ial> {
    merge_text(events);
    match events.as_slice() {
        [Event::Start(Tag::Paragraph), Event::Text(text), Event::End(TagEnd::Paragraph)] => {
            parse_ial(text)
        }
        _ => None,
    }
}

/// What a top-level block's transform needs to know of the text around its events.
pub(crate) struct Context<'c> {
    /// Whether the block starts inside `{% raw %}`.
    pub(crate) in_raw: bool,
    /// Per list item of the block, whether a blank line follows its first paragraph
    /// ([`ItemParagraphs`]).
    pub(crate) item_blanks: &'c [bool],
    /// Whether kramdown reads block HTML content as Markdown here (`parse_block_html`,
    /// from the site's config or a `{::options}` line above the block).
    pub(crate) parse_block_html: bool,
}

/// Transform the events of one top-level block, `ial` being an attribute list written on
/// its own line next to it; returns the base ids of its headings, in order (each
/// heading's id in the HTML is [`ID_MARK`]), and the attributes for the block's first
/// element when the events cannot carry them ([`outer_attributes`]).
pub(crate) fn transform(
    events: &mut Vec<Event<'_>>,
    ial: Option<Ial>,
    context: Context<'_>,
    settings: &super::Settings,
) -> (Vec<String>, Option<Ial>) {
    let (site_url, vars) = (settings.site_url.as_str(), &settings.site);
    lone_backticks::unmark_backticks(events);
    if markdown_in_html(events, settings, context.parse_block_html) {
        return (Vec::new(), None);
    }
    kramdown_html_tags(events, vars);
    kramdown_math(events);
    emphasis::kramdown_spans(events);
    merge_text(events);
    explicit_heading_ids(events);
    if let Some((ordered, mut list_ial)) = toc_list(events, ial.as_ref()) {
        let tag = if ordered { "ol" } else { "ul" };
        let mut html = format!("<{tag} id=\"markdown-toc\">{TOC_MARK}</{tag}>\n");
        // The list's classes and attributes stay on the table of contents.
        list_ial.id = None;
        if !list_ial.classes.is_empty() || !list_ial.attrs.is_empty() {
            html = outer_attributes(&html, &list_ial);
        }
        *events = vec![Event::Html(CowStr::from(html))];
        return (Vec::new(), None);
    }
    let mut ial = ial;
    // An attribute list on the paragraph's first line (right before it) or its last.
    if let Some(first) = leading_ial(events) {
        ial = Some(first);
    }
    let cuts = split_at_ial_lines(events);
    let outer = if cuts.is_empty() {
        if let Some(last) = trailing_ial(events) {
            ial = Some(last);
        }
        ial.and_then(|ial| apply_ial(events, ial))
    } else {
        // A line of attribute list inside a paragraph ends it (kramdown): the paragraph
        // before it takes it, the lines after it are a paragraph of their own.
        let last = trailing_ial(events);
        let mut start = 0;
        let mut earlier = ial;
        for (end, middle) in cuts {
            let list = match earlier.take() {
                Some(earlier) => Ial::together(earlier, middle),
                None => middle,
            };
            apply_ial(&mut events[start..end], list);
            start = end;
        }
        if let Some(last) = last {
            apply_ial(&mut events[start..], last);
        }
        None
    };
    let ids = if vars.markdown.auto_ids {
        heading_ids(events, &vars.markdown.auto_id_prefix)
    } else {
        Vec::new()
    };
    let tags_only = liquid_tags_only(events);
    code::wrap_code_blocks(events, code_text);
    lists::kramdown_lists(events, context.item_blanks);
    let mut out = Vec::with_capacity(events.len());
    let mut in_code = 0usize;
    // Inside `{% raw %}`: Liquid is text.
    let mut raw = context.in_raw;
    let mut span_ials = Vec::new();
    for event in events.drain(..) {
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                in_code += 1;
                out.push(Event::Start(Tag::CodeBlock(kind)));
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code = in_code.saturating_sub(1);
                out.push(Event::End(TagEnd::CodeBlock));
            }
            Event::Text(text) if in_code == 0 => {
                let text = crate::images::unprotect(&text);
                match span_ial::span_ial_after(out.last(), &text) {
                    Some((ial, rest)) => {
                        span_ials.push((out.len() - 1, ial));
                        liquid_and_span_ials(rest, vars, &mut raw, &mut out);
                    }
                    None => liquid_and_span_ials(&text, vars, &mut raw, &mut out),
                }
            }
            Event::Text(text) => out.push(Event::Text(code_text(text))),
            Event::Code(text) => {
                out.push(Event::InlineHtml(CowStr::from(code::code_span(&code_text(text)))))
            }
            Event::Html(html) => out.push(Event::Html(
                marker(&html, true).unwrap_or_else(|| liquid_html(html, vars)),
            )),
            Event::InlineHtml(html) => out.push(Event::InlineHtml(
                marker(&html, false).unwrap_or_else(|| liquid_html(html, vars)),
            )),
            link @ Event::Start(Tag::Link { .. } | Tag::Image { .. }) => {
                out.push(super::map_destination(link, |url, _| {
                    let unmarked = url.replace(PIPE_MARK, "|");
                    let raw = crate::images::unprotect(&unmarked);
                    if vars.known {
                        let resolved = super::liquid::resolve_in(&raw, vars).into_owned();
                        return resolve(CowStr::from(resolved), site_url);
                    }
                    match crate::images::expand_link(&raw, "") {
                        Some(path) => resolve(CowStr::from(path), site_url),
                        None => resolve(CowStr::from(raw.into_owned()), site_url),
                    }
                }))
            }
            Event::SoftBreak if vars.markdown.hard_wrap => out.push(Event::HardBreak),
            Event::Start(Tag::Paragraph) if tags_only => out.push(Event::Html(CowStr::from(
                "<div class=\"liquid-tags\" title=\"Liquid tags: Jekyll writes no paragraph here\">",
            ))),
            Event::End(TagEnd::Paragraph) if tags_only => {
                out.push(Event::Html(CowStr::from("</div>\n")))
            }
            other => out.push(other),
        }
    }
    span_ial::apply_span_ials(&mut out, span_ials);
    if tags_only
        && out
            .iter()
            .all(|e| matches!(e, Event::Html(_) | Event::SoftBreak))
    {
        // Only `{% raw %}` / `{% endraw %}`: nothing to show.
        out = vec![Event::Html(CowStr::Borrowed(""))];
    }
    *events = out;
    (ids, outer)
}

/// The block and span HTML of a block's events as kramdown writes it (`html_tags.rs`),
/// Liquid in it resolved first; excerpt markers are left to [`marker`].
fn kramdown_html_tags(events: &mut Vec<Event<'_>>, vars: &super::liquid::SiteVars) {
    if !events
        .iter()
        .any(|e| matches!(e, Event::Html(_) | Event::InlineHtml(_)))
    {
        return;
    }
    let mut out = Vec::with_capacity(events.len());
    let mut spans = html_tags::SpanHtml::default();
    let mut run: Vec<CowStr<'_>> = Vec::new();
    for event in events.drain(..) {
        if let Event::Html(html) = event {
            run.push(html);
            continue;
        }
        block_html_run(&mut run, &mut out, vars);
        match event {
            Event::InlineHtml(html) if marker(&html, false).is_none() => {
                out.push(spans.tag(liquid_html(html, vars)))
            }
            Event::End(end) if html_tags::ends_span_text(&end) => {
                spans.close(&mut out);
                out.push(Event::End(end));
            }
            other => out.push(other),
        }
    }
    block_html_run(&mut run, &mut out, vars);
    spans.close(&mut out);
    *events = out;
}

/// One run of block HTML events written as kramdown writes it, or left as it is (an
/// element left open, an excerpt marker among them).
fn block_html_run<'a>(
    run: &mut Vec<CowStr<'a>>,
    out: &mut Vec<Event<'a>>,
    vars: &super::liquid::SiteVars,
) {
    if run.is_empty() {
        return;
    }
    let written = if run.iter().any(|html| marker(html, true).is_some()) {
        None
    } else {
        let joined: String = run
            .iter()
            .map(|html| liquid_html(html.clone(), vars).into_string())
            .collect();
        html_tags::block_html(&joined)
    };
    match written {
        Some(html) => {
            run.clear();
            out.push(Event::Html(CowStr::from(html)));
        }
        None => out.extend(run.drain(..).map(Event::Html)),
    }
}

/// Join runs of text events (the parser splits text at punctuation).
fn merge_text(events: &mut Vec<Event<'_>>) {
    let mut out: Vec<Event<'_>> = Vec::with_capacity(events.len());
    for event in events.drain(..) {
        match (out.last_mut(), event) {
            (Some(Event::Text(previous)), Event::Text(text)) => {
                let joined = format!("{previous}{text}");
                *previous = CowStr::from(joined);
            }
            (_, event) => out.push(event),
        }
    }
    *events = out;
}

/// Take an attribute list off the first line of a paragraph (kramdown applies a block
/// attribute list to the block right under it).
fn leading_ial(events: &mut Vec<Event<'_>>) -> Option<Ial> {
    let [Event::Start(Tag::Paragraph), Event::Text(text), Event::SoftBreak, ..] = events.as_slice()
    else {
        return None;
    };
    let ial = parse_ial(text)?;
    events.drain(1..3);
    Some(ial)
}

/// A paragraph with lines of attribute list between its lines, cut at each: the events
/// become paragraphs (those lines taken out); returns, for each cut, where the next
/// paragraph starts and the list the paragraph before it takes.
fn split_at_ial_lines(events: &mut Vec<Event<'_>>) -> Vec<(usize, Ial)> {
    let mut cuts = Vec::new();
    if !matches!(events.first(), Some(Event::Start(Tag::Paragraph)))
        || !matches!(events.last(), Some(Event::End(TagEnd::Paragraph)))
    {
        return cuts;
    }
    let mut depth = 0usize;
    for (i, event) in events.iter().enumerate() {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Text(text)
                if depth == 1
                    && i >= 2
                    && matches!(events[i - 1], Event::SoftBreak)
                    && matches!(events.get(i + 1), Some(Event::SoftBreak))
                    && text.trim_start().starts_with("{:") =>
            {
                if let Some(ial) = parse_ial(text) {
                    cuts.push((i, ial));
                }
            }
            _ => {}
        }
    }
    // `... SoftBreak, {: list}, SoftBreak ...` -> `... End, Start ...`: each cut takes
    // one event out before the next.
    for (k, (at, _)) in cuts.iter_mut().enumerate() {
        *at -= k;
        events.splice(
            *at - 1..*at + 2,
            [Event::End(TagEnd::Paragraph), Event::Start(Tag::Paragraph)],
        );
    }
    cuts
}

/// Take an attribute list off the last line of a paragraph or heading.
fn trailing_ial(events: &mut Vec<Event<'_>>) -> Option<Ial> {
    let n = events.len();
    if n < 4 {
        return None;
    }
    let closes = matches!(
        events[n - 1],
        Event::End(TagEnd::Paragraph) | Event::End(TagEnd::Heading(_))
    );
    let Event::Text(text) = &events[n - 2] else {
        return None;
    };
    if !closes || !matches!(events[n - 3], Event::SoftBreak) {
        return None;
    }
    let ial = parse_ial(text)?;
    events.drain(n - 3..n - 1);
    Some(ial)
}

/// Put `ial` on the block's outer element: a heading takes it as its attributes, a
/// paragraph is written with them; a table, a list, a quotation, a code block or a rule
/// gets them in its HTML (returned, a code block's language taken first); on other blocks
/// it is dropped (kept hidden).
fn apply_ial(events: &mut [Event<'_>], mut ial: Ial) -> Option<Ial> {
    let n = events.len();
    match events.first_mut() {
        Some(Event::Start(Tag::Heading {
            id, classes, attrs, ..
        })) => {
            if let Some(new) = ial.id {
                *id = Some(CowStr::from(new));
            }
            classes.extend(ial.classes.into_iter().map(CowStr::from));
            attrs.extend(
                ial.attrs
                    .into_iter()
                    .map(|(k, v)| (CowStr::from(k), Some(CowStr::from(v)))),
            );
            None
        }
        Some(first @ Event::Start(Tag::Paragraph)) => {
            let tag = format!("<p{}>", span_ial::attributes(&ial));
            *first = Event::Html(CowStr::from(tag));
            if let Some(last @ Event::End(TagEnd::Paragraph)) = events.get_mut(n - 1) {
                *last = Event::Html(CowStr::Borrowed("</p>\n"));
            }
            None
        }
        first if block_ial::takes_outer(first.as_deref()) => {
            block_ial::code_language(events, &mut ial);
            Some(ial)
        }
        _ => None,
    }
}

/// Undo typographic punctuation (Liquid and attribute lists are code, read before it).
fn plain_punctuation(text: &str) -> String {
    text.replace(['“', '”'], "\"")
        .replace(['‘', '’'], "'")
        .replace('—', "---")
        .replace('–', "--")
        .replace('…', "...")
}

/// An excerpt marker comment as a visible divider.
fn marker<'a>(html: &str, block: bool) -> Option<CowStr<'a>> {
    let inner = html
        .trim()
        .strip_prefix("<!--")?
        .strip_suffix("-->")?
        .trim();
    let label = match inner.to_ascii_lowercase().as_str() {
        "excerpt start" => "excerpt start",
        "excerpt end" => "excerpt end",
        "more" => "more",
        _ => return None,
    };
    let element = if block {
        format!("<div class=\"excerpt-marker\" role=\"separator\" data-marker=\"{label}\"></div>\n")
    } else {
        format!("<span class=\"excerpt-marker\" data-marker=\"{label}\"></span>")
    };
    Some(CowStr::from(element))
}

/// `url` joined to `site_url` when it is relative (not `#...`, `//...` or with a scheme).
fn resolve<'a>(url: CowStr<'a>, site_url: &str) -> CowStr<'a> {
    let site = site_url.trim().trim_end_matches('/');
    if site.is_empty() || url.is_empty() || url.starts_with('#') || url.starts_with("//") {
        return url;
    }
    if super::url_kind(&url) == super::UrlKind::Safe && url.contains(':') {
        let scheme_like = url.split(':').next().is_some_and(|s| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        });
        if scheme_like {
            return url;
        }
    }
    if url.starts_with('/') {
        CowStr::from(format!("{site}{url}"))
    } else {
        CowStr::from(format!("{site}/{url}"))
    }
}

fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn escape_attr(text: &str) -> String {
    escape_text(text).replace('"', "&quot;")
}

/// A body rendered in the Jekyll flavour with default settings (for the tests).
#[cfg(test)]
pub(crate) fn jekyll_html(md: &str) -> String {
    let settings = super::Settings {
        flavour: super::Flavour::Jekyll,
        ..Default::default()
    };
    super::render_body(md, &settings)
}

#[cfg(test)]
mod tests;
