//! One front-matter field: its label, the input that fits its value, and a remove button.

use std::mem::discriminant;

use leptos::prelude::*;
use quire_core::front_matter::{self, form, form::Widget, Value};

use super::{ChipList, RawField};
use crate::state::use_editor_state;

/// The row for `key`. The input is rebuilt only when the kind of widget changes, never
/// while the writer types in it.
#[component]
pub fn FieldRow(key: String) -> impl IntoView {
    let state = use_editor_state();
    let field_key = key.clone();
    let field = Memo::new(move |_| {
        state
            .last_good_fields
            .with(|fields| fields.iter().rev().find(|f| f.key == field_key).cloned())
    });
    let widget = Memo::new(move |_| field.with(|f| f.as_ref().map(form::widget)));
    let kind = Memo::new(move |_| widget.with(|w| w.as_ref().map(discriminant)));
    let broken = move || state.fields.with(Result::is_err);
    let input_id = format!("fm-input-{key}");
    let testid = format!("fm-{key}");

    let set = {
        let key = key.clone();
        move |value: Value| {
            let key = key.clone();
            state.edit(move |src| front_matter::set(src, &key, &value));
        }
    };
    let remove = {
        let key = key.clone();
        move |_| {
            let key = key.clone();
            state.edit(move |src| front_matter::remove(src, &key));
        }
    };

    let input = {
        let (key, input_id, testid) = (key.clone(), input_id.clone(), testid.clone());
        move || {
            let set = set.clone();
            let (key, input_id, testid) = (key.clone(), input_id.clone(), testid.clone());
            let current = move || widget.get();
            match kind.get().and(widget.get_untracked()) {
                Some(Widget::Bool(_)) => view! {
                    <input id=input_id data-testid=testid type="checkbox" class="fm-check"
                        prop:checked=move || matches!(current(), Some(Widget::Bool(true)))
                        prop:disabled=broken
                        on:change:target=move |ev| set(Value::Bool(ev.target().checked())) />
                }
                .into_any(),
                Some(Widget::Date(_)) => view! {
                    <input id=input_id data-testid=testid class="fm-input"
                        type=move || match current() { Some(Widget::Date(d)) if !d.has_time => "date", _ => "datetime-local" }
                        step="1"
                        prop:value=move || match current() { Some(Widget::Date(d)) => d.value, _ => String::new() }
                        prop:disabled=broken
                        on:change:target=move |ev| {
                            if let Some(Widget::Date(date)) = widget.get_untracked() {
                                if let Some(text) = date.write(&ev.target().value()) {
                                    set(Value::DateTime(text));
                                }
                            }
                        } />
                }
                .into_any(),
                Some(Widget::Number(_)) => view! {
                    <input id=input_id data-testid=testid type="number" step="any" class="fm-input"
                        prop:value=move || match current() { Some(Widget::Number(n)) => n, _ => String::new() }
                        prop:disabled=broken
                        on:change:target=move |ev| {
                            let text = ev.target().value();
                            let value = text.parse().map(Value::Int)
                                .or_else(|_| text.parse().map(Value::Float))
                                .unwrap_or(Value::String(text));
                            set(value);
                        } />
                }
                .into_any(),
                Some(Widget::Chips(_)) => view! { <ChipList key=key field=field testid=testid /> }.into_any(),
                Some(Widget::Raw) => view! { <RawField key=key field=field testid=testid /> }.into_any(),
                _ => view! {
                    <input id=input_id data-testid=testid type="text" class="fm-input"
                        prop:value=move || match current() { Some(Widget::Text(t)) => t, _ => String::new() }
                        prop:disabled=broken
                        on:input:target=move |ev| set(Value::String(ev.target().value())) />
                }
                .into_any(),
            }
        }
    };

    view! {
        <div class="fm-row">
            <label class="fm-label" for=input_id>{key.clone()}</label>
            <div class="fm-control">{input}</div>
            <button type="button" class="icon-button" data-testid=format!("fm-remove-{key}")
                title=format!("Remove {key}") aria-label=format!("Remove the key {key}")
                prop:disabled=broken on:click=remove>"×"</button>
        </div>
    }
}
