//! Links inside the preview's and the excerpt card's frames: made safe as the HTML goes in
//! (no script runs in the frames to do it), and links to a place in the post followed by
//! scrolling the frame, since a fragment link cannot be left to navigate it.

use quire_core::render::UrlKind;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event};

use super::BrowserError;

/// Links in a post that would run code when followed (`javascript:`, `data:`, `vbscript:`,
/// however written) lose their address; web links open in a new tab; nothing can navigate
/// the frame itself. No script runs inside the frame, so this is done as the blocks go in.
pub(super) fn disarm_links(block: &Element) -> Result<(), BrowserError> {
    let links = block
        .query_selector_all("[href], [*|href], [action], [formaction]")
        .map_err(BrowserError::from_js)?;
    for i in 0..links.length() {
        // Not `dyn_into`: the node belongs to the frame's realm, whose `Element` is not
        // this page's, and the selector matched elements only.
        let Some(link) = links.item(i).map(|n| n.unchecked_into::<Element>()) else {
            continue;
        };
        for name in link.get_attribute_names().iter() {
            let Some(name) = name.as_string() else {
                continue;
            };
            let local = name.rsplit(':').next().unwrap_or(&name);
            if !matches!(local, "href" | "action" | "formaction") {
                continue;
            }
            let value = link.get_attribute(&name).unwrap_or_default();
            match quire_core::render::url_kind(&value) {
                // Web links open in a new tab, whatever target the post gave them.
                UrlKind::Safe => {
                    link.set_attribute("target", "_blank")
                        .map_err(BrowserError::from_js)?;
                    link.set_attribute("rel", "noopener noreferrer")
                        .map_err(BrowserError::from_js)?;
                }
                // A fragment would resolve against the app's address and load the app into
                // the frame; with no script to scroll instead, it is kept as data only.
                UrlKind::Fragment => {
                    link.set_attribute("data-href", &value)
                        .map_err(BrowserError::from_js)?;
                    link.remove_attribute(&name)
                        .map_err(BrowserError::from_js)?;
                }
                UrlKind::Unsafe => link
                    .remove_attribute(&name)
                    .map_err(BrowserError::from_js)?,
            }
        }
    }
    Ok(())
}

/// On a click on a link to a place in the post (`#fn:1`, `#a-heading`), scroll the element
/// with that id (the link's fragment, percent-decoded) into the frame's view.
pub(super) fn follow_fragments(document: &Document) -> Result<(), BrowserError> {
    let doc = document.clone();
    let closure = Closure::<dyn Fn(Event)>::new(move |event: Event| {
        // Not `dyn_into`: the target belongs to the frame's realm.
        let Some(target) = event.target().map(|t| t.unchecked_into::<Element>()) else {
            return;
        };
        let Ok(Some(link)) = target.closest("[data-href]") else {
            return;
        };
        let value = link.get_attribute("data-href").unwrap_or_default();
        let Some(fragment) = value.trim().strip_prefix('#') else {
            return;
        };
        let id = js_sys::decode_uri_component(fragment)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| fragment.to_string());
        if let Some(place) = doc.get_element_by_id(&id) {
            event.prevent_default();
            place.scroll_into_view();
        }
    });
    document
        .add_event_listener_with_callback("click", closure.as_ref().unchecked_ref())
        .map_err(BrowserError::from_js)?;
    // The frame's document lives as long as the page.
    closure.forget();
    Ok(())
}
