//! Edits to the editor textarea that behave like typing: they go through the browser's
//! editing commands, so the writer can undo them with Ctrl+Z, and they fire `input`, so
//! the app state follows by the same path as a keystroke. Caret and scroll are kept.

use quire_core::edit::{byte_offset, shift, utf16_offset, TextEdit};
use quire_core::typed::{Kind, Typed};
use quire_core::Change;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsCast;
use web_sys::{Event, EventInit, FocusOptions, HtmlDocument, HtmlElement, HtmlTextAreaElement};

use super::BrowserError;

fn document() -> Result<HtmlDocument, BrowserError> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.dyn_into::<HtmlDocument>().ok())
        .ok_or(BrowserError::NoWindow)
}

/// Focus `element` without scrolling anything.
pub fn focus_quietly(element: &HtmlElement) -> Result<(), BrowserError> {
    let options = FocusOptions::new();
    options.set_prevent_scroll(true);
    element
        .focus_with_options(&options)
        .map_err(BrowserError::from_js)
}

#[wasm_bindgen]
extern "C" {
    /// A text field seen only for its `value`.
    type TextField;
    /// The field's text as a JavaScript string, not copied into the module.
    #[wasm_bindgen(method, getter)]
    fn value(this: &TextField) -> js_sys::JsString;
}

fn value_js(textarea: &HtmlTextAreaElement) -> js_sys::JsString {
    textarea.unchecked_ref::<TextField>().value()
}

/// The `inputType` of an `input` event; `None` for a plain `Event` (as a script fires).
pub fn input_type(ev: &Event) -> Option<String> {
    ev.dyn_ref::<web_sys::InputEvent>().map(|e| e.input_type())
}

/// What `beforeinput` says of an edit of `textarea`: a [`Typed`] for a plain keystroke
/// (see [`quire_core::typed`]), `None` for any other edit.
///
/// `caret`: where the last keystroke left the caret, when nothing has moved it since (then
/// the selection is not read). Should it be wrong after all, the edit [`typed_edit`]
/// derives from it does not check out against the field, which is then read whole.
pub fn typed(
    textarea: &HtmlTextAreaElement,
    ev: &web_sys::InputEvent,
    caret: Option<u32>,
) -> Option<Typed> {
    let input_type = ev.input_type();
    let (kind, data) = Kind::of(&input_type, ev.data())?;
    let (start, end) = match caret {
        Some(caret) => (caret, caret),
        None => (
            textarea.selection_start().ok()??,
            textarea.selection_end().ok()??,
        ),
    };
    Some(Typed {
        input_type,
        kind,
        selection: start as usize..end as usize,
        len: textarea.text_length() as usize,
        data,
    })
}

/// The edit of `src` (the text `textarea` held before `typed`) that `typed` made, when
/// the field now holds exactly that: its length and caret fit, and the edited text with the
/// unchanged text around it is there; with the caret after it (UTF-16 units). `None`
/// otherwise: then read the field whole. (Only the selection's end is read: the length,
/// the caret and the text around the edit pin the edit down, and reading the start too
/// would cost as much again.)
pub fn typed_edit(
    textarea: &HtmlTextAreaElement,
    src: &str,
    typed: &Typed,
) -> Option<(TextEdit, u32)> {
    let value = value_js(textarea);
    let caret = textarea.selection_end().ok()??;
    let replaced = typed.replaced(value.length() as usize, caret as usize)?;
    let (edit, expected, from) = typed.edit_of(src, replaced)?;
    let from = u32::try_from(from).ok()?;
    let len = u32::try_from(expected.encode_utf16().count()).ok()?;
    let there = value.slice(from, from.checked_add(len)?);
    (there == expected.as_str()).then_some((edit, caret))
}

