//! The front-matter form: one input per top-level key, an add-key menu, and the parse
//! error while the block is broken.

use leptos::prelude::*;

use super::{AddKey, FieldRow, InheritedFields, PostUrl};
use crate::state::use_editor_state;

/// The form panel. While the front matter does not parse, it shows the error with its line
/// and keeps the last good values, read-only; the raw text stays editable in the editor.
#[component]
pub fn FrontMatterForm() -> impl IntoView {
    let state = use_editor_state();
    let keys = Memo::new(move |_| {
        state.last_good_fields.with(|fields| {
            let mut keys: Vec<String> = Vec::new();
            for field in fields {
                if !keys.contains(&field.key) {
                    keys.push(field.key.clone());
                }
            }
            keys
        })
    });
    let error = move || {
        state
            .fields
            .with(|f| f.as_ref().err().map(ToString::to_string))
    };
    view! {
        <section class="panel fm-panel" aria-labelledby="fm-heading">
            <h2 id="fm-heading" class="panel-title">"Front matter"</h2>
            <PostUrl />
            {move || {
                error()
                    .map(|message| {
                        view! {
                            <p class="fm-error" data-testid="fm-error" role="alert">
                                "The front matter does not parse, at " {message}
                                ". The form is read-only until it is fixed in the editor."
                            </p>
                        }
                    })
            }}
            <div class="fm-fields">
                <For each=move || keys.get() key=|key| key.clone() let:key>
                    <FieldRow key=key />
                </For>
            </div>
            <InheritedFields />
            <AddKey />
        </section>
    }
}
