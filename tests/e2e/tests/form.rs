//! The front-matter form and the excerpt panel, two-way with the source text, in real
//! headless Chromium against the release build.

use fantoccini::key::Key;
use quire_e2e::{ctrl, seed_post, App, EXCERPT_CARD_JS, PREVIEW_JS};
use serde_json::json;

/// The lines of `after` that differ from `before` (both must have as many lines).
fn changed_lines(before: &str, after: &str) -> Vec<(String, String)> {
    assert_eq!(
        before.lines().count(),
        after.lines().count(),
        "line count changed:\n{after}"
    );
    before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// Put the editor's caret at byte `at` (ASCII text) and type `text` there, key by key.
async fn type_in_editor_at(app: &App, at: usize, text: &str) {
    app.js(
        "const ed = document.querySelector('[data-testid=editor]');
         ed.focus(); ed.setSelectionRange(arguments[0], arguments[0]);",
        vec![json!(at)],
    )
    .await;
    app.keys_in_editor(text, false).await;
}

#[tokio::test]
async fn title_edit_changes_only_its_line_and_undoes_with_ctrl_z() {
    let app = App::open().await;
    let before = app.editor_text().await;
    let title = app.wait_for_testid("fm-title").await;
    title.click().await.expect("focus the title");
    title
        .send_keys(&format!("{}!", char::from(Key::End)))
        .await
        .expect("typing in the title");
    app.wait_until(
        "the title line to change",
        "return document.querySelector('[data-testid=editor]').value.includes('title: Untitled post!\\n')",
        vec![],
    )
    .await;
    let after = app.editor_text().await;
    assert_eq!(
        changed_lines(&before, &after),
        vec![(
            "title: Untitled post".to_string(),
            "title: Untitled post!".to_string()
        )]
    );
    // The form kept its focus and the card shows the new title.
    let focused = app
        .js("return document.activeElement.dataset.testid", vec![])
        .await;
    assert_eq!(focused, json!("fm-title"));
    app.wait_until(
        "the card title",
        &format!("const c = {EXCERPT_CARD_JS}; return !!c && c.querySelector('h3').textContent === 'Untitled post!'"),
        vec![],
    )
    .await;

    app.keys_in_editor(&ctrl('z'), true).await;
    app.wait_for_editor_text(&before).await;
    app.wait_until(
        "the form to follow the undo",
        "return document.querySelector('[data-testid=fm-title]').value === 'Untitled post'",
        vec![],
    )
    .await;
    app.close().await;
}

#[tokio::test]
async fn typed_flow_list_shows_as_chips_and_keeps_its_style() {
    let app = App::open().await;
    app.paste_over("---\ntitle: T\n---\nBody\n").await;
    type_in_editor_at(&app, "---\ntitle: T\n".len(), "tags: [a, b]\n").await;
    app.wait_until(
        "chips a and b",
        "const chips = [...document.querySelectorAll('[data-testid=fm-tags-chip] .chip-text')].map(c => c.textContent);
         return JSON.stringify(chips) === '[\"a\",\"b\"]';",
        vec![],
    )
    .await;
    let add = app.wait_for_testid("fm-tags-add").await;
    add.click().await.expect("focus the chip input");
    add.send_keys("c\n").await.expect("typing a tag");
    app.wait_until(
        "the flow list to gain c",
        "return document.querySelector('[data-testid=editor]').value === '---\\ntitle: T\\ntags: [a, b, c]\\n---\\nBody\\n'",
        vec![],
    )
    .await;

    // Reorder with the pointer: drag chip c onto chip a, as a mouse does.
    let centre = |n: usize| {
        format!(
            "const r = document.querySelectorAll('[data-testid=fm-tags-chip] .chip-text')[{n}].getBoundingClientRect();
             return [r.left + r.width / 2, r.top + r.height / 2];"
        )
    };
    let from = app.js(&centre(2), vec![]).await;
    let to = app.js(&centre(0), vec![]).await;
    for (kind, at) in [
        ("mousePressed", &from),
        ("mouseMoved", &to),
        ("mouseReleased", &to),
    ] {
        app.cdp(
            "Input.dispatchMouseEvent",
            json!({"type": kind, "x": at[0], "y": at[1], "button": "left", "buttons": 1, "clickCount": 1}),
        )
        .await;
    }
    app.wait_until(
        "c dragged to the front",
        "return document.querySelector('[data-testid=editor]').value === '---\\ntitle: T\\ntags: [c, a, b]\\n---\\nBody\\n'",
        vec![],
    )
    .await;

    // And with the keyboard-reachable button: move b earlier.
    app.click_css("[data-testid=fm-tags-chip]:nth-child(3) .chip-move")
        .await;
    app.wait_until(
        "b moved before a",
        "return document.querySelector('[data-testid=editor]').value === '---\\ntitle: T\\ntags: [c, b, a]\\n---\\nBody\\n'",
        vec![],
    )
    .await;
    app.close().await;
}

/// A quoted value going on from the margin (`excerpt: "...` then lines at column 0, as
/// 18F's posts write it) is no error: Ruby's YAML reads it, and so the form does, the
/// preview reads the keys after it, and an edit of the title changes only its line.
#[tokio::test]
async fn a_quoted_value_going_on_from_the_margin_reads_as_jekyll_reads_it() {
    let app = App::open().await;
    let post = "---\ntitle: Elaine\nexcerpt: \"All throughout the summer,\nthe 18F team.\"\nimage: /a.jpg\n---\nSee {{ page.image }}.\n";
    app.paste_over(post).await;
    app.wait_until(
        "the form and the preview read it",
        &format!(
            "const p = {PREVIEW_JS}; if (!p) return false;
             const t = document.querySelector('[data-testid=fm-title]');
             return document.querySelector('[data-testid=fm-error]') === null && !!t && !t.disabled
               && t.value === 'Elaine' && p.textContent.includes('See /a.jpg.');"
        ),
        vec![],
    )
    .await;
    let title = app.wait_for_testid("fm-title").await;
    title.send_keys("!").await.expect("typing in the title");
    app.wait_until(
        "only the title's line changed",
        "return document.querySelector('[data-testid=editor]').value === arguments[0]",
        vec![json!(post.replace("title: Elaine", "title: Elaine!"))],
    )
    .await;
    app.close().await;
}

#[tokio::test]
async fn broken_yaml_shows_the_error_and_typing_goes_on() {
    let app = App::open().await;
    app.paste_over("---\ntitle: Kept\ntags: [a, b\n---\nBody\n")
        .await;
    let error = app.wait_for_testid("fm-error").await;
    let message = error.text().await.unwrap_or_default();
    assert!(
        message.contains("line 3") || message.contains("line 4"),
        "error: {message}"
    );
    // The last good values are not lost: the title field is there, read-only.
    let disabled = app.js("return document.querySelector('[data-testid=fm-title]') === null || document.querySelector('[data-testid=fm-title]').disabled", vec![]).await;
    assert_eq!(disabled, json!(true));

    // Typing goes on in the raw text, nothing is rewritten.
    type_in_editor_at(
        &app,
        "---\ntitle: Kept\ntags: [a, b\n---\nBody".len(),
        " still here",
    )
    .await;
    assert_eq!(
        app.editor_text().await,
        "---\ntitle: Kept\ntags: [a, b\n---\nBody still here\n"
    );

    // Fix it: the error goes and the form is editable again.
    type_in_editor_at(&app, "---\ntitle: Kept\ntags: [a, b".len(), "]").await;
    app.wait_until(
        "the error to go",
        "return document.querySelector('[data-testid=fm-error]') === null
             && !document.querySelector('[data-testid=fm-title]').disabled
             && document.querySelector('[data-testid=fm-title]').value === 'Kept'",
        vec![],
    )
    .await;
    app.close().await;
}

#[tokio::test]
async fn excerpt_field_edits_only_the_text_between_the_markers() {
    let seed = seed_post();
    let app = App::open().await;
    app.paste_over(&seed).await;
    let old = "Here are the articles, videos, and tools that I'm excited about this August.";
    let field = app.wait_for_testid("excerpt-editor").await;
    app.wait_until(
        "the excerpt field to hold the seed's excerpt",
        "return document.querySelector('[data-testid=excerpt-editor]').value === arguments[0]",
        vec![json!(old)],
    )
    .await;
    field.click().await.expect("focus the excerpt field");
    field.send_keys(&ctrl('a')).await.expect("select all");
    field
        .send_keys("My new summary.")
        .await
        .expect("typing the excerpt");
    let expected = seed.replace(old, "My new summary.");
    app.wait_for_editor_text(&expected).await;
    app.wait_until(
        "the card to show the new excerpt and the title",
        &format!(
            "const card = {EXCERPT_CARD_JS};
             return !!card && card.textContent.includes('My new summary.')
                 && card.querySelector('h3').textContent === \"What I've been reading in January\";"
        ),
        vec![],
    )
    .await;
    app.close().await;
}

#[tokio::test]
async fn toml_posts_get_the_same_form() {
    let app = App::open().await;
    let post = "+++\ntitle = \"Hugo post\" # keep me\ntags = [\"x\"]\ndraft = true\n+++\nBody\n";
    app.paste_over(post).await;
    app.wait_until(
        "the TOML fields in the form",
        "const t = document.querySelector('[data-testid=fm-title]');
         const d = document.querySelector('[data-testid=fm-draft]');
         return !!t && t.value === 'Hugo post' && !!d && d.checked;",
        vec![],
    )
    .await;
    let title = app.wait_for_testid("fm-title").await;
    title.click().await.expect("focus the title");
    title
        .send_keys(&format!("{}!", char::from(Key::End)))
        .await
        .expect("typing");
    app.wait_for_editor_text(&post.replace("\"Hugo post\"", "\"Hugo post!\""))
        .await;
    app.close().await;
}
