//! Downloading the post: the file Chromium really saves, its name and its bytes.

use std::path::PathBuf;

use fantoccini::Locator;
use quire_e2e::{download_dir, downloaded_with, seed_post, testid, App, PREVIEW_JS};
use serde_json::json;

/// Wait until one finished `.md` file is in `dir`.
async fn downloaded(dir: &PathBuf) -> PathBuf {
    downloaded_with(dir, "md").await
}

#[tokio::test]
async fn the_seed_post_downloads_byte_exact_under_its_jekyll_name() {
    let (app, dir) = App::open_with_downloads("seed").await;
    let seed = seed_post();
    app.paste_over(&seed).await;
    app.click("export-md").await;
    let file = downloaded(&dir).await;
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (date, slug) = name.split_at(11);
    assert!(
        date.len() == 11 && date.chars().filter(|c| *c == '-').count() == 3,
        "{name}"
    );
    assert_eq!(slug, "what-i-ve-been-reading-in-january.md");
    let bytes = std::fs::read(&file).unwrap_or_default();
    assert_eq!(
        bytes,
        seed.as_bytes(),
        "the downloaded bytes are the post's"
    );
    let _ = std::fs::remove_dir_all(&dir);
    app.close().await;
}

/// Wait until the first draft (the template) is saved and listed.
async fn wait_first_draft(app: &App) {
    app.wait_for_count("draft-item", 1).await;
}

async fn draft_count(app: &App) -> u64 {
    app.count("draft-item").await
}

async fn open_file(app: &App, path: &std::path::Path) {
    app.choose_file("import-file", path).await;
}

#[tokio::test]
async fn hugo_style_names_are_a_remembered_choice() {
    let (app, dir) = App::open_with_downloads("hugo").await;
    let seed = seed_post();
    app.paste_over(&seed).await;
    app.wait_saved().await;
    let style = app
        .client
        .find(Locator::Css(&testid("export-name-style")))
        .await
        .expect("the file-name choice");
    style
        .select_by_value("hugo")
        .await
        .expect("choosing Hugo/Zola names");
    // Remembered: after a reload the choice is still Hugo/Zola.
    app.client.refresh().await.expect("reload");
    app.wait_for_testid("editor").await;
    app.wait_until(
        "the remembered choice",
        "return document.querySelector('[data-testid=export-name-style]').value === 'hugo'",
        vec![],
    )
    .await;
    app.click("export-md").await;
    let file = downloaded(&dir).await;
    assert_eq!(
        file.file_name().map(|n| n.to_string_lossy().into_owned()),
        Some("what-i-ve-been-reading-in-january.md".to_string()),
        "a Hugo/Zola content name: the slug alone"
    );
    assert_eq!(std::fs::read(&file).unwrap_or_default(), seed.as_bytes());
    let _ = std::fs::remove_dir_all(&dir);
    app.close().await;
}

#[tokio::test]
async fn an_opened_file_becomes_a_new_draft_and_downloads_byte_exact() {
    let (app, dir) = App::open_with_downloads("import").await;
    wait_first_draft(&app).await;
    let template = app.editor_text().await;
    let seed_path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../fixtures/seed-post.md")
        .canonicalize()
        .expect("the seed post's path");
    let seed_bytes = std::fs::read(&seed_path).unwrap_or_default();
    open_file(&app, &seed_path).await;
    app.wait_for_editor_text(&seed_post()).await;
    app.wait_for_count("draft-item", 2).await;
    // The draft that was open is kept as it was.
    let kept = app
        .js(
            "const ids = [...document.querySelectorAll('[data-testid=draft-item]')].map(li => li.dataset.draftId);
             return ids.map(id => localStorage.getItem('quire/v1/draft/' + id));",
            vec![],
        )
        .await;
    assert!(
        kept.as_array()
            .is_some_and(|texts| texts.contains(&json!(template))),
        "{kept}"
    );

    app.click("export-md").await;
    let file = downloaded(&dir).await;
    assert_eq!(
        std::fs::read(&file).unwrap_or_default(),
        seed_bytes,
        "opened then downloaded: same bytes"
    );
    let _ = std::fs::remove_dir_all(&dir);
    app.close().await;
}

