//! Image bytes in the origin-private file system (`navigator.storage.getDirectory()`),
//! one file per image named by its SHA-256 in the folder `images`; object URLs for the
//! preview; decoding, to refuse an image the browser cannot show; and shrinking, by
//! drawing on a canvas.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, BlobPropertyBag, FileSystemDirectoryHandle, FileSystemFileHandle,
    FileSystemGetDirectoryOptions, FileSystemGetFileOptions, HtmlCanvasElement, HtmlImageElement,
};

use super::BrowserError;

/// The folder of the origin-private file system holding the images.
const FOLDER: &str = "images";

/// The images folder, made if missing.
async fn folder() -> Result<FileSystemDirectoryHandle, BrowserError> {
    let window = web_sys::window().ok_or(BrowserError::NoWindow)?;
    let storage = window.navigator().storage();
    let root: FileSystemDirectoryHandle = JsFuture::from(storage.get_directory())
        .await
        .map_err(|_| BrowserError::Unsupported("a private file system for images"))?
        .unchecked_into();
    let options = FileSystemGetDirectoryOptions::new();
    options.set_create(true);
    Ok(
        JsFuture::from(root.get_directory_handle_with_options(FOLDER, &options))
            .await
            .map_err(BrowserError::from_js)?
            .unchecked_into(),
    )
}

/// The stored file `sha256`, or `None` when it is not there.
async fn handle(
    folder: &FileSystemDirectoryHandle,
    sha256: &str,
    create: bool,
) -> Result<Option<FileSystemFileHandle>, BrowserError> {
    let options = FileSystemGetFileOptions::new();
    options.set_create(create);
    match JsFuture::from(folder.get_file_handle_with_options(sha256, &options)).await {
        Ok(handle) => Ok(Some(handle.unchecked_into())),
        Err(err)
            if err
                .dyn_ref::<web_sys::DomException>()
                .is_some_and(|e| e.name() == "NotFoundError") =>
        {
            Ok(None)
        }
        Err(err) => Err(BrowserError::from_js(err)),
    }
}

/// Keep `bytes` as image `sha256`. A file already there is left as it is (same name,
/// same bytes); a write that fails (storage full) leaves nothing behind.
pub async fn put(sha256: &str, bytes: &[u8]) -> Result<(), BrowserError> {
    let folder = folder().await?;
    if let Some(existing) = handle(&folder, sha256, false).await? {
        let file: web_sys::File = JsFuture::from(existing.get_file())
            .await
            .map_err(BrowserError::from_js)?
            .unchecked_into();
        if file.size() as usize == bytes.len() {
            return Ok(());
        }
    }
    let file = handle(&folder, sha256, true)
        .await?
        .ok_or(BrowserError::Unsupported(
            "a private file system for images",
        ))?;
    let closed = super::save_file::write_handle(&file, bytes).await;
    if let Err(err) = closed {
        // An empty file may have been made before the write failed.
        let _ = JsFuture::from(folder.remove_entry(sha256)).await;
        return Err(err);
    }
    Ok(())
}

/// Image `sha256` as a blob of media type `mime`, or `None` when it is not stored.
pub async fn get(sha256: &str, mime: &str) -> Result<Option<Blob>, BrowserError> {
    let folder = folder().await?;
    let Some(handle) = handle(&folder, sha256, false).await? else {
        return Ok(None);
    };
    let file: Blob = JsFuture::from(handle.get_file())
        .await
        .map_err(BrowserError::from_js)?
        .unchecked_into();
    // The stored file has no type; an SVG is shown only with its own.
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    Blob::new_with_blob_sequence_and_options(&Array::of1(&file), &options)
        .map(Some)
        .map_err(BrowserError::from_js)
}

/// The bytes of image `sha256`, or `None` when it is not stored.
pub async fn read(sha256: &str) -> Result<Option<Vec<u8>>, BrowserError> {
    let Some(blob) = get(sha256, "application/octet-stream").await? else {
        return Ok(None);
    };
    Ok(Some(bytes_of(&blob).await?))
}

/// The bytes of a blob.
pub async fn bytes_of(blob: &Blob) -> Result<Vec<u8>, BrowserError> {
    let buffer = JsFuture::from(blob.array_buffer())
        .await
        .map_err(BrowserError::from_js)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Remove image `sha256` (nothing when it is not stored).
pub async fn remove(sha256: &str) -> Result<(), BrowserError> {
    let folder = folder().await?;
    match JsFuture::from(folder.remove_entry(sha256)).await {
        Ok(_) => Ok(()),
        Err(err)
            if err
                .dyn_ref::<web_sys::DomException>()
                .is_some_and(|e| e.name() == "NotFoundError") =>
        {
            Ok(())
        }
        Err(err) => Err(BrowserError::from_js(err)),
    }
}

/// The names of every stored file.
pub async fn list() -> Result<Vec<String>, BrowserError> {
    let folder = folder().await?;
    let keys = folder.keys();
    let mut names = Vec::new();
    loop {
        let step = JsFuture::from(keys.next().map_err(BrowserError::from_js)?)
            .await
            .map_err(BrowserError::from_js)?;
        let done = js_sys::Reflect::get(&step, &"done".into()).map_err(BrowserError::from_js)?;
        if done.is_truthy() {
            return Ok(names);
        }
        if let Some(name) = js_sys::Reflect::get(&step, &"value".into())
            .ok()
            .and_then(|v| v.as_string())
        {
            names.push(name);
        }
    }
}

/// An object URL for `blob` (kept for the visit: the preview shows it).
pub fn object_url(blob: &Blob) -> Result<String, BrowserError> {
    web_sys::Url::create_object_url_with_blob(blob).map_err(BrowserError::from_js)
}

/// A blob of `bytes` with media type `mime`.
pub fn blob(bytes: &[u8], mime: &str) -> Result<Blob, BrowserError> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let array = Uint8Array::from(bytes);
    Blob::new_with_u8_array_sequence_and_options(&Array::of1(&array), &options)
        .map_err(BrowserError::from_js)
}

