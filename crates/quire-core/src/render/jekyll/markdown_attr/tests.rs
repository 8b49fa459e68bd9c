//! kramdown's `markdown` attribute and `parse_block_html`, as Jekyll 4.3.1 writes them.

use super::super::jekyll_html as jekyll;

/// kramdown's link definitions are the document's: Markdown inside HTML reads those
/// made outside it, before and after (bitcoin.org's posts wrap their text so), as
/// Jekyll 4.3.1 writes them.
#[test]
fn markdown_in_html_knows_the_bodys_definitions() {
    assert_eq!(
        jekyll("[a]: /a\n\n<div markdown=\"1\">\nSee [a] and [b][].\n</div>\n\n[b]: /b \"B\"\n"),
        "<div>\n<p>See <a href=\"/a\">a</a> and <a href=\"/b\" title=\"B\">b</a>.</p>\n</div>\n"
    );
}

/// A comment keeps what it holds (jekyllrb-ja's docs keep the English original in
/// comments), as Jekyll 4.3.1 writes it.
#[test]
fn markdown_attributes_inside_a_comment_stay() {
    assert_eq!(
        jekyll("<div class=\"note\">\n  <!-- <h5 markdown=\"1\">Diving *in*</h5> -->\n  <p markdown=\"1\">Quick *x*</p>\n</div>\n"),
        "<div class=\"note\">\n  <!-- <h5 markdown=\"1\">Diving *in*</h5> -->\n  <p>Quick <em>x</em></p>\n</div>\n"
    );
    // A comment of several blocks holding `markdown="0"` (Jay Alammar's post on GPT-2
    // comments out a section).
    let html =
        "<!--\n### Memory\n\nText.\n\n<div class=\"w\" markdown=\"0\">\n  <br />\n</div>\n-->\n";
    assert_eq!(jekyll(html), html);
}

/// Elements one after another in one HTML block, `parse_block_html` on: each read on
/// its own (Jay Alammar's posts put a `markdown="0"` image column beside a column of
/// text and code), as Jekyll 4.3.1 writes them.
#[test]
fn elements_side_by_side_are_read_one_by_one() {
    let tight = |html: String| html.split_whitespace().collect::<String>();
    let html = jekyll(
        "{::options parse_block_html=\"true\" /}\n<div class=\"row\">\n\
         <div class=\"a\" markdown=\"0\">\n    <img src=\"/n.png\" alt=\"n\" />\n</div>\n\
         <div class=\"b\">\nIf a neuron has *inputs*.\n\n    node_output = input_1\n</div>\n\
         </div>\n",
    );
    assert!(
        tight(html.clone()).contains(&tight(
            "<div class=\"row\"><div class=\"a\"><img src=\"/n.png\" alt=\"n\" /></div>\
             <div class=\"b\"><p>If a neuron has <em>inputs</em>.</p>"
                .to_string()
        )),
        "{html}"
    );
    assert!(
        html.contains("<code>node_output = input_1\n</code>"),
        "{html}"
    );
}

