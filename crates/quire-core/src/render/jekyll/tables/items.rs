//! A list item's or a quotation's text whose every line holds a `|`, which kramdown reads
//! as a table there (`tables.rs` reads such paragraphs at the top level).

use std::collections::VecDeque;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::super::table_pipes::mark_line;
use super::super::typography::inline;
use super::separator_line;

/// A list item's or a quotation's text (a tight item's, or a paragraph in either) whose
/// every line holds a `|`: kramdown reads it as a table (its rows one body, no head) there,
/// where GFM wants a delimiter row. Lines with a pipe inside a span (a link's text,
/// emphasis) or a delimiter row of their own are left as they are, and so is an item's
/// text with a code block or block HTML right under it (kramdown's table ends at a block
/// boundary). `blank_after`: per item in order, whether a blank line follows its first
/// paragraph (`ItemParagraphs`).
pub(crate) fn item_tables(events: &mut Vec<Event<'_>>, blank_after: &[bool]) {
    let piped = |e: &Event<'_>| matches!(e, Event::Text(t) if t.contains('|'));
    let container = |e: &Event<'_>| matches!(e, Event::Start(Tag::Item | Tag::BlockQuote(_)));
    if !events.iter().any(piped) || !events.iter().any(container) {
        return;
    }
    let mut out = Vec::with_capacity(events.len());
    let mut rest: VecDeque<Event<'_>> = std::mem::take(events).into();
    // Items and quotations open, and the items started so far.
    let mut containers = 0usize;
    let mut items = 0usize;
    while let Some(event) = rest.pop_front() {
        let paragraph = matches!(event, Event::Start(Tag::Paragraph)) && containers > 0;
        // An item's first paragraph, with no blank line under it.
        let first_paragraph = paragraph
            && matches!(out.last(), Some(Event::Start(Tag::Item)))
            && !blank_after
                .get(items.wrapping_sub(1))
                .copied()
                .unwrap_or(true);
        // A tight item's text (a paragraph in it is taken as one of its own).
        let item = matches!(event, Event::Start(Tag::Item))
            && !matches!(rest.front(), Some(Event::Start(Tag::Paragraph)));
        match &event {
            Event::Start(Tag::Item) => {
                containers += 1;
                items += 1;
            }
            Event::Start(Tag::BlockQuote(_)) => containers += 1,
            Event::End(TagEnd::Item | TagEnd::BlockQuote(_)) => {
                containers = containers.saturating_sub(1)
            }
            _ => {}
        }
        if !paragraph && !item {
            out.push(event);
            continue;
        }
        // The text: up to the first block (or the paragraph's end).
        let mut text = Vec::new();
        let mut depth = 0usize;
        while let Some(next) = rest.front() {
            let ends = match next {
                Event::Start(tag) if depth == 0 && !inline(tag) => true,
                Event::End(TagEnd::Paragraph | TagEnd::Item) if depth == 0 => true,
                // A block written as HTML already (a code block).
                Event::Html(_) if depth == 0 => true,
                _ => false,
            };
            if ends {
                break;
            }
            match next {
                Event::Start(_) => depth += 1,
                Event::End(_) => depth = depth.saturating_sub(1),
                _ => {}
            }
            text.extend(rest.pop_front());
        }
        // A code block or block HTML right under the text.
        let under = if item { rest.front() } else { rest.get(1) };
        let block_under = (item || first_paragraph) && matches!(under, Some(Event::Html(_)));
        match table_of(&text).filter(|_| !block_under) {
            Some(table) => {
                if paragraph {
                    if matches!(rest.front(), Some(Event::End(TagEnd::Paragraph))) {
                        rest.pop_front();
                    }
                } else {
                    out.push(event);
                }
                out.extend(table);
            }
            None => {
                out.push(event);
                out.extend(text);
            }
        }
    }
    *events = out;
}

