//! Jekyll's `{% highlight lang %}` ... `{% endhighlight %}` pairs, written as same-length
//! code fences marked as the tag's, so that the Markdown parser sees the code block Jekyll
//! makes with every offset unchanged.

use std::borrow::Cow;

use super::{raw_spans, tag_inside};

/// Whether `text` may hold a `{% highlight %}` tag.
pub(crate) fn may_highlight(text: &str) -> bool {
    // Each `{` found (a fast search; a post's Liquid output tags have many), then the rest.
    let mut at = 0;
    while let Some(found) = text[at..].find('{') {
        if opens_highlight_tag(&text.as_bytes()[at + found..]) {
            return true;
        }
        at += found + 1;
    }
    false
}

/// The longest start of a `{% highlight %}` tag [`opens_highlight_tag`] looks for.
pub(crate) const HIGHLIGHT_TAG_START: usize = "{% highlight".len();

/// Whether `text` starts with what starts a `{% highlight %}` tag.
pub(crate) fn opens_highlight_tag(text: &[u8]) -> bool {
    text.starts_with(b"{% highlight") || text.starts_with(b"{%highlight")
}

/// A line that is a `{% highlight lang %}` tag (`(lang, true)`) or `{% endhighlight %}`
/// (`("", false)`).
fn highlight_tag(line: &str) -> Option<(String, bool)> {
    let inner = tag_inside(line.trim())?;
    if inner == "endhighlight" {
        return Some((String::new(), false));
    }
    let lang = inner.strip_prefix("highlight")?;
    if !lang.starts_with(char::is_whitespace) {
        return None;
    }
    let lang = lang.split_whitespace().next()?.to_string();
    Some((lang, true))
}

/// The text with each `{% highlight lang %}` ... `{% endhighlight %}` pair written as a
/// fenced code block of the same length (`` ```lang `` and the tag's mark,
/// `jekyll::HIGHLIGHT_MARK`, and `` ``` `` padded with spaces),
/// so that the Markdown parser sees the code block Jekyll makes, every offset unchanged.
/// Tags inside code fences or `{% raw %}` are left alone (Jekyll does not run them).
pub(crate) fn highlight_fences(text: &str) -> Cow<'_, str> {
    with_fences(text, &highlight_lines(text))
}

/// `text` with `lines` (from [`highlight_lines`]) written in.
pub(crate) fn with_fences<'a>(text: &'a str, lines: &[HighlightLine]) -> Cow<'a, str> {
    if lines.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut done = 0;
    for line in lines {
        out.push_str(&text[done..line.start]);
        out.push_str(&line.fence);
        done = line.start + line.fence.len();
    }
    out.push_str(&text[done..]);
    Cow::Owned(out)
}

/// A tag's line of a `{% highlight %}` pair and the fence written in its place (of the
/// same length, its line break left).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HighlightLine {
    /// Where the line starts.
    pub(crate) start: usize,
    /// The fence.
    pub(crate) fence: String,
}

/// Whether the tag lines `before` an edit of `edit` (old offsets; the new text of it ends
/// at `new_end`) and `after` it are the same outside the edit.
pub(crate) fn same_outside(
    before: &[HighlightLine],
    after: &[HighlightLine],
    edit: std::ops::Range<usize>,
    new_end: usize,
) -> bool {
    let ahead = |lines: &[HighlightLine]| {
        lines
            .iter()
            .take_while(|l| l.start + l.fence.len() <= edit.start)
            .cloned()
            .collect::<Vec<_>>()
    };
    let behind = |lines: &[HighlightLine], from: usize| {
        lines
            .iter()
            .filter(|l| l.start >= from)
            .map(|l| (l.start - from, l.fence.clone()))
            .collect::<Vec<_>>()
    };
    ahead(before) == ahead(after) && behind(before, edit.end) == behind(after, new_end)
}

/// Whether the stretch `range` of `text`, read alone, has the tag lines `lines` (of the
/// whole text) has there.
pub(crate) fn same_alone(
    lines: &[HighlightLine],
    text: &str,
    range: std::ops::Range<usize>,
) -> bool {
    let alone = highlight_lines(&text[range.clone()]);
    let inside = lines
        .iter()
        .filter(|l| range.contains(&l.start))
        .map(|l| (l.start - range.start, l.fence.as_str()));
    inside.eq(alone.iter().map(|l| (l.start, l.fence.as_str())))
}

