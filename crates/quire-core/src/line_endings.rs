//! Each line's ending, kept beside the text the editor holds.
//!
//! A browser's text field keeps only `\n`, so a file's `\r\n` and bare `\r` line breaks are
//! taken out when it is opened and remembered here, one ending per `\n` of the editor's
//! text. A file edited on two systems mixes them; every line the writer does not touch is
//! written back with its own ending, and the lines the writer adds get the file's most
//! common one. So opening a file and downloading it gives its bytes back, whatever its
//! endings, and an edit changes only the bytes it touches.
//!
//! The endings are kept as runs (`C3L1C40`: three CRLF lines, one LF, forty CRLF); a file
//! whose lines all end alike has no runs at all.

use std::borrow::Cow;

use crate::edit::{common_prefix, common_suffix};
use serde::{Deserialize, Serialize};

/// How one line ends in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Ending {
    /// `\n` (Unix, and every browser's text field).
    #[default]
    Lf,
    /// `\r\n` (Windows).
    CrLf,
    /// A bare `\r` (classic Mac OS).
    Cr,
}

impl Ending {
    /// The bytes of this ending.
    pub fn as_str(self) -> &'static str {
        match self {
            Ending::Lf => "\n",
            Ending::CrLf => "\r\n",
            Ending::Cr => "\r",
        }
    }

    fn letter(self) -> char {
        match self {
            Ending::Lf => 'L',
            Ending::CrLf => 'C',
            Ending::Cr => 'R',
        }
    }

    fn from_letter(c: char) -> Option<Ending> {
        match c {
            'L' => Some(Ending::Lf),
            'C' => Some(Ending::CrLf),
            'R' => Some(Ending::Cr),
            _ => None,
        }
    }
}

/// A run of `count` consecutive line breaks with the same ending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    ending: Ending,
    count: usize,
}

/// The ending of every line break of a text the editor holds.
///
/// The first line breaks follow `runs`; every line break after them (all of them, when
/// there are no runs) ends with `added`, the ending new lines get.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LineEndings {
    runs: Vec<Run>,
    added: Ending,
}

/// A file's text as the editor holds it, and how to write it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditorText {
    /// The text with `\n` line breaks (BOM and everything else as in the file).
    pub text: String,
    /// The file's line endings.
    pub endings: LineEndings,
}

/// The editor's form of a file's text: `\r\n` and `\r` become `\n`, and are remembered.
pub fn for_editor(file: &str) -> EditorText {
    if !file.contains('\r') {
        return EditorText {
            text: file.to_string(),
            endings: LineEndings::default(),
        };
    }
    let bytes = file.as_bytes();
    let mut text = String::with_capacity(file.len());
    let mut found: Vec<Ending> = Vec::new();
    let mut last = 0;
    let mut i = 0;
    while i < bytes.len() {
        let ending = match bytes[i] {
            b'\n' => Ending::Lf,
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => Ending::CrLf,
            b'\r' => Ending::Cr,
            _ => {
                i += 1;
                continue;
            }
        };
        // `\r` and `\n` are ASCII: the cuts fall on character boundaries.
        text.push_str(&file[last..i]);
        text.push('\n');
        found.push(ending);
        i += ending.as_str().len();
        last = i;
    }
    text.push_str(&file[last..]);
    EditorText {
        text,
        endings: LineEndings::from_list(&found),
    }
}

impl LineEndings {
    /// Every line ends with `ending`.
    pub fn uniform(ending: Ending) -> LineEndings {
        LineEndings {
            runs: Vec::new(),
            added: ending,
        }
    }

    /// The endings of a file's line breaks, in order; new lines get the most common one
    /// (the first line's, on a tie).
    fn from_list(list: &[Ending]) -> LineEndings {
        let count = |e: Ending| list.iter().filter(|&&x| x == e).count();
        let mut added = list.first().copied().unwrap_or_default();
        for e in [Ending::Lf, Ending::CrLf, Ending::Cr] {
            if count(e) > count(added) {
                added = e;
            }
        }
        let mut endings = LineEndings {
            runs: Vec::new(),
            added,
        };
        for &ending in list {
            endings.push(ending, 1);
        }
        endings.normalise();
        endings
    }