/// `text` (inline events) as a table's events, when every line holds a `|` outside spans
/// and no span goes on from one line to the next.
fn table_of<'a>(text: &[Event<'a>]) -> Option<Vec<Event<'a>>> {
    let lines: Vec<&[Event<'a>]> = text
        .split(|e| matches!(e, Event::SoftBreak | Event::HardBreak))
        .collect();
    let html = |s: &str| Event::Html(CowStr::from(s.to_string()));
    let mut out = vec![html("<table>\n<tbody>\n")];
    for line in lines {
        let mut cells: Vec<Vec<Event<'a>>> = vec![Vec::new()];
        let mut depth = 0usize;
        let mut pipes = 0;
        for event in line {
            match event {
                Event::Start(_) => depth += 1,
                // A span opened on a line above: the rows would not nest.
                Event::End(_) if depth == 0 => return None,
                Event::End(_) => depth -= 1,
                Event::Text(t) if t.contains('|') => {
                    // A pipe in Liquid (`{{ x | f }}`, which Jekyll writes before kramdown
                    // reads the line) is marked, as in a table's rows: it splits no cell.
                    let mut marked = String::with_capacity(t.len());
                    mark_line(t, &mut marked);
                    let free: Vec<usize> = marked.match_indices('|').map(|(at, _)| at).collect();
                    if free.is_empty() {
                        if let Some(cell) = cells.last_mut() {
                            cell.push(event.clone());
                        }
                        continue;
                    }
                    if depth > 0 {
                        return None;
                    }
                    let mut from = 0;
                    for at in free {
                        if let Some(cell) = cells.last_mut() {
                            cell.push(Event::Text(CowStr::from(t[from..at].to_string())));
                        }
                        cells.push(Vec::new());
                        pipes += 1;
                        from = at + 1;
                    }
                    if let Some(cell) = cells.last_mut() {
                        cell.push(Event::Text(CowStr::from(t[from..].to_string())));
                    }
                    continue;
                }
                _ => {}
            }
            if let Some(cell) = cells.last_mut() {
                cell.push(event.clone());
            }
        }
        let blank = |cell: &[Event<'_>]| {
            cell.iter()
                .all(|e| matches!(e, Event::Text(t) if t.trim().is_empty()))
        };
        let row = line_text(line);
        // A span open past the line's end (or no pipe, or a delimiter row): no table.
        if depth > 0 || pipes == 0 || separator_line(&row) {
            return None;
        }
        // A pipe at the line's start or end bounds it (no empty cell before or after).
        if row.trim_start().starts_with('|') && cells.first().is_some_and(|c| blank(c)) {
            cells.remove(0);
        }
        if row.trim_end().ends_with('|') && cells.last().is_some_and(|c| blank(c)) {
            cells.pop();
        }
        out.push(html("<tr>\n"));
        for mut cell in cells {
            trim_cell(&mut cell);
            out.push(html("<td>"));
            if cell.is_empty() {
                out.push(Event::Text(CowStr::Borrowed(super::EMPTY_CELL)));
            }
            out.extend(cell);
            out.push(html("</td>\n"));
        }
        out.push(html("</tr>\n"));
    }
    out.push(html("</tbody>\n</table>\n"));
    Some(out)
}

