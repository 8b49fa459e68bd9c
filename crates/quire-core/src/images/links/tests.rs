//! The destination scan of [`protect_spaced_links`] against the scan it replaced (each
//! `](` read to its line's end on its own).

use super::*;
use proptest::prelude::*;

/// Where each destination ends, read on its own as the scan before [`destination_ends`]
/// read it (right, but the square of a line's length).
fn one_at_a_time(text: &str) -> Vec<(usize, Option<usize>)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    for (i, _) in text.match_indices("](") {
        let start = i + 2;
        if bytes.get(start) == Some(&b'<') {
            continue;
        }
        let (mut nest, mut at, mut end) = (0usize, start, None);
        while at < bytes.len() {
            match bytes[at] {
                b'\n' | b'\r' => break,
                b'(' => nest += 1,
                b')' if nest == 0 => {
                    end = Some(at);
                    break;
                }
                b')' => nest -= 1,
                b' ' | b'\t'
                    if text[at..]
                        .trim_start_matches([' ', '\t'])
                        .starts_with(['"', '\'']) =>
                {
                    end = Some(at);
                    break;
                }
                b'\\' => at += 1,
                _ => {}
            }
            at += 1;
        }
        found.push((start, end));
    }
    found
}

proptest! {
    #[test]
    fn spaced_destinations_are_found_as_one_at_a_time(
        text in proptest::collection::vec(
            prop_oneof![
                Just("]("), Just("("), Just(")"), Just(" "), Just("\t"), Just("\""),
                Just("'"), Just("\\"), Just("\n"), Just("<"), Just("["), Just("]"),
                Just("a"), Just("é"),
            ],
            0..40,
        ).prop_map(|parts| parts.concat())
    ) {
        prop_assert_eq!(destination_ends(&text), one_at_a_time(&text));
    }
}

#[test]
fn spaced_destinations() {
    let cases = [
        ("[a](my file.png)", "[a](my\u{1F}file.png)"),
        (
            "[a](x (1) y) [b](c d)",
            "[a](x\u{1F}(1)\u{1F}y) [b](c\u{1F}d)",
        ),
        ("[a](b c \"t\")", "[a](b\u{1F}c \"t\")"),
        ("[a](<b c>)", "[a](<b c>)"),
        ("[a](b](c d))", "[a](b](c\u{1F}d))"),
    ];
    for (text, expected) in cases {
        let expected = expected.replace('\u{1F}', &SPACE_STAND_IN.to_string());
        assert_eq!(protect_spaced_links(text), expected, "{text:?}");
    }
}
