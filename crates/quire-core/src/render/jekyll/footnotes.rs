//! Footnotes as kramdown writes them: a reference is `<sup id="fnref:x">` linking to
//! `#fn:x`, numbered in the order the notes are first referred to; the definitions leave
//! their place and are listed at the end of the body (`<div class="footnotes">`), each with
//! a link back to every reference; a note never referred to is left out, and a reference
//! to a note never defined stays as its text.
//!
//! Numbers and the list belong to the whole body, so a block keeps only what it holds
//! ([`take_notes`]: its references as [`NOTE_MARK`]s, the content of the note it defines);
//! the block renderer fills them in across the body after each change, the way it fills
//! heading ids ([`reference`], [`list`]), and a keystroke re-renders only its window.

use std::borrow::Cow;

use pulldown_cmark::{CowStr, Event, Tag};

use super::{escape_attr, escape_text};

/// Whether `line` opens a footnote's definition (`[^label]: `, up to three spaces before).
fn note_line(line: &str) -> bool {
    let trimmed = line.trim_start_matches(' ');
    line.len() - trimmed.len() <= 3
        && trimmed.starts_with("[^")
        && trimmed
            .find("]:")
            .is_some_and(|end| end > 2 && !trimmed[2..end].contains(']'))
}

/// Where a note's definition `block` (a footnote definition to CommonMark, from its first
/// line) ends to kramdown when that is at the end of its first line: the next line is not
/// blank and not indented under it (kramdown's note goes on only with indented lines),
/// where CommonMark reads it as more of the note's paragraph.
pub(crate) fn note_ends_at_first_line(block: &str) -> Option<usize> {
    let split = block.find('\n')? + 1;
    let next = block[split..].lines().next()?;
    let indent = next.len() - next.trim_start_matches(' ').len();
    (!next.trim().is_empty() && indent < 4 && !next.starts_with('\t') && !note_line(next))
        .then_some(split)
}

/// Whether `line` is a link definition (`[label]: destination`, up to three spaces before).
fn link_definition_line(line: &str) -> bool {
    let trimmed = line.trim_start_matches(' ');
    if line.len() - trimmed.len() > 3 || !trimmed.starts_with('[') || trimmed.starts_with("[^") {
        return false;
    }
    trimmed.find("]:").is_some_and(|end| {
        end > 1 && !trimmed[1..end].contains(['[', ']']) && !trimmed[end + 2..].trim().is_empty()
    })
}

/// kramdown ends a footnote's definition at its first line not indented under it, so a
/// link definition written right under a note (`[^n]: see [this]` then `[this]: /url`) is
/// one of the body's, where CommonMark reads it as more of the note's text. `text` with
/// each such line written as spaces (a blank line, which ends the note to CommonMark and
/// shows nothing), and those definitions as Markdown (known to the whole body).
pub(crate) fn definitions_under_notes(text: &str) -> (Cow<'_, str>, String) {
    let mut definitions = String::new();
    if !text.contains("[^") {
        return (Cow::Borrowed(text), definitions);
    }
    let mut out: Option<String> = None;
    let mut fence: Option<&str> = None;
    let mut after_note = false;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let trimmed = line.trim_start();
        let body = line.trim_end_matches(['\n', '\r']);
        let in_code = super::html_blocks::fenced(&mut fence, trimmed);
        if !in_code && after_note && link_definition_line(body) {
            definitions.push_str(body.trim());
            definitions.push('\n');
            let out = out.get_or_insert_with(|| text[..start].to_string());
            out.extend(std::iter::repeat_n(' ', body.len()));
            out.push_str(&line[body.len()..]);
            after_note = false;
            continue;
        }
        after_note = !in_code && note_line(body);
        if let Some(out) = out.as_mut() {
            out.push_str(line);
        }
    }
    match out {
        Some(out) => (Cow::Owned(out), definitions),
        None => (Cow::Borrowed(text), definitions),
    }
}

/// Stands for a footnote reference in a block's HTML until the notes of the whole body
/// are known.
pub(crate) const NOTE_MARK: char = '\u{3}';

/// What a top-level block holds of the body's footnotes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Notes {
    /// The labels of its references, in order; each is a [`NOTE_MARK`] in its HTML.
    pub(crate) refs: Vec<String>,
    /// The note it defines.
    pub(crate) note: Option<Note>,
}

