use proptest::prelude::*;

use super::*;
use crate::edit::applied;

fn s(text: &str) -> Value {
    Value::String(text.to_string())
}

fn list(items: &[&str]) -> Value {
    Value::List(items.iter().map(|i| s(i)).collect())
}

fn set_ok(src: &str, key: &str, value: &Value) -> String {
    applied(set(src, key, value), src).unwrap_or_else(|e| panic!("set {key} in {src:?}: {e}"))
}

/// Table: (source, key, value, expected source after the edit).
#[test]
fn set_is_a_minimal_edit() {
    let cases: &[(&str, &str, Value, &str)] = &[
        // Scalars keep their quoting and trailing comments.
        (
            "---\ntitle: Old\n---\nbody",
            "title",
            s("New"),
            "---\ntitle: New\n---\nbody",
        ),
        (
            "---\ntitle: \"Old\" # c\n---\n",
            "title",
            s("New"),
            "---\ntitle: \"New\" # c\n---\n",
        ),
        (
            "---\ntitle: 'Old'\n---\n",
            "title",
            s("It's"),
            "---\ntitle: 'It''s'\n---\n",
        ),
        (
            "---\ntitle: Old   # note\n---\n",
            "title",
            s("yes"),
            "---\ntitle: 'yes'   # note\n---\n",
        ),
        (
            "---\ntitle: Old\n---\n",
            "title",
            s("a: b"),
            "---\ntitle: 'a: b'\n---\n",
        ),
        (
            "---\ntitle: Old\n---\n",
            "title",
            s("two\nlines"),
            "---\ntitle: \"two\\nlines\"\n---\n",
        ),
        // Other keys, comments and blank lines are untouched.
        (
            "---\n# top\nlayout: post\n\ntitle: Old\ndate: 2026-01-01\n---\n",
            "title",
            s("New"),
            "---\n# top\nlayout: post\n\ntitle: New\ndate: 2026-01-01\n---\n",
        ),
        // Lists keep flow or block style.
        (
            "---\ntags: [a, b]\n---\n",
            "tags",
            list(&["a", "b", "c"]),
            "---\ntags: [a, b, c]\n---\n",
        ),
        (
            "---\ntags:\n  - a\n  - b\nx: 1\n---\n",
            "tags",
            list(&["a", "c"]),
            "---\ntags:\n  - a\n  - c\nx: 1\n---\n",
        ),
        (
            "---\ntags:\n- a\n---\n",
            "tags",
            list(&["a", "b"]),
            "---\ntags:\n- a\n- b\n---\n",
        ),
        (
            "---\ntags: [a]\n---\n",
            "tags",
            list(&["x, y"]),
            "---\ntags: ['x, y']\n---\n",
        ),
        // Types change by rewriting the entry.
        (
            "---\npublished: true\n---\n",
            "published",
            Value::Bool(false),
            "---\npublished: false\n---\n",
        ),
        (
            "---\ntags: one\n---\n",
            "tags",
            list(&["one", "two"]),
            "---\ntags: [one, two]\n---\n",
        ),
        (
            "---\nempty:\nnext: 1\n---\n",
            "empty",
            s("now"),
            "---\nempty: now\nnext: 1\n---\n",
        ),
        (
            "---\nbio: |\n  line one\n  line two\nz: 1\n---\n",
            "bio",
            s("short"),
            "---\nbio: short\nz: 1\n---\n",
        ),
        // Dates stay dates; a date-like string is quoted.
        (
            "---\ndate: 2026-01-01 10:00:00 +0100\n---\n",
            "date",
            Value::DateTime("2026-02-03 04:05:06 +0100".into()),
            "---\ndate: 2026-02-03 04:05:06 +0100\n---\n",
        ),
        (
            "---\nx: a\n---\n",
            "x",
            s("2026-01-01"),
            "---\nx: '2026-01-01'\n---\n",
        ),
        // New keys go at the end of the block, with the block's line breaks.
        (
            "---\ntitle: A\n---\nbody",
            "layout",
            s("post"),
            "---\ntitle: A\nlayout: post\n---\nbody",
        ),
        (
            "---\r\ntitle: A\r\n---\r\n",
            "layout",
            s("post"),
            "---\r\ntitle: A\r\nlayout: post\r\n---\r\n",
        ),
        (
            "---\n---\nbody",
            "title",
            s("T"),
            "---\ntitle: T\n---\nbody",
        ),
        // No front matter: a block is added (after a BOM).
        ("# Body\n", "title", s("T"), "---\ntitle: T\n---\n# Body\n"),
        (
            "\u{feff}# Body\n",
            "title",
            s("T"),
            "\u{feff}---\ntitle: T\n---\n# Body\n",
        ),
        // CRLF entries keep CRLF.
        (
            "---\r\ntitle: Old\r\nz: 1\r\n---\r\n",
            "title",
            s("New"),
            "---\r\ntitle: New\r\nz: 1\r\n---\r\n",
        ),
        // A repeated key: the last one counts, as loaders read it.
        (
            "---\nt: a\nt: b\n---\n",
            "t",
            s("c"),
            "---\nt: a\nt: c\n---\n",
        ),
    ];
    for (src, key, value, expected) in cases {
        let after = set_ok(src, key, value);
        assert_eq!(&after, expected, "set {key} = {value:?} in {src:?}");
        assert_eq!(
            get(&after, key).ok().flatten().as_ref(),
            Some(value),
            "read back {key} from {after:?}"
        );
    }
}

