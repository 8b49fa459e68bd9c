//! Markdown body to preview HTML.
//!
//! The body is rendered with pulldown-cmark and the GitHub-flavoured extensions a Jekyll
//! site (kramdown with GFM input) also understands: tables, strikethrough, task lists and
//! footnotes. The front-matter block is never part of the rendered text.
//!
//! Link and image URLs with a scheme that runs code (`javascript:`, `vbscript:`, a
//! non-image `data:`) are replaced by `#`; raw HTML passes through, and the app shows the
//! preview in a sandboxed frame where no script runs (see `docs/ARCHITECTURE.md`).

pub mod blocks;
pub mod chunks;
pub mod jekyll;
pub mod liquid;
pub mod outline;

use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag};

use crate::post;

pub use blocks::{Block, BlockRenderer, Items, Patch};

/// Render a body in full with `settings`, as the preview shows it.
pub fn render_body(markdown: &str, settings: &Settings) -> String {
    BlockRenderer::with_settings(markdown, settings.clone()).html()
}

/// The HTML of the post's `excerpt` as an index page lists the post: its Markdown with the
/// definitions it names ([`render_excerpt`]); in the Jekyll flavour, an `excerpt:` key's
/// text is written as it is, since Jekyll writes `{{ post.excerpt }}` so when the front
/// matter sets it (no Markdown, no typographic quotes).
pub fn excerpt_html(excerpt: &crate::excerpt::Excerpt, settings: &Settings) -> String {
    match (&excerpt.convention, settings.flavour) {
        (crate::excerpt::Convention::FrontMatterKey, Flavour::Jekyll) => excerpt.markdown.clone(),
        _ => render_excerpt(&excerpt.card_markdown(), settings),
    }
}

/// An excerpt's HTML as an index page lists the post: in the Jekyll flavour as the preview
/// renders a body (kramdown writes `post.excerpt` as it writes the post); in CommonMark
/// with the Liquid site links resolved first.
pub fn render_excerpt(markdown: &str, settings: &Settings) -> String {
    match settings.flavour {
        Flavour::Jekyll => render_body(markdown, settings),
        // As the preview renders the body (the site's typography and raw HTML rules).
        Flavour::CommonMark => {
            render_body(&liquid::expand_links(markdown, &settings.site), settings)
        }
    }
}

/// The Markdown extensions the preview enables.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
}

/// How the preview renders a body.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Flavour {
    /// As a Jekyll site publishes it (kramdown, GFM input): see [`jekyll`].
    #[default]
    Jekyll,
    /// Plain CommonMark with the GitHub extensions.
    CommonMark,
}

impl Flavour {
    /// The flavour a site of `kind` publishes with: kramdown for Jekyll, CommonMark for
    /// Hugo (Goldmark) and Zola (pulldown-cmark); none for a folder of no generator.
    pub fn of_site(kind: crate::site::SiteKind) -> Option<Flavour> {
        use crate::site::SiteKind;
        match kind {
            SiteKind::Jekyll => Some(Flavour::Jekyll),
            SiteKind::Hugo | SiteKind::Zola => Some(Flavour::CommonMark),
            _ => None,
        }
    }
}

/// The preview's settings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    /// Which Markdown dialect the preview follows.
    pub flavour: Flavour,
    /// The site's address, against which relative links and images resolve (Jekyll
    /// flavour); empty for none.
    pub site_url: String,
    /// What the site's config and posts give the Jekyll flavour's Liquid (empty when no
    /// config is known: Liquid then shows as placeholders).
    pub site: liquid::SiteVars,
}

/// The parser options for `flavour`.
pub fn options_for(flavour: Flavour) -> Options {
    match flavour {
        Flavour::CommonMark => options(),
        Flavour::Jekyll => {
            options()
                | Options::ENABLE_SMART_PUNCTUATION
                | Options::ENABLE_DEFINITION_LIST
                | Options::ENABLE_MATH
                | Options::ENABLE_SUBSCRIPT
        }
    }
}

