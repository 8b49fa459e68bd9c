//! The outline (`outline`, items `outline-item`): the post's headings with the ids the
//! preview gives them, read again once typing pauses; a click brings the heading to the
//! top of both the editor and the preview; the caret's section is marked.

use leptos::prelude::*;
use quire_core::render::outline::Heading;

use crate::state::use_editor_state;

/// The outline panel.
#[component]
pub fn Outline() -> impl IntoView {
    let state = use_editor_state();
    let preview = crate::preview::use_preview();
    let rerendered = preview.with_value(|p| p.rerendered);
    let headings = Memo::new(move |_| {
        state.settled.track();
        rerendered.track();
        preview.with_value(|p| p.outline())
    });
    // The heading whose section holds the caret: the last one starting at or before it,
    // found once the caret has rested (typing costs a timer, nothing more).
    let caret_rested = Trigger::new();
    let timer = crate::browser::debounce::Debounce::default();
    Effect::new(move |_| {
        state.caret_moved.track();
        timer.poke(crate::state::SETTLE_LARGE, move || caret_rested.notify());
    });
    let current = Memo::new(move |_| {
        caret_rested.track();
        headings.track();
        let caret = state.caret()?;
        let body = state
            .source
            .with_untracked(|src| quire_core::split(src).body.start);
        let at = caret.checked_sub(body)?;
        headings.with_untracked(|all| {
            let after = all.partition_point(|h| h.start <= at);
            after.checked_sub(1)
        })
    });
    let ui = crate::ui::use_ui();
    view! {
        <nav class="panel outline-panel" aria-labelledby="outline-heading" data-testid="outline">
            <h2 id="outline-heading" class="panel-title">"Outline"</h2>
            <Show when=move || headings.with(Vec::is_empty)>
                <p class="hint">"No headings yet."</p>
            </Show>
            <ol class="outline-list">
                // Keyed by what shows: typing elsewhere (which moves every heading's offset)
                // changes nothing on the page.
                <For
                    each=move || headings.get().into_iter().enumerate()
                    key=|(index, h)| (*index, h.level, h.text.clone(), h.id.clone())
                    children=move |(index, heading)| {
                        let Heading { level, text, id, .. } = heading;
                        let text = if text.is_empty() { "(untitled heading)".to_string() } else { text };
                        view! {
                            <li class=format!("outline-level-{level}")>
                                <button type="button" class="outline-item" data-testid="outline-item"
                                    data-id=id.unwrap_or_default() data-level=level
                                    aria-current=move || (current.get() == Some(index)).then_some("location")
                                    on:click=move |_| {
                                        ui.panels_open.set(false);
                                        // The heading as it is now (its offset moves with typing).
                                        if let Some(target) = headings.with_untracked(|all| all.get(index).cloned()) {
                                            preview.with_value(|p| p.go_to_heading(&target));
                                        }
                                        state.moved_caret();
                                    }>{text}</button>
                            </li>
                        }
                    }
                />
            </ol>
        </nav>
    }
}
