//! Figures about the post: words and reading time.

use leptos::prelude::*;

use crate::state::use_editor_state;

/// Word count and reading time of the body, as the writer types.
#[component]
pub fn StatusBar() -> impl IntoView {
    let state = use_editor_state();
    let label = move || {
        let stats = state.stats.get();
        let words = if stats.words == 1 { "word" } else { "words" };
        format!(
            "{} {words} · {} min read",
            stats.words, stats.reading_minutes
        )
    };
    view! {
        <p class="status" data-testid="word-count" aria-live="polite">{label}</p>
    }
}
