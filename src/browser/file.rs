//! Reading a file the writer chose.

use super::BrowserError;

/// The bytes of `file`.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, BrowserError> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(BrowserError::from_js)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
