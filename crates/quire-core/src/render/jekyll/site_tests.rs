//! The Jekyll flavour with what the post and the site give it: the post's own `page.<key>` variables, the config's code line numbers.

use crate::render::{render_body, Flavour, Settings};

/// `md` in the Jekyll flavour with the site variables of the `_config.yml` text `config`.
pub(super) fn with_config(md: &str, config: &str) -> String {
    let config = crate::site_config::read(crate::site::SiteKind::Jekyll, "_config.yml", config)
        .expect("a config");
    render_body(
        md,
        &Settings {
            flavour: Flavour::Jekyll,
            site: crate::render::liquid::SiteVars::of(&config, Vec::new()),
            ..Default::default()
        },
    )
}
/// `{{ page.<key> }}` as Jekyll 4.3.1 built this post (`_posts/2020-01-02-ios-and-more-things.md`,
/// `permalink: /:year/:title/`; the paragraph's `;` were `|` there, where Jekyll kept the
/// line a paragraph and the preview makes a table of it): Liquid runs before kramdown, so the values are read as
/// Markdown, a heading made of one takes its id from what it writes, and a title comes
/// from the file name when the front matter has none.
#[test]
fn page_variables_are_written_as_jekyll_writes_them() {
    let src = "---\ntags: [Web, PWA]\nratio: 1.0\nn: 42\ndraft: false\nempty:\n\
               subtitle: \"Hux's *big* <b>day</b> & more\"\n---\n\n\
               {{ page.title }}\n================\n\n## About {{ page.subtitle }}\n\n\
               T: {{ page.title }} ; S: {{ page.subtitle }} ; tags: {{ page.tags }} ; \
               r: {{ page.ratio }} d: {{ page.draft }} e: [{{ page.empty }}] u: {{ page.url }} \
               nope: [{{ page.nope }}] slug: {{ page.slug }} n: {{ page.n }}\n";
    let body = crate::split(src).body_text(src);
    let page = crate::render::liquid::page_vars(
        src,
        body,
        Some("_posts/2020-01-02-ios-and-more-things.md"),
        Some("/2020/ios-and-more-things/"),
        &[],
        &crate::Zone::default(),
    );
    let html = render_body(
        body,
        &Settings {
            flavour: Flavour::Jekyll,
            site: crate::render::liquid::SiteVars {
                page,
                ..Default::default()
            },
            ..Default::default()
        },
    );
    // What Jekyll wrote, with the preview's marks of resolved Liquid taken out.
    let expected = [
        "<h1 id=\"ios-and-more-things\">Ios And More Things</h1>",
        "<h2 id=\"about-huxs-big-day--more\">About Hux’s <em>big</em> <b>day</b> &amp; more</h2>",
        "<p>T: Ios And More Things ; S: Hux’s <em>big</em> <b>day</b> &amp; more ; tags: WebPWA ; \
         r: 1.0 d: false e: [] u: /2020/ios-and-more-things/ nope: [",
        "] slug: ios-and-more-things n: 42</p>",
    ];
    let mut shown = String::new();
    let mut rest = html.as_str();
    while let Some(at) = rest.find("<span class=\"liquid") {
        shown.push_str(&rest[..at]);
        let open_end = at + rest[at..].find('>').expect("the span's tag") + 1;
        let close = rest[open_end..].find("</span>").expect("the span's end") + open_end;
        let inner = &rest[open_end..close];
        if rest[at..open_end].contains("resolved") {
            shown.push_str(inner);
        } else {
            shown.push_str(&format!("<liquid>{inner}</liquid>"));
        }
        rest = &rest[close + "</span>".len()..];
    }
    shown.push_str(rest);
    for part in expected {
        assert!(shown.contains(part), "{part}\nnot in\n{shown}");
    }
    // A variable the post does not give stays Liquid (Jekyll writes nothing for it).
    assert!(
        shown.contains("nope: [<liquid>{{ page.nope }}</liquid>]"),
        "{shown}"
    );
}

