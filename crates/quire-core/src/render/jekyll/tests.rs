//! The "Jekyll" preview flavour against what kramdown makes of the same Markdown.

use super::*;
use crate::render::{render_body, Flavour, Settings};

fn jekyll(md: &str, site_url: &str) -> String {
    render_body(
        md,
        &Settings {
            flavour: Flavour::Jekyll,
            site_url: site_url.into(),
            ..Default::default()
        },
    )
}

#[test]
fn liquid_in_link_destinations_makes_links_resolved_from_the_site() {
    let md = "See [a patch][1349] and [file a bug]({{ site.repository }}/issues/new?title=Bug), \
                  [welcome]({% post_url 2016-01-02-welcome %}), [gone]({% post_url 2001-01-01-gone %}) \
                  and ![logo]({{ '/img/logo.png' | relative_url }}). {{ site.title }} {{ page.x }}\n\n\
                  [1349]: {{ site.repository }}/issues/1349\n";
    // Without a config: links all the same (as Jekyll parses them), Liquid kept.
    let plain = jekyll(md, "");
    assert!(
        plain.contains("<a href=\"{{ site.repository }}/issues/1349\">a patch</a>"),
        "{plain}"
    );
    assert!(plain.contains(">file a bug</a>"), "{plain}");
    assert!(plain.contains(">welcome</a>"), "{plain}");
    assert!(!plain.contains("[a patch]"), "{plain}");
    let config = crate::site_config::read(
        crate::site::SiteKind::Jekyll,
        "_config.yml",
        "title: Jekyll\nbaseurl: /docs\nrepository: https://github.com/jekyll/jekyll\n",
    )
    .expect("a config");
    let vars = crate::render::liquid::SiteVars::of(
        &config,
        vec![(
            "_posts/2016-01-02-welcome.md".to_string(),
            "/news/welcome/".to_string(),
        )],
    );
    let html = render_body(
        md,
        &Settings {
            flavour: Flavour::Jekyll,
            site: vars,
            ..Default::default()
        },
    );
    for want in [
        "<a href=\"https://github.com/jekyll/jekyll/issues/1349\">a patch</a>",
        "<a href=\"https://github.com/jekyll/jekyll/issues/new?title=Bug\">file a bug</a>",
        "<a href=\"/docs/news/welcome/\">welcome</a>",
        "<img src=\"/docs/img/logo.png\" alt=\"logo\"",
        "title=\"{{ site.title }}\">Jekyll</span>",
        "title=\"Liquid: Jekyll fills this in\">{{ page.x }}</span>",
    ] {
        assert!(html.contains(want), "{want} in {html}");
    }
    // A post that does not exist stays visible as Liquid.
    assert!(
        html.contains("<a href=\"{% post_url 2001-01-01-gone %}\">gone</a>"),
        "{html}"
    );
}

#[test]
fn the_sites_kramdown_options_apply() {
    let render = |config: &str| {
        let config = crate::site_config::read(crate::site::SiteKind::Jekyll, "_config.yml", config)
            .expect("a config");
        render_body(
            "# A \"quoted\" title\n\nOne\ntwo\n",
            &Settings {
                flavour: Flavour::Jekyll,
                site: crate::render::liquid::SiteVars::of(&config, Vec::new()),
                ..Default::default()
            },
        )
    };
    let default = render("");
    assert!(
        default.contains("<h1 id=\"a-quoted-title\">A “quoted” title</h1>"),
        "{default}"
    );
    assert!(default.contains("One\ntwo"), "{default}");
    let options = render(
        "kramdown:\n  auto_id_prefix: h-\n  hard_wrap: true\n  smart_quotes: apos,apos,quot,quot\n",
    );
    assert!(
        options.contains("<h1 id=\"h-a-quoted-title\">A \"quoted\" title</h1>"),
        "{options}"
    );
    assert!(options.contains("One<br />\ntwo"), "{options}");
    let no_ids = render("kramdown:\n  auto_ids: false\n");
    assert!(no_ids.contains("<h1>A “quoted” title</h1>"), "{no_ids}");
    // The site's quote characters (a German blog's); dashes stay typographic with plain
    // quotes.
    let german = render("kramdown:\n  smart_quotes: sbquo, lsquo, bdquo, ldquo\n");
    assert!(german.contains("A „quoted“ title"), "{german}");
    let plain = render_body(
        "It's -- \"x\"\n",
        &Settings {
            flavour: Flavour::Jekyll,
            site: crate::render::liquid::SiteVars::of(
                &crate::site_config::read(
                    crate::site::SiteKind::Jekyll,
                    "_config.yml",
                    "kramdown:\n  smart_quotes: apos,apos,quot,quot\n",
                )
                .expect("a config"),
                Vec::new(),
            ),
            ..Default::default()
        },
    );
    assert_eq!(plain, "<p>It's – \"x\"</p>\n");
}

