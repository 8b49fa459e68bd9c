//! Before the app's WebAssembly has arrived, the page's own editor (`boot-editor`) takes
//! typing: a new post on a first visit, the draft open last time on a later one. When the
//! app starts it takes that editor over with its text, caret and focus; what was typed is
//! saved, and undone in one step. The WebAssembly is held back by the test's server until
//! the test lets it go, so "before" is certain, not a race.

use std::path::PathBuf;

use quire_e2e::{ctrl, testid, App};
use serde_json::{json, Value};

fn fixture() -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../fixtures/storage/v1-5a74097/local-storage.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The page editor's text, selection, whether it has the focus and is read-only.
async fn boot_editor(app: &App) -> Value {
    app.js(
        "const t = document.querySelector('[data-testid=boot-editor]');
         return t && [t.value, t.selectionStart, t.selectionEnd,
                      document.activeElement === t, t.readOnly];",
        vec![],
    )
    .await
}

/// The app's editor's text, selection and whether it has the focus.
async fn app_editor(app: &App) -> Value {
    app.js(
        "const t = document.querySelector('[data-testid=editor]');
         return t && [t.value, t.selectionStart, t.selectionEnd, document.activeElement === t];",
        vec![],
    )
    .await
}

/// How many `quire:editable` marks the page has set.
async fn editable_marks(app: &App) -> Value {
    app.js(
        "return performance.getEntriesByName('quire:editable').length",
        vec![],
    )
    .await
}

async fn started(app: &App) -> bool {
    app.js(
        "return !!document.querySelector('[data-testid=editor]')
                || performance.getEntriesByName('quire:started').length > 0",
        vec![],
    )
    .await
        == json!(true)
}

/// Let the app's WebAssembly go, and wait until the app has taken the page over.
async fn let_the_app_in(app: &App, gate: &quire_e2e::server::Gate) {
    gate.open();
    app.wait_for_testid("editor").await;
    app.wait_taken_over().await;
}

async fn type_in_boot_editor(app: &App, keys: &str) {
    app.client
        .find(fantoccini::Locator::Css(&testid("boot-editor")))
        .await
        .expect("the page's editor")
        .send_keys(keys)
        .await
        .unwrap_or_else(|e| panic!("typing {keys:?} in the page's editor: {e}"));
}

/// Whether leaving the page now would ask first (the page editor's guard).
async fn leaving_asks(app: &App) -> bool {
    app.js(
        "const e = new Event('beforeunload', { cancelable: true });
         window.dispatchEvent(e);
         return e.defaultPrevented;",
        vec![],
    )
    .await
        == json!(true)
}

