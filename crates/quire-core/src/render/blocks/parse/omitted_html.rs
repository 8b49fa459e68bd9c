//! Raw HTML as Hugo writes it by default: its Markdown renderer (Goldmark) is not
//! `unsafe`, so each HTML block and each piece of inline HTML (a tag, a comment) is
//! written as `<!-- raw HTML omitted -->`, its content dropped. A site whose config sets
//! `markup.goldmark.renderer.unsafe = true` shows it (`MarkdownOptions::raw_html`).

use core::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// What Goldmark writes in place of raw HTML.
const OMITTED: &str = "<!-- raw HTML omitted -->";

/// Feeds a parse's events through, raw HTML omitted.
#[derive(Default)]
pub(super) struct OmittedHtml {
    /// Inside an HTML block, and whether its stand-in is written yet.
    block: Option<bool>,
}

impl OmittedHtml {
    /// The event to write for `event` (none for more of an HTML block's lines).
    pub(super) fn feed<'a>(
        &mut self,
        event: Event<'a>,
        range: Range<usize>,
    ) -> Option<(Event<'a>, Range<usize>)> {
        let event = match event {
            Event::Start(Tag::HtmlBlock) => {
                self.block = Some(false);
                Event::Start(Tag::HtmlBlock)
            }
            Event::End(TagEnd::HtmlBlock) => {
                self.block = None;
                Event::End(TagEnd::HtmlBlock)
            }
            Event::Html(_) => match self.block {
                Some(true) => return None,
                _ => {
                    self.block = self.block.map(|_| true);
                    Event::Html(CowStr::from(format!("{OMITTED}\n")))
                }
            },
            Event::InlineHtml(_) => Event::InlineHtml(CowStr::Borrowed(OMITTED)),
            other => other,
        };
        Some((event, range))
    }
}

#[cfg(test)]
mod tests {
    use crate::render::{render_body, Flavour, Settings};

    /// As Hugo 0.111 (Goldmark, `unsafe` off by default) writes them.
    #[test]
    fn raw_html_as_hugo_writes_it_by_default() {
        let md = "First para with <b>bold</b> and <!-- a comment --> inline.\n\n<div class=\"x\">\nblock\n</div>\n\n<!-- block comment -->\n\nSecond para.\n";
        let config = crate::site_config::read(
            crate::site::SiteKind::Hugo,
            "hugo.toml",
            "baseURL = \"https://example.org/\"\n",
        )
        .expect("a config");
        let mut settings = Settings {
            flavour: Flavour::CommonMark,
            site: crate::render::liquid::SiteVars::of(&config, Vec::new()),
            ..Default::default()
        };
        assert_eq!(
            render_body(md, &settings),
            "<p>First para with <!-- raw HTML omitted -->bold<!-- raw HTML omitted --> and <!-- raw HTML omitted --> inline.</p>\n<!-- raw HTML omitted -->\n<!-- raw HTML omitted -->\n<p>Second para.</p>\n"
        );
        // `unsafe = true`: as written.
        let config = crate::site_config::read(
            crate::site::SiteKind::Hugo,
            "hugo.toml",
            "[markup.goldmark.renderer]\nunsafe = true\n",
        )
        .expect("a config");
        settings.site = crate::render::liquid::SiteVars::of(&config, Vec::new());
        let html = render_body(md, &settings);
        assert!(
            html.contains("<b>bold</b>") && html.contains("<div class=\"x\">"),
            "{html}"
        );
        // No site known: as written.
        let html = render_body(
            md,
            &Settings {
                flavour: Flavour::CommonMark,
                ..Default::default()
            },
        );
        assert!(html.contains("<b>bold</b>"), "{html}");
    }

    /// Hugo's typographer is on unless its config turns it off (Hugo 0.111 writes
    /// `&ldquo;quoted&rdquo; &ndash; dash&hellip;`); Zola's `smart_punctuation` is off unless
    /// set; a CommonMark preview of no known site keeps the text as written. The excerpt
    /// card follows the same rules.
    #[test]
    fn typography_as_hugo_and_zola_write_it() {
        let md = "Second \"quoted\" para -- dash... <i>x</i>\n";
        let render = |kind, file, config: &str| {
            let config = crate::site_config::read(kind, file, config).expect("a config");
            let settings = Settings {
                flavour: Flavour::CommonMark,
                site: crate::render::liquid::SiteVars::of(&config, Vec::new()),
                ..Default::default()
            };
            let excerpt = crate::excerpt::detect(md);
            (
                render_body(md, &settings),
                crate::render::excerpt_html(&excerpt, &settings),
            )
        };
        use crate::site::SiteKind::{Hugo, Zola};
        let curly = "<p>Second \u{201c}quoted\u{201d} para \u{2013} dash\u{2026} <!-- raw HTML omitted -->x<!-- raw HTML omitted --></p>\n";
        assert_eq!(
            render(Hugo, "hugo.toml", "title = \"t\"\n"),
            (curly.to_string(), curly.to_string())
        );
        let (straight, _) = render(
            Hugo,
            "hugo.toml",
            "[markup.goldmark.extensions]\ntypographer = false\n",
        );
        assert!(
            straight.contains("\"quoted\" para -- dash..."),
            "{straight}"
        );
        let (zola, _) = render(Zola, "config.toml", "base_url = \"https://e.org\"\n");
        assert!(
            zola.contains("\"quoted\" para -- dash... <i>x</i>"),
            "{zola}"
        );
        let (zola, _) = render(
            Zola,
            "config.toml",
            "base_url = \"https://e.org\"\n[markdown]\nsmart_punctuation = true\n",
        );
        assert!(
            zola.contains("\u{201c}quoted\u{201d}") && zola.contains("<i>x</i>"),
            "{zola}"
        );
        let plain = render_body(
            md,
            &Settings {
                flavour: Flavour::CommonMark,
                ..Default::default()
            },
        );
        assert!(plain.contains("\"quoted\" para -- dash..."), "{plain}");
    }
}
