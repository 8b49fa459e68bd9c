//! `cargo xtask capture-storage NAME`: what this release of Quire writes to localStorage,
//! kept as a fixture that every later release must read.
//!
//! It drives the release build in headless Chromium as a writer would: the seed post, a
//! second draft, a CRLF file with a BOM opened from disk, a file with mixed line endings,
//! revisions (a draft reopened and edited), a deleted draft, and preferences changed. Then
//! it writes every `quire/` key of the origin's localStorage to
//! `tests/fixtures/storage/NAME/local-storage.json`, and what the writer should find
//! again to `expected.json` (the end-to-end test `storage_fixtures` checks both).

use std::path::PathBuf;

use quire_e2e::{seed_post, App};
use serde_json::{json, Value};

const SECOND: &str = "---\ntitle: \"Second: with a colon\"\ntags: [a, b]\n---\n\nÜnïcödé body, emoji 🎉, a tab\there.\n\n- item\n- [link](https://example.com)";
const CRLF_FILE: &str = "\u{feff}---\r\ntitle: From Windows\r\ndate: 2026-01-02 10:00:00 +0100\r\n---\r\n\r\nLine one.  \r\nLine two.\r\n";
const MIXED_FILE: &str =
    "---\r\ntitle: Two systems\r\n---\nEdited on Linux.\nAnd on Windows.\r\nNo final break";
const DOOMED: &str = "---\ntitle: Doomed\n---\nThis draft is deleted.\n";

/// Open a file from disk through the import input, and wait until it is saved.
async fn open_file(app: &App, name: &str, bytes: &str) -> String {
    let dir = quire_e2e::download_dir(&format!("capture-{name}"));
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
    let before = app.current_draft_id().await;
    app.choose_file("import-file", &path).await;
    app.wait_until(
        "the file to open as a new draft",
        "return JSON.parse(localStorage.getItem('quire/v1/index')).current !== arguments[0]",
        vec![json!(before)],
    )
    .await;
    app.wait_saved().await;
    app.current_draft_id().await
}

async fn new_draft_with(app: &App, text: &str) -> String {
    let before = app.current_draft_id().await;
    app.click("new-draft").await;
    app.wait_until(
        "a new draft",
        "return JSON.parse(localStorage.getItem('quire/v1/index')).current !== arguments[0]",
        vec![json!(before)],
    )
    .await;
    app.paste_over(text).await;
    app.wait_saved().await;
    app.current_draft_id().await
}

async fn open_draft(app: &App, id: &str, text: &str) {
    app.click_css(&format!("[data-draft-id='{id}'] .draft-open"))
        .await;
    app.wait_for_editor_text(text).await;
    app.wait_saved().await;
}

#[tokio::main]
async fn main() {
    let name = std::env::args()
        .nth(1)
        .expect("usage: quire-capture-storage NAME");
    let out = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../fixtures/storage")
        .join(&name);
    let app = App::open().await;
    app.wait_saved().await;

    let seed = seed_post();
    app.paste_over(&seed).await;
    app.wait_saved().await;
    let seed_id = app.current_draft_id().await;
    let second_id = new_draft_with(&app, SECOND).await;
    let crlf_id = open_file(&app, "from-windows.md", CRLF_FILE).await;
    let mixed_id = open_file(&app, "two-systems.md", MIXED_FILE).await;

    // Reopening takes a revision; an edit after it makes the revision differ.
    open_draft(&app, &seed_id, &seed).await;
    let edited = format!("{seed}\nA line added after reopening.\n");
    app.paste_over(&edited).await;
    app.wait_saved().await;

    let doomed_id = new_draft_with(&app, DOOMED).await;
    app.click_css(&format!(
        "[data-draft-id='{doomed_id}'] [data-testid=delete-draft]"
    ))
    .await;
    app.wait_until(
        "the doomed draft to leave storage",
        "return localStorage.getItem('quire/v1/draft/' + arguments[0]) === null",
        vec![json!(doomed_id)],
    )
    .await;
    open_draft(&app, &second_id, SECOND).await;

    // Preferences: a dark theme, CommonMark, a site URL, Hugo names, source only.
    app.click("theme-toggle").await;
    app.js(
        "const set = (id, v) => { const e = document.querySelector(`[data-testid=${id}]`);
             e.value = v; e.dispatchEvent(new Event('input', { bubbles: true }));
             e.dispatchEvent(new Event('change', { bubbles: true })); };
         set('preview-flavour', 'commonmark');
         set('site-url', 'https://example.org/blog/');
         set('export-name-style', 'hugo');",
        vec![],
    )
    .await;
    app.click("layout-editor").await;
    app.wait_until(
        "the preferences to be stored",
        "const p = JSON.parse(localStorage.getItem('quire/v1/prefs') || '{}');
         return p.theme === 'dark' && p.preview_flavour === 'commonmark'
             && p.site_url === 'https://example.org/blog/' && p.file_names === 'hugo'
             && p.layout === 'editor';",
        vec![],
    )
    .await;
    app.wait_saved().await;

    let storage = app
        .js(
            "const out = {};
             for (const k of Object.keys(localStorage).sort())
               if (k.startsWith('quire/')) out[k] = localStorage.getItem(k);
             return out;",
            vec![],
        )
        .await;
    let expected = json!({
        "current": second_id,
        "drafts": [
            { "id": seed_id, "title": "What I've been reading in January", "file": edited },
            { "id": second_id, "title": "Second: with a colon", "file": SECOND },
            { "id": crlf_id, "title": "From Windows", "file": CRLF_FILE },
            { "id": mixed_id, "title": "Two systems", "file": MIXED_FILE.replace("\r\n", "\n") },
        ],
        "revision_of": { "id": seed_id, "text": seed },
        "deleted": { "id": doomed_id, "title": "Doomed", "file": DOOMED },
        "prefs": {
            "theme": "dark",
            "preview-flavour": "commonmark",
            "site-url": "https://example.org/blog/",
            "export-name-style": "hugo",
            "layout": "editor"
        }
    });
    std::fs::create_dir_all(&out).unwrap_or_else(|e| panic!("creating {}: {e}", out.display()));
    for (file, value) in [
        ("local-storage.json", &storage),
        ("expected.json", &expected),
    ] {
        let path = out.join(file);
        let text = serde_json::to_string_pretty::<Value>(value).unwrap_or_default() + "\n";
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
        println!("wrote {}", path.display());
    }
    app.close().await;
}