/// Decode an image as the preview would show it (an `<img>` outside any document, where
/// an SVG's scripts never run); its size in pixels, or an error when the browser cannot
/// show it.
pub async fn decode(blob: &Blob) -> Result<(u32, u32), BrowserError> {
    let image = decoded(blob).await?;
    Ok((image.natural_width(), image.natural_height()))
}

/// `blob` decoded in an `<img>` outside any document.
async fn decoded(blob: &Blob) -> Result<HtmlImageElement, BrowserError> {
    let url = object_url(blob)?;
    let image = HtmlImageElement::new().map_err(BrowserError::from_js)?;
    image.set_src(&url);
    let decoded = JsFuture::from(image.decode()).await;
    revoke_url(&url);
    decoded.map_err(BrowserError::from_js)?;
    Ok(image)
}

/// Let an object URL go (its blob can be freed).
pub fn revoke_url(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}

/// Draw image `blob` at most `max_width` wide and encode it as
/// `mime` (quality 0.85 where the format has one).
pub async fn shrink(blob: &Blob, max_width: u32, mime: &str) -> Result<Vec<u8>, BrowserError> {
    let window = web_sys::window().ok_or(BrowserError::NoWindow)?;
    let document = window.document().ok_or(BrowserError::NoWindow)?;
    let image = decoded(blob).await?;
    let (width, height) = (image.natural_width().max(1), image.natural_height().max(1));
    let new_width = width.min(max_width.max(1));
    let new_height = ((height as f64) * (new_width as f64) / (width as f64))
        .round()
        .max(1.0) as u32;
    let canvas: HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(BrowserError::from_js)?
        .unchecked_into();
    canvas.set_width(new_width);
    canvas.set_height(new_height);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(BrowserError::from_js)?
        .ok_or(BrowserError::Unsupported("drawing on a canvas"))?
        .unchecked_into();
    context
        .draw_image_with_html_image_element_and_dw_and_dh(
            &image,
            0.0,
            0.0,
            new_width as f64,
            new_height as f64,
        )
        .map_err(BrowserError::from_js)?;
    let encoded = js_sys::Promise::new(&mut |resolve, reject| {
        let done = wasm_bindgen::closure::Closure::once_into_js(move |blob: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &blob);
        });
        if let Err(err) = canvas.to_blob_with_type_and_encoder_options(
            done.unchecked_ref(),
            mime,
            &JsValue::from_f64(0.85),
        ) {
            let _ = reject.call1(&JsValue::NULL, &err);
        }
    });
    let blob = JsFuture::from(encoded)
        .await
        .map_err(BrowserError::from_js)?;
    let blob: Blob = blob
        .dyn_into()
        .map_err(|_| BrowserError::Js("the image could not be encoded".into()))?;
    bytes_of(&blob).await
}

/// The image files a paste carries, and the alt text of an image copied from a page
/// (its HTML's first `<img alt>`).
pub fn pasted(ev: &web_sys::ClipboardEvent) -> (Vec<web_sys::File>, String) {
    let Some(data) = ev.clipboard_data() else {
        return (Vec::new(), String::new());
    };
    let html = data.get_data("text/html").unwrap_or_default();
    (
        files_of(data.files()),
        quire_core::images::alt_in_html(&html),
    )
}

/// The files a drop carries.
pub fn dropped_files(ev: &web_sys::DragEvent) -> Vec<web_sys::File> {
    files_of(ev.data_transfer().and_then(|d| d.files()))
}

/// The files of a file list.
fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The files chosen in a file input (the input is cleared, so the same ones can be
/// chosen again).
pub fn chosen_files(input: &web_sys::HtmlInputElement) -> Vec<web_sys::File> {
    let files = files_of(input.files());
    input.set_value("");
    files
}

/// The first bytes of a file (to tell an image from a post before reading it all).
pub async fn head(file: &web_sys::File, bytes: u32) -> Result<Vec<u8>, BrowserError> {
    let slice = file
        .slice_with_f64_and_f64(0.0, bytes as f64)
        .map_err(BrowserError::from_js)?;
    bytes_of(&slice).await
}
