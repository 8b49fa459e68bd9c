//! A nested value, edited as the entry's own YAML or TOML text.

use leptos::prelude::*;
use quire_core::front_matter::{form, Field};

use crate::state::use_editor_state;

/// The entry's source lines in a text field; the change is applied when the field is left.
#[component]
pub fn RawField(key: String, field: Memo<Option<Field>>, testid: String) -> impl IntoView {
    let state = use_editor_state();
    let text = move || {
        field.with(|f| {
            f.as_ref().map_or_else(String::new, |f| {
                state.source.with(|src| {
                    src.get(f.lines.clone())
                        .unwrap_or_default()
                        .trim_end()
                        .to_string()
                })
            })
        })
    };
    view! {
        <textarea class="fm-raw" data-testid=testid rows="3" spellcheck="false"
            aria-label=format!("{key} as raw text")
            prop:value=text
            prop:disabled=move || state.fields.with(Result::is_err)
            on:change:target=move |ev| {
                let (key, raw) = (key.clone(), ev.target().value());
                state.edit(move |src| form::set_raw(src, &key, &raw));
            }></textarea>
    }
}
