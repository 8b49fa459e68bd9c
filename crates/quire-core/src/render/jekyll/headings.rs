//! Heading ids as kramdown's GFM parser gives them: a heading's own ` {#id}` (the only
//! heading attribute kramdown reads), else one derived from its text ([`heading_id`]),
//! written as [`ID_MARK`] until the ids of the whole body are known and numbered.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};
use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};

use super::ID_MARK;

/// The id kramdown's GFM parser gives a heading with this text (before de-duplication).
pub fn heading_id(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .filter(|&c| c == '-' || c == ' ' || c == '\t' || is_word(c))
        .map(|c| if c == ' ' || c == '\t' { '-' } else { c })
        .collect()
}

/// The id kramdown's converter gives a heading with this text (before de-duplication),
/// as it does for a heading in block HTML read as Markdown: leading characters up to an
/// ASCII letter dropped, then all but ASCII letters, digits, spaces and `-`; spaces as
/// `-`, lower case; `section` when nothing is left.
pub fn converter_heading_id(text: &str) -> String {
    let from = text
        .find(|c: char| c.is_ascii_alphabetic())
        .unwrap_or(text.len());
    let id: String = text[from..]
        .chars()
        .filter(|&c| c.is_ascii_alphanumeric() || c == ' ' || c == '-')
        .map(|c| {
            if c == ' ' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    if id.is_empty() {
        "section".to_string()
    } else {
        id
    }
}

/// Onigmo's `\p{Word}`: alphabetic characters (letters, letter numbers and the symbols
/// Unicode counts as alphabetic, `Ⓜ`), marks, decimal digits, connector punctuation.
fn is_word(c: char) -> bool {
    c.is_alphabetic()
        || c.general_category_group() == GeneralCategoryGroup::Mark
        || matches!(
            c.general_category(),
            unicode_properties::GeneralCategory::DecimalNumber
                | unicode_properties::GeneralCategory::ConnectorPunctuation
        )
}

/// A heading's text ending in ` {#id}` (after its white space; the id a letter then letters, digits, `_`, `:` or
/// `-`) has that id, the only heading attribute kramdown reads there: `{#id .class}` and
/// `{: #id}` at the end of the line stay text, and its id is made from all of it (the
/// parser's own heading attributes, which take both, are off).
pub(super) fn explicit_heading_ids(events: &mut [Event<'_>]) {
    let mut open: Option<usize> = None;
    for i in 0..events.len() {
        match &events[i] {
            Event::Start(Tag::Heading { id: None, .. }) => open = Some(i),
            Event::End(TagEnd::Heading(_)) => {
                let Some(start) = open.take() else { continue };
                if i == start + 1 {
                    continue;
                }
                // kramdown strips the white space at a heading's end (CommonMark's parser
                // keeps a tab there).
                if let Event::Text(text) = &mut events[i - 1] {
                    if text.ends_with([' ', '\t']) {
                        *text = CowStr::from(text.trim_end_matches([' ', '\t']).to_string());
                    }
                }
                let Event::Text(text) = &events[i - 1] else {
                    continue;
                };
                let Some((before, id)) = text
                    .strip_suffix('}')
                    .and_then(|t| t.rsplit_once("{#"))
                    .filter(|(before, _)| before.ends_with([' ', '\t']))
                else {
                    continue;
                };
                let valid = id.starts_with(|c: char| c.is_ascii_alphabetic())
                    && id
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | ':' | '-'));
                if !valid {
                    continue;
                }
                let (before, id) = (before.trim_end().to_string(), id.to_string());
                events[i - 1] = Event::Text(CowStr::from(before));
                if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[start] {
                    *slot = Some(CowStr::from(id));
                }
            }
            _ => {}
        }
    }
}

/// Give each heading without an id the mark, and return the ids kramdown would derive.
pub(super) fn heading_ids(
    events: &mut [Event<'_>],
    prefix: &str,
    vars: &crate::render::liquid::SiteVars,
) -> Vec<String> {
    mark_heading_ids(events, |inside, before| {
        let mut text = String::new();
        for (k, event) in inside.iter().enumerate() {
            let previous = if k == 0 { before } else { inside.get(k - 1) };
            match event {
                // A span attribute list after a link, an image or a span is the
                // element's, not text (`[a](/x){: target="_blank"}`).
                Event::Text(t) => match super::span_ial::span_ial_after(previous, t, None) {
                    Some((_, rest)) => {
                        text.push_str(&super::liquid_text::resolved_text(rest, vars))
                    }
                    None => text.push_str(&super::liquid_text::resolved_text(t, vars)),
                },
                Event::Code(t) => text.push_str(t),
                // Raw span content's text (`raw_spans.rs`), its references left out
                // (the characters they stand for are not word characters).
                Event::InlineHtml(t) if !t.starts_with('<') => {
                    let resolved = super::liquid_text::resolved_text(t, vars);
                    text.push_str(&without_references(&resolved));
                }
                _ => {}
            }
        }
        let id = if super::markdown_attr::inside_html() {
            converter_heading_id(&text)
        } else {
            heading_id(&text)
        };
        format!("{prefix}{id}")
    })
}

/// Give each heading of `events` without an id [`ID_MARK`], and return the ids `id`
/// derives from each one's inner events (and the heading's own start event, which comes
/// before them), in order.
pub(crate) fn mark_heading_ids<'a>(
    events: &mut [Event<'a>],
    mut id: impl FnMut(&[Event<'a>], Option<&Event<'a>>) -> String,
) -> Vec<String> {
    let mut ids = Vec::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { id: None, .. }) = &events[i] {
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                j += 1;
            }
            ids.push(id(&events[i + 1..j], events.get(i)));
            if let Event::Start(Tag::Heading { id, .. }) = &mut events[i] {
                *id = Some(CowStr::from(ID_MARK.to_string()));
            }
            i = j;
        }
        i += 1;
    }
    ids
}

/// `text` without its character references (`&amp;`, `&#8212;`).
fn without_references(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while let Some(amp) = text[at..].find('&').map(|i| at + i) {
        out.push_str(&text[at..amp]);
        at = match super::html_tags::reference_len(&text[amp..]) {
            Some(len) => amp + len,
            None => {
                out.push('&');
                amp + 1
            }
        };
    }
    out.push_str(&text[at..]);
    out
}
