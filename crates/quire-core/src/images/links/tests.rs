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
                b'\n' | b'\r' if fenced(text, at) || !line_goes_on(text, at) => break,
                b'\r' if bytes.get(at + 1) == Some(&b'\n') => at += 1,
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
                // (A backslash before a line break escapes nothing here.)
                b'\\' if !matches!(bytes.get(at + 1), Some(b'\n' | b'\r')) => at += 1,
                _ => {}
            }
            at += 1;
        }
        found.push((start, end));
    }
    found
}

/// Whether the line holding `at` is in a fenced code block or is a fence's line, read
/// from the text's start.
fn fenced(text: &str, at: usize) -> bool {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let fence = |line: &str| {
        let rest = line.trim_start_matches(' ');
        line.len() - rest.len() < 4 && (rest.starts_with("```") || rest.starts_with("~~~"))
    };
    let before = text[..start]
        .split_inclusive('\n')
        .filter(|l| fence(l))
        .count();
    before % 2 == 1 || fence(&text[start..])
}

proptest! {
    #[test]
    fn spaced_destinations_are_found_as_one_at_a_time(
        text in proptest::collection::vec(
            prop_oneof![
                Just("]("), Just("("), Just(")"), Just(" "), Just("\t"), Just("\""),
                Just("'"), Just("\\"), Just("\n"), Just("<"), Just("["), Just("]"),
                Just("a"), Just("é"), Just("\n```\n"), Just("\n    "), Just("\n- "),
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
        // On into the next line of its paragraph (the Rust blog's), but not into an
        // indented line, a block's start, a blank line or out of a fenced block.
        (
            "[a](http://x/s\nrc/f.md) t",
            "[a](http://x/s\u{1F}rc/f.md) t",
        ),
        ("[a](x/s\r\nrc) t", "[a](x/s\u{1F}\u{1F}rc) t"),
        ("[a](x/s\n  rc) t", "[a](x/s\n  rc) t"),
        ("[a](x/s\n# rc) t", "[a](x/s\n# rc) t"),
        ("[a](x/s\n\nrc) t", "[a](x/s\n\nrc) t"),
        ("[a](\nhttp://x/y) t", "[a](\nhttp://x/y) t"),
        ("[a](http://x/y\n). t", "[a](http://x/y\n). t"),
        ("```\n[a](x/s\nrc)\n```\n", "```\n[a](x/s\nrc)\n```\n"),
        ("    [a](x/s\nrc)\n", "    [a](x/s\nrc)\n"),
    ];
    for (text, expected) in cases {
        let expected = expected.replace('\u{1F}', &SPACE_STAND_IN.to_string());
        assert_eq!(protect_spaced_links(text), expected, "{text:?}");
    }
}
