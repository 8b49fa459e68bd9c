//! The draggable divider between the source and the preview (also moved with the arrow
//! keys when focused).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::use_ui;

/// The divider of the split view.
#[component]
pub fn Divider() -> impl IntoView {
    let ui = use_ui();
    let dragging = RwSignal::new(false);
    let track = move |ev: &leptos::ev::PointerEvent| {
        // The editor and preview panes are the divider's neighbours.
        let Some(divider) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let (Some(before), Some(after)) = (
            divider.previous_element_sibling(),
            divider.next_element_sibling(),
        ) else {
            return;
        };
        let left = before.get_bounding_client_rect().left();
        let right = after.get_bounding_client_rect().right();
        if right > left {
            let share = (f64::from(ev.client_x()) - left) / (right - left);
            ui.split.set(quire_core::prefs::clamp_split(share));
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
                if let Some(el) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                    let _ = el.set_pointer_capture(ev.pointer_id());
                }
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
                ui.split.update(|s| *s = quire_core::prefs::clamp_split(*s + step));
            }
        ></div>
    }
}
