//! The preview's Markdown flavour in the built app: Jekyll's (kramdown, as `jekyll build`
//! writes a post) by default, CommonMark on choice, and the excerpt card beside it read the
//! same way.

use fantoccini::key::Key;
use quire_e2e::{ctrl, App, EXCERPT_CARD_JS, PREVIEW_JS};
use serde_json::json;

/// `{{ page.<key> }}` is written from the post itself, as Jekyll runs Liquid before
/// kramdown: its value read as Markdown in the preview and the excerpt card, a heading's id
/// made from it; a key the post does not give stays a placeholder; an edit of the title in
/// the form reaches both views once typing settles.
#[tokio::test]
async fn page_variables_come_from_the_post_in_the_preview_and_the_excerpt_card() {
    let app = App::open().await;
    app.paste_over(
        "---\ntitle: \"Hux's *big* day\"\ntags: [a, b]\n---\nAbout {{ page.title }} -- and {{ page.nope }}.\n\n\
         # {{ page.title }}\n\nTags: {{ page.tags }}.\n",
    )
    .await;
    let shown = format!(
        "const p = {PREVIEW_JS}, c = {EXCERPT_CARD_JS}; if (!p || !c) return false;
         const first = p.querySelector('p'), h = p.querySelector('h1'), card = c.querySelector('.card-body p');
         const ok = (e) => !!e && e.textContent === 'About ' + arguments[0] + ' \u{2013} and {{{{ page.nope }}}}.'
           && !!e.querySelector('.liquid.resolved em') && !!e.querySelector('.liquid:not(.resolved)');
         return ok(first) && ok(card) && !!h && h.textContent === arguments[0] && h.id === arguments[1]
           && p.textContent.includes('Tags: ab.');"
    );
    app.wait_until(
        "the page's variables in the preview and the excerpt card",
        &shown,
        vec![json!("Hux\u{2019}s big day"), json!("huxs-big-day")],
    )
    .await;
    let title = app.wait_for_testid("fm-title").await;
    title
        .send_keys(&ctrl('a'))
        .await
        .expect("selecting the title");
    title
        .send_keys(&format!("A *new* title{}", char::from(Key::Tab)))
        .await
        .expect("typing a title");
    app.wait_until(
        "the new title in both views",
        &shown,
        vec![json!("A new title"), json!("a-new-title")],
    )
    .await;
    app.close().await;
}

/// A loop over a list of the post's front matter writes link definitions, as Jekyll's own
/// news of 4.1.0 makes them (`{% for filter in page.filters_linked_to %}`, the item
/// slugified by an assignment in the loop), with the imported config's `baseurl`; the
/// excerpt card, which Jekyll renders from the excerpt with the definition lines as
/// written (outside the loop: empty labels), leaves the references as text. Adding an
/// item to the list links its reference once typing settles.
#[tokio::test]
async fn a_loop_over_a_front_matter_list_writes_the_posts_link_definitions() {
    let app = App::open().await;
    let post = |list: &str| {
        format!(
            "---\ntitle: Filters\nfilters_linked_to:\n{list}---\n\
             The [`where_exp`][where-expression-filter] filter, and [find][find-filter].\n\n\
             {{% for filter in page.filters_linked_to %}}\n\
             {{% assign filter_slug = filter | slugify %}}\n\
             [{{{{ filter_slug }}}}-filter]: {{{{ filter_slug | prepend: '/docs/liquid/filters/#' | relative_url }}}}\n\
             {{% endfor %}}\n"
        )
    };
    app.paste_over(&post("- where expression\n")).await;
    app.wait_saved().await;
    let dir = quire_e2e::download_dir("loop-config");
    let config = dir.join("_config.yml");
    std::fs::write(&config, "baseurl: /blog\n").expect("writing the config");
    app.choose_file("site-config-import", &config).await;
    let linked = format!(
        "const p = {PREVIEW_JS}, c = {EXCERPT_CARD_JS}; if (!p || !c) return false;
         const hrefs = [...p.querySelectorAll('p a')].map(a => a.getAttribute('data-href') || a.getAttribute('href'));
         const card = c.querySelector('.card-body p');
         return hrefs.join(' ') === arguments[0] && p.textContent.includes(arguments[1])
           && !!card && card.textContent === 'The [where_exp][where-expression-filter] filter, and [find][find-filter].'
           && !card.querySelector('a');"
    );
    app.wait_until(
        "the loop's definition read",
        &linked,
        vec![
            json!("/blog/docs/liquid/filters/#where-expression"),
            json!(", and [find][find-filter]."),
        ],
    )
    .await;
    app.paste_over(&post("- where expression\n- find\n")).await;
    app.wait_until(
        "the new item's definition read",
        &linked,
        vec![
            json!("/blog/docs/liquid/filters/#where-expression /blog/docs/liquid/filters/#find"),
            json!(", and find."),
        ],
    )
    .await;
    app.close().await;
}

