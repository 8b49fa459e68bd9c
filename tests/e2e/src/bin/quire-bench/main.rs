//! `cargo xtask bench`: the release bundle's sizes (raw, gzip, brotli) and the time from
//! navigation to an editable editor in headless Chromium. Prints figures; asserts nothing.

use std::io::Write;
use std::path::Path;
use std::time::Duration;

use quire_e2e::{capabilities, setting, Driver, StaticServer, WAIT};

mod find;
mod frames;
mod images;
mod keystrokes;
mod site;
mod storage;

use keystrokes::keystroke_timings;
use storage::{backup_figures, save_timings};

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
    // Before the editor takes typing: the page (with its inline start-up script) and the
    // stylesheets it links, which that script waits for. The rest loads after.
    let html = std::fs::read_to_string(dist.join("index.html")).unwrap_or_default();
    let critical: usize = rows
        .iter()
        .filter(|(name, _)| {
            name == "index.html"
                || (name.ends_with(".css") && html.contains(&format!("href=\"/{name}\"")))
        })
        .map(|(_, s)| s.brotli)
        .sum();
    println!(
        "first-load budget, before the editor takes typing (index.html and its stylesheets): \
         {} brotli of {} ({:.0}%); the rest, {} brotli, arrives after without blocking typing",
        kb(critical),
        kb(BUDGET_BROTLI),
        100.0 * critical as f64 / BUDGET_BROTLI as f64,
        kb(total.brotli - critical)
    );
}

/// A fresh Chromium (new profile) with the app opened at `base_url`.
async fn open_app(base_url: &str) -> (Driver, fantoccini::Client) {
    let (driver, client) = Driver::session(capabilities()).await;
    client
        .goto(base_url)
        .await
        .unwrap_or_else(|e| panic!("opening the app: {e}"));
    (driver, client)
}

/// The `quire:editable` mark (the page's own editor took typing) and the `quire:started`
/// mark (the app took it over) of the page open in `client`, once the app has started.
async fn app_marks(client: &fantoccini::Client) -> (f64, f64) {
    let script = "const e = performance.getEntriesByName('quire:editable')[0];
                  const s = performance.getEntriesByName('quire:started')[0];
                  const ed = document.querySelector('[data-testid=editor]');
                  return e && s && ed && !ed.disabled ? [e.startTime, s.startTime] : null;";
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let value = client.execute(script, vec![]).await.unwrap_or_default();
        if let [editable, started] = numbers(&value)[..] {
            return (editable, started);
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the app did not start"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// The `quire:editable` mark of the page open in `client`, once the app has started.
async fn editable_mark(client: &fantoccini::Client) -> f64 {
    app_marks(client).await.0
}

/// Time to editable with the app's origin off the network: one visit installs the service
/// worker, the server stops, then `RUNS` reloads are measured.
async fn offline_time_to_editable(dist: &Path) -> Vec<(f64, f64)> {
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
        times.push(app_marks(&client).await);
    }
    let _ = client.close().await;
    times
}

async fn time_to_editable(base_url: &str) -> (f64, f64) {
    let (_driver, client) = open_app(base_url).await;
    let marks = app_marks(&client).await;
    let _ = client.close().await;
    marks
}

/// Print min, median and max of the editable and started times of `runs`.
fn print_marks(what: &str, runs: Vec<(f64, f64)>) {
    let n = runs.len();
    println!("\n{what}, {n} runs:");
    summary(
        "navigation start to editable (the page's own editor)",
        runs.iter().map(|r| r.0).collect(),
    );
    summary(
        "navigation start to the app started",
        runs.iter().map(|r| r.1).collect(),
    );
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

/// The numbers of a JSON array a page script returned (none for anything else).
fn numbers(value: &serde_json::Value) -> Vec<f64> {
    value
        .as_array()
        .map(|a| a.iter().filter_map(serde_json::Value::as_f64).collect())
        .unwrap_or_default()
}

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
            "[data-testid=excerpt-preview]",
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
        summary(label, numbers(&value));
    }
    let _ = client.close().await;
}

#[tokio::main]
async fn main() {
    let dist = setting("QUIRE_DIST");
    report_sizes(&dist);
    // `QUIRE_BENCH_ONLY=keystrokes`, `=backup`, `=images`, `=site`, `=find`, `=frames` or
    // `=slow4g` runs that part alone.
    match std::env::var("QUIRE_BENCH_ONLY").as_deref() {
        Ok("keystrokes") => {
            let server = StaticServer::start(dist.clone());
            keystroke_timings(&server.url()).await;
            return;
        }
        Ok("images") => {
            let server = StaticServer::start(dist.clone());
            images::image_figures(&server.url()).await;
            return;
        }
        Ok("site") => {
            let server = StaticServer::start(dist.clone());
            site::site_figures(&server.url()).await;
            return;
        }
        Ok("frames") => {
            let server = StaticServer::start(dist.clone());
            frames::frame_figures(&server.url()).await;
            return;
        }
        Ok("slow4g") => {
            frames::throttled_load_figures(&dist, 3).await;
            return;
        }
        Ok("find") => {
            let server = StaticServer::start(dist.clone());
            find::find_figures(&server.url()).await;
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
    print_marks("Cold load from 127.0.0.1 in fresh profiles", times);
    let offline = offline_time_to_editable(&dist).await;
    print_marks(
        "Offline reloads (service worker cache, origin stopped)",
        offline,
    );
    frames::throttled_load_figures(&dist, 3).await;
    form_edit_timings(&server.url()).await;
    frames::frame_figures(&server.url()).await;
    keystroke_timings(&server.url()).await;
    save_timings(&server.url()).await;
    backup_figures(&server.url()).await;
    images::image_figures(&server.url()).await;
    site::site_figures(&server.url()).await;
    find::find_figures(&server.url()).await;
}
