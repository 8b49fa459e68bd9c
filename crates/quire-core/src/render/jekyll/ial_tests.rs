//! Attribute lists (`ial.rs`, `parse/ials.rs`) and the renderer's marks (`clear_marks`,
//! `flanking.rs`) against what kramdown makes of the same Markdown.

use super::jekyll_html as jekyll;
use super::*;
use crate::render::{render_body, Flavour, Settings};

#[test]
fn attribute_lists_are_applied_or_hidden() {
    assert_eq!(
        jekyll("Para.\n{: .note #n data-x=\"1\"}\n"),
        "<p id=\"n\" class=\"note\" data-x=\"1\">Para.</p>\n"
    );
    // On the line right before a paragraph (Jekyll's own docs write notes so).
    assert_eq!(
        jekyll("{: .note .info}\nYou can add `x` here.\n"),
        "<p class=\"note info\">You can add <code class=\"language-plaintext highlighter-rouge\">x</code> here.</p>\n"
    );
    // On the emphasis right before it, as kramdown applies it.
    assert_eq!(
        jekyll("Span *em*{:.hl} here.\n"),
        "<p>Span <em class=\"hl\">em</em> here.</p>\n"
    );
    let list = jekyll("- a\n{: .x}\n");
    assert!(!list.contains("{:"), "{list}");
    assert_eq!(
        parse_ial("{: .a .b #c k='v'}").map(|i| i.classes.len()),
        Some(2)
    );
    assert_eq!(parse_ial("{:: comment}"), None);
    assert_eq!(parse_ial("{: not valid!}"), None);
    // Classes and an id run together in one word, as Jekyll 4.3.1 writes them (the TeXt
    // theme's sample posts; Jekyll writes the class first); a word of them that does not
    // scan gives nothing.
    assert_eq!(
        jekyll("![A](/a.png \"t\"){:.circle.shadow#pic}\n\nPara.\n{: .a.b #c .d}\n\nMore.\n{: #9x .e}\n"),
        "<p><img src=\"/a.png\" alt=\"A\" title=\"t\" id=\"pic\" class=\"circle shadow\" /></p>\n\
         <p id=\"c\" class=\"a b d\">Para.</p>\n<p class=\"e\">More.</p>\n"
    );
}

/// Lines of attribute list in a row, before, between and after a paragraph's lines: all
/// of a run go to one paragraph (expected as Jekyll 4.3.1 writes it).
#[test]
fn runs_of_attribute_lines_go_together() {
    assert_eq!(
        jekyll("a\n{: .x}\n{: .y}\nb\n\nc\n{: .x}\nd\n{: .y}\ne\n\nf\n{: .x}\n{: .y}\n\n\
             {: .p}\n{: .q}\ng\n\nh\n{: .x}\n\n{: .p}\ni\n{: .y}\n"),
        "<p class=\"x y\">a</p>\n<p>b</p>\n<p class=\"x\">c</p>\n<p class=\"y\">d</p>\n<p>e</p>\n\
         <p class=\"x y\">f</p>\n<p class=\"p q\">g</p>\n<p class=\"x\">h</p>\n<p class=\"p y\">i</p>\n"
    );
    // First in the body with a blank line under it (blank lines above it or not), a list
    // is no block's; further down, the next block's.
    for top in ["{: .x}\n\nz\n", "\n{: .x}\n{: .w}\n\nz\n"] {
        let html = jekyll(&format!("{top}\n- a\n\n{{: .y}}\n\nq\n"));
        assert!(
            html.contains("<p>z</p>") && html.contains("<p class=\"y\">q</p>"),
            "{html}"
        );
    }
    // A paragraph of attribute lines only is read as one line holding them all.
    assert_eq!(
        jekyll("- a\n\n{: .x}\n{: .y}\n\nz\n"),
        jekyll("- a\n\n{: .x .y}\n\nz\n")
    );
    assert_eq!(
        jekyll("- a\n\n{: .x}\n{: .y}\n"),
        jekyll("- a\n\n{: .x .y}\n")
    );
}

/// A post holding the control characters the renderer marks with (a stray one pasted
/// in): each is shown as one that marks nothing, in both flavours, and nothing else
/// changes: no table of contents, backtick, pipe or space appears for it.
#[test]
fn a_posts_control_characters_are_not_read_as_marks() {
    for flavour in [Flavour::Jekyll, Flavour::CommonMark] {
        let settings = Settings {
            flavour,
            ..Default::default()
        };
        let post = |c: char| {
            format!(
                "# a{c}b\n\ntext {c} `x{c}` a{c}: **b** [l](u{c}) {c}\n\n| a{c} | b |\n|--|--|\n\
                 | c | d{c} |\n\n- x{c}\n"
            )
        };
        let stray = render_body(&post(STRAY), &settings);
        for c in (1u8..0x20).chain([0x7f]).map(char::from) {
            if is_mark(c) {
                assert_eq!(render_body(&post(c), &settings), stray, "{c:?} {flavour:?}");
            }
        }
        assert!(!stray.contains("markdown-toc"), "{stray}");
    }
    // Not a mark: kept as written.
    assert!(jekyll("a\u{1b}b\n").contains("a\u{1b}b"));
}

/// A post's own private use characters (Powerline glyphs in a post on shell prompts) stay
/// as written beside bold text: they are the stand-ins of marked punctuation, and are not
/// written back as punctuation.
#[test]
fn private_use_characters_stay_as_written() {
    assert_eq!(
        jekyll("prompt \u{E0B0} and **bold** \u{E0A0}\n"),
        "<p>prompt \u{E0B0} and <strong>bold</strong> \u{E0A0}</p>\n"
    );
    assert_eq!(
        jekyll("only \u{E0B0} here\n"),
        "<p>only \u{E0B0} here</p>\n"
    );
}
