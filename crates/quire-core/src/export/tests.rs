use super::*;
use crate::line_endings::Ending;

/// Expected slugs produced by Jekyll 4.3.1's `Jekyll::Utils.slugify` (Debian's jekyll).
const JEKYLL_SLUGS: &[(&str, &str)] = &[
    (
        "What I've been reading in January",
        "what-i-ve-been-reading-in-january",
    ),
    ("Hello, World!", "hello-world"),
    ("  --Leading and trailing--  ", "leading-and-trailing"),
    ("Ünïcödé Tïtlé", "ünïcödé-tïtlé"),
    ("日本語のタイトル", "日本語のタイトル"),
    ("Straße & Café", "straße-café"),
    ("C++ vs. Rust: 2026 edition", "c-vs-rust-2026-edition"),
    ("Emoji 🎉 party", "emoji-party"),
    ("x²+y² = z²", "x-y-z"),
    ("Ⅻ chapters", "chapters"),
    ("Арабские ١٢٣ digits", "арабские-١٢٣-digits"),
    ("cafe\u{301} (decomposed)", "cafe\u{301}-decomposed"),
    ("under_score and dash-es", "under-score-and-dash-es"),
    ("İstanbul", "i\u{307}stanbul"),
    ("!!!", ""),
];

#[test]
fn slugify_matches_jekyll() {
    for (title, slug) in JEKYLL_SLUGS {
        assert_eq!(slugify(title), *slug, "{title:?}");
    }
}

fn today() -> LocalDateTime {
    LocalDateTime {
        year: 2026,
        month: 11,
        day: 27,
        hour: 9,
        minute: 0,
        second: 0,
        offset_minutes: 60,
    }
}

#[test]
fn file_names() {
    let long = format!("---\ntitle: {}\n---\n", "word ".repeat(40));
    let cases: &[(&str, NameStyle, &str)] = &[
        (
            include_str!("../../../../tests/fixtures/seed-post.md"),
            NameStyle::Jekyll,
            "2026-11-27-what-i-ve-been-reading-in-january.md",
        ),
        (
            "---\ntitle: Hello\ndate: 2025-03-04 10:00:00 +0100\n---\n",
            NameStyle::Jekyll,
            "2025-03-04-hello.md",
        ),
        (
            "---\ntitle: Hello\ndate: 2025-3-4\n---\n",
            NameStyle::Jekyll,
            "2025-03-04-hello.md",
        ),
        (
            "---\ntitle: Hello\ndate: '2025-03-04T08:00:00Z'\n---\n",
            NameStyle::Jekyll,
            "2025-03-04-hello.md",
        ),
        (
            "---\ntitle: Hello\ndate: not a date\n---\n",
            NameStyle::Jekyll,
            "2026-11-27-hello.md",
        ),
        (
            "---\ntitle: Hello\nslug: Custom Slug\n---\n",
            NameStyle::Jekyll,
            "2026-11-27-custom-slug.md",
        ),
        (
            "---\ntitle: Hello World\n---\n",
            NameStyle::Hugo,
            "hello-world.md",
        ),
        (
            "no front matter",
            NameStyle::Jekyll,
            "2026-11-27-untitled.md",
        ),
        (
            "---\ntitle: '!!!'\n---\n",
            NameStyle::Jekyll,
            "2026-11-27-untitled.md",
        ),
        (
            "---\ntitle: ../../etc/passwd\n---\n",
            NameStyle::Hugo,
            "etc-passwd.md",
        ),
        (
            "---\ntitle: \"a/b\\u0000c\"\n---\n",
            NameStyle::Hugo,
            "a-b-c.md",
        ),
        ("---\ntitle: CON\n---\n", NameStyle::Hugo, "con-post.md"),
        (
            "---\ntitle: A day\ndate: September 30, 2021\n---\n",
            NameStyle::Jekyll,
            "2021-09-30-a-day.md",
        ),
        ("---\ntitle: Lpt1\n---\n", NameStyle::Hugo, "lpt1-post.md"),
        (
            "---\ntitle: [broken\n---\n",
            NameStyle::Jekyll,
            "2026-11-27-untitled.md",
        ),
        (
            long.as_str(),
            NameStyle::Hugo,
            &format!("{}.md", "word-".repeat(20).trim_end_matches('-')),
        ),
    ];
    for (src, style, name) in cases {
        assert_eq!(file_name(src, &today(), *style), *name, "{src:?}");
    }
}

#[test]
fn exported_bytes_are_the_source() {
    let src = "\u{feff}---\r\ntitle: x\r\n---\r\nbody  \r\n";
    assert_eq!(export_bytes(src), src.as_bytes());
}

proptest::proptest! {
    #[test]
    fn names_are_always_safe(title in "\\PC{0,300}", hugo in proptest::bool::ANY) {
        let src = format!("---\ntitle: {title:?}\n---\n");
        let style = if hugo { NameStyle::Hugo } else { NameStyle::Jekyll };
        let name = file_name(&src, &today(), style);
        proptest::prop_assert!(name.ends_with(".md") && name.len() > 3);
        proptest::prop_assert!(!name.contains('/') && !name.contains('\\') && !name.contains(".."));
        proptest::prop_assert!(!name.chars().any(char::is_control));
        proptest::prop_assert!(name.len() <= MAX_SLUG_BYTES + 14);
    }
}

#[test]
fn standalone_html_has_the_title_body_and_styles_only() {
    let src = "---\ntitle: \"Fish & <Chips>\"\n---\n## Part one\n\nText with \"quotes\".\n";
    let html = standalone_html(src, &crate::render::Settings::default(), ".preview{}");
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(
        html.contains("<title>Fish &amp; &lt;Chips&gt;</title>"),
        "{html}"
    );
    assert!(html.contains("<h1>Fish &amp; &lt;Chips&gt;</h1>"), "{html}");
    assert!(html.contains("<h2 id=\"part-one\">Part one</h2>"), "{html}");
    assert!(html.contains("Text with “quotes”."), "{html}");
    assert!(html.contains("<style>\n.preview{}</style>"), "{html}");
    assert!(!html.contains("title:"), "front matter left out: {html}");
    assert!(!html.contains("<script"), "{html}");
    let untitled = standalone_html("Just text\n", &crate::render::Settings::default(), "");
    assert!(untitled.contains("<title>Untitled post</title>"));
    assert_eq!(html_file_name("2026-01-02-fish.md"), "2026-01-02-fish.html");
}

#[test]
fn crlf_is_written_back() {
    assert_eq!(
        export_text("a\nb\n", &LineEndings::uniform(Ending::CrLf)),
        "a\r\nb\r\n"
    );
    assert_eq!(export_text("a\nb\n", &LineEndings::default()), "a\nb\n");
    let file = crate::import::for_editor("\u{feff}x\r\ny  \r\nz");
    assert_eq!(
        export_text(&file.text, &file.endings),
        "\u{feff}x\r\ny  \r\nz"
    );
}
