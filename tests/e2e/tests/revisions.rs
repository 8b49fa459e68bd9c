//! Revisions and storage faults, in real headless Chromium with its real localStorage:
//! snapshots listed and restored (and the restore undone), a deleted draft brought back,
//! space freed from old revisions when the storage is full, and damaged, foreign and
//! future entries skipped without being touched.

use quire_e2e::{ctrl, downloaded_with, App, PREVIEW_JS};
use serde_json::json;

/// The revision list as shown: each item's text.
async fn revisions(app: &App) -> Vec<String> {
    let listed = app
        .js(
            "return [...document.querySelectorAll('[data-testid=revision-item]')].map(li => li.textContent)",
            vec![],
        )
        .await;
    serde_json::from_value(listed).unwrap_or_default()
}

async fn reload(app: &App) {
    app.client.refresh().await.expect("reload");
    app.wait_for_testid("editor").await;
}

/// The id of the open draft, from the stored index.
#[tokio::test]
async fn revisions_are_listed_and_restored_and_a_restore_can_be_undone() {
    let app = App::open().await;
    app.wait_saved().await;
    let first = "---\ntitle: Alpha\n---\nThe first version.\n";
    app.paste_over(first).await;
    app.wait_saved().await;
    // Opening the draft keeps a revision of it.
    reload(&app).await;
    app.wait_until(
        "a revision taken on opening",
        "return [...document.querySelectorAll('[data-testid=revision-item]')].some(li => li.textContent.includes('opened'))",
        vec![],
    )
    .await;
    app.wait_until(
        "the opened revision marked as the text now, its restore disabled",
        "const li = document.querySelector('[data-testid=revision-item]');
         return li.textContent.includes('the text now')
             && li.querySelector('[data-testid=revision-restore]').disabled;",
        vec![],
    )
    .await;
    let listed = revisions(&app).await;
    assert!(
        listed[0].contains("opened") && listed[0].contains("bytes"),
        "newest first, with time and size: {listed:?}"
    );
    let id = app.current_draft_id().await;
    let history = app
        .js(
            "return JSON.parse(localStorage.getItem('quire/v1/revs/' + arguments[0]))",
            vec![json!(id)],
        )
        .await;
    let newest = history["revisions"]
        .as_array()
        .and_then(|r| r.last())
        .cloned()
        .unwrap_or_default();
    assert_eq!(newest["bytes"], json!(first.len()));
    let stored = app
        .js(
            "return localStorage.getItem('quire/v1/rev/' + arguments[0] + '/' + arguments[1])",
            vec![json!(id), newest["n"].clone()],
        )
        .await;
    assert_eq!(stored, json!(first), "the revision's text is kept exactly");

    // Write on, then restore the opened revision in one step.
    let second = "---\ntitle: Alpha\n---\nThe second version, rewritten.\n";
    app.paste_over(second).await;
    app.wait_saved().await;
    app.click_css("[data-testid=revision-item]:first-child [data-testid=revision-restore]")
        .await;
    app.wait_for_editor_text(first).await;
    app.wait_saved().await;
    // The text it replaced is a revision too.
    let listed = revisions(&app).await;
    assert!(
        listed[0].contains("before restoring"),
        "the replaced text was kept: {listed:?}"
    );

    // Restoring is undoable like typing.
    app.keys_in_editor(&ctrl('z'), true).await;
    app.wait_for_editor_text(second).await;
    app.wait_saved().await;
    reload(&app).await;
    assert_eq!(app.editor_text().await, second);
    app.close().await;
}

