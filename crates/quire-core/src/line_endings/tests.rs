use proptest::prelude::*;

use super::*;

/// Open `file`, apply the edits (start, end, inserted: byte offsets into the editor's text
/// as it then is), and download.
fn open_edit_download(file: &str, edits: &[(usize, usize, &str)]) -> String {
    let opened = for_editor(file);
    let (mut text, mut endings) = (opened.text, opened.endings);
    for &(start, end, inserted) in edits {
        let mut new = text.clone();
        new.replace_range(start..end, inserted);
        endings.edited(&text, &new, Some(start + inserted.len()));
        text = new;
    }
    endings.apply(&text).into_owned()
}

#[test]
fn every_file_round_trips() {
    for file in [
        "",
        "no break",
        "a\nb\n",
        "a\r\nb\r\n",
        "a\rb\r",
        "a\r\nb\nc\rd",
        "\u{feff}---\r\ntitle: x\n---\r\n\r\nbody",
        "\r\r\n\n\r",
        "x\r\n\r\n\n\n\r\n",
    ] {
        let opened = for_editor(file);
        assert!(!opened.text.contains('\r'), "{file:?}");
        assert_eq!(opened.endings.apply(&opened.text), file, "{file:?}");
        let stored = opened.endings.to_stored();
        let back = LineEndings::from_stored(opened.endings.is_crlf(), stored.as_deref());
        assert_eq!(back, opened.endings, "{file:?} stored as {stored:?}");
    }
}

#[test]
fn uniform_files_store_as_older_quires_did() {
    let crlf = for_editor("a\r\nb\r\n").endings;
    assert!(crlf.is_crlf());
    assert_eq!(crlf.to_stored(), None);
    assert_eq!(for_editor("a\nb").endings.to_stored(), None);
    assert_eq!(for_editor("a\rb").endings.to_stored().as_deref(), Some("R"));
    assert_eq!(
        for_editor("a\r\nb\r\nc\nd\r\n")
            .endings
            .to_stored()
            .as_deref(),
        Some("CC2L1")
    );
    // What an older Quire stored: the flag alone.
    assert!(LineEndings::from_stored(true, None).is_crlf());
    assert_eq!(
        LineEndings::from_stored(false, None),
        LineEndings::default()
    );
    // Damaged forms fall back to the flag.
    for bad in [
        "",
        "X",
        "CL",
        "CL0",
        "CL-1",
        "CLx",
        "C9L99999999999999999999999",
        "CLé",
    ] {
        assert!(
            LineEndings::from_stored(true, Some(bad)).is_crlf(),
            "{bad:?}"
        );
    }
}

#[test]
fn added_lines_get_the_most_common_ending() {
    // Two CRLF lines, one LF: Enter at the end of the LF line adds a CRLF line.
    let file = "a\r\nb\nc\r\n";
    assert_eq!(
        open_edit_download(file, &[(3, 3, "\nnew")]),
        "a\r\nb\r\nnew\nc\r\n"
    );
    // Enter before a line break: the new break is the one before the caret.
    assert_eq!(
        open_edit_download("a\nb\r\nc\r\n", &[(1, 1, "\n")]),
        "a\r\n\nb\r\nc\r\n"
    );
    // Deleting the first of two breaks that end differently keeps the second's ending.
    assert_eq!(
        open_edit_download("a\r\n\nb\r\nc\r\n", &[(1, 2, "")]),
        "a\nb\r\nc\r\n"
    );
    assert_eq!(
        open_edit_download("a\r\n\nb\r\nc\r\n", &[(2, 3, "")]),
        "a\r\nb\r\nc\r\n"
    );
    // A CR line break before a line emptied by an edit: written as CRLF, else the file
    // would read back with one line break fewer.
    assert_eq!(open_edit_download("a\rb\nc", &[(2, 3, "")]), "a\r\n\nc");
    // A tie goes to the first line's ending.
    assert_eq!(
        open_edit_download("a\nb\r\n", &[(4, 4, "c\n")]),
        "a\nb\r\nc\n"
    );
}

