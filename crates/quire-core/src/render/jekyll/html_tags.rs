//! HTML tags as kramdown reads and writes them (its HTML parser, `parser/html.rb`, and the
//! converter's `html_attributes`): kramdown does not pass a post's HTML through, it parses
//! each tag and writes it again. A tag it reads is written with its attributes in double
//! quotes (`class='a'` becomes `class="a"`, `hidden` becomes `hidden=""`, an empty `id`
//! is left out), the names of HTML's own elements and their attributes in lowercase, and a
//! void element closed with ` />`. What its pattern does not read as a tag is text, shown
//! as written: an unquoted value that is not one word (`<img src=a.png>`), a block
//! element's tag inside a paragraph (`<div>`, `<p>`, `<iframe>`), a closing tag in a
//! paragraph that closes nothing open. Text between tags in block HTML is escaped (`&` that starts no
//! entity, `<`, `>`); a `<script>` or `<style>` element's content is kept as written.
//!
//! Block HTML whose elements do not all close inside it (kramdown would read the rest of
//! the post into the element left open) or with a closing tag that closes nothing at its
//! top (as HTML made around a block's Markdown has) is left as CommonMark reads it; inside
//! an element none of whose name is open, such a tag is text, as kramdown writes it.
//!
//! Span HTML, tag by tag within a paragraph, is `span.rs`.

use pulldown_cmark::{CowStr, Event};

use super::super::liquid::SiteVars;
use super::liquid_text::{liquid_html_outside_raw, raw_after};
use super::marker;

use super::html_blocks::{SPAN_ELEMENTS, VOID_ELEMENTS as VOID};

mod span;
use span::{ends_span_text, SpanHtml};
pub(crate) use span::{
    escape_text, raw_span_open, span_element_open, span_tag_len, tag_of, unread_tag,
};

/// Block elements: their tags inside a paragraph are text (`HTML_BLOCK_ELEMENTS`).
#[rustfmt::skip]
const BLOCK: &[&str] = &[
    "address", "article", "aside", "applet", "body", "blockquote", "caption", "col", "colgroup",
    "dd", "div", "dl", "dt", "fieldset", "figcaption", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hgroup", "hr", "html", "head", "iframe", "legend", "menu", "li",
    "main", "map", "nav", "ol", "optgroup", "p", "pre", "section", "summary", "table", "tbody",
    "td", "th", "thead", "tfoot", "tr", "ul",
];

/// The elements kramdown knows besides its span, block and void ones (the rest of its
/// `HTML_CONTENT_MODEL`'s names).
const OTHER_KNOWN: &[&str] = &[
    "details", "figure", "noscript", "object", "script", "style", "math", "textarea",
];

/// Whether kramdown knows the element `lower` (`HTML_ELEMENT`: its name and its
/// attributes' names are then written in lowercase).
fn known(lower: &str) -> bool {
    [SPAN_ELEMENTS, BLOCK, VOID, OTHER_KNOWN]
        .iter()
        .any(|names| names.contains(&lower))
}

/// A tag kramdown's pattern reads.
#[derive(Debug, PartialEq, Eq)]
enum Tag {
    /// A start tag: the element's name as written, its attributes (name, value), whether it
    /// ends with `/>`.
    Start {
        name: String,
        attrs: Vec<(String, String)>,
        closed: bool,
    },
    /// A closing tag, with the element's name as written.
    Close(String),
}

/// Ruby's `\s`.
fn space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{b}' | '\u{c}')
}

/// The length of the XML name at the start of `s` (REXML's `UNAME_STR`: a name, an
/// optional `:` and a second one), 0 when there is none.
fn name_len(s: &str) -> usize {
    let part = |s: &str| -> usize {
        let mut chars = s.char_indices();
        match chars.next() {
            Some((_, c)) if c.is_alphabetic() || c == '_' => {}
            _ => return 0,
        }
        chars
            .find(|&(_, c)| !(c.is_alphanumeric() || matches!(c, '-' | '.' | '_')))
            .map_or(s.len(), |(i, _)| i)
    };
    let first = part(s);
    if first == 0 {
        return 0;
    }
    match s[first..].strip_prefix(':').map(part) {
        Some(second) if second > 0 => first + 1 + second,
        _ => first,
    }
}

