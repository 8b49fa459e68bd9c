//! [`App`]: one test's world (the release build served, a browser, a WebDriver session on
//! the app) and the ways tests open, read, type in and check it.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};
use serde_json::{json, Value};

mod tools;

use crate::driver::Logs;
use crate::{
    capabilities, capabilities_with_prefs, download_dir, server, setting, testid, Driver,
    StaticServer, PREVIEW_JS, WAIT,
};

/// One test's world: the app served, a browser, a WebDriver session on the app.
pub struct App {
    pub client: Client,
    pub base_url: String,
    _server: StaticServer,
    _driver: Driver,
}

impl App {
    /// Serve the release build, start Chromium, open the app and wait until it is editable.
    pub async fn open() -> App {
        App::open_with_prefs(json!({})).await
    }

    /// [`App::open`] with Chromium preferences.
    pub async fn open_with_prefs(prefs: Value) -> App {
        App::open_serving(setting("QUIRE_DIST"), prefs).await
    }

    /// [`App::open`] serving the build in `root` (a copy a test may change).
    pub async fn open_serving(root: PathBuf, prefs: Value) -> App {
        let server = StaticServer::start(root);
        let (driver, client) = Driver::session(capabilities_with_prefs(prefs)).await;
        let app = App {
            client,
            base_url: server.url(),
            _server: server,
            _driver: driver,
        };
        app.client
            .goto(&app.base_url)
            .await
            .unwrap_or_else(|e| panic!("opening {}: {e}", app.base_url));
        app.wait_for_testid("editor").await;
        app.wait_taken_over().await;
        app
    }

    /// Wait until the app has taken over the page's own editor (in the frame after it
    /// started) and removed it.
    pub async fn wait_taken_over(&self) {
        self.wait_until(
            "the app to take over the page's own editor",
            "return !document.getElementById('quire-boot-shell')",
            vec![],
        )
        .await;
    }

    /// The app's page with its WebAssembly held back until the returned gate opens: until
    /// then only the page's own editor (`boot-editor`) is there. The origin's localStorage
    /// is first given `storage` (key to text), as earlier visits would have left it.
    pub async fn open_held(storage: Value) -> (App, std::sync::Arc<server::Gate>) {
        let (server, gate) = StaticServer::start_holding(setting("QUIRE_DIST"), "_bg.wasm");
        let (driver, client) = Driver::session(capabilities()).await;
        let app = App {
            client,
            base_url: server.url(),
            _server: server,
            _driver: driver,
        };
        // A page of the same origin that is not the app, to write its storage from.
        let elsewhere = format!("{}icon.svg", app.base_url);
        app.client
            .goto(&elsewhere)
            .await
            .unwrap_or_else(|e| panic!("opening {elsewhere}: {e}"));
        app.js(
            "localStorage.clear();
             for (const [k, v] of Object.entries(arguments[0])) localStorage.setItem(k, v);",
            vec![storage],
        )
        .await;
        app.client
            .goto(&app.base_url)
            .await
            .unwrap_or_else(|e| panic!("opening {}: {e}", app.base_url));
        app.wait_for_testid("boot-editor").await;
        (app, gate)
    }

    /// [`App::open`] in a Chromium that saves downloads, unasked, into a fresh folder
    /// named after `name`; returns the folder too.
    pub async fn open_with_downloads(name: &str) -> (App, PathBuf) {
        let dir = download_dir(name);
        let app = App::open_with_prefs(json!({
            "download.default_directory": dir.to_string_lossy(),
            "download.prompt_for_download": false,
            "profile.default_content_setting_values.automatic_downloads": 1,
        }))
        .await;
        (app, dir)
    }

    /// Choose the file at `path` in the file input with test id `id`, as a writer would.
    pub async fn choose_file(&self, id: &str, path: &std::path::Path) {
        let input = self
            .client
            .find(Locator::Css(&testid(id)))
            .await
            .unwrap_or_else(|e| panic!("no file input {id}: {e}"));
        input
            .send_keys(&path.to_string_lossy())
            .await
            .unwrap_or_else(|e| panic!("choosing {}: {e}", path.display()));
    }

    /// Take the app's origin off the network: its server stops and refuses connections.
    pub fn go_offline(&mut self) {
        self._server.stop();
    }

