//! Performance marks, read by the bench (`cargo xtask bench`).

use super::BrowserError;

/// The mark set once the editor is mounted and can take typing.
pub const EDITABLE: &str = "quire:editable";

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
