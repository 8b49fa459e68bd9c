//! Typing inside a long list updates only the items around the edit (`items.rs`), and
//! every such update equals a full render.

use proptest::prelude::*;

use super::{check_update, commonmark, kramdown};
use crate::render::blocks::{BlockRenderer, Settings};

/// A reading list of `n` links under an opening paragraph, with a paragraph after it.
fn reading_list(n: usize) -> String {
    let mut body = String::from("What I read.\n\n");
    for i in 0..n {
        body.push_str(&format!(
            "- [Reading {i}](https://example.org/{i}), a note with *emphasis* and `code`\n"
        ));
    }
    body.push_str("\nThat is all.\n");
    body
}

fn type_at(body: &str, needle: &str, text: &str) -> String {
    let at = body.find(needle).expect("the needle is in the body") + needle.len();
    format!("{}{text}{}", &body[..at], &body[at..])
}

#[test]
fn typing_in_a_long_list_replaces_three_items() {
    for settings in [commonmark(), kramdown()] {
        let jekyll = settings.flavour == crate::render::Flavour::Jekyll;
        let mut body = reading_list(200);
        let mut r = BlockRenderer::with_settings(&body, settings);
        for ch in ["x", "y", " ", "**"] {
            body = type_at(&body, "Reading 100", ch);
            let mut dom: Vec<String> = r.blocks().iter().map(|b| b.html.clone()).collect();
            let patch = r.update(&body);
            let items = patch.items.as_ref().expect("an items patch");
            assert_eq!(
                (items.block, items.from, items.remove),
                (1, 99, 3),
                "{jekyll}"
            );
            assert_eq!(items.before, 200);
            assert!(patch.insert.is_empty() && patch.remove == 0 && patch.replace.is_empty());
            assert_eq!(r.last_reparsed(), 1);
            patch.apply_to(&mut dom);
            let fresh = BlockRenderer::with_settings(&body, r.settings().clone());
            let expected: Vec<String> = fresh.blocks().iter().map(|b| b.html.clone()).collect();
            assert_eq!(dom, expected, "the patched list");
            assert_eq!(r.blocks(), fresh.blocks(), "{jekyll} {body:?}");
        }
    }
}

const LINE_100: &str = "Reading 100](https://example.org/100), a note with *emphasis* and `code`\n";
/// Which flavours an edit must render whole in.
#[derive(PartialEq)]
enum Bails {
    Cm,
    Jekyll,
    Both,
}
use Bails::{Both as BOTH, Cm as CM, Jekyll as JEKYLL};

#[test]
fn edits_that_reach_past_the_items_render_the_list_whole() {
    let cases = [
        // A blank line makes a CommonMark list loose: every item changes (kramdown wraps
        // only the item before it in a paragraph).
        (LINE_100, "\n", CM),
        // A second paragraph in an item: loose too.
        (LINE_100.trim_end(), "\n\n  more", CM),
        // A fence opened at the line's start takes the rest of the body.
        (LINE_100, "```\n", BOTH),
        // Raw HTML the browser reads as list items.
        ("Reading 100", " </li><li>", BOTH),
        // Raw HTML left open: the Jekyll flavour closes it where kramdown would.
        ("Reading 100", " <em>open", BOTH),
        // A footnote reference: its note is elsewhere.
        ("Reading 100", "[^1]", BOTH),
        // A heading inside an item takes an id across the body (Jekyll flavour).
        (LINE_100, "- # Heading\n", JEKYLL),
    ];
    for (needle, text, bails) in cases {
        for settings in [commonmark(), kramdown()] {
            let cm = settings.flavour == crate::render::Flavour::CommonMark;
            let mut r = BlockRenderer::with_settings(&reading_list(200), settings);
            let body = type_at(&reading_list(200), needle, text);
            let mut check = r.clone();
            check_update(&mut check, &body);
            let patch = r.update(&body);
            if bails == BOTH || (bails == CM) == cm {
                assert!(patch.items.is_none(), "{text:?} in {cm}");
            }
        }
    }
}

#[test]
fn numbered_and_loose_lists_keep_their_numbers_and_paragraphs() {
    let mut body = String::new();
    for i in 1..=120 {
        body.push_str(&format!("{i}. Step {i} of the recipe, stirred well\n\n"));
    }
    for settings in [commonmark(), kramdown()] {
        let mut r = BlockRenderer::with_settings(&body, settings);
        let mut typed = body.clone();
        for (needle, text) in [("Step 60", "x"), ("Step 1 ", "y"), ("Step 120", "z")] {
            typed = type_at(&typed, needle, text);
            check_update(&mut r, &typed);
        }
    }
}

#[test]
fn small_lists_are_rendered_whole() {
    let body = reading_list(5);
    let mut r = BlockRenderer::with_settings(&body, commonmark());
    let patch = r.update(&type_at(&body, "Reading 2", "x"));
    assert!(patch.items.is_none());
}

