//! The walking skeleton in real headless Chromium: the built app loads, the editor holds
//! the post, and the preview follows what is typed and pasted.

use fantoccini::key::Key;
use fantoccini::Locator;
use quire_e2e::{seed_post, testid, App, PREVIEW_JS};
use serde_json::json;

#[tokio::test]
async fn loads_without_console_errors_with_editor_and_preview() {
    let app = App::open().await;
    app.wait_for_testid("preview").await;
    let text = app.editor_text().await;
    assert!(
        text.starts_with("---\nlayout: post\n"),
        "editor holds: {text}"
    );
    app.wait_until(
        "the template's body in the preview frame",
        &format!("const p = {PREVIEW_JS}; return !!p && p.textContent.includes('sum up the post')"),
        vec![],
    )
    .await;
    let preview = app.preview_html().await;
    assert!(
        !preview.contains("layout:"),
        "front matter leaked: {preview}"
    );
    let errors = app.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    app.close().await;
}

#[tokio::test]
async fn typing_changes_the_preview() {
    let app = App::open().await;
    let editor = app
        .client
        .find(Locator::Css(&testid("editor")))
        .await
        .expect("the editor");
    editor.click().await.expect("focus the editor");
    // Select everything and type over it, key by key.
    let select_all = format!("{}a{}", char::from(Key::Control), char::from(Key::Null));
    editor.send_keys(&select_all).await.expect("select all");
    editor
        .send_keys("# Typed heading\n\n- see [the docs](https://example.org/docs)\n\n| Name | Score |\n|---|---|\n| Ada | 10 |\n")
        .await
        .expect("typing");
    app.wait_until(
        "the typed heading, list link and table",
        &format!("const p = {PREVIEW_JS}; if (!p) return false;
         const h = p.querySelector('h1');
         const a = p.querySelector('li > a');
         const td = p.querySelectorAll('table td');
         return !!h && h.textContent === 'Typed heading'
             && !!a && a.getAttribute('href') === 'https://example.org/docs' && a.textContent === 'the docs'
             && td.length === 2 && td[0].textContent === 'Ada' && td[1].textContent === '10';"),
        vec![],
    )
    .await;
    let errors = app.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    app.close().await;
}

#[tokio::test]
async fn pasted_seed_post_previews_its_body_only() {
    let seed = seed_post();
    let app = App::open().await;
    app.paste_over(&seed).await;
    assert_eq!(
        app.editor_text().await,
        seed,
        "the editor holds the pasted post exactly"
    );

    // The six list items, each with the link the source gives it.
    let hrefs: Vec<String> = seed
        .lines()
        .filter_map(|l| l.strip_prefix("* ["))
        .filter_map(|l| l.split("](").nth(1))
        .filter_map(|l| l.split(')').next())
        .map(str::to_string)
        .collect();
    assert_eq!(hrefs.len(), 6, "the seed post has six linked list items");
    app.wait_until(
        "six list items with the seed post's links",
        &format!("const p = {PREVIEW_JS}; if (!p) return false;
         const items = [...p.querySelectorAll('li')];
         const hrefs = items.map(li => li.querySelector('a') && li.querySelector('a').getAttribute('href'));
         return JSON.stringify(hrefs) === JSON.stringify(arguments[0]);"),
        vec![json!(hrefs)],
    )
    .await;

    let heading = app
        .js(
            &format!("return [...{PREVIEW_JS}.querySelectorAll('h2')].map(h => h.textContent)"),
            vec![],
        )
        .await;
    assert_eq!(heading, json!(["Articles & Learning"]));

    let text = app
        .js(&format!("return {PREVIEW_JS}.textContent"), vec![])
        .await;
    let text = text.as_str().unwrap_or_default();
    for front_matter in [
        "layout: post",
        "title:",
        "What I've been reading in January",
    ] {
        assert!(
            !text.contains(front_matter),
            "front matter {front_matter:?} in the preview"
        );
    }
    assert!(
        text.contains("Here are the articles, videos, and tools"),
        "the excerpt is body text"
    );
    app.close().await;
}
