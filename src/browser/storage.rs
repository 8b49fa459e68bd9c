//! localStorage through gloo-storage: the draft index and each draft's text as exact
//! strings (`raw()`), the preferences as JSON through serde; every error typed.

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use quire_core::drafts::{self, Index, IndexError};
use quire_core::prefs::{Prefs, PREFS_KEY};
use quire_core::store::StoreError;

use super::BrowserError;

/// localStorage through gloo-storage, once it is known to be usable: with the site's data
/// blocked, merely asking for `window.localStorage` throws, and gloo would throw too, so
/// that is checked first and reported as a typed error.
fn local() -> Result<web_sys::Storage, BrowserError> {
    usable()?;
    Ok(LocalStorage::raw())
}

fn usable() -> Result<(), BrowserError> {
    let window = web_sys::window().ok_or(BrowserError::NoWindow)?;
    match window.local_storage() {
        Ok(Some(_)) => Ok(()),
        Ok(None) => Err(BrowserError::StorageUnavailable("no localStorage".into())),
        Err(e) => Err(BrowserError::StorageUnavailable(
            BrowserError::from_js(e).to_string(),
        )),
    }
}

/// A gloo-storage error as the app's.
fn from_gloo(err: StorageError) -> BrowserError {
    match err {
        StorageError::JsError(e) if e.name == "QuotaExceededError" => BrowserError::QuotaExceeded,
        StorageError::JsError(e) => BrowserError::Js(e.message),
        StorageError::SerdeError(e) => BrowserError::Js(e.to_string()),
        StorageError::KeyNotFound(key) => BrowserError::Js(format!("{key} is not stored")),
    }
}

/// Whether localStorage can be used at all.
pub fn available() -> Result<(), BrowserError> {
    usable()
}

/// The stored index: `None` if there is none yet; the inner error if it cannot be used.
/// (Read as text: the core reads it entry by entry, keeping damaged entries aside.)
pub fn load_index() -> Result<Option<Result<Index, IndexError>>, BrowserError> {
    Ok(get(drafts::INDEX_KEY)?.map(|t| drafts::parse_index(&t)))
}

/// A draft's text, if stored.
pub fn load_draft(id: &str) -> Result<Option<String>, BrowserError> {
    get(&drafts::draft_key(id))
}

/// Store a draft's text, exactly. A full storage is `BrowserError::QuotaExceeded` and
/// leaves the stored copy as it was.
pub fn save_draft(id: &str, text: &str) -> Result<(), BrowserError> {
    set(&drafts::draft_key(id), text)
}

/// Store the index.
pub fn save_index(index: &Index) -> Result<(), BrowserError> {
    set(drafts::INDEX_KEY, &drafts::write_index(index))
}

/// Remove a draft's text.
pub fn remove_draft(id: &str) -> Result<(), BrowserError> {
    remove(&drafts::draft_key(id))
}

/// The text stored under `key`, if any, exactly as stored.
pub fn get(key: &str) -> Result<Option<String>, BrowserError> {
    local()?.get_item(key).map_err(BrowserError::from_js)
}

/// Store `text` under `key`, exactly (no JSON quoting). A full storage is
/// `BrowserError::QuotaExceeded`.
pub fn set(key: &str, text: &str) -> Result<(), BrowserError> {
    local()?.set_item(key, text).map_err(BrowserError::from_js)
}

/// Remove `key`.
pub fn remove(key: &str) -> Result<(), BrowserError> {
    usable()?;
    LocalStorage::delete(key);
    Ok(())
}

/// Every stored key that starts with `prefix`.
pub fn keys_with_prefix(prefix: &str) -> Result<Vec<String>, BrowserError> {
    let storage = local()?;
    let count = LocalStorage::length();
    let mut keys = Vec::new();
    for i in 0..count {
        if let Some(key) = storage.key(i).map_err(BrowserError::from_js)? {
            if key.starts_with(prefix) {
                keys.push(key);
            }
        }
    }
    Ok(keys)
}

/// localStorage as the core's [`Store`](quire_core::store::Store), so that the rules of
/// saving live in the core and are tested there.
pub struct Local;

fn store_error(err: BrowserError) -> StoreError {
    match err {
        BrowserError::QuotaExceeded => StoreError::Full,
        err => StoreError::Other(err.to_string()),
    }
}

impl quire_core::store::Store for Local {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        get(key).map_err(store_error)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        set(key, value).map_err(store_error)
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        remove(key).map_err(store_error)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        keys_with_prefix("").map_err(store_error)
    }

    fn capacity(&self) -> usize {
        drafts::STORAGE_LIMIT_UNITS
    }
}

fn manager() -> Result<web_sys::StorageManager, BrowserError> {
    let window = web_sys::window().ok_or(BrowserError::NoWindow)?;
    Ok(window.navigator().storage())
}

/// Ask the browser to keep this site's storage under pressure (`navigator.storage.persist()`).
pub async fn request_persistence() -> Result<bool, BrowserError> {
    let promise = manager()?.persist().map_err(BrowserError::from_js)?;
    let granted = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(BrowserError::from_js)?;
    Ok(granted.as_bool().unwrap_or(false))
}

/// The site's storage use and quota in bytes (`navigator.storage.estimate()`).
pub async fn estimate() -> Result<(f64, f64), BrowserError> {
    use wasm_bindgen::JsCast;
    let promise = manager()?.estimate().map_err(BrowserError::from_js)?;
    let estimate: web_sys::StorageEstimate = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(BrowserError::from_js)?
        .unchecked_into();
    Ok((
        estimate.get_usage().unwrap_or(0.0),
        estimate.get_quota().unwrap_or(0.0),
    ))
}

/// The writer's preferences (defaults when none are stored, they cannot be read, or
/// storage is unavailable; fields of a newer Quire are ignored).
pub fn load_prefs() -> Prefs {
    if usable().is_err() {
        return Prefs::default();
    }
    LocalStorage::get::<Prefs>(PREFS_KEY).unwrap_or_default()
}

/// Store the writer's preferences (as JSON, through serde).
pub fn save_prefs(prefs: &Prefs) -> Result<(), BrowserError> {
    usable()?;
    LocalStorage::set(PREFS_KEY, prefs).map_err(from_gloo)
}
