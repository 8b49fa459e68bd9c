//! localStorage: the draft index and each draft's text, with typed errors.

use quire_core::drafts::{self, Index, IndexError};
use web_sys::Storage;

use super::BrowserError;

fn local() -> Result<Storage, BrowserError> {
    let window = web_sys::window().ok_or(BrowserError::NoWindow)?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err(BrowserError::StorageUnavailable("no localStorage".into())),
        Err(e) => Err(BrowserError::StorageUnavailable(
            BrowserError::from_js(e).to_string(),
        )),
    }
}

/// Whether localStorage can be used at all.
pub fn available() -> Result<(), BrowserError> {
    local().map(|_| ())
}

/// The stored index: `None` if there is none yet; the inner error if it cannot be used.
pub fn load_index() -> Result<Option<Result<Index, IndexError>>, BrowserError> {
    let text = local()?
        .get_item(drafts::INDEX_KEY)
        .map_err(BrowserError::from_js)?;
    Ok(text.map(|t| drafts::parse_index(&t)))
}

/// A draft's text, if stored.
pub fn load_draft(id: &str) -> Result<Option<String>, BrowserError> {
    local()?
        .get_item(&drafts::draft_key(id))
        .map_err(BrowserError::from_js)
}

/// Store a draft's text, exactly. A full storage is `BrowserError::QuotaExceeded` and
/// leaves the stored copy as it was.
pub fn save_draft(id: &str, text: &str) -> Result<(), BrowserError> {
    local()?
        .set_item(&drafts::draft_key(id), text)
        .map_err(BrowserError::from_js)
}

/// Store the index.
pub fn save_index(index: &Index) -> Result<(), BrowserError> {
    local()?
        .set_item(drafts::INDEX_KEY, &drafts::write_index(index))
        .map_err(BrowserError::from_js)
}

/// Remove a draft's text.
pub fn remove_draft(id: &str) -> Result<(), BrowserError> {
    local()?
        .remove_item(&drafts::draft_key(id))
        .map_err(BrowserError::from_js)
}

/// The text stored under `key`, if any.
pub fn get(key: &str) -> Result<Option<String>, BrowserError> {
    local()?.get_item(key).map_err(BrowserError::from_js)
}

/// Store `text` under `key`, exactly. A full storage is `BrowserError::QuotaExceeded`.
pub fn set(key: &str, text: &str) -> Result<(), BrowserError> {
    local()?.set_item(key, text).map_err(BrowserError::from_js)
}

/// Remove `key`.
pub fn remove(key: &str) -> Result<(), BrowserError> {
    local()?.remove_item(key).map_err(BrowserError::from_js)
}

/// Every stored key that starts with `prefix`.
pub fn keys_with_prefix(prefix: &str) -> Result<Vec<String>, BrowserError> {
    let storage = local()?;
    let count = storage.length().map_err(BrowserError::from_js)?;
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

/// The writer's preferences (defaults when none are stored or storage is unavailable).
pub fn load_prefs() -> quire_core::prefs::Prefs {
    let text = local()
        .ok()
        .and_then(|s| s.get_item(quire_core::prefs::PREFS_KEY).ok().flatten());
    quire_core::prefs::parse(text.as_deref())
}

/// Store the writer's preferences.
pub fn save_prefs(prefs: &quire_core::prefs::Prefs) -> Result<(), BrowserError> {
    local()?
        .set_item(
            quire_core::prefs::PREFS_KEY,
            &quire_core::prefs::write(prefs),
        )
        .map_err(BrowserError::from_js)
}
