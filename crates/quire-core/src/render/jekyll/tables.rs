//! Tables as kramdown reads them where GFM reads them otherwise: a separator line
//! (`|---|---|`) among the rows starts another `<tbody>`, a line of `=` the `<tfoot>`;
//! the rows above the first separator line are the head (none: no `<thead>`); lines that
//! each hold a `|` outside code, after a blank line, are a table without a head.
//! [`kramdown_table`] says how such a block's rows divide, and gives a GFM table of the
//! same rows for the parser to read the cells ([`Sections::rebuild`] writes the events).

use pulldown_cmark::{Alignment, CowStr, Event, Tag, TagEnd};

use super::table_pipes::mark_line;

/// A part of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Head,
    Body,
    Foot,
}

impl Part {
    fn tag(self) -> &'static str {
        match self {
            Part::Head => "thead",
            Part::Body => "tbody",
            Part::Foot => "tfoot",
        }
    }
}

/// How a table's rows divide into parts, and the rows as a GFM table (its head a row of
/// empty cells, every row of the table in its body).
#[derive(Debug)]
pub(crate) struct Sections {
    parts: Vec<(Part, usize)>,
    pub(crate) markdown: String,
}

/// Whether `line` is a separator line: only `+|: -` and tabs, with a `-`.
fn separator_line(line: &str) -> bool {
    line.contains('-') && line.chars().all(|c| "+|: \t-".contains(c))
}

/// Whether `line` is a footer separator line: only `+|: =` and tabs, with a `=`.
fn footer_line(line: &str) -> bool {
    line.contains('=') && line.chars().all(|c| "+|: \t=".contains(c))
}

/// Whether `line` holds a `|` that is neither escaped nor in a code span.
fn table_line(line: &str) -> bool {
    let mut marked = String::with_capacity(line.len());
    mark_line(line, &mut marked);
    let bytes = marked.as_bytes();
    (0..bytes.len()).any(|i| bytes[i] == b'|' && (i == 0 || bytes[i - 1] != b'\\'))
}

/// The cells of a row line as kramdown counts them (a leading empty cell dropped when the
/// table's first line starts with `|`, a trailing empty one always).
fn cell_count(line: &str, leading_pipe: bool) -> usize {
    let mut marked = String::with_capacity(line.len());
    mark_line(line, &mut marked);
    let bytes = marked.as_bytes();
    let mut cells: Vec<&str> = Vec::new();
    let mut from = 0;
    for i in 0..bytes.len() {
        if bytes[i] == b'|' && (i == 0 || bytes[i - 1] != b'\\') {
            cells.push(&marked[from..i]);
            from = i + 1;
        }
    }
    cells.push(&marked[from..]);
    if leading_pipe && cells.first().is_some_and(|c| c.trim().is_empty()) {
        cells.remove(0);
    }
    if cells.last().is_some_and(|c| c.trim().is_empty()) {
        cells.pop();
    }
    cells.len()
}

/// The alignments a head's separator line gives its columns.
fn alignments(line: &str) -> Vec<&'static str> {
    line.split(['|', '+'])
        .map(str::trim)
        .filter(|cell| cell.contains('-'))
        .map(|cell| match (cell.starts_with(':'), cell.ends_with(':')) {
            (true, true) => ":-:",
            (true, false) => ":--",
            (false, true) => "--:",
            (false, false) => "---",
        })
        .collect()
}