/// A site whose config numbers code lines (`kramdown: syntax_highlighter_opts:`, as Hux
/// Blog's and its many copies do) gets each block kramdown highlights as Rouge's table, as
/// Jekyll 4.3.1 built it: under `block:` or at the top level, from `start_line`; a
/// language Rouge lacks is not highlighted, so not numbered; a `{% highlight %}` tag keeps
/// its own `linenos`.
#[test]
fn code_lines_numbered_as_the_sites_config_asks() {
    let render = |config: &str, md: &str| {
        render_body(
            md,
            &Settings {
                flavour: Flavour::Jekyll,
                site: crate::render::liquid::SiteVars::of(
                    &crate::site_config::read(crate::site::SiteKind::Jekyll, "_config.yml", config)
                        .expect("a config"),
                    Vec::new(),
                ),
                ..Default::default()
            },
        )
    };
    let md = "```js\nlet a = 1;\nlet b = 2;\n```\n\n{% highlight ruby %}\ndef x\nend\n{% endhighlight %}\n\n    indented\n\n```nolang\nx\n```\n";
    let block = "kramdown:\n  syntax_highlighter_opts:\n    span:\n      line_numbers: false\n    block:\n      line_numbers: true\n      start_line: 1\n";
    assert_eq!(
        render(block, md),
        "<div class=\"language-js highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>\
         <table class=\"rouge-table\"><tbody><tr><td class=\"rouge-gutter gl\"><pre class=\"lineno\">1\n2\n</pre></td>\
         <td class=\"rouge-code\"><pre>let a = 1;\nlet b = 2;\n</pre></td></tr></tbody></table></code></pre></div></div>\n\
         <figure class=\"highlight\"><pre><code class=\"language-ruby\" data-lang=\"ruby\">def x\nend</code></pre></figure>\n\
         <div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>\
         <table class=\"rouge-table\"><tbody><tr><td class=\"rouge-gutter gl\"><pre class=\"lineno\">1\n</pre></td>\
         <td class=\"rouge-code\"><pre>indented\n</pre></td></tr></tbody></table></code></pre></div></div>\n\
         <pre><code class=\"language-nolang\">x\n</code></pre>\n"
    );
    let top = render(
        "kramdown:\n  syntax_highlighter_opts:\n    line_numbers: true\n    start_line: 10\n",
        "```js\nlet a = 1;\nlet b = 2;\n```\n",
    );
    assert!(
        top.contains("<pre class=\"lineno\">10\n11\n</pre></td><td class=\"rouge-code\">"),
        "{top}"
    );
    // Off under `block:` wins over the top level; no option, no table.
    let off = "kramdown:\n  syntax_highlighter_opts:\n    line_numbers: true\n    block:\n      line_numbers: false\n";
    assert!(!render(off, md).contains("rouge-table"));
    assert!(!render("title: x\n", md).contains("rouge-table"));
}

/// The config's language for code that names none and its class of a highlighted
/// block's `<pre>` (`syntax_highlighter_opts`: bitcoin.org's `default_lang: text`, Yarn's
/// `css_class`), as Jekyll 4.3.1 wrote this post with this config; a span's language
/// Rouge does not know leaves it a bare `<code>`.
#[test]
fn code_takes_the_configs_language_and_class() {
    let config = "kramdown:\n  syntax_highlighter_opts:\n    default_lang: text\n    css_class: rougeHighlight\n    span:\n      default_lang: nonesuch\n";
    let md = "Some `code` here and `c`{:.x}.\n\n```\nplain\n```\n\n    indented\n\n```ruby\nx = 1\n```\n";
    let block = |lang: &str, code: &str| {
        format!(
            "<div class=\"language-{lang} highlighter-rouge\"><div class=\"highlight\"><pre class=\"rougeHighlight\"><code>{code}\n</code></pre></div></div>\n"
        )
    };
    assert_eq!(
        with_config(md, config),
        format!(
            "<p>Some <code>code</code> here and <code class=\"x\">c</code>.</p>\n{}{}{}",
            block("text", "plain"),
            block("text", "indented"),
            block("ruby", "x = 1")
        )
    );
    let spans = with_config(
        "`a`",
        "kramdown:\n  syntax_highlighter_opts:\n    default_lang: text\n",
    );
    assert_eq!(
        spans,
        "<p><code class=\"language-text highlighter-rouge\">a</code></p>\n"
    );
}

