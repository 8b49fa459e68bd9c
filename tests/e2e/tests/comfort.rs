//! Editing comfort in the built app: shortcuts and toolbar that the browser's undo
//! reverts, lists that continue, and the tab title.

use fantoccini::key::Key;
use fantoccini::Locator;
use quire_e2e::{ctrl, testid, App, PREVIEW_JS};
use serde_json::json;

const POST: &str = "---\ntitle: Comfort\n---\nMake this bold.\n";

/// Select the first occurrence of `word` in the editor.
async fn select_word(app: &App, word: &str) {
    app.js(
        "const ed = document.querySelector('[data-testid=editor]');
         const at = ed.value.indexOf(arguments[0]);
         ed.focus();
         ed.setSelectionRange(at, at + arguments[0].length);",
        vec![json!(word)],
    )
    .await;
}

#[tokio::test]
async fn ctrl_b_makes_the_selection_bold_and_ctrl_z_reverts_it() {
    let app = App::open().await;
    app.paste_over(POST).await;
    select_word(&app, "this").await;
    app.keys_in_editor(&ctrl('b'), false).await;
    let bold = "---\ntitle: Comfort\n---\nMake **this** bold.\n";
    app.wait_for_editor_text(bold).await;
    app.wait_until(
        "bold in the preview",
        &format!("const s = {PREVIEW_JS}.querySelector('strong'); return !!s && s.textContent === 'this'"),
        vec![],
    )
    .await;
    let selected = app
        .js(
            "const ed = document.querySelector('[data-testid=editor]');
             return ed.value.slice(ed.selectionStart, ed.selectionEnd)",
            vec![],
        )
        .await;
    assert_eq!(selected, json!("this"), "the word stays selected");
    app.keys_in_editor(&ctrl('z'), false).await;
    app.wait_for_editor_text(POST).await;

    // The toolbar does the same, and keeps the selection in the editor.
    select_word(&app, "bold").await;
    app.click("fmt-italic").await;
    app.wait_for_editor_text("---\ntitle: Comfort\n---\nMake this *bold*.\n")
        .await;
    app.close().await;
}

#[tokio::test]
async fn enter_continues_a_list_and_tab_indents_it() {
    let app = App::open().await;
    app.paste_over("---\ntitle: Lists\n---\n- one").await;
    let editor = app
        .client
        .find(Locator::Css(&testid("editor")))
        .await
        .expect("the editor");
    app.js(
        "const ed = document.querySelector('[data-testid=editor]');
         ed.focus(); ed.setSelectionRange(ed.value.length, ed.value.length);",
        vec![],
    )
    .await;
    editor.send_keys("\ntwo").await.expect("Enter, then typing");
    app.wait_for_editor_text("---\ntitle: Lists\n---\n- one\n- two")
        .await;
    editor
        .send_keys(&char::from(Key::Tab).to_string())
        .await
        .expect("Tab");
    app.wait_for_editor_text("---\ntitle: Lists\n---\n- one\n  - two")
        .await;
    // Enter on an empty item ends the list with a blank line.
    editor
        .send_keys("\n\nAfter")
        .await
        .expect("Enter twice, then typing");
    app.wait_for_editor_text("---\ntitle: Lists\n---\n- one\n  - two\n\nAfter")
        .await;
    app.close().await;
}

#[tokio::test]
async fn the_tab_title_is_the_post_title_with_an_unsaved_marker() {
    let app = App::open().await;
    app.paste_over("---\ntitle: Tab title test\n---\nBody.\n")
        .await;
    app.wait_until(
        "the title while unsaved or saved",
        "return document.title.endsWith('Tab title test \u{2014} Quire')",
        vec![],
    )
    .await;
    app.wait_until(
        "no unsaved marker once saved",
        "return document.querySelector('[data-testid=save-status]').textContent === 'Saved'
           && document.title === 'Tab title test \u{2014} Quire'",
        vec![],
    )
    .await;
    app.js(
        "const ed = document.querySelector('[data-testid=editor]');
         ed.focus(); ed.setSelectionRange(ed.value.length, ed.value.length);
         document.execCommand('insertText', false, 'More.');",
        vec![],
    )
    .await;
    app.wait_until(
        "the unsaved marker after typing",
        "return document.title === '\u{2022} Tab title test \u{2014} Quire'",
        vec![],
    )
    .await;
    app.close().await;
}
