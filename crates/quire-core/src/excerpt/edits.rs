//! The edits that change a post's excerpt: its text replaced, its markers put around a
//! selection or removed, its convention switched, each a minimal edit of the source.

use core::ops::Range;

use super::{first_paragraph, marked, markers, separator, Convention, Rules, END, MORE, START};
use crate::edit::{changed, Edited, TextEdit};
use crate::front_matter::{self, Value};
use crate::post;

/// Replace the excerpt's Markdown with `markdown`, leaving its markers where they are (a
/// post of no known site).
pub fn replace(src: &str, markdown: &str) -> Edited<front_matter::FrontMatterError> {
    replace_in(src, &Rules::default(), markdown)
}

/// Replace the excerpt's Markdown, as the site's `rules` find it, with `markdown`.
pub fn replace_in(
    src: &str,
    rules: &Rules,
    markdown: &str,
) -> Edited<front_matter::FrontMatterError> {
    let excerpt = marked(src, rules);
    let edit = match excerpt.convention {
        Convention::FrontMatterKey => {
            front_matter::set_edit(src, "excerpt", &Value::String(markdown.to_string()))?
        }
        _ => TextEdit::new(excerpt.range, markdown).minimized(src),
    };
    changed(edit, src)
}

/// The line break the post uses.
fn eol(src: &str) -> &'static str {
    match src.find('\n') {
        Some(i) if src[..i].ends_with('\r') => "\r\n",
        _ => "\n",
    }
}

/// Mark the bytes `range` of the body as the excerpt with the start/end markers, each on
/// its own line. Any markers already there are removed in the same edit.
pub fn wrap(src: &str, range: Range<usize>) -> Edited {
    changed(wrap_edit(src, range), src)
}

fn wrap_edit(src: &str, range: Range<usize>) -> TextEdit {
    let body = post::split(src).body;
    let start = range.start.clamp(body.start, src.len());
    let end = range.end.clamp(start, src.len());
    let (start, end) = (floor_char(src, start), floor_char(src, end));
    let nl = eol(src);
    let selected = strip_markers(&src[start..end]);
    let before_nl = if start == body.start || src[..start].ends_with('\n') {
        ""
    } else {
        nl
    };
    let after_nl = if src[end..].starts_with(['\n', '\r']) {
        ""
    } else {
        nl
    };
    let wrapped = format!(
        "{before_nl}{START}{nl}{}{nl}{END}{after_nl}",
        selected.trim_end_matches(['\n', '\r'])
    );
    // Remove the markers outside the selection too, in one edit spanning both.
    let outside: Vec<Range<usize>> = [START, END]
        .iter()
        .flat_map(|m| markers(src, body.clone(), m))
        .filter(|r| r.end <= start || r.start >= end)
        .collect();
    let span_start = outside
        .iter()
        .map(|r| line_of(src, r.clone()).start)
        .min()
        .unwrap_or(start)
        .min(start);
    let span_end = outside
        .iter()
        .map(|r| line_of(src, r.clone()).end)
        .max()
        .unwrap_or(end)
        .max(end);
    let mut replacement = String::new();
    replacement.push_str(&cut(src, span_start..start, &outside));
    replacement.push_str(&wrapped);
    replacement.push_str(&cut(src, end..span_end, &outside));
    TextEdit::new(span_start..span_end, replacement).minimized(src)
}

/// Remove the start/end markers (with their own lines), keeping the text between them.
pub fn remove_markers(src: &str) -> Edited {
    Ok(remove_markers_edit(src).map(crate::Change::new))
}

fn remove_markers_edit(src: &str) -> Option<TextEdit> {
    let body = post::split(src).body;
    let all: Vec<Range<usize>> = [START, END]
        .iter()
        .flat_map(|m| markers(src, body.clone(), m))
        .collect();
    let start = all.iter().map(|r| line_of(src, r.clone()).start).min()?;
    let end = all.iter().map(|r| line_of(src, r.clone()).end).max()?;
    Some(TextEdit::new(start..end, cut(src, start..end, &all)).minimized(src))
}

/// Switch the post to `to`, keeping the excerpt's text (a post of no known site).
pub fn switch(src: &str, to: &Convention) -> Edited<front_matter::FrontMatterError> {
    switch_in(src, &Rules::default(), to)
}

