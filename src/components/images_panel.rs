//! The post's images: where new ones go (the path pattern), and each image the post shows
//! with its size, its dimensions and what to look at (no alt text, over 1 MB), with the
//! offer to shrink it.

use leptos::prelude::*;
use quire_core::images::{Kind, PATTERN_CHOICES};

use crate::images::{use_images, PostImage, LARGE_BYTES, SHRINK_WIDTH};
use crate::ui::use_ui;

/// The images panel (`data-testid=images`).
#[component]
pub fn ImagesPanel() -> impl IntoView {
    let images = use_images();
    let listed = move || images.listed().into_iter().enumerate().collect::<Vec<_>>();
    view! {
        <section class="panel images-panel" aria-labelledby="images-heading" data-testid="images">
            <h2 id="images-heading" class="panel-title">"Images"</h2>
            <PathPatternField />
            {move || images.working.get().map(|what| view! {
                <p class="hint" data-testid="images-working" role="status">{what}</p>
            })}
            <Show when=move || images.listed().is_empty()>
                <p class="hint">"None yet: paste, drop or pick an image (Image… above the editor). It is kept in this browser and exported with the post."</p>
            </Show>
            <ul class="image-list">
                <For each=listed key=|(i, image)| (*i, image.clone()) let:((_, image))>
                    <ImageRow image=image />
                </For>
            </ul>
        </section>
    }
}

/// The path pattern, with its choices; one that does not read is shown as such and not
/// kept.
#[component]
fn PathPatternField() -> impl IntoView {
    let ui = use_ui();
    let problem = RwSignal::new(None::<String>);
    view! {
        <label class="field">
            <span class="field-label">"New images go to"</span>
            <input type="text" data-testid="image-path-pattern" list="image-path-choices"
                spellcheck="false"
                prop:value=move || {
                    let text = ui.image_pattern_text();
                    if text.is_empty() { PATTERN_CHOICES[0].to_string() } else { text }
                }
                on:change:target=move |ev| {
                    problem.set(ui.set_image_pattern(&ev.target().value()).err());
                } />
            <datalist id="image-path-choices">
                {PATTERN_CHOICES.map(|choice| view! { <option value=choice></option> }).collect_view()}
            </datalist>
        </label>
        {move || problem.get().map(|why| view! {
            <p class="field-error" role="alert" data-testid="image-path-pattern-error">
                {format!("Not kept: {why}.")}
            </p>
        })}
    }
}

/// One image: its name, size, dimensions and flags; shrinking for a large raster image.
#[component]
fn ImageRow(image: PostImage) -> impl IntoView {
    let images = use_images();
    let name = image
        .used
        .site_path
        .clone()
        .unwrap_or_else(|| image.used.link.clone());
    let no_alt = image.used.alt.trim().is_empty();
    let details = match &image.stored {
        Some(stored) if stored.width > 0 => format!(
            "{} · {}×{} px",
            super::revisions_panel::size(stored.bytes as f64, 0),
            stored.width,
            stored.height
        ),
        Some(stored) => super::revisions_panel::size(stored.bytes as f64, 0),
        None => "not kept in Quire: shown from the site".to_string(),
    };
    let large = image.stored.as_ref().is_some_and(|s| s.bytes > LARGE_BYTES);
    let shrinkable = image.stored.as_ref().is_some_and(|s| {
        (s.bytes > LARGE_BYTES || s.width > SHRINK_WIDTH)
            && image
                .used
                .site_path
                .as_deref()
                .and_then(Kind::of_path)
                .is_some_and(|k| !matches!(k, Kind::Gif | Kind::Svg))
    });
    let path = image.used.site_path.clone().unwrap_or_default();
    let shrink_path = StoredValue::new(path.clone());
    let width = RwSignal::new(SHRINK_WIDTH);
    view! {
        <li class="image-item" data-testid="image-item" data-path=path>
            <span class="image-name">{name}</span>
            <span class="draft-meta" data-testid="image-details">{details}</span>
            {no_alt.then(|| view! { <span class="flag" data-testid="image-no-alt">"No alt text"</span> })}
            {large.then(|| view! { <span class="flag" data-testid="image-large">"Over 1 MB"</span> })}
            {image.missing.then(|| view! { <span class="flag" data-testid="image-missing">"Not in this browser"</span> })}
            {shrinkable.then(|| view! {
                <span class="image-shrink">
                    <label>
                        "Max width "
                        <input type="number" min="16" step="1" class="shrink-width" data-testid="image-max-width"
                            prop:value=move || width.get().to_string()
                            on:change:target=move |ev| {
                                if let Ok(w) = ev.target().value().parse::<u32>() {
                                    width.set(w.max(16));
                                }
                            } />
                    </label>
                    <button type="button" data-testid="image-shrink"
                        on:click=move |_| images.shrink(shrink_path.get_value(), width.get_untracked())>
                        "Shrink (as a new image)"
                    </button>
                </span>
            })}
        </li>
    }
}
