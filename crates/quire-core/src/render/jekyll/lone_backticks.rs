//! A backtick kramdown does not read as a code span's: a single backtick with white space
//! (or the start of the text) before it and white space after it is a backtick
//! (kramdown's `parse_codespan`), where CommonMark would look for the next one to close a
//! span (`using ` np.array()`` shows both backticks in Jekyll's page). And a span ends at
//! the first backticks as many as its opener's, even when they begin a longer run
//! (`` `value`` `` is `value` in code, then a backtick), where CommonMark asks for a run
//! of the same length. Such backticks are marked before the text is parsed (a mark of the
//! same length: offsets hold) and written back in the block's events.

use std::borrow::Cow;

use pulldown_cmark::{CowStr, Event};

/// Stands for a backtick that starts no code span while the text is parsed.
pub(crate) const BACKTICK_MARK: char = '\u{4}';

/// Stands for the one space kramdown strips from a side of a span of two or more
/// backticks (`` `` ` foo`` `` is `` ` foo ``) where CommonMark strips none, the other
/// side having none: dropped at the code span's edge, a space anywhere else.
pub(crate) const STRIP_MARK: char = '\u{15}';

/// Stands for a space kramdown keeps at the start of a one-backtick span that has one at
/// each end (`` x` a ` ``), where CommonMark strips both: a space again in every event.
pub(crate) const KEEP_MARK: char = '\u{16}';

/// `text` with the backticks kramdown reads as backticks marked ([`BACKTICK_MARK`]);
/// borrowed when there are none. Each line is read on its own (so a part of a post parsed
/// again reads as the whole did): a code span opened on it and closed on it is not looked
/// into, but the spaces at its ends are marked where kramdown strips otherwise than
/// CommonMark ([`STRIP_MARK`], [`KEEP_MARK`]). A mark inside code (a code block, a span
/// over lines) is written back as it was.
pub(crate) fn mark_lone_backticks(text: &str) -> Cow<'_, str> {
    if !text.contains("` ")
        && !text.contains("`\t")
        && !text.contains("`\n")
        && !text.contains("``")
    {
        return Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let mut marks = Vec::new();
    let mut line_start = 0;
    // Where to go on, inside a line, after a span that closed on a later line.
    let mut resume: Option<usize> = None;
    while line_start < text.len() {
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |i| line_start + i);
        let mut i = line_start;
        if let Some(at) = resume.take() {
            i = at;
        // A fence whose info string is more than one word opens no code block to
        // kramdown (its GFM pattern): its backticks are text.
        } else if let Some(run) = wordy_fence(&text[line_start..line_end]) {
            marks.extend(
                (run.start + line_start..run.end + line_start).map(|at| (at, BACKTICK_MARK)),
            );
            i = run.end + line_start;
        }
        while i < line_end {
            match bytes[i] {
                b'\\' => {
                    i += if bytes.get(i + 1) == Some(&b'`') {
                        2
                    } else {
                        1
                    }
                }
                b'`' => {
                    let run = bytes[i..line_end]
                        .iter()
                        .take_while(|&&b| b == b'`')
                        .count();
                    let before = i == line_start || matches!(bytes[i - 1], b' ' | b'\t' | b'\r');
                    let after = matches!(bytes.get(i + run), Some(b' ' | b'\t' | b'\n' | b'\r'));
                    if run == 1 && before && after {
                        marks.push((i, BACKTICK_MARK));
                        i += 1;
                        continue;
                    }
                    // A span's opener: its content is not looked into. kramdown closes
                    // it at the first `run` backticks, even the start of a longer run
                    // (`` `value`` ``); the rest of that run is backticks when no span
                    // of their own length follows on the line.
                    let delimiter = &text[i..i + run];
                    i = match text[i + run..line_end].find(delimiter) {
                        Some(c) => {
                            let close = i + run + c;
                            marks.extend(
                                edge_spaces(&text[i + run..close], run)
                                    .into_iter()
                                    .flatten()
                                    .map(|(at, mark)| (i + run + at, mark)),
                            );
                            let whole = bytes[close..line_end]
                                .iter()
                                .take_while(|&&b| b == b'`')
                                .count();
                            let rest = &text[close + run..close + whole];
                            if whole > run && !text[close + whole..line_end].contains(rest) {
                                marks.extend(
                                    (close + run..close + whole).map(|at| (at, BACKTICK_MARK)),
                                );
                            }
                            close + whole
                        }
                        // Closed on a later line of the paragraph (kramdown's span reads
                        // on over line breaks): that closer is no lone backtick.
                        None => {
                            closer_below(text, line_end, delimiter).map_or(i + run, |c| c + run)
                        }
                    };
                }
                _ => i += 1,
            }
        }
        if i > line_end {
            resume = Some(i);
            line_start = text[..i].rfind('\n').map_or(0, |n| n + 1);
            continue;
        }
        line_start = line_end + 1;
    }
    if marks.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = text.as_bytes().to_vec();
    for (at, mark) in marks {
        out[at] = mark as u8;
    }
    // Only an ASCII byte was replaced by another.
    Cow::Owned(String::from_utf8(out).unwrap_or_else(|_| text.to_string()))
}

