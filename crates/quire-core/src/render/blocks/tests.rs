use super::stand_ins::cited;
use super::*;
use crate::render::render_markdown;
use crate::render::Flavour;

mod kramdown_readings;
mod list_items;
mod random_edits;
use random_edits::edit;

fn commonmark() -> Settings {
    Settings {
        flavour: Flavour::CommonMark,
        site_url: String::new(),
        ..Default::default()
    }
}

fn kramdown() -> Settings {
    Settings {
        flavour: Flavour::Jekyll,
        site_url: "https://example.com/blog".into(),
        ..Default::default()
    }
}

/// A CommonMark renderer of `body`.
fn cm(body: &str) -> BlockRenderer {
    BlockRenderer::with_settings(body, commonmark())
}

/// Update `renderer` to `body` and check it against a fresh full render.
fn check_update(renderer: &mut BlockRenderer, body: &str) {
    let mut dom: Vec<String> = renderer.blocks().iter().map(|b| b.html.clone()).collect();
    let patch = renderer.update(body);
    patch.apply_to(&mut dom);
    let fresh = BlockRenderer::with_settings(body, renderer.settings().clone());
    if renderer.settings().flavour == Flavour::CommonMark {
        assert_eq!(renderer.html(), render_markdown(body), "html for {body:?}");
    }
    assert_eq!(renderer.blocks(), fresh.blocks(), "blocks for {body:?}");
    let expected: Vec<String> = fresh.blocks().iter().map(|b| b.html.clone()).collect();
    assert_eq!(dom, expected, "patched list for {body:?}");
}

#[test]
fn full_render_cuts_at_top_level_blocks() {
    let body = "# Title\n\nA paragraph\nover two lines.\n\n- a\n- b\n\n> quote\n\n```\ncode\n```\n";
    let r = cm(body);
    let starts: Vec<usize> = r.blocks().iter().map(|b| b.start).collect();
    assert_eq!(starts, vec![0, 9, 38, 47, 56]);
    assert_eq!(r.blocks()[0].html, "<h1>Title</h1>\n");
    assert_eq!(r.html(), render_markdown(body));
    assert_eq!(r.block_at(0), Some(0));
    assert_eq!(r.block_at(45), Some(2));
    assert_eq!(r.block_at(47), Some(3));
}

#[test]
fn typing_in_a_paragraph_reparses_a_few_blocks() {
    let mut body = String::new();
    for i in 0..200 {
        body.push_str(&format!("Paragraph {i} with *some* text.\n\n"));
    }
    let mut r = cm(&body);
    let at = body.find("Paragraph 100").unwrap_or(0) + 5;
    body.insert(at, 'x');
    let patch = r.update(&body);
    // Two blocks parsed again; the patch replaces only the one whose HTML changed.
    assert_eq!(r.last_reparsed(), 2);
    assert_eq!(patch.start, 100);
    assert_eq!(patch.remove, 1);
    assert_eq!(patch.insert.len(), 1);
    assert!(patch.insert[0].contains("Paragxraph 100"));
    assert_eq!(r.html(), render_markdown(&body));
}

#[test]
fn typing_under_headings_keeps_every_id_and_the_table_of_contents() {
    // The window's headings keep their base ids: the ids are reused, and a table of
    // contents is filled again from the headings.
    for toc in ["", "* toc\n{:toc}\n\n"] {
        let mut body = String::from(toc);
        for i in 0..30 {
            body.push_str(&format!("## Same\n\nText {i} here.\n\n"));
        }
        let mut r = BlockRenderer::with_settings(&body, kramdown());
        let edits = [
            ("Text 20 here", "Text 20 xhere"),
            ("## Same\n\nText 7", "## Same!\n\nText 7"),
            ("## Same\n\nText 9", "## Other\n\nText 9"),
        ];
        for (from, to) in edits {
            body = body.replacen(from, to, 1);
            check_update(&mut r, &body);
        }
        assert!(r.html().contains("id=\"same-28\""), "{}", r.html());
        assert!(r.html().contains("Same!"), "{}", r.html());
    }
}

