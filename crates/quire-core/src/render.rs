//! Markdown body to preview HTML.
//!
//! The body is rendered with pulldown-cmark and the GitHub-flavoured extensions a Jekyll
//! site (kramdown with GFM input) also understands: tables, strikethrough, task lists and
//! footnotes. The front-matter block is never part of the rendered text.

use pulldown_cmark::{html, Options, Parser};

use crate::post;

/// The Markdown extensions the preview enables.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
}

/// Render a Markdown body (no front matter) to HTML.
pub fn render_markdown(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() + markdown.len() / 2);
    html::push_html(&mut out, Parser::new_ext(markdown, options()));
    out
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
    fn unclosed_front_matter_is_body() {
        let html = render_post("---\ntitle: x\n");
        assert!(html.contains("title: x"), "{html}");
    }
}
