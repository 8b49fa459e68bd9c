//! The site's config drives the post's URL, the inherited front matter and the excerpt:
//! a `_config.yml` imported alone (remembered across a reload; a broken one refused with
//! its line and changing nothing), and the config of an open site folder.

use quire_e2e::site::{fixture_site, open_trip};
use quire_e2e::{download_dir, App, EXCERPT_CARD_JS, PREVIEW_JS};
use serde_json::json;

const POST: &str = "---\ntitle: Trip to Oslo\ndate: 2026-05-04 10:00:00 +0200\ncategories: [Travel]\n---\nFirst paragraph.\n\nSecond paragraph, [the code]({{ site.repository }}/issues).\n\n<!--more-->\n\nThe rest.\n";

const CONFIG: &str = "title: A travel notebook
repository: https://github.com/notebook/site
url: https://notebook.example
baseurl: /blog
permalink: pretty
excerpt_separator: <!--more-->
defaults:
  - scope:
      path: \"\"
    values:
      author: Site
  - scope:
      path: \"_posts\"
      type: posts
    values:
      layout: post
      comments: true
";

/// Write `text` as a file named `name` in a fresh folder for `test`.
fn config_file(test: &str, name: &str, text: &str) -> std::path::PathBuf {
    let path = download_dir(test).join(name);
    std::fs::write(&path, text).expect("writing the config");
    path
}

async fn text_of_url(app: &App) -> String {
    app.wait_for_testid("post-url").await;
    app.text_of("post-url").await
}

#[tokio::test]
async fn an_imported_config_gives_the_url_the_inherited_values_and_the_excerpt() {
    let app = App::open().await;
    app.paste_over(POST).await;
    app.wait_saved().await;
    assert_eq!(app.count("post-url").await, 0);
    app.choose_file(
        "site-config-import",
        &config_file("config-import", "_config.yml", CONFIG),
    )
    .await;
    app.wait_until(
        "the post's URL",
        "const u = document.querySelector('[data-testid=post-url]');
         return !!u && u.textContent.includes('https://notebook.example/blog/travel/2026/05/04/trip-to-oslo/')",
        vec![],
    )
    .await;
    // Inherited values, greyed, with their scope; none of them written into the post.
    app.wait_for_testid("fm-inherited-layout").await;
    let layout = app
        .js(
            "const l = document.querySelector('[data-testid=fm-inherited-layout]');
             return [l.querySelector('input').value, l.dataset.scope]",
            vec![],
        )
        .await;
    assert_eq!(layout, json!(["post", "path “_posts”, type posts"]));
    let row = app.text_of("fm-inherited-layout").await;
    assert!(
        row.contains("layout") && row.contains("post") && row.contains("from path “_posts”"),
        "{row}"
    );
    assert_eq!(app.count("fm-inherited-author").await, 1);
    assert_eq!(app.editor_text().await, POST);
    // The site's excerpt separator.
    app.wait_until(
        "the excerpt up to <!--more-->",
        &format!(
            "const c = {EXCERPT_CARD_JS}; if (!c) return false;
             const a = c.querySelector('a');
             return c.textContent.includes('Second paragraph') && !c.textContent.includes('The rest')
                 && !!a && (a.getAttribute('data-href') || a.getAttribute('href')) === 'https://github.com/notebook/site/issues'"
        ),
        vec![],
    )
    .await;

    // Editing an inherited value writes it into the post, and only it.
    let author = app
        .client
        .find(fantoccini::Locator::Css(
            "[data-testid=fm-inherited-author] input",
        ))
        .await
        .expect("the inherited author");
    author.click().await.expect("focus the inherited author");
    author
        .send_keys(&format!("{}Me\n", quire_e2e::ctrl('a')))
        .await
        .expect("typing");
    let with_author = POST.replace(
        "categories: [Travel]\n",
        "categories: [Travel]\nauthor: Me\n",
    );
    app.wait_for_editor_text(&with_author).await;
    app.wait_until(
        "the author no longer inherited",
        "return !document.querySelector('[data-testid=fm-inherited-author]')",
        vec![],
    )
    .await;
    app.wait_saved().await;

    // Remembered across a reload.
    app.client.refresh().await.expect("reload");
    app.wait_for_editor_text(&with_author).await;
    assert!(text_of_url(&app)
        .await
        .contains("/blog/travel/2026/05/04/trip-to-oslo/"));

    // A broken config: refused with its line, nothing changes.
    app.choose_file(
        "site-config-import",
        &config_file(
            "config-broken",
            "_config.yml",
            "url: https://other.example\npermalink: [date\n",
        ),
    )
    .await;
    app.wait_until(
        "a notice with the line",
        "const n = document.querySelector('[data-testid=notice]');
         return !!n && n.textContent.includes('_config.yml line') && n.textContent.includes('Nothing changed')",
        vec![],
    )
    .await;
    assert!(text_of_url(&app)
        .await
        .contains("https://notebook.example/blog/"));
    app.close().await;
}

