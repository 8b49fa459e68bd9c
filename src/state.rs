//! The app state: the post's source text, and the views derived from it.
//!
//! `source` is the single source of truth. Everything else is a memo over it, so a view
//! can never disagree with the text, and nothing is recomputed unless the text changed.

use leptos::prelude::*;
use quire_core::stats::Stats;

/// The state shared by every component, provided once in context by the app.
#[derive(Clone, Copy)]
pub struct EditorState {
    /// The whole post source, front matter included, exactly as typed.
    pub source: RwSignal<String>,
    /// The text the editor starts with (set only when a different post is opened).
    pub loaded: RwSignal<String>,
    /// The body rendered to HTML.
    pub preview_html: Memo<String>,
    /// Words, characters and reading time of the body.
    pub stats: Memo<Stats>,
}

impl EditorState {
    /// A state holding `initial` as the post source.
    pub fn new(initial: String) -> Self {
        let source = RwSignal::new(initial.clone());
        let loaded = RwSignal::new(initial);
        let preview_html = Memo::new(move |_| source.with(|s| quire_core::render::render_post(s)));
        let stats = Memo::new(move |_| source.with(|s| quire_core::stats::post_stats(s)));
        EditorState {
            source,
            loaded,
            preview_html,
            stats,
        }
    }
}

/// The state from context. Every component below [`crate::app::App`] has one.
pub fn use_editor_state() -> EditorState {
    expect_context::<EditorState>()
}
