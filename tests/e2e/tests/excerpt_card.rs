//! The excerpt card in the built app: a post's HTML (scripts, styles, overlays, links,
//! frames, remote images) stays inside the card's sandboxed frame and never reaches the app;
//! in a Jekyll site the card, the excerpt's editor and its switch follow Jekyll's rules.

use fantoccini::Locator;
use quire_e2e::hostile::{expected_refusal, settled, VECTORS};
use quire_e2e::{ctrl, download_dir, App, EXCERPT_CARD_JS};
use serde_json::json;

/// What a post does to the page it is shown in, beyond running scripts: restyle it, cover
/// it, navigate it, load remote things into it, frame code-running addresses.
const PAGE_TAKEOVER: &str = r#"<style>body { display: none !important } textarea { visibility: hidden !important }</style>

<div id="quire-overlay" style="position:fixed;inset:0;z-index:2147483647;background:red">covering the app</div>

<a id="plain-link" href="/?navigated-by-a-post">a plain link</a> and [a Markdown link](/?navigated-by-markdown)

<iframe src="javascript:top.pwned(101)"></iframe>

<img src="/from-the-post.png" alt="a remote image">
"#;

/// The same, inline in one paragraph (the excerpt of a post without markers).
const FIRST_PARAGRAPH: &str = r#"Intro <style>body { display: none !important }</style><span id="quire-overlay" style="position:fixed;inset:0;z-index:2147483647;background:red">covering the app</span> <a id="plain-link" href="/?navigated-by-a-post">a plain link</a> <iframe src="javascript:top.pwned(102)"></iframe> <img src="/from-the-post.png" onerror="top.pwned(103)"> <svg><a xlink:href="javascript:top.pwned(104)"><text>svg</text></a></svg>

The second paragraph is not in the excerpt."#;

/// Show `post`, wait until the excerpt card holds `marker`, activate what a reader could in
/// the card, and check that nothing of the post reached the app's own document.
async fn check_card(app: &App, post: &str, marker: &str) {
    app.js(
        "window.__pwned = []; window.pwned = id => window.__pwned.push(id);",
        vec![],
    )
    .await;
    let before = app
        .js(
            "return { sheets: document.styleSheets.length, styles: document.querySelectorAll('style, link[rel=stylesheet]').length }",
            vec![],
        )
        .await;
    app.paste_over(post).await;
    app.wait_until(
        "the hostile excerpt in the card",
        &format!("const c = {EXCERPT_CARD_JS}; return !!c && c.textContent.includes(arguments[0])"),
        vec![json!(marker)],
    )
    .await;
    app.client
        .execute_async(&settled(), vec![json!("card")])
        .await
        .expect("the card settles");

    // The post's elements are in the card's frame, and only there.
    let card = app
        .js(
            &format!(
                "const c = {EXCERPT_CARD_JS};
                 return {{
                   overlay: !!c.querySelector('#quire-overlay'),
                   links: [...c.querySelectorAll('a[href]')].map(a => a.target),
                   risky: [...c.querySelectorAll('a, area')].map(a => a.getAttribute('href') || '')
                     .filter(h => /^(javascript|vbscript|data):/i.test(h.replace(/[\\s\\u0000-\\u001f]/g, ''))),
                 }}"
            ),
            vec![],
        )
        .await;
    assert_eq!(
        card["overlay"],
        json!(true),
        "the card shows the post: {card}"
    );
    assert!(
        card["links"]
            .as_array()
            .is_some_and(|l| !l.is_empty() && l.iter().all(|t| t == "_blank")),
        "every link in the card opens a new tab: {card}"
    );
    assert_eq!(card["risky"], json!([]), "{card}");

    // A reader clicks everything in the card, short of opening web links in new tabs
    // (which all have `target=_blank`, checked above): disarmed links, the overlay, frames.
    app.js(
        &format!(
            "const c = {EXCERPT_CARD_JS};
             [...c.querySelectorAll('a:not([href]), svg a, button, span, div, iframe, img')]
               .forEach(el => el.dispatchEvent(new MouseEvent('click', {{ bubbles: true, cancelable: true }})));"
        ),
        vec![],
    )
    .await;
    app.client
        .execute_async(&settled(), vec![json!("card")])
        .await
        .expect("the card settles after the clicks");

    let state = app
        .js(
            "const ed = document.querySelector('[data-testid=editor]');
             const r = ed.getBoundingClientRect();
             const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
             const card = document.querySelector('iframe[data-testid=excerpt-preview]');
             return {
               url: location.href,
               cardUrl: card.contentDocument.URL,
               bodyDisplay: getComputedStyle(document.body).display,
               editorVisible: getComputedStyle(ed).visibility,
               editorOnTop: hit === ed,
               overlayInApp: !!document.getElementById('quire-overlay'),
               sheets: document.styleSheets.length,
               styles: document.querySelectorAll('style, link[rel=stylesheet]').length,
               frames: [...document.querySelectorAll('iframe')].map(f => f.getAttribute('sandbox')),
               remoteInApp: performance.getEntriesByType('resource').filter(e => e.name.includes('from-the-post')).length,
               pwned: window.__pwned,
             }",
            vec![],
        )
        .await;
    assert_eq!(
        state["url"],
        json!(app.base_url),
        "the app navigated: {state}"
    );
    assert_eq!(
        state["cardUrl"],
        json!("about:srcdoc"),
        "the card navigated: {state}"
    );
    assert_ne!(state["bodyDisplay"], json!("none"), "{state}");
    assert_eq!(state["editorVisible"], json!("visible"), "{state}");
    assert_eq!(
        state["editorOnTop"],
        json!(true),
        "something covers the editor: {state}"
    );
    assert_eq!(state["overlayInApp"], json!(false), "{state}");
    assert_eq!(
        state["sheets"], before["sheets"],
        "the app's styles changed: {state}"
    );
    assert_eq!(state["styles"], before["styles"], "{state}");
    assert_eq!(
        state["frames"],
        json!([views_sandbox(), views_sandbox()]),
        "only the preview's and the card's sandboxed frames: {state}"
    );
    assert_eq!(state["remoteInApp"], json!(0), "{state}");
    assert_eq!(state["pwned"], json!([]), "{state}");
}

