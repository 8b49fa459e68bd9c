//! A long post's preview keeps its blocks in chunks (`quire_core::render::chunks`), so
//! that a keystroke lays out one chunk, and chunks away from the view are not laid out
//! at all. Every edit must still land in the right block, in order, as in a short post:
//! edits in the middle that grow a chunk until it splits, deletions that empty chunks,
//! a full re-render, and the caret's block.

use quire_e2e::{App, PREVIEW_JS};
use serde_json::{json, Value};

fn paragraphs(tag: &str, n: usize) -> Vec<String> {
    (0..n).map(|i| format!("Paragraph {tag} {i}.")).collect()
}

fn post(body: &[String]) -> String {
    format!("---\ntitle: Long\n---\n\n{}\n", body.join("\n\n"))
}

/// Wait until the preview's blocks read `expected`, in order, and its structure is sound:
/// chunks only (none empty), or blocks only.
async fn wait_for_preview(app: &App, expected: &[String], chunked: bool) {
    let script = format!(
        "const p = {PREVIEW_JS};
         if (!p) return false;
         const texts = [...p.querySelectorAll('.blk')].map(b => b.textContent.trim());
         const chunks = [...p.children].filter(c => c.classList.contains('chunk'));
         const sound = arguments[1]
           ? chunks.length === p.children.length && chunks.every(c => c.children.length > 0
               && [...c.children].every(b => b.classList.contains('blk')))
           : chunks.length === 0;
         return sound && JSON.stringify(texts) === JSON.stringify(arguments[0]);"
    );
    app.wait_until(
        &format!("the preview to show {} blocks in order", expected.len()),
        &script,
        vec![json!(expected), json!(chunked)],
    )
    .await;
}

/// Replace `from..to` (UTF-16 offsets; the text here is ASCII) of the editor's text as
/// the writer would, with the browser's editing commands.
async fn edit(app: &App, from: usize, to: usize, text: &str) {
    let done = app
        .js(
            "const ed = document.querySelector('[data-testid=editor]');
             ed.focus(); ed.setSelectionRange(arguments[0], arguments[1]);
             return arguments[2] === '' ? document.execCommand('delete')
                                        : document.execCommand('insertText', false, arguments[2]);",
            vec![json!(from), json!(to), json!(text)],
        )
        .await;
    assert_eq!(done, json!(true), "the edit was refused");
}

/// Where paragraph `index` of `body` starts in the post's text.
fn offset_of(body: &[String], index: usize) -> usize {
    let head = post(&[]).len() - 1; // "---\ntitle: Long\n---\n\n"
    head + body[..index].iter().map(|p| p.len() + 2).sum::<usize>()
}

#[tokio::test]
async fn a_long_post_is_shown_in_chunks_and_every_edit_lands_in_order() {
    let app = App::open().await;
    let mut body = paragraphs("a", 600);
    app.paste_over(&post(&body)).await;
    app.wait_for_editor_text(&post(&body)).await;
    wait_for_preview(&app, &body, true).await;
    let chunks = app
        .js(
            &format!("return {PREVIEW_JS}.querySelectorAll(':scope > .chunk').length"),
            vec![],
        )
        .await;
    assert!(
        chunks.as_u64().unwrap_or(0) >= 9,
        "600 blocks in chunks of 64: {chunks}"
    );

    // 200 paragraphs pasted in the middle: chunks grow and split.
    let added = paragraphs("b", 200);
    let at = offset_of(&body, 300);
    edit(&app, at, at, &format!("{}\n\n", added.join("\n\n"))).await;
    body.splice(300..300, added);
    app.wait_for_editor_text(&post(&body)).await;
    wait_for_preview(&app, &body, true).await;

    // 350 paragraphs deleted across several chunks.
    let (from, to) = (offset_of(&body, 100), offset_of(&body, 450));
    edit(&app, from, to, "").await;
    body.drain(100..450);
    app.wait_for_editor_text(&post(&body)).await;
    wait_for_preview(&app, &body, true).await;

    // A keystroke in one paragraph; the caret's block is marked.
    let at = offset_of(&body, 5) + "Paragraph a 5".len();
    edit(&app, at, at, "x").await;
    body[5] = "Paragraph a 5x.".to_string();
    wait_for_preview(&app, &body, true).await;
    app.wait_until(
        "the caret's block to be marked",
        &format!(
            "const b = {PREVIEW_JS}.querySelector('.caret-block');
             return !!b && b.textContent.trim() === arguments[0];"
        ),
        vec![json!(body[5])],
    )
    .await;

    // Everything rendered again (another flavour): the same blocks, in fresh chunks.
    app.choose_flavour("commonmark").await;
    wait_for_preview(&app, &body, true).await;

    // Back to a short post: plain blocks again.
    let short = paragraphs("c", 3);
    app.paste_over(&post(&short)).await;
    wait_for_preview(&app, &short, false).await;
    let html: Value = app
        .js(
            &format!("return {PREVIEW_JS}.querySelectorAll('.chunk').length"),
            vec![],
        )
        .await;
    assert_eq!(html, json!(0));
    app.close().await;
}
