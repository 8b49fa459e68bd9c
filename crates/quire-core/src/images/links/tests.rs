//! The destination scan of [`protect_spaced_links`] against the scan it replaced (each
//! `](` read to its line's end on its own: right, but the square of a line's length).

use super::*;
use proptest::prelude::*;

/// The scan as it was: each destination read on its own.
fn quadratic(text: &str) -> Cow<'_, str> {
    if !text.contains("](") {
        return Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let mut marks = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find("](") {
        let start = from + i + 2;
        from = start;
        if bytes.get(start) == Some(&b'<') {
            continue;
        }
        let mut nest = 0usize;
        let mut at = start;
        let mut end = None;
        while at < bytes.len() {
            match bytes[at] {
                b'\n' | b'\r' => break,
                b'(' => nest += 1,
                b')' if nest == 0 => {
                    end = Some(at);
                    break;
                }
                b')' => nest -= 1,
                b' ' | b'\t' => {
                    let rest = text[at..].trim_start_matches([' ', '\t']);
                    if rest.starts_with(['"', '\'']) {
                        end = Some(at);
                        break;
                    }
                }
                b'\\' => at += 1,
                _ => {}
            }
            at += 1;
        }
        let Some(end) = end else { continue };
        let url = text[start..end].trim_matches([' ', '\t']);
        if url.contains(' ') {
            let url_start = start
                + (text[start..end].len() - text[start..end].trim_start_matches([' ', '\t']).len());
            marks.extend(url.match_indices(' ').map(|(k, _)| url_start + k));
        }
        from = end;
    }
    if marks.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut done = 0;
    for at in marks {
        out.push_str(&text[done..at]);
        out.push(SPACE_STAND_IN);
        done = at + 1;
    }
    out.push_str(&text[done..]);
    Cow::Owned(out)
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
        prop_assert_eq!(protect_spaced_links(&text), quadratic(&text));
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
