//! A `|` inside a code span of a table row: kramdown keeps it in the cell (`` `a|b` `` is
//! one cell holding code), GFM splits the cell there unless it is written `\|`; so does a
//! Liquid filter's (`{{ x | relative_url }}`: Jekyll runs Liquid first). Before
//! parsing, such pipes of a table's rows are written as [`PIPE_MARK`] (one byte, so every
//! offset stays), and the blocks' HTML gets them back as `|`.

use std::borrow::Cow;

/// Stands for a `|` inside a code span of a table row while the body is parsed.
pub(crate) const PIPE_MARK: char = '\u{1e}';

/// Whether `line` is a table's delimiter row (`|---|:-:|`, `--- | ---`).
fn delimiter_row(line: &str) -> bool {
    let line = line.trim();
    if !line.contains('|') && !line.contains('-') {
        return false;
    }
    let cells = line.trim_matches('|').split('|');
    let mut count = 0;
    for cell in cells {
        let cell = cell.trim();
        let dashes = cell.trim_start_matches(':').trim_end_matches(':');
        if dashes.is_empty() || !dashes.bytes().all(|b| b == b'-') {
            return false;
        }
        count += 1;
    }
    count > 0 && (line.contains('|') || count > 1)
}

/// Whether `text` has a code span or Liquid, which a pipe may be inside.
fn may_hide_pipes(text: &str) -> bool {
    text.contains('`') || text.contains("{{") || text.contains("{%")
}

/// `line` with the pipes inside its code spans written as [`PIPE_MARK`].
pub(super) fn mark_line(line: &str, out: &mut String) {
    let bytes = line.as_bytes();
    let mut i = 0;
    let mut from = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            // Liquid runs before kramdown: a filter's `|` never splits a cell.
            b'{' if matches!(bytes.get(i + 1), Some(b'{' | b'%')) => {
                let close = if bytes[i + 1] == b'{' { "}}" } else { "%}" };
                match line[i + 2..].find(close) {
                    Some(end) => {
                        let end = i + 2 + end;
                        out.push_str(&line[from..i]);
                        for c in line[i..end].chars() {
                            out.push(if c == '|' { PIPE_MARK } else { c });
                        }
                        from = end;
                        i = end + 2;
                    }
                    None => i += 2,
                }
            }
            b'`' => {
                let run = bytes[i..].iter().take_while(|&&b| b == b'`').count();
                let open_end = i + run;
                // The closing run of the same length.
                let mut j = open_end;
                let mut close = None;
                while j < bytes.len() {
                    if bytes[j] == b'`' {
                        let len = bytes[j..].iter().take_while(|&&b| b == b'`').count();
                        if len == run {
                            close = Some(j);
                            break;
                        }
                        j += len;
                    } else {
                        j += 1;
                    }
                }
                match close {
                    Some(close) => {
                        out.push_str(&line[from..open_end]);
                        for c in line[open_end..close].chars() {
                            out.push(if c == '|' { PIPE_MARK } else { c });
                        }
                        from = close;
                        i = close + run;
                    }
                    None => i = open_end,
                }
            }
            _ => i += 1,
        }
    }
    out.push_str(&line[from.min(line.len())..]);
}

/// A parsed text `t` starting at `start` of `source`, with each pipe right after a
/// backslash (`\|`, `\\|`) or written as a character reference marked: kramdown reads it
/// as text, never a cell's edge when an
/// item's line is read as a table row (`tables/items.rs`). `None` when it has none. (The
/// parser starts a text at an escaped character, the backslash left out.)
pub(crate) fn mark_escaped_pipes(t: &str, start: usize, source: &str) -> Option<String> {
    // A pipe written as a character reference (`&#124;`, `&#x7c;`: the parser gives it
    // a text of its own) is text to kramdown too (the Rust blog's `Carol (Nichols
    // &#124;&#124; Goulding)` in a list of names).
    if t == "|" && source.get(start..).is_some_and(|s| s.starts_with("&#")) {
        return Some(PIPE_MARK.to_string());
    }
    let after_slash = start > 0 && source.as_bytes().get(start - 1) == Some(&b'\\');
    if !(t.contains("\\|") || after_slash && t.starts_with('|')) {
        return None;
    }
    let mut marked = t.replace("\\|", &format!("\\{PIPE_MARK}"));
    if after_slash && marked.starts_with('|') {
        marked.replace_range(..1, &PIPE_MARK.to_string());
    }
    Some(marked)
}

/// `text` with the pipes inside code spans of its tables' rows marked (borrowed when there
/// are none).
pub(crate) fn mark_table_code_pipes(text: &str) -> Cow<'_, str> {
    if !may_hide_pipes(text) || !text.contains('|') {
        return Cow::Borrowed(text);
    }
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    // The rows of each table: from the line above a delimiter row to a blank line.
    let mut row = vec![false; lines.len()];
    let mut any = false;
    // Where the rows marked so far end (a delimiter row among them reaches no further).
    let mut marked_to = 0;
    for k in 1..lines.len() {
        if !delimiter_row(lines[k]) || !lines[k - 1].contains('|') {
            continue;
        }
        row[k - 1] = true;
        any = true;
        if k < marked_to {
            continue;
        }
        let mut j = k + 1;
        while j < lines.len() && !lines[j].trim().is_empty() {
            row[j] = true;
            j += 1;
        }
        marked_to = j;
    }
    if !any {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    for (line, is_row) in lines.iter().zip(row) {
        if is_row && may_hide_pipes(line) && line.contains('|') {
            let before = out.len();
            mark_line(line, &mut out);
            changed |= out[before..].contains(PIPE_MARK);
        } else {
            out.push_str(line);
        }
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::super::jekyll_html as jekyll;
    use super::*;

    #[test]
    fn pipes_in_code_of_table_rows_are_marked() {
        let text = "Name | Value\n--- | ---\n`a|b` | x \\| y\n\n`c|d` outside\n";
        let marked = mark_table_code_pipes(text);
        assert_eq!(marked.len(), text.len());
        assert_eq!(
            marked,
            "Name | Value\n--- | ---\n`a\u{1e}b` | x \\| y\n\n`c|d` outside\n"
        );
        assert!(matches!(
            mark_table_code_pipes("no table `a|b`\n"),
            Cow::Borrowed(_)
        ));
    }

    /// As Jekyll 4.3.1 (kramdown 2.4) writes it: the code span is one cell.
    #[test]
    fn a_code_span_keeps_its_pipe_in_the_cell() {
        let html = jekyll("| Command | Does |\n|---|---|\n| `ls | wc -l` | counts |\n");
        assert!(
            html.contains(
                "<td><code class=\"language-plaintext highlighter-rouge\">ls | wc -l</code></td>"
            ),
            "{html}"
        );
        assert!(html.contains("<td>counts</td>"), "{html}");
    }
}
