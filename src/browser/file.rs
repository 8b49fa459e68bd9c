//! Reading a file the writer chose.

use super::BrowserError;

/// The file chosen in a file input. The input is cleared, so that choosing the same file
/// again opens it again.
pub fn take_chosen(input: &web_sys::HtmlInputElement) -> Option<web_sys::File> {
    let file = input.files().and_then(|files| files.get(0))?;
    input.set_value("");
    Some(file)
}

/// Whether a drag carries files (rather than text moved within the page).
pub fn carries_files(ev: &web_sys::DragEvent) -> bool {
    ev.data_transfer()
        .is_some_and(|d| d.types().includes(&"Files".into(), 0))
}

/// The first file dropped with a drag-and-drop event, if it carries files.
pub fn dropped(ev: &web_sys::DragEvent) -> Option<web_sys::File> {
    ev.data_transfer()?.files()?.get(0)
}

/// A file's name, and its bytes or why they could not be read.
pub async fn read(file: &web_sys::File) -> (String, Result<Vec<u8>, BrowserError>) {
    read_with_progress(file, |_, _, _| {}).await
}

/// [`read`], calling `progress(name, done, total)` (bytes) before the first chunk and
/// after each; the page can paint between chunks.
pub async fn read_with_progress(
    file: &web_sys::File,
    mut progress: impl FnMut(&str, f64, f64),
) -> (String, Result<Vec<u8>, BrowserError>) {
    let name = file.name();
    let bytes = read_in_chunks(file, |done, total| progress(&name, done, total)).await;
    (name, bytes)
}

/// The largest file read at all: nothing Quire opens is this big, and reading a video or
/// a disk image into memory could take the page down.
const LARGEST: f64 = 64.0 * 1024.0 * 1024.0;

/// How much of a file is read at a time.
const CHUNK: f64 = 1024.0 * 1024.0;

/// Read `file` a chunk at a time, calling `progress(done, total)` (bytes) before the first
/// and after each. A file over [`LARGEST`] is refused unread.
async fn read_in_chunks(
    file: &web_sys::File,
    mut progress: impl FnMut(f64, f64),
) -> Result<Vec<u8>, BrowserError> {
    let total = file.size();
    if total > LARGEST {
        return Err(BrowserError::Js(format!(
            "at {:.0} MB it is far larger than any post or backup (Quire reads up to 64 MB)",
            total / 1_000_000.0
        )));
    }
    let mut bytes = vec![0; total as usize];
    let mut at = 0.0;
    progress(at, total);
    while at < total {
        let end = (at + CHUNK).min(total);
        let chunk = file
            .slice_with_f64_and_f64(at, end)
            .map_err(BrowserError::from_js)?;
        let buffer = wasm_bindgen_futures::JsFuture::from(chunk.array_buffer())
            .await
            .map_err(BrowserError::from_js)?;
        let view = js_sys::Uint8Array::new(&buffer);
        let into = bytes
            .get_mut(at as usize..end as usize)
            .filter(|into| into.len() == view.length() as usize)
            .ok_or(BrowserError::Js(
                "the file changed while it was read".into(),
            ))?;
        view.copy_to(into);
        at = end;
        progress(at, total);
    }
    Ok(bytes)
}
