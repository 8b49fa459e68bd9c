//! Downloading the post as the `.md` file the site wants.

use leptos::prelude::*;
use quire_core::export::{self, NameStyle};

use crate::browser;
use crate::persist::Persistence;
use crate::state::{use_editor_state, EditorState};

/// Download the post as `YYYY-MM-DD-slug.md`, its bytes exactly; a failure is a notice.
pub fn download_post(state: EditorState, persistence: Persistence) {
    let result = state.source.with_untracked(|src| {
        let name = export::file_name(src, &browser::clock::now_local(), NameStyle::Jekyll);
        let crlf = persistence.crlf.get_untracked();
        browser::download::download(
            &name,
            export::export_text(src, crlf).as_bytes(),
            "text/markdown;charset=utf-8",
        )
    });
    if let Err(err) = result {
        state
            .notice
            .set(Some(format!("The download failed: {err}")));
    }
}

/// The download button: `YYYY-MM-DD-slug.md`, the source's bytes exactly.
#[component]
pub fn ExportButton() -> impl IntoView {
    let state = use_editor_state();
    let persistence = expect_context::<Persistence>();
    let name = move || {
        state
            .source
            .with(|src| export::file_name(src, &browser::clock::now_local(), NameStyle::Jekyll))
    };
    view! {
        <button type="button" class="primary" data-testid="export-md" title=name
            on:click=move |_| download_post(state, persistence)>
            "Download .md"
        </button>
    }
}
