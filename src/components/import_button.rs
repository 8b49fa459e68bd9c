//! "Open…" (a post file as a new draft) and the progress of a file being opened.

use leptos::prelude::*;

use crate::browser;
use crate::import::use_importer;

/// The progress of a file being opened, while there is one.
#[component]
pub fn OpeningProgress() -> impl IntoView {
    let importer = use_importer();
    move || {
        importer.progress().map(|p| {
            let percent = if p.total > 0.0 {
                p.done / p.total * 100.0
            } else {
                100.0
            };
            let label = if p.done < p.total {
                format!("Reading {}: {percent:.0} %", p.name)
            } else {
                format!("Opening {}…", p.name)
            };
            view! {
                <p class="notice opening" data-testid="import-progress-bar">
                    <label>
                        <span>{label}</span>
                        " "
                        <progress data-testid="import-progress" max=p.total value=p.done></progress>
                    </label>
                </p>
            }
        })
    }
}

/// "Open…": a file input for .md, .markdown and .txt files.
#[component]
pub fn ImportButton() -> impl IntoView {
    let importer = use_importer();
    view! {
        <label class="button-like">
            "Open…"
            <input type="file" class="visually-hidden" data-testid="import-file"
                accept=".md,.markdown,.txt,text/markdown,text/plain"
                on:change:target=move |ev| {
                    if let Some(file) = browser::file::take_chosen(&ev.target()) {
                        importer.open_file(file);
                    }
                } />
        </label>
    }
}
