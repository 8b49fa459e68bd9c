//! On a phone, the drafts and the post's details live in a drawer over the editor:
//! `panels-toggle` in the header opens it; it closes with its close button, Escape, a tap
//! beside it, or once used to open another post or jump to a heading.

use leptos::prelude::*;

use crate::state::use_editor_state;
use crate::ui::use_ui;

/// The header button that opens the drawer (shown on a phone only).
#[component]
pub fn PanelsToggle() -> impl IntoView {
    let ui = use_ui();
    view! {
        <button type="button" node_ref=ui.panels_button class="tool panels-toggle" data-testid="panels-toggle"
            aria-controls="side-panel" aria-expanded=move || ui.panels_open.get().to_string()
            title="Drafts, front matter, outline and more"
            on:click=move |_| ui.panels_open.update(|o| *o = !*o)>
            "Panels"
        </button>
    }
}

/// The drawer's own header: its close button (shown on a phone only), which takes the
/// focus when the drawer opens.
#[component]
pub fn DrawerHeader() -> impl IntoView {
    let ui = use_ui();
    let state = use_editor_state();
    let button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if ui.panels_open.get() {
            if let Some(button) = button.get_untracked() {
                let _ = button.focus();
            }
        }
    });
    // Another post opened from the drawer: it has done its job.
    Effect::new(move |previous: Option<()>| {
        state.loaded.track();
        if previous.is_some() {
            ui.panels_open.set(false);
        }
    });
    view! {
        <div class="drawer-header">
            <button type="button" node_ref=button class="tool" data-testid="panels-close"
                on:click=move |_| close(ui)>"Close panels"</button>
        </div>
    }
}

/// Close the drawer and give the focus back to its button.
pub fn close(ui: crate::ui::Ui) {
    if !ui.panels_open.get_untracked() {
        return;
    }
    ui.panels_open.set(false);
    if let Some(toggle) = ui.panels_button.get_untracked() {
        let _ = toggle.focus();
    }
}
