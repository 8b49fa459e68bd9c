//! "Back up all" (every draft in one zip) and "Restore…" (a backup merged in).

use leptos::prelude::*;

use crate::browser;
use crate::persist::Persistence;
use crate::state::use_editor_state;

/// The backup actions of the draft list.
#[component]
pub fn BackupButtons() -> impl IntoView {
    let state = use_editor_state();
    let persistence = expect_context::<Persistence>();
    let export = move |_| {
        let _ = browser::perf::mark(browser::perf::BACKUP_START);
        let result = persistence.export_all(state).and_then(|zip| {
            let day = browser::clock::now_local();
            let name = format!(
                "quire-backup-{:04}-{:02}-{:02}.zip",
                day.year, day.month, day.day
            );
            browser::download::download(&name, &zip, "application/zip")
        });
        let _ = browser::perf::measure_from(browser::perf::BACKUP, browser::perf::BACKUP_START);
        if let Err(err) = result {
            state.notice.set(crate::notices::problem(format!(
                "The backup could not be made: {err}"
            )));
        }
    };
    view! {
        <div class="backup-actions">
            <button type="button" data-testid="export-all" on:click=export>"Back up all"</button>
            <label class="button-like">
                "Restore…"
                <input type="file" class="visually-hidden" data-testid="import-backup" accept=".zip,application/zip"
                    on:change:target=move |ev| {
                        let input = ev.target();
                        leptos::task::spawn_local(async move {
                            let Some(file) = browser::file::take_chosen(&input) else {
                                return;
                            };
                            let (name, read) = browser::file::read(&file).await;
                            let message = match read {
                                Ok(bytes) => match persistence.restore_backup(&bytes) {
                                    Ok(done) => done,
                                    Err(why) => format!("{name} was not restored: {why}."),
                                },
                                Err(err) => format!("{name} could not be read: {err}."),
                            };
                            state.notice.set(crate::notices::problem(message));
                        });
                    } />
            </label>
        </div>
    }
}
