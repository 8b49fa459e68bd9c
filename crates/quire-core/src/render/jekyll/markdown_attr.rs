//! kramdown's `markdown="1"` on an HTML block (`<div class="note" markdown="1">`): the
//! element's content is Markdown, rendered as such, and the attribute is not written.
//! (`markdown="span"` renders the content as one line of text; `"0"` leaves it raw.)
//! CommonMark keeps an HTML block raw until a blank line, so without this the Markdown in
//! such a block would show as written.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::super::Settings;

/// If the block is raw HTML whose first element asks for Markdown content and closes at
/// its end, render it so; whether it did.
pub(crate) fn markdown_in_html(events: &mut Vec<Event<'_>>, settings: &Settings) -> bool {
    let raw = |e: &Event<'_>| {
        matches!(
            e,
            Event::Html(_) | Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock)
        )
    };
    if events.is_empty() || !events.iter().all(raw) {
        return false;
    }
    let html: String = events
        .iter()
        .map(|e| match e {
            Event::Html(h) => h.as_ref(),
            _ => "",
        })
        .collect();
    let Some(rendered) = render(&html, settings) else {
        return false;
    };
    *events = vec![Event::Html(CowStr::from(rendered))];
    true
}

/// The block with its content rendered, when its opening tag has `markdown="1"`,
/// `"block"` or `"span"` and its closing tag ends it.
fn render(html: &str, settings: &Settings) -> Option<String> {
    let trimmed = html.trim_start();
    let rest = trimmed.strip_prefix('<')?;
    let name_len = rest
        .find(|c: char| !c.is_ascii_alphanumeric())
        .filter(|&n| n > 0)?;
    let name = &rest[..name_len];
    let open_end = rest.find('>')? + 1;
    let attributes = &rest[name_len..open_end - 1];
    let (kept, mode) = without_markdown_attribute(attributes)?;
    let close = format!("</{name}>");
    let body = rest[open_end..].trim_end();
    let inner = body.strip_suffix(close.as_str())?;
    let content = match mode {
        Mode::Block => super::super::render_body(inner.trim_matches('\n'), settings),
        Mode::Span => {
            let paragraph = super::super::render_body(inner.trim(), settings);
            let text = paragraph.trim_end();
            let text = text.strip_prefix("<p>").unwrap_or(text);
            text.strip_suffix("</p>").unwrap_or(text).to_string()
        }
    };
    let content = if mode == Mode::Block {
        format!("\n{content}")
    } else {
        content
    };
    Some(format!("<{name}{kept}>{content}{close}\n"))
}

/// How the content is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Block,
    Span,
}

/// The attributes without `markdown=...`, and what it asked for (none for `"0"`, or no
/// such attribute).
fn without_markdown_attribute(attributes: &str) -> Option<(String, Mode)> {
    let at = attributes.find(" markdown=")?;
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
        "1" | "block" => Mode::Block,
        "span" => Mode::Span,
        _ => return None,
    };
    let kept = format!("{}{}", &attributes[..at], &attributes[value_start + len..]);
    Some((kept.trim_end().to_string(), mode))
}

#[cfg(test)]
mod tests {
    use super::super::jekyll_html as jekyll;

    #[test]
    fn markdown_content_of_an_html_block() {
        assert_eq!(
            jekyll("<div class=\"note\" markdown=\"1\">\n**Markdown** inside.\n</div>\n"),
            "<div class=\"note\">\n<p><strong>Markdown</strong> inside.</p>\n</div>\n"
        );
        assert_eq!(
            jekyll("<p markdown=\"span\">An *emphasis*</p>\n"),
            "<p>An <em>emphasis</em></p>\n"
        );
        // No attribute, "0", or no closing tag at the end: raw, as before.
        for raw in [
            "<div class=\"x\">\n**raw**\n</div>\n",
            "<div markdown=\"0\">\n**raw**\n</div>\n",
            "<div markdown=\"1\">\n**raw**\n",
        ] {
            assert_eq!(jekyll(raw), raw, "{raw:?}");
        }
    }
}
