//! Quoted scalars of top-level keys that go on from the margin, as Ruby's YAML reads
//! them (Jekyll's front matter) and the YAML spec, so the parser, does not.

/// `content` with a space before each line that goes on a top-level key's quoted scalar
/// from the margin (`excerpt: "All throughout ...` then `the 18F team. ...` at column
/// 0), and the character index (in the text so padded) of each space added; `None` when
/// there is none. Ruby's YAML (libyaml, which reads Jekyll's front matter) reads such
/// lines as more of the scalar; the YAML spec, and so the parser, wants them indented.
/// A line's leading white space is folded away in a quoted scalar, so the value read is
/// the same.
pub(super) fn margin_continuations(content: &str) -> Option<(String, Vec<usize>)> {
    let mut open: Option<char> = None;
    let mut added = Vec::new();
    let mut out = String::new();
    let mut chars = 0usize;
    let mut done = 0;
    for line in content.split_inclusive('\n') {
        let start = done;
        done += line.len();
        let rest = match open {
            Some(_) => {
                let body = line.trim_end_matches(['\n', '\r']);
                let at_margin = body.starts_with(|c: char| !c.is_whitespace());
                if at_margin && body != "---" && body != "..." {
                    if out.is_empty() {
                        out.push_str(&content[..start]);
                        chars = content[..start].chars().count();
                    }
                    added.push(chars);
                    out.push(' ');
                    chars += 1;
                }
                line
            }
            // A top-level key whose value opens with a quote.
            None if line.starts_with(|c: char| !c.is_whitespace() && !"#-\"'".contains(c)) => {
                let value = line
                    .find(": ")
                    .map(|colon| line[colon + 2..].trim_start())
                    .filter(|v| v.starts_with(['"', '\'']));
                match value {
                    Some(v) => {
                        open = v.chars().next();
                        &v[1..]
                    }
                    None => line,
                }
            }
            None => line,
        };
        if let Some(quote) = open {
            if closes(rest, quote) {
                open = None;
            }
        }
        if !out.is_empty() {
            out.push_str(line);
            chars += line.chars().count();
        }
    }
    (!added.is_empty()).then_some((out, added))
}

/// Whether the quoted scalar (opened with `quote`) that `text` goes on closes in it: `\"`
/// is no close in a double-quoted one, `''` none in a single-quoted one.
fn closes(text: &str, quote: char) -> bool {
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' if quote == '"' => {
                chars.next();
            }
            c if c == quote => {
                if quote == '\'' && chars.clone().next() == Some('\'') {
                    chars.next();
                    continue;
                }
                return true;
            }
            _ => {}
        }
    }
    false
}
