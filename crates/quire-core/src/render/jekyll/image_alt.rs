//! An image's alternative text as kramdown writes it: the text between `![` and `]` as
//! written, only its backslash escapes taken (kramdown's `ESCAPED_CHARS`), where CommonMark
//! writes the plain text of the parsed content (`![the `x` module](p.png)` keeps its
//! backticks in Jekyll's page; the code span's HTML must not become the attribute's text).
//! Liquid in it is filled in when the site is known, else kept as written.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// The characters a backslash escapes in kramdown's text.
const ESCAPABLE: &str = "\\.*_+`<>()[]{}#!:|\"'$=-";

/// The events of a block, each image's content made one text: its alternative text.
#[derive(Default)]
pub(crate) struct ImageAlts {
    /// The open image's start in the text, and where its content read so far ends.
    open: Option<(usize, usize)>,
    /// Images open inside it (their events are part of its text).
    nested: usize,
}

impl ImageAlts {
    /// `event` (at `range` of `text`) and what comes with it: nothing inside an image,
    /// the image's text before its end.
    pub(crate) fn feed<'a>(
        &mut self,
        event: Event<'a>,
        range: Range<usize>,
        text: &str,
    ) -> [Option<(Event<'a>, Range<usize>)>; 2] {
        let Some((start, content_end)) = self.open else {
            if matches!(event, Event::Start(Tag::Image { .. })) {
                self.open = Some((range.start, range.start + 2));
            }
            return [Some((event, range)), None];
        };
        match event {
            Event::Start(Tag::Image { .. }) => self.nested += 1,
            Event::End(TagEnd::Image) if self.nested > 0 => self.nested -= 1,
            Event::End(TagEnd::Image) => {
                self.open = None;
                let from = (start + 2).min(text.len());
                let end = text[content_end.clamp(from, text.len())..]
                    .find(']')
                    .map_or(from, |i| content_end.max(from) + i);
                let alt = unescaped(&text[from..end]);
                return [
                    Some((Event::Text(CowStr::from(alt)), from..end)),
                    Some((event, range)),
                ];
            }
            _ => {}
        }
        self.open = Some((start, content_end.max(range.end)));
        [None, None]
    }
}

/// `alt` with kramdown's backslash escapes taken.
fn unescaped(alt: &str) -> String {
    let mut out = String::with_capacity(alt.len());
    let mut chars = alt.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek() {
            Some(&next) if c == '\\' && ESCAPABLE.contains(next) => {
                out.push(next);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::jekyll_html as jekyll;

    /// Alternative texts as Jekyll 4.3.1 writes them.
    #[test]
    fn alternative_text_is_the_source_text() {
        for (md, alt) in [
            (
                "![Screenshot of the `Ecto.Repo` module](p.png)\n",
                "Screenshot of the `Ecto.Repo` module",
            ),
            (
                "![a *b* `c` <b>d</b> **e**](x.png)\n",
                "a *b* `c` &lt;b&gt;d&lt;/b&gt; **e**",
            ),
            (
                "![a\\_b \"q\" -- y...](x.png)\n",
                "a_b &quot;q&quot; -- y...",
            ),
            ("![](e.png)\n", ""),
            ("![x\n*y*][r]\n\n[r]: /r.png\n", "x\n*y*"),
            ("[![in `link`](i.png)](/l)\n", "in `link`"),
            ("![a ![b](c.png) d](e.png)\n", "a ![b](c.png) d"),
        ] {
            let html = jekyll(md);
            assert!(html.contains(&format!(" alt=\"{alt}\"")), "{md:?}: {html}");
        }
        // Text after the image is read as before.
        assert_eq!(
            jekyll("![`a`](x.png) and `b` *c*\n"),
            "<p><img src=\"x.png\" alt=\"`a`\" /> and <code class=\"language-plaintext \
             highlighter-rouge\">b</code> <em>c</em></p>\n"
        );
    }
}
