//! Links and images written as kramdown writes them: the address as the post gives it,
//! only escaped for the attribute (`[a](http://x/s?p=[char]&u=✓)` is
//! `href="http://x/s?p=[char]&amp;u=✓"`, `You and Your Research` keeps its spaces),
//! where the Markdown parser's writer percent-encodes spaces, brackets, quotes and every
//! character outside ASCII. The browser follows either to the same place; the page's
//! HTML is Jekyll's. Autolinks of e-mail addresses stay the parser's (`mailto:`).

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

use super::escape_attr;

/// kramdown's autolinks are `http`, `https`, `ftp`, `ftps` and `mailto` ones only; CommonMark
/// takes any scheme (`<xsl:when>`). Another is an HTML tag to kramdown when it reads as
/// one (a name, one `:` at most), else text. A `mailto:` one shows its address alone.
pub(crate) fn kramdown_autolinks(events: &mut Vec<Event<'_>>) {
    let mut mailto = false;
    for event in events.iter_mut() {
        match event {
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink,
                dest_url,
                ..
            }) => mailto = dest_url.starts_with("mailto:"),
            Event::Text(text) if mailto => {
                if let Some(address) = text.strip_prefix("mailto:") {
                    *text = CowStr::from(address.to_string());
                }
                mailto = false;
            }
            _ => mailto = false,
        }
    }
    let foreign = |e: &Event<'_>| match e {
        Event::Start(Tag::Link {
            link_type: LinkType::Autolink,
            dest_url,
            ..
        }) => {
            let scheme = dest_url
                .split(':')
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            !matches!(
                scheme.as_str(),
                "http" | "https" | "ftp" | "ftps" | "mailto"
            )
        }
        _ => false,
    };
    if !events.iter().any(foreign) {
        return;
    }
    let mut out = Vec::with_capacity(events.len());
    let mut rest = std::mem::take(events).into_iter();
    while let Some(event) = rest.next() {
        if !foreign(&event) {
            out.push(event);
            continue;
        }
        let Event::Start(Tag::Link { dest_url, .. }) = &event else {
            continue;
        };
        let written = format!("<{dest_url}>");
        // The link's text and end.
        for inner in rest.by_ref() {
            if matches!(inner, Event::End(TagEnd::Link)) {
                break;
            }
        }
        out.push(match tag_name(dest_url) {
            true => Event::InlineHtml(CowStr::from(written)),
            false => Event::Text(CowStr::from(written)),
        });
    }
    *events = out;
}

/// Tags kramdown reads where CommonMark reads text: a name holding `.` or `_`
/// (`<stdint.h>`, `<account_name>`), which CommonMark's tag names lack. Written as inline
/// HTML (the browser shows nothing for them, as on the site); not in code.
pub(crate) fn kramdown_name_tags(events: &mut Vec<Event<'_>>) {
    let candidate = |t: &str| t.contains('<') && t.contains(['.', '_']);
    if !events
        .iter()
        .any(|e| matches!(e, Event::Text(t) if candidate(t)))
    {
        return;
    }
    let mut out = Vec::with_capacity(events.len() + 4);
    let mut in_code = 0usize;
    for event in std::mem::take(events) {
        match &event {
            Event::Start(Tag::CodeBlock(_)) => in_code += 1,
            Event::End(TagEnd::CodeBlock) => in_code = in_code.saturating_sub(1),
            Event::Text(text) if in_code == 0 && candidate(text) => {
                let mut rest: &str = text;
                while let Some(at) = rest.find('<') {
                    let tag_len = rest[at..].find('>').map(|e| e + 1).filter(|&len| {
                        let inner = &rest[at + 1..at + len - 1];
                        let name = inner.strip_prefix('/').unwrap_or(inner);
                        let name = name.strip_suffix('/').unwrap_or(name);
                        name.contains(['.', '_']) && tag_name(name)
                    });
                    let Some(len) = tag_len else {
                        out.push(Event::Text(CowStr::from(rest[..at + 1].to_string())));
                        rest = &rest[at + 1..];
                        continue;
                    };
                    if at > 0 {
                        out.push(Event::Text(CowStr::from(rest[..at].to_string())));
                    }
                    out.push(Event::InlineHtml(CowStr::from(
                        rest[at..at + len].to_string(),
                    )));
                    rest = &rest[at + len..];
                }
                if !rest.is_empty() {
                    out.push(Event::Text(CowStr::from(rest.to_string())));
                }
                continue;
            }
            _ => {}
        }
        out.push(event);
    }
    *events = out;
}

/// Whether `name` is an XML name as kramdown's tags take them: a letter or `_` first, then
/// letters, digits, `_`, `-` and `.`, with one `:` at most between two such.
fn tag_name(name: &str) -> bool {
    let part = |p: &str| {
        p.chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_')
            && p.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
    };
    match name.split_once(':') {
        Some((prefix, local)) => part(prefix) && part(local),
        None => part(name),
    }
}

