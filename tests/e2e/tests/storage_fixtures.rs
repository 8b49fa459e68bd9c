//! What earlier releases stored opens in this one: each folder of
//! `tests/fixtures/storage/` holds a localStorage captured from a release's build (by
//! `cargo xtask capture-storage NAME`) and what the writer should find again. The fixture
//! is planted in a fresh Chromium profile, the built app opened on it, and every draft,
//! revision, deleted draft and preference checked byte for byte through the app itself.

use std::path::PathBuf;

use quire_e2e::{downloaded_with, App};
use serde_json::{json, Value};

fn fixtures() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fixtures/storage");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    dirs.retain(|d| d.join("local-storage.json").is_file());
    dirs.sort();
    dirs
}

fn read_json(path: PathBuf) -> Value {
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn text(value: &Value) -> String {
    value.as_str().unwrap_or_default().to_string()
}

/// The editor's form of a file's text (the browser's text field holds `\n` only).
fn editor_form(file: &str) -> String {
    file.replace("\r\n", "\n").replace('\r', "\n")
}

/// Download the open draft and return the file's bytes (the folder is emptied after).
async fn download(app: &App, dir: &PathBuf) -> (String, Vec<u8>) {
    app.click("export-md").await;
    let file = downloaded_with(dir, "md").await;
    let bytes = std::fs::read(&file).unwrap_or_default();
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    std::fs::remove_file(&file).expect("clearing the downloads");
    (name, bytes)
}

async fn open_draft(app: &App, id: &str, expected_text: &str) {
    let open = app
        .js(
            "return JSON.parse(localStorage.getItem('quire/v1/index')).current === arguments[0]",
            vec![json!(id)],
        )
        .await;
    if open != json!(true) {
        app.click_css(&format!("[data-draft-id='{id}'] .draft-open"))
            .await;
    }
    app.wait_for_editor_text(expected_text).await;
}

async fn check_fixture(dir: &std::path::Path) {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let storage = read_json(dir.join("local-storage.json"));
    let expected = read_json(dir.join("expected.json"));
    let (app, downloads) = App::open_with_downloads(&format!("storage-{name}")).await;
    app.wait_saved().await;
    app.js(
        "localStorage.clear();
         for (const [k, v] of Object.entries(arguments[0])) localStorage.setItem(k, v);",
        vec![storage.clone()],
    )
    .await;
    app.client.refresh().await.expect("reload");
    app.wait_for_testid("editor").await;

    // The preferences, as the app shows and uses them.
    let prefs = &expected["prefs"];
    app.wait_until(
        "the stored preferences in effect",
        "const p = arguments[0];
         const value = id => document.querySelector(`[data-testid=${id}]`).value;
         return document.documentElement.dataset.theme === p.theme
           && value('preview-flavour') === p['preview-flavour']
           && value('site-url') === p['site-url']
           && value('export-name-style') === p['export-name-style']
           && document.querySelector(`[data-testid=layout-${p.layout}]`).getAttribute('aria-pressed') === 'true';",
        vec![prefs.clone()],
    )
    .await;

    // The draft open last opens first; every draft is listed with its title, opens with
    // its text and downloads with its bytes (line endings and BOM included).
    let drafts = expected["drafts"].as_array().cloned().unwrap_or_default();
    let current = drafts
        .iter()
        .find(|d| d["id"] == expected["current"])
        .expect("the current draft is among the expected ones");
    app.wait_for_editor_text(&editor_form(&text(&current["file"])))
        .await;
    let listed = app
        .js(
            "return [...document.querySelectorAll('[data-testid=draft-item]')]
                .map(d => [d.dataset.draftId, d.querySelector('.draft-title').textContent])",
            vec![],
        )
        .await;
    for draft in &drafts {
        assert!(
            listed
                .as_array()
                .is_some_and(|l| l.contains(&json!([draft["id"], draft["title"]]))),
            "{name}: {} listed as {}: {listed}",
            draft["id"],
            draft["title"]
        );
        let file = text(&draft["file"]);
        open_draft(&app, &text(&draft["id"]), &editor_form(&file)).await;
        let (file_name, bytes) = download(&app, &downloads).await;
        assert_eq!(
            String::from_utf8_lossy(&bytes),
            file,
            "{name}: the download of {file_name}"
        );
        assert_eq!(bytes, file.as_bytes(), "{name}: {file_name} byte for byte");
        if prefs["export-name-style"] == "hugo" {
            assert!(
                !file_name.starts_with("20"),
                "{name}: named as chosen: {file_name}"
            );
        }
    }

    // A revision comes back byte for byte.
    let revision = &expected["revision_of"];
    let id = text(&revision["id"]);
    let wanted = text(&revision["text"]);
    let prefix = format!("quire/v1/rev/{id}/");
    let n = storage
        .as_object()
        .and_then(|o| {
            o.iter()
                .find(|(k, v)| k.starts_with(&prefix) && v.as_str() == Some(&wanted))
        })
        .map(|(k, _)| k[prefix.len()..].to_string())
        .unwrap_or_else(|| panic!("{name}: the fixture has no revision of {id} with its text"));
    let draft = drafts
        .iter()
        .find(|d| d["id"] == revision["id"])
        .expect("the revised draft is expected");
    open_draft(&app, &id, &editor_form(&text(&draft["file"]))).await;
    app.click_css(&format!(
        "[data-testid=revision-item][data-revision='{n}'] [data-testid=revision-restore]"
    ))
    .await;
    app.wait_for_editor_text(&wanted).await;

    // The deleted draft is offered, and comes back with its text.
    let deleted = &expected["deleted"];
    let deleted_id = text(&deleted["id"]);
    let offered = format!("[data-testid=deleted-draft][data-draft-id='{deleted_id}']");
    app.wait_until(
        "the deleted draft offered with its title",
        "const d = document.querySelector(arguments[0]);
         return !!d && d.textContent.includes(arguments[1]);",
        vec![json!(offered), deleted["title"].clone()],
    )
    .await;
    app.click_css(&format!("{offered} [data-testid=restore-deleted]"))
        .await;
    app.wait_until(
        "the deleted draft back in the list and in storage",
        "return localStorage.getItem('quire/v1/draft/' + arguments[0]) === arguments[1]",
        vec![json!(deleted_id), deleted["file"].clone()],
    )
    .await;
    let _ = std::fs::remove_dir_all(&downloads);
    app.close().await;
}

#[tokio::test]
async fn every_stored_release_opens_byte_for_byte() {
    let dirs = fixtures();
    assert!(!dirs.is_empty(), "no storage fixtures");
    for dir in dirs {
        check_fixture(&dir).await;
    }
}
