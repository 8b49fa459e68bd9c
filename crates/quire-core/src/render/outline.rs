//! The post's outline: its headings as the preview shows them, with the ids the preview
//! gives them, read from the rendered blocks (so the outline can never disagree with the
//! preview about an id, its de-duplication or its prefix).

use super::Block;

/// One heading of the rendered body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// 1 to 6.
    pub level: u8,
    /// Its text, tags left out and character references decoded.
    pub text: String,
    /// The `id` the preview gives it (none without automatic ids).
    pub id: Option<String>,
    /// Index of the block holding it.
    pub block: usize,
    /// Which heading of that block it is (0 for the first).
    pub nth: usize,
    /// Byte offset in the body of the start of its block's first line.
    pub start: usize,
}

/// The headings of `blocks`, in order.
pub fn outline(blocks: &[Block]) -> Vec<Heading> {
    let mut out = Vec::new();
    for (index, block) in blocks.iter().enumerate() {
        let mut nth = 0;
        let mut rest = block.html.as_str();
        while let Some((level, attrs, inner, after)) = next_heading(rest) {
            out.push(Heading {
                level,
                text: decode(&strip_tags(inner)).trim().to_string(),
                id: attribute(attrs, "id").map(decode),
                block: index,
                nth,
                start: block.start,
            });
            nth += 1;
            rest = after;
        }
    }
    out
}

/// The heading `<hN ...>...</hN>` found first in `html`: level, attributes, inner HTML,
/// and what follows it.
fn next_heading(html: &str) -> Option<(u8, &str, &str, &str)> {
    let mut from = 0;
    loop {
        let at = from + html[from..].find("<h")?;
        let bytes = html.as_bytes();
        let level = bytes.get(at + 2).copied().unwrap_or(0);
        let after_level = bytes.get(at + 3).copied().unwrap_or(0);
        if (b'1'..=b'6').contains(&level) && (after_level == b'>' || after_level == b' ') {
            let open_end = at + html[at..].find('>')?;
            let attrs = &html[at + 3..open_end];
            let close = format!("</h{}>", level as char);
            let inner_start = open_end + 1;
            let inner_end = inner_start + html[inner_start..].find(&close)?;
            return Some((
                level - b'0',
                attrs,
                &html[inner_start..inner_end],
                &html[inner_end + close.len()..],
            ));
        }
        from = at + 2;
    }
}

/// The value of attribute `name` in a tag's attribute text (double-quoted, as the
/// renderer writes them).
fn attribute<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = attrs.find(&key)? + key.len();
    let end = start + attrs[start..].find('"')?;
    Some(&attrs[start..end])
}

pub(crate) fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// `text` with HTML character references decoded (the named ones the renderer writes,
/// and numeric ones).
pub(crate) fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(semi) = rest[..rest.len().min(12)].find(';') else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..semi];
        let decoded = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            _ => name
                .strip_prefix("#x")
                .or_else(|| name.strip_prefix("#X"))
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{BlockRenderer, Flavour, Settings};

    fn headings(body: &str, flavour: Flavour) -> Vec<Heading> {
        let settings = Settings {
            flavour,
            ..Settings::default()
        };
        outline(BlockRenderer::with_settings(body, settings).blocks())
    }

    #[test]
    fn headings_with_the_previews_ids() {
        let body = "# Intro\n\nText.\n\n## A &amp; B <em>x</em>\n\n## Intro\n\n> ### Quoted\n\nSetext\n------\n\n```\n# not a heading\n```\n";
        let got: Vec<(u8, String, Option<String>, usize)> = headings(body, Flavour::Jekyll)
            .into_iter()
            .map(|h| (h.level, h.text, h.id, h.start))
            .collect();
        assert_eq!(
            got,
            [
                (1, "Intro".into(), Some("intro".into()), 0),
                (
                    2,
                    "A & B x".into(),
                    Some("a--b-x".into()),
                    body.find("## A").unwrap()
                ),
                (
                    2,
                    "Intro".into(),
                    Some("intro-1".into()),
                    body.find("## Intro").unwrap()
                ),
                (
                    3,
                    "Quoted".into(),
                    Some("quoted".into()),
                    body.find("> ###").unwrap()
                ),
                (
                    2,
                    "Setext".into(),
                    Some("setext".into()),
                    body.find("Setext").unwrap()
                ),
            ]
        );
        // Without automatic ids (CommonMark), the same headings, no ids.
        let plain = headings(body, Flavour::CommonMark);
        assert_eq!(plain.len(), 5);
        assert!(plain.iter().all(|h| h.id.is_none()));
    }

    #[test]
    fn an_explicit_id_and_raw_html_headings_count() {
        let body =
            "## Named {#custom}\n\n<h4 id=\"raw\">Raw &#x41;</h4>\n\n<hr>\n<header>not</header>\n";
        let got: Vec<(u8, String, Option<String>)> = headings(body, Flavour::Jekyll)
            .into_iter()
            .map(|h| (h.level, h.text, h.id))
            .collect();
        assert_eq!(
            got,
            [
                (2, "Named".into(), Some("custom".into())),
                (4, "Raw A".into(), Some("raw".into())),
            ]
        );
    }

    #[test]
    fn the_outline_ids_are_the_ids_in_the_html() {
        let body = "# Same\n\n# Same\n\n- # In a list\n\n# Dé jà vu!\n";
        let renderer = BlockRenderer::new(body);
        let html = renderer.html();
        for heading in outline(renderer.blocks()) {
            let id = heading.id.expect("an id");
            assert!(html.contains(&format!(" id=\"{id}\"")), "{id} in {html}");
        }
    }
}
