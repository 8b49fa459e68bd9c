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
    /// Every stored draft (the open one saved first), as a backup zip.
    pub fn export_all(self, state: EditorState) -> Result<Vec<u8>, BrowserError> {
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
                    text,
                });
            }
        }
        Ok(backup::write(&drafts, &browser::clock::now_local()))
    }

    /// Restore a backup's drafts; returns a sentence saying what was done.
    pub fn restore_backup(self, bytes: &[u8]) -> Result<String, String> {
        let persistence = self;
        let drafts = backup::read(bytes).map_err(|e| e.to_string())?;
        let Some(mut index) = persistence.index.get_untracked() else {
            return Err("the draft list cannot be written (see the notice above)".into());
        };
        let plan = backup::plan(
            drafts,
            |id| browser::storage::load_draft(id).ok().flatten(),
            || drafts::new_id(browser::clock::now_ms(), browser::clock::random()),
        );
        let (mut added, mut copies, mut same, mut revisions) = (0, 0, 0, 0);
        for step in plan {
            let (id, draft) = match step {
                Restore::Same => {
                    same += 1;
                    continue;
                }
                Restore::New(draft) => {
                    added += 1;
                    (draft.id.clone(), draft)
                }
                Restore::Copy { id, draft } => {
                    copies += 1;
                    (id, draft)
                }
            };
            browser::storage::save_draft(&id, &draft.text).map_err(|e| e.to_string())?;
            revisions +=
                crate::revisions::adopt(&id, &draft.title, &draft.endings, &draft.revisions)
                    .map_err(|e| e.to_string())?;
            index.upsert(DraftMeta {
                id,
                title: draft.title,
                updated_ms: draft.updated_ms,
                words: quire_core::stats::post_stats(&draft.text).words,
                bytes: draft.text.len(),
                caret: 0,
                scroll: 0.0,
                endings: draft.endings,
            });
        }
        browser::storage::save_index(&index).map_err(|e: BrowserError| e.to_string())?;
        persistence.index.set(Some(index));
        persistence.histories_changed.notify();
        Ok(format!(
        "Backup restored: {added} drafts added, {copies} kept as copies beside a different draft with the same id, {same} already here; {revisions} revisions added."
    ))
    }
}