#[test]
fn hugo_and_zola_keep_commonmark_smart_punctuation() {
    for (kind, file, config) in [
        (
            crate::site::SiteKind::Hugo,
            "hugo.toml",
            "[markup.goldmark.extensions]\ntypographer = true\n",
        ),
        (
            crate::site::SiteKind::Zola,
            "config.toml",
            "[markdown]\nsmart_punctuation = true\n",
        ),
    ] {
        let config = crate::site_config::read(kind, file, config).expect("a config");
        assert_eq!(config.markdown.quotes, None);
        let html = render_body(
            "5'10\" tall\n",
            &Settings {
                flavour: Flavour::Jekyll,
                site: crate::render::liquid::SiteVars::of(&config, Vec::new()),
                ..Default::default()
            },
        );
        // CommonMark's rule (an opening double quote after a digit), not kramdown's.
        assert_eq!(html, "<p>5’10“ tall</p>\n", "{kind:?}");
    }
}

#[test]
fn a_toc_survives_odd_html() {
    for html in [
        "<h1</h1>>",
        "<h2",
        "<h1 id=\"x\">",
        "<h9 id=\"a\">b</h9>",
        "<h1 id=\"é\">ü</h1>",
    ] {
        let _ = toc(html, &[1, 2, 3, 4, 5, 6]);
    }
    // No Markdown heading to list: nothing written for the list (as Jekyll 4.3.1 built it).
    let md = "* TOC\n{:toc}\n\nText <h1</h1>> and <h2 id=\"a\">b</h2>\n";
    assert_eq!(
        jekyll(md, ""),
        "<p>Text &lt;h1&lt;/h1&gt;&gt; and &lt;h2 id=\"a\"&gt;b&lt;/h2&gt;</p>\n"
    );
}

/// As Jekyll 4.3.1 built it: any list with `{:toc}` under it is the table of contents
/// (houbb's posts end with `* any list`), and a heading of a lower level than the open
/// ones goes back up the tree (kramdown's `generate_toc_tree`): before, the list was
/// shown as written, and the table closed its own list at `# D`.
#[test]
fn any_list_marked_toc_is_the_table_of_contents_nested_as_kramdown_nests_it() {
    let md =
        "## A\n\n### B\n\n### C\n\n# D\n\n## E\n\n# F\n\n### G\n\n## H\n\n* any list\n{:toc}\n";
    let html = jekyll(md, "");
    let toc = html
        .split_once("<ul id=\"markdown-toc\">")
        .map(|(_, t)| t)
        .expect(&html);
    let item = |id: &str| {
        format!(
            "<a href=\"#{id}\" id=\"markdown-toc-{id}\">{}</a>",
            id.to_uppercase()
        )
    };
    let expected = format!(
        "<li>{}\n<ul>\n<li>{}</li>\n<li>{}</li>\n</ul>\n</li>\n\
         <li>{}\n<ul>\n<li>{}</li>\n</ul>\n</li>\n\
         <li>{}\n<ul>\n<li>{}</li>\n<li>{}</li>\n</ul>\n</li>\n</ul>\n",
        item("a"),
        item("b"),
        item("c"),
        item("d"),
        item("e"),
        item("f"),
        item("g"),
        item("h")
    );
    assert_eq!(toc, expected);
}