#[test]
fn edits_without_a_caret_keep_the_count_right() {
    let opened = for_editor("a\r\nb\nc\r\nd\n");
    let mut endings = opened.endings;
    let new = "a\nb\nX\nY\nc\nd\n";
    endings.edited(&opened.text, new, None);
    let written = endings.apply(new);
    assert_eq!(written.replace("\r\n", "\n"), new);
    assert!(written.starts_with("a\r\nb\nX"));
    assert!(written.ends_with("c\r\nd\n"));
    // A caret that does not fit the change is not used.
    endings.edited(new, "a\n", Some(99));
    assert_eq!(endings.apply("a\n"), "a\r\n");
}

/// The model: each character of the editor's text, with the ending of each `\n`.
fn model_of(file: &str) -> Vec<(char, Ending)> {
    let opened = for_editor(file);
    let mut endings = opened.endings.apply(&opened.text).into_owned();
    let mut out = Vec::new();
    for c in opened.text.chars() {
        if c == '\n' {
            let ending = if endings.starts_with("\r\n") {
                Ending::CrLf
            } else if endings.starts_with('\r') {
                Ending::Cr
            } else {
                Ending::Lf
            };
            out.push((c, ending));
            endings.drain(..ending.as_str().len());
        } else {
            out.push((c, Ending::Lf));
            endings.drain(..c.len_utf8());
        }
    }
    out
}

/// The model's file: each `\n` with its ending (a bare CR before an empty LF line, which
/// only an edit can make, written as CRLF so that it does not read back as one break).
fn render(model: &[(char, Ending)]) -> String {
    let mut out = String::new();
    for (i, &(c, e)) in model.iter().enumerate() {
        let cr_then_lf = e == Ending::Cr && model.get(i + 1) == Some(&('\n', Ending::Lf));
        match c {
            '\n' if cr_then_lf => out.push_str("\r\n"),
            '\n' => out.push_str(e.as_str()),
            c => out.push(c),
        }
    }
    out
}

fn file_strategy() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("\n"),
            Just("\r\n"),
            Just("\r"),
            Just("a"),
            Just("é"),
            Just(" "),
            Just("---")
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

fn edit_strategy() -> impl Strategy<Value = (usize, usize, String)> {
    (
        any::<prop::sample::Index>(),
        0usize..6,
        proptest::collection::vec(prop_oneof![Just('\n'), Just('b'), Just('é')], 0..5),
    )
        .prop_map(|(at, len, inserted)| (at.index(1 << 20), len, inserted.into_iter().collect()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Open -> random edits -> download equals the edited text, with the endings of the
    /// untouched lines unchanged and the file's most common ending on new lines.
    #[test]
    fn untouched_lines_keep_their_endings(
        file in file_strategy(),
        edits in proptest::collection::vec(edit_strategy(), 0..8),
    ) {
        let opened = for_editor(&file);
        prop_assert_eq!(opened.endings.apply(&opened.text), file.as_str());
        let added = opened.endings.added();
        let (mut text, mut endings) = (opened.text, opened.endings);
        let mut model = model_of(&file);
        for (at, len, inserted) in edits {
            // Character positions, as the writer's selection is.
            let start = at % (model.len() + 1);
            let end = (start + len).min(model.len());
            let removed: Vec<char> = model[start..end].iter().map(|&(c, _)| c).collect();
            let ins: Vec<char> = inserted.chars().collect();
            // Retyped characters at the front of a replaced selection are not changes.
            let same = removed.iter().zip(&ins).take_while(|(a, b)| a == b).count();
            let new_part = ins[same..].iter().map(|&c| (c, added));
            model.splice(start + same..end, new_part);

            let byte = |chars: usize| text.char_indices().nth(chars).map_or(text.len(), |(i, _)| i);
            let (b_start, b_end) = (byte(start), byte(end));
            let mut new = text.clone();
            new.replace_range(b_start..b_end, &inserted);
            endings.edited(&text, &new, Some(b_start + inserted.len()));
            text = new;
            let written = endings.apply(&text).into_owned();
            prop_assert_eq!(&written, &render(&model));
            prop_assert_eq!(&for_editor(&written).text, &text, "the download reopens as the text");
        }
        let stored = endings.to_stored();
        prop_assert_eq!(LineEndings::from_stored(endings.is_crlf(), stored.as_deref()), endings);
    }
}