#[tokio::test]
async fn a_deleted_draft_comes_back_from_its_revisions() {
    let app = App::open().await;
    app.wait_saved().await;
    let doomed = "---\ntitle: Doomed\n---\nDeleted, then wanted back.\n";
    app.paste_over(doomed).await;
    app.wait_saved().await;
    let id = app.current_draft_id().await;
    app.click("new-draft").await;
    app.wait_saved().await;
    app.click_css(&format!(
        "[data-draft-id='{id}'] [data-testid=delete-draft]"
    ))
    .await;
    app.wait_until(
        "the draft to leave the list and storage",
        "return !document.querySelector(`[data-testid=draft-item][data-draft-id='${arguments[0]}']`)
             && localStorage.getItem('quire/v1/draft/' + arguments[0]) === null",
        vec![json!(id)],
    )
    .await;
    // Long after the undo has gone (a reload drops it), the draft is listed as deleted.
    reload(&app).await;
    app.click_css(&format!(
        "[data-testid=deleted-draft][data-draft-id='{id}'] [data-testid=restore-deleted]"
    ))
    .await;
    app.wait_for_editor_text(doomed).await;
    app.wait_until(
        "the draft listed again and stored",
        "return !!document.querySelector(`[data-testid=draft-item][data-draft-id='${arguments[0]}']`)
             && localStorage.getItem('quire/v1/draft/' + arguments[0]) === arguments[1]
             && !document.querySelector('[data-testid=deleted-draft]')",
        vec![json!(id), json!(doomed)],
    )
    .await;

    // A deleted draft can also be forgotten for good: its revisions leave storage.
    app.click("delete-draft").await;
    reload(&app).await;
    app.wait_for_testid("forget-deleted").await;
    let forgotten = app
        .js(
            "return document.querySelector('[data-testid=deleted-draft]').dataset.draftId",
            vec![],
        )
        .await;
    app.click("forget-deleted").await;
    app.wait_until(
        "the deleted draft and every revision of it gone",
        "const id = arguments[0];
         return !document.querySelector('[data-testid=deleted-draft]')
             && !Object.keys(localStorage).some(k => k.includes(id));",
        vec![forgotten],
    )
    .await;
    app.close().await;
}

#[tokio::test]
async fn a_full_storage_offers_a_download_and_frees_space_from_revisions() {
    let (app, dir) = App::open_with_downloads("full").await;
    app.wait_saved().await;
    // A large draft, opened again so that a revision of it is kept beside it.
    let large = format!(
        "---\ntitle: Large\n---\n{}\n",
        "Every word of this must survive. ".repeat(12_000)
    );
    app.paste_over(&large).await;
    app.wait_saved().await;
    reload(&app).await;
    app.wait_until(
        "the revision of the large draft",
        "return [...document.querySelectorAll('[data-testid=revision-item]')].some(li => li.textContent.includes('opened'))",
        vec![],
    )
    .await;
    // Fill localStorage from the page until not one more character fits.
    assert!(app.fill_storage().await > 0, "the storage took no filler");
    let larger = format!("{large}{}\n", "And more words after it. ".repeat(4_000));
    app.paste_over(&larger).await;
    app.wait_until(
        "the full-storage notice with its actions",
        "const n = document.querySelector('[data-testid=notice]');
         return !!n && n.textContent.includes('NOT saved')
             && !!n.querySelector('[data-testid=notice-download]')
             && !!n.querySelector('[data-testid=free-space]');",
        vec![],
    )
    .await;
    assert_eq!(app.editor_text().await, larger, "nothing typed is lost");

    // The notice's download gives the unsaved text.
    app.click("notice-download").await;
    let file = downloaded_with(&dir, "md").await;
    let bytes = std::fs::read(&file).expect("reading the download");
    assert_eq!(
        bytes,
        larger.as_bytes(),
        "the downloaded text is the editor's"
    );

    // Freeing the revisions makes room: the save goes through, the notice says so.
    app.click("free-space").await;
    app.wait_saved().await;
    app.wait_until(
        "the revisions removed",
        "return document.querySelectorAll('[data-testid=revision-item]').length <= 1
             && document.querySelector('[data-testid=notice]').textContent.includes('Removed')",
        vec![],
    )
    .await;
    reload(&app).await;
    assert_eq!(app.editor_text().await, larger);
    app.close().await;
}