/// The site's `_data/` files, as Jekyll 4.3.1 built this post with that `releases.yml`:
/// an assigned release read in an autolink and in code, the data read directly; the
/// assignment writes nothing.
#[test]
fn the_sites_data_is_written_where_liquid_reads_it() {
    let releases = "- version: 2.4.8\n  url:\n    gz: https://cache.example/ruby-2.4.8.tar.gz\n  size:\n    gz: 16097471\n- version: 2.5.7\n  url:\n    gz: https://cache.example/ruby-2.5.7.tar.gz\n";
    let body = "## Download\n\n{% assign release = site.data.releases | where: \"version\", \"2.4.8\" | first %}\n\n* <{{ release.url.gz }}>\n\n      SIZE: {{ release.size.gz }}\n\n{{ site.data.releases.size }} releases, the last {{ site.data.releases.last.version }}.\n";
    let releases = crate::render::liquid::data_value("releases.yml", releases).expect("a list");
    let mut settings = Settings {
        flavour: Flavour::Jekyll,
        ..Default::default()
    };
    settings.site.data = crate::render::liquid::data_vars(body, &[("releases", &releases)], &[]);
    let html = render_body(body, &settings);
    let expected = [
        "<h2 id=\"download\">Download</h2>",
        "<a href=\"https://cache.example/ruby-2.4.8.tar.gz\">https://cache.example/ruby-2.4.8.tar.gz</a>",
        "<pre class=\"highlight\"><code>SIZE: 16097471\n</code></pre>",
        ">2</span> releases, the last <span",
        ">2.5.7</span>.</p>",
    ];
    for part in expected {
        assert!(html.contains(part), "{part} in {html}");
    }
    // Every piece of Liquid resolved (the preview marks each with its source).
    assert!(!html.contains("class=\"liquid\""), "{html}");
    // An assignment on a paragraph's first or last line leaves that line empty: the
    // paragraph is its other lines (ruby-lang.org's release posts open so).
    let body = "{% assign release = site.data.releases | where: \"version\", \"2.5.7\" | first %}\nWe release {{ release.version }}.\n{% assign x = site.data.releases | first %}\n";
    settings.site.data = crate::render::liquid::data_vars(body, &[("releases", &releases)], &[]);
    let html = render_body(body, &settings);
    assert!(
        html.starts_with("<p><span class=\"liquid resolved\""),
        "{html}"
    );
    assert!(html.contains("</span>We release <span"), "{html}");
    assert!(
        html.contains("2.5.7</span>.<span class=\"liquid resolved\""),
        "{html}"
    );
    assert!(html.ends_with("\"></span></p>\n"), "{html}");
}

