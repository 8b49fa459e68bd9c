//! Fixture posts as data files: each `tests/fixtures/NAME.expect` names a post and what the
//! core must read from it. Every post must also split and join back to its exact bytes.

use std::path::{Path, PathBuf};

use quire_core::excerpt::{self, Convention};
use quire_core::export::{file_name, NameStyle};
use quire_core::front_matter;
use quire_core::post::FrontMatterKind;
use quire_core::{post, stats, LocalDateTime};

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn today() -> LocalDateTime {
    LocalDateTime {
        year: 2026,
        month: 11,
        day: 27,
        hour: 12,
        minute: 0,
        second: 0,
        offset_minutes: 0,
    }
}

fn convention_name(c: &Convention) -> &'static str {
    match c {
        Convention::FrontMatterKey => "key",
        Convention::StartEnd => "start-end",
        Convention::Separator(_) => "separator",
        Convention::WholePost(_) => "whole-post",
        Convention::More => "more",
        Convention::FirstParagraph => "first-paragraph",
    }
}

fn check(expect_path: &Path) -> Vec<String> {
    let expect = std::fs::read_to_string(expect_path).unwrap_or_default();
    let field = |name: &str| {
        expect
            .lines()
            .find_map(|l| l.strip_prefix(name)?.strip_prefix(':'))
            .map(|v| v.trim().replace("\\n", "\n"))
    };
    let Some(post_path) = field("post") else {
        return vec!["no `post:` line".into()];
    };
    let bytes = std::fs::read(workspace_root().join(&post_path)).unwrap_or_default();
    let Ok(src) = String::from_utf8(bytes.clone()) else {
        return vec![format!("{post_path} is not UTF-8")];
    };
    let mut problems = Vec::new();
    let mut expect_eq = |what: &str, got: String| {
        // Every post must round-trip, whether or not its file says so.
        let want = field(what).or_else(|| (what == "roundtrip").then(|| "identical".into()));
        if let Some(want) = want {
            if want != got {
                problems.push(format!("{what}: expected {want:?}, got {got:?}"));
            }
        }
    };

    // Split and join is the identity.
    let parts = post::split(&src);
    let mut joined = src[..parts.bom].to_string();
    if let Some(fm) = &parts.front_matter {
        joined.push_str(&src[fm.block.clone()]);
    }
    joined.push_str(parts.body_text(&src));
    let identical = joined.as_bytes() == bytes.as_slice();
    expect_eq(
        "roundtrip",
        if identical { "identical" } else { "changed" }.into(),
    );

    let kind = match parts.front_matter.as_ref().map(|f| f.kind) {
        Some(FrontMatterKind::Yaml) => "yaml",
        Some(FrontMatterKind::Toml) => "toml",
        None => "none",
    };
    expect_eq("kind", kind.to_string());
    match front_matter::read(&src) {
        Ok(fields) => {
            let keys: Vec<&str> = fields.iter().map(|f| f.key.as_str()).collect();
            expect_eq("keys", keys.join(", "));
            let text = |k: &str| {
                fields
                    .iter()
                    .find(|f| f.key == k)
                    .map(|f| f.value.to_plain_string())
                    .unwrap_or_default()
            };
            expect_eq("title", text("title"));
            expect_eq("date", text("date"));
            expect_eq("error.line", "none".into());
        }
        Err(e) => expect_eq("error.line", e.line.to_string()),
    }
    let found = excerpt::detect(&src);
    expect_eq(
        "excerpt.convention",
        convention_name(&found.convention).into(),
    );
    expect_eq("excerpt", found.markdown.clone());
    expect_eq("name", file_name(&src, &today(), NameStyle::Jekyll));
    expect_eq("words", stats::post_stats(&src).words.to_string());
    problems
}

#[test]
fn every_fixture_reads_as_expected() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut expects: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    expects.retain(|p| p.extension().is_some_and(|e| e == "expect"));
    expects.sort();
    assert!(
        expects.len() >= 7,
        "fixtures missing from {}",
        dir.display()
    );
    let failures: Vec<String> = expects
        .iter()
        .flat_map(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            check(p)
                .into_iter()
                .map(move |problem| format!("{name}: {problem}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "fixture failures:\n{}",
        failures.join("\n")
    );
}