const ITEM_LINES: &[&str] = &[
    "- item",
    "- [link](/x) and *em*",
    "* star item",
    "+ plus item",
    "1. one",
    "2. two",
    "2) two",
    "  - nested",
    "  continued",
    "lazy line",
    "",
    "- ```",
    "  code",
    "  ```",
    "- > quoted",
    "- <https://e.com/1>",
    "- [ ] task",
    "- a | b",
    "  |---|",
    "- Term",
    "  : definition",
    "{: .note}",
    "- {:.x} classed",
    "- <em>raw</em> *x*",
    "- <!-- c -->",
    "-",
    "- # Heading",
    "- note[^n]",
    "[^n]: the note",
    "[ref]: /url",
    "- [def]: /d",
    "- see [def]",
    "- see [ref]",
    "- It's \"quoted\" -- so...",
    "    indented",
    "---",
    "<div>",
];

/// The lines of a plain list, most of a random document's.
const PLAIN_LINES: &[&str] = &[
    "- item",
    "- [link](/x) and *em*",
    "- It's \"quoted\" -- so...",
    "- see [ref]",
    "  continued",
    "  - nested",
];

fn list_document() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        3 => prop::sample::select(PLAIN_LINES),
        1 => prop::sample::select(ITEM_LINES),
    ];
    prop::collection::vec(line, 1..40).prop_map(|lines| {
        let mut s = String::from("Intro.\n\n");
        s.push_str(&lines.join("\n"));
        s.push('\n');
        s
    })
}

fn item_insertion() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(ITEM_LINES).prop_map(|l| format!("{l}\n")),
        prop::sample::select(ITEM_LINES).prop_map(str::to_string),
        prop::sample::select(
            &["\n", "\n\n", "x", " ", "-", "*", "`", "```", "1.", "  ", "<", "[", "#", ":"][..]
        )
        .prop_map(str::to_string),
    ]
}

proptest! {
    // The same cases on every run, so that a run's result does not depend on a draw;
    // explore further locally by raising the cases or changing the seed (the latent
    // cases found so are written down in the notes).
    #![proptest_config(ProptestConfig {
        cases: 3000,
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x5175_6972_6520_0001),
        ..ProptestConfig::default()
    })]

    /// Every update made item by item equals a full render (the other updates are the
    /// window's, checked by `random_edits.rs`; here each starts from a full render).
    #[test]
    fn every_item_update_equals_a_full_render(
        doc in list_document(),
        edits in prop::collection::vec(
            (0.0f64..1.0, 0usize..6, item_insertion()), 1..6),
        jekyll in any::<bool>(),
    ) {
        let settings: Settings = if jekyll { kramdown() } else { commonmark() };
        let mut body = doc;
        for (at, len, text) in edits {
            let mut r = BlockRenderer::with_settings(&body, settings.clone());
            r.items_from = 0;
            body = super::edit(&body, at, len, &text);
            let mut probe = r.clone();
            if probe.update(&body).items.is_some() {
                check_update(&mut r, &body);
                let fresh = BlockRenderer::with_settings(&body, settings.clone());
                prop_assert_eq!(&r.definitions, &fresh.definitions);
            }
        }
    }
}

#[test]
fn autolinks_are_no_raw_html() {
    let mut body = String::new();
    for i in 0..100 {
        body.push_str(&format!(
            "- <https://example.org/{i}> and <me{i}@example.org>\n"
        ));
    }
    for settings in [commonmark(), kramdown()] {
        let mut r = BlockRenderer::with_settings(&body, settings);
        let typed = type_at(&body, "example.org/50> and", " x");
        let mut check = r.clone();
        check_update(&mut check, &typed);
        assert!(r.update(&typed).items.is_some());
        // Raw HTML is: the list is parsed whole.
        let raw = type_at(&typed, "example.org/50> and x", " <b>b</b>");
        assert!(r.update(&raw).items.is_none());
    }
}

/// A tight item's text made a table row right above an unclosed fence (a property test's
/// case): the table ends at a block boundary, so the row stays text, in an update of the
/// item as in a full render.
#[test]
fn a_row_above_a_fence_in_an_item_updates_as_it_renders() {
    let doc = "Intro.\n\n- item\nlazy line\n- item\n- see [ref]\n  - nested\n- see [ref]\n- It's \"quoted\" -- so...\n  ```\n- [link](/x) and *em*\n- [link](/x) and *em*\n- [link](/x) and *em*\n- item\n- item\n- item\n\n- {:.x} classed\n";
    let mut r = BlockRenderer::with_settings(doc, kramdown());
    r.items_from = 0;
    let body = super::edit(doc, 0.3588773414397047, 0, "- a | b");
    check_update(&mut r, &body);
}

/// `2) two` typed under a nested item, in a list with an item whose fence is left open
/// (a property test's case): kramdown knows no `2)` item, so the line is the nested
/// item's lazy text, in an update of the items as in a full render (the full render had
/// taken the open fence for one reaching the list's end, and kept the item).
#[test]
fn a_paren_item_beside_an_open_fence_in_an_item_updates_as_it_renders() {
    let doc = "Intro.\n\n- It's \"quoted\" -- so...\n- item\n{: .note}\n- see [ref]\n  ```\n- It's \"quoted\" -- so...\n- item\n- see [ref]\nlazy line\n- see [ref]\n  - nested\n  continued\n- item\n- item\n- item\n- see [ref]\n  - nested\n- [link](/x) and *em*\n";
    for s in [commonmark(), kramdown()] {
        let mut r = BlockRenderer::with_settings(doc, s.clone());
        r.items_from = 0;
        let body = super::edit(doc, 0.6632215621976832, 0, "2) two\n");
        check_update(&mut r, &body);
    }
}

