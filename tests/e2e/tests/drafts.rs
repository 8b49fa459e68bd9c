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
