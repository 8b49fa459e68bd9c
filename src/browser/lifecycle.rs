//! The page being hidden or left: the moments to save at once.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::BrowserError;

/// Call `save` when the page is hidden (tab switch, phone lock) or being unloaded. The
/// listeners live as long as the page.
pub fn on_hide(save: impl Fn() + 'static) -> Result<(), BrowserError> {
    let window = web_sys::window().ok_or(BrowserError::NoWindow)?;
    let document = window.document().ok_or(BrowserError::NoWindow)?;
    let save = std::rc::Rc::new(save);
    on_visibility(&document, true, {
        let save = save.clone();
        move || save()
    })?;
    listen(&window, "pagehide", move || save())
}

/// Call `then` whenever the page becomes hidden (`hidden`) or shown again (not `hidden`).
fn on_visibility(
    document: &web_sys::Document,
    hidden: bool,
    then: impl Fn() + 'static,
) -> Result<(), BrowserError> {
    let watched = document.clone();
    listen(document, "visibilitychange", move || {
        if watched.hidden() == hidden {
            then();
        }
    })
}

/// Call `then` on each `event` of `target`, for as long as the page lives.
fn listen(
    target: &web_sys::EventTarget,
    event: &str,
    then: impl Fn() + 'static,
) -> Result<(), BrowserError> {
    let listener = Closure::<dyn Fn()>::new(then);
    target
        .add_event_listener_with_callback(event, listener.as_ref().unchecked_ref())
        .map_err(BrowserError::from_js)?;
    listener.forget();
    Ok(())
}

/// Call `changed(key, new_value)` when another tab of this site changes localStorage.
pub fn on_storage_change(
    changed: impl Fn(String, Option<String>) + 'static,
) -> Result<(), BrowserError> {
    let window = web_sys::window().ok_or(BrowserError::NoWindow)?;
    let listener =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
            if let Some(key) = event.key() {
                changed(key, event.new_value());
            }
        });
    window
        .add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref())
        .map_err(BrowserError::from_js)?;
    listener.forget();
    Ok(())
}

/// Call `back` when the writer comes back to the page: the window regains focus, or the
/// tab is shown again. The listeners live as long as the page.
pub fn on_return(back: impl Fn() + 'static) -> Result<(), BrowserError> {
    let window = web_sys::window().ok_or(BrowserError::NoWindow)?;
    let document = window.document().ok_or(BrowserError::NoWindow)?;
    let back = std::rc::Rc::new(back);
    on_visibility(&document, false, {
        let back = back.clone();
        move || back()
    })?;
    listen(&window, "focus", move || back())
}