/// The sandbox of the preview and the card: no scripts.
fn views_sandbox() -> &'static str {
    "allow-same-origin allow-popups allow-popups-to-escape-sandbox"
}

#[tokio::test]
async fn the_excerpt_card_shows_hostile_html_only_in_its_sandbox() {
    let app = App::open().await;
    // Between excerpt markers: every vector, and the page takeovers.
    let marked = format!(
        "---\ntitle: Hostile excerpt\n---\n<!-- excerpt start -->\n\n{VECTORS}\n\n{PAGE_TAKEOVER}\n\n<!-- excerpt end -->\n\nAfter the excerpt.\n"
    );
    check_card(&app, &marked, "covering the app").await;
    // No markers: the first paragraph is the excerpt.
    let first = format!("---\ntitle: Hostile first paragraph\n---\n{FIRST_PARAGRAPH}\n");
    check_card(&app, &first, "Intro").await;
    // An excerpt: key, written as it is (Jekyll writes no Markdown of it).
    let line = FIRST_PARAGRAPH.lines().next().unwrap_or_default();
    let key = format!("---\ntitle: Hostile key\nexcerpt: |\n  {line}\n---\nThe body.\n");
    check_card(&app, &key, "Intro").await;
    // The card still follows the text, written as the preview's flavour (Jekyll's by
    // default) writes it: typographic quotes and dashes, code as Rouge marks it.
    app.paste_over("---\ntitle: Calm\n---\nA calm excerpt, \"quoted\" -- with `code`.\n")
        .await;
    app.wait_until(
        "the calm card",
        &format!(
            "const c = {EXCERPT_CARD_JS};
             return c.querySelector('h3').textContent === 'Calm'
               && c.textContent.includes('A calm excerpt, \u{201c}quoted\u{201d} \u{2013} with code.')
               && !!c.querySelector('code.language-plaintext.highlighter-rouge')
               && !c.querySelector('#quire-overlay');"
        ),
        vec![],
    )
    .await;
    let errors = app.console_errors().await;
    let unexpected: Vec<&String> = errors.iter().filter(|e| !expected_refusal(e)).collect();
    assert!(unexpected.is_empty(), "console errors: {unexpected:#?}");
    let _ = app.client.close().await;
}

/// Import `config` as the site's `_config.yml`, and wait until `ready` (a script) holds.
async fn import_config(app: &App, test: &str, config: &str, ready: &str) {
    let path = download_dir(test).join("_config.yml");
    std::fs::write(&path, config).expect("writing the config");
    app.choose_file("site-config-import", &path).await;
    app.wait_until(test, ready, vec![]).await;
}

/// The card's text, and the address of each of its links.
async fn card(app: &App) -> serde_json::Value {
    app.js(
        &format!(
            "const c = {EXCERPT_CARD_JS}; if (!c) return null;
             return {{ text: c.querySelector('.card-body').textContent,
                       links: [...c.querySelectorAll('.card-body a')].map(a => a.getAttribute('data-href') || a.getAttribute('href')) }}"
        ),
        vec![],
    )
    .await
}