/// Where the first `delimiter` on the lines after the one ending at `line_end` starts,
/// when it is a run of backticks of its own length and every line up to it goes on the
/// paragraph (not blank, nor opening a heading, a quotation, a list item, a fence, a table
/// row or block HTML).
fn closer_below(text: &str, line_end: usize, delimiter: &str) -> Option<usize> {
    let mut at = line_end + 1;
    while at < text.len() {
        let end = text[at..].find('\n').map_or(text.len(), |n| at + n);
        let line = &text[at..end];
        if !goes_on(line) {
            return None;
        }
        if let Some(c) = line.find(delimiter) {
            let close = at + c;
            let whole = text[close..].bytes().take_while(|&b| b == b'`').count();
            return (whole == delimiter.len()).then_some(close);
        }
        at = end + 1;
    }
    None
}

/// Whether `line` goes on a paragraph above it (in kramdown's reading and CommonMark's).
fn goes_on(line: &str) -> bool {
    let trimmed = line.trim_start_matches(' ');
    if line.len() - trimmed.len() > 3 {
        return true;
    }
    let trimmed = trimmed.trim_end_matches('\r');
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    let item = |t: &str| t.starts_with(['-', '*', '+']) && t[1..].starts_with([' ', '\t']);
    let rule = |c: u8| trimmed.bytes().all(|b| b == c || b == b' ');
    !(trimmed.trim().is_empty()
        || trimmed.starts_with(['#', '>', '|', '\t'])
        || trimmed.starts_with("```")
        || trimmed.starts_with("~~~")
        || trimmed.starts_with('<') && !trimmed.starts_with("<br")
        || item(trimmed)
        || digits > 0 && trimmed[digits..].starts_with(['.', ')'])
        || rule(b'-')
        || rule(b'='))
}

/// The spaces of a span's `content` (between backticks `run` long) that kramdown strips
/// otherwise than CommonMark, with their marks. kramdown strips one space from each side
/// on its own when `run` is more than one (all-space content too) and none when it is
/// one; CommonMark one from each side when both have one and the content is not all
/// spaces.
fn edge_spaces(content: &str, run: usize) -> [Option<(usize, char)>; 2] {
    let last = content.len().saturating_sub(1);
    let lead = content.starts_with(' ');
    let trail = content.ends_with(' ');
    if content.bytes().all(|b| b == b' ') {
        return match (run, content.len()) {
            (1, _) | (_, 0) => [None, None],
            (_, 1) => [Some((0, STRIP_MARK)), None],
            _ => [Some((0, STRIP_MARK)), Some((last, STRIP_MARK))],
        };
    }
    match (run, lead, trail) {
        (1, true, true) => [Some((0, KEEP_MARK)), None],
        (1, _, _) => [None, None],
        (_, true, false) => [Some((0, STRIP_MARK)), None],
        (_, false, true) => [Some((last, STRIP_MARK)), None],
        _ => [None, None],
    }
}

