//! Block HTML in the "Jekyll" preview flavour against what kramdown makes of it: span
//! tags opening paragraphs, pipes in block HTML, elements with `markdown="1"` and their
//! headings' ids.

use crate::render::{render_body, Flavour, Settings};

fn jekyll(md: &str) -> String {
    render_body(
        md,
        &Settings {
            flavour: Flavour::Jekyll,
            ..Default::default()
        },
    )
}

/// A span element's tag alone on its line opens a paragraph that ends at a line opening
/// block HTML, and the Markdown after that element is read again (Jekyll 4.3.1; swift.org
/// writes an image, its caption as `<p>`, then `<br/>`).
#[test]
fn a_paragraph_opened_by_a_span_tag_ends_at_block_html() {
    let md = "<img src=\"/a.png\">\n<div>d</div>\n<br/>\n\n\
              <img src=\"/b.png\">\n<p>c</p>\ntext\n";
    let html = jekyll(md);
    let lines: Vec<&str> = html.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(
        lines,
        [
            "<p><img src=\"/a.png\" /></p>",
            "<div>d</div>",
            "<p><br /></p>",
            "<p><img src=\"/b.png\" /></p>",
            "<p>c</p>",
            "<p>text</p>",
        ]
    );
}

/// Block HTML holding a `|` is no table: kramdown reads block HTML first (Jekyll 4.3.1;
/// Baby Steps draws a diagram as one line of `<svg>`).
#[test]
fn block_html_with_a_pipe_is_no_table() {
    let md = "Intro:\n\n<svg width=\"1\"><text>a | b</text></svg>\n\nAfter.\n\n\
              <video src=\"x.mp4\"> a | b </video>\n";
    assert_eq!(
        jekyll(md),
        "<p>Intro:</p>\n<svg width=\"1\"><text>a | b</text></svg>\n<p>After.</p>\n\
         <video src=\"x.mp4\"> a | b </video>\n"
    );
}

/// An element with `markdown="1"` indented inside another is read as Markdown too, the
/// white space around its text kept (Jekyll 4.3.1; opensource.guide credits each
/// quotation so).
#[test]
fn an_indented_element_with_markdown_on_is_read() {
    let md = "<aside markdown=\"1\" class=\"pquote\">\n  You need a \"home\" URL.\n  \
              <p markdown=\"1\" class=\"pquote-credit\">\n— Peter, [\"How\"](https://h.org/x/)\n  \
              </p>\n</aside>\n\nAfter.\n";
    let html = jekyll(md);
    assert!(
        html.contains(
            "<p class=\"pquote-credit\">\n— Peter, <a href=\"https://h.org/x/\">“How”</a>\n  </p>"
        ),
        "{html}"
    );
    assert!(html.contains("<p>You need a “home” URL.</p>"), "{html}");
    assert!(!html.contains("markdown="), "{html}");
}

/// A credit whose text starts like a list item, and a quotation's line indented four
/// spaces before it (opensource.guide's Russian and legal articles), as Jekyll 4.3.1
/// writes them: text in the credit, the credit read as Markdown after the paragraph.
#[test]
fn a_credit_line_is_text_and_an_indented_line_goes_on_the_paragraph() {
    assert_eq!(
        jekyll("<p markdown=\"1\" class=\"pquote-credit\">\n- @lord, [\"Tips\"](https://lord.io/x/)\n</p>\n"),
        "<p class=\"pquote-credit\">\n- @lord, <a href=\"https://lord.io/x/\">“Tips”</a>\n</p>\n"
    );
    let html = jekyll(
        "<aside markdown=\"1\" class=\"pquote\">\n  <img src=\"/a.png\" alt=\"avatar\">\n    We have eliminated the CLA.\n  <p markdown=\"1\" class=\"pquote-credit\">\n— @b, [\"B\"](https://b.org/x)\n  </p>\n</aside>\n",
    );
    assert!(
        html.contains("<p><img src=\"/a.png\" alt=\"avatar\" />\nWe have eliminated the CLA.</p>"),
        "{html}"
    );
    assert!(
        html.contains(
            "<p class=\"pquote-credit\">\n— @b, <a href=\"https://b.org/x\">“B”</a>\n  </p>"
        ),
        "{html}"
    );
}

/// A heading in block HTML read as Markdown gets kramdown's converter id (ASCII letters
/// and digits, `section` when none), not its GFM parser's (Jekyll 4.3.1; opensource.guide's
/// Arabic articles sit in `<div dir="rtl" markdown="1">`).
#[test]
fn a_heading_in_markdown_html_gets_the_converters_id() {
    let md = "<div dir=\"rtl\" markdown=\"1\">\n\n## ما معنى أن تكون مسؤول عن مشروع؟\n\n\
              ## لماذا (code of conduct) 2\n\n## 3 Ünïcode Title!\n\n## آخر\n\n</div>\n\n\
              ## Outside é\n";
    let html = jekyll(md);
    let ids: Vec<&str> = html
        .split("id=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    assert_eq!(
        ids,
        [
            "section",
            "code-of-conduct-2",
            "ncode-title",
            "section-1",
            "outside-é"
        ]
    );
}

/// An element with `markdown="1"` after a paragraph opened by an image, in the same HTML
/// block to CommonMark, is read as Markdown there (Jekyll 4.3.1; opensource.guide's
/// quotations: an avatar, the quote, the credit).
#[test]
fn an_element_with_markdown_on_after_a_paragraph_is_read() {
    let md =
        "<aside markdown=\"1\" class=\"pquote\">\n  <img src=\"/a.png\" class=\"pquote-avatar\" \
              alt=\"avatar\">\n  I fumbled it.\n  <p markdown=\"1\" class=\"pquote-credit\">\n\
              — @lord, [\"Tips\"](https://lord.io/x/)\n  </p>\n</aside>\n";
    let html = jekyll(md);
    assert!(
        html.contains(
            "<p><img src=\"/a.png\" class=\"pquote-avatar\" alt=\"avatar\" />\nI fumbled it.</p>"
        ),
        "{html}"
    );
    assert!(
        html.contains(
            "<p class=\"pquote-credit\">\n— @lord, <a href=\"https://lord.io/x/\">“Tips”</a>\n  </p>"
        ),
        "{html}"
    );
}
