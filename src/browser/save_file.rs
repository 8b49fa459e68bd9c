//! "Save as…" through the File System Access API, where the browser offers it: a file
//! the writer picks, written again on later saves.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{FileSystemFileHandle, FileSystemWritableFileStream};

use super::BrowserError;

/// Whether this browser can save to a file the writer picks (`showSaveFilePicker`).
pub fn supported() -> bool {
    web_sys::window().is_some_and(|w| {
        js_sys::Reflect::get(&w, &"showSaveFilePicker".into()).is_ok_and(|f| f.is_function())
    })
}

/// A file the writer picked to save to.
#[derive(Clone)]
pub struct SavedFile(FileSystemFileHandle);

impl SavedFile {
    /// The file's name (without its folder, which the page is never told).
    pub fn name(&self) -> String {
        self.0.name()
    }
}

impl From<FileSystemFileHandle> for SavedFile {
    fn from(handle: FileSystemFileHandle) -> Self {
        SavedFile(handle)
    }
}

/// What the picker gave.
pub enum Picked {
    /// The file to write.
    Chosen(SavedFile),
    /// The writer closed the picker.
    Cancelled,
}

/// Ask the writer where to save, suggesting `name` (a Markdown file).
pub async fn pick(name: &str) -> Result<Picked, BrowserError> {
    let window = web_sys::window().ok_or(BrowserError::NoWindow)?;
    let picker: js_sys::Function = js_sys::Reflect::get(&window, &"showSaveFilePicker".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or(BrowserError::Unsupported("saving to a chosen file"))?;
    let options = js_sys::Object::new();
    let accept = js_sys::Object::new();
    let extensions = js_sys::Array::of2(&".md".into(), &".markdown".into());
    let set = |on: &js_sys::Object, key: &str, value: &wasm_bindgen::JsValue| {
        js_sys::Reflect::set(on, &key.into(), value).map_err(BrowserError::from_js)
    };
    set(&accept, "text/markdown", &extensions)?;
    let markdown = js_sys::Object::new();
    set(&markdown, "description", &"Markdown post".into())?;
    set(&markdown, "accept", &accept)?;
    set(&options, "suggestedName", &name.into())?;
    set(&options, "types", &js_sys::Array::of1(&markdown))?;
    let promise: js_sys::Promise = picker
        .call1(&window, &options)
        .map_err(BrowserError::from_js)?
        .unchecked_into();
    match JsFuture::from(promise).await {
        Ok(handle) => Ok(Picked::Chosen(SavedFile(handle.unchecked_into()))),
        Err(err)
            if err
                .dyn_ref::<web_sys::DomException>()
                .is_some_and(|e| e.name() == "AbortError") =>
        {
            Ok(Picked::Cancelled)
        }
        Err(err) => Err(BrowserError::from_js(err)),
    }
}

/// Replace the file's contents with `bytes`.
pub async fn write(file: &SavedFile, bytes: &[u8]) -> Result<(), BrowserError> {
    write_handle(&file.0, bytes).await
}

/// Replace the contents of the file behind `handle` with `bytes`; a write that fails
/// leaves the file as it was.
pub(super) async fn write_handle(
    handle: &web_sys::FileSystemFileHandle,
    bytes: &[u8],
) -> Result<(), BrowserError> {
    let stream: FileSystemWritableFileStream = JsFuture::from(handle.create_writable())
        .await
        .map_err(BrowserError::from_js)?
        .unchecked_into();
    let written = match stream.write_with_u8_array(bytes) {
        Ok(promise) => JsFuture::from(promise).await.map(|_| ()),
        Err(err) => Err(err),
    };
    if let Err(err) = written {
        // Leave the file as it was.
        let _ = JsFuture::from(stream.abort()).await;
        return Err(BrowserError::from_js(err));
    }
    JsFuture::from(stream.close())
        .await
        .map(|_| ())
        .map_err(BrowserError::from_js)
}
