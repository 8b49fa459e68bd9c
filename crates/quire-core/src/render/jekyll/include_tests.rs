//! The Jekyll flavour with the site's `_includes/` files: written where the post includes
//! them, their parameters, conditions and captured text, as Jekyll 4.3.1 writes them.

use crate::render::{render_body, Flavour, Settings};

/// The Jekyll flavour's settings for a known site whose `_includes/` holds `name`.
fn site_with_include(name: &str, text: &str) -> Settings {
    let mut settings = Settings {
        flavour: Flavour::Jekyll,
        ..Default::default()
    };
    settings.site.known = true;
    settings.site.includes = vec![(name.to_string(), text.to_string())];
    settings
}

/// An include reading the site's data with its parameter as the key, as crystal-lang.org
/// writes its testimonials (`site.data.authors[include.handle].name`), and Liquid's string
/// filters on a parameter: Jekyll 4.3.1 wrote the same elements.
#[test]
fn an_include_reads_the_sites_data_with_its_parameters() {
    let mut settings = site_with_include(
        "prof.html",
        "<div class=\"p\">\n  <img src=\"/a/{{ include.handle }}.jpg\" alt=\"Photo of {{ site.data.authors[include.handle].name }}\">\n  <p>{{ site.data.authors[include.handle].name }}, {{ include.role | upcase }} {{ include.none | default: \"dflt\" }}</p>\n</div>\n",
    );
    let authors = crate::render::liquid::data_value(
        "authors.yml",
        "alex-kampa:\n  name: Aleksander Kampa\nbob:\n  name: \"Bob & Co\"\n",
    )
    .expect("a map");
    let body = "Text\n\n{% include prof.html handle=\"alex-kampa\" role=\"Founder & Director\" %}\n\n{% include prof.html handle=\"bob\" %}\n";
    let liquid = crate::render::liquid::with_included(body, &settings.site.includes);
    assert_eq!(crate::render::liquid::data_names(&liquid), vec!["authors"]);
    settings.site.data = crate::render::liquid::data_vars(&liquid, &[("authors", &authors)], &[]);
    let html = render_body(body, &settings);
    for part in [
        "<img src=\"/a/alex-kampa.jpg\" alt=\"Photo of Aleksander Kampa\"",
        "<p>Aleksander Kampa, FOUNDER &amp; DIRECTOR dflt</p>",
        "<img src=\"/a/bob.jpg\" alt=\"Photo of Bob &amp; Co\"",
        "<p>Bob &amp; Co,  dflt</p>",
    ] {
        assert!(html.contains(part), "{part} in {html}");
    }
}

/// Minimal Mistakes' `figure` include: its conditions decided by the tag's parameters, its
/// caption (Markdown in the tag: the parser's emphasis there is none, as Liquid runs
/// first) put through `markdownify`. Jekyll 4.3.1 wrote the same HTML.
#[test]
fn a_figure_include_decides_its_conditions_and_renders_its_caption() {
    let settings = site_with_include(
        "figure",
        "<figure class=\"{{ include.class }}\">\n  <img src=\"{{ include.image_path | relative_url }}\"\n       alt=\"{% if include.alt %}{{ include.alt }}{% endif %}\">\n  {%- if include.caption -%}\n    <figcaption>\n      {{ include.caption | markdownify | remove: \"<p>\" | remove: \"</p>\" }}\n    </figcaption>\n  {%- endif -%}\n</figure>\n",
    );
    let html = render_body(
        "Intro.\n\n{% include figure image_path=\"/assets/1.jpg\" alt=\"a placeholder\" caption=\"A caption with a [link](https://x.org) and *style*.\" %}\n\nAfter.\n",
        &settings,
    );
    assert!(
        html.contains("<figure class=\"\">\n  <img src=\"/assets/1.jpg\" alt=\"a placeholder\" /><figcaption>\n      A caption with a <a href=\"https://x.org\">link</a> and <em>style</em>.\n\n    </figcaption></figure>\n"),
        "{html}"
    );
    let html = render_body(
        "{% include figure image_path=\"/a.jpg\" alt=\"no caption\" %}\n",
        &settings,
    );
    assert!(
        html.contains(
            "<figure class=\"\">\n  <img src=\"/a.jpg\" alt=\"no caption\" /></figure>\n"
        ),
        "{html}"
    );
}

