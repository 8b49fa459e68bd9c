use super::super::jekyll_html as jekyll;
use super::raw_regions;

#[test]
fn regions_span_blank_lines_to_the_matching_close() {
    let text = "a\n\n<div class=\"x\">\n\n<div>\n\n    <p>in</p>\n\n</div>\n\n</div>\n\nb\n";
    let regions = raw_regions(text);
    assert_eq!(regions.len(), 1);
    assert_eq!(&text[regions[0].clone()], &text[3..text.len() - 3]);
    // A line of spaces is a blank line too.
    let text = "<table>\n  <tr>\n    \n    <td>x</td>\n  </tr>\n</table>\n";
    assert_eq!(raw_regions(text), vec![0..text.len()]);
    // An element of Markdown content too: rendered whole by `markdown_attr.rs`.
    let text = "<div markdown=\"1\">\n\nx\n\n</div>\n";
    assert_eq!(raw_regions(text), vec![0..text.len()]);
    // No blank line inside, a span element, a fence: no region.
    for text in [
        "<div>\nx\n</div>\n",
        "<span>\n\nx</span>\n",
        "```\n<div>\n\nx\n\n</div>\n```\n",
        "<div>\n\nnever closed\n",
    ] {
        assert!(raw_regions(text).is_empty(), "{text:?}");
    }
}

/// Expected as Jekyll 4.3.1 writes them, whitespace aside: a lazy line opening with an
/// autolink or a block element's tag ends the quotation or list; a span element's
/// does not.
#[test]
fn a_lazy_line_opening_with_a_tag_ends_the_quotation_or_list() {
    let cases = [
        (
            "> quoted\n<https://e.com/1>\n",
            "<blockquote>\n<p>quoted</p>\n</blockquote>\n\
             <p><a href=\"https://e.com/1\">https://e.com/1</a></p>\n",
        ),
        (
            "* item\n<custom-el>x</custom-el>\n",
            "<ul>\n<li>item</li>\n</ul>\n<custom-el>x</custom-el>\n",
        ),
        (
            "1. item\n<http://e.com> and more\n",
            "<ol>\n<li>item</li>\n</ol>\n\
             <p><a href=\"http://e.com\">http://e.com</a> and more</p>\n",
        ),
        (
            "> quoted\n<b>bold</b> x\n",
            "<blockquote>\n<p>quoted\n<b>bold</b> x</p>\n</blockquote>\n",
        ),
        (
            "* item\n< not a tag\n",
            "<ul>\n<li>item\n&lt; not a tag</li>\n</ul>\n",
        ),
        (
            "> q\n<B>x</B> y\n",
            "<blockquote>\n<p>q</p>\n</blockquote>\n<p><b>x</b> y</p>\n",
        ),
    ];
    for (markdown, expected) in cases {
        assert_eq!(jekyll(markdown), expected, "{markdown:?}");
    }
}

/// Expected HTML as Jekyll 4.3.1 (kramdown 2.4) writes it, whitespace aside.
#[test]
fn block_html_stays_raw_across_blank_lines() {
    let html = jekyll(
        "<details>\n<summary>Click</summary>\n\nHidden *markdown* content.\n\n</details>\n\n\
         <div class=\"embed\">\n\n    <iframe src=\"https://example.com\"></iframe>\n\n</div>\n\n\
         After *that*.\n",
    );
    assert!(html.contains("\nHidden *markdown* content.\n"), "{html}");
    assert!(!html.contains("<pre"), "{html}");
    assert!(
        html.contains("    <iframe src=\"https://example.com\"></iframe>"),
        "{html}"
    );
    assert!(html.ends_with("<p>After <em>that</em>.</p>\n"), "{html}");
}