/// As Jekyll 4.3.1 built them: an entry's links unwrapped and its note references left
/// out (kramdown's `fix_for_toc_entry`; before, a link inside the entry's link), and a
/// table of contents with no heading to list is nothing (before, an empty list).
#[test]
fn toc_entries_hold_no_links_and_an_empty_toc_is_nothing() {
    let md = "* any\n{:toc}\n\n# A [link](/x) here\n\n## B[^1] note\n\n[^1]: The note.\n";
    let html = jekyll(md, "");
    assert!(
        html.starts_with(
            "<ul id=\"markdown-toc\"><li><a href=\"#a-link-here\" id=\"markdown-toc-a-link-here\">A link here</a>\n\
             <ul>\n<li><a href=\"#b-note\" id=\"markdown-toc-b-note\">B note</a></li>\n</ul>\n</li>\n</ul>\n"
        ),
        "{html}"
    );
    assert_eq!(jekyll("Text\n\n* any\n{:toc}\n", ""), "<p>Text</p>\n");
}

#[test]
fn a_toc_lists_the_headings_at_the_sites_levels() {
    let md =
        "* TOC\n{:toc}\n\n# Top\n\n## First\n\n### Deep\n\n## Hidden\n{:.no_toc}\n\n## Second\n";
    let html = jekyll(md, "");
    assert!(
            html.contains("<ul id=\"markdown-toc\"><li><a href=\"#top\" id=\"markdown-toc-top\">Top</a>\n<ul>\n<li><a href=\"#first\" id=\"markdown-toc-first\">First</a>\n<ul>\n<li><a href=\"#deep\" id=\"markdown-toc-deep\">Deep</a></li>\n</ul>\n</li>\n<li><a href=\"#second\" id=\"markdown-toc-second\">Second</a></li>\n</ul>\n</li>\n</ul>"),
            "{html}"
        );
    let html = super::site_tests::with_config(md, "kramdown:\n  toc_levels: 2..2\n");
    assert!(html.contains("<ul id=\"markdown-toc\"><li><a href=\"#first\" id=\"markdown-toc-first\">First</a></li>\n<li><a href=\"#second\""), "{html}");
    // Kept in step as headings change, block by block.
    let mut renderer = crate::render::blocks::BlockRenderer::with_settings(md, Settings::default());
    renderer.update(&md.replace("## Second", "## Second one"));
    let updated = renderer.html();
    let full = jekyll(&md.replace("## Second", "## Second one"), "");
    assert_eq!(updated, full);
    assert!(updated.contains("#second-one"), "{updated}");
}

#[test]
fn liquid_is_a_visible_placeholder() {
    let html = jekyll(
        "Hi {{ page.title | upcase }} and {% include a.html x=\"1 -- 2\" %}.\n",
        "",
    );
    assert!(
            html.contains("<span class=\"liquid\" title=\"Liquid: Jekyll fills this in\">{{ page.title | upcase }}</span>"),
            "{html}"
        );
    assert!(
        html.contains(">{% include a.html x=\"1 -- 2\" %}</span>"),
        "{html}"
    );
    // In code, Liquid stays code.
    let code = jekyll("```\n{{ x }}\n```\n", "");
    assert!(
        code.ends_with("<pre class=\"highlight\"><code>{{ x }}\n</code></pre></div></div>\n"),
        "{code}"
    );
    // An unclosed tag is text.
    assert_eq!(jekyll("a {% b\n", ""), "<p>a {% b</p>\n");
}

#[test]
fn excerpt_markers_are_dividers() {
    let html = jekyll(
        "<!-- excerpt start -->\n\nA\n\n<!-- more -->\n\nB <!--more--> C\n",
        "",
    );
    assert!(
        html.starts_with(
            "<div class=\"excerpt-marker\" role=\"separator\" data-marker=\"excerpt start\"></div>"
        ),
        "{html}"
    );
    assert!(html.contains("data-marker=\"more\"></div>"), "{html}");
    assert!(
        html.contains("B <span class=\"excerpt-marker\" data-marker=\"more\"></span> C"),
        "{html}"
    );
    assert!(jekyll("<!-- note -->\n", "").contains("<!-- note -->"));
}