#[test]
fn table_of_edits_equals_full_render() {
    // (before, after): each pair is a change that reaches past the edited block.
    let cases = [
        ("a\n\nb\n\nc\n", "a\n\n```\nb\n\nc\n"),
        ("a\n\n```\nb\n\nc\n", "a\n\nb\n\nc\n"),
        ("para\n# head\n\nnext\n", "para\nhead\n\nnext\n"),
        ("para\n\nline\n", "para\n\nline\n---\n"),
        ("- a\n\n  b\n\nc\n", "- a\n\n  b\n\n  c\n"),
        ("see [x]\n\n[x]: /one\n", "see [x]\n\n[x]: /two\n"),
        (
            "see [x]\n\nother\n\n[x]: /one\n",
            "see [x] now\n\nother\n\n[x]: /one\n",
        ),
        (
            "[x]: /a\n\n[x]\n\n[x]: /b\n",
            "[x]: /a\n\n[x]!\n\n[x]: /b\n",
        ),
        ("a[^1]\n\n[^1]: n\n", "ab[^1]\n\n[^1]: n\n"),
        ("<div>\n\nx\n\n</div>\n", "<div>\nx\n\n</div>\n"),
        ("a\n\nb", "a\n\nb\n\n"),
        ("", "# new\n"),
        ("# gone\n", ""),
        ("\n\n\na\n", "\n\nx\na\n"),
        (
            "| a | b |\n|---|---|\n| 1 | 2 |\n",
            "| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n",
        ),
        ("é\n\nü\n", "é\n\nüü\n"),
        ("> a\n\nb\n", "> a\nb\n"),
        ("1. a\n\n2. b\n", "1. a\n2. b\n"),
        // An attribute list before a block, outside the edited block's window.
        (
            "```\n```\n{: .note}\n\na note\n- item\n",
            "```\n```\n{: .note}\n\na note\n- ite# Heading\nm\n",
        ),
        (
            "- item\n\n{: .note}\n## Repeated\n# H\n",
            "    indented code\n item\n\n{: .note}\n## Repeated\n# H\n",
        ),
        ("## A\n\n## A\n\ntext\n", "## A\n\n## A\n\n## A\n\ntext\n"),
        // The attribute list under the anchor was another block's, and now is its.
        (
            "{:toc}\n## Repeated\n{: .note}\n\n",
            "# Heading\n{:toc}\n## Repeated\n{: .note}\n\n",
        ),
        // Two notes defined on one line.
        (
            "[^a]: x\n- item\n\nmore[^n]\n",
            "[^a]: [^n]: the note\n- item\n\nmore[^n]\n",
        ),
        // Notes the parser itself writes inside HTML a kramdown pass renders.
        (
            "<img src=\"a.png\">\n[^m]: note m\n\nx\n\n<img src=\"b.png\">\n[^n]: note n\n",
            "<img src=\"a.png\">\n[^m]: note m\n\nxy\n\n<img src=\"b.png\">\n[^n]: note n\n",
        ),
    ];
    for (before, after) in cases {
        let mut r = cm(before);
        assert_eq!(r.html(), render_markdown(before), "{before:?}");
        check_update(&mut r, after);
        check_update(&mut r, before);
        let mut r = BlockRenderer::with_settings(before, kramdown());
        check_update(&mut r, after);
        check_update(&mut r, before);
    }
}

/// A definition changed outside a block of Markdown inside HTML that uses it: the block
/// follows (the body renders whole).
#[test]
fn a_definition_outside_markdown_in_html_updates_it() {
    let body = "<div markdown=\"1\">\nSee [a].\n</div>\n\nText.\n\n[a]: /one\n";
    let mut r = BlockRenderer::with_settings(body, kramdown());
    assert!(
        r.html().contains("href=\"https://example.com/blog/one\""),
        "{}",
        r.html()
    );
    check_update(&mut r, &body.replace("/one", "/two"));
    assert!(r.html().contains("/two\""), "{}", r.html());
    check_update(&mut r, &body.replace("[a]: /one\n", ""));
    assert!(r.html().contains("See [a]."), "{}", r.html());
}

#[test]
fn unchanged_body_gives_an_empty_patch() {
    let mut r = cm("a\n\nb\n");
    assert!(r.update("a\n\nb\n").is_empty());
}

#[test]
fn a_repeated_definition_after_the_anchor_wins_as_in_a_full_render() {
    // CommonMark's first of two `[r]` definitions counts, kramdown's last; the second sits
    // after the anchor block.
    let body = "a\n\n[r]: /first\n\nb\n\nx [r]\n\nlast\n\n[r]: /second\n";
    for (settings, wins) in [(commonmark(), "/first"), (kramdown(), "/second")] {
        let mut r = BlockRenderer::with_settings(body, settings);
        let edited = body.replace("x [r]", "y [r]");
        check_update(&mut r, &edited);
        assert!(r.html().contains(wins), "{}", r.html());
        // Typing in either definition.
        check_update(&mut r, &edited.replace("/first", "/firsts"));
        check_update(&mut r, &edited.replace("/second", "/seconds"));
        check_update(&mut r, &edited.replace("\n[r]: /second\n", "\n"));
        assert!(r.html().contains("/first"), "{}", r.html());
    }
}

