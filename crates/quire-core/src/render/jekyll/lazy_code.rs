//! kramdown's indented code block takes the lines right under it that are not indented
//! (its lazy lines) and joins each to the line above with a space (`parse_codeblock`:
//! `data.gsub!(/\n( {0,3}\S)/, ' \1')`): `    end` over a lone "```" is the code
//! `end ```, where CommonMark ends the code block and opens a fence that takes the rest
//! of the post. Only a line opening an attribute list (`{:`), the end-of-block marker
//! `^` or the tag of an element that is not a span element stops it; a heading, a list
//! item or a fence is a lazy line too. Each such line's `\n` is written as a space
//! before the text is parsed (offsets hold), under the indented code blocks the parser
//! finds at the top level and in list items: there, only a line left of the text of the
//! outermost item that opens no list item (the list's), as CommonMark may see an item
//! where kramdown does not (after a `^` line) and kramdown would take an item's
//! indentation off a line at its text's column before joining it, where here offsets
//! hold. In a quotation or a note an indented line is theirs.

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
    // Each code block's end and the column its lines are read from (a list item's text's).
    let mut ends = Vec::new();
    let mut open: Vec<Container> = Vec::new();
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Indented))
                if !open.contains(&Container::Other) =>
            {
                let column = |c: &Container| match c {
                    Container::Item(column) => Some(*column),
                    _ => None,
                };
                // The innermost item's text's column, and the outermost's.
                let base = open.iter().rev().find_map(column);
                let outer = open.iter().find_map(column);
                ends.push((range.end, base.zip(outer)));
                open.push(Container::Other);
            }
            Event::Start(Tag::Item) => open.push(Container::Item(item_column(text, range.start))),
            Event::Start(Tag::List(_)) => open.push(Container::List),
            Event::Start(_) => open.push(Container::Other),
            Event::End(_) => {
                open.pop();
            }
            _ => {}
        }
    }
    let mut joins = Vec::new();
    for (end, item) in ends {
        let base = item.map_or(0, |(base, _)| base);
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
            } else if columns(content) >= base + 4 {
                blank_before = false;
            } else if blank_before
                || !lazy(content.trim_start_matches(' '))
                || at == 0
                || item.is_some_and(|(_, outer)| {
                    columns(content) >= outer || list_item_start(content.trim_start_matches(' '))
                })
            {
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

/// A container of a code block to [`join_lazy_code_lines`]: a list item with the column
/// of its text, or another.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Container {
    List,
    Item(usize),
    Other,
}

/// The column of a list item's text, the item's marker at `start` of `text`: after the
/// marker and the one to four spaces after it (one when more, or none, follow it).
fn item_column(text: &str, start: usize) -> usize {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let rest = &text[start..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let marker = if digits > 0 { digits + 1 } else { 1 };
    let after = rest.get(marker..).unwrap_or("");
    let spaces = after.bytes().take_while(|&b| b == b' ').count();
    let rest_blank = after[spaces..].starts_with(['\n', '\r']) || after[spaces..].is_empty();
    let gap = if spaces == 0 || spaces > 4 || rest_blank {
        1
    } else {
        spaces
    };
    // (What comes before the marker on its line: white space, or an outer item's marker.)
    text[line_start..start].chars().count() + marker + gap
}

/// Whether a line (without its leading spaces) opens a list item: left of an item's text,
/// it ends the item's code block rather than joins it (a sibling item to kramdown).
fn list_item_start(trimmed: &str) -> bool {
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    let after = match digits {
        0 if trimmed.starts_with(['-', '+', '*']) => &trimmed[1..],
        0 => return false,
        _ => match trimmed[digits..].strip_prefix('.') {
            Some(after) => after,
            None => return false,
        },
    };
    after.starts_with([' ', '\t'])
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

    /// In a list item, as Jekyll 4.3.1 writes it (ruby-lang.org's Japanese news of
    /// 2015-08-18: a heading right under an item's checksums is code).
    #[test]
    fn lazy_lines_join_an_items_code() {
        let html = jekyll(
            "* item\n\n      code in item\n## lazy2\n* sibling\n\n\
             - x\n  - y\n\n        deep\nlazy deep\n",
        );
        // A line left of the item's text joins as it is.
        assert!(
            html.contains("<code>code in item ## lazy2\n</code>"),
            "{html}"
        );
        assert!(html.contains("<code>deep lazy deep\n</code>"), "{html}");
        // (One at an outer item's text's column is left: kramdown takes the item's
        // indentation off before it joins the line.)
        assert!(html.contains("<li>\n<p>sibling</p>"), "{html}");
        assert!(!html.contains("<h2"), "{html}");
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
