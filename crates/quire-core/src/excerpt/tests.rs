use super::*;
use crate::edit::applied;

const SEED: &str = include_str!("../../../../tests/fixtures/seed-post.md");

fn md(src: &str) -> (Convention, String) {
    let e = detect(src);
    (e.convention, e.markdown)
}

#[test]
fn detects_each_convention_in_order() {
    let cases: &[(&str, Convention, &str)] = &[
        ("---\nexcerpt: From the key\n---\n<!-- excerpt start -->\nmarked\n<!-- excerpt end -->\n", Convention::FrontMatterKey, "From the key"),
        ("---\nt: x\n---\n\n<!-- excerpt start -->\nMarked text.\n<!-- excerpt end -->\n\nRest.\n", Convention::StartEnd, "Marked text."),
        ("Intro *here*.\n\n<!--more-->\n\nRest.", Convention::More, "Intro *here*."),
        ("Intro.\n<!-- more -->\nRest.", Convention::More, "Intro."),
        ("---\nexcerpt_separator: <!--cut-->\n---\nBefore.\n<!--cut-->\nAfter <!--more-->", Convention::Separator("<!--cut-->".into()), "Before."),
        ("\n\nFirst para\nstill first.\n\nSecond.", Convention::FirstParagraph, "First para\nstill first."),
        ("---\na: 1\n---\nOnly one.", Convention::FirstParagraph, "Only one."),
        ("", Convention::FirstParagraph, ""),
        ("```\n<!--more-->\n```\n\nReal.", Convention::FirstParagraph, "```\n<!--more-->\n```"),
        ("Use `<!--more-->` to cut.\n\nNext.", Convention::FirstParagraph, "Use `<!--more-->` to cut."),
        ("<!-- excerpt start -->\r\nCRLF text.\r\n<!-- excerpt end -->\r\n", Convention::StartEnd, "CRLF text."),
    ];
    for (src, convention, markdown) in cases {
        assert_eq!(
            md(src),
            (convention.clone(), markdown.to_string()),
            "{src:?}"
        );
    }
}

#[test]
fn the_seed_post_uses_start_end_markers() {
    let e = detect(SEED);
    assert_eq!(e.convention, Convention::StartEnd);
    assert_eq!(
        e.markdown,
        "Here are the articles, videos, and tools that I'm excited about this August."
    );
    assert_eq!(&SEED[e.range.clone()], e.markdown);
    assert!(e.warnings.is_empty());
}

#[test]
fn warnings() {
    let cases: &[(&str, Warning)] = &[
        ("text\n<!-- excerpt end -->\n", Warning::EndWithoutStart),
        ("<!-- excerpt start -->\ntext\n", Warning::StartWithoutEnd),
        (
            "<!-- excerpt start -->\na\n<!-- excerpt end -->\n<!-- excerpt start -->\n",
            Warning::SeveralStarts,
        ),
        (
            "    <!-- excerpt start -->\n\ntext",
            Warning::MarkerInCode(START.into()),
        ),
    ];
    for (src, warning) in cases {
        assert!(
            detect(src).warnings.contains(warning),
            "{src:?}: {:?}",
            detect(src).warnings
        );
    }
}

#[test]
fn replace_changes_only_the_excerpt() {
    let after = applied(replace(SEED, "A new summary."), SEED).unwrap_or_else(|e| panic!("{e}"));
    let expected = SEED.replace(
        "Here are the articles, videos, and tools that I'm excited about this August.",
        "A new summary.",
    );
    assert_eq!(after, expected);
    assert_eq!(detect(&after).markdown, "A new summary.");

    let keyed = "---\nexcerpt: Old\n---\nbody";
    let after = applied(replace(keyed, "New: with colon"), keyed).unwrap_or_default();
    assert_eq!(after, "---\nexcerpt: 'New: with colon'\n---\nbody");

    let first = "First.\n\nSecond.";
    assert_eq!(
        applied(replace(first, "Changed."), first).ok().as_deref(),
        Some("Changed.\n\nSecond.")
    );
}

#[test]
fn wrap_and_remove_markers() {
    let src = "---\nt: x\n---\nIntro line.\n\nMore text.\n";
    let start = src.find("Intro").unwrap_or(0);
    let end = start + "Intro line.".len();
    let after = applied(wrap(src, start..end), src).unwrap_or_default();
    assert_eq!(
        after,
        "---\nt: x\n---\n<!-- excerpt start -->\nIntro line.\n<!-- excerpt end -->\n\nMore text.\n"
    );
    assert_eq!(
        md(&after),
        (Convention::StartEnd, "Intro line.".to_string())
    );

    // Wrapping elsewhere moves the markers.
    let m = after.find("More").unwrap_or(0);
    let moved = applied(wrap(&after, m..m + "More text.".len()), &after).unwrap_or_default();
    assert_eq!(
        moved,
        "---\nt: x\n---\nIntro line.\n\n<!-- excerpt start -->\nMore text.\n<!-- excerpt end -->\n"
    );

    let removed = applied(remove_markers(&after), &after);
    assert_eq!(removed.as_deref(), Ok(src));
    assert_eq!(remove_markers(src), Ok(None));
}

#[test]
fn switch_keeps_the_text() {
    let to_more = applied(switch(SEED, &Convention::More), SEED).unwrap_or_default();
    assert_eq!(md(&to_more).0, Convention::More);
    assert_eq!(md(&to_more).1, detect(SEED).markdown);

    let to_key = applied(switch(SEED, &Convention::FrontMatterKey), SEED).unwrap_or_default();
    assert_eq!(md(&to_key).0, Convention::FrontMatterKey);
    assert_eq!(md(&to_key).1, detect(SEED).markdown);

    let back = applied(switch(&to_more, &Convention::StartEnd), &to_more).unwrap_or_default();
    assert_eq!(md(&back), (Convention::StartEnd, detect(SEED).markdown));
}

proptest::proptest! {
    #[test]
    fn detect_never_panics(src in "\\PC{0,300}") {
        let e = detect(&src);
        proptest::prop_assert!(src.get(e.range.clone()).is_some());
        let _ = replace(&src, "x");
        let _ = remove_markers(&src);
        let _ = wrap(&src, 0..src.len());
    }
}

#[test]
fn the_site_separator_applies_unless_the_post_has_its_own() {
    let src = "---\ntitle: x\n---\nFirst.\n\nSecond.\n<!--cut-->\nThird.\n";
    let site = detect_with(src, "<!--cut-->");
    assert_eq!(
        site.convention,
        Convention::Separator("<!--cut-->".to_string())
    );
    assert_eq!(site.markdown, "First.\n\nSecond.");
    assert_eq!(
        detect_with(src, "\n\n").convention,
        Convention::FirstParagraph
    );
    let own = "---\nexcerpt_separator: \"<!--x-->\"\n---\nA.\n<!--x-->\nB.\n<!--cut-->\n";
    assert_eq!(detect_with(own, "<!--cut-->").markdown, "A.");
}