#[test]
fn relative_urls_resolve_against_the_site() {
    let site = "https://example.com/blog/";
    let cases = [
        (
            "![a](/assets/x.png)",
            "src=\"https://example.com/blog/assets/x.png\"",
        ),
        ("[a](about/)", "href=\"https://example.com/blog/about/\""),
        ("[a](https://other.org/)", "href=\"https://other.org/\""),
        ("[a](#top)", "href=\"#top\""),
        ("[a](//cdn.org/x)", "href=\"//cdn.org/x\""),
        (
            "[a](mailto:me@example.com)",
            "href=\"mailto:me@example.com\"",
        ),
    ];
    for (md, expected) in cases {
        let html = jekyll(md, site);
        assert!(html.contains(expected), "{md}: {html}");
    }
    assert!(jekyll("![a](/x.png)", "").contains("src=\"/x.png\""));
}

/// As Jekyll 4.3.1 (kramdown 2.4) writes them: ` {#id}` is a heading's id; classes or an
/// attribute list at the end of the line are text, and the id is made from all of it.
#[test]
fn a_headings_own_id_and_attributes_that_stay_text() {
    assert_eq!(
        jekyll("## Custom id {#my-id}\n\nSetext {#s:1}\n---\n", ""),
        "<h2 id=\"my-id\">Custom id</h2>\n<h2 id=\"s:1\">Setext</h2>\n"
    );
    assert_eq!(
        jekyll(
            "## Class too {#id2 .big}\n\n### Trailing {: #tid}\n\n## No {#1x}\n",
            ""
        ),
        "<h2 id=\"class-too-id2-big\">Class too {#id2 .big}</h2>\n\
         <h3 id=\"trailing--tid\">Trailing {: #tid}</h3>\n<h2 id=\"no-1x\">No {#1x}</h2>\n"
    );
}

#[test]
fn heading_ids_like_kramdown_gfm() {
    let cases = [
        ("Hello World!", "hello-world"),
        ("1. Numbered “quoted” – dash…", "1-numbered-quoted--dash"),
        ("Ünïcödé & ampersand", "ünïcödé--ampersand"),
        ("snake_case and tab\there", "snake_case-and-tab-here"),
        ("日本語", "日本語"),
        ("?!", ""),
        // Ruby's `\p{Word}` holds what Unicode counts as alphabetic (houbb's `Ⓜ️`).
        ("Ⓜ️ 关于 OpenIM", "ⓜ️-关于-openim"),
        ("ⅷ Ⅻ ª ʰ ² ①", "ⅷ-ⅻ-ª-ʰ--"),
    ];
    for (text, id) in cases {
        assert_eq!(heading_id(text), id, "{text}");
    }
    // White space at a heading's end is stripped, a tab too (Jekyll 4.3.1).
    assert_eq!(
        jekyll("## 畸形报文\t\n\n## b \t\n\n## c {#cid}\t\n", ""),
        "<h2 id=\"畸形报文\">畸形报文</h2>\n<h2 id=\"b\">b</h2>\n<h2 id=\"cid\">c</h2>\n"
    );
    // An id that comes out empty is no attribute; the next such one is `-1` (Jekyll 4.3.1,
    // Ma Zhuang's post on the number sign writes `### ”`).
    assert_eq!(
        jekyll("### ”\n\n### !!!\n", ""),
        "<h3>”</h3>\n<h3 id=\"-1\">!!!</h3>\n"
    );
    // A link's attribute list is not part of the heading's text (Jekyll 4.3.1).
    let html = jekyll(
        "### 6. 문제 - [백준 1550번. 16진수](https://x){: target=\"_blank\"}\n\n## See [docs](/d){:.ext} here\n",
        "",
    );
    assert!(
        html.contains("<h3 id=\"6-문제---백준-1550번-16진수\">"),
        "{html}"
    );
    assert!(html.contains("<h2 id=\"see-docs-here\">"), "{html}");
    assert!(html.contains("target=\"_blank\""), "{html}");
}

