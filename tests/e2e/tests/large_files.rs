//! A post file larger than the browser's storage: read with visible progress, opened as a
//! new draft with a warning that it cannot be autosaved, the other drafts untouched, and
//! downloadable byte for byte. Real files, real Chromium, real localStorage.

use quire_e2e::{downloaded_with, App};

#[tokio::test]
async fn a_file_too_large_for_storage_opens_with_progress_and_a_warning() {
    let (app, dir) = App::open_with_downloads("too-large").await;
    app.wait_saved().await;
    let kept = app.editor_text().await;
    let kept_id = app.current_draft_id().await;

    // 5.5 MB: more than Chromium keeps for one site (5 Mi characters).
    let mut huge = "---\ntitle: Huge\n---\n".to_string();
    while huge.len() < 5_500_000 {
        huge.push_str("A paragraph of a very long post, repeated past what storage holds.\n\n");
    }
    let path = dir.join("huge-post.md");
    std::fs::write(&path, &huge).expect("writing the large file");

    // Record each progress value the page shows while the file is read.
    app.js(
        "window.seen = [];
         new MutationObserver(() => {
           const p = document.querySelector('[data-testid=import-progress]');
           if (p) window.seen.push(p.value / p.max);
         }).observe(document.body, { subtree: true, childList: true, attributes: true });",
        vec![],
    )
    .await;
    app.choose_file("import-file", &path).await;
    // 5.5 MB read, rendered and refused by storage: allow for a loaded machine.
    app.wait_until_within(
        std::time::Duration::from_secs(45),
        "the too-large warning",
        "const n = document.querySelector('[data-testid=notice]');
         return !!n && n.textContent.includes('cannot be autosaved')
             && !!n.querySelector('[data-testid=notice-download]')
             && !n.querySelector('[data-testid=free-space]')
             && document.querySelector('[data-testid=save-status]').textContent.startsWith('Not saved')
             && !document.querySelector('[data-testid=import-progress]');",
        vec![],
    )
    .await;
    let seen: Vec<f64> = serde_json::from_value(app.js("return window.seen", vec![]).await)
        .expect("progress values");
    assert!(
        seen.first() == Some(&0.0)
            && seen.iter().any(|f| *f > 0.0 && *f < 1.0)
            && seen.last() == Some(&1.0),
        "progress shown from 0 to the whole file: {seen:?}"
    );
    assert!(
        app.editor_text().await == huge,
        "the whole file is open in the editor"
    );
    let stored = app.stored_draft(&kept_id).await;
    assert_eq!(stored, Some(kept), "the draft open before is untouched");

    // The writer keeps it by downloading it.
    app.click("notice-download").await;
    let file = downloaded_with(&dir, "md").await;
    let bytes = std::fs::read(&file).expect("reading the download");
    assert!(
        bytes == huge.as_bytes(),
        "downloaded byte for byte ({} of {} bytes)",
        bytes.len(),
        huge.len()
    );
    let _ = std::fs::remove_dir_all(&dir);
    app.close().await;
}

#[tokio::test]
async fn a_file_far_larger_than_any_post_is_not_read() {
    let (app, dir) = App::open_with_downloads("far-too-large").await;
    app.wait_saved().await;
    let before = app.editor_text().await;
    // 100 MB (sparse on disk): a video or disk image chosen by mistake.
    let path = dir.join("holiday-video.md");
    std::fs::File::create(&path)
        .and_then(|f| f.set_len(100 * 1024 * 1024))
        .expect("making a 100 MB file");
    app.choose_file("import-file", &path).await;
    app.wait_until(
        "the refusal",
        "const n = document.querySelector('[data-testid=notice]');
         return !!n && n.textContent.includes('holiday-video.md could not be read')
             && n.textContent.includes('at 105 MB it is far larger than any post');",
        vec![],
    )
    .await;
    assert_eq!(app.editor_text().await, before, "the open draft stays");
    assert_eq!(app.count("draft-item").await, 1, "no draft was made");
    let _ = std::fs::remove_dir_all(&dir);
    app.close().await;
}
