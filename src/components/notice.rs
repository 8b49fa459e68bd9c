//! Errors and warnings meant for the writer.

use leptos::prelude::*;

use crate::state::use_editor_state;

/// The notice bar: shown while there is a notice, announced to screen readers.
#[component]
pub fn Notice() -> impl IntoView {
    let state = use_editor_state();
    view! {
        <div class="notice-region" role="status" aria-live="polite">
            {move || state.notice.get().map(|message| view! {
                <p class="notice" data-testid="notice">
                    <span>{message}</span>
                    <button type="button" class="icon-button" aria-label="Dismiss"
                        on:click=move |_| state.notice.set(None)>"×"</button>
                </p>
            })}
        </div>
    }
}