/// A line's text outside code spans (enough to know a delimiter row and a bounding pipe).
fn line_text(line: &[Event<'_>]) -> String {
    line.iter()
        .filter_map(|e| match e {
            Event::Text(t) => Some(t.as_ref()),
            Event::Code(_) | Event::InlineHtml(_) => Some("x"),
            _ => None,
        })
        .collect()
}

/// A cell's white space at its ends taken out.
fn trim_cell(cell: &mut Vec<Event<'_>>) {
    if let Some(Event::Text(t)) = cell.first_mut() {
        *t = CowStr::from(t.trim_start().to_string());
    }
    if let Some(Event::Text(t)) = cell.last_mut() {
        *t = CowStr::from(t.trim_end().to_string());
    }
    cell.retain(|e| !matches!(e, Event::Text(t) if t.is_empty()));
}

#[cfg(test)]
mod tests {
    use super::super::super::jekyll_html;

    /// As Jekyll 4.3.1 writes them.
    #[test]
    fn an_items_lines_each_with_a_pipe_are_a_table_in_it() {
        let md = "- item a | b\n- | lead | trail |\n- plain item\n- two | lines\n  second | row\n\
                  - code `x|y` here\n- mixed | line\n  no pipe here\n\n- *em* | **b** c\n  - nested | n\n";
        let row = |a: &str, b: &str| format!("<tr>\n<td>{a}</td>\n<td>{b}</td>\n</tr>\n");
        let table =
            |rows: &[String]| format!("<table>\n<tbody>\n{}</tbody>\n</table>\n", rows.concat());
        let expected = format!(
            "<ul>\n<li>{}</li>\n<li>{}</li>\n<li>plain item</li>\n<li>{}</li>\n\
             <li>code <code class=\"language-plaintext highlighter-rouge\">x|y</code> here</li>\n\
             <li>\n<p>mixed | line\nno pipe here</p>\n</li>\n<li>{}<ul>\n<li>{}</li>\n</ul>\n</li>\n</ul>\n",
            table(&[row("item a", "b")]),
            table(&[row("lead", "trail")]),
            table(&[row("two", "lines"), row("second", "row")]),
            table(&[row("<em>em</em>", "<strong>b</strong> c")]),
            table(&[row("nested", "n")]),
        );
        assert_eq!(jekyll_html(md), expected);
        // A pipe written as a character reference is text (the Rust blog's list of
        // names), in an item and in a quotation, as Jekyll 4.3.1 writes it.
        assert_eq!(
            jekyll_html("* bors\n* Carol (Nichols &#124;&#124; Goulding)\n\n> q &#x7c; r\n"),
            "<ul>\n<li>bors</li>\n<li>Carol (Nichols || Goulding)</li>\n</ul>\n<blockquote>\n<p>q | r</p>\n</blockquote>\n"
        );
        // A pipe in Liquid is Liquid's (Jekyll writes it first; the preview shows the
        // filters it does not run as Liquid).
        let liquid = |l: &str| {
            format!("<span class=\"liquid\" title=\"Liquid: Jekyll fills this in\">{l}</span>")
        };
        assert_eq!(
            jekyll_html("- {{ \"t\" | upcase }}\n- a | {{ \"x\" | upcase }} b\n"),
            format!(
                "<ul>\n<li>{}</li>\n<li>{}</li>\n</ul>\n",
                liquid("{{ \"t\" | upcase }}"),
                table(&[row("a", &format!("{} b", liquid("{{ \"x\" | upcase }}")))])
            )
        );
        // A span going on from one row to the next: kramdown reads each cell alone (the
        // markers text); here the spans are parsed before the rows, so the lines are left
        // as they are rather than written as rows that do not nest.
        assert_eq!(
            jekyll_html("* | a *b | c\n  | d | e* f\n"),
            "<ul>\n<li>| a <em>b | c\n| d | e</em> f</li>\n</ul>\n"
        );
        // In a quotation too.
        assert_eq!(
            jekyll_html("> quote a | b\n> c | d\n\nText\n\n> plain\n> x | y\n"),
            format!(
                "<blockquote>\n{}</blockquote>\n<p>Text</p>\n<blockquote>\n<p>plain\nx | y</p>\n</blockquote>\n",
                table(&[row("quote a", "b"), row("c", "d")])
            )
        );
        // A pipe after a backslash is text (scala-lang.org's release notes): no table.
        assert_eq!(
            jekyll_html("- levels (warn \\| error) in REPL\n- e \\\\| f\n"),
            "<ul>\n<li>levels (warn | error) in REPL</li>\n<li>e \\| f</li>\n</ul>\n"
        );
        // A code block right under the text: no block boundary, no table (tight item or
        // loose).
        let code = "<div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>x\n</code></pre></div></div>\n";
        assert_eq!(
            jekyll_html("- i\n- a | b\n  ```\n  x\n  ```\n- c\n"),
            format!("<ul>\n<li>i</li>\n<li>a | b\n{code}</li>\n<li>c</li>\n</ul>\n")
        );
        assert_eq!(
            jekyll_html("- a | b\n  ```\n  x\n  ```\n\n- c\n"),
            format!("<ul>\n<li>a | b\n{code}</li>\n<li>c</li>\n</ul>\n")
        );
        // After an item opening with a table, the last item's text is no paragraph.
        assert_eq!(
            jekyll_html("1. loose | one\n\n2. loose two\n\nQ\n"),
            format!(
                "<ol>\n<li>{}</li>\n<li>loose two</li>\n</ol>\n<p>Q</p>\n",
                table(&[row("loose", "one")])
            )
        );
    }
}
