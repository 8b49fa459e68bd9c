//! A site folder on the writer's disk through the File System Access API
//! (`showDirectoryPicker`, Chromium-based browsers): picking it, asking again for access
//! after a reload, walking it, reading a file with its size and last change, and writing
//! a file (the browser writes to a temporary file and puts it in place when the write is
//! complete, so a failed write leaves the old file whole).
//!
//! The picker is looked up on `window` at the moment of the click (tests hand over a
//! folder of the origin-private file system, which has the same handle API).

use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    FileSystemDirectoryHandle, FileSystemFileHandle, FileSystemGetDirectoryOptions,
    FileSystemGetFileOptions,
};

use super::BrowserError;

/// Whether this browser lets a page work on a folder the writer picks.
pub fn supported() -> bool {
    web_sys::window().is_some_and(|w| {
        Reflect::get(&w, &"showDirectoryPicker".into()).is_ok_and(|f| f.is_function())
    })
}

/// A site folder the writer picked (cheap to clone: a handle).
#[derive(Clone)]
pub struct SiteFolder(FileSystemDirectoryHandle);

impl SiteFolder {
    /// The folder's own name (its place on the disk is never told to the page).
    pub fn name(&self) -> String {
        self.0.name()
    }

    /// The handle, to keep it across visits.
    pub fn handle(&self) -> &FileSystemDirectoryHandle {
        &self.0
    }

    /// A folder from a handle kept across visits.
    pub fn from_handle(handle: FileSystemDirectoryHandle) -> SiteFolder {
        SiteFolder(handle)
    }
}

/// Ask the writer for a folder, with read and write access; `None` when they closed the
/// picker.
pub async fn pick() -> Result<Option<SiteFolder>, BrowserError> {
    let window = web_sys::window().ok_or(BrowserError::NoWindow)?;
    let picker: js_sys::Function = Reflect::get(&window, &"showDirectoryPicker".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or(BrowserError::Unsupported("opening a folder"))?;
    let options = js_sys::Object::new();
    Reflect::set(&options, &"mode".into(), &"readwrite".into()).map_err(BrowserError::from_js)?;
    Reflect::set(&options, &"id".into(), &"quire-site".into()).map_err(BrowserError::from_js)?;
    let promise: js_sys::Promise = picker
        .call1(&window, &options)
        .map_err(BrowserError::from_js)?
        .unchecked_into();
    match JsFuture::from(promise).await {
        Ok(handle) => Ok(Some(SiteFolder(handle.unchecked_into()))),
        Err(err) if is_named(&err, "AbortError") => Ok(None),
        Err(err) => Err(BrowserError::from_js(err)),
    }
}

/// Whether a thrown value is a `DOMException` named `name`.
fn is_named(err: &JsValue, name: &str) -> bool {
    err.dyn_ref::<web_sys::DomException>()
        .is_some_and(|e| e.name() == name)
}

/// Whether the page may read and write the folder now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Yes.
    Granted,
    /// The browser must ask the writer first (only on a click).
    Ask,
    /// The writer said no.
    Denied,
}

/// Read-and-write access to `folder`: asked of the writer when `ask` (which must be in a
/// click's handler), else only looked up. A browser without the permission calls (the
/// origin-private file system in some versions) grants it.
pub async fn access(folder: &SiteFolder, ask: bool) -> Result<Access, BrowserError> {
    let method = if ask {
        "requestPermission"
    } else {
        "queryPermission"
    };
    let Some(call) = Reflect::get(&folder.0, &method.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return Ok(Access::Granted);
    };
    let options = js_sys::Object::new();
    Reflect::set(&options, &"mode".into(), &"readwrite".into()).map_err(BrowserError::from_js)?;
    let promise: js_sys::Promise = call
        .call1(&folder.0, &options)
        .map_err(BrowserError::from_js)?
        .unchecked_into();
    let state = JsFuture::from(promise)
        .await
        .map_err(BrowserError::from_js)?
        .as_string()
        .unwrap_or_default();
    Ok(match state.as_str() {
        "granted" => Access::Granted,
        "denied" => Access::Denied,
        _ => Access::Ask,
    })
}

/// The names of the files and of the folders directly in `dir`, each sorted.
async fn entries(
    dir: &FileSystemDirectoryHandle,
) -> Result<
    (
        Vec<(String, FileSystemFileHandle)>,
        Vec<(String, FileSystemDirectoryHandle)>,
    ),
    BrowserError,
