//! Where lines of the editor textarea are drawn. A textarea cannot say at what height a
//! character sits (its lines wrap), so a hidden copy of it, same width and font, holds the
//! text with a marker at each place asked about; the markers' offsets are the answer.

use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlElement, HtmlTextAreaElement};

use super::BrowserError;

/// The styles the copy takes from the textarea, so it wraps the same way.
const COPIED: &[&str] = &[
    "font-family",
    "font-size",
    "font-weight",
    "font-style",
    "line-height",
    "letter-spacing",
    "word-spacing",
    "tab-size",
    "padding-top",
    "padding-right",
    "padding-bottom",
    "padding-left",
    "border-top-width",
    "border-right-width",
    "border-bottom-width",
    "border-left-width",
    "box-sizing",
    "text-transform",
];

/// The vertical offset, in the textarea's scroll coordinates, of the line holding each
/// byte offset of `text` in `offsets` (which must be ascending).
pub fn line_tops(
    textarea: &HtmlTextAreaElement,
    text: &str,
    offsets: &[usize],
) -> Result<Vec<f64>, BrowserError> {
    let document: Document = textarea.owner_document().ok_or(BrowserError::NoWindow)?;
    let window = document.default_view().ok_or(BrowserError::NoWindow)?;
    let style = window
        .get_computed_style(textarea)
        .map_err(BrowserError::from_js)?
        .ok_or(BrowserError::Unsupported("computed styles"))?;
    let mirror: HtmlElement = document
        .create_element("div")
        .map_err(BrowserError::from_js)?
        .unchecked_into();
    let css = mirror.style();
    for name in COPIED {
        let value = style.get_property_value(name).unwrap_or_default();
        let _ = css.set_property(name, &value);
    }
    for (name, value) in [
        ("position", "absolute"),
        ("visibility", "hidden"),
        ("top", "0"),
        ("left", "-9999px"),
        ("white-space", "pre-wrap"),
        ("overflow-wrap", "break-word"),
        ("overflow", "hidden"),
    ] {
        let _ = css.set_property(name, value);
    }
    // The width the text wraps in: the textarea's, less a scrollbar if it has one.
    let width = textarea.client_width();
    let _ = css.set_property("width", &format!("{width}px"));
    let _ = css.set_property("box-sizing", "border-box");
    let _ = css.set_property("border-style", "solid");
    let _ = css.set_property("border-color", "transparent");
    let _ = css.set_property("border-left-width", "0");
    let _ = css.set_property("border-right-width", "0");

    let mut markers = Vec::with_capacity(offsets.len());
    let mut from = 0usize;
    for &offset in offsets {
        let offset = offset.clamp(from, text.len());
        if !text.is_char_boundary(offset) {
            continue;
        }
        mirror
            .append_with_str_1(&text[from..offset])
            .map_err(BrowserError::from_js)?;
        let marker = document
            .create_element("span")
            .map_err(BrowserError::from_js)?;
        mirror
            .append_child(&marker)
            .map_err(BrowserError::from_js)?;
        markers.push(marker.unchecked_into::<HtmlElement>());
        from = offset;
    }
    mirror
        .append_with_str_1(&text[from..])
        .map_err(BrowserError::from_js)?;
    let body = document.body().ok_or(BrowserError::NoWindow)?;
    body.append_child(&mirror).map_err(BrowserError::from_js)?;
    let tops = markers.iter().map(|m| f64::from(m.offset_top())).collect();
    mirror.remove();
    Ok(tops)
}
