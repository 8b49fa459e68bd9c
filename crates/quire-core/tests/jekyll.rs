//! The Jekyll preview flavour against what Jekyll 4.3.1 (kramdown, GFM input) really made
//! of the same Markdown: `tests/jekyll/<name>.md` and `<name>.jekyll.html` (produced with
//! `jekyll build` from the .md as a post body). Compared where a reader (or the site's
//! style sheet) would notice: the ids and classes of blocks, lists, code and kramdown's
//! marked elements, and the text with its typography.

use std::collections::BTreeMap;

use quire_core::render::{render_body, Flavour, Settings};

/// The elements compared: blocks, lists, code and what kramdown marks with a class.
const MARKED: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "input",
    "pre",
    "code",
    "figure",
    "blockquote",
    "dl",
    "dt",
    "dd",
    "abbr",
    "strong",
    "em",
    "img",
    "sup",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
];

/// (tag, sorted attributes id/class/alt/title) for every start tag of [`MARKED`] and every `div`
/// but the preview's own (Rouge's token spans are not compared).
fn marked_elements(html: &str) -> Vec<(String, BTreeMap<String, String>)> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        let end = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[..end];
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let own = name == "div"
            && ["blk", "excerpt-marker", "liquid-tags"]
                .iter()
                .any(|c| tag.contains(&format!("class=\"{c}")));
        if MARKED.contains(&name.as_str()) || (name == "div" && !own) {
            let mut attrs = BTreeMap::new();
            for key in ["id", "class", "alt", "title"] {
                let pattern = format!(" {key}=\"");
                if let Some(at) = tag.find(&pattern) {
                    let value = &tag[at + pattern.len()..];
                    let value = &value[..value.find('"').unwrap_or(value.len())];
                    attrs.insert(key.to_string(), decode(value));
                }
            }
            found.push((name, attrs));
        }
    }
    found
}

/// An attribute's value with the entities either writer uses decoded.
fn decode(value: &str) -> String {
    value
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The text a reader sees: tags removed (a span's, such as Rouge's tokens, joined to the
/// text around it), entities for &, <, > decoded, whitespace joined.
fn visible_text(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for (at, c) in html.char_indices() {
        match c {
            '<' => {
                in_tag = true;
                let tag = &html[at + 1..];
                if !tag.starts_with("span") && !tag.starts_with("/span") {
                    text.push(' ');
                }
            }
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn jekyll_flavour_matches_jekyll() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/jekyll");
    let mut checked = 0;
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/jekyll")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    entries.sort();
    for md in entries {
        let markdown = std::fs::read_to_string(&md).expect("the markdown");
        let expected = std::fs::read_to_string(md.with_extension("jekyll.html"))
            .expect("Jekyll's output beside it");
        let settings = Settings {
            flavour: Flavour::Jekyll,
            site_url: String::new(),
            ..Default::default()
        };
        let ours = render_body(&markdown, &settings);
        assert_eq!(
            marked_elements(&ours),
            marked_elements(&expected),
            "ids and classes for {}:\n{ours}",
            md.display()
        );
        assert_eq!(
            visible_text(&ours),
            visible_text(&expected),
            "text for {}",
            md.display()
        );
        checked += 1;
    }
    assert!(checked >= 1, "no fixtures in {}", dir.display());
}
