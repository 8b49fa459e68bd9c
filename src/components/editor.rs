//! The source editor: a plain textarea holding the whole post.

use leptos::prelude::*;
use quire_core::format::{self, Format};

use crate::state::{use_editor_state, EditorState};

/// Shortcuts: Ctrl/Cmd + a format key; Enter continues a list; Tab / Shift+Tab indent list
/// items (elsewhere Tab leaves the editor, as a keyboard user expects).
fn on_key(state: EditorState, ev: &leptos::ev::KeyboardEvent, save: impl Fn()) {
    if ev.is_composing() || ev.alt_key() {
        return;
    }
    let command = ev.ctrl_key() || ev.meta_key();
    let key = ev.key();
    let undo = command && key.eq_ignore_ascii_case("z");
    let redo = command && (key.eq_ignore_ascii_case("y") || undo && ev.shift_key());
    if (undo || redo) && state.undo_large(redo) {
        // The last edit was too large for the browser's undo: Quire's own.
        ev.prevent_default();
        return;
    }
    if command && !ev.shift_key() && matches!(key.as_str(), "f" | "F" | "h" | "H") {
        // Find (and replace) in the post, not the browser's find in the page.
        ev.prevent_default();
        crate::find::use_find().show();
        return;
    }
    if command && ev.key().eq_ignore_ascii_case("s") {
        // Ctrl+S saves to the post's file (the draft itself is saved all the time).
        ev.prevent_default();
        save();
        return;
    }
    if command && !ev.shift_key() {
        if let Some(format) = Format::for_shortcut(&ev.key()) {
            ev.prevent_default();
            state.format(format);
        }
        return;
    }
    let change = if command {
        Ok(None)
    } else if ev.key() == "Enter" && !ev.shift_key() {
        match state.selection().filter(|s| s.is_empty()) {
            Some(caret) => state
                .source
                .with_untracked(|src| format::continue_list(src, caret.start)),
            None => Ok(None),
        }
    } else if ev.key() == "Tab" {
        match state.selection() {
            Some(sel) => state
                .source
                .with_untracked(|src| format::indent_list(src, sel, ev.shift_key())),
            None => Ok(None),
        }
    } else {
        Ok(None)
    };
    if let Ok(Some(change)) = change {
        ev.prevent_default();
        state.apply(change);
    }
}

/// Typewriter scrolling (in focus mode, on choice): after each change of the text or the
/// caret, once per frame, the caret's line is scrolled to the middle of the editor.
fn keep_caret_centred(state: EditorState) {
    let ui = crate::ui::use_ui();
    let pending = StoredValue::new(false);
    Effect::new(move |_| {
        state.caret_moved.track();
        state.source.track();
        if !(ui.focus.get() && ui.typewriter.get()) || pending.get_value() {
            return;
        }
        pending.set_value(true);
        request_animation_frame(move || {
            pending.set_value(false);
            let Some(textarea) = state.editor.get_untracked() else {
                return;
            };
            let Some(caret) = state.caret() else {
                return;
            };
            state.source.with_untracked(|src| {
                let _ = crate::browser::editor::centre_line(&textarea, src, caret);
            });
        });
    });
}

/// When the window shrinks under the writer (an on-screen keyboard comes up, the phone
/// turns), the caret's line is kept in view, once the new size is laid out.
fn keep_caret_in_view_on_resize(state: EditorState) {
    let _ = window_event_listener(leptos::ev::resize, move |_| {
        request_animation_frame(move || {
            let Some(textarea) = state.editor.get_untracked() else {
                return;
            };
            let Some(caret) = state.caret() else {
                return;
            };
            state.source.with_untracked(|src| {
                let _ = crate::browser::editor::keep_line_in_view(&textarea, src, caret);
            });
        });
    });
}

/// Copy the whole of the editor's text into the state (any edit but a plain keystroke).
fn read_whole(
    state: EditorState,
    persistence: crate::persist::Persistence,
    textarea: &web_sys::HtmlTextAreaElement,
) {
    state.forget_typed_caret();
    let text = textarea.value();
    state.source.with_untracked(|old| {
        persistence.edited(state, old, &text, || {
            crate::browser::editor::selection(textarea, &text)
                .ok()
                .map(|s| s.end)
        });
    });
    state.source.set(text);
}

/// The editor's text changed: a plain keystroke `typed` (as `beforeinput` saw it) whose
/// `input` is of the same type is applied as the edit it is when the field checks out
/// (see `quire_core::typed`); anything else reads the field whole.
fn on_input(
    state: EditorState,
    persistence: crate::persist::Persistence,
    textarea: &web_sys::HtmlTextAreaElement,
    typed: Option<quire_core::typed::Typed>,
    input_type: Option<String>,
) {
    let edit = typed
        .filter(|t| Some(&t.input_type) == input_type.as_ref())
        .filter(|_| !persistence.needs_texts())
        .and_then(|t| {
            state
                .source
                .with_untracked(|src| crate::browser::editor::typed_edit(textarea, src, &t))
        });
    if let Some((edit, units)) = edit {
        persistence.changed(state);
        let byte = edit.range.start + edit.replacement.len();
        state
            .source
            .update(|src| src.replace_range(edit.range, &edit.replacement));
        state.edited();
        state.typed_to(crate::state::TypedCaret { units, byte });
    } else {
        read_whole(state, persistence, textarea);
        state.edited();
        state.moved_caret();
    }
}