/// In a Jekyll site the card shows the excerpt Jekyll 4.3 writes for `post.excerpt`: cut
/// at the site's separator only (`<!--more-->` is no marker unless configured; a post
/// without the separator is all excerpt), with the link definitions of the rest of the
/// post that it names. The excerpt's editor and its switch follow the same rules.
#[tokio::test]
async fn in_a_jekyll_site_the_card_is_the_excerpt_jekyll_writes() {
    let app = App::open().await;
    let post = "---\ntitle: Notes\n---\nSee [the docs][docs] and [Other].\n\nSecond paragraph.\n\n<!--more-->\n\nThe rest.\n\n[docs]: https://example.org/docs\n[other]: https://example.org/other\n";
    app.paste_over(post).await;
    // No site known: <!--more--> ends it, as in Hugo and Zola.
    app.wait_until(
        "the card up to <!--more-->",
        &format!(
            "const c = {EXCERPT_CARD_JS}; return !!c && c.textContent.includes('Second paragraph')"
        ),
        vec![],
    )
    .await;
    // A Jekyll site with no separator: the first paragraph, its reference link resolved
    // from the end of the post, [Other] left as text (Jekyll compares labels as written).
    import_config(
        &app,
        "excerpt-jekyll",
        "title: Notes\n",
        &format!("const c = {EXCERPT_CARD_JS}; return !!c && !c.textContent.includes('Second paragraph')"),
    )
    .await;
    let shown = card(&app).await;
    assert!(
        shown["text"]
            .as_str()
            .is_some_and(|t| t.contains("See the docs and [Other].")),
        "{shown}"
    );
    assert_eq!(
        shown["links"],
        json!(["https://example.org/docs"]),
        "{shown}"
    );
    assert!(app
        .text_of("excerpt-convention")
        .await
        .contains("The first paragraph"));
    // Marking it: <!--more--> with the post's own excerpt_separator, which Jekyll reads.
    let plain = "---\ntitle: Notes\n---\nFirst paragraph.\n\nSecond paragraph.\n";
    app.paste_over(plain).await;
    app.wait_until(
        "the first paragraph in the card",
        &format!("const c = {EXCERPT_CARD_JS}; return !!c && c.textContent.includes('First paragraph') && !c.textContent.includes('Second')"),
        vec![],
    )
    .await;
    let switch = app
        .client
        .find(Locator::Css("[data-testid=excerpt-switch]"))
        .await
        .expect("the switch");
    switch
        .select_by_value("more")
        .await
        .expect("switch to a marker");
    app.wait_for_editor_text(
        "---\ntitle: Notes\nexcerpt_separator: <!--more-->\n---\nFirst paragraph.\n\n<!--more-->\n\nSecond paragraph.\n",
    )
    .await;
    app.wait_until(
        "the separator's convention",
        "return document.querySelector('[data-testid=excerpt-convention]').textContent.includes('excerpt_separator <!--more-->')",
        vec![],
    )
    .await;

    // A site separator the post lacks: the whole post is its excerpt.
    import_config(
        &app,
        "excerpt-cut",
        "title: Notes\nexcerpt_separator: <!--cut-->\n",
        "return document.querySelector('[data-testid=excerpt-switch] option[value=more]').textContent === '<!--cut-->'",
    )
    .await;
    let cut = "---\ntitle: Cut\n---\nFirst.\n\nSecond.\n\nThird.\n";
    app.paste_over(cut).await;
    app.wait_until(
        "the whole post in the card",
        &format!("const c = {EXCERPT_CARD_JS}; return !!c && c.textContent.includes('Third.')
                  && document.querySelector('[data-testid=excerpt-convention]').textContent.includes('The whole post')"),
        vec![],
    )
    .await;
    // The excerpt's editor changes the excerpt the site shows, up to its separator.
    let with_cut = "---\ntitle: Cut\n---\nFirst.\n\nSecond.\n<!--cut-->\nThird.\n";
    app.paste_over(with_cut).await;
    app.wait_until(
        "the excerpt up to <!--cut-->",
        "return document.querySelector('[data-testid=excerpt-editor]').value === 'First.\\n\\nSecond.'",
        vec![],
    )
    .await;
    let field = app.wait_for_testid("excerpt-editor").await;
    field.click().await.expect("focus the excerpt field");
    field.send_keys(&ctrl('a')).await.expect("select all");
    field.send_keys("New.").await.expect("typing the excerpt");
    app.wait_for_editor_text("---\ntitle: Cut\n---\nNew.\n<!--cut-->\nThird.\n")
        .await;

    // A separator the front-matter defaults give posts is the post's own, as to Jekyll.
    import_config(
        &app,
        "excerpt-defaults",
        "title: Notes\ndefaults:\n  - scope:\n      path: \"\"\n      type: posts\n    values:\n      excerpt_separator: <!--x-->\n",
        "return document.querySelector('[data-testid=excerpt-switch] option[value=more]').textContent === '<!--x-->'",
    )
    .await;
    app.paste_over("---\ntitle: Defaults\n---\nA.\n\nB.\n<!--x-->\nC.\n")
        .await;
    app.wait_until(
        "the excerpt up to the defaults' separator",
        &format!("const c = {EXCERPT_CARD_JS}; return !!c && c.textContent.includes('B.') && !c.textContent.includes('C.')"),
        vec![],
    )
    .await;
    app.close().await;
}
