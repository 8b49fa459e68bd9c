use super::*;

fn today() -> LocalDateTime {
    LocalDateTime {
        year: 2026,
        month: 5,
        day: 4,
        hour: 9,
        minute: 30,
        second: 0,
        offset_minutes: 120,
    }
}

/// Root files, root folders, the text of `config.toml`, and the kind they make.
type Root<'a> = (&'a [&'a str], &'a [&'a str], Option<&'a str>, SiteKind);

#[test]
fn the_kind_is_told_by_the_root() {
    let cases: &[Root] = &[
        (
            &["_config.yml", "index.md"],
            &["_posts"],
            None,
            SiteKind::Jekyll,
        ),
        (&["_config.toml"], &[], None, SiteKind::Jekyll),
        (&["Gemfile"], &["_posts"], None, SiteKind::Jekyll),
        (&["hugo.toml"], &["content"], None, SiteKind::Hugo),
        (&["hugo.yaml"], &[], None, SiteKind::Hugo),
        (&["config.yaml"], &["content"], None, SiteKind::Hugo),
        (
            &["config.toml"],
            &["content"],
            Some("baseURL = 'https://example.org/'\n"),
            SiteKind::Hugo,
        ),
        (
            &["config.toml"],
            &["content", "templates"],
            Some("base_url = \"https://example.org\"\n"),
            SiteKind::Zola,
        ),
        // A config without its content folder, or nothing at all: a plain folder.
        (
            &["config.toml"],
            &[],
            Some("base_url = 'x'"),
            SiteKind::Plain,
        ),
        (&["notes.md"], &["drafts"], None, SiteKind::Plain),
        (&[], &[], None, SiteKind::Plain),
    ];
    for (files, dirs, config, kind) in cases {
        assert_eq!(detect(files, dirs, *config), *kind, "{files:?} {dirs:?}");
    }
}

#[test]
fn posts_are_the_markdown_files_where_the_generator_reads_them() {
    let cases: &[(SiteKind, &str, bool)] = &[
        (SiteKind::Jekyll, "_posts/2026-05-04-oslo.md", true),
        (
            SiteKind::Jekyll,
            "_posts/travel/2026-05-04-oslo.markdown",
            true,
        ),
        (SiteKind::Jekyll, "blog/_posts/2026-05-04-oslo.md", true),
        (SiteKind::Jekyll, "_drafts/idea.md", true),
        (SiteKind::Jekyll, "about.md", false),
        (SiteKind::Jekyll, "_posts/photo.png", false),
        (SiteKind::Jekyll, "_posts/.hidden/x.md", false),
        (SiteKind::Jekyll, "_posts/.md", false),
        (SiteKind::Hugo, "content/posts/oslo.md", true),
        (SiteKind::Hugo, "content/posts/oslo/index.md", true),
        (SiteKind::Hugo, "content/posts/_index.md", false),
        (SiteKind::Hugo, "README.md", false),
        (SiteKind::Zola, "content/blog/first.md", true),
        (SiteKind::Zola, "content/_index.md", false),
        (SiteKind::Plain, "notes/today.MD", true),
        (SiteKind::Plain, "notes/today.txt", false),
    ];
    for (kind, path, post) in cases {
        assert_eq!(is_post(*kind, path), *post, "{kind:?} {path}");
    }
    assert!(walks(SiteKind::Jekyll, "_posts"));
    assert!(walks(SiteKind::Jekyll, "blog"));
    for skipped in ["_site", ".git", "node_modules", "vendor", "blog/.cache"] {
        assert!(!walks(SiteKind::Jekyll, skipped), "{skipped}");
    }
    assert!(walks(SiteKind::Hugo, "content"));
    assert!(walks(SiteKind::Zola, "content/blog"));
    assert!(!walks(SiteKind::Hugo, "themes"));
    assert!(!walks(SiteKind::Zola, "static"));
}

#[test]
fn the_list_shows_title_date_and_whether_published() {
    let post = summarize(
        "_posts/2026-05-04-trip.md",
        "---\ntitle: \"Trip to Oslo\"\ndate: 2026-05-03 10:00:00 +0200\n---\nBody\n",
        1.0,
    );
    assert_eq!(post.title, "Trip to Oslo");
    assert_eq!(post.date, "2026-05-03");
    assert!(!post.draft);

    let named = summarize(
        "_posts/2025-12-24-a-winter-note.md",
        "No front matter.\n",
        1.0,
    );
    assert_eq!(named.title, "a winter note");
    assert_eq!(named.date, "2025-12-24");

    assert!(summarize("_drafts/idea.md", "---\ntitle: Idea\n---\n", 1.0).draft);
    assert!(
        summarize(
            "_posts/2026-01-01-x.md",
            "---\npublished: false\n---\n",
            1.0
        )
        .draft
    );
    assert!(
        summarize(
            "content/posts/x.md",
            "+++\ntitle = \"X\"\ndraft = true\n+++\n",
            1.0
        )
        .draft
    );
    let zola = summarize(
        "content/blog/bundle/index.md",
        "+++\ndate = 2024-02-03\n+++\nText\n",
        1.0,
    );
    assert_eq!(zola.title, "bundle");
    assert_eq!(zola.date, "2024-02-03");
    assert!(!zola.draft);
    // Broken front matter: still listed, from the file name.
    let broken = summarize("_posts/2026-02-02-broken.md", "---\ntitle: [\n---\n", 1.0);
    assert_eq!(
        (broken.title.as_str(), broken.date.as_str()),
        ("broken", "2026-02-02")
    );
}

#[test]
fn the_list_is_newest_first_and_filtered_by_words() {
    let post = |path: &str, date: &str, modified_ms: f64| SitePost {
        path: path.to_string(),
        title: path.to_string(),
        date: date.to_string(),
        draft: false,
        modified_ms,
    };
    let mut posts = vec![
        post("a", "2025-01-01", 9.0),
        post("b", "", 5.0),
        post("c", "2026-03-01", 1.0),
        post("d", "", 7.0),
        post("e", "2026-03-01", 1.0),
    ];
    sort_newest_first(&mut posts);
    let order: Vec<&str> = posts.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(order, ["c", "e", "a", "d", "b"]);

    let oslo = summarize(
        "_posts/2026-05-04-trip.md",
        "---\ntitle: Trip to Oslo\n---\n",
        0.0,
    );
    assert!(matches(&oslo, "oslo"));
    assert!(matches(&oslo, "TRIP oslo"));
    assert!(matches(&oslo, "_posts"));
    assert!(matches(&oslo, ""));
    assert!(!matches(&oslo, "bergen"));
}

#[test]
fn a_new_post_and_its_images_go_where_the_generator_wants_them() {
    let src = "---\ntitle: Trip to Oslo\ndate: 2026-05-03\n---\n";
    assert_eq!(
        publish_path(SiteKind::Jekyll, src, &today()),
        "_posts/2026-05-03-trip-to-oslo.md"
    );
    assert_eq!(
        publish_path(SiteKind::Hugo, src, &today()),
        "content/posts/trip-to-oslo.md"
    );
    assert_eq!(
        publish_path(SiteKind::Zola, src, &today()),
        "content/posts/trip-to-oslo.md"
    );
    assert_eq!(
        publish_path(SiteKind::Plain, "no title", &today()),
        "2026-05-04-untitled.md"
    );
    let image = "/assets/images/2026/trip/a.png";
    assert_eq!(
        image_file(SiteKind::Jekyll, image).as_deref(),
        Some("assets/images/2026/trip/a.png")
    );
    assert_eq!(
        image_file(SiteKind::Zola, image).as_deref(),
        Some("static/assets/images/2026/trip/a.png")
    );
    for unsafe_path in ["/../etc/passwd", "/a//b.png", "/a/./b.png", "", "/a\\b.png"] {
        assert_eq!(
            image_file(SiteKind::Jekyll, unsafe_path),
            None,
            "{unsafe_path}"
        );
    }
    assert_eq!(safe_path("_posts/x.md"), Some((vec!["_posts"], "x.md")));
}

#[test]
fn a_link_tells_a_file_changed_on_disk_from_one_only_touched() {
    let link = SiteLink::new("s1", "blog", "_posts/x.md", b"hello\n", 1000.0);
    assert!(link.unchanged(6, 1000.0));
    assert!(!link.unchanged(6, 2000.0));
    // Touched: another time, the same bytes.
    assert_eq!(link.compare(b"hello\n"), OnDisk::Same);
    assert_eq!(link.compare(b"hellO\n"), OnDisk::Changed);
    assert_eq!(link.compare(b"hello\r\n"), OnDisk::Changed);
    // Stored as JSON, read back the same; the folder's name may be missing.
    let json = serde_json::to_string(&link).expect("a link serializes");
    assert_eq!(serde_json::from_str::<SiteLink>(&json).ok(), Some(link));
    let old: SiteLink = serde_json::from_str(
        r#"{"site":"s","path":"p.md","size":1,"modified_ms":2.0,"sha256":"ab"}"#,
    )
    .expect("a link without a site name");
    assert_eq!(old.site_name, "");
}

#[test]
fn changes_for_a_read_only_folder_go_out_as_a_zip_at_their_paths() {
    let files = vec![
        (
            "_posts/2026-05-04-a.md".to_string(),
            b"---\ntitle: A\n---\n".to_vec(),
        ),
        (
            "assets/images/a.png".to_string(),
            vec![0x89, b'P', b'N', b'G', 0],
        ),
    ];
    let zip = files_zip(&files);
    assert_eq!(crate::backup::entries(&zip).expect("a zip"), files);
    assert_eq!(
        changes_zip_name("My Blog", &today()),
        "my-blog-changes-2026-05-04.zip"
    );
    assert_eq!(
        changes_zip_name("…", &today()),
        "site-changes-2026-05-04.zip"
    );
}
