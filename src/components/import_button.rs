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
            if file.mixed {
                state.notice.set(Some(format!(
                    "{name} mixed Windows and Unix line breaks; it is kept with Unix ones (\\n)."
                )));
            }
            persistence.new_draft_from_file(state, file);
        }
        Ok(Err(why)) => state
            .notice
            .set(Some(format!("{name} was not opened: {why}."))),
        Err(err) => state
            .notice
            .set(Some(format!("{name} could not be read: {err}."))),
    }
}

/// "Open…": a file input for .md, .markdown and .txt files.
#[component]
pub fn ImportButton() -> impl IntoView {
    let state = use_editor_state();
    let persistence = expect_context::<Persistence>();
    view! {
        <label class="button-like">
            "Open…"
            <input type="file" class="visually-hidden" data-testid="import-file"
                accept=".md,.markdown,.txt,text/markdown,text/plain"
                on:change:target=move |ev| {
                    let input = ev.target();
                    leptos::task::spawn_local(async move {
                        if let Some((name, read)) = browser::file::take_chosen(&input).await {
                            open_as_draft(state, persistence, &name, read);
                        }
                    });
                } />
        </label>
    }
}
