//! The open draft's revisions (time, size, why), each restorable in one step, and the
//! deleted drafts that can be brought back from theirs.

use leptos::prelude::*;

use quire_core::revisions::Revision;

use crate::browser;
use crate::persist::Persistence;
use crate::state::use_editor_state;

/// A size for people: bytes, KB (`kb_decimals` after the point) or MB.
pub fn size(bytes: f64, kb_decimals: usize) -> String {
    if bytes >= 1_000_000.0 {
        format!("{:.1} MB", bytes / 1_000_000.0)
    } else if bytes >= 1000.0 {
        format!("{:.kb_decimals$} KB", bytes / 1000.0)
    } else {
        format!("{bytes:.0} bytes")
    }
}

/// The revisions panel.
#[component]
pub fn RevisionsPanel() -> impl IntoView {
    let state = use_editor_state();
    let persistence = expect_context::<Persistence>();
    let listed = move || persistence.revisions();
    // The editor's text as a revision would record it, once typing pauses.
    let now = Memo::new(move |_| {
        state.settled.track();
        state
            .source
            .with_untracked(|s| (quire_core::revisions::checksum(s), s.len()))
    });
    // The stored drafts' ids: the deleted list is looked up again only when they change.
    let known = Memo::new(move |_| persistence.draft_ids());
    let deleted = move || {
        persistence.track_histories();
        known.with(|known| crate::revisions::deleted_drafts(known))
    };
    view! {
        <section class="panel revisions-panel" aria-labelledby="revisions-heading" data-testid="revisions">
            <h2 id="revisions-heading" class="panel-title">"Revisions"</h2>
            <Show when=move || persistence.revisions().is_empty()>
                <p class="hint">"None yet: one is kept when a draft is opened, every few minutes of writing, and before anything replaces it."</p>
            </Show>
            <ul class="revision-list">
                <For each=listed key=|r| r.n let:revision>
                    <RevisionRow revision=revision now=now />
                </For>
            </ul>
            {move || {
                let deleted = deleted();
                (!deleted.is_empty()).then(|| view! {
                    <h3 class="panel-subtitle">"Recently deleted"</h3>
                    <ul class="revision-list">
                        {deleted.into_iter().map(|d| view! { <DeletedRow deleted=d /> }).collect_view()}
                    </ul>
                })
            }}
        </section>
    }
}

/// One revision of the open draft: when, how large, why; restorable unless it is the text
/// now (`now`: the checksum and size of the editor's text).
#[component]
fn RevisionRow(revision: Revision, now: Memo<(u32, usize)>) -> impl IntoView {
    let state = use_editor_state();
    let persistence = expect_context::<Persistence>();
    let is_now = move || now.get() == (revision.crc, revision.bytes);
    let when = browser::clock::short_time(revision.at_ms);
    view! {
        <li class="revision-item" data-testid="revision-item" data-revision=revision.n>
            <span class="draft-meta">
                {when.clone()} " · " {size(revision.bytes as f64, 1)} " · " {revision.reason.label()}
                {move || is_now().then_some(" · the text now")}
            </span>
            <button type="button" data-testid="revision-restore" prop:disabled=is_now
                aria-label=format!("Restore the revision of {when}")
                on:click=move |_| persistence.restore_revision(state, revision.n)>"Restore"</button>
        </li>
    }
}

/// A deleted draft whose revisions are kept: bring it back, or forget it for good.
#[component]
fn DeletedRow(deleted: crate::revisions::DeletedDraft) -> impl IntoView {
    let state = use_editor_state();
    let persistence = expect_context::<Persistence>();
    let history = &deleted.history;
    let title = if history.title.trim().is_empty() {
        "Untitled".to_string()
    } else {
        history.title.clone()
    };
    let when = history
        .newest()
        .map(|r| browser::clock::short_time(r.at_ms))
        .unwrap_or_default();
    let id = StoredValue::new(deleted.id.clone());
    view! {
        <li class="revision-item" data-testid="deleted-draft" data-draft-id=deleted.id.clone()>
            <span class="draft-meta">{title.clone()} " · " {when}</span>
            <span class="revision-actions">
                <button type="button" data-testid="restore-deleted" aria-label=format!("Bring back {title}")
                    on:click=move |_| id.with_value(|id| persistence.restore_deleted(state, id))>"Bring back"</button>
                <button type="button" class="icon-button" data-testid="forget-deleted"
                    aria-label=format!("Remove {title} and its revisions for good")
                    on:click=move |_| {
                        id.with_value(|id| persistence.forget_deleted(state, id));
                        // Its images go too, unless another draft or revision uses them.
                        crate::images::use_images().collect_garbage();
                    }>"×"</button>
            </span>
        </li>
    }
}
