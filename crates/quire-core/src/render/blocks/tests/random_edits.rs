//! Random edits of random bodies made of lines that exercise the parser: every update
//! equals a full render, in both flavours.

use proptest::prelude::*;

use super::{check_update, commonmark, kramdown};
use crate::render::blocks::BlockRenderer;

const LINES: &[&str] = &[
    "# Heading",
    "## Sub *heading*",
    "### Heading!",
    "* toc",
    "{:toc}",
    "Plain text with a [link](/x) and `code`.",
    "A [link](http://x/s",
    "rc/f.md) goes on.",
    "Raw <mark>*not* \"em\"",
    "</mark> *em* <u>a <b>c</b></u>",
    "*a <u>b* c</u> <u>*d</u> e*",
    "x {::nomarkdown}<b>*r*</b>{:/} y",
    "more text",
    "",
    "",
    "- item",
    "- cell | cell",
    "- [ ] task",
    "  - nested",
    "  continued",
    "1. one",
    "2) two",
    "> quote",
    "> a | b",
    "> > deeper",
    "```rust",
    "```js title",
    "```",
    "~~~",
    "    indented code",
    "---",
    "===",
    "***",
    "| a | b |",
    "|---|:-:|",
    "| 1 | 2 |",
    "[ref]: /url \"Title\"",
    "[Other Ref]: </a b>",
    "see [ref], [other ref] and [missing]",
    "See [it] [ref] and [that]",
    "[Other Ref] now",
    "<div class=\"x\">",
    "</div>",
    "<!-- excerpt start -->",
    "<!-- excerpt end -->",
    "<script>",
    "</script>",
    "a note[^n]",
    "[^n]: the note",
    "two notes[^1] and[^n] here, [^N] and [^1](/x)",
    "[^1]: first note with *em* and a ref[^n]",
    "[^m]: never referred to",
    "> [^q]: nested note",
    "ref[^q] and[^a b]",
    "[^a b]: spaced",
    "~~struck~~ and **bold**",
    "{% include x.html %}",
    "{: .note}",
    "{: #custom-id .wide}",
    "Text with {{ page.title }} and *span*{:.hl}.",
    "## Repeated",
    "## Repeated {#fixed}",
    "![img](/assets/x.png)",
    "<!-- more -->",
    "\tTabbed",
    "é ü 日本",
    "Term",
    ": A definition.",
    ": Another *one*.",
    "$$",
    "Math $$a_1 + b_1$$ and $x$ in text.",
    "{::comment}",
    "{:/comment}",
    "{::nomarkdown}",
    "{:/nomarkdown}",
    "{:/}",
    "{::options parse_block_html=\"true\" /}",
    "*[HTML]: Hyper Text Markup Language",
    "An HTML abbreviation.",
    "<div class=\"note\" markdown=\"1\">",
    "</div>",
    "![A](/a.png){: width=\"50%\"} and [l](https://x.org){:target=\"_blank\"}",
    "3. three",
    "- [x] done",
    "- #### A heading item",
    "{% comment %}",
    "{% endcomment %}",
    "A {% comment %}hidden *x*{% endcomment %} line",
    "```mermaid",
    "{% highlight ruby %}",
    "{% highlight ruby %}  x = 1",
    "{% endhighlight %}",
    "{% raw %}",
    "{% endraw %}",
    "Raw {{ page.x }} and {% raw %}{{ y }}{% endraw %} `{% raw %}{{ z }}{% endraw %}`",
    "[a]({{ site.repository",
    "}}/issues/1) after",
    "    ",
    "![a]({{ site.url }}{{ site.baseurl }}/x.png)",
    "{% highlight html linenos %}",
    "{% assign ids = \"1|2\" | split: \"|\" %}",
    "{% for id in ids %}",
    "[#{{ id }}]: /issues/{{ id }}",
    "{% endfor %}",
    "See [#1][] and [#2][].",
    "<img src=\"a.png\" alt=\"x\">",
    "<em>",
    "</em>",
    "<video src=\"v.mp4\" controls></video> and *after*",
    "It's the '80s, \"quoted\" -- and <<so>> on...",
    "| `x|y` | z |",
    "1. Step one",
    "  * sub",
    "* lazy",
    "+ plus",
    "H~2~O, ~new~ and ***both***",
    "|---|---|",
    "|===|===|",
    "| wide | row | of | four |",
    "|  | empty |",
    "* any list",
    "Price $5 and $x *y* z$ and [l](/a$b)",
    "Tags <xsl:when> and <mailto:a@b.c> and <stdint.h> inline",
    "Posted in Rust | 5 min",
    "{: .table}",
    "  ```",
    "     indented code",
    " 2. two",
    "'Tis `code`'s \\\"escaped\" <code>--\"raw\"</code> [l](/x)'s",
    "Spaced x` a ` y and `` ` z`` w ``   `` end",
    "![i](/i.png){:srcset=\"{{ site.baseurl }}/i@2x.png 2x\"} tail",
    "<div>a</div> tail",
    "<p>para</p><div>b</div>",
    "<hr>",
    "<div markdown=\"0\">",
    "<iframe src=\"https://example.org\"></iframe>",
    "<!-- open",
    "-->",
    "<!--more-->",
    "変更の**[ブランチ](/f)**を and *[c](d)*x",
    "Then $dt = n \\,du$ and \\/ or \\\\, kept",
    "<!-- note --> tail",
    "  <!-- c -->",
    "[a](b c) and ![d](e f.png \"t\")",
    "中文……**所以粗体**后面，**粗体：**中文",
    "<https://e.com/1>",
    "<custom-el>x</custom-el>",
    "^",
    "A wrapped line ending so",
    "1980. And yet a list",
    ":ssl_ca_cert and :tight colons",
    ": a definition",
    ":     a wide definition",
    "[Metro](/wiki/Metro_(design\\)) and [b](/p(q))",
    "This *does _not_ work*, **a**，**b** and **표기법(빅오)**이",
    "![A](/a.png){:.circle.shadow#pic}",
    "###",
    "## ##",
    " ## Indented heading",
    "{% assign v = \"1\" %}",
    "[d]: /x/b) \"T\"",
    "[e]: /f g",
    "Spaces before a break   ",
    "[#1][] [#2][] \\|\"q\" and [d] [e]",
    "x  {%- raw %}{{ r }}{% endraw %}",
    "- [Title | Site](/x) and **a | b** — c",
    "<!-- Read the *full* [code](/c/) `x` -->",
    "Jekyllは**Ruby > {{ page.v }}**が and *{% raw %}x{% endraw %}*",
    "+",
    "-",
    " -",
    "2.",
    "**sync(List<String> a)：** and [x <key> y](/u) ~~a <k>b~~",
    "best&mdash;*browsing* <img src=&#8221;...&#8221; />",
    "{% raw %}",
    "{% endraw %}",
    "\t{% if x %}{{ mess }} {{ count }}",
    "|:---:---||",
    "<!--more-->Only _bokeh_ here",
    "{% include img.html",
    "%}",
    "Text with `a span<br />",
    "` closing it",
    "  2012. A numbered line",
    "      code in an item",
    "1)  After a break",
    ":",
    "[text over",
    "385] [e]. More",
    "<div markdown=\"1\">",
    "</div>",
    "![i](/i.png){: .icon",
    "width=\"70\"}Text",
    "{{ site.license.url }} {{ site.nothing }}",
];

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(LINES), 0..30).prop_map(|lines| {
        let mut s = lines.join("\n");
        s.push('\n');
        s
    })
}

