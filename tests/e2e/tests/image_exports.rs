//! Images leaving the browser with their post: the bundle holds the post and its images,
//! a backup carries them and restoring it brings them back, byte for byte.

use quire_core::images::sha256_hex;
use quire_e2e::images::{png, POST};
use quire_e2e::{downloaded_with, App};

#[tokio::test]
async fn the_bundle_holds_the_post_and_its_images_byte_exact() {
    let (app, dir) = App::open_with_downloads("bundle").await;
    app.paste_over(POST).await;
    let image = png(30, 20, 6);
    app.paste_image_between("Chart.png", &image, "chart.png")
        .await;
    let text = app.editor_text().await;
    app.wait_saved().await;
    app.click("export-bundle").await;
    let zip = downloaded_with(&dir, "zip").await;
    assert_eq!(
        zip.file_name().map(|n| n.to_string_lossy().into_owned()),
        Some("2026-05-04-trip-to-oslo.zip".to_string())
    );
    let bytes = std::fs::read(&zip).expect("the zip");
    let files = quire_core::backup::entries(&bytes).expect("a zip");
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "_posts/2026-05-04-trip-to-oslo.md",
            "assets/images/2026/trip-to-oslo/chart.png"
        ]
    );
    assert_eq!(files[0].1, text.as_bytes());
    assert_eq!(files[1].1, image);
    app.close().await;
}

#[tokio::test]
async fn a_backup_carries_images_and_restoring_brings_them_back_byte_exact() {
    let (app, dir) = App::open_with_downloads("image-backup").await;
    app.paste_over(POST).await;
    let image = png(24, 24, 7);
    app.paste_image_between("map.png", &image, "map.png").await;
    let text = app.editor_text().await;
    app.wait_saved().await;
    app.click("export-all").await;
    let zip = downloaded_with(&dir, "zip").await;
    let bytes = std::fs::read(&zip).expect("the backup");
    let files = quire_core::backup::entries(&bytes).expect("a zip");
    let sha = sha256_hex(&image);
    assert!(
        files
            .iter()
            .any(|(n, b)| *n == format!("images/{sha}.png") && *b == image),
        "{:?}",
        files.iter().map(|f| &f.0).collect::<Vec<_>>()
    );

    // An empty browser: storage and images cleared, page reloaded.
    app.client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             localStorage.clear();
             navigator.storage.getDirectory()
               .then(root => root.removeEntry('images', {recursive: true}))
               .then(() => done(true), e => done(String(e)));",
            vec![],
        )
        .await
        .expect("clearing storage");
    app.client.refresh().await.expect("reload");
    app.wait_for_testid("editor").await;
    assert!(app.stored_images().await.is_empty());
    app.choose_file("import-backup", &zip).await;
    app.wait_until(
        "the restored draft listed",
        "return [...document.querySelectorAll('[data-testid=draft-item]')].some(d => d.textContent.includes('Trip to Oslo'))",
        vec![],
    )
    .await;
    assert_eq!(app.stored_image(&sha).await, image);
    app.js(
        "[...document.querySelectorAll('[data-testid=draft-item]')]
           .find(d => d.textContent.includes('Trip to Oslo')).querySelector('.draft-open').click()",
        vec![],
    )
    .await;
    app.wait_until(
        "the restored draft open",
        "return document.querySelector('[data-testid=editor]').value.includes('map.png')",
        vec![],
    )
    .await;
    assert_eq!(app.editor_text().await, text);
    app.wait_for_stored_images_in_preview(1).await;
    app.close().await;
}
