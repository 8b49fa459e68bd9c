//! Drafts kept in the real localStorage of headless Chromium: reload, leaving the page,
//! and a storage really filled to the brim.

use quire_e2e::App;
use serde_json::json;

async fn wait_saved(app: &App) {
    app.wait_until(
        "the draft to be saved",
        "return document.querySelector('[data-testid=save-status]').textContent === 'Saved'",
        vec![],
    )
    .await;
}

async fn reopen(app: &App) {
    app.client
        .goto(&app.base_url)
        .await
        .expect("reopening the app");
    app.wait_for_testid("editor").await;
}

#[tokio::test]
async fn typed_text_is_back_after_a_reload() {
    let app = App::open().await;
    let text = "---\ntitle: Kept\n---\nThis survives a reload.\n";
    app.paste_over(text).await;
    wait_saved(&app).await;
    app.client.refresh().await.expect("reload");
    app.wait_for_testid("editor").await;
    assert_eq!(app.editor_text().await, text);
    let status = app
        .js(
            "return document.querySelector('[data-testid=save-status]').textContent",
            vec![],
        )
        .await;
    assert_eq!(status, json!("Saved"));
    app.close().await;
}

#[tokio::test]
async fn leaving_right_after_typing_keeps_the_text() {
    let app = App::open().await;
    wait_saved(&app).await;
    let text = "---\ntitle: Quick\n---\nTyped and gone at once.\n";
    app.paste_over(text).await;
    // Leave before the autosave delay runs out: the page-hide save must catch it.
    app.client
        .goto("about:blank")
        .await
        .expect("leaving the page");
    reopen(&app).await;
    assert_eq!(app.editor_text().await, text);
    app.close().await;
}

#[tokio::test]
async fn a_full_storage_is_reported_and_loses_nothing() {
    let app = App::open().await;
    wait_saved(&app).await;
    // Fill localStorage from the page until not one more character fits.
    let filled = app
        .js(
            "let n = 0, size = 1 << 20;
             while (size >= 1) {
               try { localStorage.setItem('filler-' + n, 'x'.repeat(size)); n++; }
               catch (e) { if (e.name !== 'QuotaExceededError') throw e; size = Math.floor(size / 2); }
             }
             return n;",
            vec![],
        )
        .await;
    assert!(
        filled.as_u64().unwrap_or(0) > 0,
        "the storage took no filler"
    );

    let text = format!(
        "---\ntitle: Too big\n---\n{}\n",
        "A long paragraph that will not fit. ".repeat(200)
    );
    app.paste_over(&text).await;
    app.wait_until(
        "the full-storage notice",
        "const n = document.querySelector('[data-testid=notice]');
         const s = document.querySelector('[data-testid=save-status]').textContent;
         return !!n && n.textContent.includes('NOT saved') && s.startsWith('Not saved');",
        vec![],
    )
    .await;
    assert_eq!(
        app.editor_text().await,
        text,
        "the editor keeps every character"
    );

    // Free space: saving resumes by itself on the next change, and the notice goes.
    app.js(
        "Object.keys(localStorage).filter(k => k.startsWith('filler-')).forEach(k => localStorage.removeItem(k));",
        vec![],
    )
    .await;
    let more = format!("{text}More.\n");
    app.paste_over(&more).await;
    wait_saved(&app).await;
    let notice = app
        .js(
            "return document.querySelector('[data-testid=notice]') === null",
            vec![],
        )
        .await;
    assert_eq!(notice, json!(true), "the full-storage notice is gone");
    app.client.refresh().await.expect("reload");
    app.wait_for_testid("editor").await;
    assert_eq!(app.editor_text().await, more);
    app.close().await;
}

async fn titles(app: &App) -> serde_json::Value {
    app.js(
        "return [...document.querySelectorAll('[data-testid=draft-item] .draft-title')].map(t => t.textContent)",
        vec![],
    )
    .await
}