/// How kramdown divides the table `block` (its lines, from the first line's start), when
/// it differs from a GFM table's one head row and one body; `table` says whether GFM read
/// it as a table (else it is a paragraph, a table to kramdown when every line holds a `|`).
pub(crate) fn kramdown_table(block: &str, table: bool) -> Option<Sections> {
    let lines: Vec<&str> = block
        .lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty())
        .collect();
    if lines.is_empty() || !lines.iter().all(|l| table_line(l) || separator_line(l)) {
        return None;
    }
    let first = *lines.first()?;
    let leading_pipe = first.trim_start().starts_with('|');
    let mut parts: Vec<(Part, usize)> = Vec::new();
    let mut rows: Vec<&str> = Vec::new();
    let mut all_rows: Vec<&str> = Vec::new();
    let mut aligned: Option<Vec<&'static str>> = None;
    let mut has_footer = false;
    for line in &lines {
        // A separator line with no rows above it (at the start, or doubled) is skipped.
        if separator_line(line) {
            if rows.is_empty() {
                continue;
            }
            if aligned.is_none() && !has_footer {
                parts.push((Part::Head, rows.len()));
                aligned = Some(alignments(line));
            } else if !has_footer && !rows.is_empty() {
                parts.push((Part::Body, rows.len()));
            } else {
                continue;
            }
            all_rows.append(&mut rows);
        } else if footer_line(line) {
            if !rows.is_empty() {
                parts.push((Part::Body, rows.len()));
                all_rows.append(&mut rows);
            }
            has_footer = true;
        } else {
            rows.push(line);
        }
    }
    if !rows.is_empty() {
        parts.push((if has_footer { Part::Foot } else { Part::Body }, rows.len()));
        all_rows.append(&mut rows);
    }
    if !parts.iter().any(|(part, _)| *part == Part::Body) {
        return None;
    }
    // A GFM table's own reading: one head row, one body.
    let gfm = matches!(parts.as_slice(), [(Part::Head, 1), (Part::Body, _)])
        && !separator_line(first)
        && lines.get(1).is_some_and(|l| separator_line(l));
    if table && gfm {
        return None;
    }
    let columns = all_rows
        .iter()
        .map(|r| cell_count(r, leading_pipe))
        .max()
        .unwrap_or(1)
        .max(1);
    let mut aligned = aligned.unwrap_or_default();
    aligned.resize(columns, "---");
    let mut markdown = String::with_capacity(block.len() + 8 * columns);
    markdown.push('|');
    markdown.push_str(&" |".repeat(columns));
    markdown.push_str("\n|");
    for a in &aligned {
        markdown.push_str(a);
        markdown.push('|');
    }
    markdown.push('\n');
    for row in &all_rows {
        let row = row.trim();
        // A row must not read as a block of its own (`- a | b`): a leading pipe, which
        // GFM drops as kramdown drops the empty cell before it.
        if !row.starts_with('|') {
            markdown.push_str("| ");
        }
        mark_line(row, &mut markdown);
        markdown.push('\n');
    }
    Some(Sections { parts, markdown })
}

impl Sections {
    /// The table's events from `events`, the parsed [`Sections::markdown`]: its parts as
    /// HTML around the cells' own events.
    pub(crate) fn rebuild<'a>(&self, events: Vec<Event<'a>>) -> Vec<Event<'a>> {
        let mut aligns: Vec<Alignment> = Vec::new();
        let mut out = Vec::with_capacity(events.len() + 8);
        let mut parts = self.parts.iter().copied();
        let mut current: Option<(Part, usize)> = None;
        let mut in_head = false;
        let mut cell = 0usize;
        let html = |s: String| Event::Html(CowStr::from(s));
        for event in events {
            match event {
                Event::Start(Tag::Table(a)) => {
                    aligns = a;
                    out.push(html("<table>\n".to_string()));
                }
                Event::Start(Tag::TableHead) => in_head = true,
                Event::End(TagEnd::TableHead) => in_head = false,
                _ if in_head => {}
                Event::Start(Tag::TableRow) => {
                    if current.is_none_or(|(_, left)| left == 0) {
                        if let Some((part, _)) = current {
                            out.push(html(format!("</{}>\n", part.tag())));
                        }
                        current = parts.next();
                        if let Some((part, _)) = current {
                            out.push(html(format!("<{}>\n", part.tag())));
                        }
                    }
                    if let Some((_, left)) = current.as_mut() {
                        *left = left.saturating_sub(1);
                    }
                    cell = 0;
                    out.push(html("<tr>\n".to_string()));
                }
                Event::End(TagEnd::TableRow) => out.push(html("</tr>\n".to_string())),
                Event::Start(Tag::TableCell) => {
                    let tag = match current {
                        Some((Part::Head, _)) => "th",
                        _ => "td",
                    };
                    let style = match aligns.get(cell) {
                        Some(Alignment::Left) => " style=\"text-align: left\"",
                        Some(Alignment::Center) => " style=\"text-align: center\"",
                        Some(Alignment::Right) => " style=\"text-align: right\"",
                        _ => "",
                    };
                    out.push(html(format!("<{tag}{style}>")));
                }
                Event::End(TagEnd::TableCell) => {
                    let tag = match current {
                        Some((Part::Head, _)) => "th",
                        _ => "td",
                    };
                    out.push(html(format!("</{tag}>\n")));
                    cell += 1;
                }
                Event::End(TagEnd::Table) => {
                    if let Some((part, _)) = current.take() {
                        out.push(html(format!("</{}>\n", part.tag())));
                    }
                    out.push(html("</table>\n".to_string()));
                }
                other => out.push(other),
            }
        }
        out
    }
}

