//! A site folder for the tests: a fixture site copied into the origin-private file
//! system (folder `site`), handed to the app by replacing `window.showDirectoryPicker`
//! in the test's page only (headless Chromium cannot drive the real picker; the handle
//! API is the same), and reading or changing its files behind the app's back.

use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use crate::App;

/// The files of fixture site `name` (under `tests/fixtures/`), as (path, bytes), sorted.
pub fn fixture_site(name: &str) -> Vec<(String, Vec<u8>)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../fixtures")
        .join(name);
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    files.sort();
    files
}

/// Open the fixture site's post about the trip to Oslo (from `site-jekyll`, which must be
/// the open folder) and return its text.
pub async fn open_trip(app: &App) -> String {
    const TRIP: &str = "_posts/2026-05-04-trip-to-oslo.md";
    let trip = fixture_site("site-jekyll")
        .into_iter()
        .find(|(p, _)| p == TRIP)
        .map(|(_, b)| String::from_utf8(b).expect("UTF-8"))
        .expect("the post");
    app.open_site_post(TRIP, &trip).await;
    trip
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, Vec<u8>)>) {
    let entries =
        std::fs::read_dir(dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            collect(root, &path, files);
        } else {
            let relative = path
                .strip_prefix(root)
                .expect("below the root")
                .to_string_lossy()
                .replace('\\', "/");
            let bytes =
                std::fs::read(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
            files.push((relative, bytes));
        }
    }
}

/// JavaScript: the handle of `path` in the private folder `site` (`arguments[0]`),
/// folders made when `create`.
const FILE_AT_JS: &str = "
    async function fileAt(path, create) {
      let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('site', {create: true});
      const parts = path.split('/');
      const name = parts.pop();
      for (const part of parts) dir = await dir.getDirectoryHandle(part, {create});
      return dir.getFileHandle(name, {create});
    }";

impl App {
    /// Fill the private folder `site` with `files` (emptied first) and make the page's
    /// folder picker hand it over, as the writer picking it would.
    pub async fn hand_over_site(&self, files: &[(String, Vec<u8>)]) {
        let files: Vec<Value> = files
            .iter()
            .map(|(path, bytes)| json!([path, bytes]))
            .collect();
        let script = format!(
            "const done = arguments[arguments.length - 1];
             {FILE_AT_JS}
             (async () => {{
               const root = await navigator.storage.getDirectory();
               try {{ await root.removeEntry('site', {{recursive: true}}); }} catch (e) {{}}
               for (const [path, bytes] of arguments[0]) {{
                 const w = await (await fileAt(path, true)).createWritable();
                 await w.write(new Uint8Array(bytes));
                 await w.close();
               }}
               return 'ok';
             }})().then(done, e => done('error: ' + e));"
        );
        let filled = self
            .client
            .execute_async(&script, vec![json!(files)])
            .await
            .unwrap_or_else(|e| panic!("filling the site folder: {e}"));
        assert_eq!(filled, json!("ok"), "filling the site folder");
        self.replace_folder_picker().await;
    }

    /// Make `window.showDirectoryPicker` return the private folder `site` (in this page
    /// only; a reload brings the browser's own back).
    pub async fn replace_folder_picker(&self) {
        self.js(
            "window.showDirectoryPicker = async () =>
               (await navigator.storage.getDirectory()).getDirectoryHandle('site');
             return true;",
            vec![],
        )
        .await;
    }

    /// The bytes of `path` in the site folder, `None` when it is not there.
    pub async fn site_file(&self, path: &str) -> Option<Vec<u8>> {
        let script = format!(
            "const done = arguments[arguments.length - 1];
             {FILE_AT_JS}
             (async () => {{
               const file = await (await fileAt(arguments[0], false)).getFile();
               return Array.from(new Uint8Array(await file.arrayBuffer()));
             }})().then(done, e => done(null));"
        );
        let bytes = self
            .client
            .execute_async(&script, vec![json!(path)])
            .await
            .unwrap_or_else(|e| panic!("reading {path} of the site: {e}"));
        serde_json::from_value(bytes).ok()
    }

    /// Write `bytes` to `path` of the site folder, as another program would.
    pub async fn write_site_file(&self, path: &str, bytes: &[u8]) {
        let script = format!(
            "const done = arguments[arguments.length - 1];
             {FILE_AT_JS}
             (async () => {{
               const w = await (await fileAt(arguments[0], true)).createWritable();
               await w.write(new Uint8Array(arguments[1]));
               await w.close();
               return 'ok';
             }})().then(done, e => done('error: ' + e));"
        );
        let written = self
            .client
            .execute_async(&script, vec![json!(path), json!(bytes)])
            .await
            .unwrap_or_else(|e| panic!("writing {path} of the site: {e}"));
        assert_eq!(written, json!("ok"), "writing {path}");
    }

    /// The `data-path` of each listed site post, in list order.
    pub async fn site_post_paths(&self) -> Vec<String> {
        let paths = self
            .js(
                "return Array.from(document.querySelectorAll('[data-testid=site-post-item]'))
                   .map(li => li.dataset.path)",
                vec![],
            )
            .await;
        serde_json::from_value(paths).unwrap_or_default()
    }

    /// Open the fixture site through `site-open` and wait until `n` posts are listed.
    pub async fn open_site(&self, files: &[(String, Vec<u8>)], n: u64) {
        self.hand_over_site(files).await;
        self.click("site-open").await;
        self.wait_for_count("site-post-item", n).await;
        self.wait_until(
            "the site's posts read",
            "return !document.querySelector('[data-testid=site-progress]')",
            vec![],
        )
        .await;
    }

    /// Open the listed site post `path` and wait until the editor holds `text`.
    pub async fn open_site_post(&self, path: &str, text: &str) {
        self.click_css(&format!(
            "[data-testid=site-post-item][data-path='{path}'] button"
        ))
        .await;
        self.wait_for_editor_text(text).await;
    }
}
