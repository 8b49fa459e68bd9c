//! Whatever a post's Markdown holds (raw HTML aside, which is the post's own), the Jekyll
//! flavour writes elements that nest: a browser reads the preview as written.

use super::jekyll_html;

/// Whether every element of `html` is closed in the order it was opened (void elements,
/// self-closed tags and comments aside): what a browser reads as written (for the tests).
pub(crate) fn nests(html: &str) -> bool {
    const VOID: [&str; 8] = ["br", "hr", "img", "input", "wbr", "col", "source", "track"];
    let mut open: Vec<&str> = Vec::new();
    for tag in html.split('<').skip(1) {
        let inside = tag.split('>').next().unwrap_or_default();
        let name = inside.split([' ', '\n', '/']).next().unwrap_or_default();
        if inside.starts_with('!') || inside.ends_with('/') || VOID.contains(&name) {
            continue;
        }
        match inside.strip_prefix('/') {
            Some(closed) if open.pop() != Some(closed.trim()) => return false,
            Some(_) => {}
            None => open.push(name),
        }
    }
    open.is_empty()
}

/// Pieces of Markdown and of kramdown's and Liquid's syntax, put together at random.
const PIECES: &[&str] = &[
    "* ",
    "**",
    "_",
    "`",
    "a",
    " ",
    "\n",
    "\n\n",
    "> ",
    "- ",
    "1. ",
    "  ",
    "    ",
    "[",
    "](/x)",
    "[^1]",
    "[^1]: ",
    "{: .c}",
    "|",
    "```\n",
    "# ",
    "***",
    "~~",
    "\\",
    "$$",
    "{::comment}",
    "{:/}",
    "*",
    "b",
    "\t",
    "---\n",
    "[a]: /y\n",
    "[a]",
    "{% raw %}",
    "{% endraw %}",
    "{{ x }}",
    ":",
    "~~~\n",
    "+ ",
    "*[a]: b\n",
    "{:toc}",
    "^",
    "= ",
    "| --- |\n",
];

proptest::proptest! {
    /// The pieces in any order render to elements that nest. (Spans across a list item's
    /// table rows, and runs of three inside emphasis, had not.)
    #[test]
    fn the_preview_always_nests(pieces in proptest::collection::vec(
        proptest::sample::select(PIECES),
        1..40,
    )) {
        let html = jekyll_html(&format!("x {} y\n", pieces.concat()));
        proptest::prop_assert!(nests(&html), "{}", html);
    }
}

/// The check itself: an element closed out of order, or left open, fails it.
#[test]
fn nests_tells_crossed_and_open_elements() {
    assert!(nests(
        "<p>a <em>b</em><br /><img src=\"x\" /><!-- c --></p>\n<hr />"
    ));
    assert!(!nests("<p><strong><em>a</strong></em></p>"));
    assert!(!nests("<ul><li>a</ul>"));
}
