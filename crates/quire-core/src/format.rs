//! Markdown formatting commands (toolbar and shortcuts) as text edits: each returns the
//! edit and where the selection goes afterwards, so the editor can apply it through the
//! browser's undo stack. Toggles: formatting an already formatted selection removes it.

use core::ops::Range;

use crate::edit::{Change, Edited, TextEdit};

/// A formatting command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `**bold**`
    Bold,
    /// `*italic*`
    Italic,
    /// `` `code` ``, or a fenced block around several lines
    Code,
    /// `[text](url)`
    Link,
    /// `![alt](url)`
    Image,
    /// `## ` at the start of the line
    Heading,
    /// `- ` at the start of each line
    List,
    /// `> ` at the start of each line
    Quote,
}

impl Format {
    /// Every command, in toolbar order.
    pub const ALL: [Format; 8] = [
        Format::Bold,
        Format::Italic,
        Format::Link,
        Format::Heading,
        Format::List,
        Format::Quote,
        Format::Code,
        Format::Image,
    ];

    /// A short name for buttons and test ids (`bold`, `italic`, ...).
    pub fn name(self) -> &'static str {
        match self {
            Format::Bold => "bold",
            Format::Italic => "italic",
            Format::Code => "code",
            Format::Link => "link",
            Format::Image => "image",
            Format::Heading => "heading",
            Format::List => "list",
            Format::Quote => "quote",
        }
    }

    /// The key that, with Ctrl (Cmd on a Mac), runs it.
    pub fn shortcut(self) -> char {
        match self {
            Format::Bold => 'b',
            Format::Italic => 'i',
            Format::Code => 'e',
            Format::Link => 'k',
            Format::Image => 'g',
            Format::Heading => 'h',
            Format::List => 'l',
            Format::Quote => 'q',
        }
    }

    /// The command for a Ctrl/Cmd shortcut key.
    pub fn for_shortcut(key: &str) -> Option<Format> {
        let key = key.to_ascii_lowercase();
        Format::ALL
            .into_iter()
            .find(|f| key.len() == 1 && key.starts_with(f.shortcut()))
    }
}

/// An edit and the selection after it (byte offsets in the edited text).
struct Formatted {
    edit: TextEdit,
    selection: Range<usize>,
}

impl From<Formatted> for Change {
    fn from(f: Formatted) -> Change {
        Change::selecting(f.edit, f.selection)
    }
}

/// Apply `format` to the `selection` of `src`; the result selects what the writer would
/// go on typing over (the text formatted, or a placeholder).
pub fn apply(src: &str, selection: Range<usize>, format: Format) -> Edited {
    Ok(Some(formatted(src, selection, format).into()))
}

fn formatted(src: &str, selection: Range<usize>, format: Format) -> Formatted {
    let selection = clamp(src, selection);
    match format {
        Format::Bold => wrap(src, selection, "**", "**", "bold text"),
        Format::Italic => wrap(src, selection, "*", "*", "italic text"),
        Format::Code if src[selection.clone()].contains('\n') => {
            wrap(src, selection, "```\n", "\n```", "code")
        }
        Format::Code => wrap(src, selection, "`", "`", "code"),
        Format::Link => link(src, selection, "[", "https://"),
        Format::Image => link(src, selection, "![", "image.png"),
        Format::Heading => prefix_lines(src, selection, "## "),
        Format::List => prefix_lines(src, selection, "- "),
        Format::Quote => prefix_lines(src, selection, "> "),
    }
}

