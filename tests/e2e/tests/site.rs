//! Working in the site folder itself: the fixture site handed over as the folder picker
//! would (a folder of the origin-private file system: the same handle API), its posts
//! listed, a post edited in place and saved byte-exact apart from the edit, a change made
//! on disk never overwritten silently, a draft published with its image, the site back
//! after a reload (and reconnected with a click when the browser asks again).

use fantoccini::key::Key;
use quire_e2e::images::png;
use quire_e2e::site::fixture_site;
use quire_e2e::{ctrl, App};
use serde_json::json;

const TRIP: &str = "_posts/2026-05-04-trip-to-oslo.md";
const WINTER: &str = "_posts/2025-12-24-winter-note.md";
const BOM: &str = "_posts/2025-11-02-with-a-bom.md";

fn fixture(path: &str) -> Vec<u8> {
    fixture_site("site-jekyll")
        .into_iter()
        .find(|(p, _)| p == path)
        .map(|(_, bytes)| bytes)
        .unwrap_or_else(|| panic!("no {path} in the fixture site"))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8")
}

/// The lines that differ between two texts of as many lines (split after `\n`, endings
/// kept).
fn changed_lines(before: &str, after: &str) -> Vec<(String, String)> {
    let (a, b): (Vec<&str>, Vec<&str>) = (
        before.split_inclusive('\n').collect(),
        after.split_inclusive('\n').collect(),
    );
    assert_eq!(a.len(), b.len(), "{before:?}\n{after:?}");
    a.iter()
        .zip(&b)
        .filter(|(x, y)| x != y)
        .map(|(x, y)| (x.to_string(), y.to_string()))
        .collect()
}

/// Put the caret at the end of the title field and type `more`.
async fn add_to_title(app: &App, more: &str) {
    let title = app.wait_for_testid("fm-title").await;
    title.click().await.expect("focus the title");
    title
        .send_keys(&format!("{}{more}", char::from(Key::End)))
        .await
        .expect("typing in the title");
}

#[tokio::test]
async fn the_site_lists_its_posts_newest_first_and_filters_them() {
    let app = App::open().await;
    app.open_site(&fixture_site("site-jekyll"), 5).await;
    assert_eq!(
        app.site_post_paths().await,
        [
            TRIP,
            "_posts/2026-01-10-not-yet.md",
            WINTER,
            BOM,
            "_drafts/an-idea.md"
        ]
    );
    let name = app.text_of("site-name").await;
    assert!(name.contains("site") && name.contains("Jekyll"), "{name}");
    // Unpublished: `published: false` and `_drafts/`.
    assert_eq!(app.count("site-post-draft").await, 2);
    let filter = app.wait_for_testid("site-filter").await;
    filter.send_keys("oslo").await.expect("filtering");
    app.wait_for_count("site-post-item", 1).await;
    assert_eq!(app.site_post_paths().await, [TRIP]);
    app.close().await;
}