/// A variable nothing makes writes nothing, as Jekyll runs a post's Liquid: a Vue
/// template's `{{ mess }}` in code and in text, in the preview and the excerpt card, once
/// typing settles; one the post assigns, `{% raw %}` and the CommonMark flavour keep
/// theirs as written.
#[tokio::test]
async fn variables_nothing_makes_write_nothing_as_on_the_site() {
    let app = App::open().await;
    app.paste_over(
        "---\ntitle: Vue\n---\nClicked {{ count }} times, {{ mess }}and {{ mine }}.\n\n\
         {% assign mine = site.title %}\n\n```html\n<p>{{ mess }}</p>\n```\n\n\
         Kept {% raw %}{{ mess }}{% endraw %}.\n",
    )
    .await;
    let shown = format!(
        "const p = {PREVIEW_JS}, c = {EXCERPT_CARD_JS}; if (!p || !c) return false;
         const first = (e) => e && e.querySelector('p');
         const ok = (e) => !!e && e.textContent === 'Clicked 9 times, and {{{{ mine }}}}.';
         const code = p.querySelector('pre code');
         return ok(first(p)) && ok(c.querySelector('.card-body p')) && !!code
           && code.textContent === '<p></p>\\n' && p.textContent.includes('Kept {{{{ mess }}}}.');"
    );
    app.wait_until(
        "the variables nothing makes written as nothing",
        &shown,
        vec![],
    )
    .await;
    app.close().await;
}

