//! How the preview renders: the flavour (Jekyll's kramdown or plain CommonMark) and the
//! site's address for relative links and images. Remembered across visits.

use leptos::prelude::*;
use quire_core::render::{Flavour, Settings};

/// The preview's settings bar.
#[component]
pub fn PreviewSettings(settings: RwSignal<Settings>) -> impl IntoView {
    let is_jekyll = move || settings.with(|s| s.flavour == Flavour::Jekyll);
    let on_flavour = move |ev: leptos::ev::Event| {
        let flavour = if event_target_value(&ev) == "commonmark" {
            Flavour::CommonMark
        } else {
            Flavour::Jekyll
        };
        settings.update(|s| s.flavour = flavour);
    };
    let on_site = move |ev: leptos::ev::Event| {
        let url = event_target_value(&ev).trim().to_string();
        settings.update(|s| s.site_url = url);
    };
    view! {
        <div class="preview-bar">
            <label>
                "Preview as "
                <select data-testid="preview-flavour" on:change=on_flavour>
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