/// Render a Markdown body (no front matter) to HTML.
pub fn render_markdown(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() + markdown.len() / 2);
    html::push_html(
        &mut out,
        Parser::new_ext(markdown, options()).map(safe_event),
    );
    out
}

/// The event with a code-running link or image URL replaced by `#`.
pub(crate) fn safe_event(event: Event<'_>) -> Event<'_> {
    map_destination(event, safe_url)
}

/// The event with its link or image destination passed through `change` (which is told
/// whether it is an image's); other events unchanged.
pub(crate) fn map_destination<'a>(
    event: Event<'a>,
    change: impl FnOnce(CowStr<'a>, bool) -> CowStr<'a>,
) -> Event<'a> {
    match event {
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: change(dest_url, false),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: change(dest_url, true),
            title,
            id,
        }),
        other => other,
    }
}

/// What following a URL found in a post would do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlKind {
    /// A place in the post (`#id`).
    Fragment,
    /// A web or mail address, or a relative one.
    Safe,
    /// Anything else with a scheme: `javascript:`, `data:`, `vbscript:`, `file:`, ...
    Unsafe,
}

/// Classify `url` as a browser would read it: ASCII whitespace and control characters are
/// ignored, the scheme is case-insensitive.
pub fn url_kind(url: &str) -> UrlKind {
    let clean: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .collect();
    if clean.starts_with('#') {
        return UrlKind::Fragment;
    }
    let scheme_end = clean.find(|c: char| !(c.is_ascii_alphanumeric() || "+-.".contains(c)));
    match scheme_end {
        Some(end) if end > 0 && clean[end..].starts_with(':') => {
            match clean[..end].to_ascii_lowercase().as_str() {
                "http" | "https" | "mailto" => UrlKind::Safe,
                _ => UrlKind::Unsafe,
            }
        }
        _ => UrlKind::Safe,
    }
}

