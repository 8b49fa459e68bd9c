use super::super::jekyll_html as jekyll;

/// As Jekyll 4.3.1 writes them (Tom Preston-Werner's "How I Turned Down $300,000 from
/// Microsoft" writes `I can has _______`).
#[test]
fn runs_read_as_kramdown_reads_them() {
    let strong = |c: &str| format!("<strong>{c}{c}</strong>");
    let em = |c: &str| format!("<em>{c}{c}</em>");
    for c in ["_", "*"] {
        for (n, written) in [
            (3, c.repeat(3)),
            (4, em(c)),
            (5, c.repeat(5)),
            (6, strong(c)),
            (7, format!("{}{c}", strong(c))),
            (9, format!("{}{}", strong(c), c.repeat(3))),
            (10, format!("{}{}", strong(c), em(c))),
            (12, format!("{}{}", strong(c), strong(c))),
        ] {
            assert_eq!(
                jekyll(&format!("A {} b.\n", c.repeat(n))),
                format!("<p>A {written} b.</p>\n"),
                "{c} {n}"
            );
        }
    }
    for (md, html) in [
        (
            "Name: ______ Date: ______\n",
            "<p>Name: <strong>__</strong> Date: <strong>__</strong></p>\n",
        ),
        (
            "A ______ b _c_ d.\n",
            "<p>A <strong>__</strong> b <em>c</em> d.</p>\n",
        ),
        ("x ______y\n", "<p>x <em>__</em>__y</p>\n"),
        ("(______) b\n", "<p>(<strong>__</strong>) b</p>\n"),
        (
            "## Q: ______ end\n",
            "<h2 id=\"q-__-end\">Q: <strong>__</strong> end</h2>\n",
        ),
        (
            "- ______ item\n",
            "<ul>\n<li><strong>__</strong> item</li>\n</ul>\n",
        ),
        (
            "A ______\n______ b\n",
            "<p>A <strong>__</strong>\n<strong>__</strong> b</p>\n",
        ),
        // Escaped or in code: text; inside spans and links, after them and after an
        // escape, as kramdown reads it there.
        ("A \\_\\_\\_\\_\\_\\_ b\n", "<p>A ______ b</p>\n"),
        (
            "A `______` b\n",
            "<p>A <code class=\"language-plaintext highlighter-rouge\">______</code> b</p>\n",
        ),
        (
            "*a ______ b*\n",
            "<p><em>a <strong>__</strong> b</em></p>\n",
        ),
        ("**a ______ b**\n", "<p><strong>a ______ b</strong></p>\n"),
        (
            "[a ______ b](x)\n",
            "<p><a href=\"x\">a <strong>__</strong> b</a></p>\n",
        ),
        (
            "A __a__ ______ b\n",
            "<p>A <strong>a</strong> <strong>__</strong> b</p>\n",
        ),
        ("A \\_ ______ b\n", "<p>A _ <strong>__</strong> b</p>\n"),
        (
            "A ______ b ____\n",
            "<p>A <strong>__</strong> b <em>__</em></p>\n",
        ),
    ] {
        assert_eq!(jekyll(md), html, "{md:?}");
    }
}
