//! Reading a file the writer chose.

use super::BrowserError;

/// The file chosen in a file input: its name, and its bytes or why they could not be read.
/// The input is cleared, so that choosing the same file again opens it again.
pub async fn take_chosen(
    input: &web_sys::HtmlInputElement,
) -> Option<(String, Result<Vec<u8>, BrowserError>)> {
    let file = input.files().and_then(|files| files.get(0))?;
    input.set_value("");
    Some(read(&file).await)
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
    let bytes = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec())
        .map_err(BrowserError::from_js);
    (file.name(), bytes)
}
