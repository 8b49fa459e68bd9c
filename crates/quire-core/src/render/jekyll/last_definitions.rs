//! kramdown keeps the last of two link definitions of one label (`@link_defs[id] = ...`,
//! with a warning), where CommonMark keeps the first: a post that defines `[tagp]` twice
//! links to the second URL in Jekyll's page. Before parsing, each earlier definition of a
//! label defined again is hidden: the first character of its label is written as NUL
//! bytes (as many as it has), so it stays a definition (its line is still left out of the
//! page) under a label no reference names, and every offset holds. One parse tells which
//! lines are definitions (a line like one inside a paragraph or code is not).

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag};

/// `text` with the earlier of its same-labelled link definitions hidden; borrowed when it
/// has none. One parse tells which lines are definitions: those where it writes nothing
/// (a line like one in a paragraph, a tight item's text or code is none).
pub(crate) fn last_definitions_win(text: &str, options: Options) -> Cow<'_, str> {
    let candidates = definition_lines(text);
    let mut count: HashMap<&str, usize> = HashMap::new();
    for (_, label) in &candidates {
        *count.entry(label.as_str()).or_default() += 1;
    }
    if count.values().all(|&n| n < 2) {
        return Cow::Borrowed(text);
    }
    // Where the parser wrote anything but a container: a definition writes nothing, so a
    // definition-like line there (a paragraph's, a tight item's text, code) is none.
    let mut written: Vec<Range<usize>> = Vec::new();
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        let container = matches!(
            event,
            Event::Start(
                Tag::List(_)
                    | Tag::Item
                    | Tag::BlockQuote(_)
                    | Tag::FootnoteDefinition(_)
                    | Tag::DefinitionList
                    | Tag::DefinitionListDefinition
            ) | Event::End(_)
        );
        if !container {
            written.push(range);
        }
    }
    written.sort_by_key(|r| r.start);
    // The union of those ranges, as disjoint ranges in order.
    let mut covered: Vec<Range<usize>> = Vec::with_capacity(written.len());
    for range in written {
        match covered.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => covered.push(range),
        }
    }
    let inside_leaf = |at: usize| {
        let k = covered.partition_point(|r| r.start <= at);
        k > 0 && covered[k - 1].contains(&at)
    };
    let real: Vec<&(usize, String)> = candidates
        .iter()
        .filter(|(at, label)| count[label.as_str()] > 1 && !inside_leaf(*at))
        .collect();
    // Each label's last definition stays.
    let mut last: HashMap<&str, usize> = HashMap::new();
    for (at, label) in &real {
        last.insert(label.as_str(), *at);
    }
    let mut out = text.to_string();
    for (at, label) in real {
        if last[label.as_str()] != *at {
            hide(&mut out, at + 1);
        }
    }
    if out == text {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(out)
    }
}

/// The lines that look like link definitions: where each one's `[` is, and its label
/// (normalized).
fn definition_lines(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    if !text.contains("]:") {
        return found;
    }
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let rest = line.trim_start_matches([' ', '\t', '>']);
        let rest = ["- ", "* ", "+ "]
            .iter()
            .find_map(|m| rest.strip_prefix(m))
            .unwrap_or(rest)
            .trim_start();
        let Some(inner) = rest.strip_prefix('[') else {
            continue;
        };
        let Some(end) = inner.find("]:") else {
            continue;
        };
        let label = normal(&inner[..end]);
        if !label.is_empty() && !label.starts_with('^') && !label.contains('[') {
            found.push((start + line.len() - rest.len(), label));
        }
    }
    found
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
        // A line like one inside a paragraph (after many links) is text, left as written
        // (its `[d]` a reference).
        let links = "[l](/l) ".repeat(80);
        let html = jekyll(&format!(
            "{links}\n[d]: /text\n\nSee [d].\n\n[d]: /one\n\n[d]: /two\n"
        ));
        assert!(
            html.contains("\n<a href=\"/two\">d</a>: /text</p>"),
            "{html}"
        );
        assert!(html.contains("See <a href=\"/two\">d</a>."), "{html}");
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
