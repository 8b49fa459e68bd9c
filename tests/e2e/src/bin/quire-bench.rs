//! `cargo xtask bench`: the release bundle's sizes (raw, gzip, brotli) and the time from
//! navigation to an editable editor in headless Chromium. Prints figures; asserts nothing.

use std::io::Write;
use std::path::Path;
use std::time::Duration;

use fantoccini::ClientBuilder;
use quire_e2e::{capabilities, setting, Driver, StaticServer, WAIT};

/// First-load budget for all assets, brotli-compressed.
const BUDGET_BROTLI: usize = 150 * 1024;
/// Cold loads measured, each in a fresh browser profile.
const RUNS: usize = 5;

#[derive(Default, Clone, Copy)]
struct Sizes {
    raw: usize,
    gzip: usize,
    brotli: usize,
}

impl std::ops::AddAssign for Sizes {
    fn add_assign(&mut self, other: Sizes) {
        self.raw += other.raw;
        self.gzip += other.gzip;
        self.brotli += other.brotli;
    }
}

fn sizes(bytes: &[u8]) -> Sizes {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let gzip = gz
        .write_all(bytes)
        .and_then(|_| gz.finish())
        .map_or(0, |v| v.len());
    let mut br = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    let brotli = brotli::BrotliCompress(&mut &bytes[..], &mut br, &params).map_or(0, |_| br.len());
    Sizes {
        raw: bytes.len(),
        gzip,
        brotli,
    }
}

fn kb(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

fn report_sizes(dist: &Path) {
    let mut rows: Vec<(String, Sizes)> = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dist)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dist.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    entries.sort();
    let mut total = Sizes::default();
    for path in entries {
        let bytes = std::fs::read(&path).unwrap_or_default();
        let s = sizes(&bytes);
        total += s;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        rows.push((name, s));
    }
    println!("\nBundle (dist/), each file as first loaded:");
    println!(
        "{:<44} {:>10} {:>10} {:>10}",
        "file", "raw", "gzip", "brotli"
    );
    for (name, s) in &rows {
        println!(
            "{:<44} {:>10} {:>10} {:>10}",
            name,
            kb(s.raw),
            kb(s.gzip),
            kb(s.brotli)
        );
    }
    println!(
        "{:<44} {:>10} {:>10} {:>10}",
        "total",
        kb(total.raw),
        kb(total.gzip),
        kb(total.brotli)
    );
    println!(
        "first-load budget: {} brotli of {} ({:.0}%)",
        kb(total.brotli),
        kb(BUDGET_BROTLI),
        100.0 * total.brotli as f64 / BUDGET_BROTLI as f64
    );
}

/// A fresh Chromium (new profile) with the app opened at `base_url`.
async fn open_app(base_url: &str) -> (Driver, fantoccini::Client) {
    let driver = Driver::start().await;
    let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(capabilities())
        .connect(&driver.url())
        .await
        .unwrap_or_else(|e| panic!("starting a Chromium session: {e}"));
    client
        .goto(base_url)
        .await
        .unwrap_or_else(|e| panic!("opening the app: {e}"));
    (driver, client)
}