#[tokio::test]
async fn jekyll_flavour_by_default_commonmark_on_choice_and_remembered() {
    let app = App::open().await;
    app.paste_over(
        "---\ntitle: Flavours\n---\n## Hello World!\n\n## Hello World!\n\nHi {{ page.title }} -- see [the logo](/logo.png)\n\n\
         ```ruby\nputs 1\n```\n\n{% highlight python %}\nprint(2)\n{% endhighlight %}\n\n\
         - [x] done\n- [ ] open\n\nKept {% raw %}{{ site.url }}{% endraw %} as written.\n",
    )
    .await;
    app.wait_until(
        "kramdown ids, the page's title written, typography",
        &format!(
            "const p = {PREVIEW_JS}; if (!p) return false;
             const ids = [...p.querySelectorAll('h2')].map(h => h.id).join(',');
             const liquid = p.querySelectorAll('.liquid');
             return ids === 'hello-world,hello-world-1' && liquid.length === 1
               && liquid[0].classList.contains('resolved') && liquid[0].textContent === 'Flavours'
               && p.textContent.includes('Hi Flavours \u{2013} see');"
        ),
        vec![],
    )
    .await;
    // Code, lists and raw Liquid as Jekyll writes them, shown as the site's style sheet
    // would find them (and the highlight figure not indented as a browser's figure is).
    let jekyll_code = app
        .js(
            &format!(
                "const p = {PREVIEW_JS};
                 const figure = p.querySelector('figure.highlight');
                 return [
                   !!p.querySelector('div.language-ruby.highlighter-rouge > div.highlight > pre.highlight > code'),
                   figure && figure.querySelector('code.language-python').dataset.lang,
                   figure && getComputedStyle(figure).marginLeft,
                   [...p.querySelectorAll('ul.task-list > li.task-list-item > input.task-list-item-checkbox')]
                     .map(i => i.disabled && i.checked).join(','),
                   [...p.querySelectorAll('p')].some(e => e.textContent === 'Kept {{{{ site.url }}}} as written.'),
                 ];"
            ),
            vec![],
        )
        .await;
    assert_eq!(
        jekyll_code,
        json!([true, "python", "0px", "true,false", true]),
        "{}",
        app.preview_html().await
    );

    // A site URL resolves the relative image.
    let site = app.wait_for_testid("site-url").await;
    site.send_keys("https://example.com\n")
        .await
        .expect("typing the site URL");
    app.js(
        "const s = document.querySelector('[data-testid=site-url]'); s.dispatchEvent(new Event('change', { bubbles: true }));",
        vec![],
    )
    .await;
    app.wait_until(
        "the link resolved against the site",
        &format!("const a = {PREVIEW_JS}.querySelector('a'); return !!a && a.getAttribute('href') === 'https://example.com/logo.png'"),
        vec![],
    )
    .await;

    // CommonMark: no ids, Liquid as plain text, straight punctuation.
    app.choose_flavour("commonmark").await;
    app.wait_until(
        "the CommonMark rendering",
        &format!(
            "const p = {PREVIEW_JS};
             return [...p.querySelectorAll('h2')].every(h => !h.id) && !p.querySelector('.liquid')
               && p.textContent.includes('{{{{ page.title }}}} -- see')
               && !!p.querySelector('pre > code.language-ruby') && !p.querySelector('.highlighter-rouge');"
        ),
        vec![],
    )
    .await;

    // The choice survives a reload.
    app.client.refresh().await.expect("reload");
    app.wait_for_testid("editor").await;
    app.wait_until(
        "CommonMark still chosen after a reload",
        &format!(
            "const p = {PREVIEW_JS};
             return document.querySelector('[data-testid=preview-flavour]').value === 'commonmark'
               && document.querySelector('[data-testid=site-url]').value === 'https://example.com'
               && !!p && p.querySelectorAll('h2').length === 2 && [...p.querySelectorAll('h2')].every(h => !h.id);"
        ),
        vec![],
    )
    .await;
    app.close().await;
}

#[tokio::test]
async fn the_preview_and_the_excerpt_card_read_the_post_as_kramdown_does() {
    let app = App::open().await;
    app.paste_over(
        "---\ntitle: Kramdown\n---\nIt's 5'10\" tall -- `code`'s end, ~new~ and ***both***.\n\n\
         <img src=\"/icon.svg\" alt=\"x\">\n\n\
         1. Step one\n  * detail\n2. Step two\n\n| Command | Does |\n|---|---|\n| `ls | wc` | counts |\n\n\
         <div class=\"note\">\n  <p markdown=\"1\">A *note*.</p>\n</div>\n\n* star\n\n- dash\n",
    )
    .await;
    // As `jekyll build` writes it: kramdown's quotes, a single tilde as text and `***` as
    // strong around emphasis, the image line a paragraph, the detail nested in step one, the
    // piped code one cell, the note's Markdown rendered, the two bullet lists (another
    // marker after a blank line) one list.
    let kramdown = format!(
        "const p = {PREVIEW_JS}; if (!p) return false;
         const first = p.querySelector('p');
         return !!first && first.textContent === arguments[0]
           && !first.querySelector('del') && !!first.querySelector('strong > em')
           && !!p.querySelector('p > img[src=\"/icon.svg\"]')
           && p.querySelectorAll('ol').length === 1 && !!p.querySelector('ol > li > ul > li')
           && p.querySelector('ol').children.length === 2
           && p.querySelector('td code')?.textContent === 'ls | wc'
           && p.querySelectorAll('td').length === 2
           && !!p.querySelector('div.note > p > em')
           && [...p.querySelectorAll('ul')].filter(u => u.parentElement.tagName !== 'LI')
                .map(u => u.children.length).join() === '2';"
    );
    let text = "It\u{2019}s 5\u{2019}10\u{201d} tall \u{2013} code\u{2019}s end, ~new~ and both.";
    app.wait_until(
        "the post read as kramdown reads it",
        &kramdown,
        vec![json!(text)],
    )
    .await;
    // The excerpt card (the first paragraph) is written the same way.
    app.wait_until(
        "the excerpt card's quotes and spans",
        &format!(
            "const c = {EXCERPT_CARD_JS}; return !!c && c.textContent.includes(arguments[0])
               && !c.querySelector('del') && !!c.querySelector('strong > em');"
        ),
        vec![json!(text)],
    )
    .await;
    // Typing in the first paragraph (an incremental update) keeps all of it.
    app.type_after("5'10\"", "\"").await;
    let typed =
        "It\u{2019}s 5\u{2019}10\u{201d}\u{201d} tall \u{2013} code\u{2019}s end, ~new~ and both.";
    app.wait_until(
        "the edit read as kramdown reads it",
        &kramdown,
        vec![json!(typed)],
    )
    .await;
    app.close().await;
}

