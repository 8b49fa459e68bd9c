//! Math as kramdown writes it for MathJax (its default math engine): `$$...$$` alone in a
//! paragraph is a display block, `\[...\]`; inside a paragraph it is inline, `\(...\)`. A
//! single `$` is no math in kramdown: `$x$` stays as written.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::escape_text;

/// Rewrite the math of one top-level block's events.
pub(crate) fn kramdown_math(events: &mut Vec<Event<'_>>) {
    // A paragraph of one `$$...$$` (in a list item or a quotation too) is a math block.
    let alone = |w: &[Event<'_>]| {
        matches!(
            w,
            [
                Event::Start(Tag::Paragraph),
                Event::DisplayMath(_),
                Event::End(TagEnd::Paragraph)
            ]
        )
    };
    if events.windows(3).any(alone) {
        let mut out = Vec::with_capacity(events.len());
        for event in std::mem::take(events) {
            out.push(event);
            let n = out.len();
            if n >= 3 && alone(&out[n - 3..]) {
                let Event::DisplayMath(math) = &out[n - 2] else {
                    continue;
                };
                let block = format!("\\[{}\\]\n", escape_text(math.trim()));
                out.truncate(n - 3);
                out.push(Event::Html(CowStr::from(block)));
            }
        }
        *events = out;
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
            (
                "1. Item\n\n    $$\n    x < y\n    $$\n\n    after\n",
                "<ol>\n<li>\n<p>Item</p>\n\\[x &lt; y\\]\n<p>after</p>\n</li>\n</ol>\n",
            ),
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
