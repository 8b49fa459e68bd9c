//! A span element's tag alone on its line inside a loose list's item or a quotation
//! (`<img ...>` under an item's paragraph): CommonMark reads an HTML block there, kramdown
//! a paragraph, as at the top (`regroup.rs`, `span_paragraph`).

use pulldown_cmark::{Event, Tag, TagEnd};

use super::super::super::super::jekyll;
use super::{span_paragraph, Context};

/// `events` (a top-level list's or quotation's) with each such HTML block read as the
/// paragraph kramdown reads.
pub(super) fn span_paragraphs_inside<'a>(context: &Context<'_>, events: &mut Vec<Event<'a>>) {
    let quote = matches!(events.first(), Some(Event::Start(Tag::BlockQuote(_))));
    // A tight list's items hold no paragraphs: their text stays bare either way.
    let loose = quote
        || events
            .iter()
            .any(|e| matches!(e, Event::Start(Tag::Paragraph)));
    if !loose {
        return;
    }
    let mut i = 1;
    while i < events.len() {
        if !matches!(events[i], Event::Start(Tag::HtmlBlock)) {
            i += 1;
            continue;
        }
        let Some(len) = events[i..]
            .iter()
            .position(|e| matches!(e, Event::End(TagEnd::HtmlBlock)))
        else {
            return;
        };
        let html: String = events[i + 1..i + len]
            .iter()
            .filter_map(|e| match e {
                Event::Html(html) => Some(html.as_ref()),
                _ => None,
            })
            .collect();
        let paragraph = (jekyll::span_tag_block(&html) && jekyll::kramdown_pieces(&html).len() < 2)
            .then(|| span_paragraph(context, &html))
            .flatten();
        match paragraph {
            Some((paragraph, _)) => {
                let n = paragraph.len();
                events.splice(i..=i + len, paragraph);
                i += n;
            }
            None => i += len + 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::render::jekyll::jekyll_html as jekyll;

    /// As Jekyll 4.3.1 (kramdown 2.4) writes them (Artsy's post on deprecating KAWS puts
    /// its diagram's `<img>` under an item's paragraph).
    #[test]
    fn a_span_tag_line_in_an_item_or_a_quotation_is_a_paragraph() {
        assert_eq!(
            jekyll("3. Step\n\n   Here:\n\n   <img src=\"/x.png\" alt=\"d\">\n\n## Next\n"),
            "<ol>\n<li>\n<p>Step</p>\n<p>Here:</p>\n<p><img src=\"/x.png\" alt=\"d\" /></p>\n\
             </li>\n</ol>\n<h2 id=\"next\">Next</h2>\n"
        );
        assert_eq!(
            jekyll("> Here:\n>\n> <img src=\"/x.png\" alt=\"d\">\n"),
            "<blockquote>\n<p>Here:</p>\n<p><img src=\"/x.png\" alt=\"d\" /></p>\n</blockquote>\n"
        );
        // The paragraph goes on under it.
        assert_eq!(
            jekyll("- Here:\n\n  <img src=\"/x.png\" alt=\"d\">\n  more *x*\n"),
            "<ul>\n<li>\n<p>Here:</p>\n<p><img src=\"/x.png\" alt=\"d\" />\nmore <em>x</em></p>\n\
             </li>\n</ul>\n"
        );
        // A block element's tag stays block HTML.
        let html = jekyll("- Here:\n\n  <div>x</div>\n");
        assert!(
            html.contains("<div>x</div>") && !html.contains("<p><div>"),
            "{html}"
        );
    }
}
