//! Find and replace in the built app (issue 19): every option (case, whole word, regular
//! expressions with groups), stepping through matches, replace one and replace all as one
//! undo, also on a 1 MB post and in a few very long lines.

use fantoccini::key::Key;
use quire_e2e::{ctrl, App};
use serde_json::{json, Value};

/// The editor's selected text.
async fn selected(app: &App) -> Value {
    app.js(
        "const ed = document.querySelector('[data-testid=editor]');
         return ed.value.slice(ed.selectionStart, ed.selectionEnd)",
        vec![],
    )
    .await
}

async fn type_in(app: &App, id: &str, text: &str) {
    app.js(
        &format!(
            "const el = document.querySelector('[data-testid={id}]');
             el.focus(); el.select();"
        ),
        vec![],
    )
    .await;
    app.press(text).await;
}

async fn wait_count(app: &App, label: &str) {
    app.wait_until(
        &format!("the count {label:?}"),
        "return document.querySelector('[data-testid=find-count]').textContent === arguments[0]",
        vec![json!(label)],
    )
    .await;
}

#[tokio::test]
async fn find_and_replace_with_every_option_and_one_undo() {
    let app = App::open().await;
    let post = "---\ntitle: The cat\n---\nThe cat sat. A Cat ran. Concatenate cats.\n";
    app.paste_over(post).await;
    app.keys_in_editor(&ctrl('f'), true).await;
    app.wait_until(
        "the find field focused",
        "return document.activeElement.dataset.testid === 'find-input'",
        vec![],
    )
    .await;
    app.press("cat").await;
    wait_count(&app, "5 matches").await;
    app.click("find-case").await;
    wait_count(&app, "4 matches").await;
    app.click("find-word").await;
    wait_count(&app, "2 matches").await;
    app.click("find-body").await;
    wait_count(&app, "1 match").await;
    app.click("find-body").await;
    app.click("find-case").await;
    wait_count(&app, "3 matches").await;

    // Enter goes from match to match (the focus stays in the field), wrapping.
    app.js(
        "const ed = document.querySelector('[data-testid=editor]'); ed.setSelectionRange(0, 0);",
        vec![],
    )
    .await;
    type_in(&app, "find-input", &char::from(Key::Enter).to_string()).await;
    wait_count(&app, "1 of 3").await;
    assert_eq!(selected(&app).await, json!("cat"));
    assert_eq!(app.active_testid().await, json!("find-input"));
    app.press(&char::from(Key::Enter).to_string()).await;
    wait_count(&app, "2 of 3").await;
    app.press(&char::from(Key::Enter).to_string()).await;
    wait_count(&app, "3 of 3").await;
    assert_eq!(selected(&app).await, json!("Cat"));
    app.click("find-next").await;
    wait_count(&app, "1 of 3").await;
    app.click("find-previous").await;
    wait_count(&app, "3 of 3").await;

    // A bad regular expression says why, and changes nothing.
    app.click("find-regex").await;
    type_in(&app, "find-input", "(ca").await;
    app.wait_until(
        "the pattern's error",
        "const c = document.querySelector('[data-testid=find-problem]');
         return !!c && c.textContent.startsWith('This regular expression does not read')
           && document.querySelector('[data-testid=find-count]').textContent === 'Not a valid pattern'

           && document.querySelector('[data-testid=find-input]').getAttribute('aria-invalid') === 'true'",
        vec![],
    )
    .await;
    app.click("replace-all").await;
    assert_eq!(app.editor_text().await, post);

    // A regular expression with a group; replace one, then all.
    type_in(&app, "find-input", r"(c)at\b").await;
    wait_count(&app, "3 matches").await;
    type_in(&app, "replace-input", "${1}og").await;
    app.js(
        "const ed = document.querySelector('[data-testid=editor]'); ed.setSelectionRange(0, 0);",
        vec![],
    )
    .await;
    app.click("replace-one").await; // selects the first match
    wait_count(&app, "1 of 3").await;
    app.click("replace-one").await;
    app.wait_for_editor_text(
        "---\ntitle: The cog\n---\nThe cat sat. A Cat ran. Concatenate cats.\n",
    )
    .await;
    app.click("replace-all").await;
    let all = "---\ntitle: The cog\n---\nThe cog sat. A Cog ran. Concatenate cats.\n";
    app.wait_for_editor_text(all).await;
    wait_count(&app, "Replaced 2 matches").await;
    // One undo takes "replace all" back, a second the single replacement.
    app.keys_in_editor(&ctrl('z'), false).await;
    app.wait_for_editor_text(
        "---\ntitle: The cog\n---\nThe cat sat. A Cat ran. Concatenate cats.\n",
    )
    .await;
    app.keys_in_editor(&ctrl('z'), false).await;
    app.wait_for_editor_text(post).await;

    // Escape closes the bar and gives the editor the focus.
    app.click("find-input").await;
    app.press(&char::from(Key::Escape).to_string()).await;
    app.wait_until(
        "the bar closed",
        "return !document.querySelector('[data-testid=find-bar]')
           && document.activeElement.dataset.testid === 'editor'",
        vec![],
    )
    .await;
    app.close().await;
}

