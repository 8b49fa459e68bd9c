//! A site built in a time zone (`timezone:`): the URLs and the Liquid times of its posts,
//! as Jekyll 4.3.1 built them with `timezone: America/Los_Angeles` and `permalink:
//! /:year/:month/:day/:title/`.

use crate::render::{render_body, Flavour, Settings};
use crate::site::SiteKind;
use crate::site_config::{self, SiteConfig};
use crate::{LocalDateTime, Zone};

/// Los Angeles from 2012 to 2022, as the browser's zone database gives it: PST (-8 h) and
/// PDT (-7 h) from the second Sunday of March to the first Sunday of November.
fn los_angeles() -> Zone {
    let changes = [
        1_331_460_000,
        1_352_019_600,
        1_362_909_600,
        1_383_469_200,
        1_394_359_200,
        1_414_918_800,
        1_425_808_800,
        1_446_368_400,
        1_457_863_200,
        1_478_422_800,
        1_489_312_800,
        1_509_872_400,
        1_520_762_400,
        1_541_322_000,
        1_552_212_000,
        1_572_771_600,
        1_583_661_600,
        1_604_221_200,
        1_615_716_000,
        1_636_275_600,
        1_647_165_600,
        1_667_725_200,
    ];
    let offsets = changes
        .iter()
        .enumerate()
        .map(|(i, at)| (*at, if i % 2 == 0 { -420 } else { -480 }))
        .collect();
    Zone::new("America/Los_Angeles", -480, offsets)
}

fn site() -> SiteConfig {
    let mut config = site_config::read(
        SiteKind::Jekyll,
        "_config.yml",
        "timezone: America/Los_Angeles\npermalink: /:year/:month/:day/:title/\n",
    )
    .expect("a config");
    assert_eq!(config.timezone(), Some("America/Los_Angeles"));
    config.zone = los_angeles();
    config
}

const BODY: &str = "{{ page.date }}; {{ page.date | date: \"%Y-%m-%d %H:%M %z\" }}; \
{{ page.date | date_to_xmlschema }}; {{ page.date | date_to_rfc822 }}; \
{{ \"2015-03-02 17:05:09 +0100\" | date: \"%H:%M %z\" }}; \
{{ \"2015-03-02 17:05:09\" | date: \"%H:%M %z\" }}; \
{{ \"2015-07-02 17:05:09 +0100\" | date_to_xmlschema }}; \
{{ 1425312309 | date: \"%F %T %z\" }}; {{ \"2015-03-02\" | date_to_string }}";

/// What Jekyll wrote after the post's own date: the same for every post.
const REST: &str = "17:05 +0100; 17:05 -0800; 2015-07-02T09:05:09-07:00; \
2015-03-02 08:05:09 -0800; 02 Mar 2015";

/// The browser's clock at `hour` UTC on a day.
fn utc(year: i32, month: u8, day: u8, hour: u8) -> LocalDateTime {
    LocalDateTime {
        year,
        month,
        day,
        hour,
        minute: 0,
        second: 0,
        offset_minutes: 0,
    }
}

/// `body` in the Jekyll flavour with the site's variables `site`.
fn render(body: &str, site: crate::render::liquid::SiteVars) -> String {
    render_body(
        body,
        &Settings {
            flavour: Flavour::Jekyll,
            site,
            ..Default::default()
        },
    )
}

