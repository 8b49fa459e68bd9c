//! Liquid that begins an autolink: `<{{ release.url }}>`, `<{{ site.url }}/feed.xml>`.
//! Jekyll writes the address first, so kramdown makes an autolink of the whole of it.

use pulldown_cmark::Event;

/// The preview's HTML of the autolink the Liquid output `source` (which writes `written`)
/// begins, right after a `<` that ends the text before it (the last of `out`), and how
/// much of `rest` (the text after the output) it takes up to and with its `>`; `None`
/// when that is no address kramdown links.
pub(super) fn autolink_after(
    out: &[Event<'_>],
    source: &str,
    written: Option<&str>,
    rest: &str,
) -> Option<(String, usize)> {
    let opened = matches!(out.last(), Some(Event::Text(t)) if t.ends_with('<'));
    let end = rest
        .find(|c: char| c == '>' || c == '<' || c == '{' || c.is_whitespace())
        .filter(|end| opened && rest[*end..].starts_with('>'))?;
    let url = format!("{}{}", written?, &rest[..end]);
    if !autolink_target(&url) {
        return None;
    }
    let html = format!(
        "<span class=\"liquid resolved\" title=\"{}\"><a href=\"{}\">{}</a></span>",
        super::super::escape_text(source).replace('"', "&quot;"),
        super::super::escape_attr(&url),
        super::super::escape_text(&url)
    );
    Some((html, end + 1))
}

/// Whether `url` is an address kramdown makes an autolink of between `<` and `>` (web,
/// FTP and mail addresses only: nothing that could run).
fn autolink_target(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    ["http://", "https://", "ftp://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme) && lower.len() > scheme.len())
        && !url.contains(|c: char| c.is_whitespace() || c == '<' || c == '>')
}