#[tokio::test]
async fn a_post_edited_in_place_is_saved_byte_exact_apart_from_the_edit() {
    let app = App::open().await;
    app.open_site(&fixture_site("site-jekyll"), 5).await;

    // LF, saved with the button.
    let trip = text(&fixture(TRIP));
    app.open_site_post(TRIP, &trip).await;
    app.wait_for_testid("draft-site-link").await;
    add_to_title(&app, "!").await;
    app.wait_until(
        "the title edited",
        "return document.querySelector('[data-testid=editor]').value.includes('title: Trip to Oslo!\\n')",
        vec![],
    )
    .await;
    app.click("save-to-site").await;
    app.wait_until(
        "the saved notice",
        "const n = document.querySelector('[data-testid=notice]'); return !!n && n.textContent.includes('Saved to _posts/2026-05-04-trip-to-oslo.md')",
        vec![],
    )
    .await;
    let saved = text(&app.site_file(TRIP).await.expect("the post is still there"));
    assert_eq!(
        changed_lines(&trip, &saved),
        [(
            "title: Trip to Oslo\n".to_string(),
            "title: Trip to Oslo!\n".to_string()
        )]
    );

    // CRLF, saved with Ctrl+S: every line still ends in CRLF.
    let winter = text(&fixture(WINTER));
    app.open_site_post(WINTER, &winter.replace("\r\n", "\n"))
        .await;
    add_to_title(&app, "s").await;
    app.wait_until(
        "the title edited",
        "return document.querySelector('[data-testid=editor]').value.includes('title: Winter notes\\n')",
        vec![],
    )
    .await;
    app.keys_in_editor(&ctrl('s'), true).await;
    let expected = winter.replace("title: Winter note\r\n", "title: Winter notes\r\n");
    wait_for_site_file(&app, WINTER, expected.as_bytes()).await;

    // A BOM stays.
    let bom = text(&fixture(BOM));
    app.open_site_post(BOM, &bom).await;
    app.caret_at(bom.len()).await;
    app.keys_in_editor(" Edited.", false).await;
    app.keys_in_editor(&ctrl('s'), false).await;
    app.wait_until(
        "the BOM file saved",
        "const n = document.querySelector('[data-testid=notice]'); return !!n && n.textContent.includes('Saved to _posts/2025-11-02-with-a-bom.md')",
        vec![],
    )
    .await;
    let saved = app.site_file(BOM).await.expect("the BOM post");
    assert!(saved.starts_with(b"\xef\xbb\xbf---\n"), "{saved:?}");
    assert!(text(&saved).ends_with(" Edited."), "{}", text(&saved));

    // Opening the post again opens its draft, not a second copy.
    let drafts = app.count("draft-item").await;
    app.open_site_post(TRIP, &saved_text(&app, TRIP).await)
        .await;
    assert_eq!(app.count("draft-item").await, drafts);
    app.close().await;
}

async fn saved_text(app: &App, path: &str) -> String {
    text(&app.site_file(path).await.expect("the file"))
}