#[test]
fn remove_takes_only_the_entry() {
    let src = "---\ntitle: A\ntags:\n  - a\n  - b\n# kept\nlayout: post\n---\nbody";
    let after = applied(remove(src, "tags"), src);
    assert_eq!(
        after.as_deref(),
        Ok("---\ntitle: A\n# kept\nlayout: post\n---\nbody")
    );
    assert_eq!(remove(src, "missing"), Ok(None));
}

#[test]
fn reads_the_seed_post() {
    let src = include_str!("../../../../tests/fixtures/seed-post.md");
    let fields = read(src).unwrap_or_default();
    let keys: Vec<&str> = fields.iter().map(|f| f.key.as_str()).collect();
    assert_eq!(keys, ["layout", "title"]);
    assert_eq!(
        get(src, "title"),
        Ok(Some(s("What I've been reading in January")))
    );
}

#[test]
fn broken_yaml_is_an_error_with_a_line_and_changes_nothing() {
    let src = "---\ntitle: ok\ntags: [a, b\n---\nbody";
    let err = read(src).err().unwrap_or_else(|| panic!("must fail"));
    assert!((3..=4).contains(&err.line), "{err}");
    assert!(set(src, "title", &s("x")).is_err());
    assert_eq!(crate::post::split(src).body_text(src), "body");
}

#[test]
fn no_front_matter_reads_as_no_fields() {
    assert_eq!(read("just text"), Ok(Vec::new()));
    assert_eq!(get("just text", "title"), Ok(None));
}

fn yaml_safe_key() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9_]{0,10}"
}

fn any_text() -> impl Strategy<Value = String> {
    // Printable text with YAML's awkward characters well represented.
    proptest::string::string_regex("[ -~éß日\t\n'\"#:\\-\\[\\]{},&*!|>%@`]{0,24}")
        .unwrap_or_else(|e| panic!("bad regex: {e}"))
}

fn base_post() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("---\nlayout: post\ntitle: Hello\ntags: [a, b]\n---\nbody\n".to_string()),
        Just("---\n# c\ntitle: \"Quoted\" # note\ncategories:\n  - x\n  - y\ndate: 2026-01-31 10:00:00 +0100\n---\n".to_string()),
        Just("---\r\ntitle: 'single'\r\nbio: |\r\n  text\r\n---\r\nbody".to_string()),
        Just("---\n---\n".to_string()),
        Just("no front matter\n".to_string()),
    ]
}

proptest! {
    #[test]
    fn set_then_get_returns_the_value_and_other_lines_stay(
        src in base_post(),
        key in yaml_safe_key(),
        value in any_text(),
    ) {
        let value = Value::String(value);
        let after = set_ok(&src, &key, &value);
        prop_assert_eq!(get(&after, &key), Ok(Some(value)));
        // Every other field reads the same as before.
        let before = read(&src).unwrap_or_default();
        let now = read(&after).unwrap_or_default();
        for field in before.iter().filter(|f| f.key != key) {
            prop_assert!(now.contains(field), "{:?} changed", field.key);
        }
        // Lines outside the entry are kept: the body is identical.
        let body_before = crate::post::split(&src).body_text(&src).to_string();
        prop_assert_eq!(crate::post::split(&after).body_text(&after), body_before);
    }

    #[test]
    fn set_list_round_trips(src in base_post(), items in proptest::collection::vec(any_text(), 0..5)) {
        let value = Value::List(items.into_iter().map(Value::String).collect());
        let after = set_ok(&src, "tags", &value);
        prop_assert_eq!(get(&after, "tags"), Ok(Some(value)));
    }

    #[test]
    fn reading_arbitrary_front_matter_never_panics(content in "\\PC{0,200}") {
        let src = format!("---\n{content}\n---\nbody");
        let _ = read(&src);
        let _ = set(&src, "title", &Value::String("x".into()));
        let _ = remove(&src, "title");
    }
}

#[cfg(feature = "toml")]
mod toml_front_matter {
    use super::*;

    const POST: &str = "+++\n# Hugo post\ntitle = \"Old title\" # shown on the index\ndate = 2026-01-31T10:00:00+01:00\ndraft = true\ntags = [\"a\", \"b\"]\n\n[extra]\nmood = 'calm'\n+++\nBody.\n";

