//! Errors and warnings meant for the writer.

use leptos::prelude::*;

use super::export_button::download_post;
use crate::persist::Persistence;
use crate::revisions::Free;
use crate::state::use_editor_state;

/// The notice bar: shown while there is a notice, announced to screen readers.
#[component]
pub fn Notice() -> impl IntoView {
    let state = use_editor_state();
    let persistence = expect_context::<Persistence>();
    let ui = crate::ui::use_ui();
    view! {
        <div class="notice-region" role="status" aria-live="polite">
            {move || state.notice.get().map(|notice| view! {
                <p class="notice" data-testid="notice">
                    <span>{notice.text.clone()}</span>
                    {notice.offers_download().then(|| view! {
                        <span class="notice-actions">
                            <button type="button" data-testid="notice-download"
                                on:click=move |_| download_post(state, persistence, ui.name_style.get_untracked())>"Download this post"</button>
                            {notice.offers_free_space().then(|| view! {
                                <button type="button" data-testid="free-space"
                                    title="Delete every revision, deleted drafts' too, then save again"
                                    on:click=move |_| persistence.free_space(state, Free::All)>"Free space: delete revisions"</button>
                            })}
                        </span>
                    })}
                    <button type="button" class="icon-button" aria-label="Dismiss"
                        on:click=move |_| state.notice.set(None)>"×"</button>
                </p>
            })}
        </div>
    }
}
