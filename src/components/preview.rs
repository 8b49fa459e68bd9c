//! The live preview of the post's body, in a sandboxed frame.

use leptos::prelude::*;

use crate::browser::preview_frame;
use crate::components::PreviewSettings;
use crate::state::use_editor_state;

/// The rendered body. The frame's document is loaded once and patched in place.
#[component]
pub fn Preview() -> impl IntoView {
    let state = use_editor_state();
    let controller = crate::preview::use_preview().get_value();
    let frame = NodeRef::<leptos::html::Iframe>::new();
    let ui = crate::ui::use_ui();
    let on_settings = controller.clone();
    let site = crate::site_settings::use_site_settings();
    Effect::new(move |_| {
        let mut settings = ui.preview.get();
        settings.site = site.vars.get();
        on_settings.set_settings(settings);
    });

    let on_source = controller.clone();
    Effect::new(move |_| {
        state.source.track();
        on_source.render();
    });
    let on_scroll = controller.clone();
    Effect::new(move |_| {
        state.editor_scrolled.track();
        on_scroll.sync_from_editor();
    });
    let on_theme = controller.clone();
    Effect::new(move |_| on_theme.set_theme(crate::ui::theme_attribute(ui.theme.get())));
    let images = crate::images::use_images();
    let on_images = controller.clone();
    Effect::new(move |_| {
        images.track_urls();
        on_images.show_stored_images();
    });
    let on_caret = controller.clone();
    Effect::new(move |_| {
        state.caret_moved.track();
        on_caret.show_caret();
    });
    let on_load = move |_| {
        let Some(element) = frame.get_untracked() else {
            return;
        };
        match preview_frame::Frame::of(&element) {
            Ok(loaded) => {
                controller.attach(loaded, std::rc::Rc::new(move |src: &str| images.shown(src)))
            }
            Err(err) => state.notice.set(crate::notices::problem(format!(
                "The preview could not be shown: {err}"
            ))),
        }
    };

    view! {
        <section class="pane preview-pane" aria-label="Preview">
            <PreviewSettings />
            <iframe
                node_ref=frame
                class="preview-frame"
                data-testid="preview"
                title="Preview of the post"
                sandbox=preview_frame::SANDBOX
                srcdoc=preview_frame::shell()
                on:load=on_load
            ></iframe>
        </section>
    }
}
