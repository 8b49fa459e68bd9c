//! The app state: the post's source text, and the views derived from it.
//!
//! `source` is the single source of truth. Everything else is a memo over it, so a view
//! can never disagree with the text, and nothing is recomputed unless the text changed.
//! The views that read the whole body (word count, excerpt) follow once typing pauses
//! ([`SETTLE_LARGE`] on large posts, [`SETTLE_SMALL`] on small ones), so a keystroke pays
//! only for the preview's incremental update.
//! Views change the post only through [`EditorState::apply`], which edits the textarea the
//! way typing does.

use leptos::html::Textarea;
use leptos::prelude::*;
use quire_core::excerpt::Excerpt;
use quire_core::front_matter::{Field, FrontMatterError};
use quire_core::stats::Stats;
use quire_core::{Change, Edited, TextEdit};

use crate::browser;

/// Posts at least this long (bytes) update their whole-body views after a pause.
const LARGE: usize = 64 * 1024;
/// The pause after the last change before a large post's whole-body views update.
pub const SETTLE_LARGE: std::time::Duration = std::time::Duration::from_millis(150);
/// The pause after the last change before a small post's whole-body views update.
pub const SETTLE_SMALL: std::time::Duration = std::time::Duration::from_millis(60);

/// The state shared by every component, provided once in context by the app.
#[derive(Clone, Copy)]
pub struct EditorState {
    /// The whole post source, front matter included, exactly as typed.
    pub source: RwSignal<String>,
    /// The text the editor starts with (set only when a different post is opened).
    pub loaded: RwSignal<String>,
    /// The editor textarea, through which every edit goes.
    pub editor: NodeRef<Textarea>,
    /// A message for the writer (`data-testid="notice"`), if any.
    pub notice: RwSignal<Option<crate::notices::Notice>>,
    /// Fires when the editor is scrolled.
    pub editor_scrolled: Trigger,
    /// Fires when the editor's caret may have moved.
    pub caret_moved: Trigger,
    /// Fires once the source has stopped changing (see the module notes).
    pub settled: Trigger,
    /// Words, characters and reading time of the body.
    pub stats: Memo<Stats>,
    /// The front-matter fields, or why they cannot be read.
    pub fields: Memo<Result<Vec<Field>, FrontMatterError>>,
    /// The last fields that could be read: shown, read-only, while the YAML is broken.
    pub last_good_fields: Memo<Vec<Field>>,
    /// The excerpt and how it is marked.
    pub excerpt: Memo<Excerpt>,
    /// What the open site says about excerpts (a post of no known site's rules when none
    /// is open).
    pub excerpt_rules: RwSignal<quire_core::excerpt::Rules>,
    /// The undo and redo of the last edit too large for the browser's editing commands
    /// (see [`EditorState::apply_large`]); forgotten at the next other change.
    large_undo: StoredValue<(Option<TextEdit>, Option<TextEdit>)>,
    /// Set while such an edit fires its `input` (so it does not forget itself).
    applying_directly: StoredValue<bool>,
    /// Where the last keystroke left the caret, while nothing else has moved it (see
    /// [`EditorState::caret`]).
    typed_caret: StoredValue<Option<TypedCaret>>,
}

/// The caret where a keystroke's edit left it: in UTF-16 units of the field and in bytes
/// of the source. Reading the field's `selectionStart` or `selectionEnd` costs time along
/// the text before the caret (0.1–0.25 ms each in the middle of a 1 MB post, measured in
/// headless Chromium), and a keystroke would read them six times.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypedCaret {
    pub units: u32,
    pub byte: usize,
}

/// An edit that inserts or removes more lines or bytes than these is made directly (see
/// [`EditorState::apply_large`]). Measured in headless Chromium: `insertText` of 20 KB in
/// 333 lines takes 0.7 s, of 300 KB in one line 1.7 s, of 1 MB in 51 lines 2.4 s.
const LARGE_EDIT_LINES: usize = 64;
const LARGE_EDIT_BYTES: usize = 32 * 1024;

