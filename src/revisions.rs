//! Revisions through localStorage: snapshots taken by the persistence path, the histories
//! of deleted drafts, and freeing the space they take. The bounds and the stored format
//! are the core's ([`quire_core::revisions`]).

use quire_core::line_endings::StoredEndings;
use quire_core::revisions::{self, History, Reason};
pub use quire_core::store::Free;

use crate::browser::{self, BrowserError};

/// Why a snapshot was not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SnapshotError {
    /// The stored history cannot be read; it is left as it is and no snapshot is added.
    Unreadable(String),
    /// Storage refused (full, or unavailable).
    Storage(BrowserError),
}

impl core::fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            SnapshotError::Unreadable(why) => {
                write!(f, "{why}; it is left as it is and no revisions are added")
            }
            SnapshotError::Storage(err) => write!(f, "no revision was kept: {err}"),
        }
    }
}

/// The stored history of draft `id` (an empty one if there is none yet).
pub fn load(id: &str) -> Result<History, SnapshotError> {
    match browser::storage::get(&revisions::history_key(id)).map_err(SnapshotError::Storage)? {
        None => Ok(History::default()),
        Some(text) => revisions::parse(&text).map_err(|e| SnapshotError::Unreadable(e.to_string())),
    }
}

/// Keep a snapshot of `text` for draft `id` (whose file's line endings are `endings`);
/// returns the history after it (unchanged when the text equals the newest snapshot).
pub fn snapshot(
    id: &str,
    text: &str,
    title: &str,
    endings: StoredEndings,
    reason: Reason,
    images: quire_core::images::ImageMap,
) -> Result<History, SnapshotError> {
    let mut history = load(id)?;
    history.endings = endings;
    let now = browser::clock::now_ms();
    let Some(taken) = history.take_with_images(text, title, now, reason, images) else {
        return Ok(history);
    };
    browser::storage::set(&revisions::text_key(id, taken.n), text)
        .map_err(SnapshotError::Storage)?;
    for n in taken.dropped {
        let _ = browser::storage::remove(&revisions::text_key(id, n));
    }
    browser::storage::set(&revisions::history_key(id), &revisions::write(&history))
        .map_err(SnapshotError::Storage)?;
    Ok(history)
}

/// The text of snapshot `n` of draft `id`.
pub fn text(id: &str, n: u32) -> Result<String, String> {
    match browser::storage::get(&revisions::text_key(id, n)) {
        Ok(Some(text)) => Ok(text),
        Ok(None) => Err("that revision's text is missing from storage".into()),
        Err(err) => Err(err.to_string()),
    }
}

/// A deleted draft that can be brought back from its history.
#[derive(Debug, Clone, PartialEq)]
pub struct DeletedDraft {
    pub id: String,
    pub history: History,
}

/// Drafts with a readable history that are not among `known` ids, most recently
/// changed first.
pub fn deleted_drafts(known: &[String]) -> Vec<DeletedDraft> {
    let keys = browser::storage::keys_with_prefix(revisions::HISTORY_PREFIX).unwrap_or_default();
    let mut deleted: Vec<DeletedDraft> = keys
        .iter()
        .filter_map(|key| revisions::draft_of_history_key(key))
        .filter(|id| !known.iter().any(|k| k == id))
        .filter_map(|id| {
            let history = load(id).ok()?;
            history.newest()?;
            Some(DeletedDraft {
                id: id.to_string(),
                history,
            })
        })
        .collect();
    let newest = |d: &DeletedDraft| d.history.newest().map_or(0.0, |r| r.at_ms);
    deleted.sort_by(|a, b| newest(b).total_cmp(&newest(a)));
    deleted
}

/// Remove snapshots to free space; returns the bytes of text removed. Unreadable
/// histories are left alone.
pub fn free_space(how: Free) -> usize {
    quire_core::store::free_revisions(&mut browser::storage::Local, how)
}

/// Add a backup's revisions to draft `id`'s history (oldest first; one already kept is
/// skipped); returns how many were added.
pub fn adopt(
    id: &str,
    title: &str,
    endings: &StoredEndings,
    backed_up: &[quire_core::backup::BackupRevision],
) -> Result<usize, SnapshotError> {
    let mut history = load(id)?;
    history.endings = endings.clone();
    let mut added = 0;
    for revision in backed_up {
        let crc = revisions::checksum(&revision.text);
        let kept = history
            .revisions
            .iter()
            .any(|r| r.crc == crc && r.bytes == revision.text.len());
        if kept {
            continue;
        }
        let Some(taken) = history.take_with_images(
            &revision.text,
            title,
            revision.at_ms,
            revision.reason,
            revision.images.clone(),
        ) else {
            continue;
        };
        browser::storage::set(&revisions::text_key(id, taken.n), &revision.text)
            .map_err(SnapshotError::Storage)?;
        for n in taken.dropped {
            let _ = browser::storage::remove(&revisions::text_key(id, n));
        }
        added += 1;
    }
    if added > 0 {
        browser::storage::set(&revisions::history_key(id), &revisions::write(&history))
            .map_err(SnapshotError::Storage)?;
    }
    Ok(added)
}

/// Draft `id`'s revisions with their texts, oldest first, for a backup (none when its
/// history cannot be read).
pub fn for_backup(id: &str) -> Vec<quire_core::backup::BackupRevision> {
    let Ok(history) = load(id) else {
        return Vec::new();
    };
    history
        .revisions
        .iter()
        .filter_map(|r| {
            Some(quire_core::backup::BackupRevision {
                file: String::new(),
                at_ms: r.at_ms,
                reason: r.reason,
                text: text(id, r.n).ok()?,
                images: r.images.clone(),
            })
        })
        .collect()
}

/// The stored images every stored history records (those of deleted drafts too).
pub fn recorded_images() -> Vec<quire_core::images::ImageMap> {
    let keys = browser::storage::keys_with_prefix(revisions::HISTORY_PREFIX).unwrap_or_default();
    keys.iter()
        .filter_map(|key| revisions::draft_of_history_key(key))
        .filter_map(|id| load(id).ok())
        .flat_map(|history| history.revisions.into_iter().map(|r| r.images))
        .collect()
}

/// Remove draft `id`'s history and every snapshot text it lists (a deleted draft the
/// writer wants gone for good).
pub fn forget(id: &str) -> Result<(), SnapshotError> {
    let history = load(id)?;
    for revision in &history.revisions {
        browser::storage::remove(&revisions::text_key(id, revision.n))
            .map_err(SnapshotError::Storage)?;
    }
    browser::storage::remove(&revisions::history_key(id)).map_err(SnapshotError::Storage)
}