/// An include tag over several lines, its parameters on the lines under its name (Peter
/// Forret's posts): the file is written there as for a tag on one line (Jekyll 4.3.1 wrote
/// the same elements).
#[test]
fn an_include_tag_over_several_lines_is_written() {
    let settings = site_with_include(
        "img.html",
        "<figure class=\"image\">\n    <img src=\"{{ include.src }}\" alt=\"{{ include.description }}\">\n</figure>\n",
    );
    let html = render_body(
        "Before.\n\n{% include img.html\nsrc=\"https://x.org/a.jpg\"\ndescription=\"A pic\"\n%}\n\n> quote\n",
        &settings,
    );
    assert!(
        html.contains("<figure class=\"image\">\n    <img src=\"https://x.org/a.jpg\" alt=\"A pic\" />\n</figure>"),
        "{html}"
    );
}

/// An include tag inside block HTML, as the TeXt theme writes its video embeds: the file
/// is written there, its `{{ include.key }}` filled (Jekyll 4.3.1 wrote the same
/// elements for the theme's sample post).
#[test]
fn an_include_in_block_html_is_written_there() {
    let mut settings = Settings {
        flavour: Flavour::Jekyll,
        ..Default::default()
    };
    settings.site.includes = vec![(
        "extensions/youtube.html".to_string(),
        "<div class=\"extensions extensions--video\">\n  <iframe src=\"https://www.youtube.com/embed/{{ include.id }}?rel=0\"></iframe>\n</div>\n".to_string(),
    )];
    let html = render_body(
        "<div>{%- include extensions/youtube.html id='wbY97' -%}</div>\n\n<div>{% include missing.html %}</div>\n",
        &settings,
    );
    assert!(
        html.contains("<div><div class=\"extensions extensions--video\">"),
        "{html}"
    );
    assert!(html.contains("embed/wbY97?rel=0"), "{html}");
    assert!(html.contains("{% include missing.html %}"), "{html}");
}

/// A capture of an include, written through `markdownify` in block HTML, as Hux Blog
/// writes its posts in two languages (Jekyll 4.3.1 wrote the same elements).
#[test]
fn a_captured_include_through_markdownify_is_rendered_there() {
    let mut settings = Settings {
        flavour: Flavour::Jekyll,
        ..Default::default()
    };
    settings.site.includes = vec![(
        "posts/zh.md".to_string(),
        "\n> 很荣幸 [link](https://x.org)\n\n## 多页应用\n\n**实际上。**你\n".to_string(),
    )];
    let html = render_body(
        "<!-- Chinese -->\n<div class=\"zh post-container\">\n    {% capture about_zh %}{% include posts/zh.md %}{% endcapture %}\n    {{ about_zh | markdownify }}\n</div>\n",
        &settings,
    );
    assert!(
        html.starts_with("<!-- Chinese -->\n<div class=\"zh post-container\">"),
        "{html}"
    );
    assert!(
        html.contains("<blockquote>\n<p>很荣幸 <a href=\"https://x.org\""),
        "{html}"
    );
    assert!(html.contains("<h2 id=\"多页应用\">多页应用</h2>"), "{html}");
    assert!(html.contains("<strong>实际上。</strong>你"), "{html}");
    assert!(
        !html.contains("capture") && !html.contains("markdownify"),
        "{html}"
    );
}

