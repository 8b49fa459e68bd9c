//! Adding a front-matter key: common Jekyll keys from a menu, or any key by name.

use leptos::prelude::*;
use quire_core::front_matter::{self, form};

use crate::browser;
use crate::state::use_editor_state;

/// The add-key menu below the form.
#[component]
pub fn AddKey() -> impl IntoView {
    let state = use_editor_state();
    let missing = Memo::new(move |_| {
        state.last_good_fields.with(|fields| {
            form::COMMON_KEYS
                .iter()
                .filter(|k| !fields.iter().any(|f| f.key == **k))
                .map(|k| k.to_string())
                .collect::<Vec<_>>()
        })
    });
    let (custom, set_custom) = signal(String::new());
    let add = move |key: String| {
        let key = key.trim().to_string();
        if key.is_empty() {
            return;
        }
        let value = form::default_value(&key, &browser::clock::now_local());
        state.edit(move |src| front_matter::set(src, &key, &value));
    };
    let broken = move || state.fields.with(Result::is_err);
    view! {
        <div class="fm-add">
            <select data-testid="fm-add-key" aria-label="Add a common key" prop:disabled=broken
                on:change:target=move |ev| {
                    let key = ev.target().value();
                    ev.target().set_value("");
                    add(key);
                }>
                <option value="">"Add a key…"</option>
                <For each=move || missing.get() key=|k| k.clone() let:key>
                    <option value=key.clone()>{key.clone()}</option>
                </For>
            </select>
            <input type="text" class="fm-input" data-testid="fm-add-custom" placeholder="custom_key"
                aria-label="Name of a custom key" prop:value=custom prop:disabled=broken
                on:input:target=move |ev| set_custom.set(ev.target().value())
                on:keydown=move |ev| {
                    if ev.key() == "Enter" {
                        add(custom.get_untracked());
                        set_custom.set(String::new());
                    }
                } />
            <button type="button" data-testid="fm-add" prop:disabled=broken
                on:click=move |_| {
                    add(custom.get_untracked());
                    set_custom.set(String::new());
                }>"Add"</button>
        </div>
    }
}
