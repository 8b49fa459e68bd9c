//! kramdown's block attribute lists on blocks other than paragraphs and headings: a line
//! `{: .table #id key="v"}` right under a table, a list, a quotation, a code block or a
//! rule, or right above a table, gives that block's element its attributes
//! (`<table class="table">`, `<ul class="fancy">`, `<div class="language-ruby mycode
//! highlighter-rouge">`); a class `language-x` on a code block without a language is its
//! language. CommonMark reads such a line as more of the block (a table row, a lazy
//! line of the last item or of the quotation) or, above a table, as a paragraph holding
//! the table's lines: those blocks are parsed again without the line (`regroup.rs`).

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Tag};

use super::{escape_attr, parse_ial, Ial};

/// Whether `line` (no line break) is an attribute list on a line of its own, indented
/// less than a code block.
fn ial_line(line: &str) -> Option<Ial> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 || !line.trim_start().starts_with("{:") {
        return None;
    }
    parse_ial(line)
}

/// If the last line of `block` (a top-level block's text from its first line's start)
/// is an attribute list and there are lines before it: where that line starts, and the
/// list.
pub(crate) fn trailing_ial_line(block: &str) -> Option<(usize, Ial)> {
    let body = block.trim_end_matches(['\n', '\r']);
    let at = body.rfind('\n')? + 1;
    if body[..at].trim().is_empty() {
        return None;
    }
    let ial = ial_line(body[at..].trim_end_matches('\r'))?;
    Some((at, ial))
}

/// If the first line of `block` is an attribute list and lines follow it: where the
/// rest starts, and the list.
pub(crate) fn leading_ial_line(block: &str) -> Option<(usize, Ial)> {
    let end = block.find('\n')?;
    let rest = end + 1;
    if block[rest..].trim().is_empty() {
        return None;
    }
    let ial = ial_line(block[..end].trim_end_matches('\r'))?;
    Some((rest, ial))
}

/// The kinds of block whose element takes an attribute list written as the block's HTML.
pub(crate) fn takes_outer(first: Option<&Event<'_>>) -> bool {
    matches!(
        first,
        Some(
            Event::Start(Tag::Table(_) | Tag::List(_) | Tag::BlockQuote(_) | Tag::CodeBlock(_))
                | Event::Rule
        )
    ) || matches!(first, Some(Event::Html(html)) if html.starts_with("<table>"))
}

