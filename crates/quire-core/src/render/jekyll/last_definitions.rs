//! kramdown keeps the last of two link definitions of one label (`@link_defs[id] = ...`,
//! with a warning), where CommonMark keeps the first: a post that defines `[tagp]` twice
//! links to the second URL in Jekyll's page. Before parsing, each earlier definition of a
//! label defined again is hidden: the first character of its label is written as NUL
//! bytes (as many as it has), so it stays a definition (its line is still left out of the
//! page) under a label no reference names, and every offset holds.

use std::borrow::Cow;
use std::collections::HashSet;

use pulldown_cmark::{Options, Parser};

/// `text` with the earlier of its same-labelled link definitions hidden; borrowed when it
/// has none. The parser tells which lines are definitions: a label hidden is kept hidden
/// only if the parser still finds one of that label.
pub(crate) fn last_definitions_win(text: &str, options: Options) -> Cow<'_, str> {
    let mut labels = defined_twice(text);
    if labels.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = text.to_string();
    // Each round hides the first definition of every label still defined twice.
    while !labels.is_empty() {
        let firsts: Vec<(String, usize)> = Parser::new_ext(&out, options)
            .reference_definitions()
            .iter()
            .filter(|(label, _)| labels.contains(&normal(label)))
            .filter_map(|(label, def)| {
                let open = out[def.span.start..].find('[')? + def.span.start + 1;
                Some((normal(label), open))
            })
            .collect();
        let mut trial = out.clone();
        for &(_, at) in &firsts {
            hide(&mut trial, at);
        }
        let defs = Parser::new_ext(&trial, options);
        let still = defs.reference_definitions();
        let mut kept = false;
        let mut hidden = out.clone();
        for (label, at) in firsts {
            if still.iter().any(|(l, _)| normal(l) == label) {
                hide(&mut hidden, at);
                kept = true;
            } else {
                labels.remove(&label);
            }
        }
        if !kept {
            break;
        }
        out = hidden;
    }
    if out == text {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(out)
    }
}

/// The labels (normalized) of the lines that look like link definitions and name a label
/// another such line names too.
fn defined_twice(text: &str) -> HashSet<String> {
    let mut seen = HashSet::new();
    let mut twice = HashSet::new();
    if !text.contains("]:") {
        return twice;
    }
    for line in text.lines() {
        let line = line.trim_start_matches([' ', '\t', '>']);
        let line = ["- ", "* ", "+ "]
            .iter()
            .find_map(|m| line.strip_prefix(m))
            .unwrap_or(line)
            .trim_start();
        let Some(rest) = line.strip_prefix('[') else {
            continue;
        };
        let Some(end) = rest.find("]:") else {
            continue;
        };
        let label = normal(&rest[..end]);
        if !label.is_empty() && !label.starts_with('^') && !seen.insert(label.clone()) {
            twice.insert(label);
        }
    }
    twice
}

/// A label as references match it: case folded, white space runs as one space.
fn normal(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Write the character at `at` of `text` as NUL bytes.
fn hide(text: &mut String, at: usize) {
    let Some(c) = text[at..].chars().next() else {
        return;
    };
    text.replace_range(at..at + c.len_utf8(), &"\0".repeat(c.len_utf8()));
}

#[cfg(test)]
mod tests {
    use super::super::jekyll_html as jekyll;

    /// As Jekyll 4.3.1 (kramdown 2.4) writes them (Artsy's posts define `[tagp]` and
    /// `[githawk]` twice).
    #[test]
    fn the_last_definition_of_a_label_wins() {
        assert_eq!(
            jekyll("Use [TAGP][tagp] and [x].\n\n[tagp]: /first\n[x]: /x\n\nMore.\n\n[TAGP]: /second \"T\"\n"),
            "<p>Use <a href=\"/second\" title=\"T\">TAGP</a> and <a href=\"/x\">x</a>.</p>\n<p>More.</p>\n"
        );
        // Three of one label; one in a list item; one in code is none.
        let tight = |html: String| html.split_whitespace().collect::<String>();
        assert_eq!(
            tight(jekyll(
                "[a] and [b]\n\n- [a]: /1\n\n[a]: /2\n[b]: /b1\n\n```\n[b]: /code\n```\n\n> [a]: /3\n"
            )),
            tight(
                "<p><a href=\"/3\">a</a> and <a href=\"/b1\">b</a></p><ul><li></li></ul>\
                 <div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\">\
                 <pre class=\"highlight\"><code>[b]: /code\n</code></pre></div></div>\
                 <blockquote></blockquote>"
                    .to_string()
            )
        );
    }
}
