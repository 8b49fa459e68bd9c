//! Pointer work: the split view's divider, dragged chips, clicks on buttons.

use wasm_bindgen::JsCast;
use web_sys::{Element, MouseEvent, PointerEvent};

fn target(ev: &PointerEvent) -> Option<Element> {
    ev.current_target()?.dyn_into::<Element>().ok()
}

/// Keep the pointer's events on the element it went down on, while it is dragged.
pub fn capture(ev: &PointerEvent) {
    if let Some(element) = target(ev) {
        let _ = element.set_pointer_capture(ev.pointer_id());
    }
}

/// Where the pointer is between the left edge of the element before the event's target
/// and the right edge of the element after it, from 0 to 1.
pub fn share_between_neighbours(ev: &PointerEvent) -> Option<f64> {
    let divider = target(ev)?;
    let left = divider
        .previous_element_sibling()?
        .get_bounding_client_rect()
        .left();
    let right = divider
        .next_element_sibling()?
        .get_bounding_client_rect()
        .right();
    (right > left).then(|| (f64::from(ev.client_x()) - left) / (right - left))
}

/// The `data-index` of the nearest element matching `selector` around the point where
/// the event happened (a chip under the pointer when a drag ends; found by position, as
/// a touch keeps sending its events to where it started).
pub fn index_under(ev: &PointerEvent, selector: &str) -> Option<usize> {
    web_sys::window()?
        .document()?
        .element_from_point(ev.client_x() as f32, ev.client_y() as f32)?
        .closest(selector)
        .ok()??
        .get_attribute("data-index")?
        .parse()
        .ok()
}

/// Whether a click landed on a button (or inside one).
pub fn on_button(ev: &MouseEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|e| e.closest("button").ok().flatten())
        .is_some()
}