/// An attribute list typed under an item's text, in a list made loose by a blank line far
/// away (a property test's case): the item's paragraph is written bare, the list with it,
/// in an update of the items as in a full render.
#[test]
fn an_attribute_list_under_an_item_updates_as_it_renders() {
    let doc = "Intro.\n\n- see [ref]\n- see [ref]\n- see [ref]\n- It's \"quoted\" -- so...\n- see [ref]\n- see [ref]\n- item\n  - nested\n- see [ref]\n- see [ref]\n- [link](/x) and *em*\n- see [ref]\n  - nested\n- [link](/x) and *em*\n- item\n- see [ref]\n- [link](/x) and *em*\n- [link](/x) and *em*\n- It's \"quoted\" -- so...\n\n- It's \"quoted\" -- so...\n- see [ref]\n- see [ref]\n- see [ref]\n- item\n- see [ref]\n- [link](/x) and *em*\n- see [ref]\n- [link](/x) and *em*\n- item\n- [link](/x) and *em*\n- It's \"quoted\" -- so...\n- <https://e.com/1>\n- see [ref]\n- see [ref]\n- see [ref]\n- see [ref]\n- see [ref]\n";
    for s in [commonmark(), kramdown()] {
        let mut r = BlockRenderer::with_settings(doc, s);
        r.items_from = 0;
        let body = super::edit(doc, 0.17935895542403663, 0, "{: .note}\n");
        check_update(&mut r, &body);
    }
}

/// A definition-like line in a tight item's text (`- [def]: /d  code`, no definition to
/// CommonMark) under an item defining `[def]`: the text writes the reference, in a full
/// render as in an update of the items (a property test's case: counted as a second
/// definition, it had hidden the first in the full render only).
#[test]
fn a_definition_like_item_text_is_no_second_definition() {
    let doc = "Intro.\n\n- see [ref]\n- [link](/x) and *em*\n- [link](/x) and *em*\n- item\n- [link](/x) and *em*\n  - nested\n- item\n  - nested\n  - nested\n  - nested\n- see [ref]\n  - nested\n- [link](/x) and *em*\n- see [ref]\n- [link](/x) and *em*\n- [link](/x) and *em*\n- item\n- see [ref]\n- [def]: /d\n- see [ref]\n- item\n- [link](/x) and *em*\n- item\n  : definition\n- [link](/x) and *em*\n- see [ref]\n- see [ref]\n- see [ref]\n  - nested\n  code\n- It's \"quoted\" -- so...\n- see [ref]\n- It's \"quoted\" -- so...\n- It's \"quoted\" -- so...\n  - nested\n  - nested\n- It's \"quoted\" -- so...\n";
    let mut r = BlockRenderer::with_settings(doc, kramdown());
    r.items_from = 0;
    let body = super::edit(doc, 0.7440230774179728, 0, "- [def]: /d");
    check_update(&mut r, &body);
}

/// Where the list's items start is kept from one keystroke in the list to the next (and
/// checked against a fresh scan in debug builds after each): typing a run of characters,
/// a new item, Backspace over it, in items far apart, each update equals a full render,
/// and another block's change forgets what was kept.
#[test]
fn kept_item_positions_follow_each_keystroke() {
    for settings in [commonmark(), kramdown()] {
        let mut body = reading_list(300);
        let mut r = BlockRenderer::with_settings(&body, settings.clone());
        let edits: Vec<(&str, &str)> = vec![
            ("Reading 150", "a"),
            ("Reading 150a", "b"),
            ("Reading 150ab", "\n- new item"),
            ("new item", "!"),
            ("Reading 20", "z"),
            ("Reading 290", " and *more*"),
        ];
        for (needle, text) in edits {
            body = type_at(&body, needle, text);
            let patch = r.update(&body);
            assert!(patch.items.is_some(), "{needle:?}: an items patch");
            assert!(
                r.items_cache.is_some(),
                "{needle:?}: the positions are kept"
            );
            assert_eq!(
                r.html(),
                BlockRenderer::with_settings(&body, settings.clone()).html()
            );
        }
        // Backspace: the new item taken away again, a character at a time.
        let start = body.find("\n- new item!").expect("the new item");
        for end in (start..start + "\n- new item!".len()).rev() {
            body.replace_range(end..end + 1, "");
            r.update(&body);
            assert_eq!(
                r.html(),
                BlockRenderer::with_settings(&body, settings.clone()).html()
            );
        }
        // Typing in the paragraph after the list: the kept positions are gone.
        body = type_at(&body, "That is", " really");
        r.update(&body);
        assert!(r.items_cache.is_none());
        assert_eq!(
            r.html(),
            BlockRenderer::with_settings(&body, settings.clone()).html()
        );
    }
}
