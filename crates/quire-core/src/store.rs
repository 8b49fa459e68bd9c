//! The storage seam: what Quire needs of a key-value text store (the browser's
//! localStorage), so that the rules of saving are written once, here, and tested natively
//! on [`MemoryStore`], which fills up as a browser's does.
//!
//! The rules: a draft's text is written before the index that lists it; a full store gives
//! up older revisions (every draft keeps its newest), never a draft, and the save is tried
//! once more; a text larger than the store could ever hold is said to be so, and nothing is
//! given up for it; a write that fails leaves what it would have replaced as it was.

use std::collections::BTreeMap;

use crate::drafts::{self, Index};
use crate::revisions::{self, History};

/// Why a store refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// It is full.
    Full,
    /// Anything else (blocked, unavailable), in the store's own words.
    Other(String),
}

/// A key-value store of texts.
pub trait Store {
    /// The text under `key`, if any.
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Store `value` under `key`, exactly; a full store changes nothing.
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    /// Remove `key`.
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
    /// Every key.
    fn keys(&self) -> Result<Vec<String>, StoreError>;
    /// The most it can ever hold, in UTF-16 units of keys and values.
    fn capacity(&self) -> usize;
}

/// UTF-16 units of `text`, as browsers count storage.
fn units(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.encode_utf16().count()
    }
}

/// A store in memory that holds at most `capacity` UTF-16 units of keys and values, as a
/// browser's localStorage does (5 Mi units in Chromium and Firefox).
#[derive(Debug, Clone, Default)]
pub struct MemoryStore {
    entries: BTreeMap<String, String>,
    capacity: usize,
}

impl MemoryStore {
    /// An empty store holding at most `capacity` units.
    pub fn with_capacity(capacity: usize) -> MemoryStore {
        MemoryStore {
            entries: BTreeMap::new(),
            capacity,
        }
    }

    /// The units stored now.
    pub fn used(&self) -> usize {
        self.entries.iter().map(|(k, v)| units(k) + units(v)).sum()
    }
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.entries.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        let old = self.entries.get(key).map_or(0, |v| units(key) + units(v));
        if self.used() - old + units(key) + units(value) > self.capacity {
            return Err(StoreError::Full);
        }
        self.entries.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.entries.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.entries.keys().cloned().collect())
    }

    fn capacity(&self) -> usize {
        self.capacity
    }
}

/// Which revisions to give up for space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Free {
    /// All but each draft's newest (when a save meets a full store).
    KeepNewest,
    /// Every one (the writer's "delete revisions").
    All,
}

/// Remove revisions to free space; returns the bytes of text removed. Histories that
/// cannot be read are left alone.
pub fn free_revisions(store: &mut impl Store, how: Free) -> usize {
    let keys = store.keys().unwrap_or_default();
    let mut freed = 0;
    for id in keys
        .iter()
        .filter_map(|k| revisions::draft_of_history_key(k))
    {
        let history_key = revisions::history_key(id);
        let Some(Ok(mut history)) = store
            .get(&history_key)
            .ok()
            .flatten()
            .map(|t| revisions::parse(&t))
        else {
            continue;
        };
        let bytes = |h: &History| h.revisions.iter().map(|r| r.bytes).sum::<usize>();
        let before = bytes(&history);
        let dropped = match how {
            Free::KeepNewest => history.keep_newest_only(),
            Free::All => history.revisions.drain(..).map(|r| r.n).collect(),
        };
        if dropped.is_empty() {
            continue;
        }
        freed += before - bytes(&history);
        for n in dropped {
            let _ = store.remove(&revisions::text_key(id, n));
        }
        let _ = if history.revisions.is_empty() {
            store.remove(&history_key)
        } else {
            store.set(&history_key, &revisions::write(&history))
        };
    }
    freed
}

/// Why a draft was not saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// The store is full, even with older revisions given up.
    Full,
    /// The text is larger than the store could ever hold.
    TooLarge,
    /// The store refused for another reason.
    Other(String),
}

impl From<StoreError> for SaveError {
    fn from(err: StoreError) -> SaveError {
        match err {
            StoreError::Full => SaveError::Full,
            StoreError::Other(why) => SaveError::Other(why),
        }
    }
}

/// Save `text` as draft `id` and then `index` (which lists it; `None` when the stored index
/// must not be written, being a newer Quire's), by the rules above. Returns the bytes of
/// revisions given up to make room (0 when none were).
pub fn save_draft(
    store: &mut impl Store,
    id: &str,
    text: &str,
    index: Option<&Index>,
) -> Result<usize, SaveError> {
    let key = drafts::draft_key(id);
    let index_text = index.map(drafts::write_index);
    let write = |store: &mut dyn FnMut(&str, &str) -> Result<(), StoreError>| {
        store(&key, text)?;
        match &index_text {
            Some(index) => store(drafts::INDEX_KEY, index),
            None => Ok(()),
        }
    };
    let first = write(&mut |k, v| store.set(k, v));
    match first {
        Ok(()) => Ok(0),
        Err(StoreError::Full) if units(&key) + units(text) > store.capacity() => {
            Err(SaveError::TooLarge)
        }
        Err(StoreError::Full) => {
            let freed = free_revisions(store, Free::KeepNewest);
            if freed == 0 {
                return Err(SaveError::Full);
            }
            write(&mut |k, v| store.set(k, v))?;
            Ok(freed)
        }
        Err(err) => Err(err.into()),
    }
}

#[cfg(test)]
mod tests;
