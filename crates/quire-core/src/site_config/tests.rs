use super::*;
use crate::date::LocalDateTime;
use crate::Zone;

fn utc_today() -> LocalDateTime {
    LocalDateTime {
        year: 2026,
        month: 12,
        day: 1,
        hour: 12,
        minute: 0,
        second: 0,
        offset_minutes: 0,
    }
}

#[test]
fn jekyll_config_over_jekyll_defaults() {
    let config = read(
        SiteKind::Jekyll,
        "_config.yml",
        "title: My blog\nurl: https://example.org/\nbaseurl: /blog/\npermalink: pretty\nexcerpt_separator: <!--more-->\nfuture: true\nkramdown:\n  auto_ids: false\n  auto_id_prefix: h-\n  hard_wrap: true\n  parse_block_html: true\n  smart_quotes: apos,apos,quot,quot\n  toc_levels: 2..3\n  syntax_highlighter_opts:\n    default_lang: text\n    css_class: rougeHighlight\n    span:\n      default_lang: none\n    block:\n      line_numbers: true\n      start_line: 3\nunknown_key: [1, 2]\n",
    )
    .expect("a config");
    assert_eq!(config.url, "https://example.org");
    assert_eq!(config.baseurl, "/blog");
    assert_eq!(config.permalink, "pretty");
    assert_eq!(config.excerpt_separator, "<!--more-->");
    assert!(config.future);
    assert_eq!(
        config.markdown,
        MarkdownOptions {
            auto_ids: false,
            auto_id_prefix: "h-".to_string(),
            smart_quotes: true,
            quotes: Some(['\'', '\'', '"', '"']),
            hard_wrap: true,
            toc_levels: vec![2, 3],
            parse_block_html: true,
            code_line_numbers: Some(3),
            code_block_lang: "text".to_string(),
            code_span_lang: "none".to_string(),
            code_css_class: "rougeHighlight".to_string(),
            highlight_blocks: true,
            highlight_spans: true,
            raw_html: true,
            heading_ids: None,
            highlight_tags: true,
        }
    );
    assert_eq!(config.scalar("title"), Some("My blog"));
    assert_eq!(config.scalar("unknown_key"), None);

    let empty = read(SiteKind::Jekyll, "_config.yml", "").expect("an empty config");
    assert_eq!(empty, SiteConfig::jekyll_defaults());
    assert_eq!(empty.excerpt_separator, "\n\n");
    assert_eq!(empty.permalink, "date");
}

#[test]
fn a_broken_config_says_where() {
    let err = read(
        SiteKind::Jekyll,
        "_config.yml",
        "title: ok\nurl: [unclosed\nbaseurl: x\n",
    )
    .expect_err("broken YAML");
    assert_eq!(err.file, "_config.yml");
    assert!(err.line >= 2, "{err}");
    let err = read(SiteKind::Zola, "config.toml", "base_url = \n").expect_err("broken TOML");
    assert_eq!(err.line, 1, "{err}");
    let err = read(SiteKind::Hugo, "hugo.json", "{\n  \"baseURL\": \n}").expect_err("broken JSON");
    assert_eq!(err.line, 3, "{err}");
}

#[test]
fn hugo_and_zola_configs() {
    let hugo = read(
        SiteKind::Hugo,
        "hugo.toml",
        "baseURL = 'https://example.org/docs/'\n[permalinks]\nposts = '/:year/:month/:slug/'\n[markup.goldmark.renderer]\nhardWraps = true\n",
    )
    .expect("Hugo");
    assert_eq!(
        (hugo.url.as_str(), hugo.baseurl.as_str()),
        ("https://example.org", "/docs")
    );
    assert_eq!(hugo.permalink, "/:year/:month/:slug/");
    assert!(hugo.markdown.hard_wrap);
    let json = read(
        SiteKind::Hugo,
        "hugo.json",
        r#"{"baseURL": "https://x.org/"}"#,
    )
    .expect("JSON");
    assert_eq!(json.url, "https://x.org");
    let zola = read(
        SiteKind::Zola,
        "config.toml",
        "base_url = \"https://aurora.example\"\n[markdown]\nsmart_punctuation = true\n[slugify]\npaths = \"safe\"\n",
    )
    .expect("Zola");
    assert_eq!(zola.url, "https://aurora.example");
    assert!(zola.markdown.smart_quotes);
    assert_eq!(zola.slugify_paths, "safe");
}