#[tokio::test]
async fn binary_and_non_utf8_files_are_refused_with_a_notice() {
    let dir = download_dir("bad-files");
    let binary = dir.join("picture.md");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").expect("writing a binary file");
    let latin1 = dir.join("latin1.md");
    std::fs::write(&latin1, b"---\ntitle: caf\xe9\n---\n").expect("writing a Latin-1 file");
    let app = App::open().await;
    wait_first_draft(&app).await;
    let before = app.editor_text().await;
    let drafts = draft_count(&app).await;
    for (file, why) in [(&binary, "not text"), (&latin1, "not UTF-8")] {
        open_file(&app, file).await;
        app.wait_until(
            "the refusal notice",
            "const n = document.querySelector('[data-testid=notice]');
             return !!n && n.textContent.includes(arguments[0]);",
            vec![json!(why)],
        )
        .await;
        assert_eq!(
            draft_count(&app).await,
            drafts,
            "no draft for {}",
            file.display()
        );
        assert_eq!(app.editor_text().await, before);
    }
    let _ = std::fs::remove_dir_all(&dir);
    app.close().await;
}

#[tokio::test]
async fn a_file_dropped_on_the_editor_opens_as_a_new_draft() {
    let app = App::open().await;
    wait_first_draft(&app).await;
    app.js(
        "const ed = document.querySelector('[data-testid=editor]');
         const data = new DataTransfer();
         data.items.add(new File([arguments[0]], 'dropped.md', { type: 'text/markdown' }));
         const over = new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data });
         ed.dispatchEvent(over);
         ed.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
         return over.defaultPrevented;",
        vec![json!("---\ntitle: Dropped\n---\nFrom a drop.\n")],
    )
    .await;
    app.wait_for_editor_text("---\ntitle: Dropped\n---\nFrom a drop.\n")
        .await;
    app.wait_for_count("draft-item", 2).await;
    app.close().await;
}

#[tokio::test]
async fn the_markdown_copies_and_the_rendered_post_downloads_as_html() {
    let (app, dir) = App::open_with_downloads("html").await;
    let post = "---\ntitle: Shared post\ndate: 2026-03-04\n---\n## A heading\n\n<script>window.bad = 1</script>\n\nText about {{ page.title }}.\n";
    app.paste_over(post).await;
    app.wait_until(
        "the page's title written in the preview",
        &format!(
            "return {PREVIEW_JS}?.querySelector('.liquid.resolved')?.textContent === 'Shared post'"
        ),
        vec![],
    )
    .await;
    app.cdp(
        "Browser.grantPermissions",
        json!({ "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"] }),
    )
    .await;
    app.click("copy-md").await;
    app.wait_until(
        "the button to say it copied",
        "return document.querySelector('[data-testid=copy-md]').textContent === 'Copied'",
        vec![],
    )
    .await;
    let copied = app
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             navigator.clipboard.readText().then(done, e => done('error: ' + e));",
            vec![],
        )
        .await
        .expect("reading the clipboard");
    assert_eq!(copied, json!(post));

    app.click("export-html").await;
    let file = downloaded_with(&dir, "html").await;
    assert_eq!(
        file.file_name().map(|n| n.to_string_lossy().into_owned()),
        Some("2026-03-04-shared-post.html".to_string())
    );
    let html = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(html.contains("<title>Shared post</title>"), "{html}");
    assert!(html.contains("<h1>Shared post</h1>"), "{html}");
    assert!(
        html.contains("<h2 id=\"a-heading\">A heading</h2>"),
        "{html}"
    );
    assert!(html.contains(".preview"), "the preview's styles: {html}");
    // Liquid as the preview writes it: the page's title.
    assert!(
        html.contains("Text about <span class=\"liquid resolved\" title=\"{{ page.title }}\">Shared post</span>."),
        "{html}"
    );
    assert!(
        !html.contains("title: Shared post"),
        "no front matter: {html}"
    );
    let _ = std::fs::remove_dir_all(&dir);
    app.close().await;
}

/// Every stored draft: id -> text.
async fn stored_drafts(app: &App) -> serde_json::Map<String, serde_json::Value> {
    let value = app
        .js(
            "const out = {};
             for (let i = 0; i < localStorage.length; i++) {
               const key = localStorage.key(i);
               if (key.startsWith('quire/v1/draft/')) out[key.slice(15)] = localStorage.getItem(key);
             }
             return out;",
            vec![],
        )
        .await;
    value.as_object().cloned().unwrap_or_default()
}

