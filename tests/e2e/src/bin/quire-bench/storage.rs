//! Storage figures: a draft save at 10 KB and 1 MB, the revision kept when a 1 MB draft
//! opens, the largest draft localStorage takes, the export-all backup of 100 drafts.

use std::time::Duration;

use quire_e2e::{Driver, WAIT};

use super::{editable_mark, kb, numbers, open_app, summary};

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
pub async fn backup_figures(base_url: &str) {
    let dir = std::env::temp_dir().join(format!("quire-bench-backup-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::create_dir_all(&dir);
    let (_driver, client) =
        Driver::session(quire_e2e::capabilities_with_prefs(serde_json::json!({
            "download.default_directory": dir.to_string_lossy(),
            "download.prompt_for_download": false,
            "profile.default_content_setting_values.automatic_downloads": 1,
        })))
        .await;
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
        // The backup is made asynchronously (its images are read from the store).
        let measured = client
            .execute_async(
                "const done = arguments[0];
                 performance.clearMeasures('quire:backup');
                 document.querySelector('[data-testid=export-all]').click();
                 const look = () => {
                   const m = performance.getEntriesByName('quire:backup');
                   m.length ? done(m.map(x => x.duration)) : setTimeout(look, 5);
                 };
                 look();",
                vec![],
            )
            .await
            .unwrap_or_else(|e| panic!("making the backup: {e}"));
        times.extend(numbers(&measured));
        let deadline = std::time::Instant::now() + WAIT;
        loop {
            let zips: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)
                .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
                .unwrap_or_default();
            // Chromium may reserve the final name (an empty file) while the bytes still go
            // to a `.crdownload` file: count the zips only when none is in progress.
            let in_progress = zips
                .iter()
                .any(|p| p.extension().is_some_and(|e| e == "crdownload"));
            let zips: Vec<_> = zips
                .into_iter()
                .filter(|p| p.extension().is_some_and(|e| e == "zip"))
                .collect();
            if !in_progress && zips.len() > run {
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

pub async fn save_timings(base_url: &str) {
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
        summary(label, numbers(&value));
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
