//! kramdown's backslash escapes are fewer than CommonMark's: `\` before `,` `/` `;` `?`
//! `@` `^` `&` `%` escapes nothing there and is written with it (`$n \,du$`, the thin
//! space of a formula MathJax reads in the page, keeps its backslash on the site).
//! Such a backslash is marked before the text is parsed ([`KEPT_BACKSLASH`], one byte for
//! one: offsets hold), so the parser reads the character after it as it stands, and is
//! written back in the events ([`unmark_escapes`]).

use std::borrow::Cow;

use pulldown_cmark::{CowStr, Event};

/// Stands for a backslash kramdown keeps (the character after it is not one it escapes).
pub(crate) const KEPT_BACKSLASH: char = '\u{19}';

/// The characters CommonMark escapes and kramdown (its GFM parser, which adds `~`) does
/// not (`ESCAPED_CHARS`).
const NOT_ESCAPED: &[u8] = b",/;?@^&%";

/// Whether `at` is inside a link's destination or a definition's line (a control character
/// would end the destination there; kramdown keeps the backslash of those as written).
fn in_destination(text: &str, at: usize) -> bool {
    let line = &text[text[..at].rfind('\n').map_or(0, |i| i + 1)..at];
    crate::images::inside_destination(text, at)
        || line.trim_start().starts_with('[') && line.contains("]:")
}

/// `text` with each backslash before a character kramdown does not escape marked (not one
/// escaped itself); borrowed when there is none.
pub(crate) fn mark_kept_escapes(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut marks = Vec::new();
    let mut run = 0usize;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\\' {
            run += 1;
            continue;
        }
        // The last backslash of an odd run escapes this character.
        if run % 2 == 1 && NOT_ESCAPED.contains(&b) && !in_destination(text, i - 1) {
            marks.push(i - 1);
        }
        run = 0;
    }
    if marks.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = bytes.to_vec();
    for at in marks {
        out[at] = KEPT_BACKSLASH as u8;
    }
    // One ASCII byte replaced by another: still UTF-8.
    Cow::Owned(String::from_utf8(out).unwrap_or_else(|_| text.to_string()))
}

/// The events with the kept backslashes written back.
pub(crate) fn unmark_escapes(events: &mut [Event<'_>]) {
    super::each_string(events, |text| {
        if text.contains(KEPT_BACKSLASH) {
            *text = CowStr::from(text.replace(KEPT_BACKSLASH, "\\"));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::super::jekyll_html as jekyll;

    /// As Jekyll 4.3.1 writes them (Jake Tae's posts write MathJax between single `$`).
    #[test]
    fn a_backslash_kramdown_does_not_read_as_an_escape_is_kept() {
        let cases = [
            (
                "Then $dt = n \\,du$ and $a \\; b$, \\/ \\? \\@ \\% \\& \\^ \\~ x.\n",
                "<p>Then $dt = n \\,du$ and $a \\; b$, \\/ \\? \\@ \\% \\&amp; \\^ ~ x.</p>\n",
            ),
            // Not marked in a link's destination, where a mark would end it: the link
            // stays a link, and its backslash is given back from the text as written
            // (`destinations::kept_backslashes`), as Jekyll writes `/x\,y`.
            (
                "[a](/x\\,y) \\, b\n",
                "<p><a href=\"/x\\,y\">a</a> \\, b</p>\n",
            ),
            // kramdown's own escapes and an escaped backslash before one.
            (
                "\\* \\_ \\$ \\\\, and `\\,` code.\n",
                "<p>* _ $ \\, and <code class=\"language-plaintext highlighter-rouge\">\\,</code> code.</p>\n",
            ),
        ];
        for (md, html) in cases {
            assert_eq!(jekyll(md), html, "{md:?}");
        }
    }
}
