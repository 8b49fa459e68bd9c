//! A keystroke is applied to the post as the edit it is (`quire_core::typed`), without
//! copying the whole editor: typed characters, Enter, Backspace and Delete, over a
//! selection or at the caret, beside non-ASCII text and characters outside the BMP, must
//! leave the post exactly the editor's text. The preview (which derives from the post)
//! shows each edit, the saved draft is the editor's text, and the check made when typing
//! pauses (which logs an error if the two ever differed) never fires.

use fantoccini::key::Key;
use quire_e2e::{App, PREVIEW_JS};
use serde_json::json;

const POST: &str =
    "---\ntitle: Keys\n---\n\nCafé au lait, 日本語 and 😀 here.\n\nSecond line.\n\n- item\n";

/// Put the editor's caret (or selection, `len` UTF-16 units long) right after the first
/// `needle` in its text.
async fn select_after(app: &App, needle: &str, back: usize, len: usize) {
    let found = app
        .js(
            "const ed = document.querySelector('[data-testid=editor]');
             const at = ed.value.indexOf(arguments[0]);
             if (at < 0) return false;
             const end = at + arguments[0].length - arguments[1];
             ed.focus(); ed.setSelectionRange(end - arguments[2], end);
             return true;",
            vec![json!(needle), json!(back), json!(len)],
        )
        .await;
    assert_eq!(found, json!(true), "{needle:?} is not in the editor");
}

/// Wait until the preview's text holds `expected`.
async fn wait_for_preview_text(app: &App, expected: &str) {
    app.wait_until(
        &format!("the preview to show {expected:?}"),
        &format!("const p = {PREVIEW_JS}; return !!p && p.textContent.includes(arguments[0]);"),
        vec![json!(expected)],
    )
    .await;
}

async fn keys(app: &App, keys: &str) {
    app.keys_in_editor(keys, false).await;
}

#[tokio::test]
async fn keystrokes_land_in_the_post_exactly_as_in_the_editor() {
    let app = App::open().await;
    app.paste_over(POST).await;
    wait_for_preview_text(&app, "Café au lait, 日本語 and 😀 here.").await;

    // Typing after a non-ASCII character.
    select_after(&app, "Café", 0, 0).await;
    keys(&app, " noir").await;
    wait_for_preview_text(&app, "Café noir au lait").await;

    // Backspace after CJK characters, then Delete of a character outside the BMP (two
    // UTF-16 units in the editor, four bytes in the post).
    select_after(&app, "日本語", 0, 0).await;
    keys(&app, &char::from(Key::Backspace).to_string()).await;
    wait_for_preview_text(&app, "日本 and 😀").await;
    select_after(&app, "and ", 0, 0).await;
    keys(&app, &char::from(Key::Delete).to_string()).await;
    wait_for_preview_text(&app, "日本 and  here.").await;

    // Typing over a selection, with accented letters.
    select_after(&app, "lait", 0, 4).await;
    keys(&app, "crème").await;
    wait_for_preview_text(&app, "Café noir au crème, 日本 and  here.").await;

    // Enter in a list (Quire continues it), then Enter and Backspace in a paragraph.
    select_after(&app, "- item", 0, 0).await;
    keys(&app, &format!("{}next", char::from(Key::Enter))).await;
    app.wait_until(
        "a second list item",
        &format!("const p = {PREVIEW_JS}; return !!p && p.querySelectorAll('li').length === 2;"),
        vec![],
    )
    .await;
    select_after(&app, "Second", 0, 0).await;
    keys(
        &app,
        &format!("{}{}", char::from(Key::Enter), char::from(Key::Enter)),
    )
    .await;
    app.wait_until(
        "\"Second\" split into its own paragraph",
        &format!(
            "const p = {PREVIEW_JS};
             return !!p && [...p.querySelectorAll('p')].some(e => e.textContent === 'Second');"
        ),
        vec![],
    )
    .await;
    keys(&app, &char::from(Key::Backspace).to_string()).await;
    keys(&app, &char::from(Key::Backspace).to_string()).await;
    wait_for_preview_text(&app, "Second line.").await;

    // The browser's undo (read whole), then typing again.
    keys(&app, &quire_e2e::ctrl('z')).await;
    keys(&app, "!").await;

    app.wait_saved().await;
    let text = app.editor_text().await;
    let id = app.current_draft_id().await;
    let saved = app.stored_draft(&id).await;
    assert_eq!(
        saved,
        Some(text.clone()),
        "the saved draft is the editor's text"
    );
    assert!(
        text.contains("Café noir au crème, 日本 and  here."),
        "{text:?}"
    );
    assert!(text.contains("- item\n- next"), "{text:?}");
    // The line typed in after the undo is shown as the editor has it.
    let line = text
        .lines()
        .find(|l| l.contains('!'))
        .unwrap_or_else(|| panic!("no \"!\" in {text:?}"));
    wait_for_preview_text(&app, line.trim()).await;
    // No "the editor's text and the post differed" (an error) was logged.
    app.close().await;
}

