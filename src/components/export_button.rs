//! The download button, the file-name style, "Save as…" and "Save to <file>".

use leptos::prelude::*;
use quire_core::export::NameStyle;

use crate::export::use_exporter;
use crate::ui::use_ui;

/// The ways out as the post's file (see [`crate::export::Exporter`]).
#[component]
pub fn ExportButton() -> impl IntoView {
    let exporter = use_exporter();
    let ui = use_ui();
    view! {
        <select class="tool" data-testid="export-name-style" aria-label="Download file names"
            on:change=move |ev| ui.set_name_style(if event_target_value(&ev) == "hugo" { NameStyle::Hugo } else { NameStyle::Jekyll })>
            <option value="jekyll" selected=move || ui.name_style.get() == NameStyle::Jekyll>"Jekyll: date-slug.md"</option>
            <option value="hugo" selected=move || ui.name_style.get() == NameStyle::Hugo>"Hugo/Zola: slug.md"</option>
        </select>
        {move || exporter.saved_file_name().map(|file| view! {
            <button type="button" class="tool" data-testid="save-to-file" title="Ctrl+S"
                on:click=move |_| exporter.save_again()>{format!("Save to {file}")}</button>
        })}
        <button type="button" class="tool" data-testid="save-as" on:click=move |_| exporter.save_as()>
            "Save as…"
        </button>
        <button type="button" class="primary" data-testid="export-md" title=move || exporter.file_name()
            on:click=move |_| exporter.download()>
            "Download .md"
        </button>
    }
}
