//! How much room the drafts take, and whether the browser keeps them under pressure.

use leptos::prelude::*;

use crate::browser;
use crate::persist::Persistence;

fn kb(bytes: f64) -> String {
    super::revisions_panel::size(bytes, 0)
}

/// One line under the draft list: drafts' size, the site's storage estimate, persistence.
#[component]
pub fn StorageUsage() -> impl IntoView {
    let persistence = expect_context::<Persistence>();
    let (persisted, set_persisted) = signal(None::<bool>);
    let (site, set_site) = signal(None::<(f64, f64)>);
    leptos::task::spawn_local(async move {
        set_persisted.set(browser::storage::request_persistence().await.ok());
        set_site.set(browser::storage::estimate().await.ok());
    });
    let drafts_bytes = move || persistence.stored_bytes();
    view! {
        <p class="storage-usage" data-testid="storage-usage">
            "Drafts: " {move || kb(drafts_bytes() as f64)}
            {move || site.get().map(|(usage, quota)| format!(" · site storage {} of {}", kb(usage), kb(quota)))}
            {move || match persisted.get() {
                Some(true) => " · kept persistently",
                Some(false) => " · the browser may clear it under pressure: download what matters",
                None => "",
            }}
        </p>
    }
}
