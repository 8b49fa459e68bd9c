//! Writing comfort in the built app (issue 19), at 390×844 (a phone) and 1440×900: the
//! phone layout gives the text the screen (one header row, a menu, a drawer), the outline
//! follows the preview's heading ids and scrolls both panes, focus mode remembered, the
//! spell checker's language, and axe in both layouts. Find and replace: `find_replace.rs`.

use fantoccini::key::Key;
use quire_e2e::{App, PREVIEW_JS};
use serde_json::json;

async fn viewport(app: &App, width: u32, height: u32) {
    app.cdp(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 700 }),
    )
    .await;
    app.wait_until(
        "the new window size",
        "return window.innerWidth === arguments[0]",
        vec![json!(width)],
    )
    .await;
    let _ = height;
}

/// Whether the element with this test id is shown (laid out, visible).
fn shown(id: &str) -> String {
    format!(
        "const el = document.querySelector('[data-testid={id}]');
         return !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'
           && el.getBoundingClientRect().right > 0;"
    )
}

/// Whether the element with this test id is hidden (or absent).
fn hidden(id: &str) -> String {
    format!("return !(() => {{ {} }})()", shown(id))
}

async fn is_shown(app: &App, id: &str) -> bool {
    app.js(&shown(id), vec![]).await == json!(true)
}

fn assert_no_violations(found: Vec<String>, what: &str) {
    assert!(found.is_empty(), "{what}: {found:#?}");
}

