//! Emphasis next to punctuation, as kramdown reads it: a `*` run opens emphasis when no
//! white space follows it and closes one when no white space comes before it
//! (`parse_emphasis`). CommonMark also asks about punctuation on either side, so in
//! `中文……**所以**` or `**粗体：**中文` its `**` neither opens nor closes, and Chinese and
//! Japanese posts lose their bold. The punctuation (three bytes in UTF-8: general,
//! CJK and full-width punctuation) beside such a run is marked while the text is parsed:
//! it stands in as a character of the same length that is not punctuation, so offsets
//! hold, and is written back in the block's events. Each run is judged by its own two
//! neighbours, so a part of a post parsed again reads as the whole did.

use std::borrow::Cow;

use pulldown_cmark::{CowStr, Event};

/// The punctuation that can be marked, and where its stand-ins (private use characters,
/// which are neither punctuation nor white space) begin.
const RANGES: [(u32, u32, u32); 4] = [
    (0x2000, 0x2BFF, 0xE000),
    (0x3000, 0x303F, 0xEC00),
    (0xFE10, 0xFE6F, 0xEC40),
    (0xFF00, 0xFF65, 0xECA0),
];

/// The private use characters that stand in for marked punctuation.
const STAND_INS: core::ops::RangeInclusive<char> = '\u{E000}'..='\u{ED05}';

/// ASCII punctuation that may be marked beside a `*` run (none that starts or ends
/// Markdown of its own where it is marked, nor the quotes and dots that typography
/// reads), each with its stand-in: a control character, one byte as it is.
const ASCII: [(char, char); 10] = [
    ('.', '\u{5}'),
    (',', '\u{6}'),
    (':', '\u{7}'),
    (';', '\u{8}'),
    ('?', '\u{e}'),
    ('%', '\u{f}'),
    (')', '\u{10}'),
    ('(', '\u{11}'),
    // Liquid's braces (`**Ruby > {{ v }}**が`: Jekyll writes the value before kramdown
    // reads the run).
    ('{', '\u{1d}'),
    ('}', '\u{1f}'),
];

/// Whether `c` is a control character that stands in for ASCII punctuation (a post's
/// own are cleared before it is parsed: `super::clear_marks`).
pub(super) fn is_ascii_stand_in(c: char) -> bool {
    ASCII.iter().any(|&(_, s)| s == c)
}

/// Whether `c` is a stand-in of marked punctuation.
fn is_stand_in(c: char) -> bool {
    STAND_INS.contains(&c) || ASCII.iter().any(|&(_, s)| s == c)
}

/// The stand-in for `c`, when it is punctuation of [`RANGES`] or [`ASCII`].
fn stand_in(c: char) -> Option<char> {
    if c.is_ascii() {
        return ASCII.iter().find(|&&(p, _)| p == c).map(|&(_, s)| s);
    }
    let cp = c as u32;
    RANGES
        .iter()
        .find(|(first, last, _)| (*first..=*last).contains(&cp))
        .and_then(|(first, _, at)| char::from_u32(at + cp - first))
        .filter(|_| is_punctuation(c))
}

/// The punctuation `c` stands in for (`c` itself when it stands in for none).
fn original(c: char) -> char {
    if let Some(&(p, _)) = ASCII.iter().find(|&&(_, s)| s == c) {
        return p;
    }
    let cp = c as u32;
    RANGES
        .iter()
        .find(|(first, last, at)| (*at..=*at + (last - first)).contains(&cp))
        .and_then(|(first, _, at)| char::from_u32(first + cp - at))
        .unwrap_or(c)
}

/// Unicode punctuation or symbol (the general categories P and S), as CommonMark reads it,
/// for a character outside ASCII: neither a letter, a digit, white space nor one of the
/// invisible format characters (zero-width spaces and marks, word joiners).
fn is_punctuation(c: char) -> bool {
    !c.is_alphanumeric()
        && !c.is_whitespace()
        && !('\u{2060}'..='\u{206F}').contains(&c)
        && !('\u{200B}'..='\u{200F}').contains(&c)
}

/// `text` with the punctuation beside `*` runs marked where kramdown opens or closes
/// emphasis and CommonMark would not; borrowed when there is none (or when the text
/// holds the private use characters of the stand-ins themselves: a Powerline glyph). Only
/// a block parsed from marked text has its punctuation written back.
pub(crate) fn mark_flanking_punctuation(text: &str) -> Cow<'_, str> {
    if !text.contains('*') || text.chars().any(|c| STAND_INS.contains(&c)) {
        return Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let mut marks: Vec<(usize, char)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'*' {
            i += 1;
            continue;
        }
        let run = bytes[i..].iter().take_while(|&&b| b == b'*').count();
        let before = text[..i].chars().next_back();
        let after = text[i + run..].chars().next();
        let plain =
            |c: Option<char>| c.is_some_and(|c| !c.is_whitespace() && !is_any_punctuation(c));
        // Opens for kramdown, not for CommonMark: punctuation after, a letter before.
        if let (Some(next), true) = (after.and_then(stand_in), plain(before)) {
            if ascii_markable(text, i + run) {
                marks.push((i + run, next));
            }
        }
        // Closes for kramdown, not for CommonMark: punctuation before, a letter after.
        if let (Some(prev), true) = (before.and_then(stand_in), plain(after)) {
            let c = before.unwrap_or_default();
            if ascii_markable(text, i - c.len_utf8()) {
                marks.push((i - c.len_utf8(), prev));
            }
        }
        i += run;
    }
    if marks.is_empty() {
        return Cow::Borrowed(text);
    }
    marks.sort_unstable();
    marks.dedup();
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (at, c) in marks {
        out.push_str(&text[last..at]);
        out.push(c);
        last = at + c.len_utf8();
    }
    out.push_str(&text[last..]);
    Cow::Owned(out)
}