/// Wait until the site's `path` holds `expected`.
async fn wait_for_site_file(app: &App, path: &str, expected: &[u8]) {
    let deadline = std::time::Instant::now() + quire_e2e::WAIT;
    loop {
        let found = app.site_file(path).await;
        if found.as_deref() == Some(expected) {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "{path} holds {:?}, not {:?}",
            found.as_deref().map(String::from_utf8_lossy),
            String::from_utf8_lossy(expected)
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

/// How many revisions the open draft's panel lists.
async fn revision_count(app: &App) -> u64 {
    app.count("revision-item").await
}

/// Wait for the site conflict, and that the file on disk is still `theirs`.
async fn conflict_shown(app: &App, path: &str, theirs: &[u8]) {
    app.wait_for_testid("site-conflict").await;
    assert_eq!(app.site_file(path).await.as_deref(), Some(theirs));
}

#[tokio::test]
async fn a_file_changed_on_disk_is_never_overwritten_and_no_choice_loses_anything() {
    let app = App::open().await;
    app.open_site(&fixture_site("site-jekyll"), 5).await;
    let trip = text(&fixture(TRIP));
    app.open_site_post(TRIP, &trip).await;
    app.wait_saved().await;

    // 1. Changed behind Quire's back, then saved here: the conflict, nothing written.
    let mine = format!("{trip}Mine, one.\n");
    app.caret_at(trip.len()).await;
    app.keys_in_editor("Mine, one.\n", false).await;
    app.wait_for_editor_text(&mine).await;
    let theirs = format!("{trip}Theirs, one.\n");
    app.write_site_file(TRIP, theirs.as_bytes()).await;
    app.click("save-to-site").await;
    conflict_shown(&app, TRIP, theirs.as_bytes()).await;
    // Take the disk's version: the editor has it, mine is a revision.
    let revisions = revision_count(&app).await;
    app.click("site-conflict-take-disk").await;
    app.wait_for_editor_text(&theirs).await;
    app.wait_until(
        "the conflict gone",
        "return !document.querySelector('[data-testid=site-conflict]')",
        vec![],
    )
    .await;
    assert!(revision_count(&app).await > revisions);
    let kept = app
        .js(
            "return Object.keys(localStorage).filter(k => k.startsWith('quire/v1/rev/'))
               .map(k => localStorage.getItem(k)).join('\\n')",
            vec![],
        )
        .await;
    assert!(kept.to_string().contains("Mine, one."), "{kept}");
    // Undo brings mine back into the editor too.
    app.keys_in_editor(&ctrl('z'), true).await;
    app.wait_for_editor_text(&mine).await;
    app.keys_in_editor(&ctrl('y'), false).await;
    app.wait_for_editor_text(&theirs).await;
    app.wait_saved().await;

    // 2. Changed behind Quire's back, noticed when the window regains focus: keep mine
    // as a copy. The linked draft has theirs, a new draft has mine.
    let mine = format!("{theirs}Mine, two.\n");
    app.caret_at(theirs.len()).await;
    app.keys_in_editor("Mine, two.\n", false).await;
    app.wait_for_editor_text(&mine).await;
    app.wait_saved().await;
    let theirs2 = format!("{theirs}Theirs, two.\n");
    app.write_site_file(TRIP, theirs2.as_bytes()).await;
    app.js(
        "window.dispatchEvent(new Event('focus')); return true",
        vec![],
    )
    .await;
    conflict_shown(&app, TRIP, theirs2.as_bytes()).await;
    let drafts = app.count("draft-item").await;
    app.click("site-conflict-keep-copy").await;
    app.wait_for_count("draft-item", drafts + 1).await;
    app.wait_for_editor_text(&mine).await;
    // The copy is not linked; the linked draft holds the disk's version.
    assert_eq!(app.count("save-to-site").await, 0);
    app.open_site_post(TRIP, &theirs2).await;

    // 3. Overwrite: the disk gets mine, its version is kept as a revision.
    let mine = format!("{theirs2}Mine, three.\n");
    app.caret_at(theirs2.len()).await;
    app.keys_in_editor("Mine, three.\n", false).await;
    app.wait_for_editor_text(&mine).await;
    let theirs3 = format!("{theirs2}Theirs, three.\n");
    app.write_site_file(TRIP, theirs3.as_bytes()).await;
    app.keys_in_editor(&ctrl('s'), false).await;
    conflict_shown(&app, TRIP, theirs3.as_bytes()).await;
    app.click("site-conflict-overwrite").await;
    wait_for_site_file(&app, TRIP, mine.as_bytes()).await;
    let kept = app
        .js(
            "return Object.keys(localStorage).filter(k => k.startsWith('quire/v1/rev/'))
               .map(k => localStorage.getItem(k)).join('\\n')",
            vec![],
        )
        .await;
    assert!(kept.to_string().contains("Theirs, three."), "{kept}");
    // Saved again with no change elsewhere: no conflict.
    app.caret_at(mine.len()).await;
    app.keys_in_editor("Four.\n", false).await;
    app.keys_in_editor(&ctrl('s'), false).await;
    wait_for_site_file(&app, TRIP, format!("{mine}Four.\n").as_bytes()).await;
    assert_eq!(app.count("site-conflict").await, 0);
    app.close().await;
}

#[tokio::test]
async fn a_draft_is_published_with_its_image_and_a_different_file_is_not_replaced_unasked() {
    let app = App::open().await;
    app.open_site(&fixture_site("site-jekyll"), 5).await;
    let post = "---\ntitle: Bergen in rain\ndate: 2026-06-01\n---\nWet.\n\n";
    app.paste_over(post).await;
    app.wait_saved().await;
    let image = png(30, 20, 5);
    let dir = quire_e2e::download_dir("site-publish-files");
    let file = dir.join("harbour.png");
    std::fs::write(&file, &image).expect("writing the image");
    app.caret_at(post.len()).await;
    app.choose_file("image-pick", &file).await;
    let with_image = format!("{post}![](/assets/images/2026/bergen-in-rain/harbour.png)");
    app.wait_for_editor_text(&with_image).await;
    app.click("publish-to-site").await;
    let path = "_posts/2026-06-01-bergen-in-rain.md";
    wait_for_site_file(&app, path, with_image.as_bytes()).await;
    assert_eq!(
        app.site_file("assets/images/2026/bergen-in-rain/harbour.png")
            .await,
        Some(image)
    );
    // Now linked: saved in place from here on, and listed.
    app.wait_for_testid("save-to-site").await;
    app.wait_for_count("site-post-item", 6).await;
    assert_eq!(app.site_post_paths().await[0], path);

    // Another draft of the same name: the different file is not replaced unasked.
    app.click("new-draft").await;
    let other = "---\ntitle: Bergen in rain\ndate: 2026-06-01\n---\nDry, for once.\n";
    app.paste_over(other).await;
    app.click("publish-to-site").await;
    let ask = app.wait_for_testid("publish-replace").await;
    assert!(ask.text().await.expect("the question").contains(path));
    app.click("publish-replace-no").await;
    assert_eq!(
        app.site_file(path).await,
        Some(with_image.clone().into_bytes())
    );
    app.click("publish-to-site").await;
    app.wait_for_testid("publish-replace").await;
    app.click("publish-replace-yes").await;
    wait_for_site_file(&app, path, other.as_bytes()).await;
    app.close().await;
}

#[tokio::test]
async fn the_site_reopens_after_a_reload_and_reconnects_on_a_click_when_the_browser_asks() {
    let app = App::open().await;
    app.open_site(&fixture_site("site-jekyll"), 5).await;
    let trip = text(&fixture(TRIP));
    app.open_site_post(TRIP, &trip).await;
    app.wait_saved().await;

    // Still allowed: back at once, with the draft still linked.
    app.client.refresh().await.expect("reload");
    app.wait_for_editor_text(&trip).await;
    app.wait_for_count("site-post-item", 5).await;
    app.wait_for_testid("save-to-site").await;

    // The browser asks again (as after a restart): nothing is asked for until the
    // writer clicks Reconnect.
    app.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": "
            window.__asked = 0;
            FileSystemHandle.prototype.queryPermission = async () => 'prompt';
            FileSystemHandle.prototype.requestPermission = async () => { window.__asked++; return 'granted'; };
        " }),
    )
    .await;
    app.client.refresh().await.expect("reload");
    app.wait_for_editor_text(&trip).await;
    app.wait_for_testid("site-reconnect").await;
    assert_eq!(app.count("site-post-item").await, 0);
    assert_eq!(app.js("return window.__asked", vec![]).await, json!(0));
    app.click("site-reconnect").await;
    app.wait_for_count("site-post-item", 5).await;
    assert_eq!(app.js("return window.__asked", vec![]).await, json!(1));
    app.close().await;
}

#[tokio::test]
async fn without_the_folder_api_the_site_is_read_only_and_changes_download_as_a_zip() {
    let (app, downloads) = App::open_with_downloads("site-read-only").await;
    app.js(
        "delete window.showDirectoryPicker; window.showDirectoryPicker = undefined; return true",
        vec![],
    )
    .await;
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fixtures/site-jekyll");
    let root = root.canonicalize().expect("the fixture site");
    app.choose_file("site-open-input", &root).await;
    app.wait_for_count("site-post-item", 5).await;
    app.wait_for_testid("site-read-only").await;
    let trip = text(&fixture(TRIP));
    app.open_site_post(TRIP, &trip).await;
    add_to_title(&app, "!").await;
    let edited = trip.replace("title: Trip to Oslo\n", "title: Trip to Oslo!\n");
    app.wait_for_editor_text(&edited).await;
    assert_eq!(app.count("save-to-site").await, 0);
    app.click("site-download-changes").await;
    let zip = quire_e2e::downloaded_with(&downloads, "zip").await;
    let entries =
        quire_core::backup::entries(&std::fs::read(&zip).expect("the zip")).expect("a zip");
    assert_eq!(entries, [(TRIP.to_string(), edited.into_bytes())]);
    app.close().await;
}

#[tokio::test]
async fn a_zola_site_lists_its_content_and_publishes_into_content_and_static() {
    let app = App::open().await;
    app.open_site(&fixture_site("site-zola"), 2).await;
    assert_eq!(
        app.site_post_paths().await,
        ["content/blog/draft-one.md", "content/blog/first-light.md"]
    );
    let name = app.text_of("site-name").await;
    assert!(name.contains("Zola"), "{name}");
    assert_eq!(app.count("site-post-draft").await, 1);

    // A TOML post opens and saves back exactly.
    let first = String::from_utf8(
        fixture_site("site-zola")
            .into_iter()
            .find(|(p, _)| p == "content/blog/first-light.md")
            .map(|(_, b)| b)
            .expect("the post"),
    )
    .expect("UTF-8");
    app.open_site_post("content/blog/first-light.md", &first)
        .await;
    app.caret_at(first.len()).await;
    app.keys_in_editor("And then red.\n", false).await;
    app.keys_in_editor(&ctrl('s'), false).await;
    wait_for_site_file(
        &app,
        "content/blog/first-light.md",
        format!("{first}And then red.\n").as_bytes(),
    )
    .await;

    // A new draft with an image goes to content/posts/ and static/.
    app.click("new-draft").await;
    let post = "---\ntitle: Northern lights\ndate: 2026-02-03\n---\nGreen.\n\n";
    app.paste_over(post).await;
    let image = png(12, 8, 9);
    let file = quire_e2e::download_dir("site-zola-files").join("aurora.png");
    std::fs::write(&file, &image).expect("writing the image");
    app.caret_at(post.len()).await;
    app.choose_file("image-pick", &file).await;
    let with_image = format!("{post}![](/assets/images/2026/northern-lights/aurora.png)");
    app.wait_for_editor_text(&with_image).await;
    app.click("publish-to-site").await;
    wait_for_site_file(
        &app,
        "content/posts/northern-lights.md",
        with_image.as_bytes(),
    )
    .await;
    assert_eq!(
        app.site_file("static/assets/images/2026/northern-lights/aurora.png")
            .await,
        Some(image)
    );
    app.close().await;
}

/// A Jekyll site that reads its collections from `docs/` (`collections_dir`): its posts
/// are listed from there, their URLs count categories from there (`docs` is none), and a
/// new post is published into `docs/_posts/`, where Jekyll reads it (a root `_posts/` it
/// ignores).
#[tokio::test]
async fn a_site_with_a_collections_folder_publishes_into_it() {
    let app = App::open().await;
    let post = |title: &str| format!("---\ntitle: {title}\n---\nText.\n").into_bytes();
    let files = vec![
        (
            "_config.yml".to_string(),
            b"title: Docs site\ncollections_dir: docs\npermalink: pretty\n".to_vec(),
        ),
        ("docs/_posts/2026-01-02-first.md".to_string(), post("First")),
        (
            "docs/blog/_posts/2026-01-03-second.md".to_string(),
            post("Second"),
        ),
    ];
    app.open_site(&files, 2).await;
    let second = "docs/blog/_posts/2026-01-03-second.md";
    app.open_site_post(second, &text(&post("Second"))).await;
    let url_is = |url: &str| {
        format!(
            "const u = document.querySelector('[data-testid=post-url]');
             return !!u && u.textContent.includes('{url}') && !u.textContent.includes('docs')"
        )
    };
    app.wait_until(
        "the URL with the folder above _posts as its category",
        &url_is("/blog/2026/01/03/second/"),
        vec![],
    )
    .await;

    app.click("new-draft").await;
    let draft = "---\ntitle: Bergen in rain\ndate: 2026-06-01\n---\nWet.\n";
    app.paste_over(draft).await;
    app.wait_until(
        "the new post's URL, from where it will be published",
        &url_is("/2026/06/01/bergen-in-rain/"),
        vec![],
    )
    .await;
    app.click("publish-to-site").await;
    let path = "docs/_posts/2026-06-01-bergen-in-rain.md";
    wait_for_site_file(&app, path, draft.as_bytes()).await;
    assert_eq!(
        app.site_file("_posts/2026-06-01-bergen-in-rain.md").await,
        None
    );
    app.wait_for_count("site-post-item", 3).await;
    assert_eq!(app.site_post_paths().await[0], path);
    app.close().await;
}