#[tokio::test]
async fn a_site_folder_with_a_config_gives_the_url_of_its_posts() {
    let app = App::open().await;
    app.open_site(&fixture_site("site-jekyll"), 5).await;
    let trip = open_trip(&app).await;
    app.wait_until(
        "the post's URL from the folder's config",
        "const u = document.querySelector('[data-testid=post-url]');
         return !!u && u.textContent.includes('https://notebook.example/2026/05/04/trip-to-oslo/')",
        vec![],
    )
    .await;
    let status = app.text_of("site-config").await;
    assert!(
        status.contains("_config.yml") && status.contains("from the folder"),
        "{status}"
    );
    // Liquid in links resolves from the site: another post by `post_url`, a config key.
    app.caret_at(trip.len()).await;
    app.keys_in_editor(
        "[winter]({% post_url 2025-12-24-winter-note %}) and [home]({{ site.url }}/) in {{ site.title }}\n",
        false,
    )
    .await;
    app.wait_until(
        "the resolved links in the preview",
        &format!(
            "const p = {PREVIEW_JS}; if (!p) return false;
             const links = [...p.querySelectorAll('a')].map(a => a.getAttribute('data-href') || a.getAttribute('href'));
             return links.includes('/2025/12/24/winter-note/') && links.includes('https://notebook.example/')
                 && p.textContent.includes('A travel notebook')"
        ),
        vec![],
    )
    .await;
    // The post's own variables: its URL from the folder's config, its title, which Jekyll
    // makes from the file's name when the front matter has none, its date (in UTC, as a
    // GitHub Pages build writes it) and the site's time through date filters.
    app.keys_in_editor(
        "\n{{ page.title }}\n===\n\nAt {{ page.url }}, tagged {{ page.tags }}, \
         on {{ page.date | date: \"%B %-d, %Y %H:%M\" }} ({{ site.time | date: '%Y' }}).\n",
        false,
    )
    .await;
    let page = format!(
        "const p = {PREVIEW_JS}; if (!p) return false;
         const h = p.querySelector('h1');
         return !!h && h.textContent === arguments[0] && h.id === 'trip-to-oslo'
           && p.textContent.includes('At /2026/05/04/trip-to-oslo/, tagged travelnorway, on May 4, 2026 08:00 (')
           && /on May 4, 2026 08:00 \\(\\d{{4}}\\)\\./.test(p.textContent)"
    );
    app.wait_until("the page's variables", &page, vec![json!("Trip to Oslo")])
        .await;
    let untitled = app.editor_text().await.replace("title: Trip to Oslo\n", "");
    app.paste_over(&untitled).await;
    app.wait_until(
        "the title Jekyll makes from the file name",
        &page,
        vec![json!("Trip To Oslo")],
    )
    .await;
    app.close().await;
}

