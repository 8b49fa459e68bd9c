//! The find and replace bar above the editor (Ctrl+F, Ctrl+H in the editor).

use leptos::prelude::*;

use crate::find::{use_find, Find, Tally};

/// A checkbox option of the search.
fn option(
    signal: RwSignal<bool>,
    id: &'static str,
    text: &'static str,
    title: &'static str,
) -> impl IntoView {
    view! {
        <label class="find-option" title=title>
            <input type="checkbox" data-testid=id
                prop:checked=move || signal.get()
                on:change:target=move |ev| signal.set(ev.target().checked()) />
            {text}
        </label>
    }
}

/// Keys in the bar: Enter finds the next match (Shift+Enter the previous), Escape closes.
fn on_key(find: Find, ev: &leptos::ev::KeyboardEvent, field: NodeRef<leptos::html::Input>) {
    match ev.key().as_str() {
        "Escape" => {
            ev.prevent_default();
            find.close();
        }
        "Enter" if !ev.is_composing() => {
            ev.prevent_default();
            find.go(!ev.shift_key());
            // Typing Enter again goes on to the next one: the focus stays here.
            if let Some(field) = field.get_untracked() {
                let _ = crate::browser::editor::focus_quietly(&field);
            }
        }
        _ => {}
    }
}

/// The bar, shown while [`Find::open`].
#[component]
pub fn FindBar() -> impl IntoView {
    let find = use_find();
    let field = NodeRef::<leptos::html::Input>::new();
    let replace_field = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        find.focus_field.track();
        if let Some(input) = field.get() {
            let _ = input.focus();
            input.select();
        }
    });
    let bad = move || matches!(find.tally.get(), Tally::Bad(_));
    view! {
        <Show when=move || find.open.get()>
            <div class="find-bar" role="search" aria-label="Find and replace" data-testid="find-bar"
                on:keydown=move |ev| if ev.key() == "Escape" { ev.prevent_default(); find.close(); }>
                <div class="find-row">
                    <input type="search" node_ref=field class="find-input" data-testid="find-input"
                        aria-label="Find" placeholder="Find"
                        aria-invalid=move || bad().to_string()
                        aria-describedby="find-count"
                        title=move || find.tally.with(Tally::problem)
                        prop:value=move || find.pattern.get()
                        on:input:target=move |ev| find.pattern.set(ev.target().value())
                        on:keydown=move |ev| on_key(find, &ev, field) />
                    <output id="find-count" class="find-count" data-testid="find-count"
                        class:find-error=bad aria-live="polite">
                        {move || find.tally.get().label()}
                    </output>
                    <button type="button" class="tool" data-testid="find-previous"
                        title="Previous match (Shift+Enter)" on:click=move |_| find.go(false)>"Previous"</button>
                    <button type="button" class="tool" data-testid="find-next"
                        title="Next match (Enter)" on:click=move |_| find.go(true)>"Next"</button>
                    <button type="button" class="tool" data-testid="find-close"
                        aria-label="Close find and replace (Escape)" on:click=move |_| find.close()>"Close"</button>
                </div>
                <div class="find-row">
                    <input type="text" node_ref=replace_field class="find-input" data-testid="replace-input"
                        aria-label="Replace with" placeholder="Replace with"
                        prop:value=move || find.replacement.get()
                        on:input:target=move |ev| find.replacement.set(ev.target().value())
                        on:keydown=move |ev| {
                            if ev.key() == "Enter" {
                                ev.prevent_default();
                                find.replace_one();
                            }
                        } />
                    <button type="button" class="tool" data-testid="replace-one"
                        title="Replace this match and go to the next (Enter in the replace field)"
                        on:click=move |_| find.replace_one()>"Replace"</button>
                    <button type="button" class="tool" data-testid="replace-all"
                        title="Replace every match (one undo)"
                        on:click=move |_| find.replace_all()>"Replace all"</button>
                </div>
                {move || find.tally.with(Tally::problem).map(|problem| view! {
                    <p class="find-problem" data-testid="find-problem" role="alert">{problem}</p>
                })}
                <div class="find-row find-options">
                    {option(find.case_sensitive, "find-case", "Match case", "Letters must have the same case")}
                    {option(find.whole_word, "find-word", "Whole words", "Only matches that are whole words")}
                    {option(find.regex, "find-regex", "Regular expression", "The text is a regular expression ($1 in the replacement is its first group)")}
                    {option(find.body_only, "find-body", "Body only", "Leave the front matter out")}
                </div>
            </div>
        </Show>
    }
}
