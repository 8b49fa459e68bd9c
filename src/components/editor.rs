//! The source editor: a plain textarea holding the whole post.

use leptos::prelude::*;

use crate::state::use_editor_state;

/// The textarea with the post's source text. The browser owns the text while the writer
/// types (so its own undo and caret work); every input is copied into the state.
#[component]
pub fn Editor() -> impl IntoView {
    let state = use_editor_state();
    view! {
        <section class="pane editor-pane" aria-label="Post source">
            <textarea
                node_ref=state.editor
                class="editor"
                data-testid="editor"
                aria-label="Post source (front matter and Markdown)"
                spellcheck="true"
                autofocus=true
                prop:value=move || state.loaded.get()
                on:input:target=move |ev| {
                    state.source.set(ev.target().value());
                    state.caret_moved.notify();
                }
                on:scroll=move |_| state.editor_scrolled.notify()
                on:keyup=move |_| state.caret_moved.notify()
                on:click=move |_| state.caret_moved.notify()
            ></textarea>
        </section>
    }
}
