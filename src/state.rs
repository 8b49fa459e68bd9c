//! The app state: the post's source text, and the views derived from it.
//!
//! `source` is the single source of truth. Everything else is a memo over it, so a view
//! can never disagree with the text, and nothing is recomputed unless the text changed.
//! Views change the post only through [`EditorState::apply`], which edits the textarea the
//! way typing does.

use leptos::html::Textarea;
use leptos::prelude::*;
use quire_core::excerpt::Excerpt;
use quire_core::front_matter::{Field, FrontMatterError};
use quire_core::stats::Stats;
use quire_core::TextEdit;

use crate::browser;

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
    pub notice: RwSignal<Option<String>>,
    /// The body rendered to HTML.
    pub preview_html: Memo<String>,
    /// Words, characters and reading time of the body.
    pub stats: Memo<Stats>,
    /// The front-matter fields, or why they cannot be read.
    pub fields: Memo<Result<Vec<Field>, FrontMatterError>>,
    /// The last fields that could be read: shown, read-only, while the YAML is broken.
    pub last_good_fields: Memo<Vec<Field>>,
    /// The excerpt and how it is marked.
    pub excerpt: Memo<Excerpt>,
}

impl EditorState {
    /// A state holding `initial` as the post source.
    pub fn new(initial: String) -> Self {
        let source = RwSignal::new(initial.clone());
        let fields = Memo::new(move |_| source.with(|s| quire_core::front_matter::read(s)));
        EditorState {
            source,
            loaded: RwSignal::new(initial),
            editor: NodeRef::new(),
            notice: RwSignal::new(None),
            preview_html: Memo::new(move |_| source.with(|s| quire_core::render::render_post(s))),
            stats: Memo::new(move |_| source.with(|s| quire_core::stats::post_stats(s))),
            fields,
            last_good_fields: Memo::new(move |previous: Option<&Vec<Field>>| {
                fields.with(|f| match f {
                    Ok(fields) => fields.clone(),
                    Err(_) => previous.cloned().unwrap_or_default(),
                })
            }),
            excerpt: Memo::new(move |_| source.with(|s| quire_core::excerpt::detect(s))),
        }
    }

    /// Apply `edit` to the post through the editor, as an undoable step.
    pub fn apply(&self, edit: TextEdit) {
        let Some(textarea) = self.editor.get_untracked() else {
            return;
        };
        // A copy, not a borrow: applying the edit fires `input`, which writes the source.
        let src = self.source.get_untracked();
        if let Err(err) = browser::editor::apply_edit(&textarea, &src, &edit) {
            self.notice
                .set(Some(format!("The edit could not be applied: {err}")));
        }
    }

    /// Apply an edit computed from the current source, or show why there is none.
    pub fn apply_with<E: std::fmt::Display>(
        &self,
        make: impl FnOnce(&str) -> Result<Option<TextEdit>, E>,
    ) {
        match self.source.with_untracked(|src| make(src)) {
            Ok(Some(edit)) => self.apply(edit),
            Ok(None) => {}
            Err(err) => self.notice.set(Some(err.to_string())),
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

/// The state from context. Every component below [`crate::app::App`] has one.
pub fn use_editor_state() -> EditorState {
    expect_context::<EditorState>()
}
