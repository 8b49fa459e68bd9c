//! Offline: after one visit the app loads, edits, saves and downloads with its origin off
//! the network; a new deploy is offered as an update that keeps the text.

use std::path::{Path, PathBuf};

use quire_e2e::{downloaded_with, setting, App};
use serde_json::json;

/// A fresh, empty folder for this test.
fn fresh_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("quire-e2e-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("creating {}: {e}", dir.display()));
    dir
}

/// Copy the release build into `to`.
fn copy_build(to: &Path) {
    let from = setting("QUIRE_DIST");
    for entry in std::fs::read_dir(&from)
        .expect("the build")
        .filter_map(Result::ok)
    {
        if entry.path().is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).expect("copying the build");
        }
    }
}

#[tokio::test]
async fn after_one_visit_it_opens_edits_saves_and_downloads_offline() {
    let downloads = fresh_dir("offline-downloads");
    let mut app = App::open_with_prefs(json!({
        "download.default_directory": downloads.to_string_lossy(),
        "download.prompt_for_download": false,
    }))
    .await;
    app.wait_for_offline_ready().await;
    // Installable: Chromium finds nothing missing (manifest, icons, service worker).
    let installable = app.cdp("Page.getInstallabilityErrors", json!({})).await;
    assert_eq!(
        installable["installabilityErrors"],
        json!([]),
        "installability: {installable}"
    );
    let first = "---\ntitle: Written on a train\ndate: 2026-11-27\n---\n# No network here\n";
    app.paste_over(first).await;
    app.wait_saved().await;

    app.go_offline();
    app.client
        .refresh()
        .await
        .expect("reload with the network off");
    app.wait_for_testid("editor").await;
    app.wait_for_editor_text(first).await;
    app.wait_until(
        "the preview, offline",
        &format!(
            "const p = {}; return !!p && !!p.querySelector('h1') && p.querySelector('h1').textContent === 'No network here'",
            quire_e2e::PREVIEW_JS
        ),
        vec![],
    )
    .await;

    // Edit, save, reload: still there.
    let second = format!("{first}\nA second paragraph, typed offline.\n");
    app.paste_over(&second).await;
    app.wait_saved().await;
    app.client.refresh().await.expect("reload again, offline");
    app.wait_for_testid("editor").await;
    app.wait_for_editor_text(&second).await;

    // Download works offline.
    app.click("export-md").await;
    let file = downloaded_with(&downloads, "md").await;
    assert_eq!(
        file.file_name().map(|n| n.to_string_lossy().into_owned()),
        Some("2026-11-27-written-on-a-train.md".to_string())
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap_or_default(), second);
    let _ = std::fs::remove_dir_all(&downloads);
    // Offline, the page logs the failed update check of the worker; nothing else.
    let errors = app.console_errors().await;
    let unexpected: Vec<&String> = errors
        .iter()
        .filter(|e| {
            !e.contains("sw.js")
                && !e.contains("ERR_CONNECTION_REFUSED")
                && !e.contains("Failed to fetch")
        })
        .collect();
    assert!(unexpected.is_empty(), "console errors: {unexpected:#?}");
    let _ = app.client.close().await;
}

#[tokio::test]
async fn a_new_deploy_is_offered_and_applied_keeping_the_text() {
    let site = fresh_dir("update-site");
    copy_build(&site);
    let app = App::open_serving(site.clone(), json!({})).await;
    app.wait_for_offline_ready().await;
    let text = "---\ntitle: Before the update\n---\nKeep me.\n";
    app.paste_over(text).await;

    // A new deploy: the worker script changes (as a new build's hashed names change it).
    let sw = site.join("sw.js");
    let mut worker = std::fs::read_to_string(&sw).expect("sw.js in the build");
    worker.push_str("\n// deploy 2\n");
    std::fs::write(&sw, worker).expect("deploying");

    app.client.refresh().await.expect("visiting again");
    app.wait_for_testid("editor").await;
    app.wait_for_editor_text(text).await;
    let reload = app.wait_for_testid("update-reload").await;
    app.js("window.__beforeUpdate = true;", vec![]).await;
    reload.click().await.expect("accepting the update");
    app.wait_until(
        "the page to reload under the new worker",
        "return window.__beforeUpdate !== true && !!document.querySelector('[data-testid=editor]')",
        vec![],
    )
    .await;
    app.wait_for_editor_text(text).await;
    let offered = app
        .js(
            "return !!document.querySelector('[data-testid=update-ready]')",
            vec![],
        )
        .await;
    assert_eq!(
        offered,
        json!(false),
        "the update is still offered after applying it"
    );
    let _ = std::fs::remove_dir_all(&site);
    app.close().await;
}