/// The tag lines of the `{% highlight %}` pairs of `text`, in order, with their fences
/// (see [`highlight_fences`]).
pub(crate) fn highlight_lines(text: &str) -> Vec<HighlightLine> {
    let mut found = Vec::new();
    if !may_highlight(text) {
        return found;
    }
    let mut fence = None::<&str>;
    // The opening tag's line: (start, the line without its break (the tag alone when code
    // follows it on the line), lang, whether code follows it).
    let mut open: Option<(usize, &str, String, bool)> = None;
    // Liquid runs before Markdown: a tag inside `{% raw %}` is text, even in a fence.
    let raw = raw_spans(text);
    let (mut at, mut next_raw) = (0, 0);
    while at < text.len() {
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        let line = &text[at..line_end];
        let start = at;
        at = line_end;
        while raw.get(next_raw).is_some_and(|&(_, end)| end <= start) {
            next_raw += 1;
        }
        if raw.get(next_raw).is_some_and(|&(s, _)| s <= start) {
            continue;
        }
        let trimmed = line.trim_start();
        // Only a fence or a tag matters.
        if !matches!(trimmed.as_bytes().first(), Some(b'`' | b'~' | b'{')) {
            continue;
        }
        if let Some(f) = fence {
            if trimmed.starts_with(f) {
                fence = None;
            }
            continue;
        }
        if open.is_none() && (trimmed.starts_with("```") || trimmed.starts_with("~~~")) {
            fence = Some(&trimmed[..3]);
            continue;
        }
        let content = line.trim_end_matches(['\n', '\r']);
        // Code on the opening tag's line after it is the block's first line (Jekyll keeps
        // what follows `%}`): the fence then ends with a line break of its own.
        if open.is_none() {
            if let Some((lang, tag_end)) = highlight_tag_with_code(content) {
                open = Some((start, &content[..tag_end], lang, true));
                continue;
            }
        }
        match (highlight_tag(line), open.take()) {
            (Some((lang, true)), None) if !lang.is_empty() => {
                open = Some((start, content, lang, false))
            }
            (Some((_, false)), Some((open_at, opening_line, lang, same_line))) => {
                // Marked as a tag's, for the figure Jekyll writes for it (`jekyll::code`).
                let linenos = opening_line
                    .split_whitespace()
                    .any(|w| w == "linenos" || w.starts_with("linenos="));
                let opening = format!(
                    "```{lang} {}{}",
                    super::super::jekyll::HIGHLIGHT_MARK,
                    if linenos { " linenos" } else { "" }
                );
                let break_len = usize::from(same_line);
                if opening.len() + break_len <= opening_line.len() && content.len() >= 3 {
                    let mut fence = pad(&opening, opening_line.len() - break_len);
                    if same_line {
                        fence.push('\n');
                    }
                    found.push(HighlightLine {
                        start: open_at,
                        fence,
                    });
                    found.push(HighlightLine {
                        start,
                        fence: pad("```", content.len()),
                    });
                }
            }
            (_, still_open) => open = still_open,
        }
    }
    found
}

/// Whether `line` opens (with or without code after the tag) or closes a pair.
pub(super) fn is_tag_line(line: &str) -> bool {
    highlight_tag(line).is_some()
        || highlight_tag_with_code(line.trim_end_matches(['\n', '\r'])).is_some()
}

/// A `{% highlight lang %}` tag opening `line` with code after it on the line: its
/// language and where the tag ends.
fn highlight_tag_with_code(line: &str) -> Option<(String, usize)> {
    let trimmed = line.trim_start();
    if !trimmed.starts_with("{%") {
        return None;
    }
    let end = line.len() - trimmed.len() + trimmed.find("%}")? + 2;
    if line[end..].trim().is_empty() {
        return None;
    }
    match highlight_tag(&line[..end])? {
        (lang, true) if !lang.is_empty() => Some((lang, end)),
        _ => None,
    }
}

/// `text` padded with spaces to `width` bytes.
fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.len())))
}
