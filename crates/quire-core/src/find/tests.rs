use super::*;
use proptest::prelude::*;

fn query(pattern: &str, case: bool, word: bool, regex: bool) -> Finder {
    Finder::new(&Query {
        pattern: pattern.into(),
        case_sensitive: case,
        whole_word: word,
        regex,
    })
    .expect("a valid pattern")
    .expect("a pattern")
}

fn found<'a>(finder: &Finder, text: &'a str) -> Vec<&'a str> {
    finder
        .matches(text, 0..text.len())
        .map(|m| &text[m])
        .collect()
}

#[test]
fn plain_case_and_whole_words() {
    let text = "Cat cat catalog CAT scat _cat cat_ über Über ÜBER";
    let cases: &[(&str, bool, bool, &[&str])] = &[
        ("cat", true, false, &["cat", "cat", "cat", "cat", "cat"]),
        (
            "cat",
            false,
            false,
            &["Cat", "cat", "cat", "CAT", "cat", "cat", "cat"],
        ),
        ("cat", false, true, &["Cat", "cat", "CAT"]),
        ("cat", true, true, &["cat"]),
        ("über", false, false, &["über", "Über", "ÜBER"]),
        ("über", true, false, &["über"]),
        ("ÜBER", false, true, &["über", "Über", "ÜBER"]),
        ("dog", false, false, &[]),
    ];
    for (pattern, case, word, want) in cases {
        assert_eq!(
            found(&query(pattern, *case, *word, false), text),
            *want,
            "{pattern} case={case} word={word}"
        );
    }
}

#[test]
fn regular_expressions() {
    let text = "2026-01-31 and 2025-12-01\nnext line";
    assert_eq!(
        found(&query(r"\d{4}-\d\d", true, false, true), text),
        ["2026-01", "2025-12"]
    );
    // Multi-line: ^ and $ are line starts and ends.
    assert_eq!(
        found(&query(r"^\w+", true, false, true), text),
        ["2026", "next"]
    );
    assert_eq!(found(&query("AND", false, false, true), text), ["and"]);
    assert_eq!(
        found(&query("AND", true, false, true), text),
        Vec::<&str>::new()
    );
    // Whole words apply to patterns too.
    assert_eq!(
        found(&query("ne", true, true, true), "ne next ne"),
        ["ne", "ne"]
    );
}

#[test]
fn a_bad_pattern_says_why() {
    let err = Finder::new(&Query {
        pattern: "(unclosed".into(),
        regex: true,
        ..Query::default()
    })
    .err()
    .expect("refused");
    let message = err.to_string();
    assert!(
        message.starts_with("This regular expression does not read: "),
        "{message}"
    );
    assert!(!message.contains('\n'), "{message}");
    assert!(
        message.len() > "This regular expression does not read: ".len() + 3,
        "{message}"
    );
    // The same text is fine as plain text, and an empty pattern finds nothing.
    assert!(Finder::new(&Query {
        pattern: "(unclosed".into(),
        ..Query::default()
    })
    .is_ok());
    assert!(Finder::new(&Query::default()).expect("empty").is_none());
}

#[test]
fn next_and_previous_wrap_within_the_range() {
    let text = "a x a x a";
    let f = query("a", true, false, false);
    assert_eq!(f.next(text, 0..text.len(), 0), Some(0..1));
    assert_eq!(f.next(text, 0..text.len(), 1), Some(4..5));
    assert_eq!(f.next(text, 0..text.len(), 9), Some(0..1), "wraps");
    assert_eq!(
        f.next(text, 2..text.len(), 9),
        Some(4..5),
        "wraps to the range"
    );
    assert_eq!(f.previous(text, 0..text.len(), 4), Some(0..1));
    assert_eq!(f.previous(text, 0..text.len(), 0), Some(8..9), "wraps back");
    assert_eq!(f.index_of(text, 0..text.len(), &(4..5)), Some(2));
    assert_eq!(f.index_of(text, 0..text.len(), &(3..4)), None);
}

#[test]
fn replace_all_is_one_edit_and_expands_groups() {
    let text = "---\ntitle: cat\n---\nA cat and a cat.\n";
    let body = crate::split(text).body;
    let (change, n) = query("cat", true, false, false)
        .replace_all(text, body.clone(), "dog")
        .expect("matches");
    assert_eq!(n, 2);
    assert_eq!(
        change.apply(text),
        "---\ntitle: cat\n---\nA dog and a dog.\n"
    );
    assert_eq!(
        change.edit.range,
        21..34,
        "from the first match to the last"
    );
    let (change, n) = query(r"(\w+) (\w+)", true, false, true)
        .replace_all("one two three four", 0..18, "$2 $1")
        .expect("matches");
    assert_eq!(
        (change.apply("one two three four").as_str(), n),
        ("two one four three", 2)
    );
    // `^` matches every line start: a quote prefix for each line.
    let (change, n) = query("^", true, false, true)
        .replace_all("a\nb\n", 0..4, "> ")
        .expect("matches");
    assert_eq!((change.apply("a\nb\n").as_str(), n), ("> a\n> b\n> ", 3));
    assert!(query("zzz", true, false, false)
        .replace_all(text, 0..text.len(), "x")
        .is_none());
}

