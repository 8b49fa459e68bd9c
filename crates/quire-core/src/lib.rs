#![deny(missing_docs)]
//! The pure core of Quire: everything about a post that needs no browser.
//!
//! The post's source text is the single source of truth; the functions here derive views
//! from it (its parts, its rendered body, its stats) and never panic on user input.

pub mod backup;
pub mod checklist;
pub mod date;
pub mod drafts;
pub mod edit;
pub mod excerpt;
pub mod export;
pub mod find;
pub mod format;
pub mod front_matter;
pub mod fuzz;
pub mod images;
pub mod import;
pub mod language;
pub mod line_endings;
pub mod post;
pub mod prefs;
pub mod render;
pub mod revisions;
pub mod site;
pub mod site_config;
pub mod stats;
pub mod store;
pub mod template;
pub mod typed;

pub use date::{LocalDateTime, Zone};
pub use edit::{Change, Edited, TextEdit};
pub use post::{split, FrontMatter, FrontMatterKind, PostParts};

/// Run every entry point of the core on `src` (the `post` fuzz target).
#[doc(hidden)]
pub fn exercise(src: &str) {
    fuzz::post(src.as_bytes());
}
