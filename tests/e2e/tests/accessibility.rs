//! axe-core (4.14.1, vendored unmodified in `tests/e2e/fixtures/`, MPL-2.0) run against the
//! built app in Chromium: no serious or critical violations, in the default layout, with
//! a post loaded, with the dark theme, and on a phone.

use quire_e2e::{seed_post, App};
use serde_json::json;

#[tokio::test]
async fn axe_finds_no_serious_or_critical_violations() {
    let app = App::open().await;
    app.wait_for_testid("fm-title").await;
    let found = app.axe_serious().await;
    assert!(found.is_empty(), "template post, light: {found:#?}");

    // Every kind of form widget: text, chips, date-time, checkbox.
    let post = seed_post().replacen(
        "layout: post\n",
        "layout: post\ntags: [reading, links]\ndate: 2026-01-31 09:00:00 +0100\npublished: true\n",
        1,
    );
    app.paste_over(&post).await;
    app.wait_for_testid("fm-tags").await;
    app.wait_for_testid("fm-published").await;
    app.js(
        "document.querySelector('[data-testid=theme-toggle]').click()",
        vec![],
    )
    .await; // dark
    app.wait_until(
        "the dark theme",
        "return document.documentElement.dataset.theme === 'dark'",
        vec![],
    )
    .await;
    let found = app.axe_serious().await;
    assert!(found.is_empty(), "seed post, dark: {found:#?}");

    app.cdp(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": 390, "height": 800, "deviceScaleFactor": 1, "mobile": true }),
    )
    .await;
    app.wait_until(
        "the phone layout",
        "return document.querySelector('[data-testid=tab-editor]').offsetWidth > 0",
        vec![],
    )
    .await;
    let found = app.axe_serious().await;
    assert!(found.is_empty(), "phone: {found:#?}");
    app.close().await;
}
