//! Performance marks, read by the bench (`cargo xtask bench`).

use super::BrowserError;

/// The mark set once the editor is mounted and can take typing.
pub const EDITABLE: &str = "quire:editable";
/// The mark set once the app has started and taken over the page's own editor.
pub const STARTED: &str = "quire:started";
/// The mark set each time the preview has been brought up to date with the source, on a
/// page opened with `?marks` only (see [`per_keystroke`]).
pub const PREVIEW: &str = "quire:preview";
/// The measure of making (and handing over) an export-all backup.
pub const BACKUP: &str = "quire:backup";
/// The mark where a backup starts.
pub const BACKUP_START: &str = "quire:backup-start";
/// The measure of each save of a draft (text and index), main-thread time.
pub const SAVE: &str = "quire:save";
/// The mark where a save starts.
pub const SAVE_START: &str = "quire:save-start";

/// The measure of keeping one revision (reading the history, writing the snapshot).
pub const REVISION: &str = "quire:revision";
/// The mark where keeping a revision starts.
pub const REVISION_START: &str = "quire:revision-start";
/// From an image pasted, dropped or picked to its Markdown inserted.
pub const IMAGE: &str = "quire:image";
/// Where [`IMAGE`] starts.
pub const IMAGE_START: &str = "quire:image-start";

/// From a site folder's kind read to its whole post list read.
pub const SITE_LIST: &str = "quire:site-list";
/// Where [`SITE_LIST`] starts.
pub const SITE_LIST_START: &str = "quire:site-list-start";

/// Whether marks set on every keystroke are wanted: the page was opened with `?marks`
/// (the keystroke bench does). Otherwise such a mark would cost each keystroke a
/// timeline entry, kept by the browser for as long as the page is open.
pub fn per_keystroke() -> bool {
    thread_local! {
        static WANTED: bool = super::location_query_has("marks");
    }
    WANTED.with(|w| *w)
}

/// Add a `performance.mark` named `name`.
pub fn mark(name: &str) -> Result<(), BrowserError> {
    let window = web_sys::window().ok_or(BrowserError::NoWindow)?;
    let performance = window
        .performance()
        .ok_or(BrowserError::Unsupported("performance"))?;
    performance
        .mark(name)
        .map(|_| ())
        .map_err(BrowserError::from_js)
}

/// Whether a mark named `name` was set.
pub fn marked(name: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.performance())
        .is_some_and(|p| p.get_entries_by_name(name).length() > 0)
}

/// Record a `performance.measure` named `name` from the mark `start_mark` to now.
pub fn measure_from(name: &str, start_mark: &str) -> Result<(), BrowserError> {
    let window = web_sys::window().ok_or(BrowserError::NoWindow)?;
    let performance = window
        .performance()
        .ok_or(BrowserError::Unsupported("performance"))?;
    performance
        .measure_with_start_mark(name, start_mark)
        .map(|_| ())
        .map_err(BrowserError::from_js)
}
