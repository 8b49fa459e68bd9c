//! Lists as Jekyll 4.3.1 writes them.

use super::super::jekyll_html;

/// As Jekyll 4.3.1 writes it: a block right under an item's text starts on a line of
/// its own (scala-lang.org's post-mortem), where the task items' and cells' own tags
/// follow the text.
#[test]
fn a_block_under_an_items_text_starts_a_line() {
    let html = jekyll_html("- Scala 2.13.18: \n```\nfalse\n```\n- [x] done\n");
    assert!(
        html.contains("<li>Scala 2.13.18:\n<div class=\"language-plaintext"),
        "{html}"
    );
    assert!(html.contains("/>done</li>"), "{html}");
    // In a task list, the items above its first box are plain (kramdown's GFM parser).
    let html = jekyll_html("- plain first\n- [ ] task\n- after\n");
    assert!(
        html.contains("<li>plain first</li>\n<li class=\"task-list-item\"><input"),
        "{html}"
    );
    assert!(
        html.contains("<li class=\"task-list-item\">after</li>"),
        "{html}"
    );
}

/// Expected HTML as Jekyll 4.3.1 (kramdown 2.4, GFM input) writes it, whitespace
/// between tags aside.
#[test]
fn lists_as_kramdown_writes_them() {
    let cases = [
        ("3. three\n4. four\n", "<ol>\n<li>three</li>\n<li>four</li>\n</ol>\n"),
        (
            "- [ ] task\n- plain\n- [x] done\n",
            "<ul class=\"task-list\">\n\
             <li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" />task</li>\n\
             <li class=\"task-list-item\">plain</li>\n\
             <li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" checked=\"checked\" />done</li>\n\
             </ul>\n",
        ),
        (
            "1. [x] ordered\n",
            "<ol class=\"task-list\">\n<li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" checked=\"checked\" />ordered</li>\n</ol>\n",
        ),
        // Only the list holding the task item.
        (
            "* item\n\n  - [ ] nested\n",
            "<ul>\n<li>\n<p>item</p>\n<ul class=\"task-list\">\n<li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" />nested</li>\n</ul>\n</li>\n</ul>\n",
        ),
    ];
    for (md, expected) in cases {
        assert_eq!(jekyll_html(md), expected, "{md:?}");
    }
}

/// An item's paragraphs after its first block are `<p>` in a tight list too (Jekyll
/// 4.3.1; whitespace between tags aside).
#[test]
fn later_paragraphs_of_a_tight_item_are_paragraphs() {
    let cases = [
        (
            "- e\n  ```\n  x\n  ```\n  tail *t*\n- f\n",
            "<ul><li>e<div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\">\
             <pre class=\"highlight\"><code>x\n</code></pre></div></div><p>tail <em>t</em></p></li>\
             <li>f</li></ul>",
        ),
        (
            "1. # h\n   text\n2. [ ] task\n   > q\n   more\n",
            "<ol class=\"task-list\"><li><h1 id=\"h\">h</h1><p>text</p></li>\
             <li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" \
             disabled=\"disabled\" />task<blockquote><p>q\nmore</p></blockquote></li></ol>",
        ),
        (
            "- a\n  - b\n  c\n- d\n",
            "<ul><li>a<ul><li>b\nc</li></ul></li><li>d</li></ul>",
        ),
    ];
    // Line breaks before tags and indentation aside.
    let tight = |html: &str| {
        let lines: Vec<&str> = html.split('\n').map(str::trim_start).collect();
        lines.join("\n").replace("\n<", "<").trim_end().to_string()
    };
    for (md, expected) in cases {
        assert_eq!(tight(&jekyll_html(md)), tight(expected), "{md:?}");
    }
}

/// In a quotation, a line of only its marker is a blank line to the list in it: the
/// item before it is a paragraph (Jekyll 4.3.1; Ma Zhuang's post on installer names
/// quotes MSDN's questions so).
#[test]
fn quoted_blank_lines_part_items() {
    let tight = |html: String| html.split_whitespace().collect::<String>();
    assert_eq!(
        tight(jekyll_html("> 1. What is it\n> \n>     PCA does not\n>\n> 2. b\n\n- x\n\n  > 1. q\n  >\n  >     r\n")),
        "<blockquote><ol><li><p>Whatisit</p><p>PCAdoesnot</p></li><li><p>b</p></li></ol></blockquote>\
         <ul><li><p>x</p><blockquote><ol><li><p>q</p><p>r</p></li></ol></blockquote></li></ul>"
    );
}

/// A line of an item's paragraph opening with any number and `.` opens a list inside the
/// item, as kramdown's GFM parser ends a paragraph there (ruby-lang.org's German news of
/// 2011-10-11: a wrapped line starting `2012. Sie`), where CommonMark lets only `1.`
/// interrupt a paragraph. Expected HTML as Jekyll 4.3.1 writes it, whitespace between
/// tags aside.
#[test]
fn a_numbered_line_in_an_items_paragraph_opens_a_list() {
    let cases = [
        (
            "* Wir werden bis Juni\n  2012. Sie können ruhig\n  annehmen.\n* Danach\n",
            "<ul><li>Wir werden bis Juni<ol><li>Sie können ruhig\nannehmen.</li></ol></li><li>Danach</li></ul>",
        ),
        (
            "1. one\n   two\n   2. three\n",
            "<ol><li>one\ntwo<ol><li>three</li></ol></li></ol>",
        ),
        (
            "* item\n  text\n  3. x\n  4. y\n",
            "<ul><li>item\ntext<ol><li>x</li><li>y</li></ol></li></ul>",
        ),
        // Not at the column of the item's text: a lazy line, or code-deep.
        ("* a\n        2. b\n", "<ul><li>a\n2. b</li></ul>"),
    ];
    for (markdown, expected) in cases {
        let html = jekyll_html(markdown)
            .replace(">\n", ">")
            .replace("\n<", "<");
        assert_eq!(html, expected, "{markdown:?}");
    }
}