/// kramdown reads a link's destination to its closing parenthesis, spaces and all (a
/// screenshot's file name, `step 1.PNG`); expected as Jekyll 4.3.1 writes it.
#[test]
fn link_destinations_hold_spaces_as_kramdown_reads_them() {
    let md = "[You and Your Research](You and Your Research) by\n\n\
              ![Step 1](/a/step1 github.PNG \"T t\")\n\n[![S](/x y.png)](/x y.png)\n\n\
              `[a](b c)` and [a](<b c>) and [a]( b c )\n\n    [a](b c)\n\n<div>[a](b c)</div>\n";
    assert_eq!(
        jekyll(md, ""),
        "<p><a href=\"You and Your Research\">You and Your Research</a> by</p>\n\
         <p><img src=\"/a/step1 github.PNG\" alt=\"Step 1\" title=\"T t\" /></p>\n\
         <p><a href=\"/x y.png\"><img src=\"/x y.png\" alt=\"S\" /></a></p>\n\
         <p><code class=\"language-plaintext highlighter-rouge\">[a](b c)</code> and \
         <a href=\"b c\">a</a> and <a href=\"b c\">a</a></p>\n\
         <div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\">\
         <pre class=\"highlight\"><code>[a](b c)\n</code></pre></div></div>\n\
         <div>[a](b c)</div>\n"
    );
    // On into the next line of the paragraph, the line break a space (the Rust blog's
    // link to `src/lit/s` then `rc/format.md`), and with a title; not into a line that
    // starts a block, nor in code.
    let md =
        "Check out [this markdown\nfile](https://g.example/src/lit/s\nrc/format.md) that tango\n\n\
              Five [e](http://x/s\nrc/f.md \"T\") t.\n\n\
              Four [d](http://x/s\n# rc) t.\n\nSix [f](http://x/y\n).\n\n```\n[a](x/s\nrc)\n```\n";
    assert_eq!(
        jekyll(md, ""),
        "<p>Check out <a href=\"https://g.example/src/lit/s rc/format.md\">this markdown\nfile</a> that tango</p>\n\
         <p>Five <a href=\"http://x/s rc/f.md\" title=\"T\">e</a> t.</p>\n\
         <p>Four [d](http://x/s</p>\n<h1 id=\"rc-t\">rc) t.</h1>\n\
         <p>Six <a href=\"http://x/y\">f</a>.</p>\n\
         <div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\">\
         <pre class=\"highlight\"><code>[a](x/s\nrc)\n</code></pre></div></div>\n"
    );
}

/// A backslash in an inline link's destination or title escapes nothing to kramdown and is
/// written with it (18F's blog links `https://www.gsaadvantage.gov/.../start\_page.do`),
/// as Jekyll 4.3.1 writes these. (One that also holds an entity stays the parser's, its
/// backslashes taken out.)
#[test]
fn backslashes_in_inline_destinations_and_titles_are_kept() {
    let md =
        "A [a](http://x/a\\_b.html) and [b](http://x/c\\#d) and [c](/x \"T \\\"q\\\" t\").\n\n\
              ![i](/i.png \"A \\\"B\\\"\")\n\n[p](/x_(y\\_z))\n";
    assert_eq!(
        jekyll(md, ""),
        "<p>A <a href=\"http://x/a\\_b.html\">a</a> and <a href=\"http://x/c\\#d\">b</a> and \
         <a href=\"/x\" title=\"T \\&quot;q\\&quot; t\">c</a>.</p>\n\
         <p><img src=\"/i.png\" alt=\"i\" title=\"A \\&quot;B\\&quot;\" /></p>\n\
         <p><a href=\"/x_(y\\_z)\">p</a></p>\n"
    );
}

