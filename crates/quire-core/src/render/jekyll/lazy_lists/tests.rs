//! kramdown's lazy nested lists, as Jekyll 4.3.1 writes them.

use super::super::jekyll_html as jekyll;
use super::lazy_nested_list;

/// The lazy list of a text whose list's first item is its first line.
fn lazy_nested_lists(text: &str) -> Option<(std::ops::Range<usize>, String)> {
    let next = text.find('\n').map_or(text.len(), |i| i + 1);
    lazy_nested_list(text, 0, next)
}

#[test]
fn lazy_lines_are_indented_to_the_item() {
    let text = "1. Step one\n  * sub a\n  * sub b\n2. Step two\n\nPara.\n";
    let found = lazy_nested_lists(text).expect("a lazy list");
    assert_eq!(found.0, 0..44);
    assert_eq!(
        found.1,
        "1. Step one\n   * sub a\n   * sub b\n2. Step two\n"
    );
    // A heading right under an item is the item's, and so is the list after it.
    let found = lazy_nested_lists("1. a\n# H\n* b\n").expect("a lazy heading");
    assert_eq!(found.1, "1. a\n   # H\n   * b\n");
    // Same kind (a sibling), indented enough (nested anyway), after a blank line, after
    // a rule, a fence never closed: nothing to do.
    for text in [
        "* a\n * b\n* c\n",
        "1. a\n   - b\n2. c\n",
        "* a\n\n1. b\n",
        "* a\n* * *\n",
        "* a\n```\nx\n\n```\n",
        "* a\n```\n* b\n```\n",
    ] {
        assert!(lazy_nested_lists(text).is_none(), "{text:?}");
    }
}

/// A code block, heading, quotation or paragraph right under an item, not indented, is
/// the item's, as Jekyll 4.3.1 writes it (scala-lang.org's post-mortem, Hux Blog's
/// notes), and the list goes on after a blank line.
#[test]
fn lazy_blocks_are_the_items() {
    let md = "- Scala 2: \n```\nfalse\n```\n- Scala 3:\n~~~\ntrue\n~~~\ntail\n\n\
              - #### BSD\n**Bold** text.\n\t- **x**\n\n- b\n---\n\n1. g\n## h\n> q\n2. i\n";
    let code = |c: &str| {
        format!(
            "<div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\">\
             <pre class=\"highlight\"><code>{c}</code></pre></div></div>"
        )
    };
    let expected = format!(
        "<ul><li>Scala 2:{}</li><li>Scala 3:{}<p>tail</p></li>\
         <li><h4 id=\"bsd\">BSD</h4><p><strong>Bold</strong> text.</p>\
         <ul><li><strong>x</strong></li></ul></li><li><h2 id=\"b\">b</h2></li></ul>\
         <ol><li>g<h2 id=\"h\">h</h2><blockquote><p>q</p></blockquote></li><li>i</li></ol>",
        code("false"),
        code("true")
    );
    let html = jekyll(md);
    let lines: Vec<&str> = html.split('\n').map(str::trim).collect();
    let tight = lines.join("\n").replace("\n<", "<").replace(">\n", ">");
    assert_eq!(tight.trim_end(), expected);
}

/// A block right under a nested item is the innermost open item's, as Jekyll 4.3.1
/// writes it (a Korean blog's notes: a quotation under a nested item's lazy line);
/// after a blank line, one less indented than a nested item's content has ended it.
#[test]
fn lazy_blocks_go_to_the_innermost_item() {
    let tight = |md: &str| jekyll(md).split_whitespace().collect::<String>();
    assert_eq!(
        tight("- a\n  - b\nlazy\n> **Flow**\n\n1. x\n"),
        "<ul><li>a<ul><li>blazy<blockquote><p><strong>Flow</strong></p></blockquote>\
         </li></ul></li></ul><ol><li>x</li></ol>"
    );
    assert_eq!(
        tight("- a\n  - b\n    - c\n# h\n"),
        "<ul><li>a<ul><li>b<ul><li>c<h1id=\"h\">h</h1></li></ul></li></ul></li></ul>"
    );
    assert_eq!(
        tight("1. a\n   - b\n# h\n\nafter\n"),
        "<ol><li>a<ul><li>b<h1id=\"h\">h</h1></li></ul></li></ol><p>after</p>"
    );
    assert_eq!(
        tight("- a\n  - b\n\n  more\n> q\n"),
        "<ul><li>a<ul><li>b</li></ul><p>more</p><blockquote><p>q</p></blockquote></li></ul>"
    );
    // A marker inside a nested item's fence opens no item.
    assert_eq!(
        tight("- a\n  - b\n\n    ```\n    - c\n    ```\n> q\n"),
        "<ul><li>a<ul><li><p>b</p><divclass=\"language-plaintexthighlighter-rouge\">\
         <divclass=\"highlight\"><preclass=\"highlight\"><code>-c</code></pre></div>\
         </div><blockquote><p>q</p></blockquote></li></ul></li></ul>"
    );
}

