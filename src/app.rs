//! The app shell: one [`EditorState`] in context, and the layout around it.

use leptos::prelude::*;

use crate::browser;
use crate::components::{Editor, ExcerptPanel, FrontMatterForm, Notice, Preview, StatusBar};
use crate::state::EditorState;

/// The whole page: header, notices, the post-details panel, editor and preview.
#[component]
pub fn App() -> impl IntoView {
    let initial = quire_core::template::new_post(&browser::clock::now_local());
    let state = EditorState::new(initial);
    provide_context(state);

    view! {
        <header class="app-header">
            <h1 class="app-name">"Quire"</h1>
            <StatusBar />
        </header>
        <Notice />
        <main class="workspace">
            <aside class="side-panel" aria-label="Post details">
                <FrontMatterForm />
                <ExcerptPanel />
            </aside>
            <Editor />
            <Preview />
        </main>
    }
}
