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

use std::borrow::Cow;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

mod abbreviations;
mod adjacent;
mod block_ial;
mod code;
mod comment_lines;
mod crossing_spans;
mod definitions;
mod destinations;
mod emphasis;
mod eob;
mod escapes;
mod extensions;
mod fence_indent;
mod flanking;
mod footnotes;
mod hard_breaks;
mod headings;
mod html_blocks;
mod html_tags;
mod ial;
mod image_alt;
mod last_definitions;
mod lazy_code;
mod lazy_lists;
mod lazy_quotes;
mod link_tags;
mod liquid_text;
mod lists;
mod lone_backticks;
mod markdown_attr;
mod marker_runs;
mod math;
mod nested_ials;
mod raw_spans;
mod references;
mod rouge_lexers;
mod span_ial;
mod strong_fallback;
mod table_pipes;
mod tables;
mod tag_lines;
mod text_headings;
mod toc;
mod typography;
mod unclosed_fences;

pub(crate) use abbreviations::{kramdown_abbreviations, may_define};
pub(crate) use adjacent::{merges, Kind};
pub(crate) use block_ial::{leading_ial_line, outer_attributes, trailing_ial_line};
pub(crate) use code::HIGHLIGHT_MARK;
pub(crate) use comment_lines::{mark_paragraph_comments, CommentSpans};
pub(crate) use crossing_spans::CrossingSpans;
pub(crate) use definitions::{tight_colons_escaped, wide_definitions, DefinitionLists};
pub(crate) use destinations::{kept_backslashes, kramdown_inline_links, unreadable_definitions};
pub(crate) use emphasis::SameSpans;
pub(crate) use eob::end_of_block_parts;
pub(crate) use escapes::mark_kept_escapes;
pub(crate) use extensions::{block_html_switches, hide_extensions};
pub(crate) use fence_indent::FenceIndent;
pub(crate) use flanking::mark_flanking_punctuation;
pub(crate) use footnotes::{
    definitions_under_notes, note_ends_at_first_line, take_notes, Note, Notes, NOTE_MARK,
};
pub(crate) use footnotes::{list as notes_list, reference as note_reference};
pub(crate) use hard_breaks::{keep_break_spaces, may_keep_break_spaces};
pub use headings::heading_id;
pub(crate) use headings::mark_heading_ids;
use headings::{explicit_heading_ids, heading_ids};
pub(crate) use html_blocks::{
    edit_may_open_region, kramdown_pieces, lazy_tag_end, markdown_off, opens_html_line,
    raw_regions, span_tag_block, starts_with_html, Piece,
};
pub(crate) use ial::{ial_only, parse_ial, Ial};
pub(crate) use image_alt::ImageAlts;
pub(crate) use last_definitions::last_definitions_win;
pub(crate) use lazy_code::join_lazy_code_lines;
pub(crate) use lazy_lists::lazy_nested_list;
pub(crate) use lazy_quotes::lazy_quote;
pub(crate) use liquid_text::{including, start_writing_includes};
use liquid_text::{liquid_and_span_ials, liquid_html_outside_raw, liquid_tags_only};
pub(crate) use lists::{
    items_with_ordered_lists, ordered_item_interrupting, quote_with_items_apart, ItemParagraphs,
};
pub(crate) use lone_backticks::mark_lone_backticks;
use markdown_attr::markdown_in_html;
pub(crate) use marker_runs::MarkerRuns;
use math::kramdown_math;
pub(crate) use math::{mark_lone_dollars, math_block, math_regions};
pub(crate) use nested_ials::apply_nested_ials;
pub(crate) use raw_spans::{Fed, RawSpans};
pub(crate) use references::{join_spaced_references, may_space_references};
pub(crate) use strong_fallback::StrongFallback;
pub(crate) use table_pipes::{mark_table_code_pipes, PIPE_MARK};
pub(crate) use tables::kramdown_table;
pub(crate) use tag_lines::{blank_assigns_over_definitions, silent_tags_apart};
pub(crate) use text_headings::{mark_text_headings, unmark as unmark_headings};
pub(crate) use toc::toc;
use toc::toc_list;
pub(crate) use typography::Typography;
pub(crate) use unclosed_fences::{
    closes_a_fence, mark_fences, never_closing, never_closing_with_language, OpenFence, OpenFences,
};

/// Stands for a heading's id in a block's HTML until the ids of the whole body are known.
pub(crate) const ID_MARK: char = '\u{1}';

/// Stands for the table of contents (`{:toc}`) in a block's HTML until the headings of
/// the whole body are known.
pub(crate) const TOC_MARK: char = '\u{2}';

/// What a control character that the renderer uses as a mark is shown as when a post
/// holds it (a stray backspace pasted in): another invisible one that marks nothing.
pub(crate) const STRAY: char = '\u{1a}';