/// The tab's title (the post's title, with a marker while a change is unsaved) is written
/// when it changes, not on every keystroke: each write of `document.title` is work for the
/// browser inside the keystroke's frame.
#[tokio::test]
async fn typing_writes_the_tab_title_only_when_it_changes() {
    let app = App::open().await;
    app.paste_over(POST).await;
    app.wait_saved().await;
    app.js(
        "window.quireTitleWrites = 0;
         new MutationObserver((records) => { window.quireTitleWrites += records.length; })
           .observe(document.querySelector('title'), { childList: true, characterData: true, subtree: true });
         return true;",
        vec![],
    )
    .await;
    select_after(&app, "Second line", 0, 0).await;
    let typed = "twenty keys, typed!!";
    keys(&app, typed).await;
    wait_for_preview_text(&app, &format!("Second line{typed}")).await;
    app.wait_saved().await;
    let writes = app
        .js("return window.quireTitleWrites;", vec![])
        .await
        .as_u64()
        .unwrap_or_else(|| panic!("no count of title writes"));
    // The marker came (and went once saved): at least one write, and at most two per save.
    assert!(
        (1..=4).contains(&writes),
        "{writes} writes of the tab's title for {} keystrokes",
        typed.chars().count()
    );
    let title = app.js("return document.title;", vec![]).await;
    assert_eq!(title, json!("Keys \u{2014} Quire"), "saved: no marker");
    app.close().await;
}

const PARTS: &str = "---\ntitle: Parts\n---\n\n![A photo](/icon-192.png) A caption\nwith a [link](https://example.org/page).\n\n- one\n- two\n";

/// The blocks' HTML in the preview, in order (their own mark, `caret-block`, left out).
const BLOCKS_JS: &str = "[...document.querySelector('[data-testid=preview]').contentDocument.querySelectorAll('.blk')].map(b => b.innerHTML)";

/// A keystroke changes only what it changed in the preview: typing in a paragraph replaces
/// its text node, so the image beside it is the same element (not loaded again) and nothing is
/// restyled; edits that change a block's elements (emphasis, a link's address, a list item)
/// leave the same HTML as rendering the post afresh.
#[tokio::test]
async fn a_keystroke_changes_only_its_own_text_in_the_preview() {
    let app = App::open().await;
    app.paste_over(PARTS).await;
    wait_for_preview_text(&app, "A caption").await;
    // The caret into the paragraph first (its block takes the caret's mark).
    app.type_after("A caption", " here").await;
    wait_for_preview_text(&app, "A caption here").await;
    watch_preview(&app, "p.querySelector('img').quireKept = true;").await;
    app.type_after("A caption here", ", and more").await;
    wait_for_preview_text(&app, "A caption here, and more").await;
    assert_text_replaced_only(&app, "a keystroke in a paragraph").await;
    let kept = app
        .js(
            &format!("return {PREVIEW_JS}.querySelector('img').quireKept === true;"),
            vec![],
        )
        .await;
    assert_eq!(
        kept,
        json!(true),
        "the image beside the typing is the same element"
    );

    // Edits that change the block's elements.
    app.type_after("and ", "**").await;
    app.type_after("and **more", "**").await;
    app.type_after("example.org/page", "s/new").await;
    app.type_after("- two", "\n- three").await;
    app.wait_until(
        "the emphasis, the new address and the third item",
        &format!(
            "const p = {PREVIEW_JS};
             return !!p && p.querySelector('strong')?.textContent === 'more'
               && !!p.querySelector('a[href=\"https://example.org/pages/new\"]')
               && p.querySelectorAll('li').length === 3;"
        ),
        vec![],
    )
    .await;
    assert_as_rendered_afresh(&app, "img").await;
    app.close().await;
}