    #[test]
    fn reads_typed_fields() {
        let fields = read(POST).unwrap_or_else(|e| panic!("{e}"));
        let got: Vec<(&str, &Value)> = fields.iter().map(|f| (f.key.as_str(), &f.value)).collect();
        assert_eq!(
            got,
            vec![
                ("title", &s("Old title")),
                ("date", &Value::DateTime("2026-01-31T10:00:00+01:00".into())),
                ("draft", &Value::Bool(true)),
                ("tags", &list(&["a", "b"])),
                ("extra", &Value::Map(vec![("mood".into(), s("calm"))])),
            ]
        );
    }

    #[test]
    fn edits_are_minimal() {
        let cases: &[(&str, Value, &str, &str)] = &[
            (
                "title",
                s("New"),
                "title = \"Old title\" # shown",
                "title = \"New\" # shown",
            ),
            ("draft", Value::Bool(false), "draft = true", "draft = false"),
            (
                "tags",
                list(&["a", "b", "c"]),
                "tags = [\"a\", \"b\"]",
                "tags = [\"a\", \"b\", \"c\"]",
            ),
        ];
        for (key, value, before, after) in cases {
            let edited = set_ok(POST, key, value);
            assert_eq!(edited, POST.replace(before, after), "{key}");
            assert_eq!(get(&edited, key).ok().flatten().as_ref(), Some(value));
        }
        let added = set_ok(POST, "slug", &s("my-post"));
        assert_eq!(get(&added, "slug"), Ok(Some(s("my-post"))));
        assert_eq!(
            get(&added, "extra"),
            get(POST, "extra"),
            "the table stays a table"
        );
        let removed = applied(remove(POST, "draft"), POST);
        assert_eq!(removed, Ok(POST.replace("draft = true\n", "")));
    }

    #[test]
    fn errors_name_the_line() {
        let broken = "+++\ntitle = \"x\"\ntags = [\n+++\nBody";
        let err = read(broken).err().unwrap_or_else(|| panic!("must fail"));
        assert!((3..=4).contains(&err.line), "{err}");
    }
}

#[test]
fn whole_documents_read_nested_maps_and_lists() {
    let yaml = "title: Blog\ndefaults:\n  - scope:\n      path: \"_posts\"\n      type: posts\n    values:\n      layout: post\nkramdown:\n  auto_ids: false\n";
    let read = read_yaml_document(yaml).expect("YAML");
    assert_eq!(
        read[0],
        ("title".to_string(), Value::String("Blog".to_string()))
    );
    assert_eq!(
        read[1].1,
        Value::List(vec![Value::Map(vec![
            (
                "scope".to_string(),
                Value::Map(vec![
                    ("path".to_string(), Value::String("_posts".to_string())),
                    ("type".to_string(), Value::String("posts".to_string())),
                ])
            ),
            (
                "values".to_string(),
                Value::Map(vec![(
                    "layout".to_string(),
                    Value::String("post".to_string())
                )])
            ),
        ])])
    );
    let broken = read_yaml_document("title: [a\nurl: x\n").expect_err("broken");
    assert!(broken.line >= 1, "{broken}");
    let toml =
        read_toml_document("base_url = \"https://x.org\"\n[markdown]\nsmart_punctuation = true\n")
            .expect("TOML");
    assert_eq!(toml[0].1, Value::String("https://x.org".to_string()));
}

/// A top-level key's quoted scalar going on from the margin, which Ruby's YAML reads (so
/// Jekyll builds 18F's posts and Apache Flink's `excerpt:` so): its value folded as Ruby
/// 3's Psych folds it, the keys after it read, and edits as minimal as anywhere.
#[test]
fn quoted_scalars_going_on_from_the_margin_read_as_jekyll_reads_them() {
    let src = "---\ntitle: \"A: B\"\nexcerpt: \"All through the summer,\nthe team's \\\"best\\\"\n\nwork\"\ndescription: 'It''s\nhere'\nimage: /a.jpg\n---\nbody";
    let fields = read(src).unwrap_or_else(|e| panic!("{e}"));
    let values: Vec<(&str, &Value)> = fields.iter().map(|f| (f.key.as_str(), &f.value)).collect();
    assert_eq!(
        values,
        [
            ("title", &s("A: B")),
            (
                "excerpt",
                &s("All through the summer, the team's \"best\"\nwork")
            ),
            ("description", &s("It's here")),
            ("image", &s("/a.jpg")),
        ]
    );
    assert_eq!(
        set_ok(src, "image", &s("/b.jpg")),
        src.replace("/a.jpg", "/b.jpg")
    );
    assert_eq!(
        set_ok(src, "description", &s("New")),
        src.replace("'It''s\nhere'", "New")
    );
    let removed = applied(remove(src, "excerpt"), src);
    assert_eq!(
        removed.as_deref(),
        Ok("---\ntitle: \"A: B\"\ndescription: 'It''s\nhere'\nimage: /a.jpg\n---\nbody")
    );
    // Indented, or a block scalar: read as they were.
    let indented = "---\nexcerpt: \"a\n  b\"\nx: |\n  \"c\n  d\n---\n";
    assert_eq!(get(indented, "excerpt"), Ok(Some(s("a b"))));
    assert_eq!(get(indented, "x"), Ok(Some(s("\"c\nd\n"))));
}