/// Ruby's `\p{Word}`: letters, marks, digits, connector punctuation.
fn word(c: char) -> bool {
    c.is_alphanumeric()
        || c == '_'
        || unicode_properties::UnicodeGeneralCategory::general_category_group(c)
            == unicode_properties::GeneralCategoryGroup::Mark
}

/// The tag at the start of `s` as kramdown's `HTML_TAG_RE` or `HTML_TAG_CLOSE_RE` reads it,
/// and its length.
fn tag_at(s: &str) -> Option<(Tag, usize)> {
    let rest = s.strip_prefix('<')?;
    if let Some(after) = rest.strip_prefix('/') {
        let len = name_len(after);
        if len == 0 {
            return None;
        }
        let tail = after[len..].trim_start_matches(space);
        tail.strip_prefix('>')?;
        let end = s.len() - tail.len() + 1;
        return Some((Tag::Close(after[..len].to_string()), end));
    }
    let len = name_len(rest);
    if len == 0 {
        return None;
    }
    let name = rest[..len].to_string();
    let mut at = 1 + len;
    let mut attrs = Vec::new();
    loop {
        // `\s+` then a name: another attribute.
        let gap = s[at..].len() - s[at..].trim_start_matches(space).len();
        let attr_len = name_len(&s[at + gap..]);
        if gap == 0 || attr_len == 0 {
            break;
        }
        let attr_at = at + gap;
        let attr = s[attr_at..attr_at + attr_len].to_string();
        at = attr_at + attr_len;
        // `\s*=\s*` then a word or a quoted value; without it, no value.
        let before_eq = s[at..].trim_start_matches(space);
        let Some(value_part) = before_eq.strip_prefix('=') else {
            attrs.push((attr, String::new()));
            continue;
        };
        let value_part = value_part.trim_start_matches(space);
        let value_at = s.len() - value_part.len();
        let (value, end) = match value_part.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let close = value_part[1..].find(q)?;
                (value_part[1..1 + close].to_string(), value_at + close + 2)
            }
            Some(c) if word(c) => {
                let len = value_part
                    .char_indices()
                    .find(|&(_, c)| !word(c))
                    .map_or(value_part.len(), |(i, _)| i);
                (value_part[..len].to_string(), value_at + len)
            }
            // `=` with no value the pattern reads: the attribute ends before it, and the
            // tag cannot end there.
            _ => return None,
        };
        attrs.push((attr, value));
        at = end;
    }
    let tail = s[at..].trim_start_matches(space);
    let (closed, tail) = match tail.strip_prefix('/') {
        Some(t) => (true, t),
        None => (false, tail),
    };
    tail.strip_prefix('>')?;
    let end = s.len() - tail.len() + 1;
    Some((
        Tag::Start {
            name,
            attrs,
            closed,
        },
        end,
    ))
}

/// The length of the entity reference at the start of `s` (REXML's `REFERENCE_RE`), if
/// there is one.
pub(crate) fn reference_len(s: &str) -> Option<usize> {
    let rest = s.strip_prefix('&')?;
    let body = if let Some(hex) = rest.strip_prefix("#x") {
        let n = hex
            .find(|c: char| !c.is_ascii_hexdigit())
            .unwrap_or(hex.len());
        (n > 0).then_some(2 + n)?
    } else if let Some(dec) = rest.strip_prefix('#') {
        let n = dec.find(|c: char| !c.is_ascii_digit()).unwrap_or(dec.len());
        (n > 0).then_some(1 + n)?
    } else {
        let mut chars = rest.char_indices();
        match chars.next() {
            Some((_, c)) if c.is_alphabetic() || c == '_' || c == ':' => {}
            _ => return None,
        }
        chars
            .find(|&(_, c)| !(c.is_alphanumeric() || matches!(c, '-' | '.' | '_' | ':')))
            .map_or(rest.len(), |(i, _)| i)
    };
    rest[body..].starts_with(';').then_some(1 + body + 1)
}

/// `text` escaped as kramdown escapes text (`:text`) or an attribute value (`quote`):
/// `<`, `>`, `&` that starts no entity, and `"` in a value.
fn escape(text: &str, quote: bool, out: &mut String) {
    let mut at = 0;
    for (i, c) in text.char_indices() {
        if i < at {
            continue;
        }
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if quote => out.push_str("&quot;"),
            '&' => match reference_len(&text[i..]) {
                Some(len) => {
                    out.push_str(&text[i..i + len]);
                    at = i + len;
                }
                None => out.push_str("&amp;"),
            },
            c => out.push(c),
        }
    }
}