/// bitcoincore.org opens its posts with `{% include toc.html %}` and
/// `{% include references.md %}` on two lines: the first writes a table of contents of the
/// post's headings inside `markdown="1"` HTML whose header reads the site's translations
/// by the page's language, the second the link definitions the post uses. Jekyll 4.3.1
/// wrote the same elements.
#[test]
fn included_files_give_the_post_its_contents_and_its_links() {
    let toc = "<section id=\"table-of-contents\" class=\"toc\">\n  <header>\n    {% assign t=site.data.translations[page.lang] %}\n    <h3 class=\"toc-header\"><i class=\"fa fa-book\"></i> {{ t.tocoverview }}</h3>\n  </header>\n<div markdown=\"1\" class=\"toc-drawer\">\n*  Auto generated table of contents\n{:toc}\n</div>\n</section><!-- /#table-of-contents -->";
    let references = "[Adam Back]: http://www.cypherspace.org/adam/\n{% assign rpc_version = \"0.16.2\" %}\n[rpc getblock]: /en/doc/{{rpc_version}}/rpc/getblock/\n";
    let body = "{% include toc.html %}\n{% include references.md %}\n\n## One\n\nSee [Adam Back] and [rpc getblock].\n\n## Two\n";
    let mut site = crate::render::liquid::SiteVars {
        includes: vec![
            ("toc.html".to_string(), toc.to_string()),
            ("references.md".to_string(), references.to_string()),
        ],
        ..Default::default()
    };
    let liquid = crate::render::liquid::with_included(body, &site.includes);
    let src = format!("---\nlang: ja\n---\n{body}");
    site.page =
        crate::render::liquid::page_vars(&src, &liquid, None, None, &[], &crate::Zone::default());
    let translations = crate::render::liquid::data_value(
        "translations.yml",
        "en:\n  tocoverview: \"Overview\"\nja:\n  tocoverview: \"概要\"\n",
    )
    .expect("a map");
    site.data =
        crate::render::liquid::data_vars(&liquid, &[("translations", &translations)], &site.page);
    let html = render_body(
        body,
        &Settings {
            flavour: Flavour::Jekyll,
            site,
            ..Default::default()
        },
    );
    for part in [
        "<h3 class=\"toc-header\"><i class=\"fa fa-book\"></i> 概要</h3>",
        "<div class=\"toc-drawer\">\n<ul id=\"markdown-toc\"><li><a href=\"#one\" id=\"markdown-toc-one\">One</a></li>\n<li><a href=\"#two\" id=\"markdown-toc-two\">Two</a></li>\n</ul>\n</div>",
        "<p>See <a href=\"http://www.cypherspace.org/adam/\">Adam Back</a> and <a href=\"/en/doc/0.16.2/rpc/getblock/\">rpc getblock</a>.</p>",
    ] {
        assert!(html.contains(part), "{part} in {html}");
    }
    assert!(!html.contains("assign"), "{html}");
}

/// Include files including one another many times over: a post's render writes 256 of
/// them at most, the others staying marks, instead of multiplying at each level.
#[test]
fn include_files_including_each_other_are_written_so_far() {
    let tags = "{% include self.html %}\n\n".repeat(40);
    let settings = Settings {
        flavour: Flavour::Jekyll,
        site: crate::render::liquid::SiteVars {
            includes: vec![("self.html".to_string(), format!("x\n\n{tags}"))],
            ..Default::default()
        },
        ..Default::default()
    };
    let html = render_body("{% include self.html %}\n", &settings);
    let written = html.matches("class=\"liquid-include\"").count();
    assert!((200..=256).contains(&written), "{written}");
}

/// An include tag in a line of text whose file is one line (jekyllrb-ja's version
/// badges): written there, in a paragraph and in a heading (whose id is made from it),
/// the tag's dashes taking the white space beside it, as Jekyll 4.3.1 wrote it.
#[test]
fn an_include_in_a_line_of_text_is_written_there() {
    let settings = site_with_include(
        "badge.html",
        "<span class=\"version-badge\" title=\"v {{ include.version }}\">{{ include.version }}</span>\n",
    );
    let html = render_body(
        "Text {% include badge.html version=\"3.2\" %}以降\n\n### Deps {%- include badge.html version=\"3.5.0\" -%}\n",
        &settings,
    );
    assert!(
        html.starts_with("<p>Text <span class=\"liquid-include\" title=\"Included from _includes/badge.html\"><span class=\"version-badge\" title=\"v 3.2\">3.2</span></span>\n以降</p>\n"),
        "{html}"
    );
    assert!(
        html.contains("<h3 id=\"deps350\">Deps<span class=\"liquid-include\" title=\"Included from _includes/badge.html\"><span class=\"version-badge\" title=\"v 3.5.0\">3.5.0</span></span></h3>"),
        "{html}"
    );
}