/// The `quire:editable` mark of the page open in `client`, once it is there.
async fn editable_mark(client: &fantoccini::Client) -> f64 {
    let script = "const m = performance.getEntriesByName('quire:editable')[0];
                  const ed = document.querySelector('[data-testid=editor]');
                  return m && ed && !ed.disabled ? m.startTime : null;";
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let value = client.execute(script, vec![]).await.unwrap_or_default();
        if let Some(ms) = value.as_f64() {
            return ms;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the app did not become editable"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Time to editable with the app's origin off the network: one visit installs the service
/// worker, the server stops, then `RUNS` reloads are measured.
async fn offline_time_to_editable(dist: &Path) -> Vec<f64> {
    let mut server = StaticServer::start(dist.to_path_buf());
    let (_driver, client) = open_app(&server.url()).await;
    editable_mark(&client).await;
    let controlled = "return !!navigator.serviceWorker && !!navigator.serviceWorker.controller";
    let deadline = std::time::Instant::now() + WAIT;
    while client.execute(controlled, vec![]).await.unwrap_or_default() != serde_json::json!(true) {
        assert!(
            std::time::Instant::now() < deadline,
            "the service worker did not take control"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    server.stop();
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        client
            .refresh()
            .await
            .unwrap_or_else(|e| panic!("reloading offline: {e}"));
        times.push(editable_mark(&client).await);
    }
    let _ = client.close().await;
    times
}

async fn time_to_editable(base_url: &str) -> f64 {
    let (_driver, client) = open_app(base_url).await;
    let ms = editable_mark(&client).await;
    let _ = client.close().await;
    ms
}

/// Form edit to updated view, in the page: set an input's value, fire `input`, and time
/// until a MutationObserver sees `target` show the new text. Returns milliseconds.
const FORM_EDIT_SCRIPT: &str = "
const [inputId, targetSel, samples, done] = arguments;
const input = document.querySelector(`[data-testid=${inputId}]`);
const found = document.querySelector(targetSel);
// The body preview is the article inside the sandboxed frame.
const target = found.tagName === 'IFRAME' ? found.contentDocument.querySelector('article') : found;
const times = [];
const once = (i) => {
  if (i >= samples) { done(times); return; }
  const text = `Edited ${inputId} ${i}`;
  const observer = new MutationObserver(() => {
    if (target.textContent.includes(text)) {
      observer.disconnect();
      times.push(performance.now() - t0);
      setTimeout(() => once(i + 1), 0);
    }
  });
  observer.observe(target, { childList: true, subtree: true, characterData: true });
  const t0 = performance.now();
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
};
once(0);
";

fn summary(label: &str, mut times: Vec<f64>) {
    if times.is_empty() {
        println!("  {label}: no samples");
        return;
    }
    times.sort_by(f64::total_cmp);
    let pick = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    println!(
        "  {label}: median {:.2} ms, p95 {:.2} ms, max {:.2} ms ({} samples)",
        pick(0.5),
        pick(0.95),
        times[times.len() - 1],
        times.len()
    );
}

async fn form_edit_timings(base_url: &str) {
    let (_driver, client) = open_app(base_url).await;
    client
        .wait()
        .at_most(WAIT)
        .for_element(fantoccini::Locator::Css("[data-testid=fm-title]"))
        .await
        .unwrap_or_else(|e| panic!("the form did not appear: {e}"));
    println!("\nForm edit to updated view (template post, headless Chromium):");
    let cases = [
        (
            "title field -> index card",
            "fm-title",
            "[data-testid=excerpt-preview] h3",
        ),
        (
            "excerpt field -> body preview",
            "excerpt-editor",
            "[data-testid=preview]",
        ),
    ];
    for (label, input, target) in cases {
        let args = vec![
            serde_json::json!(input),
            serde_json::json!(target),
            serde_json::json!(30),
        ];
        let value = client
            .execute_async(FORM_EDIT_SCRIPT, args)
            .await
            .unwrap_or_else(|e| panic!("timing {label}: {e}"));
        let times = value
            .as_array()
            .map(|a| a.iter().filter_map(serde_json::Value::as_f64).collect())
            .unwrap_or_default();
        summary(label, times);
    }
    let _ = client.close().await;
}

/// Replace the draft with `size` bytes of text, wait for the save, and return the
/// `quire:save` measure (ms). Repeated `samples` times with a changed last line.
const SAVE_SCRIPT: &str = "
const [size, samples, done] = arguments;
const ed = document.querySelector('[data-testid=editor]');
const status = document.querySelector('[data-testid=save-status]');
const line = 'A line of an ordinary blog post, long enough to be typical of prose. ';
let body = '---\\ntitle: Bench\\n---\\n';
while (body.length < size) body += line + (body.length % 7 === 0 ? '\\n\\n' : '');
const times = [];
const once = (i) => {
  if (i >= samples) { done(times); return; }
  performance.clearMeasures('quire:save');
  ed.value = body + i;
  ed.dispatchEvent(new Event('input', { bubbles: true }));
  const wait = () => {
    const m = performance.getEntriesByName('quire:save');
    if (status.textContent === 'Saved' && m.length) { times.push(m[m.length - 1].duration); setTimeout(() => once(i + 1), 0); }
    else setTimeout(wait, 20);
  };
  wait();
};
once(0);
";

/// Keystroke to updated preview: load a post of `size` bytes, then type single characters
/// in the middle of it. Per keystroke: the time spent in the input handler (synchronous
/// dispatch) and the time until the app marks `quire:preview` (preview patched).
const KEYSTROKE_SCRIPT: &str = r#"
const [size, samples, done] = arguments;
const ed = document.querySelector('[data-testid=editor]');
const fence = '`'.repeat(3);
const section = (i) => `## Section ${i}\n\nA paragraph of an ordinary post, with *emphasis*, a [link](https://example.org/${i}) and a little code. It goes on for a while, as paragraphs in long posts do, with more words.\n\n- a list item\n- another item with **bold**\n\n> A quotation, briefly.\n\n${fence}rust\nfn main() { println!("{}", ${i}); }\n${fence}\n\n| a | b |\n|---|---|\n| ${i} | x |\n\n`;
let doc = '---\ntitle: Keystroke bench\n---\n';
for (let i = 0; doc.length < size; i++) doc += section(i);
const marks = () => performance.getEntriesByName('quire:preview');
const handler = [], latency = [], edit = [], app = [];
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
let pos = doc.indexOf('\n\n- a list', doc.length / 2);
const once = (i) => {
  if (i >= samples) { done({ handler, latency, edit, app }); return; }
  performance.clearMarks('quire:preview');
  ed.focus();
  ed.setSelectionRange(pos, pos);
  // A keystroke as the browser makes one: an editing command that fires `input`.
  const t0 = performance.now();
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

async fn keystroke_timings(base_url: &str) {
    println!(
        "\nKeystroke to updated preview (headless Chromium, typing in the middle of the post):"
    );
    let mut medians: Vec<(String, f64)> = Vec::new();
    for (label, size) in [("100 KB", 100_000), ("1 MB", 1_000_000)] {
        for (mode, query) in [("incremental", ""), ("full re-render", "?preview=full")] {
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
                    vec![serde_json::json!(size), serde_json::json!(60)],
                )
                .await
                .unwrap_or_else(|e| panic!("typing into {label}: {e}"));
            let list = |key: &str| -> Vec<f64> {
                value[key]
                    .as_array()
                    .map(|a| a.iter().filter_map(serde_json::Value::as_f64).collect())
                    .unwrap_or_default()
            };
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
                &format!("{label}, {mode}: the browser's own edit before `input`"),
                list("edit"),
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

/// Fill storage with `count` drafts of `size` bytes in the stored format, for the backup
/// bench.
const FILL_DRAFTS_SCRIPT: &str = r#"
const [count, size] = arguments;
localStorage.clear();
const line = 'A line of an ordinary blog post, long enough to be typical of prose.\n';
const drafts = [];
for (let i = 0; i < count; i++) {
  const id = 'bench' + String(i).padStart(4, '0');
  let text = `---\ntitle: Bench draft ${i}\ndate: 2026-01-01\n---\n`;
  while (text.length < size) text += line;
  localStorage.setItem('quire/v1/draft/' + id, text);
  drafts.push({ id, title: `Bench draft ${i}`, updated_ms: i, words: 0, bytes: text.length });
}
localStorage.setItem('quire/v1/index', JSON.stringify({ version: 1, current: drafts[0].id, drafts }));
return drafts.length;
"#;

/// Export-all of 100 drafts of 20 KB: the time to make the backup (main thread) and its
/// size.
async fn backup_figures(base_url: &str) {
    let dir = std::env::temp_dir().join(format!("quire-bench-backup-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::create_dir_all(&dir);
    let driver = Driver::start().await;
    let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(quire_e2e::capabilities_with_prefs(serde_json::json!({
            "download.default_directory": dir.to_string_lossy(),
            "download.prompt_for_download": false,
            "profile.default_content_setting_values.automatic_downloads": 1,
        })))
        .connect(&driver.url())
        .await
        .unwrap_or_else(|e| panic!("starting a Chromium session: {e}"));
    client
        .goto(base_url)
        .await
        .unwrap_or_else(|e| panic!("opening the app: {e}"));
    editable_mark(&client).await;
    // The first draft saved first: a save still pending when the page reloads would write
    // this page's index over the one filled in below.
    client
        .execute_async(
            "const done = arguments[0];
             const look = () => document.querySelector('[data-testid=save-status]').textContent === 'Saved'
               ? done(true) : setTimeout(look, 20);
             look();",
            vec![],
        )
        .await
        .unwrap_or_else(|e| panic!("waiting for the first save: {e}"));
    client
        .execute(
            FILL_DRAFTS_SCRIPT,
            vec![serde_json::json!(100), serde_json::json!(20_000)],
        )
        .await
        .unwrap_or_else(|e| panic!("filling storage: {e}"));
    client
        .refresh()
        .await
        .unwrap_or_else(|e| panic!("reloading: {e}"));
    editable_mark(&client).await;
    let mut times = Vec::new();
    let mut size = 0;
    for run in 0..3 {
        let measured = client
            .execute(
                "performance.clearMeasures('quire:backup');
                 document.querySelector('[data-testid=export-all]').click();
                 return performance.getEntriesByName('quire:backup').map(m => m.duration);",
                vec![],
            )
            .await
            .unwrap_or_else(|e| panic!("making the backup: {e}"));
        times.extend(
            measured
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(serde_json::Value::as_f64),
        );
        let deadline = std::time::Instant::now() + WAIT;
        loop {
            let zips: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)
                .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
                .unwrap_or_default();
            let zips: Vec<_> = zips
                .into_iter()
                .filter(|p| p.extension().is_some_and(|e| e == "zip"))
                .collect();
            if zips.len() > run {
                size = zips
                    .iter()
                    .filter_map(|p| std::fs::metadata(p).ok())
                    .map(|m| m.len())
                    .max()
                    .unwrap_or(0);
                break;
            }
            if std::time::Instant::now() > deadline {
                let notice = client
                    .execute(
                        "const n = document.querySelector('[data-testid=notice]'); return n ? n.textContent : null",
                        vec![],
                    )
                    .await
                    .unwrap_or_default();
                let files: Vec<_> = std::fs::read_dir(&dir)
                    .map(|d| d.filter_map(Result::ok).map(|e| e.file_name()).collect())
                    .unwrap_or_default();
                panic!(
                    "no backup downloaded; notice: {notice}; measured {times:?}; files {files:?}"
                );
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
    let _ = client.close().await;
    let _ = std::fs::remove_dir_all(&dir);
    println!("\nExport-all backup of 100 drafts of 20 KB (zip, stored):");
    println!(
        "  size {} ({} drafts, 2.0 MB of text)",
        kb(size as usize),
        100
    );
    summary(
        "time to make it (main thread, read + zip + hand to the browser)",
        times,
    );
}

/// The largest string localStorage takes under one key, by bisection, in characters.
const LARGEST_SCRIPT: &str = "
localStorage.clear();
let lo = 0, hi = 64 * 1024 * 1024;
while (lo < hi) {
  const mid = Math.ceil((lo + hi) / 2);
  try { localStorage.setItem('quire-probe', 'x'.repeat(mid)); lo = mid; }
  catch (e) { hi = mid - 1; }
  localStorage.removeItem('quire-probe');
}
return lo;
";

/// Keeping a revision of a 1 MB draft when it is opened: change the text, let it save,
/// reload, read the `quire:revision` measure of the opening snapshot.
async fn revision_timings(client: &fantoccini::Client) {
    let mut times = Vec::new();
    for i in 0..5 {
        let args = vec![serde_json::json!(1_000_000 + i), serde_json::json!(1)];
        client
            .execute_async(SAVE_SCRIPT, args)
            .await
            .unwrap_or_else(|e| panic!("saving before a reload: {e}"));
        client
            .refresh()
            .await
            .unwrap_or_else(|e| panic!("reload: {e}"));
        let measured = client
            .execute_async(
                "const done = arguments[0];
                 const look = () => {
                   const m = performance.getEntriesByName('quire:revision');
                   if (m.length) done(m[0].duration); else setTimeout(look, 20);
                 };
                 look();",
                vec![],
            )
            .await
            .unwrap_or_else(|e| panic!("reading the revision measure: {e}"));
        times.extend(measured.as_f64());
    }
    println!("Revision kept when a 1 MB draft is opened (history read + snapshot written):");
    summary("1 MB", times);
}

async fn save_timings(base_url: &str) {
    let (_driver, client) = open_app(base_url).await;
    client
        .wait()
        .at_most(WAIT)
        .for_element(fantoccini::Locator::Css("[data-testid=save-status]"))
        .await
        .unwrap_or_else(|e| panic!("the app did not appear: {e}"));
    let timeouts =
        fantoccini::wd::TimeoutConfiguration::new(Some(Duration::from_secs(300)), None, None);
    client
        .update_timeouts(timeouts)
        .await
        .unwrap_or_else(|e| panic!("setting the script timeout: {e}"));
    println!("\nDraft save (text + index to localStorage, main-thread time of one save, off the keystroke path):");
    for (label, size) in [("10 KB", 10_000), ("1 MB", 1_000_000)] {
        let args = vec![serde_json::json!(size), serde_json::json!(5)];
        let value = client
            .execute_async(SAVE_SCRIPT, args)
            .await
            .unwrap_or_else(|e| panic!("timing saves of {label}: {e}"));
        let times = value
            .as_array()
            .map(|a| a.iter().filter_map(serde_json::Value::as_f64).collect())
            .unwrap_or_default();
        summary(label, times);
    }
    revision_timings(&client).await;
    let largest = client
        .execute(LARGEST_SCRIPT, vec![])
        .await
        .unwrap_or_else(|e| panic!("probing the quota: {e}"));
    let chars = largest.as_f64().unwrap_or(0.0);
    println!(
        "Largest draft that fits in an empty localStorage: {} characters (about {:.1} MB of ASCII text)",
        chars,
        chars / 1_000_000.0
    );
    let _ = client.close().await;
}

#[tokio::main]
async fn main() {
    let dist = setting("QUIRE_DIST");
    report_sizes(&dist);
    // `QUIRE_BENCH_ONLY=keystrokes` or `=backup` runs that part alone.
    match std::env::var("QUIRE_BENCH_ONLY").as_deref() {
        Ok("keystrokes") => {
            let server = StaticServer::start(dist.clone());
            keystroke_timings(&server.url()).await;
            return;
        }
        Ok("backup") => {
            let server = StaticServer::start(dist.clone());
            backup_figures(&server.url()).await;
            return;
        }
        _ => {}
    }

    let server = StaticServer::start(dist.clone());
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        times.push(time_to_editable(&server.url()).await);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "\nNavigation start to editable editor, cold load from 127.0.0.1, {RUNS} runs in fresh profiles:\n  min {:.1} ms, median {:.1} ms, max {:.1} ms",
        times[0],
        times[RUNS / 2],
        times[RUNS - 1]
    );
    let mut offline = offline_time_to_editable(&dist).await;
    offline.sort_by(f64::total_cmp);
    println!(
        "Navigation start to editable editor offline (service worker cache, origin stopped), {RUNS} reloads:\n  min {:.1} ms, median {:.1} ms, max {:.1} ms",
        offline[0],
        offline[RUNS / 2],
        offline[RUNS - 1]
    );
    form_edit_timings(&server.url()).await;
    keystroke_timings(&server.url()).await;
    save_timings(&server.url()).await;
    backup_figures(&server.url()).await;
}