/// `{% capture %}` writes nothing where it stands; what it holds is written where the
/// post reads it: `{{ x | markdownify }}` in block HTML (Minimal Mistakes' notices), an
/// include's `content=x` (Ben Balter's callouts, an include file including another), as
/// Jekyll 4.3.1 wrote these.
#[test]
fn captured_text_is_written_where_the_post_reads_it() {
    let mut settings = Settings {
        flavour: Flavour::Jekyll,
        ..Default::default()
    };
    settings.site.includes = vec![
        (
            "callout.html".to_string(),
            "<div class=\"alert\" role=\"alert\">\n  {{ include.content }}\n</div>\n".to_string(),
        ),
        (
            "series.html".to_string(),
            "{% capture content -%}\nThe {{ include.nth }} post of <a href=\"/s/\">a series</a>.\n{%- endcapture %}\n\n{% include callout.html content=content %}\n".to_string(),
        ),
    ];
    let notice = render_body(
        "{% capture notice %}\n#### New\n\n* One\n{% endcapture %}\n\n<div class=\"notice\">\n  {{ notice | markdownify }}\n</div>\n\nAfter.\n",
        &settings,
    );
    assert!(!notice.contains("capture"), "{notice}");
    assert!(
        notice.starts_with("<div class=\"notice\">\n  <h4 id=\"new\">New</h4>\n<ul>\n  <li>One</li>\n</ul>\n\n</div>")
            || notice.contains("<div class=\"notice\">") && notice.contains("<h4 id=\"new\">New</h4>") && notice.contains("<li>One</li>"),
        "{notice}"
    );
    assert_eq!(notice.matches("<h4").count(), 1, "{notice}");
    // The filter written without spaces is the same output.
    let tight = render_body(
        "{% capture n %}\n*One*\n{% endcapture %}\n\n<div>{{n|markdownify}}</div>\n",
        &settings,
    );
    assert!(tight.contains("<div><p><em>One</em></p>"), "{tight}");
    let callout = render_body(
        "{% capture content -%}\nPart of <a href=\"/x\">a series</a>.\n{%- endcapture %}\n\n{% include callout.html content=content %}\n\n{% include series.html nth=\"first\" %}\n",
        &settings,
    );
    assert!(
        callout.contains(
            "<div class=\"alert\" role=\"alert\">\n  Part of <a href=\"/x\">a series</a>.\n</div>"
        ),
        "{callout}"
    );
    assert!(
        callout.contains("<div class=\"alert\" role=\"alert\">\n  The first post of <a href=\"/s/\">a series</a>.\n</div>"),
        "{callout}"
    );
}

/// Liquid inside a span's attribute list is filled in before kramdown reads the list, as
/// Jekyll 4.3.1 built this post with `baseurl: /docs` (swift.org's DocC post); before,
/// the list ended at the `}}` and the rest was shown as text.
#[test]
fn liquid_in_a_span_attribute_list_is_filled_in() {
    let md = "![Sloth]({{ site.baseurl }}/s.png){:width=\"100%\" srcset=\"{{ site.baseurl }}/s@2x.png 2x\"}\n\n\
              [a](/a){: .x title=\"{{ site.baseurl }}\"}\n";
    let html = with_config(md, "url: https://example.com\nbaseurl: /docs\n");
    assert_eq!(
        html,
        "<p><img src=\"/docs/s.png\" alt=\"Sloth\" width=\"100%\" srcset=\"/docs/s@2x.png 2x\" /></p>\n\
         <p><a href=\"/a\" class=\"x\" title=\"/docs\">a</a></p>\n"
    );
}

/// Liquid runs before kramdown, in code too, but not inside `{% raw %}`: as Jekyll 4.3.1
/// built this post (`title: Hello`). Before, a raw stretch begun on a code block's first
/// line kept only that line (the page's title filled in below it, a capture dropped),
/// block HTML inside `{% raw %}` had its Liquid filled in, and a code span's was not.
#[test]
fn liquid_in_code_and_html_keeps_to_raw() {
    let src = "---\ntitle: Hello\n---\n```\n{% raw %}<h1>{{ page.title }}</h1>\n\
               {% capture i %}{{ page.title }}{% endcapture %}{% endraw %}\n```\n\n\
               {% raw %}\n\n<div>{{ page.title }}</div>\n\n{% endraw %}\n\n\
               Code `{{ page.title }}` and `{% raw %}{{ page.title }}{% endraw %}`.\n\n\
               ```\n{{ page.title }}\n```\n";
    let body = crate::split(src).body_text(src);
    let page = crate::render::liquid::page_vars(
        src,
        body,
        Some("_posts/2020-01-01-t.md"),
        None,
        &[],
        &crate::Zone::default(),
    );
    let config = crate::site_config::read(
        crate::site::SiteKind::Jekyll,
        "_config.yml",
        "url: https://example.com\n",
    )
    .expect("a config");
    let mut site = crate::render::liquid::SiteVars::of(&config, Vec::new());
    site.page = page;
    let html = render_body(
        body,
        &Settings {
            flavour: Flavour::Jekyll,
            site,
            ..Default::default()
        },
    );
    let plain = "<div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>";
    let code = "<code class=\"language-plaintext highlighter-rouge\">";
    let expected = format!(
        "{plain}&lt;h1&gt;{{{{ page.title }}}}&lt;/h1&gt;\n\
         {{% capture i %}}{{{{ page.title }}}}{{% endcapture %}}\n</code></pre></div></div>\n\
         <div>{{{{ page.title }}}}</div>\n\
         <p>Code {code}Hello</code> and {code}{{{{ page.title }}}}</code>.</p>\n\
         {plain}Hello\n</code></pre></div></div>\n"
    );
    assert_eq!(html, expected);
}

