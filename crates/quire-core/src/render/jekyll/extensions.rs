//! kramdown's block extensions, which would otherwise show as text: `{::comment}` ...
//! `{:/comment}` (kramdown writes an HTML comment), `{::nomarkdown}` ... `{:/nomarkdown}`
//! (the lines between pass as written) and `{::options ... /}` (nothing written). Each
//! marker line is rewritten as an HTML comment of the same length (or blank, when too short
//! for one), so that the Markdown
//! parser sees what kramdown writes and every offset stays the same. Markers inside code
//! fences are left alone.

use std::borrow::Cow;

/// What the open extension is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    Comment,
    NoMarkdown,
}

/// The text with kramdown's block extension markers written as HTML comments.
pub(crate) fn hide_extensions(text: &str) -> Cow<'_, str> {
    if !text.contains("{::") && !text.contains("{:/") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut fence: Option<&str> = None;
    let mut open: Option<Open> = None;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let ending = &line[body.len()..];
        let marker = body.trim();
        let trimmed = body.trim_start();
        if let Some(f) = fence {
            if trimmed.starts_with(f) {
                fence = None;
            }
            out.push_str(line);
            continue;
        }
        if open.is_none() && (trimmed.starts_with("```") || trimmed.starts_with("~~~")) {
            fence = Some(&trimmed[..3]);
            out.push_str(line);
            continue;
        }
        let closes = |name: &str| marker == "{:/}" || marker == format!("{{:/{name}}}");
        let rewritten = match open {
            None if marker == "{::comment}" => {
                open = Some(Open::Comment);
                comment_start(body)
            }
            None if marker == "{::nomarkdown}" => {
                open = Some(Open::NoMarkdown);
                whole_comment(body)
            }
            None if marker.starts_with("{::options") && marker.ends_with("/}") => {
                whole_comment(body)
            }
            Some(Open::Comment) if closes("comment") => {
                open = None;
                comment_end(body)
            }
            Some(Open::NoMarkdown) if closes("nomarkdown") => {
                open = None;
                whole_comment(body)
            }
            // A closing marker with nothing open (as a stretch of the body parsed on its
            // own after an opening marker sees it) is hidden all the same.
            None if closes("nomarkdown") || closes("comment") => whole_comment(body),
            _ => None,
        };
        match rewritten {
            Some(new) => {
                out.push_str(&new);
                out.push_str(ending);
            }
            None => out.push_str(line),
        }
    }
    Cow::Owned(out)
}

/// Where `{::options parse_block_html="true" /}` (or `"false"`) lines switch kramdown's
/// reading of block HTML content as Markdown: each such line's offset and the value it
/// sets, in order (fenced code skipped).
pub(crate) fn block_html_switches(text: &str) -> Vec<(usize, bool)> {
    let mut switches = Vec::new();
    if !text.contains("parse_block_html") {
        return switches;
    }
    let mut fence: Option<&str> = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let marker = line.trim();
        if let Some(f) = fence {
            if marker.starts_with(f) {
                fence = None;
            }
            continue;
        }
        if marker.starts_with("```") || marker.starts_with("~~~") {
            fence = Some(&marker[..3]);
            continue;
        }
        if !(marker.starts_with("{::options") && marker.ends_with("/}")) {
            continue;
        }
        let Some(value) = marker.split("parse_block_html=").nth(1) else {
            continue;
        };
        let value = value.trim_start_matches(['"', '\'']);
        if value.starts_with("true") {
            switches.push((start, true));
        } else if value.starts_with("false") {
            switches.push((start, false));
        }
    }
    switches
}

/// `<!--` padded to the line's length (the comment goes on to the closing marker).
fn comment_start(line: &str) -> Option<String> {
    (line.len() >= 4).then(|| format!("<!--{}", " ".repeat(line.len() - 4)))
}

/// `-->` padded in front to the line's length.
fn comment_end(line: &str) -> Option<String> {
    (line.len() >= 3).then(|| format!("{}-->", " ".repeat(line.len() - 3)))
}

/// An empty comment the line's length; a blank line where none fits (`{:/}`).
fn whole_comment(line: &str) -> Option<String> {
    Some(match line.len() {
        n if n >= 7 => format!("<!--{}-->", " ".repeat(n - 7)),
        n => " ".repeat(n),
    })
}

#[cfg(test)]
mod tests {
    use super::super::jekyll_html;
    use super::hide_extensions;

    #[test]
    fn markers_become_comments_of_the_same_length() {
        let text = "a\n\n{::comment}\nhidden *text*\n{:/comment}\n\n{::nomarkdown}\n\
                    <p class=\"raw\">Raw</p>\n{:/}\n\n{::options parse_block_html=\"true\" /}\n\
                    ```\n{::comment}\n```\n";
        let hidden = hide_extensions(text);
        assert_eq!(hidden.len(), text.len());
        let html = jekyll_html(text);
        let before_code = &html[..html.find("<pre").expect(&html)];
        assert!(!before_code.contains('{'), "{html}");
        assert!(
            html.contains("<!--       \nhidden *text*\n        -->"),
            "{html}"
        );
        assert!(html.contains("<p class=\"raw\">Raw</p>"), "{html}");
        assert!(!html.contains("parse_block_html=“true”"), "{html}");
        // In a code fence it is code.
        assert!(html.contains("<code>{::comment}\n</code>"), "{html}");
    }

    #[test]
    fn text_without_markers_is_untouched() {
        assert!(matches!(
            hide_extensions("a {: .x} b\n"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