#[tokio::test]
async fn on_a_phone_the_text_gets_the_screen_and_every_action_stays_reachable() {
    let app = App::open().await;
    app.wait_for_testid("fm-title").await;
    app.cdp(
        "Emulation.setEmulatedMedia",
        json!({ "features": [{ "name": "prefers-color-scheme", "value": "dark" }] }),
    )
    .await;
    viewport(&app, 390, 844).await;
    app.wait_until("the phone layout", &shown("panels-toggle"), vec![])
        .await;

    // One header row; the editor takes at least 70 % of the height.
    let header = app
        .js(
            "const h = document.querySelector('.app-header');
             const tops = [...h.children].filter(c => c.getClientRects().length > 0)
               .map(c => { const r = c.getBoundingClientRect(); return Math.round(r.top + r.height / 2); });
             return [h.getBoundingClientRect().height, Math.max(...tops) - Math.min(...tops)];",
            vec![],
        )
        .await;
    assert!(
        header[0].as_f64().unwrap() < 60.0,
        "one row: header {header}"
    );
    assert!(
        header[1].as_f64().unwrap() < 12.0,
        "items side by side: {header}"
    );
    let share = app
        .js(
            "return document.querySelector('[data-testid=editor]').getBoundingClientRect().height / window.innerHeight",
            vec![],
        )
        .await
        .as_f64()
        .unwrap();
    assert!(share >= 0.70, "the editor has {share:.2} of the height");
    for id in ["draft-list", "fm-title", "export-md", "layout-preview"] {
        app.wait_until(&format!("{id} behind a button"), &hidden(id), vec![])
            .await;
    }

    // The menu, by keyboard: Enter opens it, Tab reaches its actions, Escape closes it
    // and gives the focus back.
    app.js(
        "document.querySelector('[data-testid=menu]').focus()",
        vec![],
    )
    .await;
    app.press(&char::from(Key::Enter).to_string()).await;
    app.wait_until("the menu open", &shown("layout-preview"), vec![])
        .await;
    assert_eq!(
        app.js(
            "return document.querySelector('[data-testid=menu]').getAttribute('aria-expanded')",
            vec![]
        )
        .await,
        json!("true")
    );
    assert_no_violations(app.axe_serious().await, "phone, menu open, dark");
    app.press(&char::from(Key::Tab).to_string()).await;
    let focused = app.active_testid().await;
    assert!(
        focused.as_str().is_some_and(|id| id.starts_with("layout-")),
        "Tab goes into the menu: {focused}"
    );
    app.press(&char::from(Key::Escape).to_string()).await;
    app.wait_until("the menu closed", &hidden("layout-preview"), vec![])
        .await;
    assert_eq!(app.active_testid().await, json!("menu"));

    // By pointer: an action taken from the menu closes it.
    app.click("menu").await;
    app.wait_until("the menu open", &shown("layout-preview"), vec![])
        .await;
    app.click("layout-preview").await;
    app.wait_until("the preview tab", &shown("preview"), vec![])
        .await;
    let share = app
        .js(
            "return document.querySelector('[data-testid=preview]').getBoundingClientRect().height / window.innerHeight",
            vec![],
        )
        .await
        .as_f64()
        .unwrap();
    assert!(share >= 0.70, "the preview has {share:.2} of the height");
    assert!(!is_shown(&app, "layout-preview").await, "the menu closed");
    app.click("tab-editor").await;
    app.wait_until("the source tab", &shown("editor"), vec![])
        .await;

    // The drawer, by keyboard: it opens with its close button focused, Escape closes it.
    app.js(
        "document.querySelector('[data-testid=panels-toggle]').focus()",
        vec![],
    )
    .await;
    app.press(&char::from(Key::Enter).to_string()).await;
    app.wait_until("the drawer open", &shown("draft-list"), vec![])
        .await;
    app.wait_until(
        "the focus in the drawer",
        "return document.activeElement.dataset.testid === 'panels-close'",
        vec![],
    )
    .await;
    assert_no_violations(app.axe_serious().await, "phone, drawer open, dark");
    app.press(&char::from(Key::Escape).to_string()).await;
    app.wait_until("the drawer closed", &hidden("draft-list"), vec![])
        .await;
    assert_eq!(app.active_testid().await, json!("panels-toggle"));

    // By pointer: a front-matter field is reachable, and opening another draft closes it.
    app.click("panels-toggle").await;
    app.wait_until(
        "the drawer open, slid in",
        "return document.querySelector('.side-panel').getBoundingClientRect().left === 0",
        vec![],
    )
    .await;
    assert!(is_shown(&app, "fm-title").await);
    app.click("new-draft").await;
    app.wait_until("the drawer closed after use", &hidden("draft-list"), vec![])
        .await;

    // Find and replace fit the phone too.
    app.click("find-open").await;
    app.wait_for_testid("find-input").await;
    assert!(is_shown(&app, "replace-all").await);
    assert_no_violations(app.axe_serious().await, "phone, find bar, dark");
    app.click("find-close").await;
    assert_no_violations(app.axe_serious().await, "phone, dark");

    // The desktop: everything in the header, no menu or drawer buttons; axe again.
    viewport(&app, 1440, 900).await;
    app.wait_until("the desktop layout", &shown("layout-preview"), vec![])
        .await;
    assert!(!is_shown(&app, "menu").await);
    assert!(!is_shown(&app, "panels-toggle").await);
    assert!(is_shown(&app, "draft-list").await);
    assert!(is_shown(&app, "outline").await);
    assert_no_violations(app.axe_serious().await, "1440×900, dark");
    app.close().await;
}

const OUTLINED: &str = "---\ntitle: Outlined\n---\n# Start\n\nIntro.\n\n## Setup & more\n\n{PARAS}\n\n## Setup & more\n\n{PARAS}\n\n### Deep *dive*\n\n{PARAS}\n\n## Named {#custom-id}\n\n{PARAS}\n\n## The end\n\n{PARAS}\n";

fn outlined_post() -> String {
    let paras = (0..25)
        .map(|i| format!("Paragraph {i} of a section that is long enough to scroll."))
        .collect::<Vec<_>>()
        .join("\n\n");
    OUTLINED.replace("{PARAS}", &paras)
}

