//! kramdown's `markdown="1"` on an HTML block (`<div class="note" markdown="1">`): the
//! element's content is Markdown, rendered as such, and the attribute is not written.
//! (`markdown="span"` renders the content as one line of text; `"0"` leaves it raw.)
//! CommonMark keeps an HTML block raw until a blank line, so without this the Markdown in
//! such a block would show as written.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::super::Settings;
use super::html_blocks::markdown_off;

/// If the block is raw HTML whose first element asks for Markdown content (or, with
/// `parse_block_html`, does not say otherwise) and closes at its end, render it so;
/// whether it did. With `parse_block_html`, a block of raw elements and Markdown (as
/// `html_blocks.rs` cuts it) has each element rendered so, and the rest is left for the
/// block's transform (`false`).
pub(crate) fn markdown_in_html(
    events: &mut Vec<Event<'_>>,
    settings: &Settings,
    parse_block_html: bool,
    in_raw: bool,
) -> bool {
    // (The parser gives an HTML block's indentation as text.)
    let raw = |e: &Event<'_>| {
        matches!(
            e,
            Event::Html(_) | Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock)
        ) || matches!(e, Event::Text(t) if t.trim().is_empty())
    };
    if events.is_empty() {
        return false;
    }
    if !events.iter().all(raw) {
        elements_in_mixed_block(events, settings, parse_block_html);
        return false;
    }
    let html: String = events
        .iter()
        .map(|e| match e {
            Event::Html(h) | Event::Text(h) => h.as_ref(),
            _ => "",
        })
        .collect();
    // Jekyll runs Liquid first: the element's own HTML (`{{ t.title }}` in a header) and
    // the Markdown in it, as they stand in the post (`{% raw %}` stretches kept, their
    // tags too, for the Markdown's own rendering to read).
    let html = if html.contains('{') {
        let mut raw = in_raw;
        super::liquid_text::liquid_html_outside_raw(
            CowStr::from(html),
            &settings.site,
            &mut raw,
            true,
        )
        .to_string()
    } else {
        html
    };
    // Several elements one after another (`<div markdown="0">...</div>` then `<div>`
    // holding Markdown; `</div>` then `<div markdown="1">`; no blank line between): each
    // read on its own, as kramdown reads block HTML element by element.
    let pieces = super::html_blocks::kramdown_pieces(&html);
    let elements = if pieces.len() > 1
        && pieces
            .iter()
            .all(|p| p.raw || html[p.range.clone()].trim().is_empty())
    {
        Some(
            pieces
                .into_iter()
                .filter(|p| p.raw)
                .map(|p| p.range)
                .collect(),
        )
    } else {
        super::html_blocks::sibling_elements(&html)
    };
    if let Some(elements) = elements {
        // Nothing to write otherwise: the block stays as it is.
        let Some((written, rendered)) = each_element(&html, elements, settings, parse_block_html)
        else {
            return false;
        };
        *events = vec![Event::Html(CowStr::from(written))];
        return rendered;
    }
    let Some((element, rendered)) = element(&html, settings, parse_block_html) else {
        return false;
    };
    *events = vec![Event::Html(CowStr::from(element))];
    rendered
}

/// `html` with each of its `elements` (ranges of it) written as kramdown writes it
/// ([`element`]), and whether Markdown was rendered; `None` when none is written
/// otherwise. (A function of its own: its locals are not on the stack of each level of
/// elements rendered inside each other.)
#[inline(never)]
fn each_element(
    html: &str,
    elements: Vec<core::ops::Range<usize>>,
    settings: &Settings,
    parse_block_html: bool,
) -> Option<(String, bool)> {
    let mut out = String::with_capacity(html.len());
    let (mut rendered, mut changed) = (false, false);
    let mut done = 0;
    for range in elements {
        let Some((written, markdown)) = element(&html[range.clone()], settings, parse_block_html)
        else {
            continue;
        };
        out.push_str(&html[done..range.start]);
        out.push_str(written.trim_end_matches('\n'));
        done = range.end;
        if !html[done..].starts_with('\n') {
            out.push('\n');
        }
        rendered |= markdown;
        changed = true;
    }
    out.push_str(&html[done..]);
    changed.then_some((out, rendered))
}

