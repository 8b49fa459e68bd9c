//! The other ways out of Quire: the Markdown on the clipboard, the rendered post as a
//! standalone HTML file.

use leptos::prelude::*;
use quire_core::export;

use crate::browser;
use crate::persist::Persistence;
use crate::state::use_editor_state;

/// "Copy Markdown" and "Download HTML".
#[component]
pub fn MoreExports() -> impl IntoView {
    let state = use_editor_state();
    let persistence = expect_context::<Persistence>();
    let copied = RwSignal::new(false);
    let copy = move |_| {
        let endings = persistence.endings();
        let text = state
            .source
            .with_untracked(|src| export::export_text(src, &endings).into_owned());
        leptos::task::spawn_local(async move {
            match browser::clipboard::write_text(&text).await {
                Ok(()) => {
                    copied.set(true);
                    leptos::prelude::set_timeout(
                        move || copied.set(false),
                        std::time::Duration::from_secs(2),
                    );
                }
                Err(err) => state.notice.set(crate::notices::problem(format!(
                    "The Markdown could not be copied: {err}"
                ))),
            }
        });
    };
    let ui = crate::ui::use_ui();
    let download_html = move |_| {
        let style = ui.name_style.get_untracked();
        let settings = ui.preview.get_untracked();
        let (name, html) = state.source.with_untracked(|src| {
            let name = export::file_name(src, &browser::clock::now_local(), style);
            let css = browser::preview_frame::styles();
            (
                export::html_file_name(&name),
                export::standalone_html(src, &settings, css),
            )
        });
        if let Err(err) =
            browser::download::download(&name, html.as_bytes(), "text/html;charset=utf-8")
        {
            state.notice.set(crate::notices::problem(format!(
                "The HTML download failed: {err}"
            )));
        }
    };
    view! {
        <button type="button" class="tool" data-testid="copy-md" on:click=copy>
            {move || if copied.get() { "Copied" } else { "Copy Markdown" }}
        </button>
        <button type="button" class="tool" data-testid="export-html" on:click=download_html>
            "Download HTML"
        </button>
    }
}
