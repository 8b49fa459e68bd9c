//! Images in posts: pasted, dropped or picked, kept in the browser (the origin-private
//! file system, by SHA-256), linked at the site's path, shown in the preview and the
//! excerpt card also after a reload and offline, listed, shrunk, removed when nothing
//! uses them; refusals of what is not an image. (Exported with the post and carried by
//! backups: `image_exports.rs`.)

use std::path::PathBuf;

use quire_core::images::sha256_hex;
use quire_e2e::images::{between, png, POST};
use quire_e2e::{download_dir, testid, App, EXCERPT_CARD_JS};
use serde_json::json;

/// Write `bytes` to a file named `name` in a fresh folder for `test`.
fn file(test: &str, name: &str, bytes: &[u8]) -> PathBuf {
    let path = download_dir(&format!("{test}-files")).join(name);
    std::fs::write(&path, bytes).expect("writing a test file");
    path
}

#[tokio::test]
async fn a_pasted_image_is_kept_linked_and_shown_after_a_reload_and_offline() {
    let mut app = App::open().await;
    app.wait_for_offline_ready().await;
    app.paste_over(POST).await;
    app.caret_at(between()).await;
    let image = png(40, 30, 1);
    // A screenshot's generic name; the page it was copied from gave it alt text.
    app.paste_file(
        "image.png",
        &image,
        "image/png",
        "<meta charset=utf-8><img src=\"https://example.org/f.png\" alt=\"A fjord at dawn\">",
    )
    .await;
    let link = "![A fjord at dawn](/assets/images/2026/trip-to-oslo/trip-to-oslo-1.png)";
    let expected = POST.replace("Before.\n\n", &format!("Before.\n{link}\n"));
    app.wait_for_editor_text(&expected).await;
    app.wait_for_stored_images_in_preview(1).await;
    assert_eq!(app.stored_images().await, [sha256_hex(&image)]);
    assert_eq!(app.stored_image(&sha256_hex(&image)).await, image);
    // The panel lists it with its size and dimensions.
    app.wait_for_count("image-item", 1).await;
    let details = app.text_of("image-details").await;
    assert!(details.contains("40×30 px"), "{details}");
    assert_eq!(app.count("image-no-alt").await, 0);

    // One edit: one undo takes it all back.
    app.keys_in_editor(&quire_e2e::ctrl('z'), false).await;
    app.wait_for_editor_text(POST).await;
    app.keys_in_editor(&quire_e2e::ctrl('y'), false).await;
    app.wait_for_editor_text(&expected).await;
    app.wait_saved().await;

    // After a reload, from the store.
    app.client.refresh().await.expect("reload");
    app.wait_for_editor_text(&expected).await;
    app.wait_for_stored_images_in_preview(1).await;

    // With the server stopped.
    app.go_offline();
    app.client.refresh().await.expect("reload offline");
    app.wait_for_editor_text(&expected).await;
    app.wait_for_stored_images_in_preview(1).await;
    app.close().await;
}

#[tokio::test]
async fn dropped_and_picked_images_are_named_from_their_files_and_stored_once() {
    let app = App::open().await;
    app.paste_over(POST).await;
    app.caret_at(between()).await;
    let sunset = png(64, 48, 2);
    app.drop_file("Sunset over Oslo.PNG", &sunset, "image/png")
        .await;
    let first = "![](/assets/images/2026/trip-to-oslo/sunset-over-oslo.png)";
    app.wait_for_editor_text(&POST.replace("Before.\n\n", &format!("Before.\n{first}\n")))
        .await;
    // The caret follows the image: typing goes after it.
    app.keys_in_editor(" (sunset)", false).await;
    let named = "![](/assets/images/2026/trip-to-oslo/sunset-over-oslo.png) (sunset)";
    app.wait_for_editor_text(&POST.replace("Before.\n\n", &format!("Before.\n{named}\n")))
        .await;

    // The same bytes picked under another name: the same path, stored once.
    let end = app.editor_text().await.len();
    app.caret_at(end).await;
    app.choose_file("image-pick", &file("same", "copy.png", &sunset))
        .await;
    app.wait_until(
        "the second link",
        "return document.querySelector('[data-testid=editor]').value.endsWith('![](/assets/images/2026/trip-to-oslo/sunset-over-oslo.png)')",
        vec![],
    )
    .await;
    assert_eq!(app.stored_images().await, [sha256_hex(&sunset)]);

    // Other bytes with the same name get a name of their own.
    let other = png(20, 10, 3);
    app.choose_file("image-pick", &file("other", "Sunset over Oslo.png", &other))
        .await;
    app.wait_until(
        "the third link",
        "return document.querySelector('[data-testid=editor]').value.endsWith('![](/assets/images/2026/trip-to-oslo/sunset-over-oslo-2.png)')",
        vec![],
    )
    .await;
    let mut both = vec![sha256_hex(&sunset), sha256_hex(&other)];
    both.sort();
    assert_eq!(app.stored_images().await, both);
    app.wait_for_stored_images_in_preview(3).await;
    // Listed three times (three uses), none with alt text.
    app.wait_for_count("image-item", 3).await;
    assert_eq!(app.count("image-no-alt").await, 3);
    app.close().await;
}