/// One element's HTML (`html`) as kramdown writes it: with `markdown="0"` raw, written
/// without the attribute (`false`), else its Markdown content rendered (`true`); `None`
/// when it stays as written.
fn element(html: &str, settings: &Settings, parse_block_html: bool) -> Option<(String, bool)> {
    if let Some(off) = markdown_off(html) {
        return Some((off, false));
    }
    render(html, settings, parse_block_html)
        .or_else(|| nested(html, settings, parse_block_html))
        .map(|rendered| (rendered, true))
}

/// Each element standing as a block's own event (not inside an HTML block of
/// CommonMark's): with `markdown="0"` written without it, else with `markdown="1"` or
/// `parse_block_html` rendered with its content as Markdown.
fn elements_in_mixed_block(events: &mut [Event<'_>], settings: &Settings, parse_block_html: bool) {
    let mut depth = 0usize;
    for event in events.iter_mut() {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Html(html) if depth == 0 => {
                let rendered =
                    markdown_off(html).or_else(|| render(html, settings, parse_block_html));
                if let Some(rendered) = rendered {
                    *event = Event::Html(CowStr::from(rendered));
                }
            }
            _ => {}
        }
    }
}

/// How deep elements of Markdown content are rendered inside each other; deeper ones stay
/// raw (each level renders its content again: a post of hundreds nested would overflow
/// the stack, 1 MB in WebAssembly). Twelve leaves room on that stack in a debug build too
/// (sixteen came within a few kilobytes of it); real posts nest two or three.
const DEEPEST: usize = 12;

std::thread_local! {
    /// How many elements of Markdown content are being rendered around this one.
    static DEPTH: core::cell::Cell<usize> = const { core::cell::Cell::new(0) };
}

/// Whether the content of an element read as Markdown is being rendered: its headings get
/// the ids kramdown's converter makes, as its GFM parser gives none inside HTML.
pub(super) fn inside_html() -> bool {
    DEPTH.with(|d| d.get()) > 0
}

/// `render` one level deeper, unless [`DEEPEST`] levels are open already.
fn deeper(render: impl FnOnce() -> String) -> Option<String> {
    let depth = DEPTH.with(|d| d.get());
    if depth >= DEEPEST {
        return None;
    }
    DEPTH.with(|d| d.set(depth + 1));
    let out = render();
    DEPTH.with(|d| d.set(depth));
    Some(out)
}

