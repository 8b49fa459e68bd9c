//! The choice offered when another tab changed the open draft.

use leptos::prelude::*;

use crate::persist::Persistence;
use crate::state::use_editor_state;

/// Shown while another tab's text for this draft waits for the writer's choice.
#[component]
pub fn ConflictBar() -> impl IntoView {
    let state = use_editor_state();
    let persistence = expect_context::<Persistence>();
    move || {
        persistence.has_conflict().then(|| {
            view! {
                <p class="notice conflict" data-testid="conflict" role="alert">
                    <span>"This draft was changed in another tab. Saving here is paused."</span>
                    <span class="conflict-actions">
                        <button type="button" data-testid="take-newer"
                            on:click=move |_| persistence.take_theirs(state)>"Take the newer text"</button>
                        <button type="button" data-testid="keep-copy"
                            on:click=move |_| persistence.keep_mine_as_copy(state)>"Keep mine as a copy"</button>
                    </span>
                </p>
            }
        })
    }
}