/// Switch the post to `to` under the site's `rules`, keeping the excerpt's text. A marker
/// (`More`) is the separator the post or site sets; in a Jekyll site that sets none, it is
/// `<!--more-->` with the post's own `excerpt_separator` key, since Jekyll reads no other.
pub fn switch_in(
    src: &str,
    rules: &Rules,
    to: &Convention,
) -> Edited<front_matter::FrontMatterError> {
    let set = separator(src, rules);
    let own_key = set.is_none() && !rules.more && matches!(to, Convention::More);
    let to = &match (to, set) {
        (Convention::More, Some(sep)) => Convention::Separator(sep),
        (Convention::More, None) if !rules.more => Convention::Separator(MORE.to_string()),
        (other, _) => other.clone(),
    };
    let current = marked(src, rules);
    if &current.convention == to {
        return Ok(None);
    }
    // First remove the current marking, then mark the same text the new way.
    let plain = match current.convention {
        Convention::StartEnd => {
            remove_markers_edit(src).map_or_else(|| src.to_string(), |e| e.apply(src))
        }
        Convention::More | Convention::Separator(_) => {
            let marker_at = current.range.end;
            let after = &src[marker_at..];
            let ws = after.len() - after.trim_start().len();
            let separator = match &current.convention {
                Convention::Separator(s) => s.as_str(),
                _ => MORE,
            };
            let marker_len = [separator, MORE, "<!-- more -->"]
                .into_iter()
                .find(|m| after[ws..].starts_with(m))
                .map_or(0, str::len);
            let mut end = marker_at + ws + marker_len;
            if src[end..].starts_with("\r\n") {
                end += 2;
            } else if src[end..].starts_with('\n') {
                end += 1;
            }
            TextEdit::new(marker_at..end, eol(src)).apply(src)
        }
        Convention::FrontMatterKey => front_matter::remove_edit(src, "excerpt")?
            .map_or_else(|| src.to_string(), |e| e.apply(src)),
        Convention::FirstParagraph | Convention::WholePost(_) => src.to_string(),
    };
    // A post whose excerpt is the whole of it, for want of its separator, is marked as
    // an unmarked one: its first paragraph.
    let text = match current.convention {
        Convention::WholePost(_) => src[first_paragraph(src, post::split(src).body)].to_string(),
        _ => current.markdown,
    };
    let marked = match to {
        Convention::FrontMatterKey => {
            front_matter::set_edit(&plain, "excerpt", &Value::String(text))?.apply(&plain)
        }
        Convention::StartEnd => {
            let range = locate(&plain, &text);
            wrap_edit(&plain, range).apply(&plain)
        }
        Convention::More | Convention::Separator(_) => {
            let marker = match to {
                Convention::Separator(s) => s.as_str(),
                _ => MORE,
            };
            let range = locate(&plain, &text);
            let nl = eol(&plain);
            TextEdit::insert(range.end, format!("{nl}{nl}{marker}")).apply(&plain)
        }
        Convention::FirstParagraph | Convention::WholePost(_) => plain,
    };
    let marked = if own_key {
        let key = Value::String(MORE.to_string());
        front_matter::set_edit(&marked, "excerpt_separator", &key)?.apply(&marked)
    } else {
        marked
    };
    changed(TextEdit::new(0..src.len(), marked).minimized(src), src)
}

/// Where the excerpt text `text` sits in the body of `src` (its first occurrence), or the
/// first paragraph when it is not in the body.
fn locate(src: &str, text: &str) -> Range<usize> {
    let body = post::split(src).body;
    match (text.is_empty(), src[body.clone()].find(text)) {
        (false, Some(i)) => body.start + i..body.start + i + text.len(),
        _ => first_paragraph(src, body),
    }
}

/// The whole line holding `range`, line break included.
fn line_of(src: &str, range: Range<usize>) -> Range<usize> {
    let start = src[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let end = src[range.end..]
        .find('\n')
        .map_or(src.len(), |i| range.end + i + 1);
    // Only take the whole line if the marker is alone on it.
    if src[start..end].trim() == src[range.clone()].trim() {
        start..end
    } else {
        range
    }
}

/// The text of `span` without the lines of `remove` that fall inside it.
fn cut(src: &str, span: Range<usize>, remove: &[Range<usize>]) -> String {
    let mut lines: Vec<Range<usize>> = remove
        .iter()
        .map(|r| line_of(src, r.clone()))
        .filter(|l| l.start >= span.start && l.end <= span.end)
        .collect();
    lines.sort_by_key(|l| l.start);
    let mut out = String::new();
    let mut at = span.start;
    for l in lines {
        if l.start >= at {
            out.push_str(&src[at..l.start]);
            at = l.end;
        }
    }
    out.push_str(&src[at..span.end]);
    out
}

fn strip_markers(text: &str) -> String {
    text.split_inclusive('\n')
        .filter(|l| l.trim() != START && l.trim() != END)
        .collect()
}

fn floor_char(src: &str, mut at: usize) -> usize {
    while !src.is_char_boundary(at) {
        at -= 1;
    }
    at
}