/// How long the containers' prefixes of `line` are: `>`, list markers, indentation.
pub(super) fn containers_prefix(line: &str) -> usize {
    let mut at = 0;
    loop {
        let rest = &line[at..];
        let trimmed = rest.trim_start_matches([' ', '\t', '>']);
        at += rest.len() - trimmed.len();
        let marker = match trimmed.as_bytes() {
            [b'-' | b'*' | b'+', b' ' | b'\t', ..] => 1,
            _ => {
                let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
                match trimmed.as_bytes().get(digits..digits + 2) {
                    Some([b'.' | b')', b' ' | b'\t']) if digits > 0 => digits + 1,
                    _ => 0,
                }
            }
        };
        if marker == 0 {
            break;
        }
        at += marker;
    }
    at
}

/// Where the backticks of `line` are when it is a backtick fence (in whatever quotation or
/// list item) followed by more than one word: ```` ```js title ````.
pub(super) fn wordy_fence(line: &str) -> Option<core::ops::Range<usize>> {
    let at = containers_prefix(line);
    let bytes = line.as_bytes();
    let run = bytes[at..].iter().take_while(|&&b| b == b'`').count();
    if run < 3 {
        return None;
    }
    // Liquid's tags write nothing there (`{% raw %}`); a `{% highlight %}` tag's fence
    // (`liquid.rs`) is one.
    let mut info = &line[at + run..];
    if info.contains(super::HIGHLIGHT_MARK) || info.contains('`') {
        return None;
    }
    let mut words = 0;
    while !info.is_empty() {
        let (before, after) = match info.split_once("{%") {
            Some((before, tag)) => (before, tag.split_once("%}").map_or("", |(_, a)| a)),
            None => (info, ""),
        };
        words += before.split_whitespace().count();
        info = after;
    }
    (words > 1).then_some(at..at + run)
}