/// Each draft id's revision texts, sorted.
async fn stored_revisions(app: &App) -> serde_json::Value {
    app.js(
        "const out = {};
         for (let i = 0; i < localStorage.length; i++) {
           const key = localStorage.key(i);
           const m = key.match(/^quire\\/v1\\/rev\\/(.+)\\/\\d+$/);
           if (m) (out[m[1]] = out[m[1]] || []).push(localStorage.getItem(key));
         }
         for (const id in out) out[id].sort();
         return out;",
        vec![],
    )
    .await
}

#[tokio::test]
async fn export_all_then_restore_into_an_empty_browser_brings_every_draft_back() {
    let (app, dir) = App::open_with_downloads("backup").await;
    wait_first_draft(&app).await;
    let texts = [
        "---\ntitle: First\n---\nOne.\n",
        "---\ntitle: First\n---\nA different post with the same title.\n",
        "\u{feff}No front matter, trailing spaces  \n\nand no final newline",
    ];
    app.paste_over(texts[0]).await;
    for text in &texts[1..] {
        app.js(
            "document.querySelector('[data-testid=new-draft]').click()",
            vec![],
        )
        .await;
        app.paste_over(text).await;
    }
    app.wait_until(
        "three drafts saved",
        "return document.querySelector('[data-testid=save-status]').textContent === 'Saved'
           && document.querySelectorAll('[data-testid=draft-item]').length === 3",
        vec![],
    )
    .await;
    let before = stored_drafts(&app).await;
    assert_eq!(before.len(), 3, "{before:?}");
    // Opening the first draft again keeps a revision of it.
    let first_id = before
        .iter()
        .find(|(_, text)| text.as_str() == Some(texts[0]))
        .map(|(id, _)| id.clone())
        .unwrap_or_default();
    app.js(
        "document.querySelector(`[data-draft-id='${arguments[0]}'] .draft-open`).click()",
        vec![json!(first_id)],
    )
    .await;
    app.wait_for_editor_text(texts[0]).await;
    let revisions_before = stored_revisions(&app).await;
    assert!(
        revisions_before[&first_id]
            .as_array()
            .is_some_and(|r| r.contains(&json!(texts[0]))),
        "{revisions_before}"
    );

    app.js(
        "document.querySelector('[data-testid=export-all]').click()",
        vec![],
    )
    .await;
    let zip = downloaded_with(&dir, "zip").await;

    // An empty browser: storage cleared, page reloaded.
    app.js("localStorage.clear()", vec![]).await;
    app.client.refresh().await.expect("reload");
    wait_first_draft(&app).await;
    let zip = zip.canonicalize().expect("the backup's path");
    let input = app
        .client
        .find(Locator::Css(&testid("import-backup")))
        .await
        .expect("the restore input");
    input
        .send_keys(&zip.to_string_lossy())
        .await
        .expect("choosing the backup");
    app.wait_until(
        "the restore notice",
        "const n = document.querySelector('[data-testid=notice]');
         return !!n && n.textContent.includes('3 drafts added, 0 kept as copies')",
        vec![],
    )
    .await;
    let after = stored_drafts(&app).await;
    for (id, text) in &before {
        assert_eq!(
            after.get(id),
            Some(text),
            "draft {id} is back, byte for byte"
        );
    }
    let revisions_after = stored_revisions(&app).await;
    for id in before.keys() {
        assert_eq!(
            revisions_after[id], revisions_before[id],
            "draft {id}'s revisions are back"
        );
    }
    app.wait_for_count("draft-item", 4).await;

    // Restoring again adds nothing and overwrites nothing.
    input
        .send_keys(&zip.to_string_lossy())
        .await
        .expect("choosing the backup again");
    app.wait_until(
        "the second restore notice",
        "const n = document.querySelector('[data-testid=notice]');
         return !!n && n.textContent.includes('already here')",
        vec![],
    )
    .await;
    let notice = app.text_of("notice").await;
    assert!(
        notice.contains("0 drafts added, 0 kept as copies") && notice.contains("3 already here"),
        "{notice}"
    );
    let _ = std::fs::remove_dir_all(&dir);
    app.close().await;
}