/// A list item's or a quotation's text (a tight item's, or a paragraph in either) whose
/// every line holds a `|`: kramdown reads it as a table (its rows one body, no head) there,
/// where GFM wants a delimiter row. Lines with a pipe inside a span (a link's text,
/// emphasis) or a delimiter row of their own are left as they are.
pub(crate) fn item_tables(events: &mut Vec<Event<'_>>) {
    let piped = |e: &Event<'_>| matches!(e, Event::Text(t) if t.contains('|'));
    let container = |e: &Event<'_>| matches!(e, Event::Start(Tag::Item | Tag::BlockQuote(_)));
    if !events.iter().any(piped) || !events.iter().any(container) {
        return;
    }
    let mut out = Vec::with_capacity(events.len());
    let mut rest = std::mem::take(events).into_iter().peekable();
    // Items and quotations open.
    let mut containers = 0usize;
    while let Some(event) = rest.next() {
        let paragraph = matches!(event, Event::Start(Tag::Paragraph)) && containers > 0;
        // A tight item's text (a paragraph in it is taken as one of its own).
        let item = matches!(event, Event::Start(Tag::Item))
            && !matches!(rest.peek(), Some(Event::Start(Tag::Paragraph)));
        match &event {
            Event::Start(Tag::Item | Tag::BlockQuote(_)) => containers += 1,
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
        while let Some(next) = rest.peek() {
            let ends = match next {
                Event::Start(tag) if depth == 0 && !super::typography::inline(tag) => true,
                Event::End(TagEnd::Paragraph | TagEnd::Item) if depth == 0 => true,
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
            text.extend(rest.next());
        }
        match table_of(&text) {
            Some(table) => {
                if paragraph {
                    rest.next_if(|e| matches!(e, Event::End(TagEnd::Paragraph)));
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

/// `text` (inline events) as a table's events, when every line holds a `|` outside spans.
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
        // Inside Liquid (`{{ x | f }}`, which Jekyll writes before kramdown reads): its
        // closing characters.
        let mut liquid: Option<&str> = None;
        for event in line {
            match event {
                Event::Start(_) => depth += 1,
                Event::End(_) => depth = depth.saturating_sub(1),
                Event::Text(t) if t.contains('|') || t.contains('{') => {
                    let free = free_pipes(t, &mut liquid);
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
        if pipes == 0 || separator_line(&row) {
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
            out.extend(cell);
            out.push(html("</td>\n"));
        }
        out.push(html("</tr>\n"));
    }
    out.push(html("</tbody>\n</table>\n"));
    Some(out)
}

/// Where the pipes of `text` outside Liquid are; `liquid` is the closing characters of the
/// Liquid open at its start, and at its end.
fn free_pipes(text: &str, liquid: &mut Option<&str>) -> Vec<usize> {
    let mut pipes = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let rest = &text[at..];
        if let Some(close) = *liquid {
            match rest.find(close) {
                Some(i) => {
                    at += i + close.len();
                    *liquid = None;
                }
                None => break,
            }
            continue;
        }
        if rest.starts_with("{{") {
            *liquid = Some("}}");
            at += 2;
        } else if rest.starts_with("{%") {
            *liquid = Some("%}");
            at += 2;
        } else {
            if rest.starts_with('|') {
                pipes.push(at);
            }
            at += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    pipes
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
    use super::super::jekyll_html;

    /// The elements of `html` in order (tags only), to compare with Jekyll's.
    fn tags(html: &str) -> Vec<String> {
        html.split('<')
            .skip(1)
            .map(|t| t.split('>').next().unwrap_or("").to_string())
            .collect()
    }

    /// As Jekyll 4.3.1 (kramdown 2.4) writes them (`jekyll build`), tags compared.
    #[test]
    fn tables_as_kramdown_divides_them() {
        let cases = [
            (
                "| a | b |\n| c | d |\n",
                "<table><tbody><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></tbody></table>",
            ),
            (
                "| h1 | h2 |\n|:---|---:|\n| x  | y  |\n|----|----|\n|----|----|\n| z  | w  |\n|====|====|\n| f  | g  |\n|----|----|\n| f2 | g2 |\n",
                "<table><thead><tr><th style=\"text-align: left\">h1</th><th style=\"text-align: right\">h2</th></tr></thead>\
                 <tbody><tr><td style=\"text-align: left\">x</td><td style=\"text-align: right\">y</td></tr></tbody>\
                 <tbody><tr><td style=\"text-align: left\">z</td><td style=\"text-align: right\">w</td></tr></tbody>\
                 <tfoot><tr><td style=\"text-align: left\">f</td><td style=\"text-align: right\">g</td></tr>\
                 <tr><td style=\"text-align: left\">f2</td><td style=\"text-align: right\">g2</td></tr></tfoot></table>",
            ),
            (
                "|---|---|\n| 5 | 6 |\n| 7 | *8* |\n",
                "<table><tbody><tr><td>5</td><td>6</td></tr><tr><td>7</td><td><em>8</em></td></tr></tbody></table>",
            ),
            (
                "| - | - |\n|---|---|\n| 1 | 2 |\n| - | - |\n| 3 | 4 |\n",
                "<table><thead><tr><th>1</th><th>2</th></tr></thead><tbody><tr><td>3</td><td>4</td></tr></tbody></table>",
            ),
            (
                "| {{ page.x | upcase }} | b |\n|---|---|\n| 1 | 2 |\n",
                "<table><thead><tr><th><span class=\"liquid\" title=\"Liquid: Jekyll fills this in\"></span></th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>",
            ),
            (
                "Posted in Rust | 5 min read\n",
                "<table><tbody><tr><td>Posted in Rust</td><td>5 min read</td></tr></tbody></table>",
            ),
            (
                "| a | `b|c` |\n| d |\n",
                "<table><tbody><tr><td>a</td><td><code class=\"language-plaintext highlighter-rouge\">b|c</code></td></tr><tr><td>d</td><td></td></tr></tbody></table>",
            ),
        ];
        for (md, html) in cases {
            assert_eq!(
                tags(&jekyll_html(md)),
                tags(html),
                "{md:?}\n{}",
                jekyll_html(md)
            );
        }
    }

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
        // In a quotation too.
        assert_eq!(
            jekyll_html("> quote a | b\n> c | d\n\nText\n\n> plain\n> x | y\n"),
            format!(
                "<blockquote>\n{}</blockquote>\n<p>Text</p>\n<blockquote>\n<p>plain\nx | y</p>\n</blockquote>\n",
                table(&[row("quote a", "b"), row("c", "d")])
            )
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

    #[test]
    fn lines_without_a_free_pipe_stay_a_paragraph() {
        for md in [
            "Use `a | b` here\n",
            "An escaped \\| pipe\n",
            "a | b\nno pipe here\n",
            // No block boundary after the line: a list right under it.
            "Given $$|V|=n$$:\n1. Edges are sorted.\n",
        ] {
            let html = jekyll_html(md);
            assert!(html.starts_with("<p>"), "{md:?}: {html}");
        }
        // Liquid's filters run before kramdown: their pipes are gone.
        let html = jekyll_html(
            "See [the docs]({{ \"/docs/\" | relative_url }}) and {{ page.x | upcase }}.\n",
        );
        assert!(html.starts_with("<p>"), "{html}");
        // A heading right above: no block boundary to kramdown, so no table.
        let html = jekyll_html("## Head\n| a | b |\n");
        assert!(!html.contains("<table"), "{html}");
    }
}
