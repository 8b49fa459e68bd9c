//! kramdown reads `[text] [id]`, white space between the brackets (as Markdown.pl wrote
//! it), as a reference link to `id`, where CommonMark reads two links or texts. Before
//! parsing, the white space is moved inside the second bracket (`[text][ id]`, the same
//! length, so every offset after it stays): CommonMark reads that as the full reference
//! kramdown reads, its label's white space ignored.

use std::borrow::Cow;

/// Whether `text` may hold `[text] [id]`.
pub(crate) fn may_space_references(text: &str) -> bool {
    text.contains("] [") || text.contains("]\n[") || text.contains("]  [")
}

/// `text` with each `[text] [id]` whose `id` is `defined` written `[text][ id]` (outside
/// fenced code and code spans; a note's `[^x]` left alone).
pub(crate) fn join_spaced_references(text: &str, defined: impl Fn(&str) -> bool) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut moves: Vec<(usize, usize)> = Vec::new();
    let mut fence: Option<&str> = None;
    let mut line_start = 0;
    // The last `[` on the lines above in the paragraph with no `]` or backtick after it
    // (kept line by line: a bracket closed lines below is found without looking back).
    let mut above: Option<usize> = None;
    for line in text.split_inclusive('\n') {
        let start = line_start;
        line_start += line.len();
        if super::html_blocks::fenced(&mut fence, line.trim_start()) {
            above = None;
            continue;
        }
        let open_above = above;
        above = match line.trim().is_empty() {
            true => None,
            false => line
                .bytes()
                .enumerate()
                .fold(above, |open, (i, b)| match b {
                    b'[' => Some(start + i),
                    b']' | b'`' => None,
                    _ => open,
                }),
        };
        let mut ticks = 0;
        for (i, b) in line.bytes().enumerate() {
            if b == b'`' {
                ticks += 1;
            }
            if b != b']' || ticks % 2 == 1 {
                continue;
            }
            let close = start + i;
            // The first bracket: opened on this line or a line above in its paragraph
            // (no code span across them), not a note's, not escaped, not the label of a
            // reference before it (`[a][] [b][]` is two links).
            let open = match (line[..i].rfind('['), open_above) {
                (Some(o), _) => start + o,
                (None, Some(o)) if !line[..i].contains(['`', ']']) => o,
                _ => continue,
            };
            if text[open + 1..close].contains(']')
                || bytes.get(open + 1) == Some(&b'^')
                || (open > 0 && matches!(bytes[open - 1], b'\\' | b']'))
            {
                continue;
            }
            // White space (one line break at most), then `[id]`.
            let gap_end = close
                + 1
                + text[close + 1..]
                    .bytes()
                    .take_while(|b| matches!(b, b' ' | b'\t' | b'\n'))
                    .count();
            let gap = &text[close + 1..gap_end];
            if gap.is_empty() || gap.matches('\n').count() > 1 || bytes.get(gap_end) != Some(&b'[')
            {
                continue;
            }
            let Some(id_len) = text[gap_end + 1..].find(']') else {
                continue;
            };
            let id = &text[gap_end + 1..gap_end + 1 + id_len];
            if id.is_empty() || id.starts_with('^') || id.contains('[') || !defined(id.trim()) {
                continue;
            }
            moves.push((close + 1, gap_end));
        }
    }
    if moves.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut done = 0;
    for (from, bracket) in moves {
        out.push_str(&text[done..from]);
        out.push('[');
        out.push_str(&text[from..bracket]);
        done = bracket + 1;
    }
    out.push_str(&text[done..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::super::jekyll_html as jekyll;

    /// As Jekyll 4.3.1 writes them (Baby Steps writes `[notably] [improved]`).
    #[test]
    fn a_spaced_reference_links_to_its_id() {
        let html = jekyll(
            "A [notably] [improved], D `[q] [improved]`, E ![img] [improved], \
             F [t]\n[improved].\n\n[notably]: /n\n[improved]: /i\n",
        );
        assert_eq!(
            html,
            "<p>A <a href=\"/i\">notably</a>, D <code \
             class=\"language-plaintext highlighter-rouge\">[q] [improved]</code>, E \
             <img src=\"/i\" alt=\"img\" />, F <a href=\"/i\">t</a>.</p>\n"
        );
        // A definition line kramdown reads as more of a paragraph (a comment above it
        // goes on the paragraph) defines nothing: the brackets stay as written (found by
        // the property tests, seed 0x...86).
        assert_eq!(
            jekyll("|---|---|\n<!-- x -->\n[ref]: /url\n\nSee [it] [ref] x\n"),
            "<p>|—|—|\n<!-- x -->\n[ref]: /url</p>\n<p>See [it] [ref] x</p>\n"
        );
        // Text over two lines (ruby-lang.org's Indonesian news of 2013-02-06).
        assert_eq!(
            jekyll("update [ruby-1.9.3 patchlevel\n385] [1]. And\n\n[1]: /p385/\n"),
            "<p>update <a href=\"/p385/\">ruby-1.9.3 patchlevel\n385</a>. And</p>\n"
        );
        // Collapsed references side by side are two links (bitcoincore.org's meetings).
        assert_eq!(
            jekyll("Open: [#9638][] [#9626][] [x][#9622] end\n\n[#9638]: /a\n[#9626]: /b\n[#9622]: /c\n"),
            "<p>Open: <a href=\"/a\">#9638</a> <a href=\"/b\">#9626</a> <a href=\"/c\">x</a> end</p>\n"
        );
    }

    /// kramdown takes the backslash escapes of a reference whose label is its text before
    /// looking it up (Ma Zhuang's `[tern\_for\_vim][]`); Jekyll 4.3.1's page.
    #[test]
    fn escaped_labels_find_their_definitions() {
        assert_eq!(
            jekyll(
                "Vim has [tern\\_for\\_vim][] and [a\\*b].\n\n\
                 [tern_for_vim]: https://github.com/ternjs/tern_for_vim\n[a*b]: /ab\n"
            ),
            "<p>Vim has <a href=\"https://github.com/ternjs/tern_for_vim\">tern_for_vim</a> \
             and <a href=\"/ab\">a*b</a>.</p>\n"
        );
    }
}