impl EditorState {
    /// A state holding `initial` as the post source.
    pub fn new(initial: String) -> Self {
        let source = RwSignal::new(initial.clone());
        let fields = Memo::new(move |_| source.with(|s| quire_core::front_matter::read(s)));
        let settled = Trigger::new();
        settle_after_changes(source, settled);
        let excerpt_rules = RwSignal::new(quire_core::excerpt::Rules::default());
        EditorState {
            source,
            loaded: RwSignal::new(initial),
            editor: NodeRef::new(),
            notice: RwSignal::new(None),
            editor_scrolled: Trigger::new(),
            caret_moved: Trigger::new(),
            settled,
            stats: Memo::new(move |_| {
                settled.track();
                source.with_untracked(|s| quire_core::stats::post_stats(s))
            }),
            fields,
            last_good_fields: Memo::new(move |previous: Option<&Vec<Field>>| {
                fields.with(|f| match f {
                    Ok(fields) => fields.clone(),
                    Err(_) => previous.cloned().unwrap_or_default(),
                })
            }),
            excerpt: Memo::new(move |_| {
                settled.track();
                excerpt_rules.with(|rules| {
                    source.with_untracked(|s| quire_core::excerpt::detect_in(s, rules))
                })
            }),
            excerpt_rules,
            large_undo: StoredValue::new((None, None)),
            applying_directly: StoredValue::new(false),
            typed_caret: StoredValue::new(None),
        }
    }

    /// A keystroke's edit left the caret at `caret` (a collapsed selection): what follows
    /// the caret takes it from here, without reading the field's selection.
    pub fn typed_to(&self, caret: TypedCaret) {
        self.typed_caret.set_value(Some(caret));
        self.caret_moved.notify();
    }

    /// The caret or the selection moved some other way (or may have): read it afresh.
    pub fn moved_caret(&self) {
        self.forget_typed_caret();
        self.caret_moved.notify();
    }

    /// Forget where the last keystroke left the caret (something else may move it).
    pub fn forget_typed_caret(&self) {
        self.typed_caret.set_value(None);
    }

    /// Where the last keystroke left the caret, if nothing has moved it since.
    pub fn typed_caret(&self) -> Option<TypedCaret> {
        self.typed_caret.get_value()
    }

    /// The caret as a byte offset of the source (a selection's end): where the last
    /// keystroke left it, else read from the editor.
    pub fn caret(&self) -> Option<usize> {
        let typed = self.typed_caret().filter(|c| {
            self.source
                .with_untracked(|src| src.is_char_boundary(c.byte))
        });
        match typed {
            Some(caret) => Some(caret.byte),
            None => self.selection().map(|s| s.end),
        }
    }

    /// Make `change` as one undoable step, whatever its size. A small change goes through
    /// [`EditorState::apply`] (the browser's undo); one that inserts or removes many lines
    /// or bytes, which the browser's editing commands take seconds for, is made directly,
    /// and Ctrl+Z right after it (Ctrl+Shift+Z, Ctrl+Y to redo) is Quire's own.
    pub fn apply_large(&self, change: Change) {
        let (lines, bytes) = self.source.with_untracked(|src| {
            let old = src.get(change.edit.range.clone()).unwrap_or_default();
            let new = change.edit.replacement.as_str();
            (
                old.matches('\n').count() + new.matches('\n').count(),
                old.len() + new.len(),
            )
        });
        if lines <= LARGE_EDIT_LINES && bytes <= LARGE_EDIT_BYTES {
            self.apply(change);
            return;
        }
        if let Some(inverse) = self.replace_directly(&change.edit) {
            self.large_undo.set_value((Some(inverse), None));
        }
    }

    /// Make `edit` directly; its inverse when made.
    fn replace_directly(&self, edit: &TextEdit) -> Option<TextEdit> {
        let textarea = self.editor.get_untracked()?;
        let src = self.source.get_untracked();
        let old = src.get(edit.range.clone())?.to_string();
        let start = edit.range.start;
        self.forget_typed_caret();
        self.applying_directly.set_value(true);
        let done = browser::editor::replace_directly(&textarea, &src, edit);
        self.applying_directly.set_value(false);
        match done {
            Ok(()) => Some(TextEdit::new(start..start + edit.replacement.len(), old)),
            Err(err) => {
                self.notice.set(crate::notices::problem(format!(
                    "The edit could not be applied: {err}"
                )));
                None
            }
        }
    }

    /// Undo (`redo` false) or redo the last large edit, if nothing changed since; whether
    /// it was done (else the browser's own undo applies).
    pub fn undo_large(&self, redo: bool) -> bool {
        let (undo, again) = self.large_undo.get_value();
        let step = if redo { again } else { undo };
        let Some(edit) = step else {
            return false;
        };
        let Some(inverse) = self.replace_directly(&edit) else {
            return false;
        };
        self.large_undo.set_value(if redo {
            (Some(inverse), None)
        } else {
            (None, Some(inverse))
        });
        true
    }

