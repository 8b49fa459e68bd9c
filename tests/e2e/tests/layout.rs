//! Layout and theme in the built app: tabs on a phone, dark colours when the system asks
//! for them (app and preview), the writer's choices remembered.

use quire_e2e::{App, PREVIEW_JS};
use serde_json::json;

/// Whether the element with this test id is shown (laid out with a size).
fn shown(id: &str) -> String {
    format!(
        "const el = document.querySelector('[data-testid={id}]');
         return !!el && el.getClientRects().length > 0 && el.offsetWidth > 0;"
    )
}

#[tokio::test]
async fn on_a_narrow_screen_source_and_preview_are_tabs() {
    let app = App::open().await;
    app.cdp(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": 390, "height": 800, "deviceScaleFactor": 1, "mobile": true }),
    )
    .await;
    app.wait_until("the tabs on a phone", &shown("tab-editor"), vec![])
        .await;
    assert_eq!(app.js(&shown("editor"), vec![]).await, json!(true));
    assert_eq!(app.js(&shown("preview"), vec![]).await, json!(false));
    app.js(
        "document.querySelector('[data-testid=tab-preview]').click()",
        vec![],
    )
    .await;
    app.wait_until("the preview tab", &shown("preview"), vec![])
        .await;
    assert_eq!(app.js(&shown("editor"), vec![]).await, json!(false));
    let selected = app
        .js(
            "return document.querySelector('[data-testid=tab-preview]').getAttribute('aria-selected')",
            vec![],
        )
        .await;
    assert_eq!(selected, json!("true"));

    // A wide window again: no tabs.
    app.cdp("Emulation.clearDeviceMetricsOverride", json!({}))
        .await;
    app.wait_until(
        "no tabs on a wide window",
        "const t = document.querySelector('[data-testid=tab-editor]'); return t.getClientRects().length === 0",
        vec![],
    )
    .await;
    app.close().await;
}

#[tokio::test]
async fn a_dark_system_gets_the_dark_theme_in_app_and_preview() {
    let app = App::open().await;
    let colours = "const f = document.querySelector('[data-testid=preview]');
         return [getComputedStyle(document.body).backgroundColor,
                 getComputedStyle(f.contentDocument.body).backgroundColor];";
    let light = app.js(colours, vec![]).await;
    app.cdp(
        "Emulation.setEmulatedMedia",
        json!({ "features": [{ "name": "prefers-color-scheme", "value": "dark" }] }),
    )
    .await;
    app.wait_until(
        "dark colours",
        "const f = document.querySelector('[data-testid=preview]');
         return getComputedStyle(document.body).backgroundColor === 'rgb(21, 23, 26)'
           && getComputedStyle(f.contentDocument.body).backgroundColor === 'rgb(28, 31, 35)';",
        vec![],
    )
    .await;
    assert_eq!(light, json!(["rgb(251, 250, 247)", "rgb(255, 255, 255)"]));

    // The writer's choice wins over the system's, and is remembered.
    app.js(
        "document.querySelector('[data-testid=theme-toggle]').click()",
        vec![],
    )
    .await; // system -> dark
    app.js(
        "document.querySelector('[data-testid=theme-toggle]').click()",
        vec![],
    )
    .await; // dark -> light
    app.wait_until(
        "light chosen on a dark system",
        "return document.documentElement.dataset.theme === 'light'
           && getComputedStyle(document.body).backgroundColor === 'rgb(251, 250, 247)'",
        vec![],
    )
    .await;
    app.client.refresh().await.expect("reload");
    app.wait_for_testid("editor").await;
    app.wait_until(
        "light still chosen after a reload, in the preview too",
        &format!(
            "const p = {PREVIEW_JS};
             return document.documentElement.dataset.theme === 'light' && !!p
               && p.ownerDocument.documentElement.dataset.theme === 'light'
               && getComputedStyle(p.ownerDocument.body).backgroundColor === 'rgb(255, 255, 255)'"
        ),
        vec![],
    )
    .await;
    app.close().await;
}

#[tokio::test]
async fn layout_modes_and_the_divider_are_remembered() {
    let app = App::open().await;
    app.js(
        "document.querySelector('[data-testid=layout-editor]').click()",
        vec![],
    )
    .await;
    app.wait_until("source only", &shown("editor"), vec![])
        .await;
    assert_eq!(app.js(&shown("preview"), vec![]).await, json!(false));
    app.js(
        "document.querySelector('[data-testid=layout-split]').click()",
        vec![],
    )
    .await;
    app.wait_until("split again", &shown("preview"), vec![])
        .await;
    // The divider moves with the keyboard.
    app.js(
        "const d = document.querySelector('[data-testid=divider]'); d.focus();
         d.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));",
        vec![],
    )
    .await;
    app.wait_until(
        "a wider source",
        "const d = document.querySelector('[data-testid=divider]');
         const ed = document.querySelector('[data-testid=editor]').getBoundingClientRect().width;
         const pv = document.querySelector('[data-testid=preview]').getBoundingClientRect().width;
         return d.getAttribute('aria-valuenow') === '55' && ed > pv;",
        vec![],
    )
    .await;
    // And with the pointer: dragged to a quarter of the way between the panes.
    app.js(
        "const d = document.querySelector('[data-testid=divider]');
         const left = d.previousElementSibling.getBoundingClientRect().left;
         const right = d.nextElementSibling.getBoundingClientRect().right;
         const at = (x) => ({ bubbles: true, clientX: x, clientY: 200, pointerId: 1 });
         d.dispatchEvent(new PointerEvent('pointerdown', at(left + (right - left) / 2)));
         d.dispatchEvent(new PointerEvent('pointermove', at(left + (right - left) / 4)));
         d.dispatchEvent(new PointerEvent('pointerup', at(left + (right - left) / 4)));",
        vec![],
    )
    .await;
    app.wait_until(
        "the divider dragged to a quarter",
        "return document.querySelector('[data-testid=divider]').getAttribute('aria-valuenow') === '25'",
        vec![],
    )
    .await;
    app.js(
        "document.querySelector('[data-testid=layout-preview]').click()",
        vec![],
    )
    .await;
    app.client.refresh().await.expect("reload");
    app.wait_for_testid("editor").await;
    app.wait_until(
        "preview only after a reload",
        &format!("{} ", shown("preview")),
        vec![],
    )
    .await;
    assert_eq!(app.js(&shown("editor"), vec![]).await, json!(false));
    app.close().await;
}
