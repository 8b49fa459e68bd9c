//! Span attribute lists right after an image, a link, emphasis or a code span, as kramdown
//! applies them: `![A](/a.png){: width="50%" .center}` gives the image `width` and
//! `class`, `[x](https://example.com){:target="_blank"}` gives the link `target`,
//! `*x*{: .hl}` is `<em class="hl">`, `` `x`{: .y} `` adds the class to the code's.

use std::borrow::Cow;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use crate::render::liquid::{resolve_in, SiteVars};

use super::{escape_attr, parse_ial, Ial};

/// Whether `event` is a code span as the flavour writes it (`code.rs`).
fn code_span(event: &Event<'_>) -> bool {
    matches!(event, Event::InlineHtml(html) if super::code::is_code_span(html))
}

/// The element an emphasis, strong or strikethrough event opens (`true`) or closes.
fn span_element(event: &Event<'_>) -> Option<(&'static str, bool)> {
    match event {
        Event::Start(Tag::Emphasis) => Some(("em", true)),
        Event::End(TagEnd::Emphasis) => Some(("em", false)),
        Event::Start(Tag::Strong) => Some(("strong", true)),
        Event::End(TagEnd::Strong) => Some(("strong", false)),
        Event::Start(Tag::Strikethrough) => Some(("del", true)),
        Event::End(TagEnd::Strikethrough) => Some(("del", false)),
        _ => None,
    }
}

/// The attribute list `text` starts with, and the text after it, when `before` (the last
/// event written) ends an image, a link, emphasis, strong emphasis, a strikethrough or a
/// code span. With `vars`, the list's Liquid is filled in first, as Jekyll renders Liquid
/// before kramdown reads the list (`{:srcset="{{ site.baseurl }}/a@2x.png 2x"}`).
pub(super) fn span_ial_after<'t>(
    before: Option<&Event<'_>>,
    text: &'t str,
    vars: Option<&SiteVars>,
) -> Option<(Ial, &'t str)> {
    let element = matches!(before, Some(Event::End(TagEnd::Image | TagEnd::Link)))
        || before.is_some_and(|e| code_span(e) || span_element(e).is_some_and(|(_, o)| !o));
    if !element || !text.starts_with("{:") {
        return None;
    }
    let end = ial_end(text)?;
    let list = match vars {
        Some(vars) => resolve_in(&text[..end], vars),
        None => Cow::Borrowed(&text[..end]),
    };
    Some((parse_ial(&list)?, &text[end..]))
}