/// The body of the post `src` in the Jekyll flavour, its own `page.<key>` variables known.
fn render_post(src: &str) -> String {
    let body = crate::split(src).body_text(src);
    let site = crate::render::liquid::SiteVars {
        page: crate::render::liquid::page_vars(src, body, None, None, &[], &crate::Zone::default()),
        ..Default::default()
    };
    render_body(
        body,
        &Settings {
            flavour: Flavour::Jekyll,
            site,
            ..Default::default()
        },
    )
}

/// A folded front-matter string (`excerpt: >`) ends with a line break; written at a
/// paragraph's end it adds no white space there (bitcoincore.org's advisories open with
/// `{{page.excerpt}}`), as Jekyll 4.3.1 wrote it.
#[test]
fn a_folded_value_ends_its_paragraph_without_white_space() {
    let src = "---\nexcerpt: >\n  Nodes were *vulnerable* by\n  a server.\n---\n{{page.excerpt}}\n\nNext.\n";
    let html = render_post(src);
    assert!(
        html.starts_with("<p><span class=\"liquid resolved\" title=\"{{page.excerpt}}\">Nodes were <em>vulnerable</em> by a server.</span></p>"),
        "{html}"
    );
}

/// Liquid beside a `*` run: Jekyll writes its value before kramdown reads the run, so
/// `**Ruby > {{ v }}**が` is strong (a brace beside the run stops nothing), as Jekyll
/// 4.3.1 wrote jekyllrb-ja's installation page.
#[test]
fn liquid_beside_a_strong_run_is_inside_it() {
    let src = "---\nv: 2.5.0\n---\nJekyllは**Ruby > {{ page.v }}**が必須です。\n";
    let html = render_post(src);
    assert!(
        html.starts_with("<p>Jekyllは<strong>Ruby &gt; <span class=\"liquid resolved\""),
        "{html}"
    );
    assert!(
        html.contains("2.5.0</span></strong>が必須です。</p>"),
        "{html}"
    );
    // A brace of math beside a `*` is no Liquid's (Jake Tae's `\begin{align*}`).
    let math = render_body(
        "Text:\n\n$$\\begin{align*} x &= y \\\\ z \\end{align*}$$\n",
        &Settings {
            flavour: Flavour::Jekyll,
            ..Default::default()
        },
    );
    assert!(!math.contains("<em>"), "{math}");
}

/// An autolink whose address Liquid begins (`<{{ site.url }}/feed.xml>`, as the Bootstrap
/// blog writes its posts): Liquid writes the address first, so kramdown links the whole
/// of it, as Jekyll 4.3.1 wrote this; what is no address stays text.
#[test]
fn an_autolink_begun_by_liquid_links_the_whole_address() {
    let html = with_config(
        "Feed: <{{ site.url }}/feed.xml>. Get <{{ site.main }}/> now, nor <{{ site.title }}/x>.\n",
        "url: \"https://b.example\"\nmain: \"https://main.example\"\n",
    );
    let expected = [
        "Feed: <span class=\"liquid resolved\" title=\"{{ site.url }}\"><a href=\"https://b.example/feed.xml\">https://b.example/feed.xml</a></span>. Get ",
        "<a href=\"https://main.example/\">https://main.example/</a></span> now, nor &lt;<span",
        "</span>/x&gt;.</p>",
    ];
    for part in expected {
        assert!(html.contains(part), "{part} in {html}");
    }
}
