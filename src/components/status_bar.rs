//! Figures about the post: whether it is saved, words and reading time.

use leptos::prelude::*;

use crate::persist::Persistence;
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
    let persistence = expect_context::<Persistence>();
    view! {
        <div class="status-bar">
            <p class="status" data-testid="save-status" role="status" aria-live="polite">
                {move || persistence.status().label()}
            </p>
            <p class="status" data-testid="word-count">{label}</p>
        </div>
    }
}