#[tokio::test]
async fn attribute_lists_table_parts_and_markdown_divs_as_kramdown_writes_them() {
    let app = App::open().await;
    app.paste_over(
        "---\ntitle: Blocks\n---\n**Watch out!** A notice.\n{: .notice}\n\n\
         | h1 | h2 |\n|:---|---:|\n| x | y |\n|----|----|\n| z | w |\n|====|====|\n| f | g |\n\
         {: .table}\n\n* one\n* two\n{: .fancy}\n\n\
         <div class=\"box\" markdown=\"1\">\n**Inside** the box.\n\n```ruby\nx = 1\n```\n</div>\n\n\
         Posted in Rust | 5 min read\n\n1. Run:\n\n    ```\n    npm i\n    ```\n",
    )
    .await;
    // As `jekyll build` writes it: the notice's class on its paragraph, the table's on the
    // table, with a second body after the separator line and a footer after the `=` line,
    // the list's class, the box's Markdown rendered (paragraph and code) without the
    // attribute, the line holding a pipe a table of its own, and the code under a fence
    // indented past the item's content keeping its lines as written.
    let kramdown = format!(
        "const p = {PREVIEW_JS}; if (!p) return false;
         const t = p.querySelector('table.table');
         return !!p.querySelector('p.notice > strong') && !!t && t.tBodies.length === 2
           && !!t.tFoot && t.tFoot.textContent.includes('f')
           && t.tBodies[0].querySelector('td')?.textContent === arguments[0]
           && t.querySelector('th').style.textAlign === 'left'
           && !!p.querySelector('ul.fancy') && !p.textContent.includes('{{:')
           && !!p.querySelector('div.box > p > strong')
           && !!p.querySelector('div.box > div.language-ruby') && !p.querySelector('[markdown]')
           && p.querySelectorAll('table').length === 2
           && p.querySelectorAll('table')[1].querySelectorAll('td').length === 2
           && p.querySelector('ol code')?.textContent === ' npm i\\n';"
    );
    app.wait_until(
        "the blocks as kramdown writes them",
        &kramdown,
        vec![json!("x")],
    )
    .await;
    // The excerpt card (the first paragraph) carries the notice's class too.
    app.wait_until(
        "the excerpt card's notice",
        &format!(
            "const c = {EXCERPT_CARD_JS}; return !!c && !!c.querySelector('p.notice > strong')
               && !c.textContent.includes('{{:');"
        ),
        vec![],
    )
    .await;
    // Typing in the table's first cell (an incremental update) keeps all of it.
    app.type_after("| x", "q").await;
    app.wait_until("the edit in the table", &kramdown, vec![json!("xq")])
        .await;
    app.close().await;
}

