//! The preview in the built app: a sandboxed frame that runs none of a hostile post's
//! scripts and leaves the app working, and that scrolls with the editor.

use quire_e2e::hostile::{expected_refusal, ids, settled, FIRED, VECTORS};
use quire_e2e::{App, PREVIEW_JS};
use serde_json::json;

#[tokio::test]
async fn hostile_html_runs_no_script_and_the_app_keeps_working() {
    let app = App::open().await;
    assert!(
        VECTORS.matches("pwned(").count() >= 50,
        "at least 50 vectors"
    );

    // The control: in a plain page without the sandbox, the same vectors do run.
    app.client.goto("about:blank").await.expect("a blank page");
    app.js(
        "window.__pwned = []; window.pwned = id => window.__pwned.push(id);
         document.body.innerHTML = arguments[0];",
        vec![json!(VECTORS)],
    )
    .await;
    app.client
        .execute_async(&settled(), vec![json!("page")])
        .await
        .expect("the control page settles");
    let control = ids(app.js(FIRED, vec![]).await);
    assert!(
        control.len() >= 10,
        "the vectors are live: only {control:?} ran in an unprotected page"
    );

    eprintln!(
        "control: {} of the vectors ran in an unprotected page",
        control.len()
    );
    // What the control page logged is not the app's.
    let _ = app.console_errors().await;

    // The app: the same text as the post's body, shown in the preview.
    app.client
        .goto(&app.base_url)
        .await
        .expect("back to the app");
    app.wait_for_testid("editor").await;
    app.js(
        "window.__pwned = []; window.pwned = id => window.__pwned.push(id);",
        vec![],
    )
    .await;
    let post = format!("---\ntitle: Hostile\n---\n{VECTORS}\n# After the vectors\n");
    app.paste_over(&post).await;
    app.wait_until(
        "the vectors in the preview",
        &format!(
            "const p = {PREVIEW_JS};
             return !!p && [...p.querySelectorAll('h1')].some(h => h.textContent === 'After the vectors')"
        ),
        vec![],
    )
    .await;
    app.client
        .execute_async(&settled(), vec![json!("preview")])
        .await
        .expect("the preview settles");

    // No link is left that would run code when followed.
    let risky = app
        .js(
            &format!(
                "return [...{PREVIEW_JS}.querySelectorAll('a, area')]
                   .map(a => a.getAttribute('href') || '')
                   .filter(h => /^(javascript|vbscript|data):/.test(h.replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase()))"
            ),
            vec![],
        )
        .await;
    assert_eq!(risky, json!([]), "links that run code: {risky}");

    // Every web link opens in a new tab; none can navigate the frame or the app.
    let targets = app
        .js(
            &format!(
                "return [...{PREVIEW_JS}.querySelectorAll('a[href]')]
                   .filter(a => a.target !== '_blank').map(a => a.outerHTML)"
            ),
            vec![],
        )
        .await;
    assert_eq!(
        targets,
        json!([]),
        "links that stay in the frame: {targets}"
    );

    // Activate what a reader could, short of opening web links in new tabs: every link
    // that was disarmed, every other link-like element, every button.
    let windows_before = app.client.windows().await.expect("windows").len();
    let clicked = app
        .js(
            &format!(
                "const p = {PREVIEW_JS};
                 const all = [...p.querySelectorAll('a:not([href]), svg a, math [href], area, button, input, x, div[onmouseover]')];
                 all.forEach(el => el.dispatchEvent(new MouseEvent('click', {{ bubbles: true, cancelable: true }})));
                 return all.length;"
            ),
            vec![],
        )
        .await;
    assert!(clicked.as_i64().unwrap_or(0) >= 15, "clicked {clicked}");
    app.client
        .execute_async(&settled(), vec![json!("preview")])
        .await
        .expect("the preview settles after the clicks");

    let fired = ids(app.js(FIRED, vec![]).await);
    assert!(fired.is_empty(), "vectors ran in the app: {fired:?}");
    let state = app
        .js(
            "const f = document.querySelector('[data-testid=preview]');
             return {
               url: location.href,
               frame: f.contentDocument.URL,
               framePwned: !!f.contentWindow.__pwned,
               bodyDisplay: getComputedStyle(document.body).display,
               editorHeight: document.querySelector('[data-testid=editor]').offsetHeight,
               title: document.title,
             }",
            vec![],
        )
        .await;
    assert_eq!(
        state["url"],
        json!(app.base_url),
        "the app navigated: {state}"
    );
    assert_eq!(
        state["frame"],
        json!("about:srcdoc"),
        "the frame navigated: {state}"
    );
    assert_eq!(state["framePwned"], json!(false), "{state}");
    assert_ne!(state["bodyDisplay"], json!("none"), "{state}");
    assert!(state["editorHeight"].as_i64().unwrap_or(0) > 100, "{state}");
    assert_eq!(
        app.client.windows().await.expect("windows").len(),
        windows_before,
        "a link opened a window"
    );

    // Markdown links with a code-running scheme are rendered harmless.
    let hrefs = app
        .js(
            &format!(
                "return [...{PREVIEW_JS}.querySelectorAll('a')]
                   .filter(a => a.textContent.startsWith('markdown'))
                   .map(a => a.getAttribute('href'))"
            ),
            vec![],
        )
        .await;
    assert_eq!(hrefs, json!([null, null]), "markdown links: {hrefs}");

    // The app still edits and previews.
    app.paste_over("# Still working\n").await;
    app.wait_until(
        "the new text in the preview",
        &format!(
            "const p = {PREVIEW_JS};
             return p.children.length === 1 && p.children[0].querySelector('h1').textContent === 'Still working'"
        ),
        vec![],
    )
    .await;
    let errors = app.console_errors().await;
    let unexpected: Vec<&String> = errors.iter().filter(|e| !expected_refusal(e)).collect();
    assert!(unexpected.is_empty(), "console errors: {unexpected:#?}");
    let _ = app.client.close().await;
}

