//! The excerpt as an index page lists the post: title, date and the excerpt's HTML, shown
//! in a sandboxed frame like the preview's, so nothing in a post reaches the app.

use leptos::prelude::*;

use crate::browser::preview_card::{self, Card};
use crate::browser::preview_frame;
use crate::state::use_editor_state;

/// The excerpt card (`data-testid=excerpt-preview`).
#[component]
pub fn ExcerptCard() -> impl IntoView {
    let state = use_editor_state();
    let ui = crate::ui::use_ui();
    let images = crate::images::use_images();
    let frame = NodeRef::<leptos::html::Iframe>::new();
    let card = RwSignal::new_local(None::<Card>);
    let field_text = move |key: &str| {
        state.last_good_fields.with(|fields| {
            fields
                .iter()
                .rev()
                .find(|f| f.key == key)
                .map(|f| f.value.to_plain_string())
                .unwrap_or_default()
        })
    };
    let site = crate::site_settings::use_site_settings();
    Effect::new(move |_| {
        let Some(card) = card.get() else {
            return;
        };
        card.set_theme(crate::ui::theme_attribute(ui.theme.get()));
        // In the preview's flavour: as Jekyll (kramdown) writes the excerpt on an index
        // page, with the link definitions of the rest of the post it names; in CommonMark,
        // Liquid site links first, then the Markdown.
        let mut settings = ui.preview.get();
        settings.site = site.vars.get();
        let html = state
            .excerpt
            .with(|e| quire_core::render::excerpt_html(e, &settings));
        images.track_urls();
        let urls = move |src: &str| images.shown(src);
        if let Err(err) = card.show(&field_text("title"), &field_text("date"), &html, &urls) {
            state.notice.set(crate::notices::problem(format!(
                "The excerpt card could not be shown: {err}"
            )));
        }
    });
    let on_load = move |_| {
        let Some(element) = frame.get_untracked() else {
            return;
        };
        match Card::of(&element) {
            Ok(loaded) => card.set(Some(loaded)),
            Err(err) => state.notice.set(crate::notices::problem(format!(
                "The excerpt card could not be shown: {err}"
            ))),
        }
    };
    view! {
        <iframe
            node_ref=frame
            class="excerpt-card-frame"
            data-testid="excerpt-preview"
            title="The excerpt as an index page lists it"
            sandbox=preview_frame::SANDBOX
            srcdoc=preview_card::card_shell()
            on:load=on_load
        ></iframe>
    }
}
