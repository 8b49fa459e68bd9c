use super::super::jekyll_html as jekyll;
use super::{closes_a_fence, mark_fences, never_closing, OpenFences};

/// Expected as Jekyll 4.3.1 writes them, whitespace aside: a fence with no closing fence
/// after it is text, read on in the paragraph above it or as one of its own, at the top
/// level, in a list item and in a quotation.
#[test]
fn a_fence_that_never_closes_is_text() {
    let cases = [
        (
            "Text\n```\nopen *b*\n\nmore\n",
            "<p>Text\n```\nopen <em>b</em></p>\n<p>more</p>\n",
        ),
        (
            "* two\n\n  ```\n  open *b*\n\n  more\n",
            "<ul>\n<li>\n<p>two</p>\n<p>```\nopen <em>b</em></p>\n<p>more</p>\n</li>\n</ul>\n",
        ),
        (
            "> quote\n>\n> ```\n> open *b*\n",
            "<blockquote>\n<p>quote</p>\n<p>```\nopen <em>b</em></p>\n</blockquote>\n",
        ),
    ];
    for (markdown, expected) in cases {
        assert_eq!(jekyll(markdown), expected, "{markdown:?}");
    }
    // A closing fence anywhere below closes it, a longer one too; a shorter one is
    // kramdown's end too (it reads ```` ```` ```` as a fence of three, its language
    // `` ` ``): left as CommonMark reads it.
    for closed in ["```\ncode *a*\n\ntext\n````\n", "````\ncode *a*\n```\n"] {
        assert!(jekyll(closed).contains("<code>code *a*\n"), "{closed:?}");
    }
}

#[test]
fn a_fence_never_closes_when_no_line_below_closes_it() {
    let open = |text: &str, ranges: &[(usize, usize)]| {
        let mut fences = OpenFences::default();
        for &(start, end) in ranges {
            fences.see(text, start..end);
        }
        never_closing(&fences.found)
            .iter()
            .map(|f| (f.at, f.run))
            .collect::<Vec<_>>()
    };
    // The list item's fence has a closing line below (in the quotation): not text; the
    // quotation's bare one may be its closing line.
    let text = "- ```js\n  a\n\n> ```\n> b\n";
    assert_eq!(open(text, &[(2, 13), (15, 23)]), vec![]);
    let text = "- ```js\n  a\n\n> ```js\n> b\n";
    assert_eq!(open(text, &[(2, 13), (15, 25)]), vec![(2, 3), (15, 3)]);
    // Closed inside: not open.
    let text = "````\nc\n`````\n";
    assert_eq!(open(text, &[(0, 13)]), vec![]);
    // Of tildes: only backticks are marked. A shorter closing run: kramdown's end.
    assert_eq!(open("~~~\nx\n", &[(0, 6)]), vec![]);
    assert_eq!(open("````\nx\n```\n", &[(0, 11)]), vec![]);
    assert_eq!(
        mark_fences("a\n```\nb\n", &[(2, 3)]),
        "a\n\u{4}\u{4}\u{4}\nb\n"
    );
    // Only backticks are marked.
    assert_eq!(mark_fences("a\n~~~\n", &[(2, 3)]), "a\n~~~\n");
    assert!(closes_a_fence("x\n  ````  \n"));
    assert!(closes_a_fence("> ```\n"));
    assert!(!closes_a_fence("``\n~~~\n````js\n"));
}

/// A fence with a language that nothing below closes is found without a parse; a post of
/// thousands is read in one parse, all of them text.
#[test]
fn fences_with_a_language_and_no_closing_line_below_are_found_at_once() {
    use super::never_closing_with_language as never;
    assert_eq!(never("```js\na\n```\n```rb\nb\n```py x\n"), vec![(12, 3)]);
    assert_eq!(never("```rb\n``` \n"), vec![]);
    let many = "```x\ny\n\n".repeat(5_000);
    let html = jekyll(&many);
    assert!(!html.contains("<code"));
    assert_eq!(html.matches("<p>```x\ny</p>").count(), 5_000);
}
