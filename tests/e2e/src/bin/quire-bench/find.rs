//! Find and replace figures on a 1 MB post: the time to count the matches of a common
//! word and of regular expressions, and the longest task meanwhile (counting goes a piece
//! at a time, so the page keeps painting); "replace all" and its undo.

use super::{editable_mark, numbers, open_app};

/// Load a 1 MB post (16,000 lines) and open the find bar.
const LOAD_SCRIPT: &str = "
const [done] = arguments;
const line = 'The cat sat on the mat; the CAT, the cat-flap and concatenation, briefly.\\n';
window.original = '---\\ntitle: Find bench\\n---\\n' + line.repeat(Math.ceil(1048576 / line.length));
const ed = document.querySelector('[data-testid=editor]');
ed.value = window.original;
ed.dispatchEvent(new Event('input', { bubbles: true }));
document.querySelector('[data-testid=find-open]').click();
const wait = () => document.querySelector('[data-testid=find-input]') ? done(window.original.length) : setTimeout(wait, 5);
wait();
";

/// Type `arguments[0]` (with the regular-expression box set to `arguments[1]`) and time
/// the count. Returns [ms to the final count, longest frame ms, frames over 50 ms, the
/// count's text].
const COUNT_SCRIPT: &str = "
const [pattern, regex, done] = arguments;
const box = document.querySelector('[data-testid=find-regex]');
if (box.checked !== regex) box.click();
const input = document.querySelector('[data-testid=find-input]');
input.value = ''; input.dispatchEvent(new Event('input', { bubbles: true }));
setTimeout(() => {
  // Long animation frames: script and the browser's own rendering, over 50 ms.
  const frames = [];
  const observer = new PerformanceObserver(l => l.getEntries().forEach(e => frames.push(e.duration)));
  try { observer.observe({ type: 'long-animation-frame' }); } catch (e) {}
  const start = performance.now();
  input.value = pattern; input.dispatchEvent(new Event('input', { bubbles: true }));
  const look = () => {
    const text = document.querySelector('[data-testid=find-count]').textContent;
    if (text && !text.startsWith('Counting')) {
      const ms = performance.now() - start;
      setTimeout(() => {
        observer.disconnect();
        done([ms, frames.length ? Math.max(...frames) : 0, frames.length, text]);
      }, 100);
    } else setTimeout(look, 2);
  };
  look();
}, 300);
";

/// The baseline: a character typed into another field of the page (the drafts filter)
/// while the 1 MB post is open. Returns [longest frame ms, frames over 50 ms].
const BASELINE_SCRIPT: &str = "
const [done] = arguments;
const frames = [];
const observer = new PerformanceObserver(l => l.getEntries().forEach(e => frames.push(e.duration)));
try { observer.observe({ type: 'long-animation-frame' }); } catch (e) {}
const input = document.querySelector('[data-testid=draft-filter]');
input.value = 'q'; input.dispatchEvent(new Event('input', { bubbles: true }));
setTimeout(() => {
  input.value = ''; input.dispatchEvent(new Event('input', { bubbles: true }));
  setTimeout(() => { observer.disconnect(); done([frames.length ? Math.max(...frames) : 0, frames.length]); }, 1500);
}, 1500);
";

/// Replace every whole-word `cat` with `dog`, then undo. Returns [ms to replaced, ms to
/// undone, matches replaced].
const REPLACE_SCRIPT: &str = "
const [done] = arguments;
const input = document.querySelector('[data-testid=find-input]');
const box = document.querySelector('[data-testid=find-regex]');
if (box.checked) box.click();
const word = document.querySelector('[data-testid=find-word]');
if (!word.checked) word.click();
input.value = 'cat'; input.dispatchEvent(new Event('input', { bubbles: true }));
const replace = document.querySelector('[data-testid=replace-input]');
replace.value = 'dog'; replace.dispatchEvent(new Event('input', { bubbles: true }));
const ed = document.querySelector('[data-testid=editor]');
setTimeout(() => {
  const start = performance.now();
  document.querySelector('[data-testid=replace-all]').click();
  const replaced = performance.now() - start;
  const n = Number((document.querySelector('[data-testid=find-count]').textContent.match(/\\d+/) || [-1])[0]);
  const t1 = performance.now();
  ed.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true, cancelable: true }));
  const undone = performance.now() - t1;
  done([replaced, ed.value === window.original ? undone : -1, n]);
}, 300);
";

/// Print the find figures.
pub async fn find_figures(base_url: &str) {
    let (_driver, client) = open_app(base_url).await;
    editable_mark(&client).await;
    let loaded = client
        .execute_async(LOAD_SCRIPT, vec![])
        .await
        .unwrap_or_else(|e| panic!("loading the 1 MB post: {e}"));
    println!(
        "\nFind and replace in a 1 MB post ({} bytes, lines of 76 bytes):",
        loaded
    );
    let value = client
        .execute_async(BASELINE_SCRIPT, vec![])
        .await
        .unwrap_or_else(|e| panic!("typing in the filter: {e}"));
    let got = numbers(&value);
    println!(
        "  baseline, typing in another field (the drafts filter): longest frame {:.1} ms, {} frames over 50 ms",
        got.first().copied().unwrap_or(-1.0),
        got.get(1).copied().unwrap_or(-1.0)
    );
    for (pattern, regex, what) in [
        ("the", false, "plain word, 4 in every line"),
        ("zzz", false, "plain, no match"),
        (r"c[a-z]+t\b", true, "regular expression"),
        ("z{3}", true, "regular expression, no match"),
    ] {
        let value = client
            .execute_async(
                COUNT_SCRIPT,
                vec![serde_json::json!(pattern), serde_json::json!(regex)],
            )
            .await
            .unwrap_or_else(|e| panic!("counting {pattern}: {e}"));
        let got = numbers(&value);
        println!(
            "  {pattern:<12} ({what}): counted in {:.1} ms ({}); longest frame {:.1} ms, {} frames over 50 ms",
            got.first().copied().unwrap_or(-1.0),
            value[3].as_str().unwrap_or("?"),
            got.get(1).copied().unwrap_or(-1.0),
            got.get(2).copied().unwrap_or(-1.0),
        );
    }
    let value = client
        .execute_async(REPLACE_SCRIPT, vec![])
        .await
        .unwrap_or_else(|e| panic!("replacing all: {e}"));
    let got = numbers(&value);
    println!(
        "  replace all `cat` (whole words, {} matches): {:.1} ms; its undo: {:.1} ms",
        got.get(2).copied().unwrap_or(-1.0),
        got.first().copied().unwrap_or(-1.0),
        got.get(1).copied().unwrap_or(-1.0)
    );
    let _ = client.close().await;
}
