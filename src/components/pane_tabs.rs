//! On a narrow screen, the source and the preview are tabs (shown by CSS only there).

use leptos::prelude::*;
use quire_core::prefs::Layout;

use crate::ui::use_ui;

/// The two tabs.
#[component]
pub fn PaneTabs() -> impl IntoView {
    let ui = use_ui();
    // In a narrow window the split view shows the source.
    let showing = move || match ui.layout.get() {
        Layout::Preview => Layout::Preview,
        _ => Layout::Editor,
    };
    let tab = move |layout: Layout, text: &'static str| {
        view! {
            <button
                type="button"
                role="tab"
                class="pane-tab"
                data-testid=format!("tab-{}", layout.name())
                aria-selected=move || (showing() == layout).to_string()
                on:click=move |_| ui.set_layout(layout)
            >
                {text}
            </button>
        }
    };
    view! {
        <div class="pane-tabs" role="tablist" aria-label="Source or preview">
            {tab(Layout::Editor, "Source")}
            {tab(Layout::Preview, "Preview")}
        </div>
    }
}
