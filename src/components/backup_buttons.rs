//! "Back up all" (every draft in one zip) and "Restore…" (a backup merged in).

use leptos::prelude::*;

use crate::browser;
use crate::export::use_exporter;
use crate::import::use_importer;

/// The backup actions of the draft list.
#[component]
pub fn BackupButtons() -> impl IntoView {
    let exporter = use_exporter();
    let importer = use_importer();
    view! {
        <div class="backup-actions">
            <button type="button" data-testid="export-all" on:click=move |_| exporter.back_up_all()>"Back up all"</button>
            <label class="button-like">
                "Restore…"
                <input type="file" class="visually-hidden" data-testid="import-backup" accept=".zip,application/zip"
                    on:change:target=move |ev| {
                        if let Some(file) = browser::file::take_chosen(&ev.target()) {
                            importer.restore_backup(file);
                        }
                    } />
            </label>
        </div>
    }
}