/// A start tag as kramdown writes it; `span` joins lines in values (span HTML).
fn write_start(name: &str, attrs: &[(String, String)], span: bool, out: &mut String) {
    let lower = name.to_ascii_lowercase();
    let is_known = known(&lower);
    out.push('<');
    out.push_str(if is_known { &lower } else { name });
    // A repeated attribute keeps its first place and its last value.
    let mut kept: Vec<(String, &str)> = Vec::new();
    for (attr, value) in attrs {
        let attr = if is_known {
            attr.to_ascii_lowercase()
        } else {
            attr.clone()
        };
        match kept.iter_mut().find(|(a, _)| *a == attr) {
            Some(slot) => slot.1 = value,
            None => kept.push((attr, value)),
        }
    }
    for (attr, value) in kept {
        if attr == "id" && value.trim().is_empty() {
            continue;
        }
        out.push(' ');
        out.push_str(&attr);
        out.push_str("=\"");
        if span && value.contains('\n') {
            let joined: Vec<&str> = value.split('\n').filter(|p| !p.is_empty()).collect();
            let mut value = joined.join(" ");
            if value.is_empty() {
                value.push(' ');
            }
            escape(&value, true, out);
        } else {
            escape(value, true, out);
        }
        out.push('"');
    }
}

/// The element name as kramdown keeps it: lowercase when HTML knows it.
pub(crate) fn element_name(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    if known(&lower) {
        lower
    } else {
        name.to_string()
    }
}

/// Block HTML (one element or more, as a raw piece or a CommonMark HTML block holds it)
/// written as kramdown writes it, or `None` when an element does not close inside it, a
/// closing tag at its top or before an outer element's closes no element open, a
/// `<script>` or `<style>` has no closing tag, or it holds what kramdown's HTML parser
/// would not stop at (a declaration, an unclosed comment).
pub(crate) fn block_html(html: &str) -> Option<String> {
    let trimmed = html.trim_start_matches(' ');
    if !trimmed.starts_with('<') {
        return None;
    }
    let mut out = String::with_capacity(html.len() + 16);
    let mut open: Vec<String> = Vec::new();
    let mut at = 0;
    let s = trimmed;
    while at < s.len() {
        let Some(next) = s[at..].find(['<', '>', '&']).map(|i| at + i) else {
            out.push_str(&s[at..]);
            break;
        };
        out.push_str(&s[at..next]);
        at = next;
        let rest = &s[at..];
        if !rest.starts_with('<') {
            // `&`, `>`: one byte each; an entity as written.
            let len = reference_len(rest).unwrap_or(1);
            escape(&rest[..len], false, &mut out);
            at += len;
            continue;
        }
        if rest.starts_with("<!--") {
            let end = rest.find("-->")? + 3;
            out.push_str(&rest[..end]);
            at += end;
            continue;
        }
        if rest.starts_with("<?") {
            let end = rest.find("?>")? + 2;
            out.push_str(&rest[..end]);
            at += end;
            continue;
        }
        if rest.starts_with("<!") {
            return None;
        }
        match tag_at(rest) {
            Some((Tag::Close(name), len)) => {
                let name = element_name(&name);
                // kramdown writes a closing tag that closes nothing as text: so here, inside
                // an element that no open one of its name is around (a stray `</a>` in a
                // caption). At the block's top, or closing an outer element first, it is
                // more likely a piece of HTML made around the block's Markdown (a table,
                // a code block), left as it is.
                if open.last() != Some(&name) {
                    if open.is_empty() || open.contains(&name) {
                        return None;
                    }
                    escape(&rest[..len], false, &mut out);
                    at += len;
                    continue;
                }
                open.pop();
                out.push_str("</");
                out.push_str(&name);
                out.push('>');
                at += len;
            }
            Some((
                Tag::Start {
                    name,
                    attrs,
                    closed,
                },
                len,
            )) => {
                let name = element_name(&name);
                write_start(&name, &attrs, false, &mut out);
                at += len;
                if name == "script" || name == "style" {
                    // Its content as written, to its closing tag.
                    let close = closing_tag(&s[at..], &name)?;
                    out.push('>');
                    out.push_str(&s[at..at + close.0]);
                    out.push_str("</");
                    out.push_str(&name);
                    out.push('>');
                    at += close.1;
                } else if closed || VOID.contains(&name.as_str()) {
                    out.push_str(" />");
                } else {
                    out.push('>');
                    open.push(name);
                }
            }
            None => {
                out.push_str("&lt;");
                at += 1;
            }
        }
    }
    open.is_empty().then_some(out)
}

