//! kramdown's table of contents (`* TOC` with `{:toc}`): which block asks for it, and the
//! list it becomes once the headings of the whole body are known.

use pulldown_cmark::{Event, Tag, TagEnd};

use super::{parse_ial, Ial};

/// Whether the block is kramdown's table-of-contents list (`* TOC` with `{:toc}` under it,
/// or on the line after it); `Some((ordered, the list's attribute lists together))` when
/// it is.
pub(super) fn toc_list(events: &[Event<'_>], ial: Option<&Ial>) -> Option<(bool, Ial)> {
    let Some(Event::Start(Tag::List(first))) = events.first() else {
        return None;
    };
    let mut text = String::new();
    for event in events {
        match event {
            Event::Text(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push('\n'),
            Event::Start(Tag::List(_) | Tag::Item | Tag::Paragraph)
            | Event::End(TagEnd::List(_) | TagEnd::Item | TagEnd::Paragraph) => {}
            _ => return None,
        }
    }
    let mut lines = text.lines().map(str::trim);
    if lines.next() != Some("TOC") {
        return None;
    }
    let own = lines.next().and_then(parse_ial);
    let marked = own
        .as_ref()
        .or(ial)
        .is_some_and(|i| i.words.iter().any(|w| w == "toc"));
    if !marked || lines.next().is_some() {
        return None;
    }
    let before = ial.cloned().unwrap_or_default();
    let together = match own {
        Some(own) => Ial::together(before, own),
        None => before,
    };
    Some((first.is_some(), together))
}

/// kramdown's table of contents of a body whose HTML is `html`: its headings with ids at
/// the `levels`, nested by level, without those of class `no_toc` (the list items only;
/// the block has the list element).
pub(crate) fn toc(html: &str, levels: &[u8]) -> String {
    let mut items: Vec<(u8, String, String)> = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("<h") {
        rest = &rest[at + 2..];
        let Some(level) = rest.chars().next().and_then(|c| c.to_digit(10)) else {
            continue;
        };
        let Some(close) = rest.find('>') else { break };
        let attrs = &rest[1..close];
        let end_tag = format!("</h{level}>");
        let Some(end) = rest[close + 1..].find(&end_tag).map(|e| close + 1 + e) else {
            continue;
        };
        let text = &rest[close + 1..end];
        rest = &rest[end..];
        let attr = |name: &str| {
            let key = format!(" {name}=\"");
            attrs.find(&key).map(|i| {
                let v = &attrs[i + key.len()..];
                v[..v.find('"').unwrap_or(v.len())].to_string()
            })
        };
        let (Some(id), level) = (attr("id"), level as u8) else {
            continue;
        };
        if !levels.contains(&level)
            || attr("class").is_some_and(|c| c.split(' ').any(|c| c == "no_toc"))
        {
            continue;
        }
        items.push((level, id, text.to_string()));
    }
    let mut out = String::new();
    let mut open: Vec<u8> = Vec::new();
    for (level, id, text) in items {
        while open.last().is_some_and(|&l| l > level) {
            open.pop();
            out.push_str("</li>\n</ul>\n");
        }
        if open.last() == Some(&level) {
            out.push_str("</li>\n");
        } else if !open.is_empty() {
            out.push_str("\n<ul>\n");
            open.push(level);
        } else {
            open.push(level);
        }
        out.push_str(&format!(
            "<li><a href=\"#{id}\" id=\"markdown-toc-{id}\">{text}</a>"
        ));
    }
    while open.pop().is_some() {
        out.push_str(if open.is_empty() {
            "</li>\n"
        } else {
            "</li>\n</ul>\n"
        });
    }
    out
}