#[tokio::test]
async fn the_outline_has_the_previews_ids_and_a_click_scrolls_both_panes() {
    let app = App::open().await;
    viewport(&app, 1440, 900).await;
    let post = outlined_post();
    app.paste_over(&post).await;
    app.wait_for_count("outline-item", 6).await;
    let ids = app
        .js(
            "return [...document.querySelectorAll('[data-testid=outline-item]')].map(b => b.dataset.id)",
            vec![],
        )
        .await;
    let preview_ids = app
        .js(
            &format!(
                "return [...{PREVIEW_JS}.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => h.id)"
            ),
            vec![],
        )
        .await;
    assert_eq!(ids, preview_ids, "the outline's ids are the preview's");
    assert_eq!(
        ids,
        json!([
            "start",
            "setup--more",
            "setup--more-1",
            "deep-dive",
            "custom-id",
            "the-end"
        ])
    );
    let texts = app
        .js(
            "return [...document.querySelectorAll('[data-testid=outline-item]')].map(b => b.textContent)",
            vec![],
        )
        .await;
    assert_eq!(texts[3], json!("Deep dive"));

    // A click on "The end": both panes bring it to the top, its section is marked.
    app.click_css("[data-testid=outline-item][data-id=the-end]")
        .await;
    app.wait_until(
        "the preview at the heading",
        &format!(
            "const h = {PREVIEW_JS}.querySelector('#the-end');
             const top = h.getBoundingClientRect().top;
             return top >= -2 && top < 40;"
        ),
        vec![],
    )
    .await;
    let editor = app
        .js(
            "const ed = document.querySelector('[data-testid=editor]');
             const at = ed.value.indexOf('## The end');
             return [ed.scrollTop, ed.selectionStart === at, ed.scrollHeight - ed.clientHeight];",
            vec![],
        )
        .await;
    assert!(
        editor[0].as_f64().unwrap() > 200.0,
        "the editor scrolled: {editor}"
    );
    assert_eq!(
        editor[1],
        json!(true),
        "the caret is on the heading: {editor}"
    );
    app.wait_until(
        "the caret's section marked",
        "const b = document.querySelector('[data-testid=outline-item][aria-current]');
         return !!b && b.dataset.id === 'the-end'",
        vec![],
    )
    .await;

    // Back to the first one: both panes go up again.
    app.click_css("[data-testid=outline-item][data-id=start]")
        .await;
    app.wait_until(
        "both panes at the top",
        &format!(
            "return document.querySelector('[data-testid=editor]').scrollTop < 200
               && {PREVIEW_JS}.querySelector('#start').getBoundingClientRect().top >= -2
               && {PREVIEW_JS}.ownerDocument.defaultView.scrollY < 40"
        ),
        vec![],
    )
    .await;

    // Typing a heading: the outline follows once typing pauses.
    app.js(
        "const ed = document.querySelector('[data-testid=editor]');
         ed.focus(); ed.setSelectionRange(ed.value.length, ed.value.length);
         document.execCommand('insertText', false, '\\n## Added later\\n');",
        vec![],
    )
    .await;
    app.wait_for_count("outline-item", 7).await;
    app.close().await;
}