/// The editor's selection as a byte range of `src` (the text it holds).
pub fn selection(
    textarea: &HtmlTextAreaElement,
    src: &str,
) -> Result<core::ops::Range<usize>, BrowserError> {
    let start = textarea
        .selection_start()
        .map_err(BrowserError::from_js)?
        .unwrap_or(0);
    let end = textarea
        .selection_end()
        .map_err(BrowserError::from_js)?
        .unwrap_or(start);
    // All ASCII (as many as UTF-16 units as bytes): offsets are the same, no scan needed.
    if textarea.text_length() as usize == src.len() {
        let clamp = |at: u32| (at as usize).min(src.len());
        return Ok(clamp(start)..clamp(end));
    }
    Ok(byte_offset(src, start as usize)..byte_offset(src, end as usize))
}

/// Make `change` in the textarea, which holds `src`, with the browser's editing commands
/// (so it joins the undo stack and fires `input` like typing). Then select what the change
/// says, in the editor; or, for a change with no selection, put the caret back where it
/// was (shifted past the change) and the focus where it was (a form field keeps it).
pub fn apply_change(
    textarea: &HtmlTextAreaElement,
    src: &str,
    change: &Change,
) -> Result<(), BrowserError> {
    let edit = &change.edit;
    let document = document()?;
    let previous_focus = document.active_element();
    let caret = selection(textarea, src)?;
    let scroll = textarea.scroll_top();

    let start = utf16_offset(src, edit.range.start) as u32;
    let end = utf16_offset(src, edit.range.end) as u32;
    focus_quietly(textarea)?;
    textarea
        .set_selection_range(start, end)
        .map_err(BrowserError::from_js)?;
    let done = if edit.replacement.is_empty() {
        start == end
            || document
                .exec_command("delete")
                .map_err(BrowserError::from_js)?
    } else {
        document
            .exec_command_with_show_ui_and_value("insertText", false, &edit.replacement)
            .map_err(BrowserError::from_js)?
    };
    if !done {
        // No editing commands here: change the text directly (not undoable).
        set_range(textarea, start, end, &edit.replacement)?;
    }

    let after = change.apply(src);
    if let Some(selection) = change.selection.clone() {
        select(textarea, &after, selection)?;
        return textarea.focus().map_err(BrowserError::from_js);
    }
    select(
        textarea,
        &after,
        shift(caret.start, edit)..shift(caret.end, edit),
    )?;
    textarea.set_scroll_top(scroll);
    if let Some(element) = previous_focus.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        if !element.is_same_node(Some(textarea)) {
            focus_quietly(&element)?;
        }
    }
    Ok(())
}

/// Replace UTF-16 units `start..end` of the editor's text with `text` directly (not on
/// the browser's undo stack) and fire `input`, as typing does.
fn set_range(
    textarea: &HtmlTextAreaElement,
    start: u32,
    end: u32,
    text: &str,
) -> Result<(), BrowserError> {
    textarea
        .set_range_text_with_start_and_end_and_mode(text, start, end, "preserve")
        .map_err(BrowserError::from_js)?;
    let init = EventInit::new();
    init.set_bubbles(true);
    let input = Event::new_with_event_init_dict("input", &init).map_err(BrowserError::from_js)?;
    textarea
        .dispatch_event(&input)
        .map_err(BrowserError::from_js)?;
    Ok(())
}

/// Make `edit` in the textarea, which holds `src`, directly: fast whatever its size (the
/// browser's editing commands take seconds to insert many lines into a long text), but
/// not on the browser's undo stack. The caret goes to the edit's start; the scroll stays.
pub fn replace_directly(
    textarea: &HtmlTextAreaElement,
    src: &str,
    edit: &quire_core::TextEdit,
) -> Result<(), BrowserError> {
    let scroll = textarea.scroll_top();
    let start = utf16_offset(src, edit.range.start) as u32;
    let end = utf16_offset(src, edit.range.end) as u32;
    set_range(textarea, start, end, &edit.replacement)?;
    textarea
        .set_selection_range(start, start)
        .map_err(BrowserError::from_js)?;
    textarea.set_scroll_top(scroll);
    Ok(())
}

