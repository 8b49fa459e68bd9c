//! The other ways out of Quire: the Markdown on the clipboard, the rendered post as a
//! standalone HTML file.

use leptos::prelude::*;

use crate::export::use_exporter;

/// "Copy Markdown", "Download HTML" and "Download with images".
#[component]
pub fn MoreExports() -> impl IntoView {
    let exporter = use_exporter();
    let images = crate::images::use_images();
    let copied = RwSignal::new(false);
    let copy = move |_| {
        leptos::task::spawn_local(async move {
            if exporter.copy_markdown().await {
                copied.set(true);
                set_timeout(move || copied.set(false), std::time::Duration::from_secs(2));
            }
        });
    };
    view! {
        <button type="button" class="tool" data-testid="copy-md" on:click=copy>
            {move || if copied.get() { "Copied" } else { "Copy Markdown" }}
        </button>
        <button type="button" class="tool" data-testid="export-html" on:click=move |_| exporter.download_html()>
            "Download HTML"
        </button>
        <button type="button" class="tool" data-testid="export-bundle"
            title="The post and its images in a zip laid out like the site"
            on:click=move |_| images.export_bundle()>
            "Download with images"
        </button>
    }
}