/// kramdown ends block HTML at its element's closing tag and reads on as Markdown;
/// a paragraph ends at a line opening block HTML. Expected as Jekyll 4.3.1 writes it
/// (whitespace between blocks aside).
#[test]
fn block_html_ends_at_its_closing_tag() {
    let cases = [
        (
            "<div>a</div> tail\nText\n",
            "<div>a</div>\n<p>tail\nText</p>\n",
        ),
        (
            "<div>\n<p>x</p>\n</div>\n## Heading\n",
            "<div>\n<p>x</p>\n</div>\n<h2 id=\"heading\">Heading</h2>\n",
        ),
        ("<hr>\n<br>\n", "<hr />\n<p><br /></p>\n"),
        ("<hr>\ntext\n", "<hr />\n<p>text</p>\n"),
        (
            "<p>para</p>\n* item\n",
            "<p>para</p>\n<ul>\n<li>item</li>\n</ul>\n",
        ),
        (
            "text\n<div>x</div>\nafter\n",
            "<p>text</p>\n<div>x</div>\n<p>after</p>\n",
        ),
        (
            "text\n<video src=x></video>\nmore\n",
            "<p>text</p>\n<video src=\"x\"></video>\n<p>more</p>\n",
        ),
        (
            "<div><div>a</div>\n</div> *x*\ntext\n",
            "<div><div>a</div>\n</div>\n<p><em>x</em>\ntext</p>\n",
        ),
        (
            "<div>a</div><div>b</div>\ntext\n",
            "<div>a</div>\n<div>b</div>\n<p>text</p>\n",
        ),
        (
            "<div markdown=\"0\">\n<img src=\"a.png\">\n</div>\nText\n",
            "<div>\n<img src=\"a.png\" />\n</div>\n<p>Text</p>\n",
        ),
        // Blank lines inside: the region to its closing tag, then Markdown.
        (
            "<div>\n\nx\n\n</div>\n*Text*\n",
            "<div>\n\nx\n\n</div>\n<p><em>Text</em></p>\n",
        ),
        // A span element's line goes on with the paragraph.
        ("text\n<span>x</span>\n", "<p>text\n<span>x</span></p>\n"),
    ];
    for (markdown, expected) in cases {
        assert_eq!(jekyll(markdown), expected, "{markdown:?}");
    }
    // As CommonMark reads them: a comment, an element not closed, code, a list.
    for (markdown, expected) in [
        ("<!--\n<div>x</div>\n-->\n", "<!--\n<div>x</div>\n-->\n"),
        ("<div>\n<p>open\ntext\n", "<div>\n<p>open\ntext\n"),
        (
            "* item\n<div>x</div>\n",
            "<ul>\n<li>item</li>\n</ul>\n<div>x</div>\n",
        ),
    ] {
        assert_eq!(jekyll(markdown), expected, "{markdown:?}");
    }
}

/// As Jekyll 4.3.1 writes it: an inline SVG drawing of a hundred kilobytes on one line
/// (houbb's draw.io diagrams) is block HTML to its closing tag, not a paragraph.
#[test]
fn a_long_element_on_one_line_is_block_html() {
    let paths = "<g><path d=\"M 0 0 L 1 1\"></path></g>".repeat(3_000);
    let svg = format!("<svg width=\"5\">{paths}</svg>");
    assert!(svg.len() > 64 * 1024);
    assert_eq!(
        jekyll(&format!("A\n\n{svg}\n\nB\n")),
        format!("<p>A</p>\n{svg}\n<p>B</p>\n")
    );
}

/// As Jekyll 4.3.1 writes them: the text after a comment on its line is Markdown (Peter
/// Forret's WordPress imports write `<!--more-->Only 2.8 cm of _bokeh_.`).
#[test]
fn text_after_a_comment_on_its_line_is_markdown() {
    assert_eq!(
        jekyll("Intro.\n\n<!-- note -->Only 2.8 cm of _bokeh_. How about\n<p>x</p>\n"),
        "<p>Intro.</p>\n<!-- note -->\n<p>Only 2.8 cm of <em>bokeh</em>. How about</p>\n<p>x</p>\n"
    );
    // Alone on its line, as CommonMark reads it.
    assert_eq!(jekyll("<!-- c -->\nnext\n"), "<!-- c -->\n<p>next</p>\n");
}

/// As Jekyll 4.3.1 writes them, whitespace aside (swift.org's blog): a `<script>` or `<style>` under a line
/// of block HTML runs raw to its closing tag, blank lines and all; CommonMark ended the
/// HTML block at the blank line and read the rest of the script as Markdown.
#[test]
fn a_script_under_a_line_of_html_runs_to_its_closing_tag() {
    let markdown = "<div class=\"card\">x</div>\n<script>\nvar a = 1;\n\nvar b = \"*c*\" < 2;\n</script>\n\nafter\n\n<div>y</div>\n<style>\np { color: red; }\n\n.a > .b { }\n</style >\ntail *t*\n";
    assert_eq!(
        jekyll(markdown),
        "<div class=\"card\">x</div>\n<script>\nvar a = 1;\n\nvar b = \"*c*\" < 2;\n</script>\n<p>after</p>\n<div>y</div>\n<style>\np { color: red; }\n\n.a > .b { }\n</style>\n<p>tail <em>t</em></p>\n"
    );
}
