//! The pure core of Quire: everything about a post that needs no browser.
//!
//! The post's source text is the single source of truth; the functions here derive views
//! from it (its parts, its rendered body, its stats) and never panic on user input.

pub mod backup;
pub mod date;
pub mod drafts;
pub mod edit;
pub mod excerpt;
pub mod export;
pub mod format;
pub mod front_matter;
pub mod import;
pub mod post;
pub mod prefs;
pub mod render;
pub mod revisions;
pub mod stats;
pub mod template;

pub use date::LocalDateTime;
pub use edit::TextEdit;
pub use post::{split, FrontMatter, FrontMatterKind, PostParts};

/// Run every entry point of the core on `src`, for the fuzz target and its regression
/// test: none of them may panic, whatever the input.
#[doc(hidden)]
pub fn exercise(src: &str) {
    let today = LocalDateTime {
        year: 2026,
        month: 1,
        day: 1,
        hour: 0,
        minute: 0,
        second: 0,
        offset_minutes: 0,
    };
    let parts = split(src);
    let _ = parts.body_first_line(src);
    let _ = front_matter::read(src);
    for key in ["title", "tags", "date"] {
        if let Ok(edit) = front_matter::set(src, key, &front_matter::Value::String("x: y".into())) {
            let _ = edit.apply(src);
        }
        let _ = front_matter::remove(src, key);
    }
    let found = excerpt::detect(src);
    let _ = excerpt::replace(src, "new");
    let _ = excerpt::wrap(src, found.range);
    let _ = excerpt::remove_markers(src);
    let _ = excerpt::switch(src, &excerpt::Convention::More);
    let _ = export::file_name(src, &today, export::NameStyle::Jekyll);
    let _ = stats::post_stats(src);
}
