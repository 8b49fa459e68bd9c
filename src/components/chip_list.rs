//! A list value as chips: add, remove and reorder items (drag a chip onto another, or
//! move it earlier with its button); the list keeps its style.

use leptos::prelude::*;
use quire_core::front_matter::{self, Field, Value};

use crate::state::use_editor_state;

fn items(field: &Option<Field>) -> Vec<Value> {
    match field.as_ref().map(|f| &f.value) {
        Some(Value::List(items)) => items.clone(),
        _ => Vec::new(),
    }
}

/// Chips for the list `key`; `testid` names the group (`fm-tags`).
#[component]
pub fn ChipList(key: String, field: Memo<Option<Field>>, testid: String) -> impl IntoView {
    let state = use_editor_state();
    let broken = move || state.fields.with(Result::is_err);
    let set = move |items: Vec<Value>| {
        let key = key.clone();
        state.edit(move |src| front_matter::set(src, &key, &Value::List(items)));
    };
    let chips = move || {
        field
            .with(items)
            .into_iter()
            .enumerate()
            .collect::<Vec<_>>()
    };
    let (draft, set_draft) = signal(String::new());
    let add = {
        let set = set.clone();
        move || {
            let text = draft.get_untracked().trim().to_string();
            if text.is_empty() {
                return;
            }
            let mut list = field.with_untracked(items);
            list.push(Value::String(text));
            set(list);
            set_draft.set(String::new());
        }
    };
    let add_on_enter = add.clone();
    // The chip being dragged to a new place.
    let dragging = RwSignal::new(None::<usize>);
    let drop_on = {
        let set = set.clone();
        move |ev: leptos::ev::PointerEvent| {
            let Some(from) = dragging.try_update(Option::take).flatten() else {
                return;
            };
            let Some(to) = crate::browser::pointer::index_under(&ev, ".chip") else {
                return;
            };
            let mut list = field.with_untracked(items);
            if from != to && from < list.len() && to < list.len() {
                let item = list.remove(from);
                list.insert(to, item);
                set(list);
            }
        }
    };
    let (chip_testid, add_testid) = (format!("{testid}-chip"), format!("{testid}-add"));
    view! {
        <div class="chips" role="group" data-testid=testid aria-label="List items"
            on:pointerup=drop_on on:pointerleave=move |_| dragging.set(None)>
            <For each=chips key=|(i, v)| (*i, v.to_plain_string()) let:item>
                {
                    let (index, value) = item;
                    let text = value.to_plain_string();
                    let (remove, left) = (set.clone(), set.clone());
                    view! {
                        <span class="chip" data-testid=chip_testid.clone() data-index=index
                            class:dragging=move || dragging.get() == Some(index)
                            title="Drag onto another item to move it there"
                            on:pointerdown=move |ev| {
                                if ev.button() == 0 && !broken() {
                                    dragging.set(Some(index));
                                }
                            }>
                            <button type="button" class="chip-move" aria-label=format!("Move {text} earlier")
                                prop:disabled=move || broken() || index == 0
                                on:click=move |_| {
                                    let mut list = field.with_untracked(items);
                                    if index > 0 && index < list.len() {
                                        list.swap(index - 1, index);
                                        left(list);
                                    }
                                }>"‹"</button>
                            <span class="chip-text">{text.clone()}</span>
                            <button type="button" class="chip-remove" aria-label=format!("Remove {text}")
                                prop:disabled=broken
                                on:click=move |_| {
                                    let mut list = field.with_untracked(items);
                                    if index < list.len() {
                                        list.remove(index);
                                        remove(list);
                                    }
                                }>"×"</button>
                        </span>
                    }
                }
            </For>
            <input type="text" class="chip-input" data-testid=add_testid
                placeholder="Add…" aria-label="Add an item"
                prop:value=draft prop:disabled=broken
                on:input:target=move |ev| set_draft.set(ev.target().value())
                on:keydown=move |ev| {
                    if ev.key() == "Enter" || ev.key() == "," {
                        ev.prevent_default();
                        add_on_enter();
                    }
                } />
            <button type="button" class="chip-add" aria-label="Add the item" prop:disabled=broken
                on:click=move |_| add()>"+"</button>
        </div>
    }
}