/// The block with its content rendered, when its opening tag has `markdown="1"`,
/// `"block"` or `"span"` and its closing tag ends it.
fn render(html: &str, settings: &Settings, parse_block_html: bool) -> Option<String> {
    let trimmed = html.trim_start();
    let rest = trimmed.strip_prefix('<')?;
    let name_len = rest
        .find(|c: char| !c.is_ascii_alphanumeric())
        .filter(|&n| n > 0)?;
    let name = &rest[..name_len];
    let open_end = rest.find('>')? + 1;
    let attributes = &rest[name_len..open_end - 1];
    let (kept, mode) = without_markdown_attribute(attributes, name, parse_block_html)?;
    // What the content holds is read the same way (`parse_block_html` goes on inside).
    let owned;
    let settings = if parse_block_html && !settings.site.markdown.parse_block_html {
        let mut on = settings.clone();
        on.site.markdown.parse_block_html = true;
        owned = on;
        &owned
    } else {
        settings
    };
    let close = format!("</{name}>");
    let body = rest[open_end..].trim_end();
    let inner = body.strip_suffix(close.as_str())?;
    let content = match mode {
        Mode::Block => deeper(|| super::super::render_body(inner.trim_matches('\n'), settings))?,
        // An element kramdown keeps raw (a table, a list): its content as written.
        Mode::Raw => inner.to_string(),
        Mode::Span => {
            // Read as a line of text: no block opens it (`- @lord`, `1. x`, `# x` are text).
            let text = inner.trim();
            let mut paragraph = deeper(|| super::super::render_body(text, settings))?;
            if !paragraph.starts_with("<p>") && text.starts_with(|c: char| c.is_ascii_punctuation())
            {
                let escaped = format!("\\{text}");
                paragraph = deeper(|| super::super::render_body(&escaped, settings))?;
            }
            let text = paragraph.trim_end();
            let text = text.strip_prefix("<p>").unwrap_or(text);
            let text = text.strip_suffix("</p>").unwrap_or(text);
            // The white space around the text is kramdown's text too (its line breaks
            // and the closing tag's indentation).
            let lead = &inner[..inner.len() - inner.trim_start().len()];
            let trail = &inner[inner.trim_end().len()..];
            if inner.trim().is_empty() {
                inner.to_string()
            } else {
                format!("{lead}{text}{trail}")
            }
        }
    };
    let content = if mode == Mode::Block {
        format!("\n{content}")
    } else {
        content
    };
    // The tags as kramdown writes them (attributes in double quotes, the name in lowercase).
    let open = format!("<{name}{kept}>");
    let open = super::html_tags::start_tag(&open).unwrap_or(open);
    let name = super::html_tags::element_name(name);
    Some(format!("{open}{content}</{name}>\n"))
}

/// How the content is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Block,
    Span,
    Raw,
}

/// kramdown's elements whose content is blocks (`HTML_CONTENT_MODEL_BLOCK`); the content
/// of an element on neither list (a table, its rows, a list) stays raw, also with
/// `markdown="1"` or `parse_block_html`.
const BLOCK_CONTENT: &[&str] = &[
    "address",
    "applet",
    "article",
    "aside",
    "blockquote",
    "body",
    "dd",
    "details",
    "div",
    "dl",
    "fieldset",
    "figure",
    "figcaption",
    "footer",
    "form",
    "header",
    "hgroup",
    "iframe",
    "li",
    "main",
    "map",
    "menu",
    "nav",
    "noscript",
    "object",
    "section",
    "summary",
    "td",
];

/// kramdown's elements whose content is text (`markdown="1"` reads it as a line of text).
pub(super) const SPAN_CONTENT: &[&str] = &[
    "a", "abbr", "acronym", "b", "bdo", "big", "button", "cite", "caption", "del", "dfn", "dt",
    "em", "h1", "h2", "h3", "h4", "h5", "h6", "i", "ins", "label", "legend", "optgroup", "p", "q",
    "rb", "rbc", "rp", "rt", "rtc", "ruby", "select", "small", "span", "strong", "sub", "sup",
    "th", "tt",
];

/// kramdown's elements whose content stays raw whatever `markdown` says.
const RAW_CONTENT: &[&str] = &[
    "script", "style", "math", "option", "textarea", "pre", "code", "kbd", "samp", "var",
];