async fn stored_current_draft(app: &App) -> String {
    app.js(
        "const id = JSON.parse(localStorage.getItem('quire/v1/index')).current;
         return localStorage.getItem('quire/v1/draft/' + id);",
        vec![],
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

#[tokio::test]
async fn a_first_visit_takes_typing_before_the_app_and_keeps_it() {
    let (app, gate) = App::open_held(json!({})).await;
    let shown = boot_editor(&app).await;
    let original = shown[0].as_str().unwrap_or_default().to_string();
    assert!(!started(&app).await, "the app must not have started yet");
    assert_eq!(shown[3], json!(true), "the page's editor has the focus");
    assert_eq!(shown[4], json!(false), "the page's editor takes typing");
    assert!(
        original.starts_with("---\nlayout: post\ntitle: Untitled post\ndate: "),
        "a new post: {original:?}"
    );
    let date = original.lines().nth(3).unwrap_or_default();
    let shape: String = date
        .chars()
        .map(|c| if c.is_ascii_digit() { '9' } else { c })
        .collect();
    assert!(
        [
            "date: 9999-99-99 99:99:99 +9999",
            "date: 9999-99-99 99:99:99 -9999"
        ]
        .contains(&shape.as_str()),
        "the date as Jekyll writes it: {date:?}"
    );
    let marked = editable_marks(&app).await;
    assert_eq!(marked, json!(1), "the editable time is marked");
    assert!(!leaving_asks(&app).await, "nothing typed: leaving is free");
    let problems = app.axe_serious().await;
    assert!(
        problems.is_empty(),
        "the page before the app: {problems:#?}"
    );

    // Type at the end, as a writer would who starts at once.
    app.js(
        "const t = document.querySelector('[data-testid=boot-editor]');
         t.setSelectionRange(t.value.length, t.value.length);",
        vec![],
    )
    .await;
    type_in_boot_editor(&app, "\nFirst words, typed early.").await;
    let typed = boot_editor(&app).await;
    let typed_text = typed[0].as_str().unwrap_or_default().to_string();
    assert_eq!(typed_text, format!("{original}\nFirst words, typed early."));
    assert!(
        leaving_asks(&app).await,
        "leaving now would lose the typing: it asks"
    );
    assert!(!started(&app).await, "the app is still held back");

    let_the_app_in(&app, &gate).await;
    let taken = app_editor(&app).await;
    assert_eq!(taken[0], json!(typed_text), "the app holds what was typed");
    assert_eq!(
        (&taken[1], &taken[2]),
        (&typed[1], &typed[2]),
        "the caret is where it was"
    );
    assert_eq!(taken[3], json!(true), "the app's editor has the focus");
    assert_eq!(
        boot_editor(&app).await,
        Value::Null,
        "the page's editor is gone"
    );
    assert!(!leaving_asks(&app).await, "taken over: the guard is off");

    // What was typed before the app came is one step of the undo history.
    app.keys_in_editor(&ctrl('z'), false).await;
    app.wait_for_editor_text(&original).await;
    app.keys_in_editor(&ctrl('y'), false).await;
    app.wait_for_editor_text(&typed_text).await;

    // Typing goes on where it stopped, and it is all saved.
    app.keys_in_editor(" And more.", false).await;
    let all = format!("{typed_text} And more.");
    app.wait_for_editor_text(&all).await;
    app.wait_saved().await;
    assert_eq!(stored_current_draft(&app).await, all);
    app.close().await;
}

#[tokio::test]
async fn a_returning_writer_types_into_the_draft_open_last_time() {
    let storage = fixture();
    let index: Value = serde_json::from_str(storage["quire/v1/index"].as_str().unwrap_or_default())
        .expect("the fixture's index");
    let current = index["current"].as_str().unwrap_or_default().to_string();
    let text = storage[format!("quire/v1/draft/{current}")]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let caret = index["drafts"]
        .as_array()
        .and_then(|d| d.iter().find(|d| d["id"] == json!(current)))
        .map(|d| d["caret"].clone())
        .unwrap_or_default();
    let (app, gate) = App::open_held(storage).await;
    let shown = boot_editor(&app).await;
    assert_eq!(shown[0], json!(text), "the draft open last time, exactly");
    assert_eq!((&shown[1], &shown[2]), (&caret, &caret), "its caret");
    let theme = app
        .js(
            "return document.documentElement.getAttribute('data-theme')",
            vec![],
        )
        .await;
    assert_eq!(theme, json!("dark"), "the chosen theme, before the app");

    // Select the first five characters of the body line the caret is on and type over.
    app.js(
        "const t = document.querySelector('[data-testid=boot-editor]');
         t.setSelectionRange(arguments[0], arguments[0] + 5);",
        vec![caret.clone()],
    )
    .await;
    type_in_boot_editor(&app, "Z").await;
    let typed = boot_editor(&app).await;
    let typed_text = typed[0].as_str().unwrap_or_default().to_string();
    assert_ne!(typed_text, text);

    let_the_app_in(&app, &gate).await;
    let taken = app_editor(&app).await;
    assert_eq!(taken[0], json!(typed_text));
    assert_eq!((&taken[1], &taken[2]), (&typed[1], &typed[2]));
    app.wait_saved().await;
    assert_eq!(stored_current_draft(&app).await, typed_text);
    let draft_items = app.count("draft-item").await;
    assert_eq!(draft_items, 4, "no draft was added");
    app.close().await;
}

#[tokio::test]
async fn typing_into_a_draft_another_tab_changed_is_kept_as_a_new_draft() {
    let storage = fixture();
    let (app, gate) = App::open_held(storage).await;
    app.js(
        "const t = document.querySelector('[data-testid=boot-editor]');
         t.setSelectionRange(0, 0);",
        vec![],
    )
    .await;
    type_in_boot_editor(&app, "Early words. ").await;
    let typed_text = boot_editor(&app).await[0]
        .as_str()
        .unwrap_or_default()
        .to_string();
    // Another tab opens another draft meanwhile.
    app.js(
        "const index = JSON.parse(localStorage.getItem('quire/v1/index'));
         const other = index.drafts.find(d => d.id !== index.current);
         index.current = other.id;
         localStorage.setItem('quire/v1/index', JSON.stringify(index));",
        vec![],
    )
    .await;

    let_the_app_in(&app, &gate).await;
    app.wait_for_editor_text(&typed_text).await;
    let notice = app.text_of("notice").await;
    assert!(notice.contains("kept as a new draft"), "{notice}");
    app.wait_saved().await;
    assert_eq!(stored_current_draft(&app).await, typed_text);
    app.wait_for_count("draft-item", 5).await;
    app.close().await;
}

#[tokio::test]
async fn a_damaged_index_leaves_the_page_editor_read_only_and_the_app_explains() {
    let (app, gate) = App::open_held(json!({ "quire/v1/index": "{not json" })).await;
    let shown = boot_editor(&app).await;
    assert_eq!(
        shown[4],
        json!(true),
        "read-only: it cannot know what to show"
    );
    let marked = editable_marks(&app).await;
    assert_eq!(marked, json!(0), "not editable yet");
    let_the_app_in(&app, &gate).await;
    let notice = app.text_of("notice").await;
    assert!(notice.contains("damaged"), "{notice}");
    assert_eq!(boot_editor(&app).await, Value::Null);
    app.close().await;
}