/// A reading list long enough to be updated item by item.
fn reading_list() -> String {
    let mut post = String::from("---\ntitle: Reading\n---\n\nWhat I read.\n\n");
    for i in 0..120 {
        post.push_str(&format!(
            "- [Reading {i}](https://example.org/{i}), a note with *emphasis*\n"
        ));
    }
    post.push_str("\nThat is all.\n");
    post
}

/// Typing inside a long list changes only the items around the caret: the list and its
/// other items keep their elements, the typed text replaces one text node, new items and
/// links are made safe as any block's, and the result is the HTML of the post rendered
/// afresh.
#[tokio::test]
async fn typing_in_a_long_list_changes_only_its_items() {
    let app = App::open().await;
    app.paste_over(&reading_list()).await;
    wait_for_preview_text(&app, "That is all.").await;
    app.type_after("Reading 60", "x").await;
    wait_for_preview_text(&app, "Reading 60x").await;
    watch_preview(
        &app,
        "const list = p.querySelector('ul');
         list.quireKept = true;
         list.children[0].quireKept = true;",
    )
    .await;
    app.type_after("Reading 60x", "yz").await;
    wait_for_preview_text(&app, "Reading 60xyz").await;
    assert_text_replaced_only(&app, "a keystroke in a list item").await;

    // A new item, a new link (made safe as any block's), an item made bold, one taken out.
    app.type_after(
        "(https://example.org/70), a note with *emphasis*",
        "\n- [New](https://example.org/new) and [bad](javascript:alert(1))",
    )
    .await;
    app.type_after("Reading 80](https://example.org/80), a note", " **bold**")
        .await;
    app.js(
        "const ed = document.querySelector('[data-testid=editor]');
         const from = ed.value.indexOf('- [Reading 90]');
         const to = ed.value.indexOf('- [Reading 91]');
         ed.focus(); ed.setSelectionRange(from, to);
         return document.execCommand('delete');",
        vec![],
    )
    .await;
    app.wait_until(
        "the new item, the bold note and the item taken out",
        &format!(
            "const p = {PREVIEW_JS};
             const list = p.querySelector('ul');
             const link = p.querySelector('a[href=\"https://example.org/new\"]');
             return list.children.length === 120 && !!link
               && link.getAttribute('target') === '_blank'
               && !p.textContent.includes('Reading 90,')
               && p.querySelector('strong')?.textContent === 'bold';"
        ),
        vec![],
    )
    .await;
    let safe = app
        .js(
            &format!(
                "const p = {PREVIEW_JS};
                 const bad = [...p.querySelectorAll('a')].find(a => a.textContent === 'bad');
                 const list = p.querySelector('ul');
                 return [!!bad && !bad.getAttribute('href')?.startsWith('javascript'),
                         list.quireKept === true, list.children[0].quireKept === true];"
            ),
            vec![],
        )
        .await;
    assert_eq!(
        safe,
        json!([true, true, true]),
        "the new code-running link is disarmed, and the list and its first item are the same elements"
    );
    assert_as_rendered_afresh(&app, "ul").await;
    app.close().await;
}

/// Record the preview's changes from now on (`window.quireChanges`), after running `mark`
/// (script marking elements to be kept, with the preview's article as `p`).
async fn watch_preview(app: &App, mark: &str) {
    app.js(
        &format!(
            "const p = {PREVIEW_JS};
             {mark}
             window.quireChanges = [];
             new MutationObserver((records) => {{
               for (const r of records) {{
                 const nodes = [...r.addedNodes, ...r.removedNodes];
                 window.quireChanges.push(nodes.length && nodes.every(n => n.nodeType === 3)
                   ? 'text replaced' : r.type + ' of ' + nodes.map(n => n.nodeName).join(' '));
               }}
             }}).observe(p, {{ subtree: true, childList: true, attributes: true, characterData: true }});
             return true;"
        ),
        vec![],
    )
    .await;
}

/// The preview changed since [`watch_preview`], and only by text nodes replaced.
async fn assert_text_replaced_only(app: &App, what: &str) {
    let changes = app.js("return window.quireChanges;", vec![]).await;
    let changes: Vec<String> = serde_json::from_value(changes).unwrap_or_default();
    assert!(
        !changes.is_empty() && changes.iter().all(|c| c == "text replaced"),
        "{what} replaces its text only: {changes:?}"
    );
}