#[tokio::test]
async fn replace_all_on_a_one_megabyte_post_is_one_undo() {
    let app = App::open().await;
    // 1 MB (16,000 lines): the original kept in the page, to compare without sending it
    // back and forth. Replacing all of it is more than the browser's editing commands can
    // do in time, so Quire makes the edit itself and keeps its own undo step for it.
    app.js(
        "const line = 'The cat sat on the mat; the CAT, the cat-flap and concatenation.\\n';
         window.original = '---\\ntitle: Big\\n---\\n' + line.repeat(Math.ceil(1048576 / line.length));
         window.expected = window.original.replace(/\\bcat\\b/gi, 'dog');
         // Set as a file opened would be: the browser's insertText takes minutes for
         // this many lines.
         const ed = document.querySelector('[data-testid=editor]');
         ed.value = window.original;
         ed.dispatchEvent(new Event('input', { bubbles: true }));",
        vec![],
    )
    .await;
    app.wait_until(
        "the big post in the editor",
        "return document.querySelector('[data-testid=editor]').value.length === window.original.length",
        vec![],
    )
    .await;
    app.keys_in_editor(&ctrl('h'), true).await;
    app.wait_for_testid("find-input").await;
    app.click("find-word").await;
    type_in(&app, "find-input", "cat").await;
    wait_count(&app, "10000+ matches").await;
    type_in(&app, "replace-input", "dog").await;
    app.click("replace-all").await;
    app.wait_until(
        "every whole-word cat replaced",
        "return document.querySelector('[data-testid=editor]').value === window.expected",
        vec![],
    )
    .await;
    let replaced = app.text_of("find-count").await;
    assert!(
        replaced.starts_with("Replaced ") && replaced.ends_with(" matches"),
        "{replaced}"
    );
    let n: usize = replaced
        .trim_start_matches("Replaced ")
        .trim_end_matches(" matches")
        .parse()
        .expect("a number");
    assert!(n > 30_000, "{n} replaced");
    app.keys_in_editor(&ctrl('z'), false).await;
    app.wait_until(
        "one undo restores the post exactly",
        "return document.querySelector('[data-testid=editor]').value === window.original",
        vec![],
    )
    .await;
    // Redo, and undo again; the stored draft follows.
    app.keys_in_editor(&ctrl('y'), false).await;
    app.wait_until(
        "redo",
        "return document.querySelector('[data-testid=editor]').value === window.expected",
        vec![],
    )
    .await;
    app.keys_in_editor(&ctrl('z'), false).await;
    app.wait_until(
        "undo again, and the draft saved as it is",
        "const ed = document.querySelector('[data-testid=editor]');
         const id = JSON.parse(localStorage.getItem('quire/v1/index')).current;
         return ed.value === window.original
           && localStorage.getItem('quire/v1/draft/' + id) === window.original;",
        vec![],
    )
    .await;
    app.close().await;
}

#[tokio::test]
async fn replace_all_in_a_few_very_long_lines_is_one_undo_too() {
    let app = App::open().await;
    // 300 KB in three lines: few lines, but too many bytes for the browser's insertText.
    app.js(
        "const line = 'cat and dog '.repeat(8500) + '\\n';
         window.original = '---\\ntitle: Long lines\\n---\\n' + line.repeat(3);
         window.expected = window.original.replaceAll('cat', 'cow');
         const ed = document.querySelector('[data-testid=editor]');
         ed.value = window.original;
         ed.dispatchEvent(new Event('input', { bubbles: true }));",
        vec![],
    )
    .await;
    app.keys_in_editor(&ctrl('h'), true).await;
    app.wait_for_testid("find-input").await;
    type_in(&app, "find-input", "cat").await;
    wait_count(&app, "10000+ matches").await;
    type_in(&app, "replace-input", "cow").await;
    app.click("replace-all").await;
    app.wait_until(
        "every cat replaced",
        "return document.querySelector('[data-testid=editor]').value === window.expected",
        vec![],
    )
    .await;
    wait_count(&app, "Replaced 25500 matches").await;
    app.keys_in_editor(&ctrl('z'), false).await;
    app.wait_until(
        "one undo restores it exactly",
        "return document.querySelector('[data-testid=editor]').value === window.original",
        vec![],
    )
    .await;
    app.close().await;
}