/// The start tag `tag` (`<name attributes>`, all of it) as kramdown writes a block
/// element's, or `None` when its pattern does not read it.
pub(crate) fn start_tag(tag: &str) -> Option<String> {
    match tag_at(tag)? {
        (Tag::Start { name, attrs, .. }, len) if len == tag.len() => {
            let mut out = String::with_capacity(tag.len() + 8);
            write_start(&element_name(&name), &attrs, false, &mut out);
            out.push('>');
            Some(out)
        }
        _ => None,
    }
}

/// Where `</name>` (any case, spaces before `>`) starts in `s` and where it ends.
fn closing_tag(s: &str, name: &str) -> Option<(usize, usize)> {
    let lower = s.to_ascii_lowercase();
    let needle = format!("</{name}");
    let mut from = 0;
    while let Some(i) = lower[from..].find(&needle).map(|i| from + i) {
        let tail = s[i + needle.len()..].trim_start_matches(space);
        if tail.starts_with('>') {
            return Some((i, s.len() - tail.len() + 1));
        }
        from = i + needle.len();
    }
    None
}

/// The block and span HTML of a block's events as kramdown writes it,
/// Liquid in it resolved first (outside `{% raw %}`; `raw`: the block starts inside one);
/// excerpt markers are left to the flavour's `marker`.
pub(super) fn kramdown_html(events: &mut Vec<Event<'_>>, vars: &SiteVars, mut raw: bool) {
    if !events
        .iter()
        .any(|e| matches!(e, Event::Html(_) | Event::InlineHtml(_)))
    {
        return;
    }
    let mut out = Vec::with_capacity(events.len());
    let mut spans = SpanHtml::default();
    let mut run: Vec<CowStr<'_>> = Vec::new();
    for event in events.drain(..) {
        if let Event::Html(html) = event {
            // A nested attribute list's mark (`nested_ials.rs`) stays as it is.
            if html.starts_with(super::nested_ials::NESTED_IAL_MARK) {
                block_html_run(&mut run, &mut out, vars, &mut raw);
                out.push(Event::Html(html));
                continue;
            }
            run.push(html);
            continue;
        }
        block_html_run(&mut run, &mut out, vars, &mut raw);
        match event {
            Event::InlineHtml(html) if marker(&html, false).is_none() => {
                out.push(spans.tag(liquid_html_outside_raw(html, vars, &mut raw, true)))
            }
            Event::Text(ref text) | Event::Code(ref text) => {
                raw = raw_after(text, raw);
                out.push(event);
            }
            Event::End(end) if ends_span_text(&end) => {
                spans.close(&mut out);
                out.push(Event::End(end));
            }
            other => out.push(other),
        }
    }
    block_html_run(&mut run, &mut out, vars, &mut raw);
    spans.close_after_blocks(&mut out);
    *events = out;
}

/// One run of block HTML events written as kramdown writes it, or left as it is (an
/// element left open, an excerpt marker among them).
fn block_html_run<'a>(
    run: &mut Vec<CowStr<'a>>,
    out: &mut Vec<Event<'a>>,
    vars: &SiteVars,
    raw: &mut bool,
) {
    if run.is_empty() {
        return;
    }
    let written = if run.iter().any(|html| marker(html, true).is_some()) {
        *raw = run.iter().fold(*raw, |raw, html| raw_after(html, raw));
        None
    } else {
        // Liquid read across the run (a capture on one line, its output on the next).
        let joined: String = run.iter().map(|html| html.as_ref()).collect();
        block_html(&liquid_html_outside_raw(
            CowStr::from(joined),
            vars,
            raw,
            true,
        ))
    };
    match written {
        Some(html) => {
            run.clear();
            out.push(Event::Html(CowStr::from(html)));
        }
        None => out.extend(run.drain(..).map(Event::Html)),
    }
}

#[cfg(test)]
mod tests;