/// Whether `c` is one of the control characters the renderer writes into the text or its
/// HTML as a mark: ids, the table of contents, notes, backticks, pipes, dollars,
/// punctuation and spaces that kramdown reads otherwise than CommonMark.
fn is_mark(c: char) -> bool {
    matches!(c, ID_MARK | TOC_MARK | NOTE_MARK | PIPE_MARK)
        || matches!(
            c,
            lone_backticks::BACKTICK_MARK | lone_backticks::STRIP_MARK | lone_backticks::KEEP_MARK
        )
        || c == math::DOLLAR_MARK
        || c == comment_lines::COMMENT_MARK
        || c == escapes::KEPT_BACKSLASH
        || c == crate::images::SPACE_STAND_IN
        || flanking::is_ascii_stand_in(c)
        || text_headings::is_mark(c)
        || c == nested_ials::NESTED_IAL_MARK
}

/// `text` with each control character that the renderer uses as a mark written as
/// [`STRAY`] (one byte for one, so offsets hold; char by char, so a part of a post reads
/// as the whole did). Without this, a post holding one would have it read as a mark: a
/// table of contents written where it stands, a backtick or a pipe shown for it.
pub(crate) fn clear_marks(text: &str) -> Cow<'_, str> {
    if !text.contains(is_mark) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.replace(is_mark, &STRAY.to_string()))
}

/// What a top-level block's transform needs to know of the text around its events.
pub(crate) struct Context<'c> {
    /// Whether the block starts inside `{% raw %}`.
    pub(crate) in_raw: bool,
    /// Per list item of the block, whether a blank line follows its first paragraph
    /// ([`ItemParagraphs`]).
    pub(crate) item_blanks: &'c [bool],
    /// Whether punctuation beside `*` runs was marked in the text parsed
    /// ([`mark_flanking_punctuation`]): only then is it written back (else the private use
    /// characters it stands in as are the post's own).
    pub(crate) punctuation_marked: bool,
    /// Whether kramdown reads block HTML content as Markdown here (`parse_block_html`,
    /// from the site's config or a `{::options}` line above the block).
    pub(crate) parse_block_html: bool,
    /// The block's text as written (before it was marked for the parser).
    pub(crate) source: &'c str,
}