#[tokio::test]
async fn the_checklist_names_each_defect_and_goes_to_its_line() {
    let app = App::open().await;
    app.open_site(&fixture_site("site-jekyll"), 5).await;
    let post = format!(
        "---\ndate: 2099-01-01\npermalink: /2026/05/04/trip-to-oslo/\ndescription: {}\n---\nText.\n\n![](/assets/images/nope.png)\n\nSee [gone]({{% post_url 2020-01-01-gone %}}) and [trip]({{% post_url 2026-05-04-trip-to-oslo %}}).\n",
        "d".repeat(170)
    );
    app.click("new-draft").await;
    app.paste_over(&post).await;
    let kinds = || async {
        let kinds = app
            .js(
                "return [...document.querySelectorAll('[data-testid=check-item]')].map(i => i.dataset.kind).sort()",
                vec![],
            )
            .await;
        serde_json::from_value::<Vec<String>>(kinds).unwrap_or_default()
    };
    app.wait_until(
        "every defect listed",
        "return document.querySelectorAll('[data-testid=check-item]').length === 7",
        vec![],
    )
    .await;
    assert_eq!(
        kinds().await,
        [
            "duplicate-url",
            "future-date",
            "image-no-alt",
            "long-description",
            "missing-image",
            "missing-post",
            "no-title"
        ]
    );
    // A click puts the caret on the item's line.
    app.click_css("[data-testid=check-item][data-kind=future-date]")
        .await;
    let caret = app
        .js(
            "const e = document.querySelector('[data-testid=editor]'); return [document.activeElement === e, e.selectionStart]",
            vec![],
        )
        .await;
    assert_eq!(
        caret,
        json!([true, post.find("date:").expect("the date line")])
    );
    // Fixed, they go.
    let fixed = post
        .replace("date: 2099-01-01\n", "title: Fine\ndate: 2026-01-01\n")
        .replace("permalink: /2026/05/04/trip-to-oslo/\n", "")
        .replace(&"d".repeat(170), "Short.")
        .replace("![](/assets/images/nope.png)", "")
        .replace("[gone]({% post_url 2020-01-01-gone %}) and ", "");
    app.paste_over(&fixed).await;
    app.wait_until(
        "nothing left to look at",
        "return document.querySelectorAll('[data-testid=check-item]').length === 0",
        vec![],
    )
    .await;
    // The missing image was looked for where the preview falls back to (the page's own
    // server, no site URL being set): that 404 is the only error.
    let errors = app.console_errors().await;
    assert!(
        errors.iter().all(|e| e.contains("/assets/images/nope.png")),
        "{errors:#?}"
    );
    let _ = app.client.close().await;
}

/// A config that numbers code lines (`kramdown: syntax_highlighter_opts: block:
/// line_numbers`) shows each highlighted block as Rouge's table in the preview and the
/// excerpt card, the numbers beside the code in a muted column without cell borders, the
/// code itself unchanged.
#[tokio::test]
async fn a_config_that_numbers_code_lines_numbers_them_in_the_preview() {
    let app = App::open().await;
    app.paste_over("---\ntitle: Code\n---\n```js\nlet a = 1;\nlet b = 2;\n```\n\nAfter.\n")
        .await;
    let config = "kramdown:\n  syntax_highlighter_opts:\n    block:\n      line_numbers: true\n      start_line: 7\n";
    app.choose_file(
        "site-config-import",
        &config_file("config-line-numbers", "_config.yml", config),
    )
    .await;
    let numbered = "const root = arguments[0] === 'card' ? CARD : PREVIEW; if (!root) return false;
         const gutter = root.querySelector('.highlighter-rouge table.rouge-table td.rouge-gutter.gl pre.lineno');
         const code = root.querySelector('.highlighter-rouge table.rouge-table td.rouge-code pre');
         if (!gutter || !code) return false;
         const cell = getComputedStyle(gutter.parentElement), view = root.ownerDocument.defaultView;
         return gutter.textContent === '7\\n8\\n' && code.textContent === 'let a = 1;\\nlet b = 2;\\n'
           && cell.borderTopWidth === '0px' && view.getComputedStyle(gutter).userSelect === 'none'
           && gutter.getBoundingClientRect().right <= code.getBoundingClientRect().left;";
    for root in ["preview", "card"] {
        app.wait_until(
            &format!("the numbered code in the {root}"),
            &format!("const PREVIEW = {PREVIEW_JS}, CARD = {EXCERPT_CARD_JS}; {numbered}"),
            vec![json!(root)],
        )
        .await;
    }
    // A site that turns Rouge off (`highlighter: none`, Typelevel's): kramdown's plain
    // `<pre><code class="language-js">`, in the preview and the card.
    app.choose_file(
        "site-config-import",
        &config_file(
            "config-no-highlighter",
            "_config.yml",
            "highlighter: none\n",
        ),
    )
    .await;
    let plain = "const root = arguments[0] === 'card' ? CARD : PREVIEW; if (!root) return false;
         const code = root.querySelector('pre > code.language-js');
         return !!code && !root.querySelector('.highlighter-rouge')
           && code.textContent === 'let a = 1;\\nlet b = 2;\\n';";
    for root in ["preview", "card"] {
        app.wait_until(
            &format!("the plain code in the {root}"),
            &format!("const PREVIEW = {PREVIEW_JS}, CARD = {EXCERPT_CARD_JS}; {plain}"),
            vec![json!(root)],
        )
        .await;
    }
    app.close().await;
}