    /// The ending lines added by the writer get.
    pub fn added(&self) -> Ending {
        self.added
    }

    /// The one ending of every line, if they all end alike.
    pub fn uniform_ending(&self) -> Option<Ending> {
        self.runs.is_empty().then_some(self.added)
    }

    /// Every line break ends with `\r\n`.
    pub fn is_crlf(&self) -> bool {
        self.uniform_ending() == Some(Ending::CrLf)
    }

    fn push(&mut self, ending: Ending, count: usize) {
        if count == 0 {
            return;
        }
        match self.runs.last_mut() {
            Some(run) if run.ending == ending => run.count += count,
            _ => self.runs.push(Run { ending, count }),
        }
    }

    /// Runs at the end that say what `added` says anyway are dropped.
    fn normalise(&mut self) {
        while self.runs.last().is_some_and(|r| r.ending == self.added) {
            self.runs.pop();
        }
    }

    /// The editor's text changed from `old` to `new`: line breaks the change removed are
    /// forgotten, those it added get [`LineEndings::added`], the others keep theirs.
    ///
    /// `caret` (a byte offset into `new`: where the selection ends after the change, as a
    /// text field leaves it after typing, pasting or deleting) says where the change ends
    /// when the text alone cannot (Enter before a line break: which one is new?).
    pub fn edited(&mut self, old: &str, new: &str, caret: Option<usize>) {
        if self.runs.is_empty() {
            // Every line, old or new, ends with `added`.
            return;
        }
        let (old, new) = (old.as_bytes(), new.as_bytes());
        let (start, old_end, new_end) = changed(old, new, caret);
        let kept = count_breaks(&old[..start]);
        let removed = count_breaks(&old[start..old_end]);
        let added = count_breaks(&new[start..new_end]);
        self.splice(kept, removed, added);
    }

    /// Line breaks `at..at + removed` are replaced by `added` new ones.
    fn splice(&mut self, at: usize, removed: usize, added: usize) {
        let old = std::mem::take(&mut self.runs);
        let mut seen = 0;
        for run in &old {
            let end = seen + run.count;
            // The part of this run before `at`.
            self.push(run.ending, end.min(at).saturating_sub(seen));
            seen = end;
        }
        // Line breaks before `at` that the runs did not cover end with `added`.
        let covered = seen;
        self.push(self.added, at.saturating_sub(covered));
        self.push(self.added, added);
        let mut seen = 0;
        for run in &old {
            let end = seen + run.count;
            // The part of this run after the removed line breaks.
            self.push(run.ending, end - seen.max(at + removed).min(end));
            seen = end;
        }
        self.normalise();
    }

