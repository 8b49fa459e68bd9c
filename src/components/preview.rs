//! The live preview of the post's body.

use leptos::prelude::*;

use crate::state::use_editor_state;

/// The rendered body, updated on every change of the source.
#[component]
pub fn Preview() -> impl IntoView {
    let state = use_editor_state();
    view! {
        <section class="pane preview-pane" aria-label="Preview">
            <article class="preview" data-testid="preview" inner_html=move || state.preview_html.get()></article>
        </section>
    }
}
