//! `html_tags.rs` against what Jekyll 4.3.1 (kramdown 2.4) writes.

use super::super::jekyll_html as jekyll;
use super::*;

#[test]
fn tags_read_as_kramdown_reads_them() {
    let start = |name: &str, attrs: &[(&str, &str)], closed| Tag::Start {
        name: name.to_string(),
        attrs: attrs
            .iter()
            .map(|(a, v)| (a.to_string(), v.to_string()))
            .collect(),
        closed,
    };
    let cases: &[(&str, Option<(Tag, usize)>)] = &[
        (
            "<a href='x'>",
            Some((start("a", &[("href", "x")], false), 12)),
        ),
        (
            "<img src=a/>",
            Some((start("img", &[("src", "a")], true), 12)),
        ),
        ("<br>", Some((start("br", &[], false), 4))),
        (
            "<p hidden >",
            Some((start("p", &[("hidden", "")], false), 11)),
        ),
        (
            "<div a = \"1\"\nb='2'>",
            Some((start("div", &[("a", "1"), ("b", "2")], false), 19)),
        ),
        ("</div >", Some((Tag::Close("div".to_string()), 7))),
        // An unquoted value of more than a word, attributes without a space between
        // them, `=` with nothing the pattern reads: not tags.
        ("<img src=a.png>", None),
        ("<a href=\"x\"class=\"y\">", None),
        ("<a href=>", None),
        ("<1a>", None),
        ("< a>", None),
    ];
    for (tag, expected) in cases {
        assert_eq!(&tag_at(tag), expected, "{tag}");
    }
}

#[test]
fn block_html_written_again() {
    let cases = [
        (
            "<blockquote class='subtle'>\n  “<strong>x</strong> - y <br /><br />\n</blockquote>\n",
            Some("<blockquote class=\"subtle\">\n  “<strong>x</strong> - y <br /><br />\n</blockquote>\n"),
        ),
        (
            "<div class='x' data-a=1 hidden>\n  <img src='b.png'/>\n  <p id=''>para</P>\n  text & more &amp; <b title='q\"q'>b</b>\n</div>\n",
            Some("<div class=\"x\" data-a=\"1\" hidden=\"\">\n  <img src=\"b.png\" />\n  <p>para</p>\n  text &amp; more &amp; <b title=\"q&quot;q\">b</b>\n</div>\n"),
        ),
        (
            "<link id='css' rel=\"stylesheet\" href=\"s.css?6\">\n",
            Some("<link id=\"css\" rel=\"stylesheet\" href=\"s.css?6\" />\n"),
        ),
        (
            "<script>if (a < b && c) { x = '<p>'; }</script>\n",
            Some("<script>if (a < b && c) { x = '<p>'; }</script>\n"),
        ),
        (
            "<div>\n<img src=a.png> &#x41; &copy; & b\n<!-- a <b> -->\n</div>\n",
            Some("<div>\n&lt;img src=a.png&gt; &#x41; &copy; &amp; b\n<!-- a <b> -->\n</div>\n"),
        ),
        ("<Custom-El Data-X='1'></Custom-El>", Some("<Custom-El Data-X=\"1\"></Custom-El>")),
        // Elements left open: as CommonMark reads it.
        ("<div>\n<p>text\n</div>\n", None),
        ("<ul><li>a<li>b</ul>", None),
        // A closing tag that closes nothing at the block's top: left as it is (it may
        // close what a block above opened).
        ("</td>\n</tr>\n</table>\n", None),
        ("<div>a</p></div>\n</div>\n", None),
        // Inside an element none of its name is around: text, as Jekyll writes it.
        ("<div>a</span></div>", Some("<div>a&lt;/span&gt;</div>")),
        (
            "<div class=\"imgcap\">\n<img src=\"/a.jpg\" style=\"border:none;\">\n<div class=\"thecap\">Each (right). </a></div>\n</div>\n",
            Some("<div class=\"imgcap\">\n<img src=\"/a.jpg\" style=\"border:none;\" />\n<div class=\"thecap\">Each (right). &lt;/a&gt;</div>\n</div>\n"),
        ),
        // Closing an outer element first: left as it is.
        ("<div><span>a</div>", None),
        ("<script>no end", None),
    ];
    for (html, expected) in cases {
        assert_eq!(block_html(html).as_deref(), expected, "{html}");
    }
}

#[test]
fn span_html_as_kramdown_writes_it() {
    let cases = [
        (
            "Text <img src='a.png'> and <a href=x class='c'>link</a> and <span title=\"a\nb\">s</span>.",
            "<p>Text <img src=\"a.png\" /> and <a href=\"x\" class=\"c\">link</a> and <span title=\"a b\">s</span>.</p>\n",
        ),
        (
            "A link <a href=http://x.org/a>here</a> and <img src=a.png alt=b> end.",
            "<p>A link &lt;a href=http://x.org/a&gt;here&lt;/a&gt; and &lt;img src=a.png alt=b&gt; end.</p>\n",
        ),
        (
            "Some text <div>inline div</div> more.",
            "<p>Some text &lt;div&gt;inline div&lt;/div&gt; more.</p>\n",
        ),
        (
            "Open <span class=\"a\">to the end, <br> a break.",
            "<p>Open <span class=\"a\">to the end, <br /> a break.</span></p>\n",
        ),
        ("A stray </b> tag.", "<p>A stray &lt;/b&gt; tag.</p>\n"),
        ("An <em/>empty one.", "<p>An <em></em>empty one.</p>\n"),
    ];
    for (markdown, expected) in cases {
        assert_eq!(jekyll(markdown), expected, "{markdown}");
    }
}

#[test]
fn block_html_of_a_post_written_again() {
    let cases = [
        (
            "<div class='x' data-a=1 hidden>\n  <img src='b.png'/>\n</div>\n\nAfter.\n",
            "<div class=\"x\" data-a=\"1\" hidden=\"\">\n  <img src=\"b.png\" />\n</div>\n<p>After.</p>\n",
        ),
        (
            "<video controls src='v.mp4'></video>\n",
            "<video controls=\"\" src=\"v.mp4\"></video>\n",
        ),
    ];
    for (markdown, expected) in cases {
        assert_eq!(jekyll(markdown), expected, "{markdown}");
    }
}
