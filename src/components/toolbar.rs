//! Formatting buttons above the editor; each has a Ctrl/Cmd shortcut (see the editor).

use leptos::prelude::*;
use quire_core::format::Format;

use crate::state::use_editor_state;

fn label(format: Format) -> (&'static str, &'static str) {
    match format {
        Format::Bold => ("B", "Bold"),
        Format::Italic => ("I", "Italic"),
        Format::Link => ("Link", "Link"),
        Format::Heading => ("H", "Heading"),
        Format::List => ("List", "List"),
        Format::Quote => ("Quote", "Quote"),
        Format::Code => ("Code", "Code"),
        Format::Image => ("Image", "Image link"),
    }
}

/// The formatting toolbar.
#[component]
pub fn Toolbar() -> impl IntoView {
    let state = use_editor_state();
    let buttons = Format::ALL
        .into_iter()
        .map(|format| {
            let (text, name) = label(format);
            let key = format.shortcut().to_ascii_uppercase();
            view! {
                <button
                    type="button"
                    class=format!("tool tool-{}", format.name())
                    data-testid=format!("fmt-{}", format.name())
                    title=format!("{name} (Ctrl+{key})")
                    aria-label=format!("{name} (Ctrl+{key})")
                    aria-keyshortcuts=format!("Control+{key}")
                    // Keep the editor's selection: the button does not take focus on click.
                    on:mousedown=|ev| ev.prevent_default()
                    on:click=move |_| state.format(format)
                >
                    {text}
                </button>
            }
        })
        .collect::<Vec<_>>();
    let images = crate::images::use_images();
    view! {
        <div class="toolbar" role="toolbar" aria-label="Formatting">
            {buttons}
            <button type="button" class="tool" data-testid="find-open"
                title="Find and replace (Ctrl+F, Ctrl+H)" aria-keyshortcuts="Control+F"
                on:mousedown=|ev| ev.prevent_default()
                on:click=move |_| crate::find::use_find().show()>"Find"</button>
            <label class="tool button-like" title="Add an image file: kept in this browser, exported with the post">
                "Image…"
                <input type="file" class="visually-hidden" data-testid="image-pick" multiple=true
                    accept="image/png,image/jpeg,image/gif,image/webp,image/avif,image/svg+xml"
                    on:change:target=move |ev| {
                        images.add_files(crate::browser::images::chosen_files(&ev.target()), String::new());
                    } />
            </label>
        </div>
    }
}
