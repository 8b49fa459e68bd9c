//! The site folder kept across visits: its handle (which only IndexedDB can hold) with
//! the id and name Quire gave it, in the database `quire-sites`, object store `sites`,
//! key `current`. Nothing else lives there.

use js_sys::{Object, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransactionMode};

use super::site_folder::SiteFolder;
use super::BrowserError;

const DATABASE: &str = "quire-sites";
const STORE: &str = "sites";
const KEY: &str = "current";

/// A site folder as kept: Quire's id for it and its handle.
pub struct Kept {
    /// Quire's id for the site (drafts link to files by it).
    pub id: String,
    /// The folder.
    pub folder: SiteFolder,
}

/// The outcome of an IndexedDB request, once it has one.
async fn done(request: &IdbRequest) -> Result<JsValue, BrowserError> {
    let promise = Promise::new(&mut |resolve, reject| {
        let on_success = {
            let request = request.clone();
            Closure::once_into_js(move || {
                let _ = resolve.call1(
                    &JsValue::NULL,
                    &request.result().unwrap_or(JsValue::UNDEFINED),
                );
            })
        };
        let on_error = {
            let request = request.clone();
            Closure::once_into_js(move || {
                let error = request
                    .error()
                    .ok()
                    .flatten()
                    .map_or(JsValue::from_str("IndexedDB failed"), JsValue::from);
                let _ = reject.call1(&JsValue::NULL, &error);
            })
        };
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise).await.map_err(BrowserError::from_js)
}

async fn database() -> Result<IdbDatabase, BrowserError> {
    let window = web_sys::window().ok_or(BrowserError::NoWindow)?;
    let factory = window
        .indexed_db()
        .map_err(BrowserError::from_js)?
        .ok_or(BrowserError::Unsupported("IndexedDB"))?;
    let request: IdbOpenDbRequest = factory
        .open_with_u32(DATABASE, 1)
        .map_err(BrowserError::from_js)?;
    let upgrade = {
        let request = request.clone();
        Closure::once_into_js(move || {
            if let Ok(db) = request.result() {
                let db: IdbDatabase = db.unchecked_into();
                if !db.object_store_names().contains(STORE) {
                    let _ = db.create_object_store(STORE);
                }
            }
        })
    };
    request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    Ok(done(&request).await?.unchecked_into())
}

/// Keep `folder` as the site that reopens on the next visit, under `id`.
pub async fn keep(id: &str, folder: &SiteFolder) -> Result<(), BrowserError> {
    let db = database().await?;
    let record = Object::new();
    Reflect::set(&record, &"id".into(), &id.into()).map_err(BrowserError::from_js)?;
    Reflect::set(&record, &"handle".into(), folder.handle()).map_err(BrowserError::from_js)?;
    let store = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
        .and_then(|t| t.object_store(STORE))
        .map_err(BrowserError::from_js)?;
    let request = store
        .put_with_key(&record, &KEY.into())
        .map_err(BrowserError::from_js)?;
    done(&request).await.map(|_| ())
}

/// The site kept by [`keep`], if any.
pub async fn kept() -> Result<Option<Kept>, BrowserError> {
    let db = database().await?;
    let store = db
        .transaction_with_str(STORE)
        .and_then(|t| t.object_store(STORE))
        .map_err(BrowserError::from_js)?;
    let request = store.get(&KEY.into()).map_err(BrowserError::from_js)?;
    let record = done(&request).await?;
    if record.is_undefined() || record.is_null() {
        return Ok(None);
    }
    let id = Reflect::get(&record, &"id".into())
        .ok()
        .and_then(|v| v.as_string());
    let handle = Reflect::get(&record, &"handle".into())
        .ok()
        .and_then(|h| h.dyn_into::<web_sys::FileSystemDirectoryHandle>().ok());
    Ok(match (id, handle) {
        (Some(id), Some(handle)) => Some(Kept {
            id,
            folder: SiteFolder::from_handle(handle),
        }),
        _ => None,
    })
}

/// Forget the kept site (closing it).
pub async fn forget() -> Result<(), BrowserError> {
    let db = database().await?;
    let store = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
        .and_then(|t| t.object_store(STORE))
        .map_err(BrowserError::from_js)?;
    let request = store.delete(&KEY.into()).map_err(BrowserError::from_js)?;
    done(&request).await.map(|_| ())
}
