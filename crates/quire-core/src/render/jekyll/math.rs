//! Math as kramdown writes it for MathJax (its default math engine): `$$...$$` alone in a
//! paragraph is a display block, `\[...\]`; inside a paragraph it is inline, `\(...\)`. A
//! single `$` is no math in kramdown: `$x$` stays as written.

use std::borrow::Cow;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::escape_text;

/// Whether CommonMark would read the lines of a math block's content `inner` as more
/// than one paragraph: a blank line, or a line opening a list, a heading, a quotation,
/// a fence, HTML or a setext underline.
fn breaks_paragraph(inner: &str) -> bool {
    inner.lines().skip(1).any(|line| {
        let trimmed = line.trim_start_matches(' ');
        if line.trim().is_empty() {
            return true;
        }
        if line.len() - trimmed.len() > 3 {
            return false;
        }
        let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
        let ordered = digits > 0
            && digits < 10
            && matches!(trimmed.as_bytes().get(digits), Some(b'.' | b')'))
            && matches!(
                trimmed.as_bytes().get(digits + 1),
                None | Some(b' ' | b'\t')
            );
        let underline = !trimmed.trim_end().is_empty()
            && (trimmed.trim_end().bytes().all(|b| b == b'=')
                || trimmed.trim_end().bytes().all(|b| b == b'-'));
        ordered
            || underline
            || ["- ", "* ", "+ ", "#", ">", "```", "~~~", "<"]
                .iter()
                .any(|start| trimmed.starts_with(start))
            || matches!(trimmed.trim_end(), "-" | "*" | "+")
    })
}

/// A math block kramdown reads where CommonMark would read other blocks.
pub(crate) struct MathRegion {
    /// From the start of the opening line to the end of the closing one.
    pub(crate) lines: std::ops::Range<usize>,
    /// What its `$$` hold.
    pub(crate) inner: std::ops::Range<usize>,
}

/// The math blocks kramdown reads where CommonMark would read other blocks: `$$` opening
/// a line after a blank line, the next `$$` ending a line followed by a blank line or the
/// end, and between them a blank line or a line that would start a list, a heading...
/// (`\begin{bmatrix} - & b_1 ...`). Fenced code is skipped.
pub(crate) fn math_regions(text: &str) -> Vec<MathRegion> {
    let mut regions = Vec::new();
    if !text.contains("$$") {
        return regions;
    }
    let mut at = 0;
    let mut fence: Option<&str> = None;
    let mut after_blank = true;
    while at < text.len() {
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        let line = &text[at..line_end];
        let trimmed = line.trim_start_matches(' ');
        if super::html_blocks::fenced(&mut fence, trimmed) {
            after_blank = false;
            at = line_end;
            continue;
        }
        if after_blank && line.len() - trimmed.len() <= 3 && trimmed.starts_with("$$") {
            let open = line_end - trimmed.len() + 2;
            if let Some(close) = text[open..].find("$$").map(|i| open + i) {
                let close_end = text[close + 2..]
                    .find('\n')
                    .map_or(text.len(), |i| close + 2 + i + 1);
                let rest_of_line = text[close + 2..close_end].trim().is_empty();
                let boundary = text[close_end..]
                    .lines()
                    .next()
                    .is_none_or(|next| next.trim().is_empty());
                if rest_of_line && boundary && breaks_paragraph(&text[open..close]) {
                    regions.push(MathRegion {
                        lines: at..close_end,
                        inner: open..close,
                    });
                    at = close_end;
                    after_blank = false;
                    continue;
                }
            }
        }
        after_blank = line.trim().is_empty();
        at = line_end;
    }
    regions
}

/// A math block's HTML, `inner` being what its `$$` hold.
pub(crate) fn math_block(inner: &str) -> String {
    format!("\\[{}\\]\n", escape_text(inner.trim()))
}