#[tokio::test]
async fn focus_mode_is_remembered_and_typewriter_scrolling_centres_the_caret() {
    let app = App::open().await;
    viewport(&app, 1440, 900).await;
    let lines: String = (0..200).map(|i| format!("Line {i}\n")).collect();
    app.paste_over(&format!("---\ntitle: Focus\n---\n{lines}"))
        .await;
    app.click("focus-mode").await;
    app.wait_until("focus mode", &hidden("draft-list"), vec![])
        .await;
    for hidden in ["preview", "fmt-bold", "export-md"] {
        assert!(
            !is_shown(&app, hidden).await,
            "{hidden} hidden in focus mode"
        );
    }
    let padding = app
        .js(
            "return parseFloat(getComputedStyle(document.querySelector('[data-testid=editor]')).paddingLeft)",
            vec![],
        )
        .await;
    assert!(
        padding.as_f64().unwrap() > 200.0,
        "the text centred: {padding}"
    );
    // The preview beside it, on choice.
    app.click("focus-preview").await;
    app.wait_until("the preview in focus mode", &shown("preview"), vec![])
        .await;
    app.click("focus-preview").await;

    // Remembered across a reload.
    app.client.refresh().await.expect("reload");
    app.wait_for_testid("focus-mode").await;
    app.wait_until(
        "focus mode after the reload",
        "return document.documentElement.hasAttribute('data-focus')
           && document.querySelector('[data-testid=focus-mode]').getAttribute('aria-pressed') === 'true'",
        vec![],
    )
    .await;
    assert!(!is_shown(&app, "draft-list").await);

    // Typewriter scrolling: after typing on line 120, that line is in the middle.
    app.click("focus-typewriter").await;
    app.js(
        "const ed = document.querySelector('[data-testid=editor]');
         const at = ed.value.indexOf('Line 120\\n') + 8;
         ed.focus(); ed.setSelectionRange(at, at);",
        vec![],
    )
    .await;
    app.keys_in_editor("!", false).await;
    app.wait_until(
        "the caret line in the middle",
        "const ed = document.querySelector('[data-testid=editor]');
         const s = getComputedStyle(ed);
         const lh = parseFloat(s.lineHeight), pad = parseFloat(s.paddingTop);
         const line = ed.value.slice(0, ed.selectionStart).split('\\n').length - 1;
         const middle = pad + line * lh + lh / 2 - ed.scrollTop;
         return Math.abs(middle - ed.clientHeight / 2) < 2 * lh;",
        vec![],
    )
    .await;

    // Ctrl+Shift+F leaves focus mode.
    let ctrl_shift_f = format!(
        "{}{}F{}",
        char::from(Key::Control),
        char::from(Key::Shift),
        char::from(Key::Null)
    );
    app.press(&ctrl_shift_f).await;
    app.wait_until(
        "focus mode left",
        "return !document.documentElement.hasAttribute('data-focus')",
        vec![],
    )
    .await;
    assert!(is_shown(&app, "draft-list").await);
    app.close().await;
}

#[tokio::test]
async fn the_spell_checker_follows_the_posts_language() {
    let app = App::open().await;
    app.paste_over("---\ntitle: Hallo\nlang: de_DE\n---\nGuten Tag.\n")
        .await;
    let lang = "return document.querySelector('[data-testid=editor]').getAttribute('lang')";
    app.wait_until(
        "the post's language",
        &format!("{lang} === 'de-DE'"),
        vec![],
    )
    .await;
    assert_eq!(
        app.js(
            "return document.querySelector('[data-testid=editor]').spellcheck",
            vec![]
        )
        .await,
        json!(true)
    );
    app.paste_over("---\ntitle: Hello\n---\nGood day.\n").await;
    app.wait_until(
        "the page's language again",
        &format!("{lang} === null"),
        vec![],
    )
    .await;
    app.close().await;
}

#[tokio::test]
async fn on_a_phone_the_keyboard_coming_up_never_hides_the_caret_line() {
    let app = App::open().await;
    viewport(&app, 390, 844).await;
    let lines: String = (0..200).map(|i| format!("Line {i}\n")).collect();
    app.paste_over(&format!("---\ntitle: Keyboard\n---\n{lines}"))
        .await;
    // The caret on the last line the editor shows, the editor scrolled to the top.
    let line = app
        .js(
            "const ed = document.querySelector('[data-testid=editor]');
             const s = getComputedStyle(ed);
             const lh = parseFloat(s.lineHeight), pad = parseFloat(s.paddingTop);
             const line = Math.floor((ed.clientHeight - pad) / lh) - 2;
             const at = ed.value.split('\\n').slice(0, line).join('\\n').length + 1;
             ed.focus(); ed.setSelectionRange(at, at); ed.scrollTop = 0;
             return line;",
            vec![],
        )
        .await;
    // The on-screen keyboard takes the lower 40 % of the screen.
    app.cdp(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": 390, "height": 500, "deviceScaleFactor": 1, "mobile": true }),
    )
    .await;
    app.wait_until(
        "the caret line in view above the keyboard",
        "const ed = document.querySelector('[data-testid=editor]');
         const s = getComputedStyle(ed);
         const lh = parseFloat(s.lineHeight), pad = parseFloat(s.paddingTop);
         const top = pad + arguments[0] * lh;
         return window.innerHeight === 500 && ed.getBoundingClientRect().bottom <= 500
           && top >= ed.scrollTop && top + lh <= ed.scrollTop + ed.clientHeight;",
        vec![line],
    )
    .await;
    app.close().await;
}
