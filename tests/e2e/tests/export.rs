//! Downloading the post: the file Chromium really saves, its name and its bytes.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use fantoccini::Locator;
use quire_e2e::{seed_post, testid, App, WAIT};
use serde_json::json;

/// A fresh, empty folder for this test's downloads.
fn download_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("quire-e2e-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("creating {}: {e}", dir.display()));
    dir
}

/// Wait until one finished `.md` file is in `dir`.
async fn downloaded(dir: &PathBuf) -> PathBuf {
    let deadline = Instant::now() + WAIT;
    loop {
        let files: Vec<PathBuf> = std::fs::read_dir(dir)
            .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        if let Some(md) = files
            .iter()
            .find(|p| p.extension().is_some_and(|e| e == "md"))
        {
            return md.clone();
        }
        assert!(
            Instant::now() < deadline,
            "no download in {}: {files:?}",
            dir.display()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn the_seed_post_downloads_byte_exact_under_its_jekyll_name() {
    let dir = download_dir("seed");
    let app = App::open_with_prefs(json!({
        "download.default_directory": dir.to_string_lossy(),
        "download.prompt_for_download": false,
    }))
    .await;
    let seed = seed_post();
    app.paste_over(&seed).await;
    let button = app
        .client
        .find(Locator::Css(&testid("export-md")))
        .await
        .expect("the download button");
    button.click().await.expect("clicking download");
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