/// `url`, or `#` when its scheme would run code. Browsers ignore ASCII whitespace and
/// control characters inside a scheme, so they are skipped before comparing.
pub fn safe_url(url: CowStr<'_>, image: bool) -> CowStr<'_> {
    let scheme: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .take_while(|&c| c != ':')
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    let has_scheme = url.contains(':') && scheme.len() < 16;
    let lower = url.trim_start().to_ascii_lowercase();
    let unsafe_scheme = has_scheme
        && match scheme.as_str() {
            "javascript" | "vbscript" => true,
            "data" => {
                !(image && lower.starts_with("data:image/") && !lower.starts_with("data:image/svg"))
            }
            _ => false,
        };
    if unsafe_scheme {
        CowStr::Borrowed("#")
    } else {
        url
    }
}

/// Render the body of a whole post source: the front-matter block is left out.
pub fn render_post(src: &str) -> String {
    render_markdown(post::split(src).body_text(src))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_not_rendered() {
        let html = render_post("---\ntitle: Secret\n---\n# Hello\n");
        assert_eq!(html, "<h1>Hello</h1>\n");
    }

    #[test]
    fn gfm_extensions() {
        let cases = [
            ("~~gone~~", "<del>gone</del>"),
            (
                "- [x] done",
                "<input disabled=\"\" type=\"checkbox\" checked=\"\"/>",
            ),
            ("| a | b |\n|---|---|\n| 1 | 2 |", "<td>2</td>"),
            (
                "Note[^1]\n\n[^1]: The note.",
                "class=\"footnote-definition\"",
            ),
        ];
        for (md, expected) in cases {
            let html = render_markdown(md);
            assert!(html.contains(expected), "{md:?} gave {html:?}");
        }
    }

    #[test]
    fn code_running_urls_become_hash() {
        let cases = [
            ("[a](javascript:alert(1))", "href=\"#\""),
            ("[a](JaVaScRiPt:alert(1))", "href=\"#\""),
            ("[a](<java\tscript:alert(1)>)", "href=\"#\""),
            ("[a](vbscript:msgbox)", "href=\"#\""),
            ("[a](data:text/html,<script>x</script>)", "href=\"#\""),
            ("![a](<data:image/svg+xml,x>)", "src=\"#\""),
            (
                "![a](data:image/png;base64,AAAA)",
                "src=\"data:image/png;base64,AAAA\"",
            ),
            (
                "[a](https://example.com/x:y)",
                "href=\"https://example.com/x:y\"",
            ),
            ("[a](/posts/a:b)", "href=\"/posts/a:b\""),
            (
                "[a](mailto:me@example.com)",
                "href=\"mailto:me@example.com\"",
            ),
        ];
        for (md, expected) in cases {
            let html = render_markdown(md);
            assert!(html.contains(expected), "{md:?} gave {html:?}");
        }
    }

    #[test]
    fn url_kinds() {
        let cases = [
            ("#intro", UrlKind::Fragment),
            (" #x", UrlKind::Fragment),
            ("https://example.com", UrlKind::Safe),
            ("HTTP://example.com", UrlKind::Safe),
            ("mailto:me@example.com", UrlKind::Safe),
            ("/posts/a:b", UrlKind::Safe),
            ("img/a.png", UrlKind::Safe),
            ("?q=a:b", UrlKind::Safe),
            ("javascript:x", UrlKind::Unsafe),
            (" JavaScript:x", UrlKind::Unsafe),
            ("java\tscript:x", UrlKind::Unsafe),
            ("java\u{1}script:x", UrlKind::Unsafe),
            ("data:text/html,x", UrlKind::Unsafe),
            ("vbscript:x", UrlKind::Unsafe),
            ("file:///etc/passwd", UrlKind::Unsafe),
        ];
        for (url, kind) in cases {
            assert_eq!(url_kind(url), kind, "{url:?}");
        }
    }

    #[test]
    fn an_excerpt_follows_the_flavour() {
        let md = "A \"quoted\" [link]({{ site.baseurl }}/x).\n";
        let jekyll = Settings::default();
        let html = render_excerpt(md, &jekyll);
        assert!(html.contains("\u{201c}quoted\u{201d}"), "{html}");
        let plain = Settings {
            flavour: Flavour::CommonMark,
            ..Default::default()
        };
        let html = render_excerpt(md, &plain);
        assert!(html.contains("\"quoted\""), "{html}");
        assert!(html.contains("href=\"/x\""), "{html}");
    }

    /// As Jekyll 4.3.1 writes `{{ post.excerpt }}` (the Elixir blog's index page): an
    /// `excerpt:` key's text as it is; any other excerpt as kramdown renders it.
    #[test]
    fn a_key_excerpt_is_written_as_jekyll_writes_it() {
        let src = "---\nexcerpt: Elixir's *first* <b>release</b>\n---\nBody.\n";
        let found = crate::excerpt::detect(src);
        assert_eq!(
            excerpt_html(&found, &Settings::default()),
            "Elixir's *first* <b>release</b>"
        );
        let plain = Settings {
            flavour: Flavour::CommonMark,
            ..Default::default()
        };
        assert_eq!(
            excerpt_html(&found, &plain),
            "<p>Elixir's <em>first</em> <b>release</b></p>\n"
        );
        let unmarked = crate::excerpt::detect("---\nt: x\n---\nSee [it].\n\n[it]: /it\n");
        assert_eq!(
            excerpt_html(&unmarked, &Settings::default()),
            "<p>See <a href=\"/it\">it</a>.</p>\n"
        );
    }

    #[test]
    fn a_site_previews_in_its_generators_flavour() {
        use crate::site::SiteKind;
        assert_eq!(Flavour::of_site(SiteKind::Jekyll), Some(Flavour::Jekyll));
        assert_eq!(Flavour::of_site(SiteKind::Hugo), Some(Flavour::CommonMark));
        assert_eq!(Flavour::of_site(SiteKind::Zola), Some(Flavour::CommonMark));
    }

    #[test]
    fn unclosed_front_matter_is_body() {
        let html = render_post("---\ntitle: x\n");
        assert!(html.contains("title: x"), "{html}");
    }
}