    /// Wait until the service worker controls the page and has cached the build.
    pub async fn wait_for_offline_ready(&self) {
        self.wait_until(
            "the service worker to control the page",
            "return !!navigator.serviceWorker && !!navigator.serviceWorker.controller",
            vec![],
        )
        .await;
        let cached = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 caches.keys()
                   .then(keys => Promise.all(keys.map(k => caches.open(k).then(c => c.keys()))))
                   .then(lists => done(lists.flat().map(r => new URL(r.url).pathname)))
                   .catch(e => done(String(e)));",
                vec![],
            )
            .await
            .unwrap_or_else(|e| panic!("reading the caches: {e}"));
        let names = cached.to_string();
        assert!(
            names.contains("_bg.wasm") && names.contains("index.html"),
            "the build is not cached: {names}"
        );
    }

    /// Wait until an element with this `data-testid` exists.
    pub async fn wait_for_testid(&self, id: &str) -> fantoccini::elements::Element {
        let found = self
            .client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(&testid(id)))
            .await;
        match found {
            Ok(element) => element,
            Err(e) => {
                let errors = self.console_errors().await;
                let page = self
                    .js(
                        "return [location.href, document.readyState,
                                 performance.getEntriesByType('resource').map(r => r.name + ' ' + Math.round(r.duration)),
                                 document.body ? document.body.innerHTML.length : -1]",
                        vec![],
                    )
                    .await;
                let served = self
                    ._server
                    .log
                    .lock()
                    .map(|l| l.clone())
                    .unwrap_or_default();
                panic!("no element [data-testid={id}] within {WAIT:?}: {e}\nconsole errors: {errors:#?}\npage: {page}\nserved: {served:?}")
            }
        }
    }

    /// Run `script` in the page (its `arguments` are `args`) and return its value.
    pub async fn js(&self, script: &str, args: Vec<Value>) -> Value {
        self.client
            .execute(script, args)
            .await
            .unwrap_or_else(|e| panic!("running script {script:?}: {e}"))
    }

    /// The editor's whole text.
    pub async fn editor_text(&self) -> String {
        let v = self
            .js(
                "return document.querySelector('[data-testid=editor]').value",
                vec![],
            )
            .await;
        v.as_str().unwrap_or_default().to_string()
    }

    /// Replace the editor's whole text the way a paste does: select all, insert the text
    /// through the browser's editing commands (which fire `input` and join the undo stack).
    pub async fn paste_over(&self, text: &str) {
        let ok = self
            .js(
                "const ed = document.querySelector('[data-testid=editor]');
                 ed.focus(); ed.select();
                 return document.execCommand('insertText', false, arguments[0]);",
                vec![json!(text)],
            )
            .await;
        assert_eq!(ok, json!(true), "insertText was refused");
    }

    /// Type `text` into the editor where `at` (a piece of its text) ends, the way a keystroke
    /// inserts it (through the browser's editing commands).
    pub async fn type_after(&self, at: &str, text: &str) {
        let ok = self
            .js(
                "const ed = document.querySelector('[data-testid=editor]');
                 const found = ed.value.indexOf(arguments[0]);
                 if (found < 0) return false;
                 const caret = found + arguments[0].length;
                 ed.focus();
                 ed.setSelectionRange(caret, caret);
                 return document.execCommand('insertText', false, arguments[1]);",
                vec![json!(at), json!(text)],
            )
            .await;
        assert_eq!(ok, json!(true), "no {at:?} in the editor to type after");
    }

    /// Choose the preview's flavour (`jekyll` or `commonmark`) as the select would.
    pub async fn choose_flavour(&self, flavour: &str) {
        self.js(
            "const s = document.querySelector('[data-testid=preview-flavour]');
             s.value = arguments[0]; s.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![json!(flavour)],
        )
        .await;
    }

    /// The preview's inner HTML (the article inside the sandboxed frame).
    pub async fn preview_html(&self) -> String {
        let v = self
            .js(
                &format!("const p = {PREVIEW_JS}; return p ? p.innerHTML : ''"),
                vec![],
            )
            .await;
        v.as_str().unwrap_or_default().to_string()
    }

    /// Click the element with this `data-testid` as a user would (a WebDriver click).
    pub async fn click(&self, id: &str) {
        self.click_css(&testid(id)).await;
    }

    /// Click the element `css` selects, as a user would.
    pub async fn click_css(&self, css: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"))
            .click()
            .await
            .unwrap_or_else(|e| panic!("clicking {css}: {e}"));
    }

    /// The id of the draft the stored index says is open.
    pub async fn current_draft_id(&self) -> String {
        let id = self
            .js(
                "return JSON.parse(localStorage.getItem('quire/v1/index')).current",
                vec![],
            )
            .await;
        id.as_str().unwrap_or_default().to_string()
    }

    /// The stored text of draft `id` (`None` when storage has none).
    pub async fn stored_draft(&self, id: &str) -> Option<String> {
        self.js(
            "return localStorage.getItem('quire/v1/draft/' + arguments[0])",
            vec![json!(id)],
        )
        .await
        .as_str()
        .map(str::to_string)
    }

    /// How many elements carry the test id `id`.
    pub async fn count(&self, id: &str) -> u64 {
        self.js(
            "return document.querySelectorAll(`[data-testid=\"${arguments[0]}\"]`).length",
            vec![json!(id)],
        )
        .await
        .as_u64()
        .unwrap_or(0)
    }

    /// The text of the first element with the test id `id` (empty when there is none).
    pub async fn text_of(&self, id: &str) -> String {
        let text = self
            .js(
                "const e = document.querySelector(`[data-testid=\"${arguments[0]}\"]`);
                 return e ? e.textContent : ''",
                vec![json!(id)],
            )
            .await;
        text.as_str().unwrap_or_default().to_string()
    }

    /// The value of the form control with the test id `id` (empty when there is none).
    pub async fn value_of(&self, id: &str) -> String {
        let value = self
            .js(
                "const e = document.querySelector(`[data-testid=\"${arguments[0]}\"]`);
                 return e ? e.value : ''",
                vec![json!(id)],
            )
            .await;
        value.as_str().unwrap_or_default().to_string()
    }

    /// Wait until exactly `n` elements carry the test id `id`.
    pub async fn wait_for_count(&self, id: &str, n: u64) {
        self.wait_until(
            &format!("{n} [data-testid={id}]"),
            "return document.querySelectorAll(`[data-testid=\"${arguments[0]}\"]`).length === arguments[1]",
            vec![json!(id), json!(n)],
        )
        .await;
    }

    /// Wait until `save-status` says the draft is saved.
    pub async fn wait_saved(&self) {
        self.wait_until(
            "the draft to be saved",
            "return document.querySelector('[data-testid=save-status]').textContent === 'Saved'",
            vec![],
        )
        .await;
    }

    /// Wait until the editor holds exactly `expected`.
    pub async fn wait_for_editor_text(&self, expected: &str) {
        let what = format!("the editor's text {expected:?}");
        self.wait_until(
            &what,
            // The editor is missing for a moment after a reload.
            "const e = document.querySelector('[data-testid=editor]'); return !!e && e.value === arguments[0]",
            vec![json!(expected)],
        )
        .await;
    }

    /// Poll `script` (which returns a boolean) until it returns true; fail with `what`.
    pub async fn wait_until(&self, what: &str, script: &str, args: Vec<Value>) {
        self.wait_until_within(WAIT, what, script, args).await;
    }

    /// [`App::wait_until`] with a longer (or shorter) limit, for work whose size is the
    /// point of the test (a post of several megabytes on a loaded machine).
    pub async fn wait_until_within(
        &self,
        limit: Duration,
        what: &str,
        script: &str,
        args: Vec<Value>,
    ) {
        let deadline = Instant::now() + limit;
        loop {
            if self.js(script, args.clone()).await == json!(true) {
                return;
            }
            if Instant::now() > deadline {
                let html = self.preview_html().await;
                let text = self.editor_text().await;
                let errors = self.console_errors().await;
                panic!(
                    "timed out waiting for {what}; the editor holds {text:?}; console errors: \
                     {errors:#?}; preview is:\n{html}"
                );
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Browser console entries at `SEVERE` level since the last call. Chromium's own request
    /// for `/favicon.ico` on a page that names no icon (the image `open_held` writes storage
    /// from) is not the app's: its 404 may be logged after that page is left, so it is
    /// never counted.
    pub async fn console_errors(&self) -> Vec<String> {
        let logs = self
            .client
            .issue_cmd(Logs("browser"))
            .await
            .unwrap_or_else(|e| panic!("reading the browser log: {e}"));
        logs.as_array()
            .map(|entries| {
                entries
                    .iter()
                    .filter(|e| e["level"] == "SEVERE")
                    .map(|e| e["message"].as_str().unwrap_or_default().to_string())
                    .filter(|m| !(m.contains("/favicon.ico ") && m.contains("(Not Found)")))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Check that the page logged no errors (a panic in the app logs one), then end the
    /// browser session.
    pub async fn close(self) {
        let errors = self.console_errors().await;
        let _ = self.client.close().await;
        assert!(errors.is_empty(), "console errors: {errors:#?}");
    }
}
