//! Keystroke to updated preview, incremental and naive, at 100 KB and 1 MB.

use std::time::Duration;

use quire_e2e::WAIT;

use super::{numbers, open_app, summary};

/// Keystroke to updated preview: load a post of `size` bytes, then type single characters
/// in the middle of it. Per keystroke: the time spent in the input handler (synchronous
/// dispatch) and the time until the app marks `quire:preview` (preview patched).
const KEYSTROKE_SCRIPT: &str = r#"
const [size, samples, kind, done] = arguments;
const ed = document.querySelector('[data-testid=editor]');
const fence = '`'.repeat(3);
const section = (i) => `## Section ${i}\n\nA paragraph of an ordinary post, with *emphasis*, a [link](https://example.org/${i}) and a little code. It goes on for a while, as paragraphs in long posts do, with more words.\n\n- a list item\n- another item with **bold**\n\n> A quotation, briefly.\n\n${fence}rust\nfn main() { println!("{}", ${i}); }\n${fence}\n\n| a | b |\n|---|---|\n| ${i} | x |\n\n`;
// `post`: sections of ordinary Markdown; `list`: one long list of links (a reading list).
const item = (i) => `- [Reading ${i}](https://example.org/${i}), a note on it with *emphasis* and \`code\`\n`;
let doc = '---\ntitle: Keystroke bench\n---\n' + (kind === 'list' ? 'What I read.\n\n' : '');
for (let i = 0; doc.length < size; i++) doc += kind === 'list' ? item(i) : section(i);
const marks = () => performance.getEntriesByName('quire:preview');
const handler = [], latency = [], edit = [], app = [], before = [];
const after = (t0, next) => {
  const m = marks();
  if (m.length && m[m.length - 1].startTime >= t0) next(m[m.length - 1].startTime - t0);
  else setTimeout(() => after(t0, next), 1);
};
// The input event's dispatch: from the first listener (capture, on the window) to the last
// (bubble, on the window, added after the app's).
let inputStart = 0, inputEnd = 0;
window.addEventListener('input', () => { inputStart = performance.now(); }, true);
window.addEventListener('input', () => { inputEnd = performance.now(); });
let pos = kind === 'list' ? doc.indexOf(', a note', doc.length / 2) : doc.indexOf('\n\n- a list', doc.length / 2);
const once = (i) => {
  if (i >= samples) { done({ handler, latency, edit, app, before }); return; }
  performance.clearMarks('quire:preview');
  ed.focus();
  ed.setSelectionRange(pos, pos);
  // A keystroke as the browser makes one: `beforeinput`, then the edit, which fires
  // `input` (an editing command alone fires no `beforeinput`).
  const t0 = performance.now();
  ed.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertText', data: 'x', bubbles: true, cancelable: true }));
  before.push(performance.now() - t0);
  document.execCommand('insertText', false, 'x');
  handler.push(inputEnd - inputStart);
  edit.push(inputStart - t0);
  pos += 1;
  const start = inputStart;
  after(t0, (ms) => {
    latency.push(ms);
    app.push(ms - (start - t0));
    setTimeout(() => once(i + 1), 0);
  });
};
// Load the post, then wait for its first full render before typing.
const t0 = performance.now();
ed.value = doc;
ed.dispatchEvent(new Event('input', { bubbles: true }));
after(t0, () => setTimeout(() => once(0), 50));
"#;

pub async fn keystroke_timings(base_url: &str) {
    println!(
        "\nKeystroke to updated preview (headless Chromium, typing in the middle of the post):"
    );
    let mut medians: Vec<(String, f64)> = Vec::new();
    let cases = [
        ("100 KB", 100_000, "post"),
        ("1 MB", 1_000_000, "post"),
        ("100 KB list", 100_000, "list"),
        ("1 MB list", 1_000_000, "list"),
    ];
    for (label, size, kind) in cases {
        // `marks`: the app marks each preview update (`quire:preview`) only when asked.
        for (mode, query) in [
            ("incremental", "?marks"),
            ("full re-render", "?preview=full&marks"),
        ] {
            let (_driver, client) = open_app(&format!("{base_url}{query}")).await;
            client
                .wait()
                .at_most(WAIT)
                .for_element(fantoccini::Locator::Css("[data-testid=editor]"))
                .await
                .unwrap_or_else(|e| panic!("the app did not appear: {e}"));
            let timeouts = fantoccini::wd::TimeoutConfiguration::new(
                Some(Duration::from_secs(300)),
                None,
                None,
            );
            client
                .update_timeouts(timeouts)
                .await
                .unwrap_or_else(|e| panic!("setting the script timeout: {e}"));
            let value = client
                .execute_async(
                    KEYSTROKE_SCRIPT,
                    vec![
                        serde_json::json!(size),
                        serde_json::json!(60),
                        serde_json::json!(kind),
                    ],
                )
                .await
                .unwrap_or_else(|e| panic!("typing into {label}: {e}"));
            let list = |key: &str| numbers(&value[key]);
            let latency = list("latency");
            // The ratio compares the app's part: the browser's own edit is the same in both.
            let mut sorted = list("app");
            sorted.sort_by(f64::total_cmp);
            if let Some(&median) = sorted.get(sorted.len() / 2) {
                medians.push((format!("{label} {mode}"), median));
            }
            summary(&format!("{label}, {mode}: keystroke -> preview"), latency);
            summary(
                &format!("{label}, {mode}: `input` -> preview (the app's part)"),
                list("app"),
            );
            summary(&format!("{label}, {mode}: input handler"), list("handler"));
            summary(
                &format!(
                    "{label}, {mode}: the browser's own edit before `input` (with `beforeinput`)"
                ),
                list("edit"),
            );
            summary(
                &format!("{label}, {mode}: of that, the `beforeinput` handler"),
                list("before"),
            );
            let _ = client.close().await;
        }
    }
    for pair in medians.chunks(2) {
        if let [(inc_label, inc), (_, full)] = pair {
            println!(
                "  {}: full re-render / incremental = {:.1}x (medians of the app's part)",
                inc_label.trim_end_matches(" incremental"),
                full / inc.max(0.001)
            );
        }
    }
}
