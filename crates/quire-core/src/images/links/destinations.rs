//! Link destinations as kramdown reads them: spaces in them, and on into the next line.

use std::borrow::Cow;

use super::SPACE_STAND_IN;

/// The white space at either end of a destination.
const EDGE: [char; 4] = [' ', '\t', '\n', '\r'];

/// The text with the spaces inside a link's destination (`[a](my file.png)`,
/// `![b](step 1.PNG "Step 1")`) replaced by the same stand-in as [`protect_links`]'s:
/// kramdown reads a destination up to its closing parenthesis, or to white space before a
/// title's quote, spaces and all, and on into the next line of its paragraph (the line
/// break a space in it: the Rust blog's `(https://github.com/.../src/lit/s` then
/// `rc/format.md)`); CommonMark ends it at the first space or line break (the link is then
/// text). Only a next line that starts at its margin is taken so (one that is indented,
/// as an item's, would put its indentation in the destination, which kramdown drops).
/// Destinations in angle brackets are CommonMark's already. [`unprotect`] puts the spaces
/// back.
pub(crate) fn protect_spaced_links(text: &str) -> Cow<'_, str> {
    if !text.contains("](") {
        return Cow::Borrowed(text);
    }
    let mut marks = Vec::new();
    let mut from = 0;
    for (start, end) in destination_ends(text) {
        // (A `](` inside the destination before it is part of that destination.)
        if start < from + 2 {
            continue;
        }
        let Some(end) = end else { continue };
        // (White space at either end, a line break too, is none of the destination.)
        let url = text[start..end].trim_matches(EDGE);
        if url.contains([' ', '\n', '\r']) {
            let url_start =
                start + (text[start..end].len() - text[start..end].trim_start_matches(EDGE).len());
            marks.extend(
                url.match_indices([' ', '\n', '\r'])
                    .map(|(k, _)| url_start + k),
            );
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

/// Each `](` of `text` not followed by `<`, in order: where the destination after it
/// starts, and where kramdown ends it (its closing parenthesis, nested ones balanced; or
/// white space before a title's quote), `None` when its paragraph's text ends first (a
/// destination goes on into the next line when [`line_goes_on`]). One pass over the
/// text: the destinations still open form a stack (each deeper in parentheses than the
/// one before), so a line of thousands of `[a](` costs its length, not its square.
pub(super) fn destination_ends(text: &str) -> Vec<(usize, Option<usize>)> {
    let bytes = text.as_bytes();
    let mut found: Vec<(usize, Option<usize>)> = Vec::new();
    // The open destinations: their index in `found`, and the parentheses open when each
    // started.
    let mut open: Vec<(usize, usize)> = Vec::new();
    let mut nest = 0usize;
    let mut at = 0;
    // Inside a fenced code block (a fence's own line counted in), and whether the line
    // under way is.
    let mut in_fence = fence_line(text);
    let mut fenced = in_fence;
    while at < bytes.len() {
        match bytes[at] {
            b'\n' | b'\r' => {
                let next = at + if text[at..].starts_with("\r\n") { 2 } else { 1 };
                if !(open.is_empty() || !fenced && line_goes_on(text, at)) {
                    open.clear();
                    nest = 0;
                }
                // A fence's line opens or closes a fenced block.
                let fence = fence_line(&text[next..]);
                in_fence ^= fence;
                fenced = in_fence || fence;
                at = next;
                continue;
            }
            b'(' => {
                nest += 1;
                if at > 0 && bytes[at - 1] == b']' && bytes.get(at + 1) != Some(&b'<') {
                    found.push((at + 1, None));
                    open.push((found.len() - 1, nest));
                }
            }
            b')' => {
                if let Some(&(index, base)) = open.last() {
                    if base == nest {
                        found[index].1 = Some(at);
                        open.pop();
                    }
                }
                nest = nest.saturating_sub(1);
            }
            b' ' | b'\t' => {
                let run = text[at..].len() - text[at..].trim_start_matches([' ', '\t']).len();
                if bytes
                    .get(at + run)
                    .is_some_and(|b| matches!(b, b'"' | b'\''))
                {
                    for (index, _) in open.drain(..) {
                        found[index].1 = Some(at);
                    }
                }
                at += run;
                continue;
            }
            // (A backslash before a line break escapes nothing here.)
            b'\\' if !matches!(bytes.get(at + 1), Some(b'\n' | b'\r')) => at += 1,
            _ => {}
        }
        at += 1;
    }
    found
}

/// Whether `line` (up to its end) opens or closes a fenced code block: up to three
/// spaces, then three backticks or tildes.
fn fence_line(line: &str) -> bool {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = &line[indent..];
    indent < 4 && (rest.starts_with("```") || rest.starts_with("~~~"))
}

/// Whether a destination open at the line break at `at` of `text` goes on into the next
/// line, as kramdown reads it: the line it is in is a paragraph's, not code (indented
/// less than four spaces), the destination is not empty nor ending in white space there,
/// and the next line starts at its margin with text that starts no block.
pub(super) fn line_goes_on(text: &str, at: usize) -> bool {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[start..at];
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent >= 4 || line.starts_with('\t') {
        return false;
    }
    if !line.ends_with(|c: char| !c.is_whitespace() && c != '(') {
        return false;
    }
    let next = text[at..]
        .strip_prefix("\r\n")
        .or_else(|| text[at..].strip_prefix(['\n', '\r']))
        .unwrap_or("");
    let starts_block =
        |c: char| "#>|`~<{-*+=[!:".contains(c) || c.is_ascii_digit() || c.is_whitespace();
    next.chars().next().is_some_and(|c| !starts_block(c))
}