#[tokio::test]
async fn damaged_foreign_and_future_entries_are_skipped_and_left_untouched() {
    let app = App::open().await;
    app.wait_saved().await;
    let good = "---\ntitle: Good\n---\nStill here.\n";
    let planted = json!({
        "quire/v1/index": serde_json::to_string(&json!({
            "version": 1,
            "current": "good",
            "drafts": [
                {"id": "good", "title": "Good", "updated_ms": 2, "words": 2, "bytes": good.len()},
                {"id": 17, "title": null},
                {"id": "ghost", "title": "Ghost", "updated_ms": 1, "words": 0, "bytes": 0}
            ]
        })).unwrap_or_default(),
        "quire/v1/draft/good": good,
        "quire/v1/revs/good": "{not json",
        "quire/v1/revs/other": "{\"version\":9,\"whatever\":true}",
        "quire/v2/index": "{\"version\":2,\"drafts\":{}}",
        "another-app/settings": "\u{0}binary-ish\u{1}",
    });
    app.js(
        "localStorage.clear();
         for (const [k, v] of Object.entries(arguments[0])) localStorage.setItem(k, v);",
        vec![planted.clone()],
    )
    .await;
    reload(&app).await;
    assert_eq!(app.editor_text().await, good, "the good draft opens");
    let notice = app
        .js(
            "const n = document.querySelector('[data-testid=notice]'); return n ? n.textContent : ''",
            vec![],
        )
        .await;
    let notice = notice.as_str().unwrap_or_default();
    assert!(
        notice.contains("1 entry of the saved draft list could not be read")
            && notice.contains("revision history is damaged"),
        "the writer is told what was skipped: {notice}"
    );
    let listed = app
        .js(
            "return [...document.querySelectorAll('[data-testid=draft-item] .draft-title')].map(t => t.textContent)",
            vec![],
        )
        .await;
    assert_eq!(listed, json!(["Good", "Ghost"]));

    // A draft whose text is gone: a notice, no crash, nothing removed.
    app.click_css("[data-draft-id=ghost] .draft-open").await;
    app.wait_until(
        "the missing-text notice",
        "return document.querySelector('[data-testid=notice]').textContent.includes('missing from storage')",
        vec![],
    )
    .await;
    assert_eq!(app.editor_text().await, good, "the open draft stays");

    // Editing and saving rewrites the index, keeping the damaged entry as it was, and
    // leaves every entry Quire cannot read exactly as planted.
    let edited = format!("{good}More.\n");
    app.paste_over(&edited).await;
    app.wait_saved().await;
    let index = app
        .js(
            "return JSON.parse(localStorage.getItem('quire/v1/index')).drafts",
            vec![],
        )
        .await;
    assert!(
        index
            .as_array()
            .is_some_and(|d| d.iter().any(|e| *e == json!({"id": 17, "title": null}))),
        "the damaged entry is still stored: {index}"
    );
    for key in [
        "quire/v1/revs/good",
        "quire/v1/revs/other",
        "quire/v2/index",
        "another-app/settings",
    ] {
        let stored = app
            .js(
                "return localStorage.getItem(arguments[0])",
                vec![json!(key)],
            )
            .await;
        assert_eq!(stored, planted[key], "{key} untouched");
    }
    app.close().await;
}

#[tokio::test]
async fn blocked_storage_still_opens_edits_and_warns() {
    // Site data blocked in Chromium's settings: localStorage throws on every access.
    let app =
        App::open_with_prefs(json!({ "profile.default_content_setting_values.cookies": 2 })).await;
    let blocked = app
        .js(
            "try { window.localStorage.length; return false; } catch (e) { return e.name; }",
            vec![],
        )
        .await;
    assert_eq!(
        blocked,
        json!("SecurityError"),
        "the test needs a browser whose storage throws"
    );
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
        &format!("const a = {PREVIEW_JS}; return !!a && a.textContent.includes('Still editable.')"),
        vec![],
    )
    .await;
    app.close().await;
}
