//! The open draft's revisions (time, size, why), each restorable in one step, and the
//! deleted drafts that can be brought back from theirs.

use leptos::prelude::*;

use crate::browser;
use crate::persist::Persistence;
use crate::state::use_editor_state;

/// A size for people: bytes, KB or MB.
pub fn size(bytes: usize) -> String {
    let bytes = bytes as f64;
    if bytes >= 1_000_000.0 {
        format!("{:.1} MB", bytes / 1_000_000.0)
    } else if bytes >= 1000.0 {
        format!("{:.1} KB", bytes / 1000.0)
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
                    {
                        let is_now = move || now.get() == (revision.crc, revision.bytes);
                        view! {
                            <li class="revision-item" data-testid="revision-item" data-revision=revision.n>
                                <span class="draft-meta">
                                    {browser::clock::short_time(revision.at_ms)} " · " {size(revision.bytes)} " · " {revision.reason.label()}
                                    {move || is_now().then_some(" · the text now")}
                                </span>
                                <button type="button" data-testid="revision-restore" prop:disabled=is_now
                                    aria-label=format!("Restore the revision of {}", browser::clock::short_time(revision.at_ms))
                                    on:click=move |_| persistence.restore_revision(state, revision.n)>"Restore"</button>
                            </li>
                        }
                    }
                </For>
            </ul>
            {move || {
                let deleted = deleted();
                (!deleted.is_empty()).then(|| view! {
                    <h3 class="panel-subtitle">"Recently deleted"</h3>
                    <ul class="revision-list">
                        {deleted.into_iter().map(|d| {
                            let title = if d.history.title.trim().is_empty() { "Untitled".to_string() } else { d.history.title.clone() };
                            let when = d.history.newest().map(|r| browser::clock::short_time(r.at_ms)).unwrap_or_default();
                            let (id, forget_id) = (d.id.clone(), d.id.clone());
                            view! {
                                <li class="revision-item" data-testid="deleted-draft" data-draft-id=d.id.clone()>
                                    <span class="draft-meta">{title.clone()} " · " {when}</span>
                                    <span class="revision-actions">
                                        <button type="button" data-testid="restore-deleted" aria-label=format!("Bring back {title}")
                                            on:click=move |_| persistence.restore_deleted(state, &id)>"Bring back"</button>
                                        <button type="button" class="icon-button" data-testid="forget-deleted"
                                            aria-label=format!("Remove {title} and its revisions for good")
                                            on:click=move |_| persistence.forget_deleted(state, &forget_id)>"×"</button>
                                    </span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })
            }}
        </section>
    }
}