    /// The editor's text changed: a large edit's undo no longer applies, unless the change
    /// is that edit's own.
    pub fn edited(&self) {
        if !self.applying_directly.get_value() {
            self.large_undo.set_value((None, None));
        }
    }

    /// Make `change` through the editor, as one undoable step: the one path by which
    /// anything but typing changes the post.
    pub fn apply(&self, change: Change) {
        let Some(textarea) = self.editor.get_untracked() else {
            return;
        };
        // It sets the selection after its `input`.
        self.forget_typed_caret();
        // A copy, not a borrow: the change fires `input`, which writes the source.
        let src = self.source.get_untracked();
        if let Err(err) = browser::editor::apply_change(&textarea, &src, &change) {
            self.notice.set(crate::notices::problem(format!(
                "The edit could not be applied: {err}"
            )));
        }
    }

    /// Run a core editor on the current source and [`EditorState::apply`] its change; a
    /// change it refuses is said in a notice.
    pub fn edit<E: std::fmt::Display>(&self, editor: impl FnOnce(&str) -> Edited<E>) {
        match self.source.with_untracked(|src| editor(src)) {
            Ok(Some(change)) => self.apply(change),
            Ok(None) => {}
            Err(err) => self.notice.set(crate::notices::problem(err.to_string())),
        }
    }

    /// The post's title as the front matter gives it (the last readable value).
    pub fn title(&self) -> String {
        self.last_good_fields.with(|fields| {
            fields
                .iter()
                .rev()
                .find(|f| f.key == "title")
                .map(|f| f.value.to_plain_string())
                .unwrap_or_default()
        })
    }

    /// Run a formatting command on the editor's selection.
    pub fn format(&self, format: quire_core::format::Format) {
        if let Some(selection) = self.selection() {
            self.edit(|src| quire_core::format::apply(src, selection, format));
        }
    }

    /// Put the caret at byte `at` of the source and bring its line into the editor's view
    /// (focusing the editor scrolls to the caret).
    pub fn jump_to(&self, at: usize) {
        let Some(textarea) = self.editor.get_untracked() else {
            return;
        };
        let at = self.source.with_untracked(|src| {
            (0..=at.min(src.len()))
                .rev()
                .find(|&i| src.is_char_boundary(i))
        });
        let moved = self.source.with_untracked(|src| {
            browser::editor::select(&textarea, src, at.unwrap_or(0)..at.unwrap_or(0))
        });
        if moved.is_ok() {
            let _ = textarea.blur();
            let _ = textarea.focus();
            self.moved_caret();
        }
    }

    /// Select `range` (bytes of the source) in the editor and bring it into view (focusing
    /// the editor scrolls to its selection).
    pub fn reveal(&self, range: core::ops::Range<usize>) {
        let Some(textarea) = self.editor.get_untracked() else {
            return;
        };
        let selected = self
            .source
            .with_untracked(|src| browser::editor::select(&textarea, src, range));
        if selected.is_ok() {
            let _ = textarea.blur();
            let _ = textarea.focus();
            self.moved_caret();
        }
    }

    /// The editor's selection as a byte range of the source.
    pub fn selection(&self) -> Option<core::ops::Range<usize>> {
        let textarea = self.editor.get_untracked()?;
        self.source
            .with_untracked(|src| browser::editor::selection(&textarea, src))
            .ok()
    }
}

/// Notify `settled` once `source` has not changed for a moment: [`SETTLE_SMALL`] for a
/// small post, [`SETTLE_LARGE`] for a large one. While the writer types, the whole-body
/// views wait; a keystroke's frame carries only the text and the preview.
fn settle_after_changes(source: RwSignal<String>, settled: Trigger) {
    let timer = browser::debounce::Debounce::default();
    // Also on the first run: the text may have changed before this effect first ran.
    Effect::new(move |_| {
        let len = source.with(String::len);
        let delay = if len < LARGE {
            SETTLE_SMALL
        } else {
            SETTLE_LARGE
        };
        timer.poke(delay, move || settled.notify());
    });
}

/// The state from context. Every component below [`crate::app::App`] has one.
pub fn use_editor_state() -> EditorState {
    expect_context::<EditorState>()
}