#[test]
fn replace_one_replaces_the_selected_match_and_selects_the_next() {
    let text = "cat, cat, cat";
    let f = query("cat", true, false, false);
    let change = f
        .replace_one(text, 0..text.len(), 5..8, "lion")
        .expect("a match");
    let after = change.apply(text);
    assert_eq!(after, "cat, lion, cat");
    assert_eq!(change.selection, Some(11..14));
    assert!(
        f.replace_one(text, 0..text.len(), 4..7, "x").is_none(),
        "not a match"
    );
    // The last one wraps to the first.
    let change = f
        .replace_one(text, 0..text.len(), 10..13, "x")
        .expect("a match");
    assert_eq!(change.selection, Some(0..3));
}

#[test]
fn counting_stops_at_the_limit() {
    let text = "a ".repeat(COUNT_LIMIT + 5);
    let count = query("a", true, false, false).count(&text, 0..text.len());
    assert_eq!(
        count,
        Count {
            found: COUNT_LIMIT,
            more: true
        }
    );
    assert_eq!(count.to_string(), "10000+");
    let count = query("a", true, false, false).count("a a", 0..3);
    assert_eq!(count.to_string(), "2");
}

proptest! {
    /// Plain, case-sensitive search agrees with `str::match_indices`; the regex of the
    /// escaped text finds the same; replace all equals `str::replace`.
    #[test]
    fn plain_search_agrees_with_std(text in "[ab é\n]{0,60}", pattern in "[ab é]{1,3}") {
        let want: Vec<Range<usize>> = text
            .match_indices(pattern.as_str())
            .map(|(i, m)| i..i + m.len())
            .collect();
        let plain = query(&pattern, true, false, false);
        let got: Vec<_> = plain.matches(&text, 0..text.len()).collect();
        prop_assert_eq!(&got, &want);
        let escaped: String = pattern
            .chars()
            .map(|c| if c == ' ' { "[ ]".to_string() } else { c.to_string() })
            .collect();
        let regex = query(&escaped, true, false, true);
        let got: Vec<_> = regex.matches(&text, 0..text.len()).collect();
        prop_assert_eq!(&got, &want);
        let replaced = plain
            .replace_all(&text, 0..text.len(), "XY")
            .map_or(text.clone(), |(c, _)| c.apply(&text));
        prop_assert_eq!(replaced, text.replace(pattern.as_str(), "XY"));
    }

    /// Folded search finds what searching the lowercased text finds (for text whose
    /// lowercase keeps every length), and never cuts a character.
    #[test]
    fn folded_search_is_lowercase_search(text in "[aAbBéÉ \n]{0,60}", pattern in "[aAbBéÉ]{1,3}") {
        let folded = query(&pattern, false, false, false);
        let got: Vec<Range<usize>> = folded.matches(&text, 0..text.len()).collect();
        let lower = text.to_lowercase();
        let want: Vec<Range<usize>> = lower
            .match_indices(pattern.to_lowercase().as_str())
            .map(|(i, m)| i..i + m.len())
            .collect();
        prop_assert_eq!(got, want);
    }
}

proptest! {
    /// Counting a piece at a time gives the count of one pass, whatever the pieces' size.
    #[test]
    fn counting_in_pieces_equals_one_count(
        text in "[ab é\n]{0,80}",
        pattern in prop_oneof!["[ab é]{1,3}", Just("^".to_string()), Just("a{0,2}".to_string()), Just(r"\n\n?".to_string())],
        regex in any::<bool>(),
        word in any::<bool>(),
        budget in 1usize..20,
    ) {
        let Ok(Some(finder)) = Finder::new(&Query { pattern, case_sensitive: false, whole_word: word, regex }) else {
            return Ok(());
        };
        let whole = finder.count(&text, 0..text.len());
        // Pieces look 8 bytes ahead: more than any of these matches is long.
        let mut counter = Counter::with_overlap(0..text.len(), 8);
        let mut steps = 0;
        let pieces = loop {
            steps += 1;
            prop_assert!(steps < 1000, "counting ends");
            if let Some(count) = counter.step(&finder, &text, budget) {
                break count;
            }
        };
        prop_assert_eq!(pieces, whole);
        // The place of each match, counted in pieces, is its place in the list.
        for (i, found) in finder.matches(&text, 0..text.len()).enumerate().take(3) {
            let mut counter = Counter::with_overlap(0..text.len(), 8);
            counter.mark = Some(found.start);
            while counter.step(&finder, &text, budget).is_none() {}
            if found.is_empty() && i > 0 {
                continue; // an empty match may share its start with the match before
            }
            prop_assert_eq!(counter.index(), Some(i + 1));
        }
    }
}
