//! Header controls: which panes show (split, source only, preview only) and the theme.

use leptos::prelude::*;
use quire_core::prefs::Layout;

use crate::ui::use_ui;

/// The layout buttons and the theme toggle.
#[component]
pub fn LayoutControls() -> impl IntoView {
    let ui = use_ui();
    let button = move |layout: Layout, text: &'static str, label: &'static str| {
        view! {
            <button
                type="button"
                class="tool"
                data-testid=format!("layout-{}", layout.name())
                aria-label=label
                title=label
                aria-pressed=move || (ui.layout.get() == layout).to_string()
                on:click=move |_| ui.set_layout(layout)
            >
                {text}
            </button>
        }
    };
    let theme_label = move || format!("Theme: {} (click to change)", ui.theme.get().name());
    view! {
        <div class="layout-controls" role="group" aria-label="Layout">
            {button(Layout::Split, "Split", "Split: source and preview side by side")}
            {button(Layout::Editor, "Source", "Source only")}
            {button(Layout::Preview, "Preview", "Preview only")}
            <button
                type="button"
                class="tool"
                data-testid="theme-toggle"
                aria-label=theme_label
                title=theme_label
                on:click=move |_| ui.set_theme(ui.theme.get_untracked().next())
            >
                {move || format!("Theme: {}", ui.theme.get().name())}
            </button>
        </div>
    }
}