/// A site built in a time zone (`timezone:`): the post's URL and its Liquid times are on
/// that zone's clock, from the browser's own zone database, as Jekyll 4.3.1 built them
/// with `timezone: America/Los_Angeles` (summer and winter offsets); a zone the browser
/// does not know is UTC, as it is to Jekyll, and the config's status says so.
#[tokio::test]
async fn a_sites_timezone_gives_its_posts_dates() {
    let app = App::open().await;
    app.paste_over(
        "---\ntitle: Zones\ndate: \"2013-05-06 02:12:52 +0200\"\n---\n\
         On {{ page.date | date_to_xmlschema }}; summer {{ \"2021-07-01 03:00:00 +0000\" | date_to_xmlschema }}; \
         winter {{ \"2021-01-01 03:00:00 +0000\" | date_to_rfc822 }}.\n",
    )
    .await;
    app.wait_saved().await;
    app.choose_file(
        "site-config-import",
        &config_file(
            "config-zone",
            "_config.yml",
            "timezone: America/Los_Angeles\npermalink: /:year/:month/:day/:title/\n",
        ),
    )
    .await;
    let url_is = |path: &str| {
        format!(
            "const u = document.querySelector('[data-testid=post-url]');
             return !!u && u.dataset.path === '{path}'"
        )
    };
    app.wait_until(
        "the URL on Los Angeles' clock",
        &url_is("/2013/05/05/zones/"),
        vec![],
    )
    .await;
    let preview = format!(
        "const p = {PREVIEW_JS}; if (!p) return false;
         return p.textContent.includes(arguments[0])"
    );
    app.wait_until(
        "the dates on Los Angeles' clock",
        &preview,
        vec![json!(
            "On 2013-05-05T17:12:52-07:00; summer 2021-06-30T20:00:00-07:00; winter Thu, 31 Dec 2020 19:00:00 -0800."
        )],
    )
    .await;
    let status = app.text_of("site-config").await;
    assert!(
        status.contains("Dates are in America/Los_Angeles"),
        "{status}"
    );
    // Remembered across a reload, zone and all.
    app.client.refresh().await.expect("reload");
    app.wait_until(
        "the URL on Los Angeles' clock after a reload",
        &url_is("/2013/05/05/zones/"),
        vec![],
    )
    .await;
    // A zone no browser knows: UTC, said in the status.
    app.choose_file(
        "site-config-import",
        &config_file(
            "config-zone-unknown",
            "_config.yml",
            "timezone: Mars/Olympus_Mons\npermalink: /:year/:month/:day/:title/\n",
        ),
    )
    .await;
    app.wait_until("the URL in UTC", &url_is("/2013/05/06/zones/"), vec![])
        .await;
    app.wait_until(
        "the dates in UTC",
        &preview,
        vec![json!(
            "On 2013-05-06T00:12:52+00:00; summer 2021-07-01T03:00:00+00:00; winter Fri, 01 Jan 2021 03:00:00 +0000."
        )],
    )
    .await;
    let status = app.text_of("site-config").await;
    assert!(
        status.contains("“Mars/Olympus_Mons” is not a time zone this browser knows"),
        "{status}"
    );
    // A date written in words, as 18F writes its posts' and Jekyll (Ruby's `Time.parse`)
    // reads them: the URL and `page.date` take it.
    app.paste_over(
        "---\ntitle: Zones\ndate: September 30, 2021\n---\nOn {{ page.date | date: \"%B %-d, %Y\" }}.\n",
    )
    .await;
    app.wait_until(
        "the URL of a date in words",
        &url_is("/2021/09/30/zones/"),
        vec![],
    )
    .await;
    app.wait_until(
        "its page.date",
        &preview,
        vec![json!("On September 30, 2021.")],
    )
    .await;
    app.close().await;
}
