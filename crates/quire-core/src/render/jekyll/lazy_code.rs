//! kramdown's indented code block takes the lines right under it that are not indented
//! (its lazy lines) and joins each to the line above with a space (`parse_codeblock`:
//! `data.gsub!(/\n( {0,3}\S)/, ' \1')`): `    end` over a lone "```" is the code
//! `end ```, where CommonMark ends the code block and opens a fence that takes the rest
//! of the post. Only a line opening an attribute list (`{:`), the end-of-block marker
//! `^` or the tag of an element that is not a span element stops it; a heading, a list
//! item or a fence is a lazy line too. Each such line's `\n` is written as a space
//! before the text is parsed (offsets hold), under the top-level indented code blocks the
//! parser finds (inside a list or a note an indented line is the item's or the note's).

use std::borrow::Cow;

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag};

use super::html_blocks::SPAN_ELEMENTS;

/// `text` with the line breaks before the lazy lines of its top-level indented code
/// blocks written as spaces; borrowed when it has none. The parser tells where such code
/// blocks are (`options`, the body's), as a window's parse from a block's start reads
/// them too.
pub(crate) fn join_lazy_code_lines(text: &str, options: Options) -> Cow<'_, str> {
    if !may_hold(text) {
        return Cow::Borrowed(text);
    }
    let mut ends = Vec::new();
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)) if depth == 0 => {
                ends.push(range.end);
                depth += 1;
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    let mut joins = Vec::new();
    for end in ends {
        // The block's end, at a line's start: the lines from there.
        let mut at = text[..end].rfind('\n').map_or(0, |i| i + 1);
        if at < end {
            at = text[end..].find('\n').map_or(text.len(), |i| end + i + 1);
        }
        // (A blank line the block's range took in ends it for kramdown too.)
        let mut blank_before = text[..at].strip_suffix('\n').is_some_and(|above| {
            above
                .rsplit('\n')
                .next()
                .is_some_and(|l| l.trim().is_empty())
        });
        while at < text.len() {
            let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
            let content = text[at..line_end].trim_end_matches(['\n', '\r']);
            if content.trim().is_empty() {
                blank_before = true;
            } else if columns(content) >= 4 {
                blank_before = false;
            } else if blank_before || !lazy(content.trim_start_matches(' ')) || at == 0 {
                break;
            } else {
                joins.push(at - 1);
            }
            at = line_end;
        }
    }
    if joins.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = text.as_bytes().to_vec();
    for at in joins {
        out[at] = b' ';
    }
    // Only `\n` bytes became spaces: still UTF-8.
    Cow::Owned(String::from_utf8(out).unwrap_or_else(|_| text.to_string()))
}

/// Whether `text` may hold an indented code block with a lazy line under it (a cheap test
/// first): an indented line with a line that is not indented right under it. (Which
/// indented lines are top-level code only the parser tells: a narrower test here would
/// let a window's parse and the whole's disagree.)
fn may_hold(text: &str) -> bool {
    if !(text.starts_with("    ")
        || text.starts_with('\t')
        || text.contains("\n    ")
        || text.contains("\n\t"))
    {
        return false;
    }
    text.lines().zip(text.lines().skip(1)).any(|(above, line)| {
        !above.trim().is_empty()
            && columns(above) >= 4
            && !line.trim().is_empty()
            && columns(line) < 4
    })
}

/// The columns of white space a line opens with (a tab to the next multiple of four).
fn columns(line: &str) -> usize {
    let mut width = 0;
    for b in line.bytes() {
        match b {
            b' ' => width += 1,
            b'\t' => width += 4 - width % 4,
            _ => break,
        }
    }
    width
}

/// Whether a line (without its leading spaces) right under a code block's line is one of
/// the block's lazy lines to kramdown.
fn lazy(trimmed: &str) -> bool {
    if trimmed.starts_with("{:") && !trimmed.starts_with("{::") || trimmed.trim_end() == "^" {
        return false;
    }
    let tag = trimmed
        .strip_prefix("</")
        .or_else(|| trimmed.strip_prefix('<'));
    let Some(tag) = tag else {
        return true;
    };
    let name: String = tag
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | ':' | '_' | '.'))
        .collect();
    !tag.starts_with(|c: char| c.is_ascii_alphabetic()) || SPAN_ELEMENTS.contains(&name.as_str())
}

#[cfg(test)]
mod tests {
    use super::super::jekyll_html as jekyll;
    use super::join_lazy_code_lines;
    use pulldown_cmark::Options;

    fn code(c: &str) -> String {
        format!(
            "<div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\">\
             <pre class=\"highlight\"><code>{c}</code></pre></div></div>\n"
        )
    }

    /// As Jekyll 4.3.1 (kramdown 2.4, GFM input) writes them (Artsy's 2012 posts close
    /// their indented code with a lone fence, from an Octopress `codeblock`).
    #[test]
    fn lazy_lines_join_the_code_above_them() {
        assert_eq!(
            jekyll("Source:\n\n    class A\n      x\n    end\n```\n\nWe derive.\n"),
            format!(
                "<p>Source:</p>\n{}<p>We derive.</p>\n",
                code("class A\n  x\nend ```\n")
            )
        );
        assert_eq!(
            jekyll("para\n\n    code\n# Heading\n- item\ntext\n\nafter\n"),
            format!(
                "<p>para</p>\n{}<p>after</p>\n",
                code("code # Heading - item text\n")
            )
        );
        // Its spaces stay; a tab-indented line is code; after a blank line it is not lazy.
        assert_eq!(
            jekyll("    c5\n  two\n\tthree\n\nfour\n"),
            format!("{}<p>four</p>\n", code("c5   two\nthree\n"))
        );
        // Under a heading, code starts without a blank line.
        assert_eq!(
            jekyll("# H\n    code2\nlazy2\n"),
            format!("<h1 id=\"h\">H</h1>\n{}", code("code2 lazy2\n"))
        );
    }

    #[test]
    fn block_tags_attribute_lists_and_containers_stop_it() {
        let html = jekyll("    c4\n<div>x</div>\n");
        assert!(html.starts_with(&code("c4\n")), "{html}");
        assert!(html.contains("<div>x</div>"), "{html}");
        let html = jekyll("    c\n{: .x}\n\nafter\n");
        assert!(html.contains("<code>c\n</code>"), "{html}");
        // A span element's tag is a lazy line.
        let html = jekyll("    c\n<em>x</em>\n");
        assert!(
            html.contains("<code>c &lt;em&gt;x&lt;/em&gt;\n</code>"),
            "{html}"
        );
        // An item's indented paragraph and a paragraph's indented line are no code.
        for text in [
            "- item\n\n    itemcode\nlazy4\n",
            "para\n    more\nlazy\n",
            "> q\n    more\nlazy\n",
            "```\n    fenced\nlazy\n```\n",
        ] {
            assert_eq!(join_lazy_code_lines(text, Options::all()), text, "{text:?}");
        }
        // A note's indented paragraph, as Jekyll writes it.
        let html = jekyll("Text[^1].\n\n[^1]: note\n\n    more\nlazy\n");
        assert!(
            html.contains("<p>more\nlazy\u{a0}<a href=\"#fnref:1\""),
            "{html}"
        );
    }
}
