//! The app shell: one [`EditorState`] in context, and the layout around it.

use leptos::prelude::*;

use crate::browser;
use crate::components::{
    Checklist, ConflictBar, Divider, DraftList, DrawerHeader, Editor, ExcerptPanel, ExportButton,
    FocusControls, FrontMatterForm, HeaderMenu, ImagesPanel, LayoutControls, MoreExports, Notice,
    OpeningProgress, Outline, PaneTabs, PanelsToggle, Preview, RevisionsPanel, SiteActions,
    SiteBar, SitePanel, StatusBar, UpdateBar,
};
use crate::persist::Persistence;
use crate::state::EditorState;

/// The whole page: header, notices, the post-details panel, editor and preview.
#[component]
pub fn App() -> impl IntoView {
    // The page's own editor may have shown a new post already: the app starts from it.
    let boot = crate::boot::Boot::read();
    let (persistence, opened) = Persistence::open(|| {
        boot.new_post()
            .unwrap_or_else(|| quire_core::template::new_post(&browser::clock::now_local()))
    });
    let state = EditorState::new(opened.text);
    state.notice.set(opened.notice);
    provide_context(state);
    provide_context(persistence);
    let ui = crate::ui::Ui::new(state.notice);
    provide_context(ui);
    let settings = crate::site_settings::SiteSettings::new(state, persistence);
    provide_context(settings);
    let exporter = crate::export::Exporter::new(state, persistence, ui, settings.vars);
    provide_context(exporter);
    let importer = crate::import::Importer::new(state, persistence);
    provide_context(importer);
    let images = crate::images::Images::new(state, persistence, ui);
    provide_context(images);
    let site = crate::site::Site::new(state, persistence, images, settings);
    provide_context(site);
    let preview =
        crate::preview::PreviewController::new(state, crate::preview::Mode::from_location());
    provide_context(StoredValue::new_local(preview));
    provide_context(crate::find::Find::new(state));
    // Ctrl+Shift+F anywhere: focus mode on or off.
    let _ = window_event_listener(leptos::ev::keydown, move |ev| {
        let command = ev.ctrl_key() || ev.meta_key();
        if command && ev.shift_key() && !ev.alt_key() && ev.key().eq_ignore_ascii_case("f") {
            ev.prevent_default();
            ui.set_focus(!ui.focus.get_untracked());
        }
    });
    persistence.watch(state);
    persistence.keep_opened_revision(state);
    // Images nothing uses any more (a draft forgotten in another tab, say), once started.
    set_timeout(move || images.collect_garbage(), std::time::Duration::ZERO);
    // The site folder of the last visit, once started (the browser may ask again first).
    set_timeout(move || site.restore(), std::time::Duration::ZERO);
    // Once the editor exists, put the caret and scroll back where they were, then take
    // over what the writer did in the page's own editor before the app arrived.
    let boot = StoredValue::new(Some(boot));
    Effect::new(move |_| {
        if let Some(textarea) = state.editor.get() {
            let _ =
                browser::editor::restore_caret_and_scroll(&textarea, opened.caret, opened.scroll);
            if let Some(boot) = boot.try_update_value(Option::take).flatten() {
                // In the next frame: the editor's text is set by then, and until then
                // keystrokes still land in the page's editor.
                request_animation_frame(move || boot.take_over(state, persistence));
            }
        }
    });

    // The tab's title: the post's, with a marker while a change is not saved. A memo, so
    // that the document's title is written only when it changes (every keystroke marks
    // the draft pending again, and each write of `document.title` is work for the browser).
    let tab_title = Memo::new(move |_| {
        let title = state.title();
        let unsaved = persistence.status() != crate::persist::SaveStatus::Saved;
        let name = if title.trim().is_empty() {
            "Untitled"
        } else {
            title.trim()
        };
        let marker = if unsaved { "\u{2022} " } else { "" };
        format!("{marker}{name} \u{2014} Quire")
    });
    Effect::new(move |_| tab_title.with(|title| browser::set_document_title(title)));

    view! {
        <header class="app-header">
            <PanelsToggle />
            <h1 class="app-name">"Quire"</h1>
            <p class="header-title" aria-hidden="true">{move || {
                let title = state.title();
                if title.trim().is_empty() { "Untitled".to_string() } else { title }
            }}</p>
            <StatusBar />
            <FocusControls />
            <HeaderMenu>
                <LayoutControls />
                <MoreExports />
                <SiteActions />
                <ExportButton />
            </HeaderMenu>
        </header>
        <Notice on_free_space=Callback::new(move |()| {
            persistence.free_space(state, crate::revisions::Free::All);
            images.collect_garbage();
        }) />
        <OpeningProgress />
        <UpdateBar />
        <ConflictBar />
        <SiteBar />
        <main
            class=move || format!("workspace layout-{}", ui.layout.get().name())
            style=move || {
                let split = ui.split.get();
                format!("--editor-fr: {split:.3}fr; --preview-fr: {:.3}fr", 1.0 - split)
            }
        >
            <div class="drawer-backdrop" aria-hidden="true" class:open=move || ui.panels_open.get()
                on:click=move |_| crate::components::close_drawer(ui)></div>
            <aside id="side-panel" class="side-panel" class:open=move || ui.panels_open.get()
                aria-label="Drafts and post details"
                on:keydown=move |ev| if ev.key() == "Escape" {
                    crate::components::close_drawer(ui);
                }>
                <DrawerHeader />
                <SitePanel />
                <DraftList />
                <Outline />
                <FrontMatterForm />
                <ExcerptPanel />
                <ImagesPanel />
                <Checklist />
                <RevisionsPanel />
            </aside>
            <PaneTabs />
            <Editor
                on_save=Callback::new(move |()| {
                    if !site.save() {
                        exporter.save_again();
                    }
                })
                on_file=Callback::new(move |file| importer.open_file(file))
            />
            <Divider />
            <Preview />
        </main>
    }
}
