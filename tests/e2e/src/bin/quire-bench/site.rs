//! Site figures: listing a Jekyll site of 2,000 posts (an origin-private folder handed
//! over as the folder picker would): time to the first posts shown, to the whole list,
//! and the longest task meanwhile (the page must not freeze).

use super::{editable_mark, numbers, open_app};

/// Posts in the generated site.
const POSTS: usize = 2000;

/// Fill the private folder `site` with a Jekyll site of `arguments[0]` posts (about
/// 1.5 KB each), and hand it to the page's folder picker.
const FILL_SCRIPT: &str = "
const [posts, done] = arguments;
(async () => {
  const root = await navigator.storage.getDirectory();
  try { await root.removeEntry('site', {recursive: true}); } catch (e) {}
  const site = await root.getDirectoryHandle('site', {create: true});
  const write = async (dir, name, text) => {
    const w = await (await dir.getFileHandle(name, {create: true})).createWritable();
    await w.write(text); await w.close();
  };
  await write(site, '_config.yml', 'title: Bench\\n');
  const postsDir = await site.getDirectoryHandle('_posts', {create: true});
  const body = 'Some words of a post, with [a link](https://example.org) and *emphasis*.\\n\\n'.repeat(18);
  for (let i = 0; i < posts; i++) {
    const d = new Date(Date.UTC(2010, 0, 1) + i * 86400000).toISOString().slice(0, 10);
    await write(postsDir, `${d}-post-${i}.md`, `---\\nlayout: post\\ntitle: Post number ${i}\\ndate: ${d}\\ntags: [bench]\\n---\\n${body}`);
  }
  window.showDirectoryPicker = async () => root.getDirectoryHandle('site');
  return posts;
})().then(done, e => done(String(e)));
";

/// Click `site-open` and time the list. Returns [ms to the first post shown, ms to the
/// list complete (the app's measure), posts listed (the list shows the newest 200 and
/// says how many there are), longest task ms, long tasks, ms to the
/// files found (the folder walked)].
const LIST_SCRIPT: &str = "
const [done] = arguments;
const tasks = [];
const observer = new PerformanceObserver(list => list.getEntries().forEach(e => tasks.push(e.duration)));
try { observer.observe({type: 'longtask'}); } catch (e) {}
performance.clearMeasures('quire:site-list');
const start = performance.now();
let first = null, walked = null;
document.querySelector('[data-testid=site-open]').click();
const look = () => {
  const now = performance.now();
  const shown = document.querySelectorAll('[data-testid=site-post-item]').length;
  if (first === null && shown > 0) first = now - start;
  const progress = document.querySelector('[data-testid=site-progress]');
  if (walked === null && progress && progress.textContent.includes('Reading')) walked = now - start;
  const m = performance.getEntriesByName('quire:site-list');
  if (m.length && !document.querySelector('[data-testid=site-progress]')) {
    observer.disconnect();
    const more = document.querySelector('[data-testid=site-posts-more]');
    const listed = more ? Number((more.textContent.match(/of (\\d+)/) || [0, -1])[1]) : shown;
    done([first, m[0].duration, listed, tasks.length ? Math.max(...tasks) : 0, tasks.length, walked]);
  } else setTimeout(look, 5);
};
look();
";

/// The floor: the same files read by plain JavaScript, 50 at a time (handles found
/// first, as the app does). Returns [ms to walk, ms to read].
const FLOOR_SCRIPT: &str = "
const [done] = arguments;
(async () => {
  const t0 = performance.now();
  const site = await (await navigator.storage.getDirectory()).getDirectoryHandle('site');
  const posts = await site.getDirectoryHandle('_posts');
  const handles = [];
  for await (const h of posts.values()) handles.push(h);
  const t1 = performance.now();
  for (let i = 0; i < handles.length; i += 50) {
    await Promise.all(handles.slice(i, i + 50).map(async h => (await h.getFile()).arrayBuffer()));
  }
  return [t1 - t0, performance.now() - t1];
})().then(done, e => done(String(e)));
";

/// Print the listing figures for a site of [`POSTS`] posts.
pub async fn site_figures(base_url: &str) {
    let (_driver, client) = open_app(base_url).await;
    editable_mark(&client).await;
    let filled = client
        .execute_async(FILL_SCRIPT, vec![serde_json::json!(POSTS)])
        .await
        .unwrap_or_else(|e| panic!("making the bench site: {e}"));
    assert_eq!(
        filled,
        serde_json::json!(POSTS),
        "making the bench site: {filled}"
    );
    let value = client
        .execute_async(LIST_SCRIPT, vec![])
        .await
        .unwrap_or_else(|e| panic!("listing the bench site: {e}"));
    let got = numbers(&value);
    assert_eq!(got.len(), 6, "the listing bench failed: {value}");
    println!("\nListing a Jekyll site of {POSTS} posts (1.5 KB each, origin-private folder):");
    println!(
        "  files found (folder walked): {:.1} ms after the click",
        got[5]
    );
    println!("  first posts shown: {:.1} ms after the click", got[0]);
    println!(
        "  whole list read: {:.1} ms ({} posts listed)",
        got[1], got[2]
    );
    println!(
        "  longest task meanwhile: {:.1} ms ({} tasks over 50 ms)",
        got[3], got[4]
    );
    let floor = client
        .execute_async(FLOOR_SCRIPT, vec![])
        .await
        .unwrap_or_else(|e| panic!("timing plain reads: {e}"));
    let floor = numbers(&floor);
    if floor.len() == 2 {
        println!(
            "  the browser's floor (plain JavaScript, same files): walk {:.1} ms, read {:.1} ms",
            floor[0], floor[1]
        );
    }
    let _ = client.close().await;
}
