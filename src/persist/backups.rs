//! Export-all and restore: the stored drafts to one backup file and back, through the
//! persistence path. Restoring never overwrites a stored draft: the same text is skipped,
//! different text under the same id becomes a copy. Each draft's revisions travel with it.

use leptos::prelude::*;
use quire_core::backup::{self, BackupDraft, Restore};

use quire_core::drafts::{self, DraftMeta};

use super::Persistence;
use crate::browser::{self, BrowserError};
use crate::state::EditorState;

impl Persistence {
    /// Every stored draft (the open one saved first) with its revisions, for a backup.
    pub fn backup_drafts(self, state: EditorState) -> Result<Vec<BackupDraft>, BrowserError> {
        let persistence = self;
        persistence.save_now(state);
        let metas = persistence
            .index
            .with_untracked(|i| i.as_ref().map(|i| i.drafts.clone()).unwrap_or_default());
        let mut drafts = Vec::with_capacity(metas.len());
        for meta in metas {
            if let Some(text) = browser::storage::load_draft(&meta.id)? {
                drafts.push(BackupDraft {
                    revisions: crate::revisions::for_backup(&meta.id),
                    id: meta.id,
                    title: meta.title,
                    updated_ms: meta.updated_ms,
                    endings: meta.endings,
                    images: meta.images,
                    text,
                });
            }
        }
        Ok(drafts)
    }

    /// Merge a backup's drafts and revisions into the stored ones (nothing stored is
    /// overwritten; their images are stored already); returns what was done.
    pub fn restore_drafts(self, drafts: Vec<BackupDraft>) -> Result<Restored, RestoreError> {
        let Some(mut index) = self.index.get_untracked() else {
            return Err(RestoreError::ListNotWritable);
        };
        let plan = backup::plan(
            drafts,
            |id| browser::storage::load_draft(id).ok().flatten(),
            || drafts::new_id(browser::clock::now_ms(), browser::clock::random()),
        );
        let mut done = Restored::default();
        for step in plan {
            let (id, draft) = match step {
                Restore::Same => {
                    done.same += 1;
                    continue;
                }
                Restore::New(draft) => {
                    done.added += 1;
                    (draft.id.clone(), draft)
                }
                Restore::Copy { id, draft } => {
                    done.copies += 1;
                    (id, draft)
                }
            };
            browser::storage::save_draft(&id, &draft.text).map_err(RestoreError::Storage)?;
            done.revisions +=
                crate::revisions::adopt(&id, &draft.title, &draft.endings, &draft.revisions)
                    .map_err(|e| RestoreError::Revisions(e.to_string()))?;
            index.upsert(DraftMeta {
                id,
                title: draft.title,
                updated_ms: draft.updated_ms,
                words: quire_core::stats::post_stats(&draft.text).words,
                bytes: draft.text.len(),
                caret: 0,
                scroll: 0.0,
                endings: draft.endings,
                images: draft.images,
                site: None,
            });
        }
        browser::storage::save_index(&index).map_err(RestoreError::Storage)?;
        self.index.set(Some(index));
        self.histories_changed.notify();
        Ok(done)
    }
}

/// What restoring a backup did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Restored {
    /// Drafts that were not stored here.
    pub added: usize,
    /// Drafts kept as copies beside a different draft with the same id.
    pub copies: usize,
    /// Drafts already stored with the same text.
    pub same: usize,
    /// Revisions added.
    pub revisions: usize,
}

impl core::fmt::Display for Restored {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let Restored {
            added,
            copies,
            same,
            revisions,
        } = self;
        write!(
            f,
            "Backup restored: {added} drafts added, {copies} kept as copies beside a different \
             draft with the same id, {same} already here; {revisions} revisions added."
        )
    }
}

/// Why a backup was not restored.
#[derive(Debug, Clone, PartialEq)]
pub enum RestoreError {
    /// The file is not a backup this Quire can read.
    Backup(quire_core::backup::BackupError),
    /// The stored draft list is a newer Quire's and must not be written.
    ListNotWritable,
    /// The storage refused.
    Storage(BrowserError),
    /// A draft's revisions could not be added.
    Revisions(String),
    /// The backup's images could not be stored (nothing of it was restored).
    Images(BrowserError),
}

impl core::fmt::Display for RestoreError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            RestoreError::Backup(err) => write!(f, "{err}"),
            RestoreError::ListNotWritable => {
                f.write_str("the draft list cannot be written (see the notice above)")
            }
            RestoreError::Storage(err) => write!(f, "{err}"),
            RestoreError::Revisions(why) => f.write_str(why),
            RestoreError::Images(err) => write!(f, "its images could not be stored: {err}"),
        }
    }
}
