//! One small component per file.

mod editor;
mod preview;
mod status_bar;

pub use editor::Editor;
pub use preview::Preview;
pub use status_bar::StatusBar;
