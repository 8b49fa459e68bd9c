//! Shared by the tests that put hostile HTML into the app's views: the vectors, and how to
//! tell that they settled, which of them ran, and which console messages are refusals.

use crate::{EXCERPT_CARD_JS, PREVIEW_JS};

/// The hostile-HTML vectors, each calling `pwned(id)` on its top window if it runs.
pub const VECTORS: &str = include_str!("../fixtures/xss-vectors.md");

/// Resolves once every image and media element in the page (`"page"`) or the preview
/// (`"preview"`) has loaded or failed (so any `onerror` would have fired), and two frames
/// have been drawn.
pub fn settled() -> String {
    format!(
        "const [which, done] = [arguments[0], arguments[arguments.length - 1]];
const root = which === 'preview' ? {PREVIEW_JS} : which === 'card' ? {EXCERPT_CARD_JS} : document;
{SETTLED_REST}"
    )
}

const SETTLED_REST: &str =
    "const settled = () => [...root.querySelectorAll('img')].every(i => i.complete)
  && [...root.querySelectorAll('video, audio')].every(m => m.networkState !== 2);
const check = () => settled()
  ? requestAnimationFrame(() => requestAnimationFrame(() => done(true)))
  : requestAnimationFrame(check);
check();
";

/// The ids of the vectors whose script ran (each calls `pwned(id)` on its top window).
pub const FIRED: &str = "return (window.__pwned || []).slice().sort((a, b) => a - b)";

pub fn ids(value: serde_json::Value) -> Vec<i64> {
    value
        .as_array()
        .map(|a| a.iter().filter_map(serde_json::Value::as_i64).collect())
        .unwrap_or_default()
}

/// Console messages the blocked vectors are expected to cause.
pub fn expected_refusal(message: &str) -> bool {
    [
        "Blocked script execution",
        "Refused to",
        "Content Security Policy",
        "sandboxed",
        "Failed to load resource",
        "Unsafe attempt to initiate navigation",
        "Not allowed to load local resource",
        "may not be used as base URLs",
    ]
    .iter()
    .any(|m| message.contains(m))
}
