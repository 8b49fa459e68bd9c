//! The fuzz targets: every parser of data from outside the app (a post, a file's bytes, a
//! backup zip, what storage holds) and the incremental renderer, on arbitrary bytes.
//!
//! Each target must never panic (the app is built with `panic = "abort"`, so a panic takes
//! the page down), and checks the promises that hold for every input: a file opened and
//! downloaded gives its bytes back; what is stored reads back as written; an incremental
//! preview update equals a full render. `fuzz/` runs them under libFuzzer; the inputs
//! worth keeping are replayed by `tests/regressions.rs`.

use crate::date::LocalDateTime;
use crate::render::{BlockRenderer, Flavour, Settings};
use crate::{backup, drafts, excerpt, export, front_matter, import, line_endings, prefs};
use crate::{revisions, split, stats};

/// A fuzz target: arbitrary bytes in, a panic on a broken promise.
pub type Target = fn(&[u8]);

/// Every target by name, as `cargo fuzz run NAME` and the regression folders call them.
pub const TARGETS: &[(&str, Target)] = &[
    ("post", post),
    ("backup", backup),
    ("import", import),
    ("stored", stored),
    ("render", render),
];

/// A day for the entry points that need one.
fn today() -> LocalDateTime {
    LocalDateTime {
        year: 2026,
        month: 1,
        day: 1,
        hour: 0,
        minute: 0,
        second: 0,
        offset_minutes: 0,
    }
}

/// Every post entry point (split, front matter read/set/remove, excerpt detect/replace/
/// wrap/switch under each site's rules, a date as Jekyll reads it, file name, stats) on a
/// text.
pub fn post(data: &[u8]) {
    let src = &String::from_utf8_lossy(data);
    let parts = split(src);
    let _ = parts.body_first_line(src);
    let _ = front_matter::read(src);
    for key in ["title", "tags", "date"] {
        if let Ok(Some(change)) =
            front_matter::set(src, key, &front_matter::Value::String("x: y".into()))
        {
            let _ = change.apply(src);
        }
        let _ = front_matter::remove(src, key);
    }
    let found = excerpt::detect(src);
    let _ = excerpt::replace(src, "new");
    let _ = excerpt::wrap(src, found.range);
    let _ = excerpt::remove_markers(src);
    let _ = excerpt::switch(src, &excerpt::Convention::More);
    let jekyll = excerpt::Rules::jekyll("<!--more-->");
    let _ = excerpt::detect_in(src, &jekyll).card_markdown();
    let _ = excerpt::replace_in(src, &jekyll, "new");
    let _ = excerpt::switch_in(
        src,
        &excerpt::Rules::jekyll("\n\n"),
        &excerpt::Convention::More,
    );
    let _ = crate::site_config::PostDate::read(src);
    let _ = export::file_name(src, &today(), export::NameStyle::Jekyll);
    let _ = stats::post_stats(src);
}

/// A backup zip as the restore reads it; what it gives is written and read back the same.
pub fn backup(data: &[u8]) {
    let Ok(drafts) = backup::read(data) else {
        return;
    };
    let again = backup::read(&backup::write(&drafts, &today()));
    assert_eq!(again.as_ref().map(Vec::len), Ok(drafts.len()));
    for (read, written) in drafts.iter().zip(again.iter().flatten()) {
        assert_eq!(read.text, written.text, "a draft's text changed on the way");
    }
    let _ = backup::plan(drafts, |_| Some(String::new()), || "copy".into());
}

/// A file's bytes opened as a post and downloaded again: the same bytes, whatever its
/// line endings; then edits (the bytes after the first NUL, two at a time: where, what)
/// keep the text and the count of line endings right.
pub fn import(data: &[u8]) {
    let (file, edits) = match data.iter().position(|&b| b == 0) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &[][..]),
    };
    let Ok(text) = import::decode(file) else {
        return;
    };
    let opened = import::for_editor(&text);
    assert!(!opened.text.contains('\r'));
    assert_eq!(
        opened.endings.apply(&opened.text),
        text,
        "open then download"
    );
    let (mut editor, mut endings) = (opened.text, opened.endings);
    for pair in edits.chunks(2) {
        let at = floor_char(&editor, usize::from(pair[0]) * editor.len() / 256);
        let end = floor_char(&editor, at + usize::from(*pair.get(1).unwrap_or(&0) & 7));
        let inserted = match pair.get(1).map(|b| b >> 3) {
            Some(0..=9) => "\n",
            Some(10..=19) => "x",
            _ => "",
        };
        let mut new = editor.clone();
        new.replace_range(at..end, inserted);
        endings.edited(&editor, &new, Some(at + inserted.len()));
        editor = new;
        let written = endings.apply(&editor);
        let reopened = import::for_editor(&written).text;
        assert_eq!(reopened, editor, "the download opens as the edited text");
        let stored = line_endings::StoredEndings::from(&endings);
        assert_eq!(stored.get(), endings, "line endings read back as stored");
    }
}

