//! Browser tests: the app mounted in a real headless Chromium by wasm-bindgen-test.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Event, HtmlElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

/// The app mounted in a fresh element of the test page; unmounted when dropped.
struct Mounted {
    root: HtmlElement,
    _handle: Box<dyn core::any::Any>,
}

fn mount() -> Mounted {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let root: HtmlElement = document
        .create_element("div")
        .expect("a div")
        .unchecked_into();
    document
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("appended");
    let handle = leptos::mount::mount_to(root.clone(), quire::app::App);
    Mounted {
        root,
        _handle: Box::new(handle),
    }
}

impl Mounted {
    fn by_testid(&self, id: &str) -> HtmlElement {
        self.root
            .query_selector(&format!("[data-testid={id}]"))
            .ok()
            .flatten()
            .unwrap_or_else(|| panic!("no element with data-testid={id}"))
            .unchecked_into()
    }

    fn editor(&self) -> HtmlTextAreaElement {
        self.by_testid("editor").unchecked_into()
    }

    /// Replace the editor's text as typing would: set the value, fire `input`.
    async fn type_text(&self, text: &str) {
        let editor = self.editor();
        editor.set_value(text);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        let event = Event::new_with_event_init_dict("input", &init).expect("an event");
        editor.dispatch_event(&event).expect("dispatched");
        leptos::task::tick().await;
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

#[wasm_bindgen_test]
async fn first_visit_opens_the_template() {
    let app = mount();
    leptos::task::tick().await;
    let source = app.editor().value();
    assert!(source.starts_with("---\nlayout: post\ntitle: "), "{source}");
    assert!(source.contains("\ndate: "), "{source}");
    assert!(source.contains("<!-- excerpt start -->"), "{source}");
    let preview = app.by_testid("preview").inner_html();
    assert!(preview.contains("sum up the post"), "{preview}");
    assert!(!preview.contains("layout: post"), "{preview}");
}

#[wasm_bindgen_test]
async fn typing_updates_preview_and_word_count() {
    let app = mount();
    app.type_text("---\ntitle: Hidden\n---\n## Fresh heading\n\nthree more words\n")
        .await;
    let preview = app.by_testid("preview").inner_html();
    assert!(preview.contains("<h2>Fresh heading</h2>"), "{preview}");
    assert!(!preview.contains("Hidden"), "{preview}");
    let count = app
        .by_testid("word-count")
        .text_content()
        .unwrap_or_default();
    assert!(count.starts_with("5 words"), "{count}");
}
