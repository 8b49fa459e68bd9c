//! Downloads: a file made in the page, saved by the browser under a given name.

use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

use super::BrowserError;

/// Offer `bytes` as a download named `name`, of type `mime`. The bytes are passed on as
/// they are: nothing is re-encoded.
pub fn download(name: &str, bytes: &[u8], mime: &str) -> Result<(), BrowserError> {
    let window = web_sys::window().ok_or(BrowserError::NoWindow)?;
    let document = window.document().ok_or(BrowserError::NoWindow)?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(BrowserError::from_js)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(BrowserError::from_js)?;
    let anchor: HtmlAnchorElement = document
        .create_element("a")
        .map_err(BrowserError::from_js)?
        .dyn_into()
        .map_err(|_| BrowserError::Unsupported("links"))?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    // The browser has taken the blob's bytes once the click is handled.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    window
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000)
        .map_err(BrowserError::from_js)?;
    Ok(())
}
