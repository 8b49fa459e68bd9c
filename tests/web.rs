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
    // Each test starts as a first visit: nothing stored by an earlier test.
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.clear();
    }
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
        // A writer's first key comes after the mount's own updates have run (the editor
        // is given the opened draft's text in one of them).
        leptos::task::tick().await;
        let editor = self.editor();
        editor.set_value(text);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        let event = Event::new_with_event_init_dict("input", &init).expect("an event");
        editor.dispatch_event(&event).expect("dispatched");
        leptos::task::tick().await;
    }
}

/// Resolves at the next animation frame.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("a window")
            .request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Wait (frame by frame, up to ten seconds) until `check` gives a value.
async fn until<T>(what: &str, mut check: impl FnMut() -> Option<T>) -> T {
    for _ in 0..600 {
        if let Some(value) = check() {
            return value;
        }
        next_frame().await;
    }
    panic!("timed out waiting for {what}");
}

impl Mounted {
    /// The preview's HTML once it holds `needle` (the frame loads its shell first).
    async fn preview_with(&self, needle: &str) -> String {
        let frame: web_sys::HtmlIFrameElement = self.by_testid("preview").unchecked_into();
        until(&format!("{needle:?} in the preview"), || {
            let article = frame
                .content_document()?
                .query_selector("article[data-testid=preview]")
                .ok()??;
            let html = article.inner_html();
            html.contains(needle).then_some(html)
        })
        .await
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
    let preview = app.preview_with("sum up the post").await;
    assert!(!preview.contains("layout: post"), "{preview}");
}

#[wasm_bindgen_test]
async fn typing_updates_preview_and_word_count() {
    let app = mount();
    app.type_text("---\ntitle: Hidden\n---\n## Fresh heading\n\nthree more words\n")
        .await;
    let preview = app
        .preview_with("<h2 id=\"fresh-heading\">Fresh heading</h2>")
        .await;
    assert!(!preview.contains("Hidden"), "{preview}");
    let count = until("the word count of the new text", || {
        let count = app.by_testid("word-count").text_content()?;
        count.starts_with("5 words").then_some(count)
    })
    .await;
    assert!(count.contains("1 min"), "{count}");
}

/// A real file handle of the browser (in the origin-private file system).
async fn private_file(name: &str) -> web_sys::FileSystemFileHandle {
    use wasm_bindgen_futures::JsFuture;
    let storage = web_sys::window().expect("a window").navigator().storage();
    let dir: web_sys::FileSystemDirectoryHandle = JsFuture::from(storage.get_directory())
        .await
        .expect("the origin-private folder")
        .unchecked_into();
    let options = web_sys::FileSystemGetFileOptions::new();
    options.set_create(true);
    JsFuture::from(dir.get_file_handle_with_options(name, &options))
        .await
        .expect("a file in it")
        .unchecked_into()
}

async fn file_text(handle: &web_sys::FileSystemFileHandle) -> String {
    use wasm_bindgen_futures::JsFuture;
    let file: web_sys::File = JsFuture::from(handle.get_file())
        .await
        .expect("the file")
        .unchecked_into();
    JsFuture::from(file.text())
        .await
        .expect("its text")
        .as_string()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn saving_to_a_file_replaces_its_bytes_each_time() {
    let handle = private_file("saved-post.md").await;
    let file = quire::browser::save_file::SavedFile::from(handle.clone());
    let first = "---\r\ntitle: Saved\r\n---\r\nFirst, with CRLF and é.\r\n";
    quire::browser::save_file::write(&file, first.as_bytes())
        .await
        .expect("the first save");
    assert_eq!(file_text(&handle).await, first);
    // A later, shorter save leaves nothing of the first behind.
    quire::browser::save_file::write(&file, b"Shorter.")
        .await
        .expect("the second save");
    assert_eq!(file_text(&handle).await, "Shorter.");
}

/// A `<div>` of the test page holding `html`.
fn parsed(html: &str) -> web_sys::Element {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let div = document.create_element("div").expect("a div");
    div.set_inner_html(html);
    div
}

/// Bringing a block to new HTML in place gives exactly the new HTML, and keeps the
/// elements that did not change (the one named by the case's selector stays the same
/// node), whatever changed around them.
#[wasm_bindgen_test]
fn a_block_brought_to_new_html_is_that_html_and_keeps_unchanged_elements() {
    use quire::browser::dom_morph::morph_children;
    let cases: [(&str, &str, Option<&str>); 16] = [
        ("<p>one two</p>", "<p>one two three</p>", Some("p")),
        (
            "<p><img src=a.png> caption</p>",
            "<p><img src=a.png> caption, longer</p>",
            Some("img"),
        ),
        (
            "<p><img src=a.png> plain words</p>",
            "<p><img src=a.png> plain <em>words</em></p>",
            Some("img"),
        ),
        (
            "<p>one <em>two</em> three <b>four</b></p>",
            "<p>one <em>two</em> three</p>",
            Some("em"),
        ),
        (
            "<p>plain words</p>",
            "<p>plain <strong>words</strong></p>",
            Some("p"),
        ),
        ("<p>a <em>b</em> c</p>", "<p>a b c</p>", Some("p")),
        (
            "<p><a href=x>link</a> and text</p>",
            "<p><a href=y>link</a> and text</p>",
            Some("p"),
        ),
        ("<p>heading?</p>", "<h2 id=heading>heading?</h2>", None),
        (
            "<ul>\n<li>one</li>\n<li>two</li>\n</ul>",
            "<ul>\n<li>one</li>\n<li>two</li>\n<li>three</li>\n</ul>",
            None,
        ),
        (
            "<ul>\n<li>one</li>\n<li>two</li>\n</ul>",
            "<ul>\n<li>one</li>\n<li>two!</li>\n</ul>",
            Some("li"),
        ),
        (
            "<!-- a note --><p>x</p>",
            "<!-- another note --><p>x</p>",
            Some("p"),
        ),
        (
            "<template><b>old</b></template>",
            "<template><b>new</b></template>",
            None,
        ),
        (
            "<svg viewBox=\"0 0 1 1\"><circle r=\"1\"></circle></svg>",
            "<svg viewBox=\"0 0 1 1\"><circle r=\"2\"></circle></svg>",
            Some("svg"),
        ),
        ("<p class=a title=t>x</p>", "<p title=t class=a>x</p>", None),
        (
            "<table><tbody><tr><td>1</td></tr></tbody></table>",
            "<table><tbody><tr><td>1</td><td>2</td></tr></tbody></table>",
            Some("td"),
        ),
        (
            "<details open><summary>s</summary>text</details>",
            "<details><summary>s</summary>text</details>",
            None,
        ),
    ];
    for (old, new, kept) in cases {
        let block = parsed(old);
        let fresh = parsed(new);
        let expected = fresh.inner_html();
        let before = kept.and_then(|css| block.query_selector(css).ok().flatten());
        morph_children(&block, &fresh);
        assert_eq!(block.inner_html(), expected, "{old} -> {new}");
        if let (Some(css), Some(before)) = (kept, before) {
            let after = block.query_selector(css).ok().flatten();
            assert!(
                after.is_some_and(|a| a.is_same_node(Some(&before))),
                "{old} -> {new}: the {css} element was replaced"
            );
        }
    }
    // A block too long to pair takes the new nodes whole, keeping its own element.
    let block = parsed("<table><tr><td>1</td></tr></table>");
    let fresh = parsed("<table><tr><td>2</td></tr></table><p>after</p>");
    let expected = fresh.inner_html();
    quire::browser::dom_morph::replace_children(&block, &fresh);
    assert_eq!(block.inner_html(), expected);
    // Nothing changed: not one node is touched.
    let block = parsed("<p>same <em>words</em></p>");
    let em = block.query_selector("em").ok().flatten();
    morph_children(&block, &parsed("<p>same <em>words</em></p>"));
    let after = block.query_selector("em").ok().flatten();
    assert!(after.is_some_and(|a| em.is_some_and(|e| a.is_same_node(Some(&e)))));
}
