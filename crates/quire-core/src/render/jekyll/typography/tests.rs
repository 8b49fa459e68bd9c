use super::*;

const CURLY: [char; 4] = ['‘', '’', '“', '”'];

fn typeset(text: &str) -> String {
    convert(text, None, "\n", &CURLY)
        .0
        .unwrap_or_else(|| text.to_string())
}

#[test]
fn kramdowns_quote_rules() {
    // Each as Jekyll 4.3.1 (kramdown 2.4) wrote it.
    for (md, html) in [
        ("He said \"hello\" to me.", "He said “hello” to me."),
        ("It's the '80s and the 90's.", "It’s the ’80s and the 90’s."),
        (
            "She said, \"'Quoted' words.\"",
            "She said, “‘Quoted’ words.”",
        ),
        (
            "'\"Nested\" at start' he said.",
            "‘“Nested” at start’ he said.",
        ),
        ("Rock 'n' roll.", "Rock ‘n’ roll."),
        ("5'10\" tall.", "5’10” tall."),
        ("'Tis the season.", "‘Tis the season."),
        ("x\"y'z.", "x”y’z."),
        ("\"", "”"),
        ("'", "’"),
        ("1990's and '99.", "1990’s and ‘99."),
        ("(\"parens\") and ['b'].", "(“parens”) and [‘b’]."),
        ("He said \"hi\"--then left.", "He said “hi”–then left."),
        (
            "Tab\t\"q\" and --\"r\" and ...\"s\" and ''t'' and \"\"u\"\"",
            "Tab\t“q” and –“r” and …”s” and ‘‘t’’ and ““u””",
        ),
        ("A -- B --- C ---- D ----- E.", "A – B — C —- D —– E."),
        ("Wait... and.... end.", "Wait… and…. end."),
        // After an ellipsis, a quote before a closing `_` opens (Ruby's `\B`: `_` is a
        // word character), before a closing `*` closes (opensource.guide).
        (
            "Topics, _\"How do I...\"_ or *\"What...\"* instead.",
            "Topics, _“How do I…“_ or *“What…”* instead.",
        ),
        ("x << y and a >> b.", "x «\u{a0}y and a\u{a0}» b."),
    ] {
        assert_eq!(typeset(md), html, "{md}");
    }
}

#[test]
fn the_character_before_and_after() {
    // After emphasis or a code span (no character before): `'s` closes.
    assert_eq!(convert("'s page", None, "", &CURLY).0.unwrap(), "’s page");
    // After a line break inside the paragraph, a quote before a word opens.
    assert_eq!(convert("'Tis", Some('\n'), "", &CURLY).0.unwrap(), "‘Tis");
    // The text before a quote right after this one's end is passed on.
    assert_eq!(convert("word", None, "\"", &CURLY), (None, Some('d')));
    assert_eq!(convert("\" end", Some('d'), "", &CURLY).0.unwrap(), "” end");
    // A quote before emphasis opens.
    assert_eq!(convert("\"", None, "*emph*\"", &CURLY).0.unwrap(), "“");
    // An unmatched `*` is not read before a quote.
    assert_eq!(typeset("a*\"b\""), "a*“b”");
}

#[test]
fn liquid_stays_as_written() {
    assert_eq!(
        typeset("{{ site.title | append: \"x's\" }} and \"{{ page.title }}\""),
        "{{ site.title | append: \"x's\" }} and “{{ page.title }}”"
    );
    assert_eq!(
        typeset("{% if a == \"b\" %}it's{% endif %}"),
        "{% if a == \"b\" %}it’s{% endif %}"
    );
}

#[test]
fn other_quote_characters() {
    let german = ['‚', '‘', '„', '“'];
    assert_eq!(
        convert("Er sagte \"ja\" -- 'so'.", None, "", &german)
            .0
            .unwrap(),
        "Er sagte „ja“ – ‚so‘."
    );
    let plain = ['\'', '\'', '"', '"'];
    assert_eq!(
        convert("It's \"x\" -- y", None, "", &plain).0.unwrap(),
        "It's \"x\" – y"
    );
}

/// As Jekyll 4.3.1 writes them: an escaped pipe stops no quote after it (JRuby's
/// release notes: `open\("\|something", "w"\)`).
#[test]
fn quotes_after_an_escaped_pipe() {
    use super::super::jekyll_html as jekyll;
    assert_eq!(jekyll("a\\|b \"c\" d\n"), "<p>a|b “c” d</p>\n");
    assert_eq!(
        jekyll("open\\(\"\\|something\", \"w\"\\) x \"y\\|\" \"z\"\n"),
        "<p>open(”|something”, “w”) x “y|” “z”</p>\n"
    );
}

/// As Jekyll 4.3.1 writes them: an autolink's text is as written (houbb's
/// `mpmath#1-download--installation`); a tag kramdown does not read as one is text,
/// typography and all (`<img src=...>`).
#[test]
fn autolinks_and_unread_tags() {
    use super::super::jekyll_html as jekyll;
    assert_eq!(
        jekyll("<https://x.org/a--b...c> and [a--b](http://x)\n"),
        "<p><a href=\"https://x.org/a--b...c\">https://x.org/a--b...c</a> and \
             <a href=\"http://x\">a–b</a></p>\n"
    );
    assert_eq!(
        jekyll("HTML <img src=...> and <b c=\"...\">x</b>\n"),
        "<p>HTML &lt;img src=…&gt; and <b c=\"...\">x</b></p>\n"
    );
    // Its character references read (a WordPress import's `src=&#8221;&#8221;`).
    assert_eq!(
        jekyll("as <img src=&#8221;&#8221; /> x &amp; y\n"),
        "<p>as &lt;img src=”” /&gt; x &amp; y</p>\n"
    );
}