#[tokio::test]
async fn forgetting_a_deleted_draft_removes_its_images_unless_a_revision_of_another_uses_them() {
    let app = App::open().await;
    let shared = png(16, 16, 4);
    let own = png(16, 16, 5);
    // Draft A uses both images.
    app.paste_over(POST).await;
    app.paste_image_between("shared.png", &shared, "shared.png")
        .await;
    app.paste_image_between("own.png", &own, "own.png").await;
    app.wait_saved().await;
    let a = app.current_draft_id().await;

    // Draft B uses the shared image, then no longer does; a revision of B still does.
    app.click("new-draft").await;
    app.wait_until(
        "a new draft",
        "return JSON.parse(localStorage.getItem('quire/v1/index')).current !== arguments[0]",
        vec![json!(a)],
    )
    .await;
    let b_text = "---\ntitle: Second\n---\nText.\n";
    app.paste_over(b_text).await;
    app.caret_at(b_text.len()).await;
    app.paste_file("shared.png", &shared, "image/png", "").await;
    app.wait_until(
        "the image in B",
        "return document.querySelector('[data-testid=editor]').value.includes('/second/shared.png')",
        vec![],
    )
    .await;
    app.wait_saved().await;
    let b = app.current_draft_id().await;
    // Open A, then B again: B's opening revision records the image.
    app.click_css(&format!("[data-draft-id='{a}'] .draft-open"))
        .await;
    app.wait_for_editor_text(&app_text_with_images(&app).await)
        .await;
    app.click_css(&format!("[data-draft-id='{b}'] .draft-open"))
        .await;
    app.wait_until(
        "B open",
        "return document.querySelector('[data-testid=editor]').value.includes('/second/shared.png')",
        vec![],
    )
    .await;
    app.wait_until(
        "B's opening revision with its image",
        "const h = JSON.parse(localStorage.getItem('quire/v1/revs/' + arguments[0]) || '{}');
         return (h.revisions || []).some(r => r.images && Object.keys(r.images).some(p => p.endsWith('/second/shared.png')));",
        vec![json!(b)],
    )
    .await;
    app.paste_over(b_text).await;
    app.wait_saved().await;

    // Delete A and forget it: its own image goes, the shared one stays.
    app.click_css(&format!("[data-draft-id='{a}'] [data-testid=delete-draft]"))
        .await;
    app.wait_for_testid("forget-deleted").await;
    app.click("forget-deleted").await;
    app.wait_for_stored_images(&[sha256_hex(&shared)]).await;
    app.close().await;
}

/// The editor's text (for waiting until a draft switch has shown it).
async fn app_text_with_images(app: &App) -> String {
    app.wait_until(
        "draft A open",
        "return document.querySelector('[data-testid=editor]').value.includes('own.png')",
        vec![],
    )
    .await;
    app.editor_text().await
}

