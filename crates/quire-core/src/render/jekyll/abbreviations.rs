//! Abbreviations as kramdown writes them: a line `*[HTML]: Hyper Text Markup Language`
//! at the start of a block defines one and is not written; every occurrence of `HTML` in
//! the body's text (not in code), on word boundaries, becomes
//! `<abbr title="Hyper Text Markup Language">HTML</abbr>`, wherever the definition is.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::escape_attr;

/// Whether `text` has a line defining an abbreviation (then it is rendered whole).
pub(crate) fn may_define(text: &str) -> bool {
    text.match_indices("*[").any(|(at, _)| {
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        definition(&text[line_start..line_end]).is_some()
    })
}

/// A definition line's abbreviation and title.
fn definition(line: &str) -> Option<(String, String)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = line[indent..].strip_prefix("*[")?;
    if indent > 3 {
        return None;
    }
    let close = rest.find("]:")?;
    let abbr = &rest[..close];
    if abbr.is_empty() {
        return None;
    }
    // kramdown keeps the title as written (typography already applied to the line undone).
    Some((
        abbr.to_string(),
        super::plain_punctuation(rest[close + 2..].trim()),
    ))
}

/// Take the definitions out of the blocks (paragraphs starting with definition lines) and
/// mark every occurrence of the abbreviations in the text of all blocks.
pub(crate) fn kramdown_abbreviations(blocks: &mut [&mut Vec<Event<'_>>]) {
    let mut defined: Vec<(String, String)> = Vec::new();
    for events in blocks.iter_mut() {
        take_definitions(events, &mut defined);
    }
    if defined.is_empty() {
        return;
    }
    // Longest first, as kramdown tries them.
    defined.sort_by_key(|d| std::cmp::Reverse(d.0.len()));
    for events in blocks.iter_mut() {
        mark(events, &defined);
    }
}

/// Remove the definition lines a top-level paragraph starts with, recording them (a later
/// definition of the same abbreviation wins).
fn take_definitions(events: &mut Vec<Event<'_>>, defined: &mut Vec<(String, String)>) {
    if !matches!(events.first(), Some(Event::Start(Tag::Paragraph))) {
        return;
    }
    let mut taken = 1;
    while let Some((abbr, title)) = match events.get(taken) {
        Some(Event::Text(line)) => definition(line),
        _ => None,
    } {
        defined.retain(|(a, _)| *a != abbr);
        defined.push((abbr, title));
        taken += 1;
        match events.get(taken) {
            Some(Event::SoftBreak | Event::HardBreak) => taken += 1,
            _ => break,
        }
    }
    if taken == 1 {
        return;
    }
    if matches!(
        events.get(taken),
        Some(Event::End(TagEnd::Paragraph)) | None
    ) {
        *events = vec![Event::Html(CowStr::Borrowed(""))];
    } else {
        events.drain(1..taken);
    }
}

/// Mark the abbreviations in the text events outside code blocks.
fn mark(events: &mut Vec<Event<'_>>, defined: &[(String, String)]) {
    let mut out = Vec::with_capacity(events.len());
    let mut in_code = false;
    for event in events.drain(..) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => {
                in_code = true;
                out.push(event);
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code = false;
                out.push(event);
            }
            Event::Text(text) if !in_code => split(&text, defined, &mut out),
            other => out.push(other),
        }
    }
    *events = out;
}

/// kramdown's `\w`: an ASCII word character.
fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Push `text` with each abbreviation on word boundaries written as `<abbr>`.
fn split<'a>(text: &str, defined: &[(String, String)], out: &mut Vec<Event<'a>>) {
    let mut plain = 0;
    let mut at = 0;
    let mut previous: Option<char> = None;
    while at < text.len() {
        let rest = &text[at..];
        let found = if previous.is_none_or(|c| !is_word(c)) {
            defined.iter().find(|(abbr, _)| {
                rest.starts_with(abbr.as_str())
                    && !rest[abbr.len()..].chars().next().is_some_and(is_word)
            })
        } else {
            None
        };
        if let Some((abbr, title)) = found {
            if plain < at {
                out.push(Event::Text(CowStr::from(text[plain..at].to_string())));
            }
            let open = if title.is_empty() {
                "<abbr>".to_string()
            } else {
                format!("<abbr title=\"{}\">", escape_attr(title))
            };
            out.push(Event::InlineHtml(CowStr::from(open)));
            out.push(Event::Text(CowStr::from(abbr.clone())));
            out.push(Event::InlineHtml(CowStr::Borrowed("</abbr>")));
            at += abbr.len();
            plain = at;
            previous = abbr.chars().last();
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        previous = Some(c);
        at += c.len_utf8();
    }
    if plain < text.len() {
        out.push(Event::Text(CowStr::from(text[plain..].to_string())));
    }
}

#[cfg(test)]
mod tests {
    use super::super::jekyll_html as jekyll;

    /// Expected HTML as Jekyll 4.3.1 (kramdown 2.4) writes it.
    #[test]
    fn abbreviations_as_kramdown_writes_them() {
        let html = jekyll(
            "The HTML spec and the W3C. HTMLX is not, nor xHTML, but (HTML) is.\n\
             *[HTML]: Hyper Text Markup Language\nContinued line.\n\n\
             A `W3C` code span, [W3C link](https://example.com) and *W3C em*.\n\n\
             *[W3C]: World Wide Web Consortium\n*[EMPTY]:\n\nEMPTY here.\n",
        );
        let w3c = "<abbr title=\"World Wide Web Consortium\">W3C</abbr>";
        assert!(
            html.starts_with(&format!(
                "<p>The HTML spec and the {w3c}. HTMLX is not, nor xHTML, but (HTML) is.\n\
                 *[HTML]: Hyper Text Markup Language\nContinued line.</p>\n"
            )),
            "{html}"
        );
        assert!(
            html.contains(&format!(
                "<p>A <code class=\"language-plaintext highlighter-rouge\">W3C</code> code span, <a href=\"https://example.com\">{w3c} link</a> \
                 and <em>{w3c} em</em>.</p>"
            )),
            "{html}"
        );
        assert!(
            html.ends_with("<p><abbr>EMPTY</abbr> here.</p>\n"),
            "{html}"
        );
        assert!(!html.contains("Consortium\n"), "{html}");
    }

    #[test]
    fn only_a_definition_line_defines() {
        assert!(super::may_define("a\n  *[HTML]: Hyper Text\n"));
        assert!(!super::may_define("An *[emphasised link](/a)* here.\n"));
        assert!(!super::may_define("    *[code]: indented\n"));
    }

    #[test]
    fn a_definition_before_text_in_one_paragraph_leaves_the_text() {
        let html = jekyll("*[A&B]: Alpha & Beta\nA&B rules.\n");
        assert_eq!(
            html,
            "<p><abbr title=\"Alpha &amp; Beta\">A&amp;B</abbr> rules.</p>\n"
        );
    }
}
