//! The end-to-end harness: the release build served on a loopback port, a real headless
//! Chromium driven through ChromeDriver, and helpers to read and type in the app.
//!
//! `cargo xtask test` builds the app and sets `QUIRE_DIST`, `QUIRE_CHROMIUM` and
//! `QUIRE_CHROMEDRIVER`; every test starts its own server and browser and stops them.

mod app;
pub mod driver;
pub mod hostile;
pub mod images;
pub mod server;
pub mod site;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use fantoccini::Client;
use serde_json::Value;

pub use app::App;
pub use driver::{
    capabilities, capabilities_traced, capabilities_with_prefs, Driver, CHROMIUM_FLAGS,
};
use driver::{Cdp, Logs};
pub use server::StaticServer;

/// A fresh, empty folder for a test's downloads.
pub fn download_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("quire-e2e-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("creating {}: {e}", dir.display()));
    dir
}

/// Wait until a finished, non-empty file with extension `ext` is in `dir`.
pub async fn downloaded_with(dir: &PathBuf, ext: &str) -> PathBuf {
    let deadline = Instant::now() + WAIT;
    loop {
        let files: Vec<PathBuf> = std::fs::read_dir(dir)
            .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        // Chromium may reserve the final name (an empty file) while the data still goes
        // to a `.crdownload` file: finished means no such file is left and the file has
        // its bytes (no test downloads an empty file).
        let in_progress = files
            .iter()
            .any(|p| p.extension().is_some_and(|e| e == "crdownload"));
        if let Some(found) = files
            .iter()
            .find(|p| p.extension().is_some_and(|e| e == ext))
            .filter(|p| !in_progress && std::fs::metadata(p).is_ok_and(|m| m.len() > 0))
        {
            return found.clone();
        }
        assert!(
            Instant::now() < deadline,
            "no download in {}: {files:?}",
            dir.display()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Send a Chrome DevTools Protocol command through ChromeDriver.
pub async fn cdp(
    client: &Client,
    command: &str,
    params: Value,
) -> Result<Value, fantoccini::error::CmdError> {
    client
        .issue_cmd(Cdp {
            command: command.to_string(),
            params,
        })
        .await
}

/// Chromium's trace events recorded since the last call, in a session opened with
/// [`capabilities_traced`].
pub async fn trace_events(client: &Client) -> Result<Vec<Value>, fantoccini::error::CmdError> {
    let logs = client.issue_cmd(Logs("performance")).await?;
    let entries = logs.as_array().cloned().unwrap_or_default();
    Ok(entries
        .iter()
        .filter_map(|e| serde_json::from_str::<Value>(e["message"].as_str()?).ok())
        .filter(|m| m["message"]["method"] == "Tracing.dataCollected")
        .map(|m| m["message"]["params"].clone())
        .collect())
}

/// Keys for WebDriver's send_keys: `key` with Ctrl held, then released.
pub fn ctrl(key: char) -> String {
    use fantoccini::key::Key;
    format!("{}{key}{}", char::from(Key::Control), char::from(Key::Null))
}

/// How long a test waits for the page to reach a state before it fails.
/// JavaScript for the element holding the rendered body: the article inside the preview's
/// sandboxed frame (`null` until the frame has loaded).
pub const PREVIEW_JS: &str = "(document.querySelector('[data-testid=preview]').contentDocument || document).querySelector('article[data-testid=preview]')";

/// JavaScript for the excerpt card: the article inside its sandboxed frame (`null` until
/// the frame has loaded).
pub const EXCERPT_CARD_JS: &str = "(document.querySelector('iframe[data-testid=excerpt-preview]').contentDocument || document).querySelector('article[data-testid=excerpt-preview]')";

pub const WAIT: Duration = Duration::from_secs(15);

/// A setting from the environment, or a message saying how to run the tests.
pub fn setting(name: &str) -> PathBuf {
    match std::env::var_os(name) {
        Some(value) => PathBuf::from(value),
        None => panic!("{name} is not set: run the end-to-end tests with `cargo xtask test`"),
    }
}

/// The committed copy of the shared seed post.
pub fn seed_post() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fixtures/seed-post.md");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// The CSS selector for a `data-testid`.
pub fn testid(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}