/// The marked backticks and spaces of a block's events written back: a code span's
/// [`STRIP_MARK`] at its edge dropped, every other mark the character it stood for.
pub(crate) fn unmark_backticks(events: &mut [Event<'_>]) {
    for event in events.iter_mut() {
        if let Event::Code(text) = event {
            if text.starts_with(STRIP_MARK) || text.ends_with(STRIP_MARK) {
                let inner = text.strip_prefix(STRIP_MARK).unwrap_or(text);
                let inner = inner.strip_suffix(STRIP_MARK).unwrap_or(inner);
                *text = CowStr::from(inner.to_string());
            }
        }
    }
    super::each_string(events, |text| {
        if text.contains([BACKTICK_MARK, STRIP_MARK, KEEP_MARK]) {
            let unmarked = text
                .replace(BACKTICK_MARK, "`")
                .replace([STRIP_MARK, KEEP_MARK], " ");
            *text = CowStr::from(unmarked);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::super::jekyll_html as jekyll;

    /// Expected as Jekyll 4.3.1 writes them.
    #[test]
    fn a_fence_with_words_after_it_is_text() {
        assert_eq!(
            jekyll("> ```을 사용하여 작성\n\nC\n"),
            "<blockquote>\n<p>```을 사용하여 작성</p>\n</blockquote>\n<p>C</p>\n"
        );
        assert_eq!(
            jekyll("A\n\n```js title\ncode *x*\n\nB\n"),
            "<p>A</p>\n<p>```js title\ncode <em>x</em></p>\n<p>B</p>\n"
        );
        // One word is a fence; inside code, such a line is code.
        assert_eq!(
            jekyll("````\n```js title\n````\n"),
            "<div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\">\
             <pre class=\"highlight\"><code>```js title\n</code></pre></div></div>\n"
        );
    }

    /// Expected as Jekyll 4.3.1 writes them.
    #[test]
    fn lone_backticks_are_backticks() {
        let cases = [
            (
                "using ` np.array()`. In this case",
                "<p>using ` np.array()`. In this case</p>\n",
            ),
            (
                "a ` b and `code` c",
                "<p>a ` b and <code class=\"language-plaintext highlighter-rouge\">code</code> c</p>\n",
            ),
            ("` x `", "<p>` x `</p>\n"),
            (
                "`a ` b`",
                "<p><code class=\"language-plaintext highlighter-rouge\">a </code> b`</p>\n",
            ),
            (
                "`` a ` b ``",
                "<p><code class=\"language-plaintext highlighter-rouge\">a ` b</code></p>\n",
            ),
            // The first backticks of the opener's length close the span.
            (
                "`astep` no need for `value``",
                "<p><code class=\"language-plaintext highlighter-rouge\">astep</code> no need for \
                 <code class=\"language-plaintext highlighter-rouge\">value</code>`</p>\n",
            ),
            (
                "``a``` and b",
                "<p><code class=\"language-plaintext highlighter-rouge\">a</code>` and b</p>\n",
            ),
            (
                "x `a`` b",
                "<p>x <code class=\"language-plaintext highlighter-rouge\">a</code>` b</p>\n",
            ),
            (
                "`a```",
                "<p><code class=\"language-plaintext highlighter-rouge\">a</code>``</p>\n",
            ),
            (
                "``a` b``",
                "<p><code class=\"language-plaintext highlighter-rouge\">a` b</code></p>\n",
            ),
            // kramdown strips one space from each side of a span of two or more
            // backticks on its own, and none from a one-backtick span.
            ("x` a ` y", "<p>x<code class=\"language-plaintext highlighter-rouge\"> a </code> y</p>\n"),
            ("a `` ` foo`` b", "<p>a <code class=\"language-plaintext highlighter-rouge\">` foo</code> b</p>\n"),
            ("a ``foo ` `` b", "<p>a <code class=\"language-plaintext highlighter-rouge\">foo `</code> b</p>\n"),
            ("a ``   `` b", "<p>a <code class=\"language-plaintext highlighter-rouge\"> </code> b</p>\n"),
            ("a ``  x `` b", "<p>a <code class=\"language-plaintext highlighter-rouge\"> x</code> b</p>\n"),
            (
                "a `x ` b and `` x`` c",
                "<p>a <code class=\"language-plaintext highlighter-rouge\">x </code> b and <code class=\"language-plaintext highlighter-rouge\">x</code> c</p>\n",
            ),
            // Inside a code block the spaces are as written.
            ("    a `` b`` c\n", "<div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>a `` b`` c\n</code></pre></div></div>\n"),
            ("```\na ` b\n```\n", "<div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>a ` b\n</code></pre></div></div>\n"),
        ];
        for (markdown, expected) in cases {
            assert_eq!(jekyll(markdown), expected, "{markdown}");
        }
    }

    /// As Jekyll 4.3.1 writes them (Peter Forret's WordPress imports): a span closed on a
    /// later line of its paragraph, its closer alone at a line's start, is a span (the
    /// line breaks in it are spaces here, kept by kramdown: the same text in a page).
    #[test]
    fn a_span_closes_on_a_later_line_of_its_paragraph() {
        let cases = [
            (
                " 11. Restart:\n    `/usr/stop<br />\n/usr/start<br />\n` \n 12. And\n",
                "<ol>\n<li>Restart:\n<code class=\"language-plaintext highlighter-rouge\">/usr/stop&lt;br /&gt; \
                 /usr/start&lt;br /&gt; </code></li>\n<li>And</li>\n</ol>\n",
            ),
            (
                "``<br />\nid3 0.78<br />\n-v give `*` output\n``\n",
                "<p><code class=\"language-plaintext highlighter-rouge\">&lt;br /&gt; id3 0.78&lt;br /&gt; \
                 -v give `*` output </code></p>\n",
            ),
            // Not past the paragraph's end.
            ("No `closer\n\nhere ` x\n", "<p>No `closer</p>\n<p>here ` x</p>\n"),
            ("A `b\n# c ` d\n", "<p>A `b</p>\n<h1 id=\"c--d\">c ` d</h1>\n"),
        ];
        for (markdown, expected) in cases {
            assert_eq!(jekyll(markdown), expected, "{markdown}");
        }
    }
}
