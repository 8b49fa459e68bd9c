//! The pure core of Quire: everything about a post that needs no browser.
//!
//! The post's source text is the single source of truth; the functions here derive views
//! from it (its parts, its rendered body, its stats) and never panic on user input.

pub mod date;
pub mod edit;
pub mod excerpt;
pub mod export;
pub mod front_matter;
pub mod post;
pub mod render;
pub mod stats;
pub mod template;

pub use date::LocalDateTime;
pub use edit::TextEdit;
pub use post::{split, FrontMatter, FrontMatterKind, PostParts};