/// The preview's blocks are the HTML of the post rendered afresh (another flavour and
/// back: new elements, the element `kept` marked before among them).
async fn assert_as_rendered_afresh(app: &App, kept: &str) {
    let patched = app.js(&format!("return {BLOCKS_JS};"), vec![]).await;
    app.choose_flavour("commonmark").await;
    app.wait_until(
        "the preview rendered again",
        &format!("return {PREVIEW_JS}.querySelector(arguments[0]).quireKept !== true;"),
        vec![json!(kept)],
    )
    .await;
    app.choose_flavour("jekyll").await;
    app.wait_until(
        &format!("the preview rendered afresh to be as patched: {patched}"),
        &format!("return JSON.stringify({BLOCKS_JS}) === JSON.stringify(arguments[0]);"),
        vec![patched.clone()],
    )
    .await;
}

/// The preview's block marked as holding the caret, as text.
async fn caret_block_text(app: &App) -> String {
    app.js(
        &format!(
            "const p = {PREVIEW_JS}; const b = p && p.querySelector('.caret-block');
             return b ? b.textContent : '';"
        ),
        vec![],
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

/// Wait until the preview marks the block holding `text` as the caret's.
async fn wait_for_caret_block(app: &App, text: &str) {
    app.wait_until(
        &format!("the caret's block to be the one with {text:?}"),
        &format!(
            "const p = {PREVIEW_JS}; const b = p && p.querySelector('.caret-block');
             return !!b && b.textContent.includes(arguments[0]);"
        ),
        vec![json!(text)],
    )
    .await;
}

/// Where a keystroke leaves the caret is taken from the keystroke (the field's selection,
/// costly to read in a long post, is not read again) only until something else moves the
/// caret: arrow keys, Home and End with Shift, a click, select all. Typing after each lands
/// where the editor has it, the preview marks the caret's block, and the post is the
/// editor's text throughout (the check made when typing pauses logs no error).
#[tokio::test]
async fn the_caret_a_keystroke_leaves_is_trusted_only_until_it_moves() {
    let app = App::open().await;
    let post = "---\ntitle: Caret\n---\n\n# One\n\nalpha beta gamma\n\n# Two\n\ndelta epsilon\n";
    app.paste_over(post).await;
    wait_for_preview_text(&app, "delta epsilon").await;
    let (left, up, end, home, shift) = (
        char::from(Key::Left),
        char::from(Key::Up),
        char::from(Key::End),
        char::from(Key::Home),
        char::from(Key::Shift),
    );
    let null = char::from(Key::Null);

    // After "delta epsilon": typed; then straight up into the first paragraph's line and
    // to its end: the preview follows the caret there (not where the keystroke left it).
    select_after(&app, "epsilon", 0, 0).await;
    keys(&app, "zeta").await;
    wait_for_preview_text(&app, "delta epsilonzeta").await;
    wait_for_caret_block(&app, "epsilonzeta").await;
    keys(&app, &format!("{up}{up}{up}{up}{end}")).await;
    wait_for_caret_block(&app, "alpha beta gamma").await;
    keys(&app, "!").await;
    wait_for_preview_text(&app, "alpha beta gamma!").await;
    wait_for_caret_block(&app, "gamma!").await;
    // Two to the left, typed again.
    keys(&app, &format!("{left}{left}X")).await;
    wait_for_preview_text(&app, "alpha beta gammXa!").await;

    // Shift+Home selects back to the line's start; typing replaces it.
    keys(&app, &format!("{shift}{home}{null}Omega")).await;
    wait_for_preview_text(&app, "Omega").await;
    assert!(
        !caret_block_text(&app).await.contains("alpha"),
        "the selected line was typed over"
    );

    // A click puts the caret wherever it falls; what is typed next lands there.
    app.keys_in_editor("C", true).await;
    app.wait_saved().await;
    let text = app.editor_text().await;
    assert_eq!(
        text.matches('C').count(),
        post.matches('C').count() + 1,
        "{text:?}"
    );

    // Select all, then type: the whole post is what was typed.
    keys(&app, &format!("{}end", quire_e2e::ctrl('a'))).await;
    app.wait_for_editor_text("end").await;
    wait_for_preview_text(&app, "end").await;

    app.wait_saved().await;
    let id = app.current_draft_id().await;
    assert_eq!(app.stored_draft(&id).await, Some("end".to_string()));
    let text = app.editor_text().await;
    assert_eq!(text, "end");
    // No "the editor's text and the post differed" (an error) was logged.
    app.close().await;
}