/// A post of 60 short sections whose lines never wrap, so a line's height in the editor
/// is its index times the line height.
fn sections() -> String {
    let mut post = String::from("---\ntitle: Scrolling\n---\n");
    for i in 0..60 {
        post.push_str(&format!("## Heading {i}\n\n"));
        for _ in 0..8 {
            post.push_str("A short line.\n");
        }
        post.push('\n');
    }
    post
}

/// The editor scroll offset that puts the line holding `needle` at the top.
fn line_top_js(needle: &str) -> String {
    format!(
        "const ed = document.querySelector('[data-testid=editor]');
         const cs = getComputedStyle(ed);
         const line = ed.value.slice(0, ed.value.indexOf('{needle}')).split('\\n').length - 1;
         return parseFloat(cs.paddingTop) + line * parseFloat(cs.lineHeight);"
    )
}

#[tokio::test]
async fn editor_and_preview_scroll_together_and_the_caret_block_shows() {
    let app = App::open().await;
    app.paste_over(&sections()).await;
    app.wait_until(
        "sixty headings in the preview",
        &format!("const p = {PREVIEW_JS}; return !!p && p.querySelectorAll('h2').length === 60"),
        vec![],
    )
    .await;

    // Editor -> preview: heading 40 at the editor's top brings it to the preview's top.
    let top = app.js(&line_top_js("## Heading 40"), vec![]).await;
    app.js(
        "document.querySelector('[data-testid=editor]').scrollTop = arguments[0];",
        vec![top],
    )
    .await;
    app.wait_until(
        "heading 40 at the top of the preview",
        &format!(
            "const h = [...{PREVIEW_JS}.querySelectorAll('h2')].find(h => h.textContent === 'Heading 40');
             const y = h.getBoundingClientRect().top;
             return y > -40 && y < 40;"
        ),
        vec![],
    )
    .await;

    // An editor scroll in the same task as a keystroke is not measured then (no layout is
    // read while typing): the preview follows it once typing pauses.
    let top = app.js(&line_top_js("## Heading 30"), vec![]).await;
    app.js(
        "const ed = document.querySelector('[data-testid=editor]');
         const at = ed.value.indexOf('## Heading 45');
         ed.focus();
         ed.setSelectionRange(at, at);
         document.execCommand('insertText', false, 'x');
         ed.scrollTop = arguments[0];",
        vec![top],
    )
    .await;
    app.wait_until(
        "heading 30 at the top of the preview after the pause",
        &format!(
            "const h = [...{PREVIEW_JS}.querySelectorAll('h2')].find(h => h.textContent === 'Heading 30');
             const y = h.getBoundingClientRect().top;
             return y > -40 && y < 40;"
        ),
        vec![],
    )
    .await;

    // Preview -> editor: heading 20 at the preview's top brings its line to the editor's.
    app.js(
        &format!(
            "const p = {PREVIEW_JS};
             const h = [...p.querySelectorAll('h2')].find(h => h.textContent === 'Heading 20');
             const w = p.ownerDocument.defaultView;
             w.scrollTo(0, h.getBoundingClientRect().top + w.scrollY);"
        ),
        vec![],
    )
    .await;
    let expected = app.js(&line_top_js("## Heading 20"), vec![]).await;
    app.wait_until(
        "heading 20's line at the top of the editor",
        "const ed = document.querySelector('[data-testid=editor]');
         const lh = parseFloat(getComputedStyle(ed).lineHeight);
         return Math.abs(ed.scrollTop - arguments[0]) < 2 * lh;",
        vec![expected],
    )
    .await;

    // The caret's block is marked and brought into the preview's view.
    app.js(
        "const ed = document.querySelector('[data-testid=editor]');
         const at = ed.value.indexOf('## Heading 55') + 5;
         ed.focus();
         ed.setSelectionRange(at, at);
         ed.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true, key: 'ArrowRight' }));",
        vec![],
    )
    .await;
    app.wait_until(
        "heading 55 marked and visible in the preview",
        &format!(
            "const p = {PREVIEW_JS};
             const b = p.querySelector('.caret-block');
             if (!b || b.textContent.trim() !== 'Heading 55') return false;
             const r = b.getBoundingClientRect();
             // Scrolled to the nearest edge: within a pixel of it (sub-pixel layout).
             return r.top >= -1 && r.bottom <= p.ownerDocument.defaultView.innerHeight + 1;"
        ),
        vec![],
    )
    .await;
    app.close().await;
}

