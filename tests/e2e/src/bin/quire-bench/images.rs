//! Image figures: a 4 MB photo pasted into the editor, to its Markdown line inserted and to
//! the preview showing it decoded, and the storage it takes.

use super::{editable_mark, numbers, open_app, summary};

/// Make a JPEG photo of about 4 MB (noise over a gradient, which compresses like a
/// detailed photo), paste it at the editor's end with a real `paste` event, and time the
/// line and the preview. Returns [bytes, ms to the line, ms to the preview, ms of the
/// app's own `quire:image` measure, storage used before, after].
const PASTE_SCRIPT: &str = "
const [seed, done] = arguments;
(async () => {
  const photo = async (w, h) => {
    const c = document.createElement('canvas'); c.width = w; c.height = h;
    const g = c.getContext('2d'); const img = g.createImageData(w, h);
    let x = seed * 7919 + 1;
    for (let i = 0; i < img.data.length; i += 4) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      const p = (i / 4); const gx = (p % w) / w * 200;
      img.data[i] = gx + (x & 63); img.data[i + 1] = ((x >> 6) & 127) + 60; img.data[i + 2] = 255 - gx - ((x >> 13) & 31); img.data[i + 3] = 255;
    }
    g.putImageData(img, 0, 0);
    return await new Promise(r => c.toBlob(r, 'image/jpeg', 0.92));
  };
  let w = 1600, h = 1200, blob = await photo(w, h);
  for (let i = 0; i < 4 && Math.abs(blob.size - 4e6) > 2e5; i++) {
    const k = Math.sqrt(4e6 / blob.size); w = Math.round(w * k); h = Math.round(h * k);
    blob = await photo(w, h);
  }
  const before = (await navigator.storage.estimate()).usage;
  const ed = document.querySelector('[data-testid=editor]');
  ed.focus(); ed.setSelectionRange(ed.value.length, ed.value.length);
  const frame = document.querySelector('[data-testid=preview]').contentDocument;
  const shown = () => [...frame.querySelectorAll('img')].filter(i => i.src.startsWith('blob:') && i.complete && i.naturalWidth > 0).length;
  const count = shown();
  const lines = (ed.value.match(/!\\[/g) || []).length;
  performance.clearMeasures('quire:image');
  const data = new DataTransfer();
  data.items.add(new File([blob], 'photo-' + seed + '.jpg', {type: 'image/jpeg'}));
  const start = performance.now();
  ed.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
  let line = null;
  const look = async () => {
    const now = performance.now();
    if (line === null && (ed.value.match(/!\\[/g) || []).length > lines) line = now - start;
    if (line !== null && shown() > count) {
      const preview = now - start;
      const m = performance.getEntriesByName('quire:image');
      const after = (await navigator.storage.estimate()).usage;
      done([blob.size, line, preview, m.length ? m[0].duration : -1, before, after]);
    } else requestAnimationFrame(look);
  };
  look();
})().catch(e => done(String(e)));
";

/// Paste three 4 MB photos, one after another, and print the figures.
pub async fn image_figures(base_url: &str) {
    let (driver, client) = open_app(base_url).await;
    editable_mark(&client).await;
    let (mut lines, mut previews, mut own) = (Vec::new(), Vec::new(), Vec::new());
    let mut sizes = Vec::new();
    let mut used = Vec::new();
    for seed in 1..=3 {
        let value = client
            .execute_async(PASTE_SCRIPT, vec![serde_json::json!(seed)])
            .await
            .unwrap_or_else(|e| panic!("pasting a photo: {e}"));
        let got = numbers(&value);
        assert_eq!(got.len(), 6, "the paste bench failed: {value}");
        sizes.push(got[0]);
        lines.push(got[1]);
        previews.push(got[2]);
        own.push(got[3]);
        used.push(got[5] - got[4]);
    }
    println!(
        "\nPasting a photo ({} bytes each, JPEG), 3 pastes:",
        sizes
            .iter()
            .map(|s| format!("{s:.0}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    summary("paste to Markdown line inserted", lines);
    summary("paste to preview showing it decoded", previews);
    summary("the app's own part (read, check, hash, store, insert)", own);
    println!(
        "  storage used by each (navigator.storage.estimate before/after): {}",
        used.iter()
            .map(|u| format!("{:.2} MB", u / 1e6))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let _ = client.close().await;
    drop(driver);
}