#[tokio::test]
async fn the_path_pattern_is_a_preference_and_liquid_links_still_show_the_image() {
    let app = App::open().await;
    let pattern = app.wait_for_testid("image-path-pattern").await;
    assert_eq!(
        app.value_of("image-path-pattern").await,
        "/assets/images/{year}/{slug}/{name}.{ext}"
    );
    // One that cannot work is refused and not kept.
    pattern.clear().await.expect("clear");
    pattern
        .send_keys("assets/{name}\n")
        .await
        .expect("type a pattern");
    app.click_css(&testid("editor")).await;
    app.wait_for_testid("image-path-pattern-error").await;
    app.js(
        "const i = document.querySelector('[data-testid=image-path-pattern]');
         i.value = arguments[0]; i.dispatchEvent(new Event('change', {bubbles: true}));",
        vec![json!("{{ site.baseurl }}/img/{slug}/{name}.{ext}")],
    )
    .await;
    app.wait_until(
        "the pattern kept",
        "return (JSON.parse(localStorage.getItem('quire/v1/prefs') || '{}').image_path_pattern || '') === arguments[0]",
        vec![json!("{{ site.baseurl }}/img/{slug}/{name}.{ext}")],
    )
    .await;
    let post = "---\ntitle: Trip to Oslo\ndate: 2026-05-04\n---\nIntro.\n<!-- excerpt start -->\nSee: \n<!-- excerpt end -->\n\nMore.\n";
    app.paste_over(post).await;
    let at = post.find("See: ").expect("the line") + "See: ".len();
    app.caret_at(at).await;
    let image = png(12, 12, 8);
    app.paste_file("boat.png", &image, "image/png", "").await;
    let link = "![]({{ site.baseurl }}/img/trip-to-oslo/boat.png)";
    app.wait_for_editor_text(&post.replace("See: ", &format!("See: {link}")))
        .await;
    app.wait_for_stored_images_in_preview(1).await;
    // The excerpt card shows it too.
    app.wait_until(
        "the image in the excerpt card",
        &format!(
            "const c = {EXCERPT_CARD_JS}; const i = c && c.querySelector('img');
             return !!i && i.src.startsWith('blob:') && i.complete && i.naturalWidth > 0"
        ),
        vec![],
    )
    .await;
    app.close().await;
}

#[tokio::test]
async fn a_large_image_can_be_shrunk_as_a_new_image_in_one_edit() {
    let app = App::open().await;
    app.paste_over(POST).await;
    app.caret_at(between()).await;
    let wide = png(2000, 60, 9);
    app.choose_file("image-pick", &file("wide", "panorama.png", &wide))
        .await;
    let original = "/assets/images/2026/trip-to-oslo/panorama.png";
    app.wait_until(
        "the image",
        "return document.querySelector('[data-testid=editor]').value.includes(arguments[0])",
        vec![json!(original)],
    )
    .await;
    app.wait_for_testid("image-shrink").await;
    assert!(app.text_of("image-details").await.contains("2000×60 px"));
    app.click("image-shrink").await;
    let shrunk = "/assets/images/2026/trip-to-oslo/panorama-1600w.png";
    app.wait_until(
        "the shrunk image linked",
        "const v = document.querySelector('[data-testid=editor]').value;
         return v.includes(arguments[0]) && !v.includes(arguments[1]);",
        vec![json!(shrunk), json!(original)],
    )
    .await;
    app.wait_until(
        "the panel showing the new size",
        "const d = document.querySelector('[data-testid=image-details]');
         return !!d && d.textContent.includes('1600×48 px')",
        vec![],
    )
    .await;
    app.wait_for_stored_images_in_preview(1).await;
    // Both kept: the original for the revisions that use it.
    assert_eq!(app.stored_images().await.len(), 2);
    // One edit: undo brings the original back.
    app.keys_in_editor(&quire_e2e::ctrl('z'), true).await;
    app.wait_until(
        "the original back",
        "return document.querySelector('[data-testid=editor]').value.includes(arguments[0])",
        vec![json!(original)],
    )
    .await;
    app.close().await;
}

