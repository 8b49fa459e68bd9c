//! Errors and warnings meant for the writer.

use leptos::prelude::*;

use crate::export::use_exporter;
use crate::state::use_editor_state;

/// The notice bar: shown while there is a notice, announced to screen readers. A notice
/// about saving offers the download and, when freeing space can help, `on_free_space`.
#[component]
pub fn Notice(on_free_space: Callback<()>) -> impl IntoView {
    let state = use_editor_state();
    let exporter = use_exporter();
    view! {
        <div class="notice-region" role="status" aria-live="polite">
            {move || state.notice.get().map(|notice| view! {
                <p class="notice" data-testid="notice">
                    <span>{notice.text.clone()}</span>
                    {notice.offers_download().then(|| view! {
                        <span class="notice-actions">
                            <button type="button" data-testid="notice-download"
                                on:click=move |_| exporter.download()>"Download this post"</button>
                            {notice.offers_free_space().then(|| view! {
                                <button type="button" data-testid="free-space"
                                    title="Delete every revision, deleted drafts' too, then save again"
                                    on:click=move |_| on_free_space.run(())>"Free space: delete revisions"</button>
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