#[tokio::test]
async fn footnotes_are_listed_at_the_end_and_their_links_scroll_the_preview() {
    let app = App::open().await;
    let filler: String = (0..60)
        .map(|i| format!("Paragraph {i} of a post long enough to scroll.\n\n"))
        .collect();
    app.paste_over(&format!(
        "---\ntitle: Notes\n---\nA claim[^n] at the top.\n\n{filler}[^n]: The note, *at the end*.\n\nLast words.\n"
    ))
    .await;
    let in_view = |id: &str| {
        format!(
            "const p = {PREVIEW_JS}; if (!p) return false;
             const e = p.ownerDocument.getElementById('{id}'); if (!e) return false;
             const r = e.getBoundingClientRect();
             return r.top >= -1 && r.top < p.ownerDocument.defaultView.innerHeight;"
        )
    };
    // As Jekyll writes it: numbered reference, the note after the last paragraph.
    app.wait_until(
        "the note listed after the last paragraph",
        &format!(
            "const p = {PREVIEW_JS}; if (!p) return false;
             const sup = p.querySelector('sup#fnref\\\\:n');
             const notes = p.querySelector('div.footnotes');
             return !!sup && sup.textContent === '1' && !!notes
               && notes.querySelector('li#fn\\\\:n em').textContent === 'at the end'
               && p.textContent.indexOf('Last words.') < p.textContent.indexOf('The note')
               && !!notes.querySelector('a.reversefootnote');"
        ),
        vec![],
    )
    .await;
    // The caret at the top: the preview shows the reference, not the note.
    app.js(
        "const ed = document.querySelector('[data-testid=editor]');
         ed.focus();
         ed.setSelectionRange(30, 30);
         ed.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true, key: 'ArrowUp' }));",
        vec![],
    )
    .await;
    app.wait_until("the reference in view", &in_view("fnref:n"), vec![])
        .await;
    assert_eq!(app.js(&in_view("fn:n"), vec![]).await, json!(false));
    app.js(
        &format!("{PREVIEW_JS}.querySelector('sup#fnref\\\\:n a').click();"),
        vec![],
    )
    .await;
    app.wait_until("the note scrolled into view", &in_view("fn:n"), vec![])
        .await;
    app.js(
        &format!("{PREVIEW_JS}.querySelector('a.reversefootnote').click();"),
        vec![],
    )
    .await;
    app.wait_until(
        "the reference scrolled back into view",
        &in_view("fnref:n"),
        vec![],
    )
    .await;
    // Typing: numbers and the list are filled in across the body, which is re-rendered
    // by window. A reference to a note not yet written stays text; written, it comes first.
    app.type_after("A claim", " first[^z]").await;
    app.wait_until(
        "the reference to an unwritten note as text",
        &format!("return {PREVIEW_JS}.textContent.includes('A claim first[^z]');"),
        vec![],
    )
    .await;
    app.type_after("Last words.", "\n\n[^z]: Zed note.").await;
    let notes = |expected: &str| {
        format!(
            "const p = {PREVIEW_JS};
             const refs = [...p.querySelectorAll('sup[role=doc-noteref]')]
               .map(s => s.id + '=' + s.textContent);
             const list = [...p.querySelectorAll('div.footnotes li')]
               .map(li => li.id + ':' + li.textContent.trim());
             return p.querySelectorAll('div.footnotes').length === 1
               && p.textContent.indexOf('Last words.') < p.textContent.indexOf('Zed note.')
               && JSON.stringify([refs, list]) === {expected:?};"
        )
    };
    app.wait_until(
        "the new note numbered first",
        &notes(
            "[[\"fnref:z=1\",\"fnref:n=2\"],\
             [\"fn:z:Zed note.\u{a0}\u{21a9}\",\"fn:n:The note, at the end.\u{a0}\u{21a9}\"]]",
        ),
        vec![],
    )
    .await;
    // A second reference in the middle, then words typed into a note.
    app.type_after("Paragraph 30 of", "[^n]").await;
    app.type_after("The note, ", "new words ").await;
    app.wait_until(
        "the second reference and the note's new words",
        &notes(
            "[[\"fnref:z=1\",\"fnref:n=2\",\"fnref:n:1=2\"],\
             [\"fn:z:Zed note.\u{a0}\u{21a9}\",\
             \"fn:n:The note, new words at the end.\u{a0}\u{21a9}\u{a0}\u{21a9}2\"]]",
        ),
        vec![],
    )
    .await;
    assert!(app.console_errors().await.is_empty());
    app.close().await;
}