/// The fixture site's posts: (path, text).
fn fixture_posts() -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/site_config/posts");
    let mut posts = Vec::new();
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("the fixture folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                let relative = path
                    .strip_prefix(&root)
                    .expect("inside")
                    .to_string_lossy()
                    .replace('\\', "/");
                posts.push((relative, std::fs::read_to_string(&path).expect("text")));
            }
        }
    }
    posts.sort();
    posts
}

/// Every config of `tests/site_config/configs/` against what `jekyll build` (Jekyll
/// 4.3.1, time zone UTC) made of the fixture posts: the post's URL, its absolute URL, and
/// the layout, author and comments it ends up with (front matter over defaults).
#[test]
fn urls_and_inherited_values_are_what_jekyll_builds() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/site_config/configs");
    let posts = fixture_posts();
    let mut checked = 0;
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("the configs")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yml"))
        .collect();
    names.sort();
    assert!(names.len() >= 8, "{names:?}");
    for config_path in names {
        let name = config_path
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .to_string();
        let config = read(
            SiteKind::Jekyll,
            "_config.yml",
            &std::fs::read_to_string(&config_path).expect("the config"),
        )
        .unwrap_or_else(|e| panic!("{name}: {e}"));
        let expected = std::fs::read_to_string(dir.join(format!("{name}.expected.tsv")))
            .expect("the expected file");
        for line in expected.lines() {
            let cols: Vec<&str> = line.split('\t').collect();
            let (path, url, absolute) = (cols[0], cols[1], cols[2]);
            let src = &posts
                .iter()
                .find(|(p, _)| p == path)
                .unwrap_or_else(|| panic!("{path} in the fixture"))
                .1;
            let got = post_url(&config, path, src, &utc_today())
                .unwrap_or_else(|e| panic!("{name} {path}: {e}"));
            assert_eq!(got.path, url, "{name}: {path}");
            assert_eq!(got.full, absolute, "{name}: {path} (absolute)");
            // The effective values: the front matter's, else the inherited ones.
            let fields = crate::front_matter::read(src).unwrap_or_default();
            let inherited = inherited(&config, path, "posts");
            for (key, want) in [
                ("layout", cols[3]),
                ("author", cols[4]),
                ("comments", cols[5]),
            ] {
                let own = fields
                    .iter()
                    .find(|f| f.key == key)
                    .map(|f| f.value.to_plain_string());
                let from_defaults = inherited
                    .iter()
                    .find(|i| i.key == key)
                    .map(|i| i.value.to_plain_string());
                let got = own.or(from_defaults).unwrap_or_default();
                assert_eq!(got, want, "{name}: {path}: {key}");
            }
            checked += 1;
        }
    }
    assert!(checked >= 60, "{checked} posts checked");
}

#[test]
fn defaults_precedence_and_globs() {
    let config = read(
        SiteKind::Jekyll,
        "_config.yml",
        "defaults:\n  - scope: {path: \"\"}\n    values: {layout: a, author: x}\n  - scope: {path: \"_posts/*/drafts\"}\n    values: {layout: glob}\n  - scope: {path: \"_posts\", type: posts}\n    values: {layout: b}\n  - scope: {path: \"_posts\"}\n    values: {layout: c, mood: calm}\n",
    )
    .expect("a config");
    let of = |path: &str, key: &str| {
        inherited(&config, path, "posts")
            .into_iter()
            .find(|i| i.key == key)
            .map(|i| (i.value.to_plain_string(), i.scope))
    };
    // Same path length: the one with a type wins over the later one without.
    assert_eq!(
        of("_posts/x.md", "layout").map(|v| v.0).as_deref(),
        Some("b")
    );
    // A value only the later set has still fills in.
    assert_eq!(
        of("_posts/x.md", "mood").map(|v| v.0).as_deref(),
        Some("calm")
    );
    // The glob matches a folder above the post; its path is longer.
    let (layout, scope) = of("_posts/2026/drafts/x.md", "layout").expect("inherited");
    assert_eq!(layout, "glob");
    assert_eq!(scope, "path “_posts/*/drafts”");
    // Pages do not get the posts-only set.
    assert_eq!(
        inherited(&config, "_posts/x.md", "pages")
            .into_iter()
            .find(|i| i.key == "layout")
            .map(|i| i.value.to_plain_string())
            .as_deref(),
        Some("c")
    );
    assert_eq!(of("about.md", "author").map(|v| v.0).as_deref(), Some("x"));
}