/// The preview's paragraph with its marks of resolved Liquid taken out.
fn shown(html: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in html.trim().chars() {
        match c {
            '<' => inside = true,
            '>' => inside = false,
            c if !inside => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn posts_of_a_site_built_in_a_zone_have_its_dates() {
    let config = site();
    let today = utc(2026, 12, 1, 12);
    let cases = [
        (
            "_posts/2013-05-06-quoted-offset.md",
            "date: \"2013-05-06 02:12:52 +0200\"",
            "/2013/05/05/quoted-offset/",
            "2013-05-05 17:12:52 -0700; 2013-05-05 17:12 -0700; 2013-05-05T17:12:52-07:00; Sun, 05 May 2013 17:12:52 -0700",
        ),
        // A time without quotes and without an offset is a YAML timestamp: UTC.
        (
            "_posts/2015-12-03-bare-time.md",
            "date: 2015-12-03 02:01:01",
            "/2015/12/02/bare-time/",
            "2015-12-02 18:01:01 -0800; 2015-12-02 18:01 -0800; 2015-12-02T18:01:01-08:00; Wed, 02 Dec 2015 18:01:01 -0800",
        ),
        // Quoted, it is the zone's wall clock.
        (
            "_posts/2015-12-03-quoted-time.md",
            "date: \"2015-12-03 02:01:01\"",
            "/2015/12/03/quoted-time/",
            "2015-12-03 02:01:01 -0800; 2015-12-03 02:01 -0800; 2015-12-03T02:01:01-08:00; Thu, 03 Dec 2015 02:01:01 -0800",
        ),
        (
            "_posts/2021-03-14-from-name.md",
            "title: d",
            "/2021/03/14/from-name/",
            "2021-03-14 00:00:00 -0800; 2021-03-14 00:00 -0800; 2021-03-14T00:00:00-08:00; Sun, 14 Mar 2021 00:00:00 -0800",
        ),
        (
            "_posts/2021-03-14-bare-date.md",
            "date: 2021-03-14",
            "/2021/03/14/bare-date/",
            "2021-03-14 00:00:00 -0800; 2021-03-14 00:00 -0800; 2021-03-14T00:00:00-08:00; Sun, 14 Mar 2021 00:00:00 -0800",
        ),
        (
            "_posts/2021-07-01-summer.md",
            "date: 2021-07-01 03:00:00 +0000",
            "/2021/06/30/summer/",
            "2021-06-30 20:00:00 -0700; 2021-06-30 20:00 -0700; 2021-06-30T20:00:00-07:00; Wed, 30 Jun 2021 20:00:00 -0700",
        ),
    ];
    for (path, front, url, dates) in cases {
        let src = format!("---\n{front}\n---\n{BODY}\n");
        let got = site_config::post_url(&config, path, &src, &today).expect("a url");
        assert_eq!(got.path, url, "{path}");
        let page =
            crate::render::liquid::page_vars(&src, BODY, Some(path), Some(url), &[], &config.zone);
        let mut site = crate::render::liquid::SiteVars::of(&config, Vec::new());
        site.page = page;
        let html = render(BODY, site);
        assert_eq!(shown(&html), format!("{dates}; {REST}"), "{path}");
    }
}

/// `site.time` is written on the zone's clock; the future check compares moments.
#[test]
fn the_build_time_and_the_future_are_the_zones() {
    let config = site();
    let mut site = crate::render::liquid::SiteVars::of(&config, Vec::new());
    site.set_time(&utc(2021, 7, 1, 3));
    assert_eq!(site.time.as_deref(), Some("2021-06-30 20:00:00 -0700"));
    let html = render("{{ site.time | date: \"%F %H:%M %z\" }}", site);
    assert_eq!(shown(&html), "2021-06-30 20:00 -0700");
}

/// Times no post has are left as written, and nothing overflows on them.
#[test]
fn times_out_of_range_are_left_as_written() {
    let config = site();
    for body in [
        "{{ 99999999999999999 | date: \"%Y\" }}",
        "{{ 9223372036854775807 | date: \"%Y\" }}",
        "{{ \"99999999999-01-01\" | date_to_xmlschema }}",
        "{{ \"9223372036854775807-12-31 23:59:59 +2359\" | date: \"%s\" }}",
    ] {
        let html = render(
            body,
            crate::render::liquid::SiteVars::of(&config, Vec::new()),
        );
        assert!(html.contains("{{"), "{body}: {html}");
    }
    for date in [
        "99999999999-01-01",
        "9223372036854775807-12-31 23:59:59 +2359",
    ] {
        let src = format!("---\ndate: {date}\n---\n{{{{ page.date }}}}\n");
        let url = site_config::post_url(
            &config,
            "_posts/2020-01-01-x.md",
            &src,
            &utc(2026, 12, 1, 0),
        );
        assert_eq!(
            url.map(|u| u.path).as_deref(),
            Ok("/2020/01/01/x/"),
            "{date}"
        );
    }
    // The last second of 9999 is a time.
    let html = render(
        "{{ 253402300799 | date: \"%F %T\" }}",
        crate::render::liquid::SiteVars::of(&config, Vec::new()),
    );
    assert!(html.contains("9999-12-31 15:59:59"), "{html}");
}
