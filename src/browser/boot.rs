//! The page's own editor (`index.html`, `assets/boot.js`): editable before the app's
//! WebAssembly has arrived, and taken over by the app when it starts.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlTextAreaElement;

/// What the page's editor showed when it was made editable.
pub struct Shown {
    /// The stored draft it showed; `None` for a new post.
    pub draft: Option<String>,
    /// Its text then.
    pub original: String,
}

/// What the writer left in the page's editor.
pub struct Typed {
    /// Its text now.
    pub text: String,
    /// The selection, in UTF-16 units (as the textarea counts).
    pub selection: (u32, u32),
    /// Whether the selection runs backwards (from its end to its start).
    pub backward: bool,
    pub scroll_top: i32,
    /// Whether it had the focus.
    pub focused: bool,
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// What the page's editor showed, if `assets/boot.js` made it editable.
pub fn shown() -> Option<Shown> {
    let boot = js_sys::Reflect::get(&window()?.into(), &JsValue::from_str("quireBoot")).ok()?;
    if !boot.is_object() {
        return None;
    }
    let original = js_sys::Reflect::get(&boot, &JsValue::from_str("original"))
        .ok()?
        .as_string()?;
    let draft = js_sys::Reflect::get(&boot, &JsValue::from_str("draft"))
        .ok()
        .and_then(|d| d.as_string());
    Some(Shown { draft, original })
}

/// Remove the page's editor, and say what the writer left in it if it was editable.
pub fn take_over() -> Option<Typed> {
    let document = window()?.document()?;
    let textarea = document
        .get_element_by_id("quire-boot")
        .and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok());
    let typed = textarea.filter(|t| !t.read_only()).map(|t| {
        let start = t.selection_start().ok().flatten().unwrap_or(0);
        let end = t.selection_end().ok().flatten().unwrap_or(start);
        Typed {
            text: t.value(),
            selection: (start, end),
            backward: t.selection_direction().ok().flatten().as_deref() == Some("backward"),
            scroll_top: t.scroll_top(),
            focused: document.active_element().as_ref() == Some(t.unchecked_ref()),
        }
    });
    if let Some(shell) = document.get_element_by_id("quire-boot-shell") {
        shell.remove();
    }
    typed
}

/// Put the selection and scroll the writer had in the page's editor into `textarea`,
/// which holds the same text, and the focus if it was there.
pub fn carry_over(textarea: &HtmlTextAreaElement, typed: &Typed) {
    let (start, end) = typed.selection;
    let direction = if typed.backward {
        "backward"
    } else {
        "forward"
    };
    let _ = textarea.set_selection_range_with_direction(start, end, direction);
    textarea.set_scroll_top(typed.scroll_top);
    if typed.focused {
        let _ = super::editor::focus_quietly(textarea);
    }
}