/// A footnote's definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Note {
    pub(crate) label: String,
    /// Its content's HTML, each reference to a note in it a [`NOTE_MARK`].
    pub(crate) content: String,
    /// The labels of the references in its content, in order. kramdown numbers them after
    /// every reference of the body, as it writes the list of notes (note by note).
    pub(crate) refs: Vec<String>,
}

/// Take the footnotes out of a top-level block's events: a definition leaves the block
/// holding no HTML (its content is kept, rendered), and each reference becomes a
/// [`NOTE_MARK`].
pub(crate) fn take_notes(events: &mut Vec<Event<'_>>) -> Notes {
    let mut note = None;
    if let Some(Event::Start(Tag::FootnoteDefinition(label))) = events.first() {
        let label = label.to_string();
        // The note's end: the block's, or where kramdown's note ends and the body's
        // blocks after it begin (`note_ends_at_first_line`).
        if let Some(end) = super::lists::matching_end(events, 0) {
            let mut rest = events.split_off(end + 1);
            if rest.is_empty() {
                rest.push(Event::Html(CowStr::Borrowed("")));
            }
            let mut inner = std::mem::replace(events, rest);
            inner.pop();
            inner.remove(0);
            let refs = mark_references(&mut inner);
            let mut content = String::new();
            pulldown_cmark::html::push_html(&mut content, inner.into_iter());
            note = Some(Note {
                label,
                content,
                refs,
            });
        }
    }
    let refs = mark_references(events);
    Notes { refs, note }
}

/// Each footnote reference in `events` made a [`NOTE_MARK`]; their labels, in order.
fn mark_references(events: &mut [Event<'_>]) -> Vec<String> {
    let mut refs = Vec::new();
    for event in events.iter_mut() {
        if let Event::FootnoteReference(label) = event {
            refs.push(label.to_string());
            *event = Event::InlineHtml(CowStr::from(NOTE_MARK));
        }
    }
    refs
}

/// The HTML of a reference to note `label`: `number` is the note's, `earlier` how many
/// references to it come before this one; `None` when the note is never defined (the
/// reference stays as its text).
pub(crate) fn reference(label: &str, numbered: Option<(usize, usize)>) -> String {
    match numbered {
        Some((number, earlier)) => format!(
            "<sup id=\"{}\" role=\"doc-noteref\"><a href=\"#fn:{}\" class=\"footnote\" \
             rel=\"footnote\">{number}</a></sup>",
            reference_id(label, earlier),
            escape_attr(label),
        ),
        None => escape_text(&format!("[^{label}]")),
    }
}

/// The list of notes at the end of the body, given (label, how many references, content
/// HTML) in the order of their numbers; empty when there is none.
pub(crate) fn list<'a>(notes: impl IntoIterator<Item = (&'a str, usize, String)>) -> String {
    let mut list = String::new();
    for (label, references, content) in notes {
        if list.is_empty() {
            list.push_str("<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol>\n");
        }
        let links: Vec<String> = (0..references).map(|k| backlink(label, k)).collect();
        let trimmed = content.trim_end();
        let note = match trimmed.strip_suffix("</p>") {
            Some(before) => format!("{before}\u{a0}{}</p>\n", links.join("\u{a0}")),
            None => format!("{trimmed}\n<p>{}</p>\n", links.join("\u{a0}")),
        };
        list.push_str(&format!(
            "    <li id=\"fn:{}\" role=\"doc-endnote\">\n{note}    </li>\n",
            escape_attr(label)
        ));
    }
    if !list.is_empty() {
        list.push_str("  </ol>\n</div>\n");
    }
    list
}

/// The id of reference `earlier` + 1 to note `label` (`fnref:x`, then `fnref:x:1`...).
fn reference_id(label: &str, earlier: usize) -> String {
    match earlier {
        0 => format!("fnref:{}", escape_attr(label)),
        k => format!("fnref:{}:{k}", escape_attr(label)),
    }
}

/// The link from a note back to its reference `k` (the second and later numbered).
fn backlink(label: &str, k: usize) -> String {
    let mark = match k {
        0 => String::new(),
        k => format!("<sup>{}</sup>", k + 1),
    };
    format!(
        "<a href=\"#{}\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;{mark}</a>",
        reference_id(label, k)
    )
}