/// The site's config chooses the flavour its generator publishes with: a Hugo config
/// (`hugo.toml`, Goldmark's defaults) previews as CommonMark with Hugo's typographer, its
/// raw HTML omitted and its heading ids, in the preview and the excerpt card; the writer's own choice
/// after that wins; a Jekyll config brings kramdown back.
#[tokio::test]
async fn the_sites_generator_chooses_the_flavour() {
    let app = App::open().await;
    app.paste_over("---\ntitle: Hugo\n---\nA \"quoted\" line -- with <b>bold</b> HTML.\n\n## Hello World!\n\n## Hello World!\n")
        .await;
    let dir = quire_e2e::download_dir("flavour-hugo");
    let hugo = dir.join("hugo.toml");
    std::fs::write(
        &hugo,
        "baseURL = \"https://example.org/\"\ntitle = \"Hugo\"\n",
    )
    .expect("writing the config");
    app.choose_file("site-config-import", &hugo).await;
    let shown = format!(
        "const p = {PREVIEW_JS}, c = {EXCERPT_CARD_JS}; if (!p || !c) return false;
         const first = p.querySelector('p'), card = c.querySelector('.card-body p');
         const hugo = (e) => !!e && e.textContent === 'A \u{201c}quoted\u{201d} line \u{2013} with bold HTML.'
           && !e.querySelector('b');
         return document.querySelector('[data-testid=preview-flavour]').value === arguments[0]
           && (arguments[0] === 'commonmark' ? hugo(first) && hugo(card)
                 && [...p.querySelectorAll('h2')].map(h => h.id).join() === 'hello-world,hello-world-1'
               : !!first.querySelector('b') && !!card.querySelector('b'));"
    );
    app.wait_until("Hugo's rendering", &shown, vec![json!("commonmark")])
        .await;
    // The writer's choice wins over the site's.
    app.choose_flavour("jekyll").await;
    app.wait_until("kramdown on choice", &shown, vec![json!("jekyll")])
        .await;
    // A Jekyll config: kramdown, whatever was chosen before.
    app.choose_flavour("commonmark").await;
    let jekyll = dir.join("_config.yml");
    std::fs::write(&jekyll, "title: Jekyll\n").expect("writing the config");
    app.choose_file("site-config-import", &jekyll).await;
    app.wait_until("kramdown for a Jekyll site", &shown, vec![json!("jekyll")])
        .await;
    app.close().await;
}

/// A fence typed and not yet closed is text, as Jekyll publishes it (kramdown opens no
/// code block without its closing line), in the preview and the excerpt card, where
/// CommonMark would make the rest of the post code; typing the closing fence makes it
/// code in both.
#[tokio::test]
async fn a_fence_not_yet_closed_is_text_until_its_closing_line_is_typed() {
    let app = App::open().await;
    app.paste_over("---\ntitle: Fences\n---\nIntro *one*.\n\nLater *two*.\n")
        .await;
    app.type_after("Intro *one*.", "\n```ruby\nx = 1").await;
    let open = format!(
        "const p = {PREVIEW_JS}, c = {EXCERPT_CARD_JS}; if (!p || !c) return false;
         const first = p.querySelector('p'), card = c.querySelector('.card-body p');
         const later = [...p.querySelectorAll('p')].find(e => e.textContent === 'Later two.');
         return !!first && first.textContent === 'Intro one.\\n```ruby\\nx = 1'
           && !p.querySelector('pre') && !!later && !!later.querySelector('em')
           && !!card && card.textContent === first.textContent && !c.querySelector('pre');"
    );
    app.wait_until("the open fence as text in both views", &open, vec![])
        .await;
    app.type_after("x = 1", "\n```").await;
    let closed = format!(
        "const p = {PREVIEW_JS}, c = {EXCERPT_CARD_JS}; if (!p || !c) return false;
         const code = p.querySelector('pre code'), card = c.querySelector('pre code');
         const later = [...p.querySelectorAll('p')].find(e => e.textContent === 'Later two.');
         return !!code && code.textContent === 'x = 1\\n' && !!later
           && p.querySelector('p').textContent === 'Intro one.'
           && !!card && card.textContent === 'x = 1\\n';"
    );
    app.wait_until("the closed fence as code in both views", &closed, vec![])
        .await;
    app.close().await;
}
