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

    let on_visibility = {
        let (save, document) = (save.clone(), document.clone());
        Closure::<dyn Fn()>::new(move || {
            if document.hidden() {
                save();
            }
        })
    };
    document
        .add_event_listener_with_callback(
            "visibilitychange",
            on_visibility.as_ref().unchecked_ref(),
        )
        .map_err(BrowserError::from_js)?;
    on_visibility.forget();

    let on_pagehide = Closure::<dyn Fn()>::new(move || save());
    window
        .add_event_listener_with_callback("pagehide", on_pagehide.as_ref().unchecked_ref())
        .map_err(BrowserError::from_js)?;
    on_pagehide.forget();
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
    let on_visibility = {
        let (back, document) = (back.clone(), document.clone());
        Closure::<dyn Fn()>::new(move || {
            if !document.hidden() {
                back();
            }
        })
    };
    document
        .add_event_listener_with_callback(
            "visibilitychange",
            on_visibility.as_ref().unchecked_ref(),
        )
        .map_err(BrowserError::from_js)?;
    on_visibility.forget();
    let on_focus = Closure::<dyn Fn()>::new(move || back());
    window
        .add_event_listener_with_callback("focus", on_focus.as_ref().unchecked_ref())
        .map_err(BrowserError::from_js)?;
    on_focus.forget();
    Ok(())
}