/// Expected structure as Jekyll 4.3.1 (kramdown 2.4) writes it.
#[test]
fn nested_as_kramdown_nests_them() {
    let html = jekyll("1. a\n* b\n* c\n\nPara.\n");
    assert_eq!(
        html.split_whitespace().collect::<String>(),
        "<ol><li>a<ul><li>b</li><li>c</li></ul></li></ol><p>Para.</p>"
    );
    // After a blank line a list of the other kind starts; right under it, an item
    // numbered 2 is nested (numbered from 1).
    let html = jekyll("1. Step one\n\n  * after blank\n2. two\n");
    assert_eq!(
        html.split_whitespace().collect::<String>(),
        "<ol><li>Stepone</li></ol><ul><li>afterblank<ol><li>two</li></ol></li></ul>"
    );
    let html = jekyll("- x\n 1. y\n- z\n");
    assert_eq!(
        html.split_whitespace().collect::<String>(),
        "<ul><li>x<ol><li>y</li></ol></li><li>z</li></ul>"
    );
}

/// A `2)` line inside a fenced code block is code, not an item kramdown does not know:
/// in a `-` item's lazy fence the list goes on to the closing fence, and a `1)` list's
/// code keeps its text as written (Jekyll 4.3.1 writes both so).
#[test]
fn paren_lines_in_a_fence_are_code() {
    let code = |c: &str| {
        format!(
            "<div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\">\
             <pre class=\"highlight\"><code>{c}</code></pre></div></div>"
        )
    };
    let tight = |html: String| {
        let lines: Vec<&str> = html.split('\n').map(str::trim).collect();
        lines.join("\n").replace("\n<", "<").replace(">\n", ">")
    };
    let html = jekyll("- one\n  ```\n  code\n2) two\n  ```\n\nafter\n");
    assert_eq!(
        tight(html).trim_end(),
        format!("<ul><li>one{}</li></ul><p>after</p>", code("code\n2) two"))
    );
    let html = jekyll("1) one\n   ```\n   code\n2) two\n   ```\n\nafter\n");
    assert_eq!(
        tight(html).trim_end(),
        format!("<p>1) one</p>{}<p>after</p>", code("   code\n2) two"))
    );
}

/// kramdown knows no `1)` item, inside a list or a quotation either: such lines are a
/// paragraph's, and a line of code that looks like one stays as written (Jekyll 4.3.1;
/// ruby-lang.org's 2004 incident report writes `2) and 3) are ...` in an item).
#[test]
fn paren_items_inside_blocks_are_text() {
    let tight = |html: String| html.split_whitespace().collect::<String>();
    let html = jekyll(
        "* We made\n\n  2) and 3) are located\n  1) is clean.\n\n  * RAA\n\n\
         > 1) quoted\n> 2) two\n\n- c\n\n        1) code\n",
    );
    assert_eq!(
        tight(html),
        tight(
            "<ul><li><p>We made</p><p>2) and 3) are located\n1) is clean.</p>\
             <ul><li>RAA</li></ul></li></ul>\
             <blockquote><p>1) quoted 2) two</p></blockquote>\
             <ul><li><p>c</p><div class=\"language-plaintext highlighter-rouge\">\
             <div class=\"highlight\"><pre class=\"highlight\"><code>  1) code\n\
             </code></pre></div></div></li></ul>"
                .to_string()
        )
    );
}

/// A `1)` line right under a paragraph's line (where CommonMark lets it interrupt the
/// paragraph) is more of the paragraph to kramdown, after a hard break too (Apache
/// Flink's blog, 2020-07-30); Jekyll 4.3.1.
#[test]
fn a_paren_line_under_a_paragraph_is_the_paragraphs() {
    let tight = |html: String| html.split_whitespace().collect::<String>();
    let html =
        jekyll("Here are the steps:  \n1)  We first add\n2) then\n\nText\n1) other\n\n1) own\n");
    assert_eq!(
        tight(html),
        tight(
            "<p>Here are the steps:<br />\n1)  We first add\n2) then</p>\n\
             <p>Text\n1) other</p>\n<p>1) own</p>\n"
                .to_string()
        )
    );
    // In a paragraph opening with a span element's tag alone on its line.
    let html = jekyll("<br/>\nHere are the steps:  \n1)  We first add\n");
    assert_eq!(
        tight(html),
        tight("<p><br/>\nHere are the steps:<br />\n1)  We first add</p>\n".to_string())
    );
}