> {
    let iterator = dir.entries();
    let (mut files, mut dirs) = (Vec::new(), Vec::new());
    loop {
        let step = JsFuture::from(iterator.next().map_err(BrowserError::from_js)?)
            .await
            .map_err(BrowserError::from_js)?;
        if Reflect::get(&step, &"done".into())
            .map_err(BrowserError::from_js)?
            .is_truthy()
        {
            break;
        }
        let pair: Array = Reflect::get(&step, &"value".into())
            .map_err(BrowserError::from_js)?
            .unchecked_into();
        let name = pair.get(0).as_string().unwrap_or_default();
        let handle = pair.get(1);
        let kind = Reflect::get(&handle, &"kind".into())
            .ok()
            .and_then(|k| k.as_string())
            .unwrap_or_default();
        if kind == "directory" {
            dirs.push((name, handle.unchecked_into()));
        } else {
            files.push((name, handle.unchecked_into()));
        }
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    dirs.sort_by(|a, b| a.0.cmp(&b.0));
    Ok((files, dirs))
}

/// The names of the files and folders at the folder's root.
pub async fn root_names(folder: &SiteFolder) -> Result<(Vec<String>, Vec<String>), BrowserError> {
    let (files, dirs) = entries(&folder.0).await?;
    Ok((
        files.into_iter().map(|(n, _)| n).collect(),
        dirs.into_iter().map(|(n, _)| n).collect(),
    ))
}

/// A file found in the folder: its path (relative to the root, `/`-separated) and its
/// handle, to read it without walking to it again.
pub struct Found {
    /// Its path.
    pub path: String,
    handle: FileSystemFileHandle,
}

/// The files for which `keep` holds, looking only into the folders for which `walk`
/// holds. Lets the browser paint between folders, so a large site does not freeze the
/// page.
pub async fn find_files(
    folder: &SiteFolder,
    walk: impl Fn(&str) -> bool,
    keep: impl Fn(&str) -> bool,
) -> Result<Vec<Found>, BrowserError> {
    let mut found = Vec::new();
    let mut pending = vec![(String::new(), folder.0.clone())];
    let mut since_yield = 0;
    while let Some((path, dir)) = pending.pop() {
        let (files, dirs) = entries(&dir).await?;
        let join = |name: &str| {
            if path.is_empty() {
                name.to_string()
            } else {
                format!("{path}/{name}")
            }
        };
        found.extend(files.into_iter().filter_map(|(name, handle)| {
            let path = join(&name);
            keep(&path).then_some(Found { path, handle })
        }));
        for (name, handle) in dirs.into_iter().rev() {
            let sub = join(&name);
            if walk(&sub) {
                pending.push((sub, handle));
            }
        }
        since_yield += 1;
        if since_yield >= 20 {
            since_yield = 0;
            super::yield_to_browser().await;
        }
    }
    Ok(found)
}

/// A file as read from the disk.
pub struct DiskFile {
    /// Its bytes.
    pub bytes: Vec<u8>,
    /// Its last change, milliseconds since the Unix epoch.
    pub modified_ms: f64,
}

/// What the disk says of a file without reading it: its size and last change.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stat {
    /// Bytes.
    pub size: u64,
    /// Milliseconds since the Unix epoch.
    pub modified_ms: f64,
}

/// The folder at `folders` below the root, made when `create`; `None` when missing.
async fn folder_at(
    folder: &SiteFolder,
    folders: &[&str],
    create: bool,
) -> Result<Option<FileSystemDirectoryHandle>, BrowserError> {
    let mut dir = folder.0.clone();
    for name in folders {
        let options = FileSystemGetDirectoryOptions::new();
        options.set_create(create);
        match JsFuture::from(dir.get_directory_handle_with_options(name, &options)).await {
            Ok(sub) => dir = sub.unchecked_into(),
            Err(err) if is_named(&err, "NotFoundError") => return Ok(None),
            Err(err) => return Err(BrowserError::from_js(err)),
        }
    }
    Ok(Some(dir))
}

/// The handle of the file at `path`, made (with its folders) when `create`; `None` when
/// it is missing.
async fn file_handle(
    folder: &SiteFolder,
    path: &str,
    create: bool,
) -> Result<Option<FileSystemFileHandle>, BrowserError> {
    let (folders, name) = quire_core::site::safe_path(path).ok_or(BrowserError::Js(format!(
        "{path} is not a path inside the site"
    )))?;
    let Some(dir) = folder_at(folder, &folders, create).await? else {
        return Ok(None);
    };
    let options = FileSystemGetFileOptions::new();
    options.set_create(create);
    match JsFuture::from(dir.get_file_handle_with_options(name, &options)).await {
        Ok(handle) => Ok(Some(handle.unchecked_into())),
        Err(err) if is_named(&err, "NotFoundError") || is_named(&err, "TypeMismatchError") => {
            Ok(None)
        }
        Err(err) => Err(BrowserError::from_js(err)),
    }
}

