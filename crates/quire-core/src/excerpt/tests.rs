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

/// As Jekyll 4.3.1 builds these posts (its `post.excerpt`, on a site with no
/// `excerpt_separator`, or one that is not in the post).
#[test]
fn a_jekyll_site_cuts_the_excerpt_at_its_separator_only() {
    let jekyll = Rules::jekyll("\n\n");
    let more = "---\ntitle: a\n---\nFirst *para*.\n\nSecond.\n\n<!--more-->\n\nThird.\n";
    let found = detect_in(more, &jekyll);
    assert_eq!(found.convention, Convention::FirstParagraph);
    assert_eq!(found.markdown, "First *para*.");
    // A post of no known site, or a Hugo or Zola site's, ends it at the marker.
    assert_eq!(detect(more).markdown, "First *para*.\n\nSecond.");
    // A separator the post lacks: the whole post (its own key, or the site's).
    let own =
        "---\ntitle: b\nexcerpt_separator: <!--cut-->\n---\nFirst.\n\nSecond [x][].\n\n[x]: /x\n";
    for rules in [Rules::default(), jekyll.clone()] {
        let found = detect_in(own, &rules);
        assert_eq!(
            found.convention,
            Convention::WholePost("<!--cut-->".to_string())
        );
        assert_eq!(found.markdown, "First.\n\nSecond [x][].\n\n[x]: /x");
        assert_eq!(found.definitions, "");
    }
    let site = detect_in(more, &Rules::jekyll("<!--cut-->"));
    assert_eq!(
        site.convention,
        Convention::WholePost("<!--cut-->".to_string())
    );
    assert_eq!(
        site.markdown,
        "First *para*.\n\nSecond.\n\n<!--more-->\n\nThird."
    );
    let html = crate::render::render_excerpt(
        &detect_in(own, &jekyll).card_markdown(),
        &crate::render::Settings::default(),
    );
    assert_eq!(
        html, "<p>First.</p>\n<p>Second <a href=\"/x\">x</a>.</p>\n",
        "as Jekyll writes it"
    );
}

/// Jekyll adds to an excerpt the definitions of the rest of the post that it names: the
/// card renders its links as an index page shows them (the HTML of Jekyll 4.3.1).
#[test]
fn the_card_has_the_definitions_its_text_names() {
    let src = "---\ntitle: c\n---\nSee [a][x], [b][], [Y] and [z],\nnote[^1] [c]\n\n[x]: /u \"T\"\n   [b]: /b\n[y]: /y\n[z]:\n  /z\n[^1]: The note.\n[c]: /c\n";
    let found = detect_in(src, &Rules::jekyll("\n\n"));
    assert_eq!(found.convention, Convention::FirstParagraph);
    assert_eq!(
        found.card_markdown(),
        "See [a][x], [b][], [Y] and [z],\nnote[^1] [c]\n\n[x]: /u \"T\"\n[b]: /b\n[^1]: The note.\n[c]: /c"
    );
    let html =
        crate::render::render_excerpt(&found.card_markdown(), &crate::render::Settings::default());
    assert!(
        html.starts_with("<p>See <a href=\"/u\" title=\"T\">a</a>, <a href=\"/b\">b</a>, [Y] and [z],\nnote<sup id=\"fnref:1\" role=\"doc-noteref\"><a href=\"#fn:1\" class=\"footnote\" rel=\"footnote\">1</a></sup> <a href=\"/c\">c</a></p>"),
        "{html}"
    );
    assert!(
        html.contains("<li id=\"fn:1\" role=\"doc-endnote\">"),
        "{html}"
    );
    // Quire's own markers: definitions before the start count too.
    let marked = "---\nt: x\n---\n[early]: /e\n\n<!-- excerpt start -->\n[early] and [late]\n<!-- excerpt end -->\n\n[late]: /l\n";
    let found = detect(marked);
    assert_eq!(found.convention, Convention::StartEnd);
    assert_eq!(found.definitions, "[early]: /e\n[late]: /l");
    // A key's excerpt is the key's text alone.
    assert_eq!(
        detect("---\nexcerpt: See [x]\n---\n[x]: /x\n").definitions,
        ""
    );
}

#[test]
fn the_first_paragraph_ends_at_an_empty_line_as_jekyll_cuts_it() {
    // A line of spaces is not Jekyll's `\n\n`.
    assert_eq!(
        md("Para\n   \nMore.\n\nLast."),
        (Convention::FirstParagraph, "Para\n   \nMore.".to_string())
    );
    assert_eq!(
        md("One\r\n\r\nTwo"),
        (Convention::FirstParagraph, "One".to_string())
    );
}

/// The excerpt's editor and its marking follow the site's rules (the site's separator is
/// where the excerpt ends, not the first paragraph).
#[test]
fn edits_follow_the_sites_rules() {
    let cut = Rules::jekyll("<!--cut-->");
    let src = "---\ntitle: x\n---\nFirst.\n\nSecond.\n<!--cut-->\nThird.\n";
    assert_eq!(
        applied(replace_in(src, &cut, "New."), src).unwrap(),
        "---\ntitle: x\n---\nNew.\n<!--cut-->\nThird.\n"
    );
    // A marker is the site's separator...
    let plain = "---\ntitle: x\n---\nFirst.\n\nSecond.\n";
    let switched = applied(switch_in(plain, &cut, &Convention::More), plain).unwrap();
    assert_eq!(
        switched,
        "---\ntitle: x\n---\nFirst.\n\n<!--cut-->\n\nSecond.\n"
    );
    assert_eq!(
        detect_in(&switched, &cut).convention,
        Convention::Separator("<!--cut-->".to_string())
    );
    assert_eq!(switch_in(&switched, &cut, &Convention::More), Ok(None));
    // ...and in a Jekyll site that sets none, <!--more--> with the post's own key.
    let jekyll = Rules::jekyll("\n\n");
    let switched = applied(switch_in(plain, &jekyll, &Convention::More), plain).unwrap();
    assert_eq!(
        switched,
        "---\ntitle: x\nexcerpt_separator: <!--more-->\n---\nFirst.\n\n<!--more-->\n\nSecond.\n"
    );
    let found = detect_in(&switched, &jekyll);
    assert_eq!(found.convention, Convention::Separator(MORE.to_string()));
    assert_eq!(found.markdown, "First.");
    // A whole-post excerpt is marked as an unmarked post: its first paragraph.
    let whole = "---\nexcerpt_separator: <!--x-->\n---\nA.\n\nB.\n";
    let marked = applied(switch_in(whole, &jekyll, &Convention::StartEnd), whole).unwrap();
    assert_eq!(detect_in(&marked, &jekyll).markdown, "A.");
    let marked = applied(switch_in(whole, &jekyll, &Convention::More), whole).unwrap();
    assert_eq!(
        marked,
        "---\nexcerpt_separator: <!--x-->\n---\nA.\n\n<!--x-->\n\nB.\n"
    );
}
