//! The system clipboard.

use wasm_bindgen_futures::JsFuture;

use super::BrowserError;

/// Put `text` on the clipboard.
pub async fn write_text(text: &str) -> Result<(), BrowserError> {
    let window = web_sys::window().ok_or(BrowserError::NoWindow)?;
    let navigator = window.navigator();
    if !js_sys::Reflect::has(&navigator, &"clipboard".into()).unwrap_or(false) {
        return Err(BrowserError::Unsupported("the clipboard"));
    }
    JsFuture::from(navigator.clipboard().write_text(text))
        .await
        .map(|_| ())
        .map_err(BrowserError::from_js)
}