#[test]
fn liquid_image_links_render_as_images_at_the_site() {
    let body = "![A]({{ site.baseurl }}/assets/a.png)\n\n\
                <img src=\"{{ '/assets/b.png' | relative_url }}\" alt=\"B\">\n\n\
                `{{ site.baseurl }}` and ({{ site.baseurl }})\n";
    let html = BlockRenderer::with_settings(body, kramdown()).html();
    assert!(
        html.contains("<img src=\"https://example.com/blog/assets/a.png\" alt=\"A\""),
        "{html}"
    );
    assert!(
        html.contains("<img src=\"/assets/b.png\" alt=\"B\" />"),
        "{html}"
    );
    assert!(
        html.contains(
            "<code class=\"language-plaintext highlighter-rouge\">{{ site.baseurl }}</code>"
        ),
        "{html}"
    );
    assert!(!html.contains('\u{7f}'), "{html}");
    let mut renderer = BlockRenderer::with_settings("x\n", kramdown());
    check_update(&mut renderer, body);
}

#[test]
fn typing_in_a_post_with_footnotes_reparses_a_few_blocks() {
    // Footnote numbers and the list of notes are filled in across the body; a keystroke
    // re-renders its window, with the notes defined elsewhere known to it.
    let mut body = String::new();
    for i in 0..60 {
        body.push_str(&format!("Paragraph {i} with a note[^{}].\n\n", i % 3));
    }
    body.push_str("[^0]: Note zero.\n\n[^1]: Note *one*.\n\n[^2]: Note two.\n");
    let mut r = BlockRenderer::with_settings(&body, kramdown());
    // (from, to, at most this many blocks parsed again)
    let edits = [
        ("Paragraph 30 with", "Paragraph 30 xwith", 3),
        ("Note two.", "Note two, longer.", 4),
        ("Paragraph 59 with", "Paragraph 59 withx", 4),
        // A new first reference renumbers every reference after it.
        ("Paragraph 0 with", "Paragraph 0[^2] with", 3),
        // A reference to a note not defined stays text until the note is written.
        ("Paragraph 40 with", "Paragraph 40[^new] with", 3),
        ("[^2]: Note", "[^new]: New.\n\n[^2]: Note", usize::MAX),
        ("[^1]: Note *one*.\n\n", "", usize::MAX),
        ("Paragraph 1 with", "Paragraph 1 xwith", 3),
    ];
    for (from, to, most) in edits {
        assert!(body.contains(from), "{from}");
        body = body.replacen(from, to, 1);
        check_update(&mut r, &body);
        assert!(r.last_reparsed() <= most, "{to}: {}", r.last_reparsed());
    }
    let html = r.html();
    assert!(html.contains("Paragraph 0<sup id=\"fnref:2\""), "{html}");
    assert!(html.contains("<li id=\"fn:new\""), "{html}");
    assert!(html.contains("Note two, longer."), "{html}");
    assert!(html.contains("Paragraph 1 xwith a note[^1]."), "{html}");
    assert!(html.trim_end().ends_with("</div>"), "{html}");
}

#[test]
fn a_note_defined_inside_a_list_is_rendered_whole() {
    // kramdown reads the bullet list as more of the numbered one, and the note inside it.
    let body = "1. one[^n]\nx\n* toc\n[^n]: the note\n\ntext[^n]\n";
    let mut r = BlockRenderer::with_settings(body, kramdown());
    assert!(r.whole, "{:?}", r.blocks());
    check_update(&mut r, &body.replace("text", "more text"));
    assert!(r.whole, "{:?}", r.blocks());
    // Written at the top level, the same note is filled in by window.
    let body = "one[^n]\n\n[^n]: the note\n\ntext[^n]\n";
    let mut r = BlockRenderer::with_settings(body, kramdown());
    check_update(&mut r, &body.replace("text", "more text"));
    assert!(!r.whole, "{:?}", r.blocks());
}

#[test]
fn a_window_is_given_the_notes_it_may_cite() {
    let labels = ["n", "Other", "a b", "x\\]y"];
    // (stretch, the labels given)
    let cases: [(&str, &[&str]); 5] = [
        ("No references here.", &[]),
        ("A note[^n] and [^OTHER].", &["n", "Other", "a b", "x\\]y"]),
        ("Only [^N].", &["n", "a b", "x\\]y"]),
        ("An odd one [^a b].", &["n", "Other", "a b", "x\\]y"]),
        ("Unclosed [^n", &["n", "a b", "x\\]y"]),
    ];
    for (stretch, expected) in cases {
        assert_eq!(cited(labels.into_iter(), stretch), expected, "{stretch}");
    }
}