fn insertion() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(LINES).prop_map(|l| format!("{l}\n")),
        prop::sample::select(LINES).prop_map(str::to_string),
        prop::sample::select(
            &[
                "\n", "\n\n", "`", "```", "-", "#", ">", " ", "x", "[", "]", "<", "|", "*", ":",
                "$", "。", "**", "^", "\\", ")", "("
            ][..]
        )
        .prop_map(str::to_string),
    ]
}

/// A random edit: delete `len` characters at fraction `at` of the text, insert `text`.
pub(super) fn edit(body: &str, at: f64, len: usize, text: &str) -> String {
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let i = ((chars.len() as f64) * at) as usize;
    let start = chars.get(i).map_or(body.len(), |&(b, _)| b);
    let end = chars.get(i + len).map_or(body.len(), |&(b, _)| b);
    format!("{}{}{}", &body[..start], text, &body[end..])
}

proptest! {
    // The same cases on every run, so that a run's result does not depend on a draw;
    // explore further locally by raising the cases or changing the seed (the latent
    // cases found so are written down in the notes).
    #![proptest_config(ProptestConfig {
        cases: 2000,
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x5175_6972_6520_0001),
        ..ProptestConfig::default()
    })]

    #[test]
    fn every_update_equals_a_full_render(
        doc in document(),
        edits in prop::collection::vec((0.0f64..1.0, 0usize..12, insertion()), 1..6),
        jekyll in any::<bool>(),
    ) {
        let settings = if jekyll { kramdown() } else { commonmark() };
        let mut r = BlockRenderer::with_settings(&doc, settings);
        let mut body = doc;
        for (at, len, text) in edits {
            body = edit(&body, at, len, &text);
            check_update(&mut r, &body);
        }
    }
}

