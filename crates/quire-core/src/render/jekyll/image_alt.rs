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

/// `alt` with kramdown's backslash escapes taken, and its character references (`&#124;`,
/// `&amp;`) read as the characters they stand for (kramdown writes them into the
/// attribute as they are, where the browser reads them).
fn unescaped(alt: &str) -> String {
    let mut out = String::with_capacity(alt.len());
    let mut chars = alt.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match chars.peek() {
            Some(&(_, next)) if c == '\\' && ESCAPABLE.contains(next) => {
                out.push(next);
                chars.next();
            }
            _ if c == '&' => match reference(&alt[at..]) {
                Some((len, decoded)) => {
                    out.push_str(&decoded);
                    while chars.peek().is_some_and(|&(i, _)| i < at + len) {
                        chars.next();
                    }
                }
                None => out.push(c),
            },
            _ => out.push(c),
        }
    }
    out
}

/// The length and text of the character reference `text` starts with, if it is one the
/// Markdown parser knows.
pub(super) fn reference(text: &str) -> Option<(usize, String)> {
    let end = text.find(';')? + 1;
    let name = &text[1..end - 1];
    let plain = |c: char| c.is_ascii_alphanumeric() || c == '#';
    if name.is_empty() || name.len() > 32 || !name.chars().all(plain) {
        return None;
    }
    let mut events = pulldown_cmark::Parser::new(&text[..end]);
    let (Some(Event::Start(Tag::Paragraph)), Some(Event::Text(decoded))) =
        (events.next(), events.next())
    else {
        return None;
    };
    (decoded.as_ref() != &text[..end]).then(|| (end, decoded.to_string()))
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
            (
                "![Feb 26 &#124; Montreal &amp; &nope; &](x.png)\n",
                "Feb 26 | Montreal &amp; &amp;nope; &amp;",
            ),
            ("![x\n*y*][r]\n\n[r]: /r.png\n", "x\n*y*"),
            ("[![in `link`](i.png)](/l)\n", "in `link`"),
            ("![a ![b](c.png) d](e.png)\n", "a ![b](c.png) d"),
            // In a block read again as kramdown reads it (a lazy nested list).
            ("1. Step\n  * sub ![c `d`](y.png)\n", "c `d`"),
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