async fn file_of(handle: &FileSystemFileHandle) -> Result<web_sys::File, BrowserError> {
    Ok(JsFuture::from(handle.get_file())
        .await
        .map_err(BrowserError::from_js)?
        .unchecked_into())
}

/// The files found, read all at once (the browser overlaps the reads): each file's
/// bytes, or why it could not be read.
pub async fn read_found(found: &[&Found]) -> Vec<Result<DiskFile, BrowserError>> {
    let files = Array::new();
    for f in found {
        files.push(&f.handle.get_file());
    }
    let files: Array = match JsFuture::from(js_sys::Promise::all_settled(&files)).await {
        Ok(settled) => settled.unchecked_into(),
        Err(err) => {
            return found
                .iter()
                .map(|_| Err(BrowserError::from_js(err.clone())))
                .collect()
        }
    };
    let files: Vec<Result<web_sys::File, BrowserError>> = files
        .iter()
        .map(settled)
        .map(|r| r.map(JsCast::unchecked_into))
        .collect();
    read_files(files).await
}

/// The outcome of one promise of `Promise.allSettled`.
fn settled(outcome: JsValue) -> Result<JsValue, BrowserError> {
    let fulfilled = Reflect::get(&outcome, &"status".into())
        .ok()
        .and_then(|s| s.as_string())
        .is_some_and(|s| s == "fulfilled");
    if fulfilled {
        Reflect::get(&outcome, &"value".into()).map_err(BrowserError::from_js)
    } else {
        Err(BrowserError::from_js(
            Reflect::get(&outcome, &"reason".into()).unwrap_or(JsValue::UNDEFINED),
        ))
    }
}

/// The bytes and last change of `files`, read all at once.
pub async fn read_files(
    files: Vec<Result<web_sys::File, BrowserError>>,
) -> Vec<Result<DiskFile, BrowserError>> {
    let buffers = Array::new();
    for file in &files {
        match file {
            Ok(file) => buffers.push(&file.array_buffer()),
            Err(_) => buffers.push(&js_sys::Promise::resolve(&JsValue::NULL)),
        };
    }
    let buffers: Array = match JsFuture::from(js_sys::Promise::all_settled(&buffers)).await {
        Ok(settled) => settled.unchecked_into(),
        Err(err) => {
            return files
                .iter()
                .map(|_| Err(BrowserError::from_js(err.clone())))
                .collect()
        }
    };
    files
        .into_iter()
        .zip(buffers.iter())
        .map(|(file, buffer)| {
            let file = file?;
            let buffer = settled(buffer)?;
            Ok(DiskFile {
                bytes: js_sys::Uint8Array::new(&buffer).to_vec(),
                modified_ms: file.last_modified(),
            })
        })
        .collect()
}

/// The size and last change of the file at `path`; `None` when it is not there.
pub async fn stat(folder: &SiteFolder, path: &str) -> Result<Option<Stat>, BrowserError> {
    let Some(handle) = file_handle(folder, path, false).await? else {
        return Ok(None);
    };
    let file = file_of(&handle).await?;
    Ok(Some(Stat {
        size: file.size() as u64,
        modified_ms: file.last_modified(),
    }))
}

/// The file at `path`; `None` when it is not there.
pub async fn read(folder: &SiteFolder, path: &str) -> Result<Option<DiskFile>, BrowserError> {
    let Some(handle) = file_handle(folder, path, false).await? else {
        return Ok(None);
    };
    let file = file_of(&handle).await?;
    let modified_ms = file.last_modified();
    let bytes = super::images::bytes_of(&file).await?;
    Ok(Some(DiskFile { bytes, modified_ms }))
}

/// Write `bytes` as the file at `path` (made with its folders if missing); returns what
/// the disk then says of it. The browser writes a temporary file and replaces the old
/// one only once the write is complete.
pub async fn write(folder: &SiteFolder, path: &str, bytes: &[u8]) -> Result<Stat, BrowserError> {
    let handle = file_handle(folder, path, true)
        .await?
        .ok_or(BrowserError::Js(format!("{path} could not be made")))?;
    super::save_file::write_handle(&handle, bytes).await?;
    let file = file_of(&handle).await?;
    Ok(Stat {
        size: file.size() as u64,
        modified_ms: file.last_modified(),
    })
}