/// A span opened inside a raw element (`<u>*d</u>`) closing inside a later one on another
/// line (a property test's case): its marker is the later element's text, and the term's
/// paragraph stays one block (a stray end had cut it into blocks of their own, which an
/// update then doubled).
#[test]
fn a_span_closing_inside_the_next_raw_element_updates_as_it_renders() {
    let doc = "*a <u>b* c</u> <u>*d</u> e*\n</mark> *em* <u>a <b>c</b></u>\n変更の**[ブランチ](/f)**を and *[c](d)*x\n: A definition.\n{% highlight ruby %}\n[ref]: /url \"Title\"\n[ref]: /url \"Title\"\nMath $$a_1 + b_1$$ and $x$ in text.\n{% highlight ruby %}\n<div class=\"note\" markdown=\"1\">\n# Heading\n[ref]: /url \"Title\"\n# Heading\n# Heading\n[ref]: /url \"Title\"\n<video src=\"v.mp4\" controls></video> and *after*\n# Heading\nThis *does _not_ work*, **a**，**b** and **표기법(빅오)**이\n[ref]: /url \"Title\"\nref[^q] and[^a b]\n";
    let mut r = BlockRenderer::with_settings(doc, kramdown());
    let mut body = doc.to_string();
    for (at, len, text) in [
        (0.05044693660328839, 2, " "),
        (0.489533394841371, 0, "# Heading\n"),
    ] {
        body = edit(&body, at, len, text);
        check_update(&mut r, &body);
    }
}

/// kramdown's lazy lines of an indented code block are joined to it where the parser
/// finds the block (a property test's case: a line scan had taken the tab-indented line
/// for a note's content, an HTML block's text to the parser, and a window starting at it
/// joined the line under it where the full render did not).
#[test]
fn lazy_code_lines_join_alike_in_a_window_and_the_whole() {
    let doc = "</em>\n[^n]: the note\n\tTabbed\n</mark> *em* <u>a <b>c</b></u>\n[Metro](/wiki/Metro_(design\\)) and [b](/p(q))\n     indented code\nPlain text with a [link](/x) and `code`.\n1. one\n| wide | row | of | four |\n# Heading\n| a | b |\nH~2~O, ~new~ and ***both***\n{% highlight ruby %}\n- item\n~~struck~~ and **bold**\nRaw <mark>*not* \"em\"\nmore text\n![a]({{ site.url }}{{ site.baseurl }}/x.png)\n# Heading\nmore text\n- item\n[ref]: /url \"Title\"\n![a]({{ site.url }}{{ site.baseurl }}/x.png)\n";
    let mut r = BlockRenderer::with_settings(doc, kramdown());
    let mut body = doc.to_string();
    for (at, len, text) in [
        (0.029188597583780892, 7, "# Heading\n"),
        (0.9801207002579967, 0, "# Heading\n"),
    ] {
        body = edit(&body, at, len, text);
        check_update(&mut r, &body);
    }
}

/// A code block after an HTML comment's line takes its lazy lines, in a window's update
/// as in a full render (a property test's case: a narrower test of where code may start
/// had left the old render's line a paragraph, which a window then kept).
#[test]
fn lazy_code_lines_after_a_comment_update_as_they_render() {
    let doc = ":     a wide definition\n* toc\n- [ ] task\n[^n]: the note\n<!-- note --> tail\n    indented code\né ü 日本\n- [ ] task\n";
    let mut r = BlockRenderer::with_settings(doc, kramdown());
    let mut body = doc.to_string();
    for (at, len, text) in [(0.0, 6, "`"), (0.6146032453253083, 4, "# Heading\n")] {
        body = edit(&body, at, len, text);
        check_update(&mut r, &body);
    }
}

/// Block HTML of two elements on one line, neither asking for Markdown, is left as
/// written, its line break kept (a property test's case: written again without it, the
/// next block's HTML opened with a line break in a full render only).
#[test]
fn side_by_side_elements_keep_their_line_break() {
    let doc = "# Heading\nPrice $5 and $x *y* z$ and [l](/a$b)\n<p>para</p><div>b</div>\n\nmore text\n```mermaid\n# Heading\n";
    let mut r = BlockRenderer::with_settings(doc, kramdown());
    let body = edit(doc, 0.9826121964167249, 0, "# Heading\n");
    check_update(&mut r, &body);
}
