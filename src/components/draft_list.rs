//! The drafts kept in this browser: newest first, filterable; new, duplicate, open, delete
//! with undo.

use leptos::prelude::*;

use super::{BackupButtons, ImportButton, StorageUsage};
use quire_core::drafts::DraftMeta;

use crate::browser;
use crate::persist::Persistence;
use crate::state::use_editor_state;

fn template() -> String {
    quire_core::template::new_post(&browser::clock::now_local())
}

/// The draft list panel.
#[component]
pub fn DraftList() -> impl IntoView {
    let state = use_editor_state();
    let persistence = expect_context::<Persistence>();
    let (filter, set_filter) = signal(String::new());
    let drafts = move || persistence.listed(&filter.get());
    view! {
        <section class="panel drafts-panel" aria-labelledby="drafts-heading">
            <h2 id="drafts-heading" class="panel-title">"Drafts"</h2>
            <div class="draft-actions">
                <button type="button" data-testid="new-draft"
                    on:click=move |_| persistence.new_draft(state, template())>"New"</button>
                <button type="button" data-testid="duplicate-draft"
                    on:click=move |_| persistence.duplicate(state)>"Duplicate"</button>
                <ImportButton />
                <input type="search" class="fm-input" data-testid="draft-filter" placeholder="Filter…"
                    aria-label="Filter drafts by title" prop:value=filter
                    on:input:target=move |ev| set_filter.set(ev.target().value()) />
            </div>
            {move || persistence.deleted().map(|deleted| view! {
                <p class="undo-bar">
                    "Deleted “" {deleted.meta.title.clone()} "”. "
                    <button type="button" data-testid="undo" on:click=move |_| persistence.undo_delete(state)>"Undo"</button>
                </p>
            })}
            <ul class="draft-list" data-testid="draft-list">
                <For each=drafts key=|d| (d.id.clone(), d.updated_ms.to_bits(), d.title.clone(), d.site.as_ref().map(|l| l.path.clone())) let:draft>
                    <DraftRow draft=draft />
                </For>
            </ul>
            <BackupButtons />
            <StorageUsage />
        </section>
    }
}

/// One stored draft: open it, or delete it (with undo).
#[component]
fn DraftRow(draft: DraftMeta) -> impl IntoView {
    let state = use_editor_state();
    let persistence = expect_context::<Persistence>();
    let id = StoredValue::new(draft.id.clone());
    let title = if draft.title.trim().is_empty() {
        "Untitled".to_string()
    } else {
        draft.title.clone()
    };
    let words = if draft.words == 1 { "word" } else { "words" };
    view! {
        <li class="draft-item" data-testid="draft-item" data-draft-id=draft.id.clone()
            class:current=move || id.with_value(|id| persistence.is_open(id))>
            <button type="button" class="draft-open" title=format!("Open {title}")
                on:click=move |_| id.with_value(|id| persistence.open_draft(state, id))>
                <span class="draft-title">{title.clone()}</span>
                <span class="draft-meta">{browser::clock::short_time(draft.updated_ms)} " · " {draft.words} " " {words}</span>
                {draft.site.as_ref().map(|link| view! {
                    <span class="draft-meta draft-site" data-testid="draft-site-link" data-path=link.path.clone()>
                        {format!("In {}: {}", if link.site_name.is_empty() { "site" } else { &link.site_name }, link.path)}
                    </span>
                })}
            </button>
            <button type="button" class="icon-button" data-testid="delete-draft"
                aria-label=format!("Delete {title}")
                on:click=move |_| id.with_value(|id| persistence.delete(state, id, template))>"×"</button>
        </li>
    }
}