fn clamp(src: &str, selection: Range<usize>) -> Range<usize> {
    let fix = |mut at: usize| {
        at = at.min(src.len());
        while !src.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let (a, b) = (fix(selection.start), fix(selection.end));
    a.min(b)..a.max(b)
}

/// Put `open`/`close` around the selection (or a placeholder), or take them off when the
/// selection is already wrapped.
fn wrap(src: &str, sel: Range<usize>, open: &str, close: &str, placeholder: &str) -> Formatted {
    let before = &src[..sel.start];
    let after = &src[sel.end..];
    let wrapped = if open.chars().all(|c| c == '*') {
        // Emphasis and strong share the star: `***x***` is both.
        let n = before.len() - before.trim_end_matches('*').len();
        let m = after.len() - after.trim_start_matches('*').len();
        n == m && if open.len() == 1 { n % 2 == 1 } else { n >= 2 }
    } else {
        before.ends_with(open) && after.starts_with(close)
    };
    if wrapped {
        let start = sel.start - open.len();
        let end = sel.end + close.len();
        let inner = &src[sel.clone()];
        return Formatted {
            edit: TextEdit::new(start..end, inner),
            selection: start..start + inner.len(),
        };
    }
    let inner = if sel.is_empty() {
        placeholder
    } else {
        &src[sel.clone()]
    };
    let text = format!("{open}{inner}{close}");
    let start = sel.start + open.len();
    Formatted {
        edit: TextEdit::new(sel, text),
        selection: start..start + inner.len(),
    }
}

/// `[text](url)` around the selection, with the URL selected for typing over.
fn link(src: &str, sel: Range<usize>, open: &str, url: &str) -> Formatted {
    let text = if sel.is_empty() {
        "text"
    } else {
        &src[sel.clone()]
    };
    let replacement = format!("{open}{text}]({url})");
    let url_start = sel.start + open.len() + text.len() + 2;
    Formatted {
        edit: TextEdit::new(sel, replacement),
        selection: url_start..url_start + url.len(),
    }
}

/// The byte range of the whole lines the selection touches.
fn line_span(src: &str, sel: &Range<usize>) -> Range<usize> {
    let start = src[..sel.start].rfind('\n').map_or(0, |i| i + 1);
    let end_from = if sel.end > sel.start && src[..sel.end].ends_with('\n') {
        sel.end - 1
    } else {
        sel.end
    };
    let end = src[end_from..]
        .find('\n')
        .map_or(src.len(), |i| end_from + i);
    start..end
}

/// Add `prefix` to every selected line, or remove it when every line has it. A heading
/// prefix replaces any other heading level.
fn prefix_lines(src: &str, sel: Range<usize>, prefix: &str) -> Formatted {
    let span = line_span(src, &sel);
    let lines: Vec<&str> = src[span.clone()].split('\n').collect();
    let all_have = lines.iter().all(|l| l.starts_with(prefix));
    let changed: Vec<String> = lines
        .iter()
        .map(|line| {
            if all_have {
                line[prefix.len()..].to_string()
            } else if prefix.starts_with('#') {
                format!("{prefix}{}", line.trim_start_matches('#').trim_start())
            } else if line.starts_with(prefix) {
                line.to_string()
            } else {
                format!("{prefix}{line}")
            }
        })
        .collect();
    let text = changed.join("\n");
    let new_end = span.start + text.len();
    let caret_at_line_end = sel.is_empty();
    Formatted {
        edit: TextEdit::new(span.clone(), text),
        selection: if caret_at_line_end {
            new_end..new_end
        } else {
            span.start..new_end
        },
    }
}

/// The list marker a line starts with (after its indentation), if it is a list item:
/// (indentation, marker as typed, the rest of the line).
fn list_item(line: &str) -> Option<(&str, String, &str)> {
    let indent_len = line.len() - line.trim_start_matches([' ', '\t']).len();
    let (indent, rest) = line.split_at(indent_len);
    for bullet in ["- [ ] ", "- [x] ", "* [ ] ", "- ", "* ", "+ "] {
        if let Some(after) = rest.strip_prefix(bullet) {
            let marker = bullet.replace("[x]", "[ ]");
            return Some((indent, marker, after));
        }
    }
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let after_digits = &rest[digits..];
        for delimiter in [". ", ") "] {
            if let Some(after) = after_digits.strip_prefix(delimiter) {
                let next: u64 = rest[..digits].parse::<u64>().ok()? + 1;
                return Some((indent, format!("{next}{delimiter}"), after));
            }
        }
    }
    None
}

/// Enter at `caret` on a list item: continue the list with the next marker; on an empty
/// item, end the list (the marker becomes a blank line). `None` when the line is no list item.
pub fn continue_list(src: &str, caret: usize) -> Edited {
    Ok(list_continued(src, caret).map(Change::from))
}

fn list_continued(src: &str, caret: usize) -> Option<Formatted> {
    let caret = clamp(src, caret..caret).start;
    let line_start = src[..caret].rfind('\n').map_or(0, |i| i + 1);
    let line_end = src[caret..].find('\n').map_or(src.len(), |i| caret + i);
    let line = &src[line_start..line_end];
    let (indent, marker, rest) = list_item(line)?;
    if rest.trim().is_empty() {
        // The marker goes and the list ends with a blank line, as two Enters would give
        // in a plain text field.
        return Some(Formatted {
            edit: TextEdit::new(line_start..line_end, "\n"),
            selection: line_start + 1..line_start + 1,
        });
    }
    let insert = format!("\n{indent}{marker}");
    let at = caret + insert.len();
    Some(Formatted {
        edit: TextEdit::insert(caret, insert),
        selection: at..at,
    })
}

/// Tab (or Shift+Tab, `outdent`) on list items: indent (outdent) each selected item by two
/// spaces. `None` when the selection is not on list items.
pub fn indent_list(src: &str, selection: Range<usize>, outdent: bool) -> Edited {
    Ok(list_indented(src, selection, outdent).map(Change::from))
}

