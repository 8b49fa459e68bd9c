//! kramdown's quotation goes on to the next blank line: every line right under it is
//! its text (a lazy line), a list item, a heading or a fence too (kramdown's
//! `parse_blockquote` reads lines up to its `LAZY_END`: a blank line, an attribute list,
//! the end-of-block mark, block HTML). CommonMark ends a quotation at a line that opens
//! any block but a paragraph's, so `> Note.` then `- item` is a quotation and a list to
//! it and one quotation holding a list in Jekyll's page.

use core::ops::Range;

/// The quotation the parser found on the lines from `start` to `next` (where the next
/// block starts) of `text`, with the lines right under it that kramdown reads as its own:
/// their range and the quotation's Markdown with a `> ` before each of them. `None` when
/// no line goes on the quotation, or when one might that is read otherwise here (block
/// HTML, Liquid's tags, math, a note).
pub(crate) fn lazy_quote(text: &str, start: usize, next: usize) -> Option<(Range<usize>, String)> {
    let quote = text.get(start..next)?;
    let last = quote
        .strip_suffix('\n')
        .unwrap_or(quote)
        .rsplit('\n')
        .next()
        .unwrap_or("");
    let marker = |line: &str| line.trim().trim_end_matches('\r') == "^";
    if last.trim().is_empty() || quote.lines().any(marker) {
        return None;
    }
    let mut end = next;
    let mut lazy = String::new();
    for line in text[next..].split_inclusive('\n') {
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        if line.trim().is_empty() || marker(line) || indent <= 3 && trimmed.starts_with("{:") {
            break;
        }
        if ["<", "{%", "$$", "[^"]
            .iter()
            .any(|p| trimmed.starts_with(p))
        {
            return None;
        }
        if indent <= 3 && trimmed.starts_with('>') {
            lazy.push_str(line);
        } else {
            lazy.push_str("> ");
            lazy.push_str(line);
        }
        end += line.len();
    }
    if lazy.is_empty() {
        return None;
    }
    let mut markdown = quote.to_string();
    if !markdown.ends_with('\n') {
        markdown.push('\n');
    }
    markdown.push_str(&lazy);
    Some((start..end, markdown))
}

#[cfg(test)]
mod tests {
    use super::super::jekyll_html as jekyll;
    use super::lazy_quote;

    /// As Jekyll 4.3.1 writes them (Hux Blog's notes on Software Foundations write
    /// `> These generated principles follow a similar pattern.` then `- induction ...`).
    #[test]
    fn lines_under_a_quotation_are_its_own() {
        let tight = |html: String| html.split_whitespace().collect::<String>();
        let md = "> These generated.\n- induction\n- proof?\n\nafter\n\n> quote\n# heading\n\n\
                  > q2\n1. one\n2. two\n\n> q3\n```\ncode\n```\n\n> q5\n\n- apart\n";
        assert_eq!(
            tight(jekyll(md)),
            tight(
                "<blockquote><p>These generated.</p><ul><li>induction</li><li>proof?</li></ul>\
                 </blockquote><p>after</p><blockquote><p>quote</p><h1 id=\"heading\">heading</h1>\
                 </blockquote><blockquote><p>q2</p><ol><li>one</li><li>two</li></ol></blockquote>\
                 <blockquote><p>q3</p><div class=\"language-plaintext highlighter-rouge\">\
                 <div class=\"highlight\"><pre class=\"highlight\"><code>code\n</code></pre>\
                 </div></div></blockquote><blockquote><p>q5</p></blockquote><ul><li>apart</li></ul>"
                    .to_string()
            )
        );
        // Nothing under it, a blank line, block HTML: as CommonMark reads it.
        for text in ["> a\n", "> a\n\n- b\n", "> a\n<div>\nb\n</div>\n"] {
            let next = text.find('\n').map_or(text.len(), |i| i + 1);
            assert!(lazy_quote(text, 0, next).is_none(), "{text:?}");
        }
    }
}
