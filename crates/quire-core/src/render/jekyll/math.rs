//! Math as kramdown writes it for MathJax (its default math engine): `$$...$$` alone in a
//! paragraph is a display block, `\[...\]`; inside a paragraph it is inline, `\(...\)`. A
//! single `$` is no math in kramdown: `$x$` stays as written.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::escape_text;

/// Rewrite the math of one top-level block's events.
pub(crate) fn kramdown_math(events: &mut Vec<Event<'_>>) {
    if let [Event::Start(Tag::Paragraph), Event::DisplayMath(math), Event::End(TagEnd::Paragraph)] =
        events.as_slice()
    {
        let block = format!("\\[{}\\]\n", escape_text(math.trim()));
        *events = vec![Event::Html(CowStr::from(block))];
        return;
    }
    for event in events.iter_mut() {
        match event {
            Event::DisplayMath(math) => {
                *event = Event::Text(CowStr::from(format!("\\({}\\)", math.trim())));
            }
            Event::InlineMath(math) => {
                *event = Event::Text(CowStr::from(format!("${math}$")));
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::{render_body, Flavour, Settings};

    /// Expected HTML as Jekyll 4.3.1 (kramdown 2.4, math engine MathJax) writes it.
    #[test]
    fn math_as_kramdown_writes_it() {
        let settings = Settings {
            flavour: Flavour::Jekyll,
            ..Default::default()
        };
        let cases = [
            (
                "Inline $$a_1 + b_1$$ math and prices $5 or $10 and $x$ single.\n",
                "<p>Inline \\(a_1 + b_1\\) math and prices $5 or $10 and $x$ single.</p>\n",
            ),
            ("$$\nE = mc^2\n$$\n", "\\[E = mc^2\\]\n"),
            (
                "Text before\n$$x^2$$\nand after.\n",
                "<p>Text before\n\\(x^2\\)\nand after.</p>\n",
            ),
            (
                "$$\\sum_{i=1}^n i < m$$\n",
                "\\[\\sum_{i=1}^n i &lt; m\\]\n",
            ),
            ("Escaped \\$$ not math.\n", "<p>Escaped $$ not math.</p>\n"),
            // A math block with pipes is no table: kramdown reads math blocks first.
            (
                "Defined as:\n\n$$\\hat{y} = \\arg\\max p(x_i | c)$$\n\nAfter.\n",
                "<p>Defined as:</p>\n\\[\\hat{y} = \\arg\\max p(x_i | c)\\]\n<p>After.</p>\n",
            ),
        ];
        for (md, expected) in cases {
            assert_eq!(render_body(md, &settings), expected, "{md:?}");
        }
    }
}
