//! Issue 18's measures: a keystroke's painted frame in Quire against a bare `<textarea>`
//! page (same text, no handlers, no preview) in the same run, and a cold first visit on a
//! throttled link (Lighthouse's slow 4G: 1.6 Mbit/s, 150 ms round trips) from a server that
//! behaves like a static host (brotli, ETag, max-age).

use std::path::Path;
use std::time::Duration;

use quire_e2e::{capabilities, capabilities_traced, cdp, trace_events, Driver, StaticServer, WAIT};

use super::{app_marks, numbers, summary};

/// The bare page: a textarea filling the window, nothing else.
const BARE_PAGE: &str = "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>
<title>bare textarea</title><style>html,body{height:100%;margin:0}
textarea{box-sizing:border-box;width:100%;height:100%;font:15px/1.6 monospace;padding:16px}</style>
</head><body><textarea data-testid=editor aria-label=text></textarea></body></html>";

/// Load a post of `size` bytes into the page's `[data-testid=editor]`, then type single
/// characters in its middle; per keystroke, the time from the keystroke to the next frame
/// painted (a task queued from the frame's `requestAnimationFrame` runs after its paint),
/// and the keystroke's own task (`beforeinput`, the insertion, `input` and its handlers).
/// A writer's keystrokes fall anywhere between two frames, so the pause after each frame
/// steps through a frame interval (30 + 0..16 ms): with a fixed pause every keystroke would
/// land at the same point of the interval, and a frame's cost would show only as whether
/// it crossed that one deadline (a difference of 0 or 16.7 ms).
const FRAME_SCRIPT: &str = r#"
const [size, samples, box, extra, done] = arguments;
const ed = document.querySelector('[data-testid=editor]');
// The bare page sized as Quire's editor: its box and font, set before the text.
if (box) ed.style.cssText = box;
const style = getComputedStyle(ed);
const rect = ed.getBoundingClientRect();
const own_box = `position:absolute;left:0;top:0;box-sizing:border-box;width:${rect.width}px;height:${rect.height}px;padding:${style.padding};font:${style.font};tab-size:${style.tabSize};border:0`;
const section = (i) => `## Section ${i}\n\nA paragraph of an ordinary post, with *emphasis*, a [link](https://example.org/${i}) and a little code. It goes on for a while, as paragraphs in long posts do, with more words.\n\n- a list item\n- another item with **bold**\n\n> A quotation, briefly.\n\n`;
let doc = '---\ntitle: Frame bench\n---\n' + (extra || '');
for (let i = 0; doc.length < size; i++) doc += section(i);
ed.value = doc;
ed.dispatchEvent(new Event('input', { bubbles: true }));
const frames = [], tasks = [];
let pos = doc.indexOf('\n\n- a list', doc.length / 2);
const once = (i) => {
  if (i >= samples) { done({ frames, tasks, box: own_box }); return; }
  ed.focus();
  ed.setSelectionRange(pos, pos);
  // A keystroke as the browser makes one: `beforeinput`, then the edit, which fires
  // `input` (an editing command alone fires no `beforeinput`).
  const t0 = performance.now();
  performance.mark('quire-bench-key');
  ed.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertText', data: 'x', bubbles: true, cancelable: true }));
  document.execCommand('insertText', false, 'x');
  tasks.push(performance.now() - t0);
  pos += 1;
  requestAnimationFrame(() => setTimeout(() => {
    frames.push(performance.now() - t0);
    setTimeout(() => once(i + 1), 30 + (i * 7) % 17);
  }, 0));
};
setTimeout(() => once(0), 1500);
"#;

/// What one session of typing gave: ms to the next frame painted and ms of the keystroke's
/// own task, per keystroke, and the editor's box and font as CSS (for the sized bare page).
struct Typing {
    frames: Vec<f64>,
    tasks: Vec<f64>,
    editor_box: String,
}

/// Type in the page at `url` holding `size` bytes; `editor_box` (CSS) is set on its editor
/// first when given.
async fn frame_times(url: &str, size: usize, editor_box: Option<&str>) -> Typing {
    type_in(url, size, editor_box, None, false).await.0
}