#[tokio::test]
async fn what_is_not_an_image_is_refused_and_the_text_is_untouched() {
    let app = App::open().await;
    app.paste_over(POST).await;
    app.wait_saved().await;
    app.caret_at(between()).await;
    let refused = |name: &'static str, bytes: Vec<u8>| (name, bytes);
    let mut broken = png(10, 10, 10);
    broken.truncate(broken.len() - 20);
    let mut huge = png(10, 10, 11);
    huge.resize(21 * 1024 * 1024, 0);
    let cases = [
        refused("photo.png", b"%PDF-1.7\n1 0 obj\n".to_vec()),
        refused("broken.png", broken),
        refused("huge.png", huge),
    ];
    for (name, bytes) in cases {
        app.choose_file("image-pick", &file(name, name, &bytes))
            .await;
        app.wait_until(
            &format!("a notice refusing {name}"),
            "const n = document.querySelector('[data-testid=notice]');
             return !!n && n.textContent.includes(arguments[0] + ' was not added')",
            vec![json!(name)],
        )
        .await;
        assert_eq!(app.editor_text().await, POST, "{name}");
    }
    // A pasted file that is not an image, too.
    app.paste_file("notes.txt", b"just text", "text/plain", "")
        .await;
    app.wait_until(
        "a notice refusing the pasted file",
        "const n = document.querySelector('[data-testid=notice]');
         return !!n && n.textContent.includes('notes.txt was not added')",
        vec![],
    )
    .await;
    assert_eq!(app.editor_text().await, POST);
    assert!(app.stored_images().await.is_empty());

    // An SVG with a script: added, shown only as an image, its script never runs.
    let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><script>top.document.title='svg ran';parent.postMessage('svg ran','*')</script><rect width="20" height="10" fill="red"/></svg>"#;
    app.choose_file("image-pick", &file("svg", "logo.svg", svg))
        .await;
    app.wait_until(
        "the SVG linked",
        "return document.querySelector('[data-testid=editor]').value.includes('/trip-to-oslo/logo.svg')",
        vec![],
    )
    .await;
    app.wait_for_stored_images_in_preview(1).await;
    let title = app.js("return document.title", vec![]).await;
    assert!(!title.to_string().contains("svg ran"), "{title}");
    app.close().await;
}

#[tokio::test]
async fn a_full_storage_refuses_an_image_with_a_notice_and_loses_nothing() {
    let app = App::open().await;
    app.paste_over(POST).await;
    app.wait_saved().await;
    app.caret_at(between()).await;
    let first = png(20, 20, 21);
    app.choose_file("image-pick", &file("full-first", "first.png", &first))
        .await;
    let link = "![](/assets/images/2026/trip-to-oslo/first.png)";
    let with_first = POST.replace("Before.\n\n", &format!("Before.\n{link}\n"));
    app.wait_for_editor_text(&with_first).await;
    app.wait_for_stored_images(&[sha256_hex(&first)]).await;
    app.wait_saved().await;

    // The site's storage quota cut to what it uses now and a little more: the next
    // image (about 1 MB) does not fit.
    let estimate = app
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             navigator.storage.estimate().then(e => done([location.origin, e.usage]))",
            vec![],
        )
        .await
        .expect("the storage estimate");
    let origin = estimate[0].as_str().expect("the origin").to_string();
    let usage = estimate[1].as_u64().expect("the usage");
    app.cdp(
        "Storage.overrideQuotaForOrigin",
        json!({ "origin": origin, "quotaSize": usage + 64 * 1024 }),
    )
    .await;
    let big = png(600, 600, 22);
    app.caret_at(with_first.find("After.").expect("the last paragraph"))
        .await;
    app.choose_file("image-pick", &file("full-big", "big.png", &big))
        .await;
    app.wait_until(
        "a notice that the storage is full",
        "const n = document.querySelector('[data-testid=notice]');
         return !!n && n.textContent.includes('big.png was not added')
                    && n.textContent.includes('storage for this site is full')",
        vec![],
    )
    .await;
    // The text is unchanged, still saved, and the image stored before is whole.
    assert_eq!(app.editor_text().await, with_first);
    assert_eq!(app.stored_images().await, [sha256_hex(&first)]);
    assert_eq!(app.stored_image(&sha256_hex(&first)).await, first);
    app.wait_for_stored_images_in_preview(1).await;

    // With room again, the same file goes in.
    app.cdp(
        "Storage.overrideQuotaForOrigin",
        json!({ "origin": origin }),
    )
    .await;
    app.choose_file("image-pick", &file("full-again", "big.png", &big))
        .await;
    app.wait_until(
        "the image linked once there is room",
        "return document.querySelector('[data-testid=editor]').value.includes('/trip-to-oslo/big.png)')",
        vec![],
    )
    .await;
    let mut both = vec![sha256_hex(&first), sha256_hex(&big)];
    both.sort();
    app.wait_for_stored_images(&both).await;
    app.close().await;
}
