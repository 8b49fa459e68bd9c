//! A Liquid tag alone on a line of a paragraph (`{% raw %}`, `{% endraw %}`,
//! `{% assign x = 1 %}`): Jekyll runs Liquid first, and the tag writes nothing, so the
//! line is left empty and kramdown ends the paragraph there. Such a paragraph is read
//! again in its parts, the tag at the end of the part before it.
//! A tag with whitespace control (`{%- raw -%}`) takes the line break with it: left alone.

use std::borrow::Cow;

/// The tags that write nothing where they stand.
const SILENT: [&str; 3] = ["raw", "endraw", "assign"];

/// Whether `line` is one silent tag and nothing else.
fn silent_tag_line(line: &str) -> bool {
    let line = line.trim_end_matches(['\n', '\r']).trim();
    let Some(inner) = line.strip_prefix("{%").and_then(|l| l.strip_suffix("%}")) else {
        return false;
    };
    if inner.starts_with('-') || inner.ends_with('-') || inner.contains("%}") {
        return false;
    }
    let name = inner.split_whitespace().next().unwrap_or("");
    SILENT.contains(&name)
}

/// The name of the one tag `line` is, if it is one.
fn tag_name(line: &str) -> Option<&str> {
    let inner = line.trim().strip_prefix("{%")?.strip_suffix("%}")?;
    inner
        .trim_matches(|c: char| c == '-' || c.is_whitespace())
        .split_whitespace()
        .next()
}

/// Whether `line` holds Liquid tags only.
fn tags_line(line: &str) -> bool {
    let line = line.trim();
    line.starts_with("{%") && line.ends_with("%}") && {
        let mut rest = line;
        while let Some(at) = rest.find("%}") {
            rest = rest[at + 2..].trim_start();
            if !rest.is_empty() && !rest.starts_with("{%") {
                return false;
            }
        }
        true
    }
}

/// `paragraph` (from its first line) with a blank line after each line that is a silent
/// tag and has text before and after it in the paragraph (at its last line the tag ends
/// nothing, nor at its first unless lines indented as code follow), when it has one and a line of text (a paragraph of tags only is the
/// preview's mark of Liquid tags as it is). The tag stays at the end of the part before.
pub(crate) fn silent_tags_apart(paragraph: &str) -> Option<String> {
    let lines: Vec<&str> = paragraph.split_inclusive('\n').collect();
    let last = lines.iter().rposition(|l| !l.trim().is_empty())?;
    // At the first line, it ends nothing unless the next line is indented as code, which
    // the blank line it leaves makes a code block.
    let code_after = |i: usize| {
        lines
            .get(i + 1)
            .is_some_and(|l| l.starts_with('\t') || l.starts_with("    "))
    };
    let inner = |i: usize| (i > 0 || code_after(i)) && i < last && silent_tag_line(lines[i]);
    // A paragraph of tags only, or with other tags on lines of their own (a `{% for %}`
    // writing definitions, an `{% if %}`: what they write depends on them), is left as
    // it is.
    let mut raw = false;
    let other_tags = lines.iter().any(|l| {
        let name = tag_name(l);
        let other = !raw && tags_line(l) && !silent_tag_line(l);
        raw = match name {
            Some("raw") => true,
            Some("endraw") => false,
            _ => raw,
        };
        other
    });
    if !(0..lines.len()).any(inner)
        || other_tags
        || lines.iter().all(|l| l.trim().is_empty() || tags_line(l))
    {
        return None;
    }
    let mut out = String::with_capacity(paragraph.len() + 8);
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        if inner(i) {
            if !line.ends_with('\n') {
                out.push('\n');
            }
            out.push('\n');
        }
    }
    Some(out)
}

/// `text` with each `{% assign %}` line right over a link definition written as spaces:
/// the tag writes nothing, so kramdown reads a blank line there and the definitions after
/// it (`references.md` of bitcoincore.org); CommonMark would read the tag's line and the
/// definitions as one paragraph. Borrowed when there is none (fenced code left alone).
pub(crate) fn blank_assigns_over_definitions(text: &str) -> Cow<'_, str> {
    if !text.contains("assign") || !text.contains("]:") {
        return Cow::Borrowed(text);
    }
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut fence: Option<&str> = None;
    let mut blank = vec![false; lines.len()];
    for (i, line) in lines.iter().enumerate() {
        let in_code = super::html_blocks::fenced(&mut fence, line.trim_start());
        let over_definition = lines.get(i + 1).is_some_and(|next| {
            let next = next.trim();
            next.starts_with('[') && !next.starts_with("[^") && next.contains("]:")
        });
        blank[i] = !in_code
            && over_definition
            && silent_tag_line(line)
            && tag_name(line) == Some("assign");
    }
    if !blank.contains(&true) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for (line, blank) in lines.iter().zip(blank) {
        if blank {
            let body = line.trim_end_matches(['\n', '\r']);
            out.extend(std::iter::repeat_n(' ', body.len()));
            out.push_str(&line[body.len()..]);
        } else {
            out.push_str(line);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::super::jekyll_html as jekyll;

    /// As Jekyll 4.3.1 writes them: an assignment over definitions leaves a blank line,
    /// and the definitions are read.
    #[test]
    fn an_assignment_over_definitions_leaves_them_definitions() {
        assert_eq!(
            jekyll("Para [a].\n\n{% assign x = \"v\" %}\n[a]: /x/v\n[b]: /y\n"),
            "<p>Para <a href=\"/x/v\">a</a>.</p>\n"
        );
        // In code, as written.
        assert!(jekyll("```\n{% assign x = 1 %}\n[a]: /x\n```\n")
            .contains("{% assign x = 1 %}\n[a]: /x"));
    }

    /// As Jekyll 4.3.1 writes them: the tag's line is left empty.
    #[test]
    fn a_tag_alone_on_a_line_ends_the_paragraph() {
        let html = jekyll("Before:\n{% raw %}\n{% linkpreview \"x\" %}\n{% endraw %}\nafter it.\n");
        let paragraphs: Vec<&str> = html.matches("<p>").collect();
        assert_eq!(paragraphs.len(), 3, "{html}");
        assert!(html.contains("<p>Before:</p>"), "{html}");
        assert!(html.contains("<p>after it.</p>"), "{html}");
        // With whitespace control the line break goes with the tag: one paragraph.
        let trimmed = jekyll("Before\n{%- assign x = 1 -%}\nafter.\n");
        assert_eq!(trimmed.matches("<p>").count(), 1, "{trimmed}");
    }

    /// As Jekyll 4.3.1 writes it (Adam Silver's Swig template): the empty line a tag at a
    /// paragraph's start leaves makes the tab-indented lines under it a code block.
    #[test]
    fn a_tag_over_indented_lines_leaves_them_code() {
        let html = jekyll(
            "Consider:\n\n{% raw %}\n\t{% if x %}\n\t\t<p>Hello {{a}}</p>\n\t{% endif %}\n\
             {% endraw %}\n\nAfter.\n",
        );
        assert!(
            html.contains("<pre class=\"highlight\"><code>{% if x %}\n\t&lt;p&gt;Hello {{a}}&lt;/p&gt;\n{% endif %}\n</code></pre>"),
            "{html}"
        );
        assert!(html.contains("<p>After.</p>"), "{html}");
        // Not indented: the tag's line ends nothing.
        assert_eq!(
            jekyll("{% raw %}\n{{ a }}\n{% endraw %}\n"),
            "<p>{{ a }}</p>\n"
        );
    }
}
