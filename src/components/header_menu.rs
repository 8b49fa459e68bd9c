//! The header's actions. On a wide screen they sit in the header; on a phone they are a
//! menu behind one button (`menu`) so the header stays one row, and the menu closes once
//! an action in it is taken, on Escape, or on a tap outside it.

use leptos::prelude::*;

/// The menu button and the actions it holds (`children`).
#[component]
pub fn HeaderMenu(children: Children) -> impl IntoView {
    let open = RwSignal::new(false);
    let button = NodeRef::<leptos::html::Button>::new();
    let close = move |refocus: bool| {
        open.set(false);
        if refocus {
            if let Some(button) = button.get_untracked() {
                let _ = button.focus();
            }
        }
    };
    view! {
        <div class="header-menu" class:open=move || open.get()>
            <button type="button" node_ref=button class="tool menu-button" data-testid="menu"
                aria-haspopup="true" aria-expanded=move || open.get().to_string()
                aria-controls="header-actions"
                on:click=move |_| open.update(|o| *o = !*o)>
                "Menu"
            </button>
            <div class="menu-backdrop" aria-hidden="true" on:click=move |_| close(false)></div>
            <div id="header-actions" class="header-actions" role="group" aria-label="Post actions"
                on:keydown=move |ev| if ev.key() == "Escape" && open.get_untracked() {
                    ev.prevent_default();
                    close(true);
                }
                on:click=move |ev| {
                    // An action was taken: the menu has done its job.
                    if crate::browser::pointer::on_button(&ev) {
                        close(false);
                    }
                }>
                {children()}
            </div>
        </div>
    }
}