/// A table's, a list's content stays raw, `markdown="1"` or `parse_block_html` on, as
/// Jekyll 4.3.1 writes it (Jay Alammar's posts indent a table in a `<div>` after
/// `{::options parse_block_html="true" /}`: its lines were read as code).
#[test]
fn raw_content_elements_keep_their_content() {
    assert_eq!(
        jekyll("<table markdown=\"1\">\n<tr><td>*x*</td></tr>\n</table>\n"),
        "<table>\n<tr><td>*x*</td></tr>\n</table>\n"
    );
    assert_eq!(
        jekyll("<ul markdown=\"1\">\n  <li>*x*</li>\n</ul>\n"),
        "<ul>\n  <li>*x*</li>\n</ul>\n"
    );
    let html = jekyll(
        "{::options parse_block_html=\"true\" /}\n<div class=\"t\">\n  <table>\n    \
         <thead>\n      <tr>\n        <th>*Age*</th>\n      </tr>\n    </thead>\n  \
         </table>\n</div>\n\nAfter.\n",
    );
    assert!(!html.contains("<code>") && !html.contains("<em>"), "{html}");
    assert!(html.contains("<th>*Age*</th>"), "{html}");
}

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
    // Content holding blank lines (a notice with a paragraph and code, as Minimal
    // Mistakes writes one), as Jekyll 4.3.1 writes it, whitespace aside.
    let notice = jekyll(
        "<div class=\"notice\" markdown=\"1\">\n**Note** text.\n\n```html\n<b>x</b>\n```\n</div>\n\nAfter.\n",
    );
    assert!(
        notice.starts_with(
            "<div class=\"notice\">\n<p><strong>Note</strong> text.</p>\n<div class=\"language-html"
        ) && notice.contains("&lt;b&gt;x&lt;/b&gt;")
            && notice.ends_with("</div>\n<p>After.</p>\n"),
        "{notice}"
    );
    // `markdown="1"` on an element whose content is text: a line of text, no `<p>`.
    assert_eq!(
        jekyll("<p markdown=\"1\">An *emphasis*</p>\n"),
        "<p>An <em>emphasis</em></p>\n"
    );
    // Inside raw HTML (Jekyll's docs write notes so), as Jekyll 4.3.1 writes it.
    let note = jekyll(
        "<div class=\"note info\">\n  <h5 markdown=\"1\">Drafts don't have `dates`</h5>\n  \
         <p markdown=\"1\">Unlike *posts*,\n    drafts don't.</p>\n</div>\n",
    );
    assert_eq!(
        note,
        "<div class=\"note info\">\n  <h5>Drafts don’t have <code class=\"language-plaintext \
         highlighter-rouge\">dates</code></h5>\n  <p>Unlike <em>posts</em>,\ndrafts don’t.</p>\n\
         </div>\n"
    );
    // Hundreds nested (blank lines between or not): the deepest stay raw, no stack
    // overflow (each level renders its content again).
    for gap in ["\n", "\n\n"] {
        let open = format!("<div markdown=\"1\">{gap}");
        let close = format!("</div>{gap}");
        let nested = format!("{}x{gap}{}", open.repeat(300), close.repeat(300));
        let html = std::thread::Builder::new()
            .stack_size(1 << 20)
            .spawn(move || jekyll(&nested))
            .expect("a thread")
            .join()
            .expect("rendered within 1 MB of stack");
        assert!(html.starts_with("<div>"), "{}", &html[..80]);
        assert!(html.contains("markdown=\"1\""), "the deepest raw");
    }
    // No attribute, or no closing tag at the end: raw, as before.
    for raw in [
        "<div class=\"x\">\n**raw**\n</div>\n",
        "<div markdown=\"1\">\n**raw**\n",
    ] {
        assert_eq!(jekyll(raw), raw, "{raw:?}");
    }
    // "0": raw, written without the attribute, blank lines inside or not.
    for (raw, gap) in [
        ("<div markdown=\"0\">", "\n"),
        ("<div markdown='0'>", "\n\n"),
    ] {
        let html = jekyll(&format!("{raw}{gap}**raw**{gap}</div>\n"));
        assert_eq!(html, format!("<div>{gap}**raw**{gap}</div>\n"));
    }
}

/// Elements with a `markdown` attribute one after another, no blank line between (Apache
/// Flink's code tabs, 2015-02-09): each holds Markdown, as Jekyll 4.3.1 writes them.
#[test]
fn markdown_elements_one_after_another() {
    let tight = |html: String| html.split_whitespace().collect::<String>();
    let html = jekyll(
        "<div class=\"codetabs\" markdown=\"1\">\n<div data-lang=\"scala\" markdown=\"1\">\n*a*\n</div>\n<div data-lang=\"java7\" markdown=\"1\">\n*b*\n</div>\n</div>\n\n<div markdown=\"1\">\n*c*\n</div>\n<div>\n*d*\n</div>\n\nAfter.\n",
    );
    assert_eq!(
        tight(html),
        tight(
            "<div class=\"codetabs\"><div data-lang=\"scala\"><p><em>a</em></p></div>\
             <div data-lang=\"java7\"><p><em>b</em></p></div></div>\
             <div><p><em>c</em></p></div><div>\n*d*\n</div><p>After.</p>"
                .to_string()
        )
    );
}

/// The same with blank lines in each element's code (Apache Flink's code tabs hold
/// `{% highlight %}` blocks with blank lines), as Jekyll 4.3.1 writes them.
#[test]
fn markdown_elements_holding_blank_lines_one_after_another() {
    let tight = |html: String| html.split_whitespace().collect::<String>();
    let html = jekyll(
        "<div class=\"codetabs\" markdown=\"1\">\n<div data-lang=\"scala\" markdown=\"1\">\n{% highlight scala %}\nval a = 1\n\nval b = 2\n{% endhighlight %}\n</div>\n<div data-lang=\"java7\" markdown=\"1\">\n{% highlight java %}\nint a = 1;\n\nint b = 2;\n{% endhighlight %}\n</div>\n</div>\n\nAfter.\n",
    );
    let html = tight(html);
    for expected in [
        "<divdata-lang=\"java7\"><figureclass=\"highlight\"><pre><codeclass=\"language-java\"data-lang=\"java\">",
        "<divdata-lang=\"scala\"><figureclass=\"highlight\"><pre><codeclass=\"language-scala\"data-lang=\"scala\">",
        "<p>After.</p>",
    ] {
        assert!(html.contains(expected), "{expected} in {html}");
    }
    assert!(!html.contains("markdown="), "{html}");
}