/// A site whose collections live in `docs/` (Jekyll's `collections_dir`): its posts are
/// read from `docs/_posts` (and `docs/<folder>/_posts`), the folders above `_posts` count
/// from there, defaults' scopes may name the folder or not, and new posts go there. The
/// URLs, categories and tag are what `jekyll build` (4.3.1) gave for these files.
#[test]
fn a_collections_folder_moves_the_posts() {
    let config = read(
        SiteKind::Jekyll,
        "_config.yml",
        "collections_dir: docs\npermalink: /:categories/:year/:title/\ndefaults:\n  - scope: {path: \"\", type: posts}\n    values: {category: Post}\n  - scope: {path: \"docs/_posts/news\"}\n    values: {categories: [Daily News]}\n  - scope: {path: \"blog\"}\n    values: {tag: from-blog}\n",
    )
    .expect("a config");
    assert_eq!(config.collections_dir, "docs");
    assert_eq!(config.posts_folder(), "docs/_posts");
    assert_eq!(config.in_collections("docs/_posts/a.md"), "_posts/a.md");
    assert_eq!(
        config.in_collections("docsx/_posts/a.md"),
        "docsx/_posts/a.md"
    );
    assert_eq!(
        crate::site::publish_path_in(
            SiteKind::Jekyll,
            &config.posts_folder(),
            "---\ntitle: Hello there\n---\n",
            &utc_today()
        ),
        "docs/_posts/2026-12-01-hello-there.md"
    );
    let cases = [
        ("docs/_posts/2020-01-02-a.md", "", "/post/2020/a/"),
        ("docs/blog/_posts/2020-01-03-b.md", "", "/blog/post/2020/b/"),
        (
            "docs/_posts/news/2020-01-04-c.md",
            "",
            "/daily%20news/post/2020/c/",
        ),
        (
            "docs/_posts/2020-01-05-d.md",
            "category: Own\n",
            "/own/2020/d/",
        ),
    ];
    for (path, front, url) in cases {
        let src = format!("---\n{front}title: T\n---\nText\n");
        let got = post_url(&config, path, &src, &utc_today()).expect("a url");
        assert_eq!(got.path, url, "{path}");
    }
    let tag = |path: &str| {
        inherited(&config, path, "posts")
            .into_iter()
            .find(|i| i.key == "tag")
            .map(|i| i.value.to_plain_string())
    };
    assert_eq!(
        tag("docs/blog/_posts/2020-01-03-b.md").as_deref(),
        Some("from-blog")
    );
    assert_eq!(tag("docs/_posts/2020-01-02-a.md"), None);
    // Without the setting, a folder's posts keep it as a category.
    let plain = read(
        SiteKind::Jekyll,
        "_config.yml",
        "permalink: /:categories/:title/",
    )
    .expect("a config");
    assert_eq!(plain.posts_folder(), "_posts");
    let got = post_url(&plain, "docs/_posts/2020-01-02-a.md", "x", &utc_today()).expect("url");
    assert_eq!(got.path, "/docs/a/");
}

#[test]
fn dates_in_other_zones_move_to_the_build_zone() {
    let late = PostDate::parse("2026-06-01 23:30:00 -0500").expect("a date");
    assert_eq!(late.offset, Some(-300));
    let config = SiteConfig::jekyll_defaults();
    let src = "---\ndate: 2026-06-01 23:30:00 -0500\n---\n";
    let in_utc = post_url(&config, "_posts/2026-06-01-late.md", src, &utc_today()).expect("url");
    assert_eq!(in_utc.path, "/2026/06/02/late.html");
    let chicago = SiteConfig {
        zone: Zone::fixed("America/Chicago", -300),
        ..config.clone()
    };
    let there = post_url(&chicago, "_posts/2026-06-01-late.md", src, &utc_today()).expect("url");
    assert_eq!(there.path, "/2026/06/01/late.html");
    for text in [
        "2026-13-01",
        "x",
        "2026-01-01 25:00",
        "2026-01-01 10:00 +abc",
    ] {
        assert_eq!(PostDate::parse(text), None, "{text}");
    }
    // ISO week: 2021-01-03 is a Sunday of week 53 of 2020.
    let config = read(
        SiteKind::Jekyll,
        "_config.yml",
        "permalink: /:w_year/:week/:w_day/:short_day/:y_day/:title\n",
    )
    .expect("config");
    let url = post_url(&config, "_posts/2021-01-03-w.md", "x", &utc_today()).expect("url");
    assert_eq!(url.path, "/2020/53/7/Sun/003/w");
    let unknown = read(
        SiteKind::Jekyll,
        "_config.yml",
        "permalink: /:nope/:title\n",
    )
    .expect("config");
    assert!(post_url(&unknown, "_posts/2021-01-03-w.md", "x", &utc_today()).is_err());
}