/// kramdown's `parse_block_html`, from a `{::options}` line or the site's config: block
/// HTML content is Markdown (`<p>` reads a line of text), `markdown="0"` keeps it raw.
/// Expected as Jekyll 4.3.1 writes it (its indentation aside).
#[test]
fn parse_block_html_reads_block_html_content_as_markdown() {
    let body = "<div class=\"x\">\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n</div>\n\n\
                <div>\n*x*\n</div>\n\n<p>*p*</p>\n\n<div markdown=\"0\">*z*</div>\n\n\
                <div class=\"row\">\n<div class=\"a\">\n<img src=\"i.png\"/>\n</div>\n\
                <div class=\"b\">\n\nText\n\n</div>\n</div>\n";
    let expected = "<div class=\"x\">\n<table><thead><tr><th>a</th><th>b</th></tr></thead>\
                    <tbody>\n<tr><td>1</td><td>2</td></tr>\n</tbody></table>\n</div>\n\
                    <div>\n<p><em>x</em></p>\n</div>\n<p><em>p</em></p>\n<div>*z*</div>\n\
                    <div class=\"row\">\n<div class=\"a\">\n<p><img src=\"i.png\" /></p>\n</div>\n\
                    <div class=\"b\">\n<p>Text</p>\n</div>\n</div>\n";
    // Off (kramdown's default): raw, as written.
    let off = jekyll(body, "");
    assert!(
        off.contains("| a | b |") && off.contains("<p>*p*</p>"),
        "{off}"
    );
    // Switched on by an options line, and off again.
    let marked = jekyll(
        &format!(
            "{{::options parse_block_html=\"true\" /}}\n{body}\n\
             {{::options parse_block_html=\"false\" /}}\n<p>*w*</p>\n"
        ),
        "",
    );
    let start = marked.find("<div class=\"x\">").expect("the first element");
    let end = marked.rfind("<!--").expect("the second options line");
    assert_eq!(&marked[start..end], expected);
    assert!(marked.ends_with("<p>*w*</p>\n"), "{marked}");
    // On in the site's config.
    let config = crate::site_config::read(
        crate::site::SiteKind::Jekyll,
        "_config.yml",
        "kramdown:\n  parse_block_html: true\n",
    )
    .expect("a config");
    let on = render_body(
        body,
        &Settings {
            flavour: Flavour::Jekyll,
            site: crate::render::liquid::SiteVars::of(&config, Vec::new()),
            ..Default::default()
        },
    );
    assert_eq!(on, expected);
}

/// An HTML block running into a region of block HTML holding blank lines (its last line
/// opens the region's element) is written once, as Jekyll writes it.
#[test]
fn an_html_block_running_into_a_region_is_written_once() {
    let md = "<div class=\"a\">\n<img src=\"x.png\" />\n</div>\n<div class=\"b\">\n\ntext\n\n</div>\nAfter\n";
    assert_eq!(
        jekyll(md, ""),
        "<div class=\"a\">\n<img src=\"x.png\" />\n</div>\n<div class=\"b\">\n\ntext\n\n</div>\n<p>After</p>\n"
    );
}

/// A Liquid comment is nothing to Jekyll 4.3.1 (swift.org's ABI post comments on its
/// table): its lines are gone, a paragraph ends at it, a list goes on after it; inside
/// `{% raw %}` it is text.
#[test]
fn liquid_comments_are_nothing() {
    let md = "Para line\n{% comment %}\nhidden *x*\n{% endcomment %}\nmore\n\n\
              {% raw %}{% comment %}kept{% endcomment %}{% endraw %}\n\n\
              - item\n{% comment %} note {% endcomment %}\n- next\n\n\
              A {% comment %}inline *x*{% endcomment %} b.\n";
    let html = jekyll(md, "");
    let spaced: Vec<&str> = html.split_whitespace().collect();
    assert_eq!(
        spaced.join(" "),
        "<p>Para line</p> <p>more</p> <p>{% comment %}kept{% endcomment %}</p> \
         <ul> <li> <p>item</p> </li> <li> <p>next</p> </li> </ul> <p>A b.</p>"
    );
}