/// The largest char boundary of `s` at or before `at`.
fn floor_char(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// What localStorage holds, as Quire reads it: the draft index, a revision history, the
/// preferences, stored line endings. Whatever reads is written back and reads the same.
pub fn stored(data: &[u8]) {
    let text = &String::from_utf8_lossy(data);
    if let Ok(index) = drafts::parse_index(text) {
        let again = drafts::parse_index(&drafts::write_index(&index));
        let again = again.map(|i| i.drafts).unwrap_or_default();
        assert!(
            same_json(&again, &index.drafts),
            "the index reads back as written"
        );
        let _ = index.listed("a");
    }
    if let Ok(history) = revisions::parse(text) {
        let again = revisions::parse(&revisions::write(&history));
        assert!(again.is_ok_and(|again| same_json(&again, &history)));
    }
    let prefs = prefs::parse(Some(text));
    let _ = (
        prefs.preview(),
        prefs.theme(),
        prefs.layout(),
        prefs.split(),
    );
    assert_eq!(prefs::parse(Some(&prefs::write(&prefs))), prefs);
    let endings = line_endings::LineEndings::from_stored(false, Some(text));
    let stored = line_endings::StoredEndings::from(&endings);
    assert_eq!(stored.get(), endings);
}

/// `a` and `b` hold the same values; numbers may differ in their last bit (serde_json
/// reads some far-fetched decimal numbers one unit off; times and offsets that Quire
/// writes, whole milliseconds and pixels, read back exactly).
fn same_json<T: serde::Serialize>(a: &T, b: &T) -> bool {
    fn same(a: &serde_json::Value, b: &serde_json::Value) -> bool {
        use serde_json::Value;
        match (a, b) {
            (Value::Number(x), Value::Number(y)) => match (x.as_f64(), y.as_f64()) {
                (Some(x), Some(y)) => x == y || ((x - y) / x.abs().max(y.abs())).abs() < 1e-15,
                _ => x == y,
            },
            (Value::Array(x), Value::Array(y)) => {
                x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y))
            }
            (Value::Object(x), Value::Object(y)) => {
                x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
            }
            _ => a == b,
        }
    }
    match (serde_json::to_value(a), serde_json::to_value(b)) {
        (Ok(a), Ok(b)) => same(&a, &b),
        _ => false,
    }
}

/// The preview: a body (the text before the first NUL; the first byte picks the flavour)
/// and edits after it (each NUL-separated part: where, how much to delete, what to insert),
/// rendered block by block; every update equals a full render. Like the editor's text,
/// the body holds no CR.
pub fn render(data: &[u8]) {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let settings = Settings {
        flavour: if flags & 1 == 0 {
            Flavour::Jekyll
        } else {
            Flavour::CommonMark
        },
        site_url: if flags & 2 == 0 {
            String::new()
        } else {
            "https://example.com/blog".into()
        },
        ..Default::default()
    };
    // The preview renders the editor's text, which never holds a CR (a browser's text
    // field keeps `\n` only, and every file's CRs are taken out when it is opened).
    let text = String::from_utf8_lossy(rest).replace('\r', "\n");
    let mut parts = text.split('\0');
    let mut body = parts.next().unwrap_or_default().to_string();
    let mut renderer = BlockRenderer::with_settings(&body, settings.clone());
    for part in parts.take(16) {
        let mut chars = part.chars();
        let at = chars.next().map_or(0, |c| c as usize);
        let len = chars.next().map_or(0, |c| c as usize % 16);
        let start = floor_char(&body, at * 31 % (body.len() + 1));
        let end = floor_char(&body, start + len);
        body.replace_range(start..end, chars.as_str());
        let mut dom: Vec<String> = renderer.blocks().iter().map(|b| b.html.clone()).collect();
        renderer.update(&body).apply_to(&mut dom);
        let fresh = BlockRenderer::with_settings(&body, settings.clone());
        assert_eq!(renderer.blocks(), fresh.blocks(), "blocks of {body:?}");
        let expected: Vec<String> = fresh.blocks().iter().map(|b| b.html.clone()).collect();
        assert_eq!(dom, expected, "the patched preview of {body:?}");
    }
}