/// Call `f` on each string of a block's events that holds text of the post: text, code,
/// HTML, math, link and image destinations and titles, a fence's info string. (The
/// parse-time marks, [`mark_lone_backticks`] and [`mark_flanking_punctuation`], are
/// written back through it.)
pub(crate) fn each_string(events: &mut [Event<'_>], mut f: impl FnMut(&mut CowStr<'_>)) {
    for event in events {
        match event {
            Event::Text(text)
            | Event::Code(text)
            | Event::Html(text)
            | Event::InlineHtml(text)
            | Event::InlineMath(text)
            | Event::DisplayMath(text) => f(text),
            Event::Start(
                Tag::Link {
                    dest_url, title, ..
                }
                | Tag::Image {
                    dest_url, title, ..
                },
            ) => {
                f(dest_url);
                f(title);
            }
            Event::Start(Tag::CodeBlock(pulldown_cmark::CodeBlockKind::Fenced(info))) => f(info),
            _ => {}
        }
    }
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
    math::unmark_dollars(events);
    escapes::unmark_escapes(events);
    if context.punctuation_marked {
        flanking::unmark_punctuation(events);
    }
    if markdown_in_html(events, settings, context.parse_block_html, context.in_raw) {
        return (Vec::new(), None);
    }
    lists::later_item_paragraphs(events);
    link_tags::kramdown_autolinks(events);
    link_tags::kramdown_name_tags(events);
    html_tags::kramdown_html(events, vars, context.in_raw);
    kramdown_math(events);
    emphasis::kramdown_spans(events);
    merge_text(events);
    emphasis::runs_beside_elements(events);
    span_ial::join_split_ials(events);
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
    if let Some(html) = liquid_text::included(events, settings, context.source) {
        *events = vec![Event::Html(CowStr::from(html))];
        return (Vec::new(), None);
    }
    let outer = ial::place(events, ial);
    nested_ials::nested_block_ials(events, context.source);
    let ids = if vars.markdown.auto_ids {
        heading_ids(events, &vars.markdown.auto_id_prefix, vars)
    } else {
        Vec::new()
    };
    let tags_only = liquid_tags_only(events);
    // A code block's Liquid is written with its HTML's, below.
    code::wrap_code_blocks(events, liquid_text::unprotected, &vars.markdown);
    tables::item_tables(events, context.item_blanks);
    tables::fill_empty_cells(events);
    lists::kramdown_lists(events, context.item_blanks);
    let mut out = Vec::with_capacity(events.len());
    let mut in_code = 0usize;
    let mut in_image = 0usize;
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
            // An image's alternative text (`image_alt.rs`): text, its Liquid filled in.
            Event::Text(text) if in_image > 0 => {
                let text = crate::images::unprotect(&text);
                let alt = match vars.known {
                    true => super::liquid::resolve_in(&text, vars).into_owned(),
                    false => text.into_owned(),
                };
                out.push(Event::Text(CowStr::from(alt)));
            }
            Event::Text(text) if in_code == 0 => {
                let text = crate::images::unprotect(&text);
                match span_ial::span_ial_after(out.last(), &text, Some(vars)) {
                    Some((ial, rest)) => {
                        span_ials.push((out.len() - 1, ial));
                        liquid_and_span_ials(rest, settings, &mut raw, &mut out);
                    }
                    None => liquid_and_span_ials(&text, settings, &mut raw, &mut out),
                }
            }
            // Code's text and code spans: Liquid runs before kramdown, in code too.
            Event::Text(text) => out.push(Event::Text(liquid_html_outside_raw(
                liquid_text::unprotected(text),
                vars,
                &mut raw,
                false,
            ))),
            Event::Code(text) => {
                // Not highlighted, kramdown writes a bare `<code>` (no language).
                let lang = match vars.markdown.highlight_spans {
                    true => vars.markdown.code_span_lang.as_str(),
                    false => "",
                };
                let html = CowStr::from(code::code_span(&liquid_text::unprotected(text), lang));
                out.push(Event::InlineHtml(liquid_html_outside_raw(html, vars, &mut raw, false)))
            }
            Event::Html(html) => out.push(Event::Html(
                marker(&html, true)
                    .unwrap_or_else(|| liquid_html_outside_raw(html, vars, &mut raw, false)),
            )),
            Event::InlineHtml(html) => out.push(Event::InlineHtml(
                marker(&html, false)
                    .unwrap_or_else(|| liquid_html_outside_raw(html, vars, &mut raw, false)),
            )),
            Event::End(TagEnd::Image) => {
                in_image = in_image.saturating_sub(1);
                out.push(Event::End(TagEnd::Image));
            }
            link @ Event::Start(Tag::Link { .. } | Tag::Image { .. }) => {
                in_image += usize::from(matches!(link, Event::Start(Tag::Image { .. })));
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
    link_tags::kramdown_link_tags(&mut out);
    if tags_only
        && out
            .iter()
            .all(|e| matches!(e, Event::Html(_) | Event::SoftBreak))
    {
        // Only `{% raw %}` / `{% endraw %}`: nothing to show.
        out = vec![Event::Html(CowStr::Borrowed(""))];
    }
    drop_empty_paragraphs(&mut out);
    *events = out;
    (ids, outer)
}

/// Take out paragraphs left with nothing in them, and a line break left at a paragraph's
/// start or end by a line of Liquid that writes nothing (`{% raw %}`, an `{% assign %}`
/// the preview resolved; `tag_lines.rs`): Jekyll leaves that line empty, and kramdown
/// writes the paragraph from its next line or to its line before.
fn drop_empty_paragraphs(events: &mut Vec<Event<'_>>) {
    let silent = |event: &Event<'_>| {
        matches!(event, Event::InlineHtml(html)
            if html.starts_with("<span class=\"liquid resolved\"") && html.ends_with("\"></span>"))
    };
    let mut at = 0;
    while at + 1 < events.len() {
        let after_silent = |from: usize| {
            (from..events.len())
                .find(|&j| !silent(&events[j]))
                .map(|j| &events[j])
        };
        let trailing_break = matches!(events[at], Event::SoftBreak)
            && matches!(after_silent(at + 1), Some(Event::End(TagEnd::Paragraph)));
        let leading_break = matches!(events[at], Event::Start(Tag::Paragraph))
            && matches!(after_silent(at + 1), Some(Event::SoftBreak));
        let empty = matches!(events[at], Event::Start(Tag::Paragraph))
            && matches!(events[at + 1], Event::End(TagEnd::Paragraph));
        if trailing_break {
            events.remove(at);
            at = at.saturating_sub(1);
        } else if leading_break {
            let first_break = (at + 1..events.len())
                .find(|&j| !silent(&events[j]))
                .unwrap_or(at + 1);
            events.remove(first_break);
        } else if empty && events.len() > 2 {
            events.drain(at..at + 2);
        } else {
            at += 1;
        }
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
mod html_tests;
#[cfg(test)]
mod ial_tests;
#[cfg(test)]
mod include_tests;
#[cfg(test)]
mod nesting_tests;
#[cfg(test)]
mod site_tests;
#[cfg(test)]
mod tests;
