//! Line endings in the built app: a CRLF file with a BOM, and a file that mixes CRLF, LF
//! and CR, come back byte for byte after typing, reloading and bringing a deleted draft
//! back.

use quire_e2e::{downloaded_with, App};
use serde_json::json;

#[tokio::test]
async fn a_crlf_file_with_a_bom_round_trips_byte_exact_even_after_a_reload() {
    let (app, dir) = App::open_with_downloads("crlf").await;
    app.wait_for_count("draft-item", 1).await;
    let bytes = "\u{feff}---\r\ntitle: Written on Windows\r\ndate: 2026-02-03\r\n---\r\nTrailing spaces  \r\n\r\nNo final newline"
        .as_bytes()
        .to_vec();
    let source = dir.join("windows-post.md");
    std::fs::write(&source, &bytes).expect("writing the CRLF file");
    let source = source.canonicalize().expect("its path");
    app.choose_file("import-file", &source).await;
    app.wait_for_editor_text(
        "\u{feff}---\ntitle: Written on Windows\ndate: 2026-02-03\n---\nTrailing spaces  \n\nNo final newline",
    )
    .await;
    std::fs::remove_file(&source).expect("removing the source copy");
    // Saved, reloaded: the draft still knows its line breaks.
    app.wait_saved().await;
    app.client.refresh().await.expect("reload");
    app.wait_for_testid("export-md").await;
    app.wait_until(
        "the reopened draft",
        "return document.querySelector('[data-testid=editor]').value.includes('Written on Windows')",
        vec![],
    )
    .await;
    app.click("export-md").await;
    let file = downloaded_with(&dir, "md").await;
    assert_eq!(
        file.file_name().map(|n| n.to_string_lossy().into_owned()),
        Some("2026-02-03-written-on-windows.md".to_string())
    );
    assert_eq!(
        std::fs::read(&file).unwrap_or_default(),
        bytes,
        "BOM, CRLF, trailing spaces and no final newline, byte for byte"
    );
    std::fs::remove_file(&file).expect("clearing the downloads");

    // Deleted, then brought back from its revisions after the undo has gone (a reload):
    // it still knows its line breaks.
    let id = app.current_draft_id().await;
    app.click_css(&format!(
        "[data-draft-id='{id}'] [data-testid=delete-draft]"
    ))
    .await;
    app.wait_saved().await;
    app.client.refresh().await.expect("reload");
    app.wait_for_testid("editor").await;
    app.click_css(&format!(
        "[data-testid=deleted-draft][data-draft-id='{id}'] [data-testid=restore-deleted]"
    ))
    .await;
    app.wait_until(
        "the draft back",
        "return document.querySelector('[data-testid=editor]').value.includes('Written on Windows')",
        vec![],
    )
    .await;
    app.click("export-md").await;
    let file = downloaded_with(&dir, "md").await;
    assert_eq!(
        std::fs::read(&file).unwrap_or_default(),
        bytes,
        "brought back, still byte for byte"
    );
    let _ = std::fs::remove_dir_all(&dir);
    app.close().await;
}

/// Put the editor's caret just after `needle` (focused, so typed keys go there).
async fn caret_after(app: &App, needle: &str) {
    let found = app
        .js(
            "const ed = document.querySelector('[data-testid=editor]');
             const at = ed.value.indexOf(arguments[0]);
             if (at < 0) return false;
             ed.focus();
             ed.setSelectionRange(at + arguments[0].length, at + arguments[0].length);
             return true;",
            vec![json!(needle)],
        )
        .await;
    assert_eq!(found, json!(true), "{needle:?} is not in the editor");
}

#[tokio::test]
async fn mixed_line_endings_are_kept_line_by_line_through_typing_and_a_reload() {
    let (app, dir) = App::open_with_downloads("mixed").await;
    app.wait_for_count("draft-item", 1).await;
    // Six CRLF line breaks, three LF, one bare CR: edited on two systems.
    let file = "---\r\ntitle: Two systems\n---\r\n\r\nFirst para\nsecond line\r\n\r\n- a\n- b\r\nold mac\rNo final";
    let source = dir.join("two-systems.md");
    std::fs::write(&source, file).expect("writing the file");
    let source = source.canonicalize().expect("its path");
    app.choose_file("import-file", &source).await;
    app.wait_for_editor_text(&file.replace("\r\n", "\n").replace('\r', "\n"))
        .await;
    std::fs::remove_file(&source).expect("removing the source copy");
    app.wait_saved().await;

    // Opened and downloaded at once: the same bytes.
    app.click("export-md").await;
    let first = downloaded_with(&dir, "md").await;
    assert_eq!(std::fs::read(&first).unwrap_or_default(), file.as_bytes());
    std::fs::remove_file(&first).expect("clearing the downloads");

    // Typed with the keyboard: a word at the end of an LF line, a new line after it
    // (Enter), a line joined by Backspace at the start of "- b", and a new last line.
    caret_after(&app, "First para").await;
    app.keys_in_editor(" (edited)\nA new line", false).await;
    caret_after(&app, "- a\n").await;
    app.keys_in_editor(
        &char::from(fantoccini::key::Key::Backspace).to_string(),
        false,
    )
    .await;
    caret_after(&app, "No final").await;
    app.keys_in_editor("\nLast", false).await;
    let typed = "---\ntitle: Two systems\n---\n\nFirst para (edited)\nA new line\nsecond line\n\n- a- b\nold mac\nNo final\nLast";
    app.wait_for_editor_text(typed).await;
    app.wait_saved().await;

    // Reloaded and downloaded: untouched lines keep their own endings; the two new line
    // breaks get the file's most common one (CRLF); the one joined away is gone.
    app.client.refresh().await.expect("reload");
    app.wait_for_editor_text(typed).await;
    app.click("export-md").await;
    let second = downloaded_with(&dir, "md").await;
    assert_eq!(
        String::from_utf8(std::fs::read(&second).unwrap_or_default()).unwrap_or_default(),
        "---\r\ntitle: Two systems\n---\r\n\r\nFirst para (edited)\r\nA new line\nsecond line\r\n\r\n- a- b\r\nold mac\rNo final\r\nLast"
    );
    let _ = std::fs::remove_dir_all(&dir);
    app.close().await;
}