async fn click_css(app: &App, css: &str) {
    let element = app
        .client
        .find(fantoccini::Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no element {css}: {e}"));
    element
        .click()
        .await
        .unwrap_or_else(|e| panic!("clicking {css}: {e}"));
}

#[tokio::test]
async fn many_drafts_new_open_filter_delete_undo_and_reopen() {
    let app = App::open().await;
    let first = "---\ntitle: First\n---\nOne.\n";
    let second = "---\ntitle: Second\n---\nTwo.\n";
    app.paste_over(first).await;
    wait_saved(&app).await;
    click_css(&app, "[data-testid=new-draft]").await;
    app.wait_until(
        "a new draft from the template",
        "return document.querySelector('[data-testid=editor]').value.startsWith('---\\nlayout: post')",
        vec![],
    )
    .await;
    app.paste_over(second).await;
    wait_saved(&app).await;
    assert_eq!(
        titles(&app).await,
        json!(["Second", "First"]),
        "newest first"
    );

    // Open the first draft from the list.
    click_css(&app, "[data-testid=draft-item]:nth-child(2) .draft-open").await;
    assert_eq!(app.editor_text().await, first);

    // Filter by title.
    let filter = app.wait_for_testid("draft-filter").await;
    filter.send_keys("sec").await.expect("typing a filter");
    app.wait_until(
        "the filter",
        "return document.querySelectorAll('[data-testid=draft-item]').length === 1",
        vec![],
    )
    .await;
    assert_eq!(titles(&app).await, json!(["Second"]));
    filter.clear().await.expect("clearing the filter");
    filter.send_keys(" ").await.expect("typing a blank filter");

    // Delete the second draft, then undo.
    app.wait_until(
        "both drafts listed",
        "return document.querySelectorAll('[data-testid=draft-item]').length === 2",
        vec![],
    )
    .await;
    let second_id = app
        .js(
            "return [...document.querySelectorAll('[data-testid=draft-item]')].find(li => li.textContent.includes('Second')).dataset.draftId",
            vec![],
        )
        .await;
    let second_id = second_id.as_str().unwrap_or_default().to_string();
    click_css(
        &app,
        &format!("[data-draft-id='{second_id}'] [data-testid=delete-draft]"),
    )
    .await;
    assert_eq!(titles(&app).await, json!(["First"]));
    let stored = app
        .js(
            "return localStorage.getItem('quire/v1/draft/' + arguments[0])",
            vec![json!(second_id)],
        )
        .await;
    assert_eq!(stored, json!(null), "the deleted draft left storage");
    click_css(&app, "[data-testid=undo]").await;
    app.wait_until(
        "the undo to bring it back",
        "return document.querySelectorAll('[data-testid=draft-item]').length === 2",
        vec![],
    )
    .await;

    // Open it again; its text is whole. Then reload: the last opened draft reopens.
    click_css(&app, &format!("[data-draft-id='{second_id}'] .draft-open")).await;
    assert_eq!(app.editor_text().await, second);
    app.client.refresh().await.expect("reload");
    app.wait_for_testid("editor").await;
    assert_eq!(app.editor_text().await, second);
    app.close().await;
}

#[tokio::test]
async fn blocked_storage_still_opens_edits_and_warns() {
    // Site data blocked: Chromium's localStorage throws on access.
    let app = App::open_with_prefs(json!({ "profile.default_content_setting_values.cookies": 2 })).await;
    let blocked = app
        .js("try { window.localStorage.length; return false; } catch (e) { return true; }", vec![])
        .await;
    assert_eq!(blocked, json!(true), "the test needs a browser whose storage throws");
    app.wait_until(
        "the warning that nothing is kept",
        "const n = document.querySelector('[data-testid=notice]');
         return !!n && n.textContent.includes('nothing will be kept') && n.textContent.includes('Download');",
        vec![],
    )
    .await;
    let text = "---\ntitle: Not kept\n---\nStill editable.\n";
    app.paste_over(text).await;
    assert_eq!(app.editor_text().await, text);
    app.wait_until(
        "the save status to say it is not saved",
        "return document.querySelector('[data-testid=save-status]').textContent.startsWith('Not saved')",
        vec![],
    )
    .await;
    app.wait_until(
        "the preview to follow",
        "return document.querySelector('[data-testid=preview]').textContent.includes('Still editable.')",
        vec![],
    )
    .await;
    app.close().await;
}
