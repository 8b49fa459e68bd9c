//! Tables as kramdown reads them where GFM reads them otherwise: a separator line
//! (`|---|---|`) among the rows starts another `<tbody>`, a line of `=` the `<tfoot>`;
//! the rows above the first separator line are the head (none: no `<thead>`); lines that
//! each hold a `|` outside code, after a blank line, are a table without a head.
//! [`kramdown_table`] says how such a block's rows divide, and gives a GFM table of the
//! same rows for the parser to read the cells ([`Sections::rebuild`] writes the events).

use pulldown_cmark::{Alignment, CowStr, Event, Tag, TagEnd};

use super::table_pipes::mark_line;

mod items;
pub(crate) use items::item_tables;

/// What kramdown writes in an empty cell (its `convert_td`): a no-break space.
pub(crate) const EMPTY_CELL: &str = "\u{a0}";

/// Each empty cell of a GFM table's events given [`EMPTY_CELL`], as kramdown writes it.
pub(crate) fn fill_empty_cells(events: &mut Vec<Event<'_>>) {
    let empty = events.windows(2).any(|pair| {
        matches!(
            pair,
            [Event::Start(Tag::TableCell), Event::End(TagEnd::TableCell)]
        )
    });
    if !empty {
        return;
    }
    let mut out = Vec::with_capacity(events.len() + 4);
    for event in events.drain(..) {
        if matches!(event, Event::End(TagEnd::TableCell))
            && matches!(out.last(), Some(Event::Start(Tag::TableCell)))
        {
            out.push(Event::Text(CowStr::Borrowed(EMPTY_CELL)));
        }
        out.push(event);
    }
    *events = out;
}

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

/// The alignments a head's separator line gives its columns, as kramdown reads them: its
/// `TABLE_HSEP_ALIGN` (`[ \t]?(:?)-+(:?)[ \t]?`) scanned along the line, so a colon
/// between two runs of dashes ends the first (`|:---:---|` is centred, then default).
fn alignments(line: &str) -> Vec<&'static str> {
    let bytes = line.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let mut end = at;
        if matches!(bytes[end], b' ' | b'\t') {
            end += 1;
        }
        let left = bytes.get(end) == Some(&b':');
        end += usize::from(left);
        let dashes = bytes[end.min(bytes.len())..]
            .iter()
            .take_while(|&&b| b == b'-')
            .count();
        if dashes == 0 {
            at += 1;
            continue;
        }
        end += dashes;
        let right = bytes.get(end) == Some(&b':');
        end += usize::from(right);
        if matches!(bytes.get(end), Some(b' ' | b'\t')) {
            end += 1;
        }
        found.push(align(left, right));
        at = end;
    }
    found
}

/// The alignments GFM reads from the same line: one per cell between pipes.
fn gfm_alignments(line: &str) -> Vec<&'static str> {
    line.split(['|', '+'])
        .map(str::trim)
        .filter(|cell| cell.contains('-'))
        .map(|cell| align(cell.starts_with(':'), cell.ends_with(':')))
        .collect()
}

/// A separator cell's spelling for a column with a colon on its `left` and `right`.
fn align(left: bool, right: bool) -> &'static str {
    match (left, right) {
        (true, true) => ":-:",
        (true, false) => ":--",
        (false, true) => "--:",
        (false, false) => "---",
    }
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
    let columns = all_rows
        .iter()
        .map(|r| cell_count(r, leading_pipe))
        .max()
        .unwrap_or(1)
        .max(1);
    // kramdown's table is as wide as its widest row (the head padded with empty cells),
    // where GFM's is as wide as its head (a longer row's cells left out).
    // Nor where a column's alignment is read otherwise.
    let same_alignments = || {
        lines
            .get(1)
            .is_some_and(|l| alignments(l) == gfm_alignments(l))
    };
    if table && gfm && columns <= cell_count(first, leading_pipe) && same_alignments() {
        return None;
    }
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
        // GFM drops as kramdown drops the empty cell before it. kramdown drops it only
        // when the table's first line starts with a pipe: else a row's leading pipe
        // keeps an empty cell before it.
        if !row.starts_with('|') || !leading_pipe {
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
        // Whether the cell open holds nothing yet (kramdown writes [`EMPTY_CELL`] there).
        let mut cell_empty = false;
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
                    cell_empty = true;
                }
                Event::End(TagEnd::TableCell) => {
                    let tag = match current {
                        Some((Part::Head, _)) => "th",
                        _ => "td",
                    };
                    if cell_empty {
                        out.push(Event::Text(CowStr::Borrowed(EMPTY_CELL)));
                    }
                    out.push(html(format!("</{tag}>\n")));
                    cell += 1;
                }
                Event::End(TagEnd::Table) => {
                    if let Some((part, _)) = current.take() {
                        out.push(html(format!("</{}>\n", part.tag())));
                    }
                    out.push(html("</table>\n".to_string()));
                }
                other => {
                    cell_empty = false;
                    out.push(other);
                }
            }
        }
        out
    }
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

    /// As Jekyll 4.3.1 writes them: a table is as wide as its widest row (the head and the
    /// shorter rows padded), and an empty cell holds a no-break space. Before, a row's cells
    /// past the head's were left out (houbb's `O(|V|+|E|)` rows lost half their cells).
    #[test]
    fn a_row_longer_than_the_head_widens_the_table() {
        assert_eq!(
            jekyll_html("| a | b |\n|---|---|\n| 1 | 2 | 3 |\n| x |\n"),
            "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n<th>\u{a0}</th>\n</tr>\n</thead>\n\
             <tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n<td>3</td>\n</tr>\n\
             <tr>\n<td>x</td>\n<td>\u{a0}</td>\n<td>\u{a0}</td>\n</tr>\n</tbody>\n</table>\n"
        );
        assert_eq!(
            jekyll_html("| a |  |\n|---|---|\n|  | b |\n"),
            "<table><thead><tr><th>a</th><th>\u{a0}</th></tr></thead><tbody>\n\
             <tr><td>\u{a0}</td><td>b</td></tr>\n</tbody></table>\n"
        );
        // So in a list item's table.
        assert!(jekyll_html("- a |  | b\n").contains("<td>\u{a0}</td>"));
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
            // kramdown scans the separator for `:?-+:?`, so a colon between two runs of
            // dashes ends the first: one centred column, then a default one.
            (
                "| h\t| i |\n|:---:---||\n| a | b |\n",
                "<table><thead><tr><th style=\"text-align: center\">h</th><th>i</th></tr></thead><tbody><tr><td style=\"text-align: center\">a</td><td>b</td></tr></tbody></table>",
            ),
            // A row's leading pipe keeps an empty cell when the first line has none.
            (
                "a  | b |\n| c | d | e |\n| f | g |\n",
                "<table><tbody><tr><td>a</td><td>b</td><td>\u{a0}</td><td>\u{a0}</td></tr>\
                 <tr><td>\u{a0}</td><td>c</td><td>d</td><td>e</td></tr>\
                 <tr><td>\u{a0}</td><td>f</td><td>g</td><td>\u{a0}</td></tr></tbody></table>",
            ),
            (
                "| x | y |\n| ---::--- |\n| 1 | 2 |\n",
                "<table><thead><tr><th style=\"text-align: right\">x</th><th style=\"text-align: left\">y</th></tr></thead><tbody><tr><td style=\"text-align: right\">1</td><td style=\"text-align: left\">2</td></tr></tbody></table>",
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