/// Where the attribute list `text` starts with ends: after its first `}` outside Liquid's
/// `{{ }}` and `{% %}`.
fn ial_end(text: &str) -> Option<usize> {
    let mut at = 2;
    while let Some(rest) = text.get(at..).filter(|r| !r.is_empty()) {
        if rest.starts_with("{{") {
            at += rest.find("}}")? + 2;
        } else if rest.starts_with("{%") {
            at += rest.find("%}")? + 2;
        } else if rest.starts_with('}') {
            return Some(at + 1);
        } else {
            at += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    None
}

/// Join an attribute list that goes on over lines after a span (`![a](b){:` then
/// `.icon width="70"}` on the next line; kramdown's pattern reads up to its `}` wherever
/// that is) into one text event, for [`span_ial_after`].
pub(super) fn join_split_ials(events: &mut Vec<Event<'_>>) {
    let mut i = 1;
    while i + 2 < events.len() {
        let opens = matches!(&events[i], Event::Text(t) if t.starts_with("{:") && !t.contains('}'))
            && span_ial_after(Some(&events[i - 1]), "{:}", None).is_some();
        if opens
            && matches!(events[i + 1], Event::SoftBreak)
            && matches!(&events[i + 2], Event::Text(_))
        {
            let next = events.remove(i + 2);
            events.remove(i + 1);
            if let (Event::Text(t), Event::Text(n)) = (&mut events[i], next) {
                *t = CowStr::from(format!("{t}\n{n}"));
            }
            continue;
        }
        i += 1;
    }
}

/// The attributes of `ial` as HTML (` id="x" class="a b" key="v"`); keys other than
/// letters, digits, `-` and `_` are left out.
pub(super) fn attributes(ial: &Ial) -> String {
    let mut html = String::new();
    if let Some(id) = &ial.id {
        html.push_str(&format!(" id=\"{}\"", escape_attr(id)));
    }
    if !ial.classes.is_empty() {
        html.push_str(&format!(
            " class=\"{}\"",
            escape_attr(&ial.classes.join(" "))
        ));
    }
    for (key, value) in &ial.attrs {
        if key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            html.push_str(&format!(" {key}=\"{}\"", escape_attr(value)));
        }
    }
    html
}

/// Apply each `(index of an image's or a link's end event, attribute list)` to `events`:
/// the image or the link's start is written as HTML with the attributes.
pub(super) fn apply_span_ials(events: &mut Vec<Event<'_>>, found: Vec<(usize, Ial)>) {
    // An image written as HTML takes the events inside it (a link or an image in its alt
    // text, each with its own list): those lists go with them.
    let mut written_from = usize::MAX;
    for (end, ial) in found.into_iter().rev() {
        if end >= written_from || end >= events.len() {
            continue;
        }
        if code_span(&events[end]) {
            if let Event::InlineHtml(html) = &events[end] {
                let with = super::outer_attributes(html, &ial);
                events[end] = Event::InlineHtml(CowStr::from(with));
            }
            continue;
        }
        if let Some((name, false)) = span_element(&events[end]) {
            let opens = |e: &Event<'_>| span_element(e) == Some((name, true));
            if let Some(start) = events[..end].iter().rposition(opens) {
                let tag = format!("<{name}{}>", attributes(&ial));
                events[start] = Event::InlineHtml(CowStr::from(tag));
                events[end] = Event::InlineHtml(CowStr::from(format!("</{name}>")));
            }
            continue;
        }
        let image = matches!(events.get(end), Some(Event::End(TagEnd::Image)));
        let Some(start) = events[..end].iter().rposition(|e| match e {
            Event::Start(Tag::Image { .. }) => image,
            Event::Start(Tag::Link { .. }) => !image,
            _ => false,
        }) else {
            continue;
        };
        let (dest, title) = match &events[start] {
            Event::Start(Tag::Image {
                dest_url, title, ..
            })
            | Event::Start(Tag::Link {
                dest_url, title, ..
            }) => (dest_url.to_string(), title.to_string()),
            _ => continue,
        };
        let title = if title.is_empty() {
            String::new()
        } else {
            format!(" title=\"{}\"", escape_attr(&title))
        };
        let attrs = attributes(&ial);
        if image {
            let alt: String = events[start + 1..end]
                .iter()
                .filter_map(|e| match e {
                    Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                    _ => None,
                })
                .collect();
            let tag = format!(
                "<img src=\"{}\" alt=\"{}\"{title}{attrs} />",
                escape_attr(&dest),
                escape_attr(&alt)
            );
            events.splice(start..=end, [Event::InlineHtml(CowStr::from(tag))]);
            written_from = start;
        } else {
            let tag = format!("<a href=\"{}\"{title}{attrs}>", escape_attr(&dest));
            events[start] = Event::InlineHtml(CowStr::from(tag));
            events[end] = Event::InlineHtml(CowStr::Borrowed("</a>"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::jekyll_html as jekyll;

    /// Expected HTML as Jekyll 4.3.1 (kramdown 2.4) writes it.
    /// As Jekyll 4.3.1 writes it (ruby-lang.org's news of 2002-12-11).
    #[test]
    fn an_attribute_list_over_lines() {
        assert_eq!(
            super::super::jekyll_html("[![RHG](/b.gif){:\n.icon width=\"70\" height=\"88\"}][c] A book\n\n[c]: /x\n"),
            "<p><a href=\"/x\"><img src=\"/b.gif\" alt=\"RHG\" class=\"icon\" width=\"70\" height=\"88\" /></a> A book</p>\n"
        );
        // Broken between two of its words (ruby-lang.org's news of 2002-11-29, in Japanese).
        assert_eq!(
            super::super::jekyll_html("![B](/b.jpg){: .icon\nwidth=\"70\"}Text after.\n"),
            "<p><img src=\"/b.jpg\" alt=\"B\" class=\"icon\" width=\"70\" />Text after.</p>\n"
        );
    }

    #[test]
    fn span_attribute_lists_on_images_and_links() {
        assert_eq!(
            jekyll("![Alt *text*](/assets/pic.png \"T\"){: width=\"50%\" .center}\n"),
            "<p><img src=\"/assets/pic.png\" alt=\"Alt *text*\" title=\"T\" class=\"center\" \
             width=\"50%\" /></p>\n"
        );
        assert_eq!(
            jekyll("Open [in a *new* tab](https://example.com){:target=\"_blank\"} please.\n"),
            "<p>Open <a href=\"https://example.com\" target=\"_blank\">in a <em>new</em> tab</a> \
             please.</p>\n"
        );
        // An image holding an image and a link with lists of their own: written, no panic
        // (an index past the end once the outer image had taken the inner ones).
        let nested = jekyll(
            "![A\n(/a.png){: width=\"5\"} [l](https://x.org){:target=\"_blank\"}\n\
             ![A](/a.png){: width=\"5\"} l](https://x.org){:target=\"_blank\"}\n",
        );
        assert!(
            nested.starts_with("<p><img src=\"https://x.org\""),
            "{nested}"
        );
        // On emphasis, strong, a strikethrough and a code span, as Jekyll writes them.
        assert_eq!(
            jekyll("A *b*{: .y} c, **d**{: #s}, ~~e~~{: .z} and `f`{: .w} g.\n"),
            "<p>A <em class=\"y\">b</em> c, <strong id=\"s\">d</strong>, <del class=\"z\">e</del> \
             and <code class=\"language-plaintext w highlighter-rouge\">f</code> g.</p>\n"
        );
        // Right after text: text, as kramdown keeps it.
        assert_eq!(jekyll("Text {: .x} here.\n"), "<p>Text {: .x} here.</p>\n");
    }
}