/// Whether a key pressed in the editor leaves the caret for its own `input` to report: a
/// character, Enter, Backspace or Delete, with no command key. Any other key (arrows,
/// Home, Page Down, shortcuts) may move the caret or the selection without an `input`.
fn types(ev: &leptos::ev::KeyboardEvent) -> bool {
    let key = ev.key();
    !(ev.ctrl_key() || ev.meta_key() || ev.alt_key())
        && (key.chars().count() == 1 || matches!(key.as_str(), "Enter" | "Backspace" | "Delete"))
}

/// Once typing pauses, make sure the source is the editor's text: keystrokes are applied
/// as edits (see `quire_core::typed`), each checked; should one ever have missed, the
/// field's text wins before anything is saved or shown from a stale copy.
fn check_when_settled(state: EditorState, persistence: crate::persist::Persistence) {
    Effect::new(move |checked: Option<()>| {
        state.settled.track();
        // Not on the effect's first run: the editor may not have been given its text yet.
        if checked.is_none() {
            return;
        }
        let Some(textarea) = state.editor.get_untracked() else {
            return;
        };
        let text = textarea.value();
        if state.source.with_untracked(|src| *src != text) {
            leptos::logging::error!(
                "the editor's text and the post differed; the editor's is kept"
            );
            read_whole(state, persistence, &textarea);
        }
    });
}

/// The textarea with the post's source text. The browser owns the text while the writer
/// types (so its own undo and caret work); every input is copied into the state and told
/// to the persistence path. Ctrl+S calls `on_save`; an image pasted or dropped here is
/// added to the post; another file dropped here goes to `on_file`.
#[component]
pub fn Editor(on_save: Callback<()>, on_file: Callback<web_sys::File>) -> impl IntoView {
    let state = use_editor_state();
    let persistence = expect_context::<crate::persist::Persistence>();
    let images = crate::images::use_images();
    let settings = crate::site_settings::use_site_settings();
    // The browser's spell checker follows the post's language (else the site's).
    let lang = Memo::new(move |_| {
        let site = settings.vars.with(|v| v.scalars.clone());
        state
            .last_good_fields
            .with(|fields| quire_core::language::of_post(fields, &site))
    });
    keep_caret_centred(state);
    keep_caret_in_view_on_resize(state);
    // What `beforeinput` said of the edit its `input` reports (see `quire_core::typed`).
    let typed = StoredValue::new(None::<quire_core::typed::Typed>);
    check_when_settled(state, persistence);
    view! {
        <section class="pane editor-pane" aria-label="Post source">
            <crate::components::Toolbar />
            <crate::components::FindBar />
            <textarea
                lang=move || lang.get()
                node_ref=state.editor
                class="editor"
                data-testid="editor"
                aria-label="Post source (front matter and Markdown)"
                spellcheck="true"
                autofocus=true
                prop:value=move || state.loaded.get()
                on:input:target=move |ev| {
                    let input_type = crate::browser::editor::input_type(&ev);
                    let seen = typed.try_update_value(Option::take).flatten();
                    on_input(state, persistence, &ev.target(), seen, input_type);
                }
                on:beforeinput=move |ev| {
                    // Undo or redo from the browser's own menu: a large edit's is Quire's.
                    let kind = ev.input_type();
                    let redo = kind == "historyRedo";
                    if (redo || kind == "historyUndo") && state.undo_large(redo) {
                        ev.prevent_default();
                        return;
                    }
                    let caret = state.typed_caret().map(|c| c.units);
                    let seen = state.editor.get_untracked().and_then(|textarea| {
                        crate::browser::editor::typed(&textarea, &ev, caret)
                    });
                    if seen.is_some() {
                        // Its `input` comes in this same task; a record it never took (the
                        // edit was cancelled) is gone before the next keystroke's.
                        set_timeout(move || typed.set_value(None), std::time::Duration::ZERO);
                    }
                    typed.set_value(seen);
                }
                on:scroll=move |_| state.editor_scrolled.notify()
                // A key that typed has told where the caret went (its `input`); any other
                // may have moved it.
                on:keyup=move |_| {
                    if state.typed_caret().is_none() {
                        state.caret_moved.notify();
                    }
                }
                on:keydown=move |ev| {
                    if !types(&ev) {
                        state.forget_typed_caret();
                    }
                    on_key(state, &ev, || on_save.run(()))
                }
                on:dragover=move |ev| {
                    // Accept files dropped here (text dragged within the editor moves as usual).
                    if crate::browser::file::carries_files(&ev) {
                        ev.prevent_default();
                    }
                }
                on:drop=move |ev| {
                    let files = crate::browser::images::dropped_files(&ev);
                    if files.is_empty() {
                        return;
                    }
                    ev.prevent_default();
                    images.take_dropped(files, on_file);
                }
                on:paste=move |ev| {
                    let (files, alt) = crate::browser::images::pasted(&ev);
                    if !files.is_empty() {
                        ev.prevent_default();
                        images.add_files(files, alt);
                    }
                }
                on:click=move |_| state.moved_caret()
                // A pointer (mouse, touch, pen), a selection made (select all from the
                // menu) or coming back to the field may each move the caret without a key.
                on:pointerdown=move |_| state.forget_typed_caret()
                on:select=move |_| state.forget_typed_caret()
                on:focus=move |_| state.forget_typed_caret()
            ></textarea>
        </section>
    }
}
