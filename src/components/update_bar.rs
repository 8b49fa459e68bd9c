//! "A new version is ready": shown when a new deploy has been installed for offline use.

use leptos::prelude::*;

use crate::browser;
use crate::persist::Persistence;
use crate::state::use_editor_state;

/// Registers the service worker; offers the update once a new version waits.
#[component]
pub fn UpdateBar() -> impl IntoView {
    let state = use_editor_state();
    let persistence = expect_context::<Persistence>();
    let ready = RwSignal::new(false);
    if let Err(err) = browser::service_worker::register(move || ready.set(true)) {
        leptos::logging::warn!("offline use is off: {err}");
    }
    let update = move |_| {
        // Keep the text: save it before the page reloads.
        persistence.save_now(state);
        if let Err(err) = browser::service_worker::switch_to_update() {
            state.notice.set(crate::notices::problem(format!(
                "The update could not be applied: {err}"
            )));
        }
    };
    move || {
        ready.get().then(|| {
            view! {
                <p class="notice update" data-testid="update-ready" role="status">
                    <span>"A new version of Quire is ready. Your text is kept."</span>
                    <button type="button" data-testid="update-reload" on:click=update>
                        "Reload to update"
                    </button>
                </p>
            }
        })
    }
}