fn list_indented(src: &str, selection: Range<usize>, outdent: bool) -> Option<Formatted> {
    let sel = clamp(src, selection);
    let span = line_span(src, &sel);
    let lines: Vec<&str> = src[span.clone()].split('\n').collect();
    if !lines.iter().all(|l| list_item(l).is_some()) {
        return None;
    }
    let changed: Vec<String> = lines
        .iter()
        .map(|l| {
            if outdent {
                l.strip_prefix("  ")
                    .or_else(|| l.strip_prefix('\t'))
                    .unwrap_or(l)
                    .to_string()
            } else {
                format!("  {l}")
            }
        })
        .collect();
    let text = changed.join("\n");
    let delta = text.len() as isize - (span.end - span.start) as isize;
    let first_delta = changed[0].len() as isize - lines[0].len() as isize;
    let floor = span.start;
    let move_by = |at: usize, d: isize| at.checked_add_signed(d).unwrap_or(floor).max(floor);
    Some(Formatted {
        edit: TextEdit::new(span, text),
        selection: move_by(sel.start, first_delta)..move_by(sel.end, delta),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Apply to text whose selection is marked by `«` and `»`; return the result marked
    /// the same way.
    fn run(marked: &str, f: impl Fn(&str, Range<usize>) -> Edited) -> Option<String> {
        let start = marked.find('«')?;
        let end = marked.find('»')? - '«'.len_utf8();
        let src = marked.replacen('«', "", 1).replacen('»', "", 1);
        let out = f(&src, start..end).ok()??;
        let selection = out.selection.clone()?;
        let mut marked = out.apply(&src);
        marked.insert(selection.end, '»');
        marked.insert(selection.start, '«');
        Some(marked)
    }

    fn fmt(marked: &str, format: Format) -> String {
        run(marked, |s, r| apply(s, r, format)).unwrap_or_default()
    }

    #[test]
    fn inline_formats_wrap_and_toggle() {
        let cases = [
            ("a «word» b", Format::Bold, "a **«word»** b"),
            ("a **«word»** b", Format::Bold, "a «word» b"),
            ("a «word» b", Format::Italic, "a *«word»* b"),
            ("a *«word»* b", Format::Italic, "a «word» b"),
            ("a **«word»** b", Format::Italic, "a ***«word»*** b"),
            ("a «»b", Format::Bold, "a **«bold text»**b"),
            ("a «x» b", Format::Code, "a `«x»` b"),
            ("«a\nb»", Format::Code, "```\n«a\nb»\n```"),
            ("see «docs» now", Format::Link, "see [docs](«https://») now"),
            ("«»", Format::Image, "![text](«image.png»)"),
            ("é «ü» ö", Format::Bold, "é **«ü»** ö"),
        ];
        for (input, format, expected) in cases {
            assert_eq!(fmt(input, format), expected, "{input:?} {format:?}");
        }
    }

    #[test]
    fn line_formats_prefix_and_toggle() {
        let cases = [
            ("one\ntw«»o\nthree", Format::Heading, "one\n## two«»\nthree"),
            ("## tw«»o", Format::Heading, "two«»"),
            ("### tw«»o", Format::Heading, "## two«»"),
            ("«a\nb»", Format::List, "«- a\n- b»"),
            ("«- a\n- b»", Format::List, "«a\nb»"),
            ("«a\nb\n»", Format::Quote, "«> a\n> b»\n"),
        ];
        for (input, format, expected) in cases {
            assert_eq!(fmt(input, format), expected, "{input:?} {format:?}");
        }
    }

    #[test]
    fn enter_continues_and_ends_lists() {
        let cases = [
            ("- one«»", Some("- one\n- «»")),
            ("  * one«»", Some("  * one\n  * «»")),
            ("1. one«»", Some("1. one\n2. «»")),
            ("9) nine«»", Some("9) nine\n10) «»")),
            ("- [x] done«»", Some("- [x] done\n- [ ] «»")),
            ("a\n- «»", Some("a\n\n«»")),
            ("plain«»", None),
            ("-not a list«»", None),
        ];
        for (input, expected) in cases {
            let got = run(input, |s, r| continue_list(s, r.start));
            assert_eq!(got.as_deref(), expected, "{input:?}");
        }
    }

    #[test]
    fn tab_indents_list_items_only() {
        assert_eq!(
            run("- a\n- b«»", |s, r| indent_list(s, r, false)).as_deref(),
            Some("- a\n  - b«»")
        );
        assert_eq!(
            run("  - b«»", |s, r| indent_list(s, r, true)).as_deref(),
            Some("- b«»")
        );
        assert_eq!(run("text«»", |s, r| indent_list(s, r, false)), None);
    }

    #[test]
    fn shortcuts() {
        assert_eq!(Format::for_shortcut("B"), Some(Format::Bold));
        assert_eq!(Format::for_shortcut("k"), Some(Format::Link));
        assert_eq!(Format::for_shortcut("z"), None);
        assert_eq!(Format::for_shortcut("Enter"), None);
    }
}
