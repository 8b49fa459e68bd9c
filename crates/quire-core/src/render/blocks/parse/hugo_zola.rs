//! How the CommonMark flavour reads a known Hugo or Zola site's posts: the parser's
//! options (their typography, a heading's own `{#id}`), and heading ids as they write them:
//! Hugo's Goldmark `autoHeadingID` of type `github` keeps letters, digits and `_`
//! (lowercased), makes each space and `-` a `-`, drops the rest, and names an empty one
//! `heading`; Zola's slugs (`slugify.anchors = "on"`) make each run of other characters
//! one `-`, trimmed at the ends. Written as a mark until the body's ids are numbered
//! (`x`, `x-1`). An id the heading gives itself (`## Title {#id}`) is kept.

use pulldown_cmark::{Event, Options};

use crate::site_config::{HeadingIds, MarkdownOptions};

/// The parser options for a Hugo or Zola site's posts: Hugo's typographer (on unless its
/// config says otherwise) and Zola's `smart_punctuation` are CommonMark's smart
/// punctuation; both read a heading's own `{#id .class}`. A CommonMark preview of no known
/// site (its `quotes` kramdown's, no heading ids) is left as it is.
pub(super) fn site_options(markdown: &MarkdownOptions, options: &mut Options) {
    if markdown.quotes.is_none() && markdown.smart_quotes {
        options.insert(Options::ENABLE_SMART_PUNCTUATION);
    }
    if markdown.heading_ids.is_some() {
        options.insert(Options::ENABLE_HEADING_ATTRIBUTES);
    }
}

/// A Hugo or Zola site's heading ids: each block's base ids (`base_ids`, numbered across
/// the body as kramdown's are by the renderer).
pub(super) fn group_heading_ids(
    groups: &mut [super::Group<'_>],
    style: HeadingIds,
    base_ids: &mut [Vec<String>],
) {
    for (group, ids) in groups.iter_mut().zip(base_ids.iter_mut()) {
        *ids = heading_ids(&mut group.events, style);
    }
}

/// The base ids of `events`' headings, each heading's id set to the id mark.
fn heading_ids(events: &mut [Event<'_>], style: HeadingIds) -> Vec<String> {
    crate::render::jekyll::mark_heading_ids(events, |inside, _| {
        let mut text = String::new();
        for event in inside {
            if let Event::Text(t) | Event::Code(t) = event {
                text.push_str(t);
            }
        }
        match style {
            HeadingIds::Hugo => hugo_id(&text),
            HeadingIds::Zola => zola_id(&text),
        }
    })
}

/// Hugo's `sanitizeAnchorName` of type `github`.
fn hugo_id(text: &str) -> String {
    let id: String = text
        .trim()
        .chars()
        .filter_map(|c| match c {
            '-' | ' ' => Some('-'),
            c if c == '_' || c.is_alphanumeric() => Some(c),
            _ => None,
        })
        .flat_map(char::to_lowercase)
        .collect();
    if id.is_empty() {
        "heading".to_string()
    } else {
        id
    }
}

/// Zola's anchor slug: lowercase letters and digits, other runs one `-`.
fn zola_id(text: &str) -> String {
    let mut id = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    id.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use crate::render::{render_body, Flavour, Settings};
    use crate::site::SiteKind;

    /// As Hugo 0.111 writes them (Goldmark, `autoHeadingIDType = "github"`).
    #[test]
    fn heading_ids_as_hugo_writes_them() {
        let md = "## Hello World!\n\n## Hello World!\n\n## Ünïcode Ça va? `code` *em*\n\n### under_score & dash-es  spaces\n\n## Custom {#my-id}\n\n## !!!\n\n## 123 Go\n\nText.\n";
        let config = crate::site_config::read(SiteKind::Hugo, "hugo.toml", "title = \"t\"\n")
            .expect("a config");
        let settings = Settings {
            flavour: Flavour::CommonMark,
            site: crate::render::liquid::SiteVars::of(&config, Vec::new()),
            ..Default::default()
        };
        let html = render_body(md, &settings);
        let ids: Vec<&str> = html
            .split("id=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
            .collect();
        assert_eq!(
            ids,
            [
                "hello-world",
                "hello-world-1",
                "ünïcode-ça-va-code-em",
                "under_score--dash-es--spaces",
                "my-id",
                "heading",
                "123-go"
            ],
            "{html}"
        );
        assert!(html.contains("<h2 id=\"my-id\">Custom</h2>"), "{html}");
        // `autoHeadingID = false`: none.
        let config = crate::site_config::read(
            SiteKind::Hugo,
            "hugo.toml",
            "[markup.goldmark.parser]\nautoHeadingID = false\n",
        )
        .expect("a config");
        let plain = render_body(
            "## Hello\n",
            &Settings {
                flavour: Flavour::CommonMark,
                site: crate::render::liquid::SiteVars::of(&config, Vec::new()),
                ..Default::default()
            },
        );
        assert_eq!(plain, "<h2>Hello</h2>\n");
        // No site known: CommonMark writes none.
        let plain = render_body(
            "## Hello\n",
            &Settings {
                flavour: Flavour::CommonMark,
                ..Default::default()
            },
        );
        assert_eq!(plain, "<h2>Hello</h2>\n");
    }

    #[test]
    fn zola_slugs() {
        assert_eq!(super::zola_id("Hello World!"), "hello-world");
        assert_eq!(super::zola_id("  a -- b_c  "), "a-b-c");
        assert_eq!(super::zola_id("!!!"), "");
    }
}
