//! Focus mode (`focus-mode`, Ctrl+Shift+F anywhere): only the text, centred at a
//! comfortable line length, with the preview beside it on choice and typewriter
//! scrolling on choice. Remembered with the other preferences.

use leptos::prelude::*;

use crate::ui::use_ui;

/// The focus-mode button, and its two choices while it is on.
#[component]
pub fn FocusControls() -> impl IntoView {
    let ui = use_ui();
    let choice = move |id: &'static str,
                       text: &'static str,
                       on: Memo<bool>,
                       set: fn(crate::ui::Ui, bool)| {
        view! {
            <label class="focus-choice">
                <input type="checkbox" data-testid=id prop:checked=move || on.get()
                    on:change:target=move |ev| set(ui, ev.target().checked()) />
                {text}
            </label>
        }
    };
    view! {
        <div class="focus-controls">
            <button type="button" class="tool" data-testid="focus-mode"
                aria-pressed=move || ui.focus.get().to_string()
                aria-keyshortcuts="Control+Shift+F"
                title="Focus mode: only the text (Ctrl+Shift+F)"
                on:click=move |_| ui.set_focus(!ui.focus.get_untracked())>
                {move || if ui.focus.get() { "Leave focus" } else { "Focus" }}
            </button>
            <Show when=move || ui.focus.get()>
                {choice("focus-preview", "Preview", ui.focus_preview, crate::ui::Ui::set_focus_preview)}
                {choice("focus-typewriter", "Typewriter", ui.typewriter, crate::ui::Ui::set_typewriter)}
            </Show>
        </div>
    }
}
