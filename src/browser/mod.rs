//! The only code that touches `web_sys` and `js_sys`. Fallible calls return
//! `Result<_, BrowserError>`; nothing here panics.

pub mod boot;
pub mod clipboard;
pub mod clock;
pub mod debounce;
pub mod dom_morph;
pub mod download;
pub mod editor;
pub mod editor_map;
pub mod file;
pub mod images;
pub mod lifecycle;
pub mod perf;
pub mod pointer;
pub mod preview_card;
pub mod preview_frame;
mod preview_links;
pub mod save_file;
pub mod service_worker;
pub mod site_files;
pub mod site_folder;
pub mod site_store;
pub mod storage;
pub mod zone;

use core::fmt;

use wasm_bindgen::{JsCast, JsValue};

/// What went wrong in a browser call, in words a writer can be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BrowserError {
    /// The code is not running in a browser window.
    NoWindow,
    /// The browser lacks an API this needs.
    Unsupported(&'static str),
    /// localStorage is full.
    QuotaExceeded,
    /// localStorage cannot be used (blocked, disabled or missing).
    StorageUnavailable(String),
    /// A browser API threw; the message is the browser's own.
    Js(String),
}

impl BrowserError {
    /// Wrap what a browser API threw.
    pub fn from_js(value: JsValue) -> BrowserError {
        if let Some(e) = value.dyn_ref::<web_sys::DomException>() {
            if e.name() == "QuotaExceededError" {
                return BrowserError::QuotaExceeded;
            }
        }
        let message = value
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| value.as_string())
            .unwrap_or_else(|| format!("{value:?}"));
        BrowserError::Js(message)
    }
}

impl fmt::Display for BrowserError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BrowserError::NoWindow => f.write_str("this page is not running in a browser window"),
            BrowserError::Unsupported(api) => write!(f, "this browser does not offer {api}"),
            BrowserError::QuotaExceeded => {
                f.write_str("the browser's storage for this site is full")
            }
            BrowserError::StorageUnavailable(why) => {
                write!(f, "the browser's storage cannot be used ({why})")
            }
            BrowserError::Js(message) => write!(f, "the browser refused: {message}"),
        }
    }
}

impl std::error::Error for BrowserError {}

/// Set (or, with `None`, remove) `data-theme` on the page's root element.
pub fn set_theme(theme: Option<&str>) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = match theme {
        Some(theme) => root.set_attribute("data-theme", theme),
        None => root.remove_attribute("data-theme"),
    };
}

/// Set (`on`) or remove the flag `data-<name>` on the page's root element, for the
/// stylesheet.
pub fn set_root_flag(name: &str, on: bool) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let attribute = format!("data-{name}");
    let _ = if on {
        root.set_attribute(&attribute, "")
    } else {
        root.remove_attribute(&attribute)
    };
}

/// Set the tab's title.
pub fn set_document_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

/// Whether the page's query string holds `pair` (such as `preview=full`).
pub fn location_query_has(pair: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|q| q.trim_start_matches('?').split('&').any(|p| p == pair))
}

/// Report panics on the browser console with their message and location.
pub fn install_panic_hook() {
    console_error_panic_hook::set_once();
}

/// Let the browser run its next task (and usually paint) before going on: resolves from a
/// zero-delay timeout.
pub async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let scheduled = web_sys::window()
            .map(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0));
        if !matches!(scheduled, Some(Ok(_))) {
            // No timer: go on at once rather than never.
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