/// The block's links and images, but e-mail autolinks, as HTML tags.
pub(crate) fn kramdown_link_tags(events: &mut Vec<Event<'_>>) {
    let written = |t: &LinkType| !matches!(t, LinkType::Email | LinkType::WikiLink { .. });
    let any = events.iter().any(|e| match e {
        Event::Start(Tag::Link { link_type, .. }) => written(link_type),
        Event::Start(Tag::Image { .. }) => true,
        _ => false,
    });
    if !any {
        return;
    }
    let title_attr = |title: &str| match title {
        "" => String::new(),
        t => format!(" title=\"{}\"", escape_attr(t)),
    };
    let mut out = Vec::with_capacity(events.len());
    // For each open link, whether it is written here.
    let mut open = Vec::new();
    let mut rest = std::mem::take(events).into_iter();
    while let Some(event) = rest.next() {
        match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            }) if written(&link_type) => {
                open.push(true);
                out.push(Event::InlineHtml(CowStr::from(format!(
                    "<a href=\"{}\"{}>",
                    escape_attr(&dest_url),
                    title_attr(&title)
                ))));
            }
            start @ Event::Start(Tag::Link { .. }) => {
                open.push(false);
                out.push(start);
            }
            Event::End(TagEnd::Link) if open.pop() == Some(true) => {
                out.push(Event::InlineHtml(CowStr::Borrowed("</a>")));
            }
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                let mut alt = String::new();
                let mut depth = 1;
                for inner in rest.by_ref() {
                    match inner {
                        Event::Start(Tag::Image { .. }) => depth += 1,
                        Event::End(TagEnd::Image) => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) => alt.push_str(&t),
                        Event::SoftBreak | Event::HardBreak => alt.push('\n'),
                        _ => {}
                    }
                }
                out.push(Event::InlineHtml(CowStr::from(format!(
                    "<img src=\"{}\" alt=\"{}\"{} />",
                    escape_attr(&dest_url),
                    escape_attr(&alt),
                    title_attr(&title)
                ))));
            }
            other => out.push(other),
        }
    }
    *events = out;
}

#[cfg(test)]
mod tests {
    use super::super::jekyll_html as jekyll;

    /// Addresses as Jekyll 4.3.1 writes them (Homebrew's 1.0.0 post, Nim's release notes,
    /// Karpathy's "A Survival Guide to a PhD").
    #[test]
    fn addresses_are_written_as_given() {
        assert_eq!(
            jekyll(
                "[a](http://x.org/a b) [b](http://x/s?p=[char]&u=✓ \"T <1>\") \
                 ![i](/a b/ü.png \"t\") <https://y.org/ö> <me@y.org> [r]\n\n\
                 [r]: https://z.org/#split,string,set[char],int\n"
            ),
            "<p><a href=\"http://x.org/a b\">a</a> \
             <a href=\"http://x/s?p=[char]&amp;u=✓\" title=\"T &lt;1&gt;\">b</a> \
             <img src=\"/a b/ü.png\" alt=\"i\" title=\"t\" /> \
             <a href=\"https://y.org/ö\">https://y.org/ö</a> \
             <a href=\"mailto:me@y.org\">me@y.org</a> \
             <a href=\"https://z.org/#split,string,set[char],int\">r</a></p>\n"
        );
    }

    /// As Jekyll 4.3.1 writes them: a tag whose name holds `.` or `_` is HTML to kramdown
    /// (closed at the paragraph's end; the browser shows nothing for it), where CommonMark
    /// shows it as text; in code it stays text.
    #[test]
    fn tags_with_dots_and_underscores_are_html() {
        assert_eq!(
            jekyll("Include <stdint.h> and <vector> here.\n"),
            "<p>Include <stdint.h> and <vector> here.</vector></stdint.h></p>\n"
        );
        assert_eq!(
            jekyll("URL jdbc://<account_name>.x.com end\n"),
            "<p>URL jdbc://<account_name>.x.com end</account_name></p>\n"
        );
        assert!(jekyll("`<stdint.h>` in code\n").contains("&lt;stdint.h&gt;"));
    }

    /// As Jekyll 4.3.1 writes them: an autolink of another scheme than kramdown's is an
    /// HTML tag (closed at the paragraph's end) or text; a `mailto:` one shows the address.
    #[test]
    fn autolinks_as_kramdown_reads_them() {
        assert_eq!(
            jekyll("Two <xsl:when> elements here.\n"),
            "<p>Two <xsl:when> elements here.</xsl:when></p>\n"
        );
        assert_eq!(
            jekyll("See <https://e.com> and <mailto:a@b.c> and <urn:isbn:123> here.\n"),
            "<p>See <a href=\"https://e.com\">https://e.com</a> and <a href=\"mailto:a@b.c\">a@b.c</a> \
             and &lt;urn:isbn:123&gt; here.</p>\n"
        );
    }
}
