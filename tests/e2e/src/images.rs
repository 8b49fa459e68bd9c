//! Images for the tests: real PNG files made here (any decoder reads them), and the page
//! actions that bring them in as a writer does (a `paste` or `drop` event carrying the
//! file, the file input), and reading what the app stored in the origin-private file
//! system.

use serde_json::{json, Value};

use crate::{App, PREVIEW_JS};

/// A post of two paragraphs, for images to go between.
pub const POST: &str = "---\ntitle: Trip to Oslo\ndate: 2026-05-04\n---\nBefore.\n\nAfter.\n";

/// Where the caret goes in [`POST`]: the start of the blank line between the paragraphs.
pub fn between() -> usize {
    POST.find("Before.\n").expect("the paragraph") + "Before.\n".len()
}

/// A real `width`×`height` RGB PNG whose pixels depend on `seed` (so two seeds give two
/// different files), its image data in stored (uncompressed) deflate blocks.
pub fn png(width: u32, height: u32, seed: u8) -> Vec<u8> {
    let mut raw = Vec::with_capacity(((width * 3 + 1) * height) as usize);
    for y in 0..height {
        raw.push(0);
        for x in 0..width {
            raw.extend_from_slice(&[
                (x as u8).wrapping_mul(7) ^ seed,
                (y as u8).wrapping_mul(13),
                seed.wrapping_add((x ^ y) as u8),
            ]);
        }
    }
    let mut zlib = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = raw.chunks(65_535).collect();
    for (i, block) in blocks.iter().enumerate() {
        zlib.push(u8::from(i + 1 == blocks.len()));
        let len = block.len() as u16;
        zlib.extend_from_slice(&len.to_le_bytes());
        zlib.extend_from_slice(&(!len).to_le_bytes());
        zlib.extend_from_slice(block);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for byte in &raw {
        a = (a + *byte as u32) % 65_521;
        b = (b + a) % 65_521;
    }
    zlib.extend_from_slice(&((b << 16) | a).to_be_bytes());
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    chunk(&mut png, b"IHDR", &ihdr);
    chunk(&mut png, b"IDAT", &zlib);
    chunk(&mut png, b"IEND", &[]);
    png
}

fn chunk(png: &mut Vec<u8>, kind: &[u8], data: &[u8]) {
    png.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let mut body = kind.to_vec();
    body.extend_from_slice(data);
    png.extend_from_slice(&body);
    png.extend_from_slice(&crc32(&body).to_be_bytes());
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for byte in bytes {
        crc ^= *byte as u32;
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// JavaScript making `new File([bytes], name, {type})` from `arguments[0..3]`.
const FILE_JS: &str =
    "const file = new File([new Uint8Array(arguments[0])], arguments[1], {type: arguments[2]});";

impl App {
    /// Paste into the editor, at its caret, a clipboard holding the file `name` with
    /// `bytes` (and `html`, as a page copied with its image puts beside it): a real
    /// `paste` event, as the browser fires it.
    pub async fn paste_file(&self, name: &str, bytes: &[u8], mime: &str, html: &str) {
        let script = format!(
            "{FILE_JS}
             const data = new DataTransfer();
             data.items.add(file);
             if (arguments[3]) data.setData('text/html', arguments[3]);
             const editor = document.querySelector('[data-testid=editor]');
             editor.focus();
             const event = new ClipboardEvent('paste', {{clipboardData: data, bubbles: true, cancelable: true}});
             editor.dispatchEvent(event);
             return event.defaultPrevented;"
        );
        let taken = self
            .js(
                &script,
                vec![json!(bytes), json!(name), json!(mime), json!(html)],
            )
            .await;
        assert_eq!(
            taken,
            json!(true),
            "the editor did not take the pasted file"
        );
    }

    /// Drop the file `name` with `bytes` on the editor: real `dragover` and `drop` events.
    pub async fn drop_file(&self, name: &str, bytes: &[u8], mime: &str) {
        let script = format!(
            "{FILE_JS}
             const data = new DataTransfer();
             data.items.add(file);
             const editor = document.querySelector('[data-testid=editor]');
             const init = {{dataTransfer: data, bubbles: true, cancelable: true}};
             editor.dispatchEvent(new DragEvent('dragover', init));
             const drop = new DragEvent('drop', init);
             editor.dispatchEvent(drop);
             return drop.defaultPrevented;"
        );
        let taken = self
            .js(&script, vec![json!(bytes), json!(name), json!(mime)])
            .await;
        assert_eq!(
            taken,
            json!(true),
            "the editor did not take the dropped file"
        );
    }

    /// Paste the PNG `bytes` named `name` between the paragraphs of [`POST`] and wait until
    /// the editor links it as `linked` (its name as the app writes it).
    pub async fn paste_image_between(&self, name: &str, bytes: &[u8], linked: &str) {
        self.caret_at(between()).await;
        self.paste_file(name, bytes, "image/png", "").await;
        self.wait_until(
            "the pasted image linked",
            "return document.querySelector('[data-testid=editor]').value.includes(arguments[0])",
            vec![json!(linked)],
        )
        .await;
    }

    /// Put the caret at byte `at` of the editor's (ASCII) text.
    pub async fn caret_at(&self, at: usize) {
        self.js(
            "const e = document.querySelector('[data-testid=editor]');
             e.focus(); e.setSelectionRange(arguments[0], arguments[0]);
             e.dispatchEvent(new Event('keyup', {bubbles: true}));",
            vec![json!(at)],
        )
        .await;
    }

    /// The names of the files in the app's image store, sorted.
    pub async fn stored_images(&self) -> Vec<String> {
        let names = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 (async () => {
                   const root = await navigator.storage.getDirectory();
                   let folder;
                   try { folder = await root.getDirectoryHandle('images'); } catch (e) { return []; }
                   const names = [];
                   for await (const name of folder.keys()) names.push(name);
                   return names.sort();
                 })().then(done, e => done('error: ' + e));",
                vec![],
            )
            .await
            .unwrap_or_else(|e| panic!("listing the image store: {e}"));
        serde_json::from_value(names.clone())
            .unwrap_or_else(|_| panic!("the image store could not be listed: {names}"))
    }

    /// Wait until the image store holds exactly `names` (sorted).
    pub async fn wait_for_stored_images(&self, names: &[String]) {
        let deadline = std::time::Instant::now() + crate::WAIT;
        loop {
            let stored = self.stored_images().await;
            if stored == names {
                return;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "the image store holds {stored:?}, not {names:?}"
            );
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    }

    /// The bytes of stored image `sha256` (empty when it is not there).
    pub async fn stored_image(&self, sha256: &str) -> Vec<u8> {
        let bytes = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 (async () => {
                   const root = await navigator.storage.getDirectory();
                   const folder = await root.getDirectoryHandle('images');
                   const file = await (await folder.getFileHandle(arguments[0])).getFile();
                   return Array.from(new Uint8Array(await file.arrayBuffer()));
                 })().then(done, e => done([]));",
                vec![json!(sha256)],
            )
            .await
            .unwrap_or_else(|e| panic!("reading stored image {sha256}: {e}"));
        serde_json::from_value(bytes).unwrap_or_default()
    }

    /// Wait until the preview shows `n` images, each from a stored image (a `blob:`
    /// address) and decoded (`naturalWidth > 0`).
    pub async fn wait_for_stored_images_in_preview(&self, n: usize) {
        self.wait_until(
            &format!("{n} stored images decoded in the preview"),
            &format!(
                "const p = {PREVIEW_JS}; if (!p) return false;
                 const images = [...p.querySelectorAll('img')];
                 return images.length === arguments[0] && images.every(i =>
                   i.src.startsWith('blob:') && i.complete && i.naturalWidth > 0);"
            ),
            vec![json!(n)],
        )
        .await;
    }

    /// The `src` of each image in the preview.
    pub async fn preview_image_sources(&self) -> Vec<String> {
        let found: Value = self
            .js(
                &format!(
                    "const p = {PREVIEW_JS}; return p ? [...p.querySelectorAll('img')].map(i => i.getAttribute('src')) : []"
                ),
                vec![],
            )
            .await;
        serde_json::from_value(found).unwrap_or_default()
    }
}