/// Stands for a `$` that is not one of a `$$` pair while the text is parsed: kramdown's
/// math is `$$` only, so `$x$` is text (its Markdown read, its quotes made typographic),
/// where the parser would read math.
pub(crate) const DOLLAR_MARK: char = '\u{17}';

/// `text` with each lone `$` (not escaped, not beside another) marked ([`DOLLAR_MARK`],
/// one byte for one: offsets hold); borrowed when there is none. A `$` inside a link's
/// destination or title, a link definition's, or `<...>` (an autolink, a tag) is left
/// as it is: no control character may stand there.
pub(crate) fn mark_lone_dollars(text: &str) -> Cow<'_, str> {
    if !text.contains('$') {
        return Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let mut marked: Option<Vec<u8>> = None;
    let mut line_start = 0;
    while line_start < bytes.len() {
        let line_end = text[line_start..]
            .find('\n')
            .map_or(bytes.len(), |i| line_start + i);
        let line = &text[line_start..line_end];
        // A link definition's line (its destination and title) is left as it is.
        if line.trim_start().starts_with('[') && line.contains("]:") {
            line_start = line_end + 1;
            continue;
        }
        let mut i = line_start;
        let mut parens = 0usize;
        let mut angle = false;
        while i < line_end {
            match bytes[i] {
                b'(' if parens > 0 || (i > line_start && bytes[i - 1] == b']') => parens += 1,
                b')' if parens > 0 => parens -= 1,
                // Only what may open a tag or an autolink (a letter, `/`, `!`, `?`): `<:`
                // in `$R <:_m Q$` is text.
                b'<' if !angle
                    && bytes.get(i + 1).is_some_and(|b| {
                        b.is_ascii_alphabetic() || matches!(b, b'/' | b'!' | b'?')
                    }) =>
                {
                    angle = true
                }
                b'>' if angle => angle = false,
                b'$' => {
                    let run = bytes[i..line_end]
                        .iter()
                        .take_while(|&&b| b == b'$')
                        .count();
                    let escaped = i > line_start && bytes[i - 1] == b'\\';
                    if run == 1 && !escaped && parens == 0 && !angle {
                        marked.get_or_insert_with(|| bytes.to_vec())[i] = DOLLAR_MARK as u8;
                    }
                    i += run;
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
        line_start = line_end + 1;
    }
    match marked.map(String::from_utf8) {
        // One ASCII byte replaced by another.
        Some(Ok(marked)) => Cow::Owned(marked),
        _ => Cow::Borrowed(text),
    }
}

/// The marked `$` of a block's events written back (text, code, HTML, a link's
/// destination and title, a fence's info string).
pub(crate) fn unmark_dollars(events: &mut [Event<'_>]) {
    super::each_string(events, |text| {
        if text.contains(DOLLAR_MARK) {
            *text = CowStr::from(text.replace(DOLLAR_MARK, "$"));
        }
    });
}

/// Rewrite the math of one top-level block's events.
pub(crate) fn kramdown_math(events: &mut Vec<Event<'_>>) {
    // A paragraph of one `$$...$$` (in a list item or a quotation too) is a math block.
    let alone = |w: &[Event<'_>]| {
        matches!(
            w,
            [
                Event::Start(Tag::Paragraph),
                Event::DisplayMath(_),
                Event::End(TagEnd::Paragraph)
            ]
        )
    };
    if events.windows(3).any(alone) {
        let mut out = Vec::with_capacity(events.len());
        for event in std::mem::take(events) {
            out.push(event);
            let n = out.len();
            if n >= 3 && alone(&out[n - 3..]) {
                let Event::DisplayMath(math) = &out[n - 2] else {
                    continue;
                };
                let block = math_block(math);
                out.truncate(n - 3);
                out.push(Event::Html(CowStr::from(block)));
            }
        }
        *events = out;
    }
    for event in events.iter_mut() {
        match event {
            Event::DisplayMath(math) => {
                *event = Event::Text(CowStr::from(format!("\\({}\\)", math.trim())));
            }
            Event::InlineMath(math) => {
                *event = Event::Text(CowStr::from(format!("${math}$")));
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::{render_body, Flavour, Settings};

    /// Expected HTML as Jekyll 4.3.1 (kramdown 2.4, math engine MathJax) writes it.
    #[test]
    fn math_as_kramdown_writes_it() {
        let settings = Settings {
            flavour: Flavour::Jekyll,
            ..Default::default()
        };
        let cases = [
            (
                "Inline $$a_1 + b_1$$ math and prices $5 or $10 and $x$ single.\n",
                "<p>Inline \\(a_1 + b_1\\) math and prices $5 or $10 and $x$ single.</p>\n",
            ),
            // A lone `$` is text, so Markdown and typography go on between two of them
            // (the parser's inline math kept `b's` and `*em*` as written); in code, a link
            // and `<...>` a `$` is as written.
            (
                "a $b's$ c and $x *em* y$ z.\n",
                "<p>a $b’s$ c and $x <em>em</em> y$ z.</p>\n",
            ),
            (
                "Price $5 or $10, and `echo $HOME` and [l](/a$b \"t$\") and \\$ escaped.\n",
                "<p>Price $5 or $10, and <code class=\"language-plaintext highlighter-rouge\">echo $HOME</code> \
                 and <a href=\"/a$b\" title=\"t$\">l</a> and $ escaped.</p>\n",
            ),
            (
                "See <https://e.com/$x> and [d] $y.\n\n[d]: /d$ \"$\"\n",
                "<p>See <a href=\"https://e.com/$x\">https://e.com/$x</a> and <a href=\"/d$\" title=\"$\">d</a> $y.</p>\n",
            ),
            // `<` opening no tag (`<:`) is text: the `$` after it are lone too (Typelevel).
            (
                "this test $R <:\\_m Q$ (where $<:\\_m$ is pronounced\n",
                "<p>this test $R &lt;:_m Q$ (where $&lt;:_m$ is pronounced</p>\n",
            ),
            ("$$\nE = mc^2\n$$\n", "\\[E = mc^2\\]\n"),
            (
                "Text before\n$$x^2$$\nand after.\n",
                "<p>Text before\n\\(x^2\\)\nand after.</p>\n",
            ),
            (
                "$$\\sum_{i=1}^n i < m$$\n",
                "\\[\\sum_{i=1}^n i &lt; m\\]\n",
            ),
            ("Escaped \\$$ not math.\n", "<p>Escaped $$ not math.</p>\n"),
            (
                "1. Item\n\n    $$\n    x < y\n    $$\n\n    after\n",
                "<ol>\n<li>\n<p>Item</p>\n\\[x &lt; y\\]\n<p>after</p>\n</li>\n</ol>\n",
            ),
            // Blank lines and lines CommonMark reads as a list's, inside `$$`: one block.
            (
                "The square root:\n\n$$\n\\begin{bmatrix}\n- & b_1 & - \\\\\n- & b_2 & - \\\\\n\\end{bmatrix}\n$$\n\nThen\n\n$$\nf(x)\n\ng(x) < 1\n$$\n\nAfter.\n",
                "<p>The square root:</p>\n\\[\\begin{bmatrix}\n- &amp; b_1 &amp; - \\\\\n- &amp; b_2 &amp; - \\\\\n\\end{bmatrix}\\]\n<p>Then</p>\n\\[f(x)\n\ng(x) &lt; 1\\]\n<p>After.</p>\n",
            ),
            // A math block with pipes is no table: kramdown reads math blocks first.
            (
                "Defined as:\n\n$$\\hat{y} = \\arg\\max p(x_i | c)$$\n\nAfter.\n",
                "<p>Defined as:</p>\n\\[\\hat{y} = \\arg\\max p(x_i | c)\\]\n<p>After.</p>\n",
            ),
        ];
        for (md, expected) in cases {
            assert_eq!(render_body(md, &settings), expected, "{md:?}");
        }
    }
}
