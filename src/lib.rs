//! Quire: a blog-post editor that runs in the browser.
//!
//! The post's source text is the one piece of state; the preview, the stats and every
//! other view derive from it (see `docs/ARCHITECTURE.md`). Logic lives in `quire-core`,
//! browser effects in [`browser`], and the components only wire the two together.

pub mod app;
pub mod boot;
pub mod browser;
pub mod components;
pub mod export;
pub mod find;
pub mod images;
pub mod import;
pub mod notices;
pub mod persist;
pub mod preview;
pub mod revisions;
pub mod site;
pub mod site_settings;
pub mod state;
pub mod ui;

/// Install the panic hook and mount the app on `<body>`.
pub fn start() {
    browser::install_panic_hook();
    leptos::mount::mount_to_body(app::App);
    // The page's own editor marked the editable time already, unless it could not be used.
    if !browser::perf::marked(browser::perf::EDITABLE) {
        if let Err(err) = browser::perf::mark(browser::perf::EDITABLE) {
            leptos::logging::warn!("could not mark the editable time: {err}");
        }
    }
    let _ = browser::perf::mark(browser::perf::STARTED);
}
