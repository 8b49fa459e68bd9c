//! Drafts kept in the real localStorage of headless Chromium: reload, leaving the page,
//! and a storage really filled to the brim.

use fantoccini::wd::WindowHandle;
use quire_e2e::App;
use serde_json::json;

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
    app.wait_saved().await;
    app.client.refresh().await.expect("reload");
    app.wait_for_testid("editor").await;
    assert_eq!(app.editor_text().await, text);
    assert_eq!(app.text_of("save-status").await, "Saved");
    app.close().await;
}

#[tokio::test]
async fn leaving_right_after_typing_keeps_the_text() {
    let app = App::open().await;
    app.wait_saved().await;
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
    app.wait_saved().await;
    // Fill localStorage from the page until not one more character fits.
    assert!(app.fill_storage().await > 0, "the storage took no filler");

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
    app.wait_saved().await;
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

#[tokio::test]
async fn many_drafts_new_open_filter_delete_undo_and_reopen() {
    let app = App::open().await;
    let first = "---\ntitle: First\n---\nOne.\n";
    let second = "---\ntitle: Second\n---\nTwo.\n";
    app.paste_over(first).await;
    app.wait_saved().await;
    app.click_css("[data-testid=new-draft]").await;
    app.wait_until(
        "a new draft from the template",
        "return document.querySelector('[data-testid=editor]').value.startsWith('---\\nlayout: post')",
        vec![],
    )
    .await;
    app.paste_over(second).await;
    app.wait_saved().await;
    assert_eq!(
        titles(&app).await,
        json!(["Second", "First"]),
        "newest first"
    );

    // Open the first draft from the list.
    app.click_css("[data-testid=draft-item]:nth-child(2) .draft-open")
        .await;
    assert_eq!(app.editor_text().await, first);

    // Filter by title.
    let filter = app.wait_for_testid("draft-filter").await;
    filter.send_keys("sec").await.expect("typing a filter");
    app.wait_for_count("draft-item", 1).await;
    assert_eq!(titles(&app).await, json!(["Second"]));
    filter.clear().await.expect("clearing the filter");
    filter.send_keys(" ").await.expect("typing a blank filter");

    // Delete the second draft, then undo.
    app.wait_for_count("draft-item", 2).await;
    let second_id = app
        .js(
            "return [...document.querySelectorAll('[data-testid=draft-item]')].find(li => li.textContent.includes('Second')).dataset.draftId",
            vec![],
        )
        .await;
    let second_id = second_id.as_str().unwrap_or_default().to_string();
    app.click_css(&format!(
        "[data-draft-id='{second_id}'] [data-testid=delete-draft]"
    ))
    .await;
    assert_eq!(titles(&app).await, json!(["First"]));
    let stored = app.stored_draft(&second_id).await;
    assert_eq!(stored, None, "the deleted draft left storage");
    app.click_css("[data-testid=undo]").await;
    app.wait_for_count("draft-item", 2).await;

    // Open it again; its text is whole. Then reload: the last opened draft reopens.
    app.click_css(&format!("[data-draft-id='{second_id}'] .draft-open"))
        .await;
    assert_eq!(app.editor_text().await, second);
    app.client.refresh().await.expect("reload");
    app.wait_for_testid("editor").await;
    assert_eq!(app.editor_text().await, second);
    app.close().await;
}

/// The app in two tabs of one browser, both on the same draft; tab B is active.
async fn two_tabs_on_one_draft() -> (App, WindowHandle, WindowHandle) {
    let app = App::open().await;
    app.wait_saved().await;
    let tab_a = app.client.window().await.expect("the first tab");
    let tab_b = app
        .client
        .new_window(true)
        .await
        .expect("a second tab")
        .handle;
    app.client
        .switch_to_window(tab_b.clone())
        .await
        .expect("to tab B");
    reopen(&app).await;
    (app, tab_a, tab_b)
}

#[tokio::test]
async fn two_tabs_never_overwrite_each_other_silently() {
    let (app, tab_a, tab_b) = two_tabs_on_one_draft().await;
    let original = app.editor_text().await;
    let draft_key = format!("quire/v1/draft/{}", app.current_draft_id().await);

    // Tab A changes the draft and saves it.
    app.client
        .switch_to_window(tab_a.clone())
        .await
        .expect("to tab A");
    let text_a = "---\ntitle: From tab A\n---\nA's words.\n";
    app.paste_over(text_a).await;
    app.wait_saved().await;

    // Tab B learns of it, keeps its own text, and holds its saves.
    app.client
        .switch_to_window(tab_b.clone())
        .await
        .expect("to tab B");
    app.wait_for_testid("conflict").await;
    assert_eq!(
        app.editor_text().await,
        original,
        "tab B's text was not replaced silently"
    );
    let text_b = "---\ntitle: From tab B\n---\nB's words.\n";
    app.paste_over(text_b).await;
    app.wait_until(
        "tab B to hold its save",
        "return document.querySelector('[data-testid=save-status]').textContent.includes('another tab')",
        vec![],
    )
    .await;
    let stored = app
        .js(
            "return localStorage.getItem(arguments[0])",
            vec![json!(draft_key)],
        )
        .await;
    assert_eq!(stored, json!(text_a), "tab A's save is intact");

    // Keep B's text as a copy: both texts are kept, as two drafts.
    let keep = app.wait_for_testid("keep-copy").await;
    keep.click().await.expect("keep mine as a copy");
    app.wait_saved().await;
    assert_eq!(app.editor_text().await, text_b);
    let stored = app
        .js(
            "return localStorage.getItem(arguments[0])",
            vec![json!(draft_key)],
        )
        .await;
    assert_eq!(
        stored,
        json!(text_a),
        "the original draft keeps tab A's text"
    );
    app.wait_until(
        "both drafts listed in tab B",
        "const t = [...document.querySelectorAll('[data-testid=draft-item] .draft-title')].map(t => t.textContent);
         return t.includes('From tab A') && t.includes('From tab B');",
        vec![],
    )
    .await;
    app.close().await;
}

#[tokio::test]
async fn the_other_tab_can_take_the_newer_text() {
    let (app, tab_a, tab_b) = two_tabs_on_one_draft().await;
    app.client.switch_to_window(tab_a).await.expect("to tab A");
    let text_a = "---\ntitle: Newer\n---\nNewer words.\n";
    app.paste_over(text_a).await;
    app.wait_saved().await;
    app.client.switch_to_window(tab_b).await.expect("to tab B");
    let take = app.wait_for_testid("take-newer").await;
    take.click().await.expect("take the newer text");
    app.wait_until(
        "tab B to show the newer text",
        "return document.querySelector('[data-testid=editor]').value === arguments[0]
             && document.querySelector('[data-testid=conflict]') === null",
        vec![json!(text_a)],
    )
    .await;
    app.close().await;
}

#[tokio::test]
async fn a_killed_page_loses_nothing_before_its_last_save() {
    let app = App::open().await;
    let first = app.client.window().await.expect("the app's tab");
    // A second tab, blank for now, to come back in after the first one dies.
    let spare = app
        .client
        .new_window(true)
        .await
        .expect("a spare tab")
        .handle;
    app.client
        .switch_to_window(first)
        .await
        .expect("back to the app");
    let saved = "---\ntitle: Saved before the crash\n---\nEvery word up to the save.\n";
    app.paste_over(saved).await;
    app.wait_saved().await;
    // Typing goes on, then the tab's renderer dies at once: no pagehide, no last save.
    app.paste_over(&format!("{saved}And a few words after it.\n"))
        .await;
    app.crash_tab().await;
    app.client
        .switch_to_window(spare)
        .await
        .expect("to the spare tab");
    reopen(&app).await;
    let text = app.editor_text().await;
    assert!(
        text.starts_with(saved),
        "everything up to the last save is back: {text:?}"
    );
    app.close().await;
}