/// The elements with `markdown="1"` (or `"block"`, `"span"`) inside the raw block `html`,
/// each rendered (kramdown reads the HTML around them and their Markdown); `None` when
/// there is none.
fn nested(html: &str, settings: &Settings, parse_block_html: bool) -> Option<String> {
    // Nothing renders deeper than [`DEEPEST`]: no element is looked for.
    if !html.contains(" markdown=") || DEPTH.with(|d| d.get()) >= DEEPEST {
        return None;
    }
    let mut out = String::with_capacity(html.len());
    let lower_html = html.to_ascii_lowercase();
    let mut rest = html;
    let mut changed = false;
    while let Some(at) = rest.find(" markdown=") {
        // Inside a comment: as written, to the comment's end.
        if let Some(comment) = rest[..at].rfind("<!--") {
            if !rest[comment..at].contains("-->") {
                let end = rest[at..].find("-->").map_or(rest.len(), |i| at + i + 3);
                out.push_str(&rest[..end]);
                rest = &rest[end..];
                continue;
            }
        }
        // The opening tag holding it.
        let Some(open) = rest[..at]
            .rfind('<')
            .filter(|&o| !rest[o..at].contains('>'))
        else {
            out.push_str(&rest[..at + 1]);
            rest = &rest[at + 1..];
            continue;
        };
        let name: String = rest[open + 1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let lower = &lower_html[html.len() - rest.len()..];
        let end = (!name.is_empty())
            .then(|| element_end(lower, open, &name.to_ascii_lowercase()))
            .flatten();
        let rendered =
            end.and_then(|end| Some((end, render(&rest[open..end], settings, parse_block_html)?)));
        match rendered {
            Some((end, element)) => {
                out.push_str(&rest[..open]);
                out.push_str(element.trim_end_matches('\n'));
                rest = &rest[end..];
                changed = true;
            }
            None => {
                out.push_str(&rest[..at + 1]);
                rest = &rest[at + 1..];
            }
        }
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// How far after an opening tag its closing tag is looked for.
const FARTHEST: usize = 64 * 1024;

/// The end of the closing tag matching the `name` element opening at `open` in `lower`
/// (HTML in lowercase), within [`FARTHEST`].
fn element_end(lower: &str, open: usize, name: &str) -> Option<usize> {
    let mut limit = (open + FARTHEST).min(lower.len());
    while !lower.is_char_boundary(limit) {
        limit -= 1;
    }
    let lower = &lower[..limit];
    let (opening, closing) = (format!("<{name}"), format!("</{name}>"));
    let mut depth = 0usize;
    // One pass over the tags after `open` (a post of many nested elements costs the
    // length of the text, not its square).
    for (at, _) in lower[open..].match_indices('<') {
        let tag = &lower[open + at..];
        if tag.starts_with(&closing) {
            depth = depth.checked_sub(1)?;
            if depth == 0 {
                return Some(open + at + closing.len());
            }
        } else if tag.starts_with(&opening)
            && matches!(
                tag.as_bytes().get(opening.len()),
                Some(b' ' | b'>' | b'\t' | b'\n' | b'/')
            )
        {
            depth += 1;
        }
    }
    None
}

/// The attributes without `markdown=...`, and what it asked for for element `name` (none
/// for `"0"`, no such attribute without `parse_block_html`, or an element whose content
/// kramdown keeps raw).
fn without_markdown_attribute(
    attributes: &str,
    name: &str,
    parse_block_html: bool,
) -> Option<(String, Mode)> {
    let name = name.to_ascii_lowercase();
    if RAW_CONTENT.contains(&name.as_str()) {
        return None;
    }
    let by_element = || {
        if SPAN_CONTENT.contains(&name.as_str()) {
            Mode::Span
        } else if BLOCK_CONTENT.contains(&name.as_str()) {
            Mode::Block
        } else {
            Mode::Raw
        }
    };
    let Some(at) = attributes.find(" markdown=") else {
        return parse_block_html.then(|| (attributes.trim_end().to_string(), by_element()));
    };
    let value_start = at + " markdown=".len();
    let value = &attributes[value_start..];
    let (word, len) = match value.chars().next()? {
        q @ ('"' | '\'') => {
            let end = value[1..].find(q)?;
            (&value[1..1 + end], end + 2)
        }
        _ => {
            let end = value
                .find(|c: char| c.is_whitespace() || c == '/')
                .unwrap_or(value.len());
            (&value[..end], end)
        }
    };
    let mode = match word {
        "1" => by_element(),
        "block" => Mode::Block,
        "span" => Mode::Span,
        _ => return None,
    };
    let kept = format!("{}{}", &attributes[..at], &attributes[value_start + len..]);
    Some((kept.trim_end().to_string(), mode))
}

#[cfg(test)]
mod tests;
