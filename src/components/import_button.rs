//! Opening a post file as a new draft; the open draft is never overwritten.

use leptos::prelude::*;

use crate::browser::{self, BrowserError};
use crate::persist::Persistence;
use crate::state::{use_editor_state, EditorState};

/// Open a file's bytes as a new draft (the open draft is kept), or say why not.
pub fn open_as_draft(
    state: EditorState,
    persistence: Persistence,
    name: &str,
    read: Result<Vec<u8>, BrowserError>,
) {
    match read.map(|bytes| quire_core::import::decode(&bytes)) {
        Ok(Ok(text)) => {
            let file = quire_core::import::for_editor(&text);
            persistence.new_draft_from_file(state, file);
            // Saved at once: a file too large for the storage is said so now, not later.
            persistence.save_now(state);
        }
        Ok(Err(why)) => state.notice.set(crate::notices::problem(format!(
            "{name} was not opened: {why}."
        ))),
        Err(err) => state.notice.set(crate::notices::problem(format!(
            "{name} could not be read: {err}."
        ))),
    }
}

/// Files from this size on show their progress while they are read.
const SHOW_PROGRESS_FROM: f64 = 256.0 * 1024.0;

/// A file being opened: its name, bytes read, bytes in all.
#[derive(Clone, Copy)]
pub struct Opening(pub RwSignal<Option<(String, f64, f64)>>);

/// Read a chosen or dropped file, showing progress for a large one, and open it as a new
/// draft.
pub async fn open_file(
    state: EditorState,
    persistence: Persistence,
    Opening(opening): Opening,
    file: web_sys::File,
) {
    let mut shown = false;
    let (name, read) = browser::file::read_with_progress(&file, |name, done, total| {
        if total >= SHOW_PROGRESS_FROM {
            shown = true;
            opening.set(Some((name.to_string(), done, total)));
        }
    })
    .await;
    if shown {
        // Let "Opening…" show while a large text goes into the editor.
        browser::yield_to_browser().await;
    }
    open_as_draft(state, persistence, &name, read);
    opening.set(None);
}

/// The progress of a file being opened, while there is one.
#[component]
pub fn OpeningProgress() -> impl IntoView {
    let opening = expect_context::<Opening>().0;
    move || {
        opening.get().map(|(name, done, total)| {
            let percent = if total > 0.0 {
                done / total * 100.0
            } else {
                100.0
            };
            let label = if done < total {
                format!("Reading {name}: {percent:.0} %")
            } else {
                format!("Opening {name}…")
            };
            view! {
                <p class="notice opening" data-testid="import-progress-bar">
                    <label>
                        <span>{label}</span>
                        " "
                        <progress data-testid="import-progress" max=total value=done></progress>
                    </label>
                </p>
            }
        })
    }
}

/// "Open…": a file input for .md, .markdown and .txt files.
#[component]
pub fn ImportButton() -> impl IntoView {
    let state = use_editor_state();
    let persistence = expect_context::<Persistence>();
    let opening = expect_context::<Opening>();
    view! {
        <label class="button-like">
            "Open…"
            <input type="file" class="visually-hidden" data-testid="import-file"
                accept=".md,.markdown,.txt,text/markdown,text/plain"
                on:change:target=move |ev| {
                    let input = ev.target();
                    let Some(file) = browser::file::take_chosen(&input) else {
                        return;
                    };
                    leptos::task::spawn_local(open_file(state, persistence, opening, file));
                } />
        </label>
    }
}
