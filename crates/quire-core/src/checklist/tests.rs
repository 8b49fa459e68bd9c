use super::*;
use crate::site::SiteKind;

fn now() -> LocalDateTime {
    LocalDateTime {
        year: 2026,
        month: 12,
        day: 1,
        hour: 12,
        minute: 0,
        second: 0,
        offset_minutes: 60,
    }
}

fn kinds(found: &[Check]) -> Vec<CheckKind> {
    let mut kinds: Vec<CheckKind> = found.iter().map(|c| c.kind).collect();
    kinds.sort();
    kinds
}

#[test]
fn a_post_with_every_defect_gets_every_item_at_its_line() {
    let config = crate::site_config::read(SiteKind::Jekyll, "_config.yml", "url: https://x.org\n")
        .expect("a config");
    let description = "d".repeat(161);
    let src = format!(
        "---\ndate: 2027-01-01 10:00:00 +0100\ndescription: {description}\n---\nText.\n\n![](/assets/a.png)\n\n![A photo](/assets/gone.png)\n\nSee [old]({{% post_url 2020-01-01-gone %}}) and [ok]({{% post_url 2026-05-04-trip %}}).\n"
    );
    let posts = vec![
        (
            "_posts/2026-05-04-trip.md".to_string(),
            "/2026/05/04/trip.html".to_string(),
        ),
        (
            "_posts/2026-06-01-same.md".to_string(),
            "/mine.html".to_string(),
        ),
    ];
    let images: BTreeSet<String> = ["/assets/a.png".to_string()].into_iter().collect();
    let facts = SiteFacts {
        config: Some(&config),
        url: Some("/mine.html"),
        path: Some("_posts/2027-01-01-mine.md"),
        posts: &posts,
        images: Some(&images),
        inherited: &[],
    };
    let found = check(&src, &facts, &now());
    assert_eq!(
        kinds(&found),
        [
            CheckKind::NoTitle,
            CheckKind::LongDescription,
            CheckKind::FutureDate,
            CheckKind::DuplicateUrl,
            CheckKind::ImageNoAlt,
            CheckKind::MissingImage,
            CheckKind::MissingPost,
        ]
    );
    let at = |kind: CheckKind| found.iter().find(|c| c.kind == kind).map(|c| c.at).unwrap();
    assert_eq!(&src[at(CheckKind::FutureDate)..][..5], "date:");
    assert_eq!(&src[at(CheckKind::LongDescription)..][..12], "description:");
    assert!(src[at(CheckKind::ImageNoAlt)..].starts_with("/assets/a.png"));
    assert!(src[at(CheckKind::MissingImage)..].starts_with("/assets/gone.png"));
    assert!(src[at(CheckKind::MissingPost)..].starts_with("{% post_url 2020-01-01-gone %}"));
    assert_eq!(
        found
            .iter()
            .find(|c| c.kind == CheckKind::MissingPost)
            .unwrap()
            .message,
        "No post named 2020-01-01-gone in the site ({% post_url %} would fail the build)."
    );
}

#[test]
fn a_clean_post_has_nothing_to_look_at() {
    let config = crate::site_config::read(SiteKind::Jekyll, "_config.yml", "future: false\n")
        .expect("a config");
    let src = "---\ntitle: Fine\ndate: 2026-12-01 11:30:00 +0100\ndescription: Short.\n---\n![A cat](/cat.png)\n";
    let images: BTreeSet<String> = ["/cat.png".to_string()].into_iter().collect();
    let facts = SiteFacts {
        config: Some(&config),
        url: Some("/a.html"),
        images: Some(&images),
        ..Default::default()
    };
    assert_eq!(check(src, &facts, &now()), []);
    // 11:30 UTC is 12:30 here: the future; 10:30 UTC is not.
    let later = "---\ntitle: x\ndate: 2026-12-01 11:30:00 +0000\n---\n";
    assert_eq!(
        kinds(&check(later, &facts, &now())),
        [CheckKind::FutureDate]
    );
    let earlier = "---\ntitle: x\ndate: 2026-12-01 10:30:00 +0000\n---\n";
    assert_eq!(check(earlier, &facts, &now()), []);
    // A title from the defaults counts; no config: no date or site checks.
    let inherited = [(
        "title".to_string(),
        Value::String("From defaults".to_string()),
    )];
    let untitled = SiteFacts {
        inherited: &inherited,
        ..Default::default()
    };
    assert_eq!(check("---\ndate: 2099-01-01\n---\n", &untitled, &now()), []);
    let future_ok = crate::site_config::read(SiteKind::Jekyll, "_config.yml", "future: true\n")
        .expect("a config");
    let facts = SiteFacts {
        config: Some(&future_ok),
        ..Default::default()
    };
    assert_eq!(
        check("---\ntitle: x\ndate: 2099-01-01\n---\n", &facts, &now()),
        []
    );
}