/// The same, in a session that keeps Chromium's trace when `traced`: then also the means
/// per keystroke of the main thread's phases ([`PHASES`]); `extra` (Markdown) opens the
/// post when given.
async fn type_in(
    url: &str,
    size: usize,
    editor_box: Option<&str>,
    extra: Option<&str>,
    traced: bool,
) -> (Typing, Vec<f64>) {
    let caps = if traced {
        // More categories for a dumped trace, e.g.
        // `disabled-by-default-devtools.timeline.invalidationTracking`.
        let more = std::env::var("QUIRE_BENCH_TRACE_MORE").unwrap_or_default();
        let categories = ["devtools.timeline,blink.user_timing", more.as_str()]
            .iter()
            .filter(|c| !c.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(",");
        capabilities_traced(&categories)
    } else {
        capabilities()
    };
    let (_driver, client) = Driver::session(caps).await;
    client
        .goto(url)
        .await
        .unwrap_or_else(|e| panic!("opening {url}: {e}"));
    client
        .wait()
        .at_most(WAIT)
        .for_element(fantoccini::Locator::Css("[data-testid=editor]"))
        .await
        .unwrap_or_else(|e| panic!("no editor at {url}: {e}"));
    let timeouts =
        fantoccini::wd::TimeoutConfiguration::new(Some(Duration::from_secs(300)), None, None);
    let _ = client.update_timeouts(timeouts).await;
    let value = client
        .execute_async(
            FRAME_SCRIPT,
            vec![
                serde_json::json!(size),
                serde_json::json!(SAMPLES),
                serde_json::json!(editor_box),
                serde_json::json!(extra),
            ],
        )
        .await
        .unwrap_or_else(|e| panic!("typing at {url}: {e}"));
    let phases = if traced {
        let events = trace_events(&client)
            .await
            .unwrap_or_else(|e| panic!("reading the trace at {url}: {e}"));
        dump_trace(url, &events);
        phase_means(&events)
    } else {
        Vec::new()
    };
    let _ = client.close().await;
    let typing = Typing {
        frames: numbers(&value["frames"]),
        tasks: numbers(&value["tasks"]),
        editor_box: value["box"].as_str().unwrap_or_default().to_string(),
    };
    (typing, phases)
}

/// With `QUIRE_BENCH_TRACE_DIR` set, write each traced session's events there as a JSON
/// array (one file per page, named after its port), for reading in a trace viewer.
fn dump_trace(url: &str, events: &[serde_json::Value]) {
    let Some(dir) = std::env::var_os("QUIRE_BENCH_TRACE_DIR") else {
        return;
    };
    let name: String = url.chars().filter(char::is_ascii_alphanumeric).collect();
    let path = std::path::Path::new(&dir).join(format!("trace-{name}.json"));
    let json = serde_json::json!({ "traceEvents": events });
    match std::fs::write(&path, json.to_string()) {
        Ok(()) => println!("  trace written to {}", path.display()),
        Err(e) => println!(
            "  the trace could not be written to {}: {e}",
            path.display()
        ),
    }
}

/// The main thread's phases of a keystroke and its frame, as Chromium's trace names them.
const PHASES: [(&str, &str); 7] = [
    (
        "EventDispatch",
        "event handlers (beforeinput, input, selectionchange)",
    ),
    (
        "Layout",
        "layout (the textarea's, in the insertion; the preview's)",
    ),
    ("UpdateLayoutTree", "style"),
    ("FireAnimationFrame", "animation frame callbacks"),
    ("PrePaint", "pre-paint"),
    ("Paint", "paint (recording)"),
    ("Layerize", "layerize"),
];

/// Means per keystroke (ms) of each of [`PHASES`] on the thread that marked the keystrokes,
/// from one mark to the next; a phase inside another of the same name counts once (one of
/// another name is counted in both: a layout forced in an animation frame callback is in
/// both of those figures).
fn phase_means(events: &[serde_json::Value]) -> Vec<f64> {
    let mark = events
        .iter()
        .find(|e| e["name"] == "quire-bench-key")
        .map(|e| (e["pid"].clone(), e["tid"].clone()));
    let Some((pid, tid)) = mark else {
        return Vec::new();
    };
    let on_main = |e: &&serde_json::Value| e["pid"] == pid && e["tid"] == tid;
    let mut marks: Vec<f64> = events
        .iter()
        .filter(on_main)
        .filter(|e| e["name"] == "quire-bench-key")
        .filter_map(|e| e["ts"].as_f64())
        .collect();
    marks.sort_by(f64::total_cmp);
    marks.dedup();
    let (Some(&first), Some(&last)) = (marks.first(), marks.last()) else {
        return Vec::new();
    };
    let windows = (marks.len() - 1).max(1) as f64;
    let mut spans: Vec<(usize, f64, f64)> = events
        .iter()
        .filter(on_main)
        .filter(|e| e["ph"] == "X")
        .filter_map(|e| {
            let phase = PHASES.iter().position(|(name, _)| e["name"] == *name)?;
            Some((phase, e["ts"].as_f64()?, e["dur"].as_f64().unwrap_or(0.0)))
        })
        .filter(|(_, ts, _)| (first..last).contains(ts))
        .collect();
    spans.sort_by(|a, b| a.1.total_cmp(&b.1));
    let mut sums = vec![0.0; PHASES.len()];
    let mut ends = vec![f64::NEG_INFINITY; PHASES.len()];
    for (phase, ts, dur) in spans {
        if ts >= ends[phase] {
            sums[phase] += dur / 1000.0;
            ends[phase] = ts + dur;
        }
    }
    sums.iter().map(|s| s / windows).collect()
}

/// Keystrokes per session; each page is typed in `SESSIONS` sessions, taken in turn, and
/// their samples pooled (one session's median can move by a few ms from the next's).
const SAMPLES: usize = 80;
const SESSIONS: usize = 4;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Print the keystroke frames of Quire and of two bare pages, at 10 KB, 100 KB and 1 MB: the
/// bare textarea filling the window (the issue's measure), and one the size of Quire's
/// editor beside its panels and preview (its box and font copied from Quire's in the same
/// run). A textarea's keystroke costs the layout of all its text, so the second keeps the
/// editor's size out of the comparison: it shows what Quire's own code, panels and
/// preview add.
pub async fn frame_figures(base_url: &str) {
    let bare_dir = std::env::temp_dir().join(format!("quire-bare-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&bare_dir);
    std::fs::write(bare_dir.join("index.html"), BARE_PAGE)
        .unwrap_or_else(|e| panic!("writing the bare page: {e}"));
    let bare = StaticServer::start(bare_dir.clone());
    println!(
        "\nKeystroke to the next frame painted (1280x900, typing in the middle of the post; \
         {SESSIONS} sessions of {SAMPLES} keystrokes per page):"
    );
    for size in sizes_kb("QUIRE_BENCH_FRAME_KB", &[10, 100, 1000]) {
        let label = size_label(size);
        let size = size * 1000;
        let mut pages: [(&str, Vec<f64>, Vec<f64>); 3] = [
            ("Quire", Vec::new(), Vec::new()),
            ("bare textarea", Vec::new(), Vec::new()),
            ("bare textarea, editor's size", Vec::new(), Vec::new()),
        ];
        // Per round, Quire's session median less each bare page's (sessions next to each
        // other in time, so a slower spell of the machine weighs on both).
        let mut paired: [Vec<f64>; 2] = [Vec::new(), Vec::new()];
        for _ in 0..SESSIONS {
            let quire = frame_times(base_url, size, None).await;
            let plain = frame_times(&bare.url(), size, None).await;
            let sized = frame_times(&bare.url(), size, Some(&quire.editor_box)).await;
            let own = median(quire.frames.clone());
            paired[0].push(own - median(plain.frames.clone()));
            paired[1].push(own - median(sized.frames.clone()));
            for (page, typing) in pages.iter_mut().zip([quire, plain, sized]) {
                page.1.extend(typing.frames);
                page.2.extend(typing.tasks);
            }
        }
        for (name, frames, tasks) in &pages {
            summary(&format!("{label}, {name}"), frames.clone());
            summary(
                &format!("{label}, {name}, the keystroke's task"),
                tasks.clone(),
            );
        }
        let medians: Vec<f64> = pages.iter().map(|p| median(p.1.clone())).collect();
        for (i, against) in ["bare", "bare of the editor's size"].iter().enumerate() {
            let (q, p) = (medians[0], medians[i + 1]);
            println!(
                "  {label}: Quire - {against} = {:+.1} ms, Quire / {against} = {:.2}x (medians)",
                q - p,
                q / p.max(0.001)
            );
            let shown: Vec<String> = paired[i].iter().map(|d| format!("{d:+.1}")).collect();
            println!(
                "  {label}: Quire - {against}, session by session (medians, ms): {}",
                shown.join(", ")
            );
        }
    }
    for size in sizes_kb("QUIRE_BENCH_FOOTNOTE_KB", &[100]) {
        footnote_figures(base_url, size).await;
    }
    for size in sizes_kb("QUIRE_BENCH_PHASES_KB", &[100]) {
        phase_figures(base_url, &bare.url(), size * 1000).await;
    }
    let _ = std::fs::remove_dir_all(&bare_dir);
}

/// A footnote in the post: the Jekyll flavour numbers the notes across the body and lists
/// them at its end (filled in across the body after each change, the rest rendered by
/// window). Print the keystroke frame of the same post with one footnote and without,
/// sessions taken in turn.
async fn footnote_figures(base_url: &str, kb: usize) {
    const NOTE: &str = "A note[^n].\n\n[^n]: The note.\n\n";
    let label = size_label(kb);
    let (mut with, mut without) = (Vec::new(), Vec::new());
    for _ in 0..SESSIONS / 2 {
        with.extend(
            type_in(base_url, kb * 1000, None, Some(NOTE), false)
                .await
                .0
                .frames,
        );
        without.extend(frame_times(base_url, kb * 1000, None).await.frames);
    }
    summary(&format!("{label} with one footnote, Quire"), with.clone());
    summary(&format!("{label} without, Quire"), without.clone());
    println!(
        "  {label}: a footnote adds {:+.1} ms to a keystroke's frame (medians)",
        median(with) - median(without)
    );
}

/// The post sizes (KB) named by the variable `var` (e.g. `100,1000`; `0` for none: that
/// part is left out), or `default` when it is not set.
fn sizes_kb(var: &str, default: &[usize]) -> Vec<usize> {
    match std::env::var(var) {
        Ok(named) => named
            .split(',')
            .filter_map(|kb| kb.trim().parse().ok())
            .filter(|&kb| kb > 0)
            .collect(),
        Err(_) => default.to_vec(),
    }
}

/// "10 KB", "1 MB".
fn size_label(kb: usize) -> String {
    if kb >= 1000 && kb.is_multiple_of(1000) {
        format!("{} MB", kb / 1000)
    } else {
        format!("{kb} KB")
    }
}

/// Print where a keystroke's time goes at `size` (Chromium's trace, one session per page).
async fn phase_figures(base_url: &str, bare_url: &str, size: usize) {
    let (quire, quire_phases) = type_in(base_url, size, None, None, true).await;
    let (_, bare_phases) = type_in(bare_url, size, None, None, true).await;
    let (_, sized_phases) = type_in(bare_url, size, Some(&quire.editor_box), None, true).await;
    if quire_phases.is_empty() || bare_phases.is_empty() || sized_phases.is_empty() {
        println!("  the trace held no keystrokes: no figures per phase");
        return;
    }
    println!(
        "\nWhere a keystroke's time goes at {} KB (Chromium's trace of the main thread, means \
         per keystroke of {SAMPLES}): Quire / bare textarea / bare of the editor's size",
        size / 1000
    );
    for (i, (_, what)) in PHASES.iter().enumerate() {
        println!(
            "  {what}: {:.2} / {:.2} / {:.2} ms",
            quire_phases[i], bare_phases[i], sized_phases[i]
        );
    }
}

/// One cold visit through the throttled link: [ms to editable, ms to the app started,
/// bytes fetched (transfer size) by editable, by started, in all].
const BYTES_SCRIPT: &str = "
const editable = performance.getEntriesByName('quire:editable')[0].startTime;
const started = performance.getEntriesByName('quire:started')[0].startTime;
const entries = [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')];
let before = 0, by_start = 0, all = 0;
for (const e of entries) {
  all += e.transferSize;
  if (e.responseEnd <= editable) before += e.transferSize;
  if (e.responseEnd <= started) by_start += e.transferSize;
}
return [editable, started, before, by_start, all];
";

/// Print the cold first visit on slow 4G, `runs` times in fresh profiles.
pub async fn throttled_load_figures(dist: &Path, runs: usize) {
    let server = StaticServer::start_like_pages(dist.to_path_buf());
    let mut editable = Vec::new();
    let mut started = Vec::new();
    let mut before = Vec::new();
    let mut by_start = Vec::new();
    let mut all = Vec::new();
    for _ in 0..runs {
        let (_driver, client) = Driver::session(capabilities()).await;
        let _ = cdp(&client, "Network.enable", serde_json::json!({})).await;
        cdp(
            &client,
            "Network.emulateNetworkConditions",
            serde_json::json!({
                "offline": false,
                "latency": 150,
                "downloadThroughput": 1_600_000.0 / 8.0,
                "uploadThroughput": 750_000.0 / 8.0,
            }),
        )
        .await
        .unwrap_or_else(|e| panic!("throttling the network: {e}"));
        client
            .goto(&server.url())
            .await
            .unwrap_or_else(|e| panic!("opening the app: {e}"));
        let _ = app_marks(&client).await;
        let value = client
            .execute(BYTES_SCRIPT, vec![])
            .await
            .unwrap_or_else(|e| panic!("reading the load's figures: {e}"));
        if let [e, s, b, bs, a] = numbers(&value)[..] {
            editable.push(e);
            started.push(s);
            before.push(b / 1024.0);
            by_start.push(bs / 1024.0);
            all.push(a / 1024.0);
        }
        let _ = client.close().await;
    }
    println!(
        "\nCold first visit on slow 4G (1.6 Mbit/s, 150 ms RTT; brotli, ETag, max-age=600), {runs} runs:"
    );
    summary(
        "navigation start to editable (the page's own editor takes typing)",
        editable,
    );
    summary(
        "navigation start to the app started (took it over)",
        started,
    );
    println!(
        "  fetched (brotli, as sent), medians: before the editor took typing {:.1} KB; \
         before the app started {:.1} KB; in all {:.1} KB",
        median(before),
        median(by_start),
        median(all)
    );
}
