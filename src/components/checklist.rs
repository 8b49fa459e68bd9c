//! The pre-publish check (`checklist`, items `check-item` with `data-kind`): what to look
//! at before the post goes out, found again once typing settles; a click on an item puts
//! the caret on its line.

use leptos::prelude::*;
use quire_core::checklist::{self, Check, SiteFacts};

use crate::browser;
use crate::persist::Persistence;
use crate::site::use_site;
use crate::site_settings::use_site_settings;
use crate::state::use_editor_state;

/// The checklist panel.
#[component]
pub fn Checklist() -> impl IntoView {
    let state = use_editor_state();
    let persistence = expect_context::<Persistence>();
    let settings = use_site_settings();
    let site = use_site();
    let items = Memo::new(move |_| {
        state.settled.track();
        let loaded = settings.loaded.get();
        let url = settings.post_url.get().and_then(Result::ok).map(|u| u.path);
        let path = persistence.site_link().map(|l| l.path);
        let posts = settings.post_urls.get();
        let open = site
            .info
            .with(|i| i.as_ref().is_some_and(|i| i.connected && i.kind.is_some()));
        let images = open.then(|| {
            let mut found = site.site_images.get();
            found.extend(persistence.known_images().into_keys());
            found
        });
        let inherited: Vec<_> = settings
            .inherited
            .get()
            .into_iter()
            .map(|i| (i.key, i.value))
            .collect();
        let facts = SiteFacts {
            config: loaded.as_ref().map(|l| &l.config),
            url: url.as_deref(),
            path: path.as_deref(),
            posts: &posts,
            images: images.as_ref(),
            inherited: &inherited,
        };
        let now = browser::clock::now_local();
        state
            .source
            .with_untracked(|src| checklist::check(src, &facts, &now))
    });
    view! {
        <section class="panel checklist-panel" aria-labelledby="checklist-heading" data-testid="checklist">
            <h2 id="checklist-heading" class="panel-title">"Before publishing"</h2>
            <Show when=move || items.with(Vec::is_empty)>
                <p class="hint">"Nothing to look at."</p>
            </Show>
            <ul class="check-list">
                <For each=move || items.get() key=|c| (c.kind, c.at, c.message.clone()) let:item>
                    <CheckRow item=item />
                </For>
            </ul>
        </section>
    }
}

/// One item: its message; a click goes to its line.
#[component]
fn CheckRow(item: Check) -> impl IntoView {
    let state = use_editor_state();
    let at = item.at;
    view! {
        <li>
            <button type="button" class="check-item" data-testid="check-item"
                data-kind=item.kind.name() title="Go to its line"
                on:click=move |_| state.jump_to(at)>{item.message}</button>
        </li>
    }
}