/// Whether the punctuation at `at` in `text` may be marked: any but ASCII; a `.` not
/// beside another (an ellipsis is typography's); a brace of Liquid's; a `;` that ends no
/// entity; a `)` that does not end a link's destination (its `(` on the line right after
/// a `]`).
fn ascii_markable(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    match bytes.get(at) {
        Some(b'.') => {
            at.checked_sub(1).and_then(|b| bytes.get(b)) != Some(&b'.')
                && bytes.get(at + 1) != Some(&b'.')
        }
        // A brace of Liquid only (`{{`, `{%`, `}}`, `%}`), not one of math (`align*}`).
        Some(b'{') => matches!(bytes.get(at + 1), Some(b'{' | b'%')),
        Some(b'}') => at > 0 && matches!(bytes[at - 1], b'}' | b'%'),
        // Not the `;` that ends an entity (`&mdash;*browsing*`): the entity stays one.
        Some(b';') => {
            let from = text[..at].rfind(['&', '\n', ' ']);
            !from.is_some_and(|amp| {
                bytes[amp] == b'&'
                    && super::html_tags::reference_len(&text[amp..]) == Some(at + 1 - amp)
            })
        }
        Some(b')') => {
            let line = text[..at].rfind('\n').map_or(0, |i| i + 1);
            let mut depth = 0usize;
            for (i, b) in bytes[line..at].iter().enumerate().rev() {
                match b {
                    b')' => depth += 1,
                    b'(' if depth > 0 => depth -= 1,
                    b'(' => return line + i == 0 || bytes[line + i - 1] != b']',
                    _ => {}
                }
            }
            true
        }
        _ => true,
    }
}

/// Punctuation as CommonMark reads it (ASCII or not).
fn is_any_punctuation(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_punctuation()
    } else {
        is_punctuation(c)
    }
}

/// The marked punctuation of a block's events written back.
pub(crate) fn unmark_punctuation(events: &mut [Event<'_>]) {
    super::each_string(events, |text| {
        if text.chars().any(is_stand_in) {
            *text = CowStr::from(text.chars().map(original).collect::<String>());
        }
    });
}

#[cfg(test)]
mod tests {
    use super::super::jekyll_html as jekyll;
    use super::mark_flanking_punctuation;

    /// A stray control character in the post (Hux Blog's) leaves the rest of it read so.
    #[test]
    fn a_stray_control_character_changes_nothing_else() {
        assert_eq!(
            jekyll("a\u{8}b\n\n**粗体：**中文 x;\n"),
            "<p>a\u{1a}b</p>\n<p><strong>粗体：</strong>中文 x;</p>\n"
        );
    }

    /// Expected as Jekyll 4.3.1 writes them.
    #[test]
    fn emphasis_beside_punctuation_reads_as_kramdown_reads_it() {
        let cases = [
            (
                "中文……**所以粗体**后面",
                "<p>中文……<strong>所以粗体</strong>后面</p>\n",
            ),
            ("**粗体：**中文", "<p><strong>粗体：</strong>中文</p>\n"),
            // The `;` of an entity is the entity's (Adam Silver's `&mdash;*browsing*`).
            (
                "best&mdash;*browsing*. a &amp;*b* c;*d* &#8212;*e*",
                "<p>best—<em>browsing</em>. a &amp;<em>b</em> c;<em>d</em> —<em>e</em></p>\n",
            ),
            ("句子，**粗体**。", "<p>句子，<strong>粗体</strong>。</p>\n"),
            ("a。*斜体*b", "<p>a。<em>斜体</em>b</p>\n"),
            // ASCII punctuation too, where it is no Markdown of its own.
            (
                "대표적으로 **Big-O 표기법(빅오 표기법)**이 있다.",
                "<p>대표적으로 <strong>Big-O 표기법(빅오 표기법)</strong>이 있다.</p>\n",
            ),
            (
                "값은 **1.5%**로, **비고:**참고 **(주의)**함.",
                "<p>값은 <strong>1.5%</strong>로, <strong>비고:</strong>참고 <strong>(주의)</strong>함.</p>\n",
            ),
            (
                "[x](/y)**z**",
                "<p><a href=\"/y\">x</a><strong>z</strong></p>\n",
            ),
            ("x**“引号”**y", "<p>x<strong>“引号”</strong>y</p>\n"),
            (
                "## 标题：**重点**很好",
                "<h2 id=\"标题重点很好\">标题：<strong>重点</strong>很好</h2>\n",
            ),
            (
                "`代码……**不`",
                "<p><code class=\"language-plaintext highlighter-rouge\">代码……**不</code></p>\n",
            ),
            ("前**。**后", "<p>前<strong>。</strong>后</p>\n"),
            ("a **b** c", "<p>a <strong>b</strong> c</p>\n"),
        ];
        for (markdown, expected) in cases {
            assert_eq!(jekyll(markdown), expected, "{markdown}");
        }
    }

    #[test]
    fn marks_keep_the_length_and_only_where_needed() {
        for text in [
            "中文……**所以**",
            "**粗体：**中文",
            "x**“y”**z",
            "a *b* c",
            "no stars",
        ] {
            let marked = mark_flanking_punctuation(text);
            assert_eq!(marked.len(), text.len(), "{text}");
        }
        assert!(matches!(
            mark_flanking_punctuation("a *b* c, **d**"),
            std::borrow::Cow::Borrowed(_)
        ));
        // A post holding the stand-ins themselves is left as CommonMark reads it.
        assert!(matches!(
            mark_flanking_punctuation("\u{E000} 中文……**所以**"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
