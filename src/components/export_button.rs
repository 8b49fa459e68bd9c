//! Getting the post out as the `.md` file the site wants: download it (named for Jekyll's
//! `_posts` or for Hugo/Zola, as the writer chose), or, where the browser offers it, save
//! it to a file the writer picks and later save to that file again (Ctrl+S).

use leptos::prelude::*;
use quire_core::export::{self, NameStyle};

use crate::browser::{self, save_file::Picked, save_file::SavedFile};
use crate::persist::Persistence;
use crate::state::{use_editor_state, EditorState};
use crate::ui::use_ui;

/// The post's file name in `style`, from the front matter as read for the form (not
/// read again).
fn file_name(state: EditorState, style: NameStyle) -> String {
    state
        .fields
        .with_untracked(|fields| name_from(fields, style))
}

fn name_from(
    fields: &Result<
        Vec<quire_core::front_matter::Field>,
        quire_core::front_matter::FrontMatterError,
    >,
    style: NameStyle,
) -> String {
    let fields = fields.as_deref().unwrap_or_default();
    export::file_name_from(fields, &browser::clock::now_local(), style)
}

/// The post's bytes as a file holds them (each line with its file's ending).
fn exported_bytes(state: EditorState, persistence: Persistence) -> Vec<u8> {
    let endings = persistence.endings();
    state
        .source
        .with_untracked(|src| export::export_text(src, &endings).into_owned().into_bytes())
}

/// Download the post, named in `style`, its bytes exactly; a failure is a notice.
pub fn download_post(state: EditorState, persistence: Persistence, style: NameStyle) {
    let (name, bytes) = (file_name(state, style), exported_bytes(state, persistence));
    if let Err(err) = browser::download::download(&name, &bytes, "text/markdown;charset=utf-8") {
        state.notice.set(crate::notices::problem(format!(
            "The download failed: {err}"
        )));
    }
}

/// The files drafts were saved to with "Save as…", for this visit (a browser hands out
/// file access per page, so they are not kept across visits).
#[derive(Clone, Copy)]
pub struct SavedFiles(StoredValue<Vec<(String, SavedFile)>, LocalStorage>, Trigger);

impl SavedFiles {
    pub fn new() -> SavedFiles {
        SavedFiles(StoredValue::new_local(Vec::new()), Trigger::new())
    }

    /// The file draft `id` was saved to.
    fn get(self, id: &str) -> Option<SavedFile> {
        self.1.track();
        self.0
            .with_value(|files| files.iter().find(|(d, _)| d == id).map(|(_, h)| h.clone()))
    }

    fn set(self, id: String, handle: SavedFile) {
        self.0.update_value(|files| {
            files.retain(|(d, _)| *d != id);
            files.push((id, handle));
        });
        self.1.notify();
    }
}

impl Default for SavedFiles {
    fn default() -> Self {
        SavedFiles::new()
    }
}

/// Write the post to `handle` and tell the writer.
async fn write_to(state: EditorState, persistence: Persistence, handle: SavedFile) {
    let bytes = exported_bytes(state, persistence);
    let name = handle.name();
    let message = match browser::save_file::write(&handle, &bytes).await {
        Ok(()) => format!(
            "Saved to {name} at {}.",
            browser::clock::short_time(browser::clock::now_ms())
        ),
        Err(err) => {
            format!("{name} could not be written: {err}. Use “Save as…” to pick a file again.")
        }
    };
    state.notice.set(crate::notices::problem(message));
}

/// "Save as…": pick a file and write the post to it; where the browser cannot, download.
pub fn save_as(state: EditorState, persistence: Persistence, files: SavedFiles, style: NameStyle) {
    if !browser::save_file::supported() {
        download_post(state, persistence, style);
        return;
    }
    let name = file_name(state, style);
    let id = persistence.current_id();
    leptos::task::spawn_local(async move {
        match browser::save_file::pick(&name).await {
            Ok(Picked::Chosen(handle)) => {
                if let Some(id) = id {
                    files.set(id, handle.clone());
                }
                write_to(state, persistence, handle).await;
            }
            Ok(Picked::Cancelled) => {}
            Err(err) => {
                state.notice.set(crate::notices::problem(format!(
                    "The browser did not let Quire save to a file ({err}); the post was downloaded instead."
                )));
                download_post(state, persistence, style);
            }
        }
    });
}

/// Save the open draft to the file it was last saved to, or ask for one (Ctrl+S).
pub fn save_again(
    state: EditorState,
    persistence: Persistence,
    files: SavedFiles,
    style: NameStyle,
) {
    match persistence.current_id().and_then(|id| files.get(&id)) {
        Some(handle) => leptos::task::spawn_local(write_to(state, persistence, handle)),
        None => save_as(state, persistence, files, style),
    }
}

/// The download button, the file-name style, "Save as…" and "Save to <file>".
#[component]
pub fn ExportButton() -> impl IntoView {
    let state = use_editor_state();
    let persistence = expect_context::<Persistence>();
    let files = expect_context::<SavedFiles>();
    let ui = use_ui();
    let name = move || {
        let style = ui.name_style.get();
        state.fields.with(|fields| name_from(fields, style))
    };
    let saved_to = move || {
        persistence
            .open_id()
            .and_then(|id| files.get(&id))
            .map(|h| h.name())
    };
    view! {
        <select class="tool" data-testid="export-name-style" aria-label="Download file names"
            on:change=move |ev| ui.set_name_style(if event_target_value(&ev) == "hugo" { NameStyle::Hugo } else { NameStyle::Jekyll })>
            <option value="jekyll" selected=move || ui.name_style.get() == NameStyle::Jekyll>"Jekyll: date-slug.md"</option>
            <option value="hugo" selected=move || ui.name_style.get() == NameStyle::Hugo>"Hugo/Zola: slug.md"</option>
        </select>
        {move || saved_to().map(|file| view! {
            <button type="button" class="tool" data-testid="save-to-file" title="Ctrl+S"
                on:click=move |_| save_again(state, persistence, files, ui.name_style.get_untracked())>{format!("Save to {file}")}</button>
        })}
        <button type="button" class="tool" data-testid="save-as" on:click=move |_| save_as(state, persistence, files, ui.name_style.get_untracked())>
            "Save as…"
        </button>
        <button type="button" class="primary" data-testid="export-md" title=name
            on:click=move |_| download_post(state, persistence, ui.name_style.get_untracked())>
            "Download .md"
        </button>
    }
}
