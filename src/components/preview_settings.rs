//! How the preview renders: the flavour (Jekyll's kramdown or plain CommonMark) and the
//! site's address for relative links and images. Remembered across visits.

use leptos::prelude::*;
use quire_core::render::{Flavour, Settings};

/// The preview's settings bar.
#[component]
pub fn PreviewSettings() -> impl IntoView {
    let ui = crate::ui::use_ui();
    let settings = ui.preview;
    let is_jekyll = move || settings.with(|s| s.flavour == Flavour::Jekyll);
    let on_flavour = move |ev: leptos::ev::Event| {
        let flavour = if event_target_value(&ev) == "commonmark" {
            Flavour::CommonMark
        } else {
            Flavour::Jekyll
        };
        ui.set_preview(&Settings {
            flavour,
            ..settings.get_untracked()
        });
    };
    let on_site = move |ev: leptos::ev::Event| {
        ui.set_site_url(event_target_value(&ev).trim().to_string());
    };
    view! {
        <div class="preview-bar">
            <label>
                "Preview as "
                <select data-testid="preview-flavour" on:change=on_flavour
                    prop:value=move || if is_jekyll() { "jekyll" } else { "commonmark" }
                    title=move || ui.site_flavour.with(|f| f.map(|_| "As the open site publishes its posts; choose to override"))>
                    <option value="jekyll" selected=is_jekyll>"Jekyll (kramdown)"</option>
                    <option value="commonmark" selected=move || !is_jekyll()>"CommonMark"</option>
                </select>
            </label>
            <label>
                "Site URL "
                <input
                    type="url"
                    data-testid="site-url"
                    placeholder="https://example.com"
                    prop:value=move || settings.with(|s| s.site_url.clone())
                    on:change=on_site
                />
            </label>
        </div>
    }
}