/// As Jekyll 4.3.1 builds 18F's posts: a date written as a person writes it is read as
/// Ruby's `Time.parse` reads it, and wins over the file name's.
#[test]
fn dates_written_in_words_are_read_as_jekyll_reads_them() {
    let config = read(SiteKind::Jekyll, "_config.yml", "permalink: pretty\n").expect("config");
    for (date, path, url) in [
        (
            "September 30, 2021",
            "_posts/2021-09-28-a_day.md",
            "/2021/09/30/a_day/",
        ),
        (
            "'2017-09-27 (optional)'",
            "_posts/2017-09-28-three-ways.md",
            "/2017/09/27/three-ways/",
        ),
        ("4 March 2021", "_posts/2021-03-05-x.md", "/2021/03/04/x/"),
        (
            "Fri Sep  3 11:21:31 CEST 2021",
            "_posts/2021-09-01-y.md",
            "/2021/09/03/y/",
        ),
        // Not a date: the file name's.
        ("soon", "_posts/2021-09-01-z.md", "/2021/09/01/z/"),
    ] {
        let src = format!("---\ndate: {date}\n---\n");
        let got = post_url(&config, path, &src, &utc_today()).expect("a url");
        assert_eq!(got.path, url, "{date}");
    }
    assert_eq!(
        PostDate::read("21-11-10").map(|d| (d.year, d.month, d.day)),
        Some((2021, 11, 10))
    );
    assert_eq!(PostDate::read("2021-11-10"), PostDate::parse("2021-11-10"));
}

#[test]
fn hugo_and_zola_urls() {
    let hugo = read(
        SiteKind::Hugo,
        "hugo.toml",
        "baseURL = 'https://example.org/'\n",
    )
    .expect("Hugo");
    let url = post_url(
        &hugo,
        "content/posts/My Trip.md",
        "---\ntitle: My Trip\n---\n",
        &utc_today(),
    )
    .expect("url");
    assert_eq!(url.full, "https://example.org/posts/my-trip/");
    let slugged = post_url(
        &hugo,
        "content/posts/a.md",
        "---\nslug: other\n---\n",
        &utc_today(),
    )
    .expect("url");
    assert_eq!(slugged.path, "/posts/other/");
    let dated = read(
        SiteKind::Hugo,
        "hugo.toml",
        "baseURL = 'https://example.org/'\n[permalinks]\nposts = '/:year/:month/:slug/'\n",
    )
    .expect("Hugo");
    let url = post_url(
        &dated,
        "content/posts/a.md",
        "---\ntitle: Big News\ndate: 2026-03-04\n---\n",
        &utc_today(),
    )
    .expect("url");
    assert_eq!(url.path, "/2026/03/big-news/");
    let zola = read(
        SiteKind::Zola,
        "config.toml",
        "base_url = \"https://aurora.example\"\n",
    )
    .expect("Zola");
    let url = post_url(
        &zola,
        "content/blog/2025-10-12-First Light.md",
        "+++\ntitle = \"x\"\n+++\n",
        &utc_today(),
    )
    .expect("url");
    assert_eq!(url.full, "https://aurora.example/blog/first-light/");
    let own = post_url(
        &zola,
        "content/blog/x.md",
        "+++\npath = \"/elsewhere\"\n+++\n",
        &utc_today(),
    )
    .expect("url");
    assert_eq!(own.path, "/elsewhere/");
}

#[test]
fn a_config_file_name_tells_its_generator() {
    assert_eq!(kind_of_file("_config.yml", ""), Some(SiteKind::Jekyll));
    assert_eq!(kind_of_file("hugo.toml", ""), Some(SiteKind::Hugo));
    assert_eq!(
        kind_of_file("config.toml", "base_url = 'x'"),
        Some(SiteKind::Zola)
    );
    assert_eq!(
        kind_of_file("config.toml", "baseURL = 'x'"),
        Some(SiteKind::Hugo)
    );
    assert_eq!(kind_of_file("notes.yml", ""), None);
}

#[test]
fn an_imported_config_is_kept_as_it_was() {
    let kept = write_imported("_config.yml", "title: \"A\"\nurl: x\n");
    assert_eq!(
        read_imported(&kept),
        Some((
            "_config.yml".to_string(),
            "title: \"A\"\nurl: x\n".to_string()
        ))
    );
    assert_eq!(read_imported("not json"), None);
}
