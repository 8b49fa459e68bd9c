//! A fence that never closes. kramdown opens fenced code only where a closing fence
//! follows in its container (its GFM pattern matches the block up to the closing line): a
//! fence line with none after it is text, read on in the paragraph above it (`Text` then
//! ```` ``` ```` on the next line is one paragraph) or as a paragraph of its own.
//! CommonMark opens the block anyway and makes the rest of the post (or of its list item
//! or quotation) code: a writer who has typed the opening fence and not yet the closing
//! one would see the whole post below turn to code, which Jekyll does not publish.
//!
//! The parse finds them: a fenced code block with no line below that closes it
//! ([`OpenFences`], [`never_closing`]). Its backticks are then marked ([`mark_fences`], a mark of the same
//! length: offsets hold; written back in the block's events) and the text parsed again,
//! until every fence left is closed (`blocks/parse.rs`). A tilde fence that never closes
//! is left as CommonMark reads it: no one-byte mark is left to write its tildes.

use std::borrow::Cow;
use std::ops::Range;

use super::lone_backticks::BACKTICK_MARK;

/// `text` with the backticks of the fences at `fences` (where each run starts, how long it
/// is) marked as text.
pub(crate) fn mark_fences<'t>(text: &'t str, fences: &[(usize, usize)]) -> Cow<'t, str> {
    if fences.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = text.as_bytes().to_vec();
    for &(at, run) in fences {
        if let Some(run) = out.get_mut(at..at + run) {
            if run.iter().all(|&b| b == b'`') {
                run.fill(BACKTICK_MARK as u8);
            }
        }
    }
    // Only ASCII bytes were replaced by others.
    Cow::Owned(String::from_utf8(out).unwrap_or_else(|_| text.to_string()))
}

/// A backtick fenced code block a parse left open: CommonMark ended it with its container
/// (or the text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct OpenFence {
    /// Where its backtick run starts, and how long it is.
    pub(crate) at: usize,
    pub(crate) run: usize,
    /// Its opening line could close a fence above it (nothing after the run).
    pub(crate) bare: bool,
    /// A line below it (in whatever container) could close it.
    pub(crate) closed_below: bool,
}

/// The backtick fenced code blocks of a parse that never close, found as the parse meets
/// them.
#[derive(Debug, Default)]
pub(crate) struct OpenFences {
    pub(crate) found: Vec<OpenFence>,
    /// Where the last line of the text that could close a backtick fence (in whatever
    /// container) starts, once looked for.
    last_closing: Option<Option<usize>>,
}

impl OpenFences {
    /// See the fenced code block at `range` of `text`: kept when no line of it below its
    /// opening one closes it. (A shorter closing run of three or more closes it too:
    /// kramdown takes the extra backticks of the opening run as the language.)
    pub(crate) fn see(&mut self, text: &str, range: Range<usize>) {
        let Some(block) = text.get(range.clone()) else {
            return;
        };
        let first_end = block.find('\n').map_or(block.len(), |i| i + 1);
        let opening = fence(&block[..first_end]);
        let Some((b'`', at, run)) = opening.opening else {
            return;
        };
        let closes = |line: &str| matches!(fence(line).closing, Some((b'`', _, _)));
        if block[first_end..].split_inclusive('\n').any(closes) {
            return;
        }
        let last_closing = *self.last_closing.get_or_insert_with(|| {
            let mut last = None;
            let mut start = 0;
            for line in text.split_inclusive('\n') {
                if closes(line) {
                    last = Some(start);
                }
                start += line.len();
            }
            last
        });
        self.found.push(OpenFence {
            at: range.start + at,
            run,
            bare: opening.closing.is_some(),
            closed_below: last_closing.is_some_and(|last| last >= range.start + first_end),
        });
    }
}

/// Of the fences the parses of a text left open (`open`, in the order met, those of
/// earlier parses first), those kramdown reads as text: no line below could close one,
/// and a bare one (```` ``` ```` alone) is not the closing line of one left open above it
/// (kramdown's list may go on where CommonMark's ended: `lazy_lists.rs`). Those left as
/// CommonMark reads them stay open, and a window of the text must not be read apart from
/// them (`blocks/window.rs`).
pub(crate) fn never_closing(open: &[OpenFence]) -> Vec<OpenFence> {
    open.iter()
        .filter(|fence| {
            let under_open = fence.bare && open.iter().any(|above| above.at < fence.at);
            !(fence.closed_below || under_open)
        })
        .copied()
        .collect()
}

/// The fences with a language (```` ```ruby ````) that no line below could close (in
/// whatever container): text to kramdown wherever they stand, found in one pass over the
/// lines (where each run starts, how long it is). Marked before the first parse, so that
/// a post of many such takes no parse for each; a bare one (```` ``` ````), which may be
/// the closing line of one above, is left to the parses ([`never_closing`]).
pub(crate) fn never_closing_with_language(text: &str) -> Vec<(usize, usize)> {
    if !text.contains("```") {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut at = text.len();
    for line in text.split_inclusive('\n').rev() {
        at -= line.len();
        let line = fence(line);
        if line.closing.is_some_and(|(c, _, _)| c == b'`') {
            break;
        }
        if let Some((b'`', start, run)) = line.opening {
            found.push((at + start, run));
        }
    }
    found.reverse();
    found
}

/// Whether `text` holds a line that would close a backtick fence: after a window of a
/// post, one the window left unclosed; in a window, one left unclosed above it. Then the
/// window alone does not read as the whole.
pub(crate) fn closes_a_fence(text: &str) -> bool {
    text.contains("```")
        && text
            .split_inclusive('\n')
            .any(|line| matches!(fence(line).closing, Some((b'`', _, _))))
}

/// What a line is as a fence: one that may open code (its character, where its run starts,
/// how long it is), one that may close it.
#[derive(Debug, Default, Clone, Copy)]
struct Fence {
    opening: Option<(u8, usize, usize)>,
    closing: Option<(u8, usize, usize)>,
}

/// A line read as a fence, in whatever quotation or list item: after the containers'
/// prefixes (`>`, list markers, indentation), three or more backticks or tildes. It may
/// open code when a backtick run has no backtick after it and at most one word (more is
/// text to kramdown: `lone_backticks.rs`), and close code when nothing but white space
/// follows the run.
fn fence(line: &str) -> Fence {
    let body = line.trim_end_matches(['\n', '\r']);
    let at = super::lone_backticks::containers_prefix(body);
    let Some(&c) = body.as_bytes().get(at).filter(|c| matches!(c, b'`' | b'~')) else {
        return Fence::default();
    };
    let run = body.as_bytes()[at..]
        .iter()
        .take_while(|&&b| b == c)
        .count();
    if run < 3 {
        return Fence::default();
    }
    let info = &body[at + run..];
    let closing = info.trim().is_empty().then_some((c, at, run));
    let opening = if c == b'`' {
        !info.contains('`') && super::lone_backticks::wordy_fence(body).is_none()
    } else {
        info.split_whitespace().count() <= 1
    };
    let opening = opening.then_some((c, at, run));
    Fence { opening, closing }
}

#[cfg(test)]
mod tests;
