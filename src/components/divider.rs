//! The draggable divider between the source and the preview (also moved with the arrow
//! keys when focused).

use leptos::prelude::*;

use crate::browser;
use crate::ui::use_ui;

/// The divider of the split view.
#[component]
pub fn Divider() -> impl IntoView {
    let ui = use_ui();
    let dragging = RwSignal::new(false);
    let track = move |ev: &leptos::ev::PointerEvent| {
        if let Some(share) = browser::pointer::share_between_neighbours(ev) {
            ui.set_split(share);
        }
    };
    view! {
        <div
            class="divider"
            data-testid="divider"
            role="separator"
            aria-orientation="vertical"
            aria-label="Resize the source and preview"
            aria-valuemin="20"
            aria-valuemax="80"
            aria-valuenow=move || format!("{:.0}", ui.split.get() * 100.0)
            tabindex="0"
            on:pointerdown=move |ev| {
                browser::pointer::capture(&ev);
                dragging.set(true);
            }
            on:pointermove=move |ev| {
                if dragging.get_untracked() {
                    track(&ev);
                }
            }
            on:pointerup=move |_| dragging.set(false)
            on:keydown=move |ev| {
                let step = match ev.key().as_str() {
                    "ArrowLeft" => -0.05,
                    "ArrowRight" => 0.05,
                    _ => return,
                };
                ev.prevent_default();
                ui.set_split(ui.split.get_untracked() + step);
            }
        ></div>
    }
}