/// A code block without a language takes the first `language-x` class of `ial` as its
/// language (the class is then the language's, written by the code block).
pub(crate) fn code_language(events: &mut [Event<'_>], ial: &mut Ial) {
    let Some(Event::Start(Tag::CodeBlock(kind))) = events.first_mut() else {
        return;
    };
    let has_language = match kind {
        CodeBlockKind::Fenced(info) => !info.trim().is_empty(),
        CodeBlockKind::Indented => false,
    };
    if has_language {
        // kramdown keeps the fence's language; a class of another is dropped with it.
        ial.classes.retain(|c| !c.starts_with("language-"));
        return;
    }
    if let Some(at) = ial.classes.iter().position(|c| c.starts_with("language-")) {
        let lang = ial.classes.remove(at)["language-".len()..].to_string();
        *kind = CodeBlockKind::Fenced(CowStr::from(lang));
    }
}

/// `html` (a block's HTML) with `ial`'s attributes on its first element: its classes
/// after the element's own (before Rouge's `highlighter-rouge`, as kramdown writes a
/// code block's), its id and other attributes added or replacing the element's.
pub(crate) fn outer_attributes(html: &str, ial: &Ial) -> String {
    let Some(open) = html
        .char_indices()
        .find(|&(i, c)| c == '<' && html[i + 1..].starts_with(|n: char| n.is_ascii_alphabetic()))
        .map(|(i, _)| i)
    else {
        return html.to_string();
    };
    let Some(close) = html[open..].find('>').map(|c| open + c) else {
        return html.to_string();
    };
    let name_end = html[open + 1..close]
        .find(|c: char| !c.is_ascii_alphanumeric())
        .map_or(close, |e| open + 1 + e);
    // The tag's own attributes, in order (`key="value"`, as the writers make them).
    let mut attrs: Vec<(String, String)> = Vec::new();
    let mut rest = html[name_end..close].trim_end_matches('/').trim();
    while let Some(eq) = rest.find("=\"") {
        let key = rest[..eq].trim().to_string();
        let value_end = rest[eq + 2..].find('"').map_or(rest.len(), |e| eq + 2 + e);
        attrs.push((key, rest[eq + 2..value_end].to_string()));
        rest = rest.get(value_end + 1..).unwrap_or("").trim_start();
    }
    let mut set = |key: &str, value: String| match attrs.iter_mut().find(|(k, _)| k == key) {
        Some((_, v)) => *v = value,
        None => attrs.push((key.to_string(), value)),
    };
    if let Some(id) = &ial.id {
        set("id", escape_attr(id));
    }
    for (key, value) in &ial.attrs {
        let plain = key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if plain && !key.eq_ignore_ascii_case("class") && !key.eq_ignore_ascii_case("id") {
            set(key, escape_attr(value));
        }
    }
    if !ial.classes.is_empty() {
        let added = escape_attr(&ial.classes.join(" "));
        match attrs.iter_mut().find(|(k, _)| k == "class") {
            Some((_, class)) => {
                *class = match class.strip_suffix("highlighter-rouge") {
                    Some(own) => format!("{own}{added} highlighter-rouge"),
                    None => format!("{class} {added}"),
                }
            }
            None => attrs.push(("class".to_string(), added)),
        }
    }
    let mut out = String::with_capacity(html.len() + 32);
    out.push_str(&html[..name_end]);
    for (key, value) in &attrs {
        out.push_str(&format!(" {key}=\"{value}\""));
    }
    if html[..close].ends_with('/') {
        out.push_str(" /");
    }
    out.push_str(&html[close..]);
    out
}

#[cfg(test)]
mod tests {
    use super::super::jekyll_html;

    /// Each block with an attribute list under it (or above a table), and the element
    /// `jekyll build` (kramdown 2.4) made of it.
    #[test]
    fn attribute_lists_on_blocks_as_jekyll_writes_them() {
        let cases = [
            (
                "| a | b |\n|---|---|\n| 1 | 2 |\n{: .table .table-striped}\n",
                "<table class=\"table table-striped\"><thead><tr><th>a</th><th>b</th></tr></thead><tbody>\n<tr><td>1</td><td>2</td></tr>\n</tbody></table>\n",
            ),
            (
                "{: #top}\n| c | d |\n|---|---|\n| 3 | 4 |\n",
                // (Read with the lines as a paragraph by CommonMark: `tables.rs` writes it.)
                "<table id=\"top\">\n<thead>\n<tr>\n<th>c</th>\n<th>d</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>3</td>\n<td>4</td>\n</tr>\n</tbody>\n</table>\n",
            ),
            ("* one\n* two\n{: .fancy}\n", "<ul class=\"fancy\">\n<li>one</li>\n<li>two</li>\n</ul>\n"),
            ("1. a\n2. b\n{: start=\"3\"}\n", "<ol start=\"3\">\n<li>a</li>\n<li>b</li>\n</ol>\n"),
            ("> quote\n{: .epigraph}\n", "<blockquote class=\"epigraph\">\n<p>quote</p>\n</blockquote>\n"),
            // (The list's own block writes nothing but a line break.)
            ("***\n{: .sep}\n", "<hr class=\"sep\" />\n\n"),
        ];
        for (md, html) in cases {
            assert_eq!(jekyll_html(md), html, "{md:?}");
        }
    }

    #[test]
    fn a_code_blocks_attribute_list_gives_its_language_and_classes() {
        let indented = jekyll_html("    x = 1\n{: .language-ruby}\n");
        assert!(
            indented.starts_with("<div class=\"language-ruby highlighter-rouge\">"),
            "{indented}"
        );
        let fenced = jekyll_html("```ruby\nx = 1\n```\n{: .mycode #c}\n");
        assert!(
            fenced.starts_with("<div class=\"language-ruby mycode highlighter-rouge\" id=\"c\">"),
            "{fenced}"
        );
    }

    #[test]
    fn lines_that_only_look_like_attribute_lists_stay_text() {
        // Indented as code, or with text of its own: not an attribute list.
        let list = jekyll_html("* one\n* two {: .x}\n");
        assert!(list.contains("two {: .x}"), "{list}");
        let quote = jekyll_html("> a\n> {: not an ial\n");
        assert!(quote.contains("{: not an ial"), "{quote}");
    }
}
