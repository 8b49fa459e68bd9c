//! Footnotes as kramdown writes them: a reference is `<sup id="fnref:x">` linking to
//! `#fn:x`, numbered in the order the notes are first referred to; the definitions leave
//! their place and are listed at the end of the body (`<div class="footnotes">`), each with
//! a link back to every reference; a note never referred to is left out, and a reference
//! to a note never defined stays as its text.

use std::collections::HashMap;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::escape_attr;

/// Rewrite the footnotes of a whole body, given as the events of each of its top-level
/// blocks in order. A definition's block is left holding no HTML; the list of notes is
/// added to the last block.
pub(crate) fn kramdown_footnotes(blocks: &mut [&mut Vec<Event<'_>>]) {
    let mut definitions: HashMap<String, Vec<Event<'_>>> = HashMap::new();
    for events in blocks.iter_mut() {
        let label = match (events.first(), events.last()) {
            (
                Some(Event::Start(Tag::FootnoteDefinition(label))),
                Some(Event::End(TagEnd::FootnoteDefinition)),
            ) if events.len() >= 2 => label.to_string(),
            _ => continue,
        };
        let mut inner = std::mem::replace(&mut **events, vec![Event::Html(CowStr::Borrowed(""))]);
        inner.pop();
        inner.remove(0);
        // The first definition of a label counts, as in kramdown.
        definitions.entry(label).or_insert(inner);
    }
    // (label, references) in the order of the first reference.
    let mut notes: Vec<(String, usize)> = Vec::new();
    for events in blocks.iter_mut() {
        for event in events.iter_mut() {
            let Event::FootnoteReference(label) = event else {
                continue;
            };
            let label = label.to_string();
            if !definitions.contains_key(&label) {
                *event = Event::Text(CowStr::from(format!("[^{label}]")));
                continue;
            }
            let (number, earlier) = match notes.iter().position(|(l, _)| *l == label) {
                Some(i) => {
                    notes[i].1 += 1;
                    (i + 1, notes[i].1 - 1)
                }
                None => {
                    notes.push((label.clone(), 1));
                    (notes.len(), 0)
                }
            };
            *event = Event::InlineHtml(CowStr::from(format!(
                "<sup id=\"{}\" role=\"doc-noteref\"><a href=\"#fn:{}\" class=\"footnote\" \
                 rel=\"footnote\">{number}</a></sup>",
                reference_id(&label, earlier),
                escape_attr(&label),
            )));
        }
    }
    if notes.is_empty() {
        return;
    }
    let mut list = String::from("<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol>\n");
    for (label, references) in &notes {
        let mut note = String::new();
        let events = definitions.remove(label).unwrap_or_default();
        pulldown_cmark::html::push_html(&mut note, events.into_iter());
        let links: Vec<String> = (0..*references).map(|k| backlink(label, k)).collect();
        let trimmed = note.trim_end();
        match trimmed.strip_suffix("</p>") {
            Some(before) => {
                note = format!("{before}\u{a0}{}</p>\n", links.join("\u{a0}"));
            }
            None => {
                note = format!("{trimmed}\n<p>{}</p>\n", links.join("\u{a0}"));
            }
        }
        list.push_str(&format!(
            "    <li id=\"fn:{}\" role=\"doc-endnote\">\n{note}    </li>\n",
            escape_attr(label)
        ));
    }
    list.push_str("  </ol>\n</div>\n");
    if let Some(last) = blocks.last_mut() {
        last.push(Event::Html(CowStr::from(list)));
    }
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