    /// The file's text for the editor's `text`: every `\n` written with its own ending.
    pub fn apply<'a>(&self, text: &'a str) -> Cow<'a, str> {
        match self.uniform_ending() {
            Some(Ending::Lf) => return Cow::Borrowed(text),
            _ if !text.contains('\n') => return Cow::Borrowed(text),
            Some(ending) => return Cow::Owned(text.replace('\n', ending.as_str())),
            None => {}
        }
        let mut out = String::with_capacity(text.len() + text.len() / 16);
        let mut endings = self
            .runs
            .iter()
            .flat_map(|r| std::iter::repeat_n(r.ending, r.count))
            .chain(std::iter::repeat(self.added))
            .peekable();
        let mut last = 0;
        for (i, _) in text.match_indices('\n') {
            out.push_str(&text[last..i]);
            let mut ending = endings.next().unwrap_or(self.added);
            // A bare CR right before an empty LF line would read back as one CRLF break
            // (a line lost): that line break, which an edit made, becomes CRLF.
            if ending == Ending::Cr
                && text.as_bytes().get(i + 1) == Some(&b'\n')
                && endings.peek() == Some(&Ending::Lf)
            {
                ending = Ending::CrLf;
            }
            out.push_str(ending.as_str());
            last = i + 1;
        }
        out.push_str(&text[last..]);
        Cow::Owned(out)
    }

    /// The stored form: `None` for all-LF and all-CRLF files (which an older Quire's
    /// `crlf` flag already says), else the ending of added lines and the runs (`CC3L1`).
    pub fn to_stored(&self) -> Option<String> {
        match self.uniform_ending() {
            Some(Ending::Lf | Ending::CrLf) => None,
            _ => {
                let mut out = String::new();
                out.push(self.added.letter());
                for run in &self.runs {
                    out.push(run.ending.letter());
                    out.push_str(&run.count.to_string());
                }
                Some(out)
            }
        }
    }

    /// Read the stored form back; `crlf` is the flag stored beside it, used alone by
    /// drafts of older Quires (and when `stored` cannot be read).
    pub fn from_stored(crlf: bool, stored: Option<&str>) -> LineEndings {
        let fallback = || LineEndings::uniform(if crlf { Ending::CrLf } else { Ending::Lf });
        stored.and_then(parse_stored).unwrap_or_else(fallback)
    }
}

/// How a draft's line endings are stored beside it (in the draft index, a revision history,
/// a backup's manifest): `crlf` as every Quire has written it, and `endings` only for files
/// whose lines end in other ways or do not all end alike.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct StoredEndings {
    /// Every line ends with CRLF (or, with `endings`, most do: an older Quire then writes
    /// CRLF throughout, the nearest it can do).
    #[serde(default, skip_serializing_if = "core::ops::Not::not")]
    pub crlf: bool,
    /// [`LineEndings::to_stored`], when the flag alone does not say it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endings: Option<String>,
}

impl StoredEndings {
    /// The line endings stored.
    pub fn get(&self) -> LineEndings {
        LineEndings::from_stored(self.crlf, self.endings.as_deref())
    }
}

impl From<&LineEndings> for StoredEndings {
    fn from(endings: &LineEndings) -> StoredEndings {
        StoredEndings {
            crlf: endings.added() == Ending::CrLf,
            endings: endings.to_stored(),
        }
    }
}

fn parse_stored(stored: &str) -> Option<LineEndings> {
    let mut chars = stored.chars();
    let added = Ending::from_letter(chars.next()?)?;
    let mut endings = LineEndings::uniform(added);
    let rest = chars.as_str();
    let mut at = 0;
    while at < rest.len() {
        let ending = Ending::from_letter(rest[at..].chars().next()?)?;
        at += 1;
        let digits = rest[at..].bytes().take_while(u8::is_ascii_digit).count();
        let count: usize = rest.get(at..at + digits)?.parse().ok()?;
        if count == 0 {
            return None;
        }
        endings.push(ending, count);
        at += digits;
    }
    endings.normalise();
    Some(endings)
}

fn count_breaks(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n').count()
}

/// The changed part of `old` -> `new`: `old[start..old_end]` became `new[start..new_end]`.
/// The change ends at `caret` when the text after the caret is unchanged.
fn changed(old: &[u8], new: &[u8], caret: Option<usize>) -> (usize, usize, usize) {
    let prefix = common_prefix(old, new);
    let suffix = common_suffix(old, new);
    let shorter = old.len().min(new.len());
    let (start, tail) = match caret {
        Some(c) if c <= new.len() && new.len() - c <= suffix => {
            let tail = new.len() - c;
            (prefix.min(shorter - tail), tail)
        }
        _ => (prefix, suffix.min(shorter - prefix)),
    };
    (start, old.len() - tail, new.len() - tail)
}

#[cfg(test)]
mod tests;