/// The caret (UTF-16 offset) and scroll position of the editor.
pub fn caret_and_scroll(textarea: &HtmlTextAreaElement) -> (u32, f64) {
    let caret = textarea.selection_start().ok().flatten().unwrap_or(0);
    (caret, f64::from(textarea.scroll_top()))
}

/// Put the caret and scroll position back, as saved.
pub fn restore_caret_and_scroll(
    textarea: &HtmlTextAreaElement,
    caret: u32,
    scroll: f64,
) -> Result<(), BrowserError> {
    textarea
        .set_selection_range(caret, caret)
        .map_err(BrowserError::from_js)?;
    textarea.set_scroll_top(scroll as i32);
    Ok(())
}

/// Select `range` (byte offsets of `text`, the textarea's text) in the editor.
pub fn select(
    textarea: &HtmlTextAreaElement,
    text: &str,
    range: core::ops::Range<usize>,
) -> Result<(), BrowserError> {
    let start = utf16_offset(text, range.start) as u32;
    let end = utf16_offset(text, range.end) as u32;
    textarea
        .set_selection_range(start, end)
        .map_err(BrowserError::from_js)
}

/// The editor's vertical scroll position.
pub fn scroll_top(textarea: &HtmlTextAreaElement) -> i32 {
    textarea.scroll_top()
}

/// The editor's vertical scroll position, its scrollable height and its inner width.
pub fn scroll_metrics(textarea: &HtmlTextAreaElement) -> (i32, i32, i32) {
    (
        textarea.scroll_top(),
        textarea.scroll_height(),
        textarea.client_width(),
    )
}

/// Scroll the editor to `top`; returns where it ended up.
pub fn scroll_to(textarea: &HtmlTextAreaElement, top: i32) -> i32 {
    textarea.set_scroll_top(top);
    textarea.scroll_top()
}

/// Where the line holding byte `at` of `text` starts and ends (before its break).
fn line_bounds(text: &str, at: usize) -> (usize, usize) {
    let at = (0..=at.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    (start, end)
}

/// Scroll the editor so that the line holding byte `at` of `text` (its text) sits in the
/// middle of its view. Only the text up to that line is measured.
pub fn centre_line(
    textarea: &HtmlTextAreaElement,
    text: &str,
    at: usize,
) -> Result<(), BrowserError> {
    let (line_start, line_end) = line_bounds(text, at);
    let tops = super::editor_map::line_tops(textarea, &text[..line_end], &[line_start])?;
    let top = tops.first().copied().unwrap_or(0.0);
    let half = f64::from(textarea.client_height()) / 2.0;
    textarea.set_scroll_top((top - half + 12.0).max(0.0).round() as i32);
    Ok(())
}

/// If the editor has the focus and the line holding byte `at` of `text` (its text) is
/// outside its view (the view shrank: an on-screen keyboard came up), scroll just enough
/// to show it.
pub fn keep_line_in_view(
    textarea: &HtmlTextAreaElement,
    text: &str,
    at: usize,
) -> Result<(), BrowserError> {
    let focused = document()?
        .active_element()
        .is_some_and(|e| e.is_same_node(Some(textarea)));
    if !focused {
        return Ok(());
    }
    let (line_start, line_end) = line_bounds(text, at);
    let tops = super::editor_map::line_tops(textarea, &text[..line_end], &[line_start, line_end])?;
    let (top, bottom) = match tops[..] {
        [top, bottom, ..] => (top, bottom),
        _ => return Ok(()),
    };
    let line = (bottom - top).max(20.0) + 8.0;
    let view_top = f64::from(textarea.scroll_top());
    let view_bottom = view_top + f64::from(textarea.client_height());
    if top < view_top {
        textarea.set_scroll_top(top.max(0.0) as i32);
    } else if top + line > view_bottom {
        textarea.set_scroll_top((top + line - f64::from(textarea.client_height())).ceil() as i32);
    }
    Ok(())
}
