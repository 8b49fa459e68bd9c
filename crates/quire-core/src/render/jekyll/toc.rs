//! kramdown's table of contents (a list with `{:toc}`): which block asks for it, and the
//! list it becomes once the headings of the whole body are known.

use pulldown_cmark::{Event, Tag, TagEnd};

use super::{parse_ial, Ial};

/// Whether the block is kramdown's table-of-contents list: any list with `{:toc}` on the
/// line under its last item (`* TOC`, or `* any list` as some blogs write it) or on the
/// line after it; `Some((ordered, the list's attribute lists together))` when it is.
pub(super) fn toc_list(events: &[Event<'_>], ial: Option<&Ial>) -> Option<(bool, Ial)> {
    let Some(Event::Start(Tag::List(first))) = events.first() else {
        return None;
    };
    // The text of the list's last line, when a line break comes before it.
    let mut last_line: Option<String> = None;
    for event in events {
        match event {
            Event::SoftBreak | Event::HardBreak => last_line = Some(String::new()),
            Event::Text(t) => {
                if let Some(line) = last_line.as_mut() {
                    line.push_str(t);
                }
            }
            Event::End(TagEnd::List(_) | TagEnd::Item | TagEnd::Paragraph) => {}
            _ => last_line = None,
        }
    }
    let own = last_line.as_deref().map(str::trim).and_then(parse_ial);
    let marked = own
        .as_ref()
        .or(ial)
        .is_some_and(|i| i.words.iter().any(|w| w == "toc"));
    if !marked {
        return None;
    }
    let before = ial.cloned().unwrap_or_default();
    let together = match own {
        Some(own) => Ial::together(before, own),
        None => before,
    };
    Some((first.is_some(), together))
}

/// A heading's HTML as its table-of-contents entry (kramdown's `fix_for_toc_entry`): its
/// footnote references left out, its links unwrapped (an entry is itself a link).
fn toc_entry(html: &str) -> String {
    if !html.contains("<a") && !html.contains("<sup") {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(end) = rest.find('>') else {
            break;
        };
        let tag = &rest[..=end];
        if tag.starts_with("<sup") && tag.contains("doc-noteref") {
            rest = rest.find("</sup>").map_or("", |close| &rest[close + 6..]);
            continue;
        }
        if !(tag.starts_with("<a ") || tag == "<a>" || tag == "</a>") {
            out.push_str(tag);
        }
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
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
        items.push((level, id, toc_entry(text)));
    }
    // kramdown's tree (`generate_toc_tree`): each heading goes under the nearest heading
    // above it of a lower level, else at the top; a heading of a level between two open
    // ones joins the list of the lower one.
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); items.len()];
    let mut roots = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    for (i, (level, _, _)) in items.iter().enumerate() {
        loop {
            match stack.last() {
                None => {
                    roots.push(i);
                    break;
                }
                Some(&parent) if items[parent].0 < *level => {
                    children[parent].push(i);
                    break;
                }
                Some(_) => {
                    stack.pop();
                }
            }
        }
        stack.push(i);
    }
    fn write(i: usize, items: &[(u8, String, String)], children: &[Vec<usize>], out: &mut String) {
        let (_, id, text) = &items[i];
        out.push_str(&format!(
            "<li><a href=\"#{id}\" id=\"markdown-toc-{id}\">{text}</a>"
        ));
        if !children[i].is_empty() {
            out.push_str("\n<ul>\n");
            for &child in &children[i] {
                write(child, items, children, out);
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</li>\n");
    }
    let mut out = String::new();
    for root in roots {
        write(root, &items, &children, &mut out);
    }
    out
}
