//! The excerpt: which convention marks it, its text to edit, how an index page shows it,
//! and the actions that mark, unmark or re-mark it.

use leptos::prelude::*;
use quire_core::excerpt::{self, Convention, Warning};

use crate::state::use_editor_state;

fn describe(convention: &Convention) -> String {
    match convention {
        Convention::FrontMatterKey => "Set by the excerpt: key in the front matter.".into(),
        Convention::StartEnd => "Between <!-- excerpt start --> and <!-- excerpt end -->.".into(),
        Convention::Separator(s) => format!("Everything before the excerpt_separator {s}."),
        Convention::WholePost(s) => format!(
            "The whole post: it has no {s}, the excerpt_separator, so the site shows all of it."
        ),
        Convention::More => "Everything before <!--more-->.".into(),
        Convention::FirstParagraph => "The first paragraph (no marker).".into(),
    }
}

fn warning_text(warning: &Warning) -> String {
    match warning {
        Warning::EndWithoutStart => "An excerpt end marker has no start marker before it.".into(),
        Warning::StartWithoutEnd => "An excerpt start marker has no end marker after it.".into(),
        Warning::SeveralStarts => {
            "There are several excerpt start markers; the first pair counts.".into()
        }
        Warning::MarkerInCode(m) => format!("{m} inside code is text, not a marker."),
    }
}

/// The excerpt panel with its preview card.
#[component]
pub fn ExcerptPanel() -> impl IntoView {
    let state = use_editor_state();
    let markdown = move || state.excerpt.with(|e| e.markdown.clone());
    let switch_to = move |to: Convention| {
        let rules = state.excerpt_rules.get_untracked();
        state.edit(move |src| excerpt::switch_in(src, &rules, &to));
    };
    // The marker a switch writes: the separator the site sets, else <!--more-->.
    let marker = move || {
        state
            .excerpt_rules
            .with(|r| r.set_separator().unwrap_or(excerpt::MORE).to_string())
    };
    view! {
        <section class="panel excerpt-panel" aria-labelledby="excerpt-heading">
            <h2 id="excerpt-heading" class="panel-title">"Excerpt"</h2>
            <p class="excerpt-convention" data-testid="excerpt-convention">
                {move || state.excerpt.with(|e| describe(&e.convention))}
            </p>
            <ul class="excerpt-warnings" aria-live="polite">
                {move || state.excerpt.with(|e| e.warnings.iter().map(|w| view! { <li>{warning_text(w)}</li> }).collect::<Vec<_>>())}
            </ul>
            <textarea class="excerpt-editor" data-testid="excerpt-editor" rows="4"
                aria-label="Excerpt text" prop:value=markdown
                on:input:target=move |ev| {
                    let text = ev.target().value();
                    let rules = state.excerpt_rules.get_untracked();
                    state.edit(move |src| excerpt::replace_in(src, &rules, &text));
                }></textarea>
            <div class="excerpt-actions">
                <button type="button" data-testid="excerpt-mark" on:click=move |_| {
                    if let Some(range) = state.selection().filter(|r| !r.is_empty()) {
                        state.edit(move |src| excerpt::wrap(src, range));
                    } else {
                        state.notice.set(crate::notices::problem("Select the excerpt's text in the editor first."));
                    }
                }>"Mark selection"</button>
                <button type="button" data-testid="excerpt-unmark"
                    prop:disabled=move || state.excerpt.with(|e| e.convention != Convention::StartEnd)
                    on:click=move |_| state.edit(excerpt::remove_markers)>
                    "Remove markers"
                </button>
                <select data-testid="excerpt-switch" aria-label="Mark the excerpt with"
                    on:change:target=move |ev| {
                        let choice = ev.target().value();
                        ev.target().set_value("");
                        match choice.as_str() {
                            "start-end" => switch_to(Convention::StartEnd),
                            "more" => switch_to(Convention::More),
                            "key" => switch_to(Convention::FrontMatterKey),
                            _ => {}
                        }
                    }>
                    <option value="">"Switch to…"</option>
                    <option value="start-end">"start/end markers"</option>
                    <option value="more">{marker}</option>
                    <option value="key">"excerpt: key"</option>
                </select>
            </div>
            <super::ExcerptCard />
        </section>
    }
}