#[cfg(test)]
mod tests {
    use super::super::jekyll_html as jekyll;

    /// A link definition right under a note's line is the body's, as Jekyll 4.3.1 reads it
    /// (Baby Steps writes the link of a note under it); anywhere else in a paragraph it is
    /// the paragraph's text.
    #[test]
    fn a_link_definition_under_a_note_is_the_bodys() {
        let html = jekyll(
            "Text [a] x[^n].\n[a]: /x\n\n[^n]: If I thought [this one] went.\n\
             [this one]: https://e.org/\n[\"q\"]: /q\n\nAfter [\"q\"].\n\n```\ncode\n```\n",
        );
        assert!(html.contains("<code>code\n</code>"), "{html}");
        assert!(
            html.starts_with(
                "<p>Text [a] x<sup id=\"fnref:n\" role=\"doc-noteref\"><a href=\"#fn:n\" \
                 class=\"footnote\" rel=\"footnote\">1</a></sup>.\n[a]: /x</p>\n"
            ),
            "{html}"
        );
        assert!(
            html.contains("<p>After <a href=\"/q\">“q”</a>.</p>"),
            "{html}"
        );
        assert!(
            html.contains(
                "<p>If I thought <a href=\"https://e.org/\">this one</a> went.\u{a0}\
                 <a href=\"#fnref:n\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;</a></p>"
            ),
            "{html}"
        );
        assert!(
            !html.contains("[this one]") && !html.contains("<!--"),
            "{html}"
        );
    }

    /// A note goes on only with lines indented under it, and no note's definition ends a
    /// paragraph, as Jekyll 4.3.1 reads them (Baby Steps wraps a note's line unindented).
    #[test]
    fn a_note_ends_at_an_unindented_line_and_a_paragraph_holds_a_definition() {
        let html = jekyll(
            "Text x[^n] y[^m].\n\nLast paragraph.\n[^m]: Second\n    indented more\n\n\
             [^n]: A long note\nprecludes\n\n## Next\n",
        );
        let body = html
            .split("<div class=\"footnotes\"")
            .next()
            .unwrap_or_default();
        assert_eq!(
            body,
            "<p>Text x<sup id=\"fnref:n\" role=\"doc-noteref\"><a href=\"#fn:n\" class=\"footnote\" \
             rel=\"footnote\">1</a></sup> y[^m].</p>\n<p>Last paragraph.\n[^m]: Second\n\
             indented more</p>\n<p>precludes</p>\n<h2 id=\"next\">Next</h2>\n"
        );
        assert!(
            html.contains("<p>A long note\u{a0}<a href=\"#fnref:n\""),
            "{html}"
        );
        assert!(!html.contains("fn:m"), "{html}");
    }

