//! Getting posts out of Quire: the `.md` file the site wants (downloaded, named for Jekyll's
//! `_posts` or for Hugo/Zola as the writer chose, or saved to a file the writer picked and
//! saved there again with Ctrl+S), the Markdown on the clipboard, the rendered post as a
//! standalone HTML page, and every draft as a backup zip. Components only call these.

use leptos::prelude::*;
use quire_core::export::{self, NameStyle};
use quire_core::render::liquid::SiteVars;

use crate::browser::{self, save_file::Picked, save_file::SavedFile};
use crate::notices::{Notice, NoticeKind};
use crate::persist::Persistence;
use crate::state::EditorState;
use crate::ui::Ui;

/// The files drafts were saved to with "Save as…", for this visit (a browser hands out
/// file access per page, so they are not kept across visits).
#[derive(Clone, Copy)]
struct SavedFiles(StoredValue<Vec<(String, SavedFile)>, LocalStorage>, Trigger);

impl SavedFiles {
    fn new() -> SavedFiles {
        SavedFiles(StoredValue::new_local(Vec::new()), Trigger::new())
    }

    /// The file draft `id` was saved to (tracked).
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

/// The export actions, provided once in context.
#[derive(Clone, Copy)]
pub struct Exporter {
    state: EditorState,
    persistence: Persistence,
    ui: Ui,
    /// What the preview's Liquid resolves from (the HTML page is rendered as it is).
    vars: Memo<SiteVars>,
    files: SavedFiles,
}

impl Exporter {
    /// The exporter of the open post.
    pub fn new(
        state: EditorState,
        persistence: Persistence,
        ui: Ui,
        vars: Memo<SiteVars>,
    ) -> Exporter {
        Exporter {
            state,
            persistence,
            ui,
            vars,
            files: SavedFiles::new(),
        }
    }

    fn tell(self, notice: Notice) {
        self.state.notice.set(Some(notice));
    }

    /// The post's file name as the writer chose to name downloads (tracked), from the
    /// front matter as read for the form (not read again).
    pub fn file_name(self) -> String {
        let style = self.ui.name_style.get();
        self.state
            .fields
            .with(|fields| name_from(fields.as_deref().unwrap_or_default(), style))
    }

    fn file_name_untracked(self) -> String {
        untrack(move || self.file_name())
    }

    /// The post's bytes as a file holds them (each line with its file's ending).
    fn bytes(self) -> Vec<u8> {
        self.text().into_bytes()
    }

    fn text(self) -> String {
        let endings = self.persistence.endings();
        self.state
            .source
            .with_untracked(|src| export::export_text(src, &endings).into_owned())
    }

    /// Download the post, its bytes exactly; a failure is a notice.
    pub fn download(self) {
        let (name, bytes) = (self.file_name_untracked(), self.bytes());
        if let Err(err) = browser::download::download(&name, &bytes, "text/markdown;charset=utf-8")
        {
            self.state.notice.set(crate::notices::problem(format!(
                "The download failed: {err}"
            )));
        }
    }

    /// "Save as…": pick a file and write the post to it; where the browser cannot,
    /// download.
    pub fn save_as(self) {
        if !browser::save_file::supported() {
            self.download();
            return;
        }
        let name = self.file_name_untracked();
        let id = self.persistence.current_id();
        leptos::task::spawn_local(async move {
            match browser::save_file::pick(&name).await {
                Ok(Picked::Chosen(handle)) => {
                    if let Some(id) = id {
                        self.files.set(id, handle.clone());
                    }
                    self.write_to(handle).await;
                }
                Ok(Picked::Cancelled) => {}
                Err(err) => {
                    self.state.notice.set(crate::notices::problem(format!(
                        "The browser did not let Quire save to a file ({err}); the post was \
                         downloaded instead."
                    )));
                    self.download();
                }
            }
        });
    }

    /// Save the open draft to the file it was last saved to, or ask for one (Ctrl+S).
    pub fn save_again(self) {
        let saved = self
            .persistence
            .current_id()
            .and_then(|id| untrack(|| self.files.get(&id)));
        match saved {
            Some(handle) => leptos::task::spawn_local(self.write_to(handle)),
            None => self.save_as(),
        }
    }

    /// The name of the file the open draft was last saved to (tracked).
    pub fn saved_file_name(self) -> Option<String> {
        let id = self.persistence.open_id()?;
        self.files.get(&id).map(|h| h.name())
    }

    /// Write the post to `handle` and tell the writer.
    async fn write_to(self, handle: SavedFile) {
        let bytes = self.bytes();
        let name = handle.name();
        match browser::save_file::write(&handle, &bytes).await {
            Ok(()) => self.tell(Notice::new(
                NoticeKind::Info,
                format!(
                    "Saved to {name} at {}.",
                    browser::clock::short_time(browser::clock::now_ms())
                ),
            )),
            Err(err) => self.state.notice.set(crate::notices::problem(format!(
                "{name} could not be written: {err}. Use “Save as…” to pick a file again."
            ))),
        }
    }

    /// Put the post's Markdown on the clipboard; whether it went there.
    pub async fn copy_markdown(self) -> bool {
        let text = self.text();
        match browser::clipboard::write_text(&text).await {
            Ok(()) => true,
            Err(err) => {
                self.state.notice.set(crate::notices::problem(format!(
                    "The Markdown could not be copied: {err}"
                )));
                false
            }
        }
    }

    /// Download the rendered post as a standalone HTML page, rendered as the preview
    /// renders it (its flavour, site URL and Liquid).
    pub fn download_html(self) {
        let mut settings = self.ui.preview.get_untracked();
        settings.site = self.vars.get_untracked();
        let name = export::html_file_name(&self.file_name_untracked());
        let html = self.state.source.with_untracked(|src| {
            export::standalone_html(src, &settings, browser::preview_frame::styles())
        });
        if let Err(err) =
            browser::download::download(&name, html.as_bytes(), "text/html;charset=utf-8")
        {
            self.state.notice.set(crate::notices::problem(format!(
                "The HTML download failed: {err}"
            )));
        }
    }

    /// Download every stored draft (the open one saved first) with its revisions as one
    /// backup zip.
    pub fn back_up_all(self) {
        let _ = browser::perf::mark(browser::perf::BACKUP_START);
        let drafts = self.persistence.backup_drafts(self.state);
        leptos::task::spawn_local(async move {
            let result = match drafts {
                Ok(drafts) => {
                    let images = crate::images::Images::for_backup(&drafts).await;
                    let day = browser::clock::now_local();
                    let zip = quire_core::backup::write_with_images(&drafts, &images, &day);
                    let name = format!(
                        "quire-backup-{:04}-{:02}-{:02}.zip",
                        day.year, day.month, day.day
                    );
                    browser::download::download(&name, &zip, "application/zip")
                }
                Err(err) => Err(err),
            };
            // For the bench; a failed measure changes nothing for the writer.
            let _ = browser::perf::measure_from(browser::perf::BACKUP, browser::perf::BACKUP_START);
            if let Err(err) = result {
                self.state.notice.set(crate::notices::problem(format!(
                    "The backup could not be made: {err}"
                )));
            }
        });
    }
}

fn name_from(fields: &[quire_core::front_matter::Field], style: NameStyle) -> String {
    export::file_name_from(fields, &browser::clock::now_local(), style)
}

/// The exporter from context.
pub fn use_exporter() -> Exporter {
    expect_context::<Exporter>()
}
