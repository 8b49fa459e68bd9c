//! [`App`]'s keyboard, DevTools and accessibility helpers: keys to the focused element or
//! the editor, a crashed tab, raw DevTools commands, axe's serious findings, a full
//! localStorage.

use fantoccini::Locator;
use serde_json::{json, Value};

use super::App;
use crate::{cdp, testid};

impl App {
    /// Press `keys` on whatever has the focus.
    pub async fn press(&self, keys: &str) {
        self.client
            .active_element()
            .await
            .expect("a focused element")
            .send_keys(keys)
            .await
            .unwrap_or_else(|e| panic!("pressing {keys:?}: {e}"));
    }

    /// The test id of the element that has the focus (`null` when it has none).
    pub async fn active_testid(&self) -> Value {
        self.js(
            "return document.activeElement && document.activeElement.dataset.testid || null",
            vec![],
        )
        .await
    }

    /// Run a DevTools Protocol command in the page.
    /// Kill the current tab's renderer, as a crash or an out-of-memory kill would: no
    /// `pagehide`, no unload. (The command itself gets no answer from the dead page.)
    pub async fn crash_tab(&self) {
        let _ = self.try_cdp("Page.crash", json!({})).await;
    }

    pub async fn cdp(&self, command: &str, params: Value) -> Value {
        self.try_cdp(command, params)
            .await
            .unwrap_or_else(|e| panic!("CDP {command}: {e}"))
    }

    async fn try_cdp(
        &self,
        command: &str,
        params: Value,
    ) -> Result<Value, fantoccini::error::CmdError> {
        cdp(&self.client, command, params).await
    }

    /// Send `keys` to the editor as the writer's keyboard would (WebDriver key events),
    /// after focusing it with a click unless `click` is false (to keep a selection).
    pub async fn keys_in_editor(&self, keys: &str, click: bool) {
        let editor = self
            .client
            .find(Locator::Css(&testid("editor")))
            .await
            .expect("the editor");
        if click {
            editor.click().await.expect("focus the editor");
        }
        editor
            .send_keys(keys)
            .await
            .unwrap_or_else(|e| panic!("typing {keys:?} in the editor: {e}"));
    }

    /// Run axe-core (4.14.1, vendored unmodified in `tests/e2e/fixtures/`, MPL-2.0) on the
    /// page: its serious and critical violations, described.
    pub async fn axe_serious(&self) -> Vec<String> {
        const AXE: &str = include_str!("../../fixtures/axe-4.14.1.min.js");
        let script = format!(
            "{AXE}
             ;const done = arguments[arguments.length - 1];
             axe.run(document, {{ iframes: false, resultTypes: ['violations'] }})
               .then(r => done(r.violations
                 .filter(v => v.impact === 'serious' || v.impact === 'critical')
                 .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' -- ' +
                      v.nodes.map(n => n.target.join(' ') + ' ' + n.failureSummary).join(' | '))))
               .catch(e => done(['axe failed: ' + e]));"
        );
        let value: Value = self
            .client
            .execute_async(&script, vec![])
            .await
            .unwrap_or_else(|e| panic!("running axe: {e}"));
        value
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Fill localStorage from the page until not one more character fits; returns how
    /// many filler keys (`filler-N`) it took.
    pub async fn fill_storage(&self) -> u64 {
        let filled = self
            .js(
                "let n = 0, size = 1 << 20;
                 while (size >= 1) {
                   try { localStorage.setItem('filler-' + n, 'x'.repeat(size)); n++; }
                   catch (e) { if (e.name !== 'QuotaExceededError') throw e; size = Math.floor(size / 2); }
                 }
                 return n;",
                vec![],
            )
            .await;
        filled.as_u64().unwrap_or(0)
    }
}