    proptest::proptest! {
        /// Hiding definitions under notes keeps every offset: the same length, every line
        /// break where it was, every line not hidden as it was.
        #[test]
        fn hiding_definitions_keeps_every_offset(lines in proptest::collection::vec(
            proptest::sample::select(&[
                "[^n]: a note", "[a]: /x", "[^m]: [b]", "[b]: /y \"t\"", "```", "~~~", "text",
                "", "    indented", "[c]:", "> [^q]: quoted",
            ][..]),
            0..20,
        )) {
            let text = lines.join("\n");
            let (hidden, _) = super::definitions_under_notes(&text);
            proptest::prop_assert_eq!(hidden.len(), text.len());
            for (a, b) in hidden.split('\n').zip(text.split('\n')) {
                proptest::prop_assert!(a == b || a.trim().is_empty(), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn references_numbered_in_order_and_notes_listed_at_the_end() {
        let md = "One[^b] two[^a] again[^b] none[^nope].\n\n[^a]: Note A.\n\n\
                  [^b]: Note B.\n\n[^unused]: Never.\n\nAfter.\n";
        let html = jekyll(md);
        assert!(
            html.starts_with(
                "<p>One<sup id=\"fnref:b\" role=\"doc-noteref\"><a href=\"#fn:b\" \
                 class=\"footnote\" rel=\"footnote\">1</a></sup> two<sup id=\"fnref:a\" \
                 role=\"doc-noteref\"><a href=\"#fn:a\" class=\"footnote\" rel=\"footnote\">2\
                 </a></sup> again<sup id=\"fnref:b:1\" role=\"doc-noteref\"><a href=\"#fn:b\" \
                 class=\"footnote\" rel=\"footnote\">1</a></sup> none[^nope].</p>"
            ),
            "{html}"
        );
        let list = &html[html.find("<div class=\"footnotes\"").expect(&html)..];
        let b = list.find("<li id=\"fn:b\"").expect(list);
        let a = list.find("<li id=\"fn:a\"").expect(list);
        assert!(b < a, "{list}");
        assert!(!html.contains("Never"), "{html}");
        assert!(
            list.contains(
                "<p>Note B.\u{a0}<a href=\"#fnref:b\" class=\"reversefootnote\" \
                 role=\"doc-backlink\">&#8617;</a>\u{a0}<a href=\"#fnref:b:1\" \
                 class=\"reversefootnote\" role=\"doc-backlink\">&#8617;<sup>2</sup></a></p>"
            ),
            "{list}"
        );
        assert!(html.trim_end().ends_with("</div>"), "{html}");
        assert!(html.find("After.").expect(&html) < html.find("footnotes").expect(&html));
    }

    /// References inside notes are numbered after the body's, note by note as the list is
    /// written, and a note's backlinks are the references written before it, as Jekyll
    /// 4.3.1 writes them (checked against `jekyll build`).
    #[test]
    fn references_in_notes_are_numbered_as_the_list_is_written() {
        let html = jekyll(
            "One[^a] two[^c].\n\n[^a]: Note A cites [^b] and [^c] and [^nope].\n\n\
             [^c]: Note C cites [^a] and [^d].\n\n[^b]: Note B cites itself[^b].\n\n\
             [^d]: Note D.\n",
        );
        let sup = |id: &str, label: &str, n: usize| {
            format!(
                "<sup id=\"{id}\" role=\"doc-noteref\"><a href=\"#fn:{label}\" \
                 class=\"footnote\" rel=\"footnote\">{n}</a></sup>"
            )
        };
        let back = |id: &str, more: &str| {
            format!(
                "<a href=\"#{id}\" class=\"reversefootnote\" role=\"doc-backlink\">\
                 &#8617;{more}</a>"
            )
        };
        let notes = [
            format!(
                "<li id=\"fn:a\" role=\"doc-endnote\">\n<p>Note A cites {} and {} and \
                 [^nope].\u{a0}{}</p>",
                sup("fnref:b", "b", 3),
                sup("fnref:c:1", "c", 2),
                back("fnref:a", "")
            ),
            format!(
                "<li id=\"fn:c\" role=\"doc-endnote\">\n<p>Note C cites {} and {}.\u{a0}{}\
                 \u{a0}{}</p>",
                sup("fnref:a:1", "a", 1),
                sup("fnref:d", "d", 4),
                back("fnref:c", ""),
                back("fnref:c:1", "<sup>2</sup>")
            ),
            format!(
                "<li id=\"fn:b\" role=\"doc-endnote\">\n<p>Note B cites itself{}.\u{a0}{}</p>",
                sup("fnref:b:1", "b", 3),
                back("fnref:b", "")
            ),
            format!(
                "<li id=\"fn:d\" role=\"doc-endnote\">\n<p>Note D.\u{a0}{}</p>",
                back("fnref:d", "")
            ),
        ];
        let mut at = 0;
        for note in &notes {
            let found = html[at..].find(note.as_str()).map(|i| at + i);
            assert!(found.is_some(), "{note}\n in \n{html}");
            at = found.unwrap_or_default();
        }
        assert!(!html.contains("footnote-reference"), "{html}");
    }

    #[test]
    fn a_note_not_ending_in_a_paragraph_gets_its_link_in_one() {
        let html = jekyll("Quote[^q].\n\n[^q]: > Quoted.\n");
        assert!(
            html.contains(
                "</blockquote>\n<p><a href=\"#fnref:q\" class=\"reversefootnote\" \
                 role=\"doc-backlink\">&#8617;</a></p>"
            ),
            "{html}"
        );
    }
}
