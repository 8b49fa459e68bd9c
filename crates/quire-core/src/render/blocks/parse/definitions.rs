//! Link definitions as the parse reads and gives them: a reference's label with kramdown's
//! backslash escapes taken, and a definition written back as Markdown for another
//! window's parser.

/// Whether `text` may hold a reference with a backslash in its brackets.
pub(super) fn may_escape_reference(text: &str) -> bool {
    text.split('\n').any(|line| {
        line.find('[').is_some_and(|open| {
            line[open..]
                .find('\\')
                .is_some_and(|b| !line[open..open + b].contains(']'))
        })
    })
}

/// `label` with its backslash escapes taken (kramdown's), if it has any.
pub(super) fn unescaped_label(label: &str) -> Option<String> {
    if !label.contains('\\') {
        return None;
    }
    let mut out = String::with_capacity(label.len());
    let mut chars = label.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek() {
            Some(&next) if c == '\\' && next.is_ascii_punctuation() => {
                out.push(next);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    Some(out)
}

/// A definition written back as Markdown that parses to the same destination and title.
pub(super) fn definition_markdown(label: &str, dest: &str, title: Option<&str>) -> String {
    let mut md = format!("[{label}]: <{}>", escape(dest));
    if let Some(title) = title {
        md.push_str(&format!(" \"{}\"", escape(title)));
    }
    md.push_str("\n\n");
    md
}

/// Backslash-escape the characters that would be read as syntax or entities.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '<' | '>' | '"' | '&') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
