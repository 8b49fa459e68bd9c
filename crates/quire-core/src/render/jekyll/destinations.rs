//! Link destinations kramdown reads otherwise than CommonMark.
//!
//! An inline destination holding an escaped parenthesis (`[Metro](/wiki/Metro_(design\))`):
//! kramdown counts it as any other parenthesis and keeps the backslash in the address,
//! CommonMark takes the escape, so the parentheses no longer pair and the link is text.
//! Such a block is read again with those destinations written in angle brackets, where
//! CommonMark reads them as kramdown does.
//!
//! A link definition's destination is the rest of its line to kramdown (up to a title),
//! whatever it holds: `[patch]: https://x/c948b)` or `[a]: /f g` define links; to
//! CommonMark, an unbalanced parenthesis or a space makes the line text, and the links
//! that use it text too. Such a definition is taken out of the text and given to the
//! whole body in angle brackets.
//!
//! A backslash in an inline destination or title escapes nothing to kramdown and is kept
//! ([`kept_backslashes`]).

use std::borrow::Cow;

use pulldown_cmark::{CowStr, Event, LinkType, Tag};

/// `block` with its inline links written so CommonMark reads them as kramdown does, `None`
/// when none needs it:
/// - a destination that holds `\(` or `\)` (as kramdown delimits it: parentheses counted,
///   escaped or not, up to the one closing the link, or white space before a title) is
///   written as `<...>` with its backslashes kept;
/// - a title that holds its own quote (`![](/i.jpg "showing "Hit by car"")`: kramdown's
///   title is the shortest one whose quote a `)` follows) has those quotes written as
///   entities, where CommonMark would end the title at the first and read no link.
pub(crate) fn kramdown_inline_links(block: &str) -> Option<String> {
    let parens = block.contains("\\(") || block.contains("\\)");
    let titles = block.contains("](") && block.contains(['"', '\'']);
    if !(parens || titles) {
        return None;
    }
    let ends = DestinationEnds::of(block);
    let mut out = String::with_capacity(block.len() + 8);
    let mut done = 0;
    let mut from = 0;
    // The quotes no `)` follows after some point: no title opened later with one ends.
    let mut unclosed: Vec<u8> = Vec::new();
    while let Some(i) = block[from..].find("](") {
        let start = from + i + 2;
        from = start;
        let Some((end, titled)) = ends.at(start) else {
            continue;
        };
        let dest = &block[start..end];
        if dest.contains("\\(") || dest.contains("\\)") {
            out.push_str(&block[done..start]);
            out.push('<');
            out.push_str(&dest.replace('\\', "\\\\"));
            out.push('>');
            done = end;
        }
        from = end;
        if !titled {
            continue;
        }
        let quote = block.as_bytes()[end + ascii_space(&block[end..])];
        if unclosed.contains(&quote) {
            continue;
        }
        let Some((title, close)) = kramdown_title(block, end) else {
            unclosed.push(quote);
            continue;
        };
        let inner = &block[title.clone()];
        let own_quotes: Vec<usize> = inner
            .bytes()
            .enumerate()
            .filter(|&(k, b)| b == quote && (k == 0 || inner.as_bytes()[k - 1] != b'\\'))
            .map(|(k, _)| k)
            .collect();
        if !own_quotes.is_empty() {
            out.push_str(&block[done..title.start]);
            let entity = if quote == b'"' { "&quot;" } else { "&#39;" };
            let mut last = 0;
            for k in own_quotes {
                out.push_str(&inner[last..k]);
                out.push_str(entity);
                last = k + 1;
            }
            out.push_str(&inner[last..]);
            done = title.end;
        }
        from = close;
    }
    if done == 0 {
        return None;
    }
    out.push_str(&block[done..]);
    Some(out)
}

/// The length of the white space (Ruby's `\s`) that `text` starts with.
fn ascii_space(text: &str) -> usize {
    text.len()
        - text
            .trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c'])
            .len()
}

/// Where each inline destination of a block ends as kramdown reads it, found for all
/// starts in one pass over the block (a hostile block of many `](` costs no more): at the
/// `)` that closes the link (parentheses counted), or at white space before a title's
/// quote, before any line break, `<` or `>`.
struct DestinationEnds {
    /// The first line break, `<` or `>` at or after each position.
    stop: Vec<usize>,
    /// The first white space before a quote at or after each position.
    title: Vec<usize>,
    /// The first `)` at or after each position that closes a parenthesis opened before it.
    close: Vec<usize>,
}

impl DestinationEnds {
    fn of(block: &str) -> Self {
        let bytes = block.as_bytes();
        let n = bytes.len();
        let mut stop = vec![n; n + 1];
        let mut title = vec![n; n + 1];
        let mut close = vec![n; n + 1];
        // The depth of parentheses before each position, and the first position (at or
        // after the one reached, going back) where each depth is left through a `)`.
        let mut depth = vec![0isize; n + 1];
        for (i, b) in bytes.iter().enumerate() {
            depth[i + 1] = depth[i]
                + match b {
                    b'(' => 1,
                    b')' => -1,
                    _ => 0,
                };
        }
        let mut left = vec![n; 2 * n + 2];
        let slot = |d: isize| usize::try_from(d + n as isize).unwrap_or(0);
        let mut next_text = n;
        for i in (0..n).rev() {
            stop[i] = if matches!(bytes[i], b'\n' | b'\r' | b'<' | b'>') {
                i
            } else {
                stop[i + 1]
            };
            if !matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c') {
                next_text = i;
            }
            let before_quote = matches!(bytes[i], b' ' | b'\t')
                && matches!(bytes.get(next_text), Some(b'"' | b'\''));
            title[i] = if before_quote { i } else { title[i + 1] };
            if bytes[i] == b')' {
                left[slot(depth[i + 1])] = i;
            }
            close[i] = left[slot(depth[i] - 1)];
        }
        DestinationEnds { stop, title, close }
    }

    /// Where the destination starting at `start` ends, and whether a title follows it.
    fn at(&self, start: usize) -> Option<(usize, bool)> {
        let (close, title) = (self.close[start], self.title[start]);
        let end = close.min(title);
        (end < self.stop[start]).then_some((end, title < close))
    }
}

/// The title kramdown reads after the white space at `at` (`\s*?(["'])(.+?)\1\s*?\)`):
/// where its text lies, without the quotes, and where the `)` after it ends.
fn kramdown_title(block: &str, at: usize) -> Option<(std::ops::Range<usize>, usize)> {
    let open = at + ascii_space(&block[at..]);
    let quote = *block.as_bytes().get(open)?;
    let first = open + 1;
    // The first character of the title is any, its own quote too.
    let mut k = first + block[first..].chars().next()?.len_utf8();
    while let Some(i) = block[k..].find(quote as char) {
        let q = k + i;
        let after = q + 1 + ascii_space(&block[q + 1..]);
        if block.as_bytes().get(after) == Some(&b')') {
            return Some((first..q, after + 1));
        }
        k = q + 1;
    }
    None
}

/// `text` with each link definition CommonMark would not read (its destination holding an
/// unbalanced parenthesis or a space) that starts a block written as spaces (a blank line,
/// which shows nothing), and those definitions as Markdown CommonMark reads as kramdown
/// does (the destination in angle brackets), known to the whole body. A definition line
/// inside a paragraph is its text to kramdown too, and fenced code keeps what it holds.
pub(crate) fn unreadable_definitions(text: &str) -> (Cow<'_, str>, String) {
    let mut definitions = String::new();
    if !text.contains("]:") {
        return (Cow::Borrowed(text), definitions);
    }
    let mut out: Option<String> = None;
    let mut fence: Option<&str> = None;
    // Whether a block may start on the line (the text's first, or one after a blank line
    // or a definition).
    let mut block_start = true;
    let mut after_definition = false;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        let in_code = super::html_blocks::fenced(&mut fence, line.trim_start());
        let found = (!in_code && block_start)
            .then(|| definition_destination(body, after_definition))
            .flatten();
        block_start = body.trim().is_empty() || found.is_some();
        after_definition = found.is_some();
        let Some((label, dest_at, dest)) = found else {
            if let Some(out) = out.as_mut() {
                out.push_str(line);
            }
            continue;
        };
        if !needs_angle_brackets(dest) {
            if let Some(out) = out.as_mut() {
                out.push_str(line);
            }
            continue;
        }
        definitions.push_str(&format!("[{label}]: <"));
        for c in dest.chars() {
            if matches!(c, '\\' | '<' | '>') {
                definitions.push('\\');
            }
            definitions.push(c);
        }
        definitions.push('>');
        definitions.push_str(&body[dest_at + dest.len()..]);
        definitions.push('\n');
        let out = out.get_or_insert_with(|| text[..start].to_string());
        out.extend(std::iter::repeat_n(' ', body.len()));
        out.push_str(&line[body.len()..]);
    }
    match out {
        Some(out) => (Cow::Owned(out), definitions),
        None => (Cow::Borrowed(text), definitions),
    }
}

/// The label of the kramdown link definition on `body` (at the line's start, or up to three
/// spaces in when `indented`, right under another: one indented after other blocks may be
/// a list item's, whose blank line written for it would make the list tight),
/// where its destination starts and the destination (not one in angle brackets, which
/// CommonMark reads alike): the rest of the line up to a title (`"T"`, `'T'` after white
/// space, the first that ends the line). A note's definition (`[^a]:`) is not one.
fn definition_destination(body: &str, indented: bool) -> Option<(&str, usize, &str)> {
    let open = body.len() - body.trim_start_matches(' ').len();
    if open > if indented { 3 } else { 0 } {
        return None;
    }
    let label_end = body[open..].strip_prefix('[')?.find("]:")? + open + 1;
    let label = &body[open + 1..label_end];
    if label.is_empty() || label.starts_with('^') || label.contains(['[', ']']) {
        return None;
    }
    let after = label_end + 2;
    let start = after + (body[after..].len() - body[after..].trim_start_matches([' ', '\t']).len());
    let rest = body[start..].trim_end_matches([' ', '\t']);
    if rest.is_empty() || rest.starts_with('<') {
        return None;
    }
    // kramdown's destination is lazy: it ends before the first title that closes the line.
    let titled = rest.char_indices().find_map(|(i, c)| {
        let quote = rest[i..].trim_start_matches([' ', '\t']).chars().next()?;
        let title_at = rest.len() - rest[i..].trim_start_matches([' ', '\t']).len();
        let closes = matches!(c, ' ' | '\t')
            && matches!(quote, '"' | '\'')
            && i > 0
            && rest.len() > title_at + 2
            && rest.ends_with(quote);
        closes.then(|| rest[..i].trim_end_matches([' ', '\t']))
    });
    Some((label, start, titled.unwrap_or(rest)))
}

/// Whether CommonMark would not read `dest` as a destination: a space, or parentheses
/// that do not pair (escaped ones not counted). Not one holding Liquid, which Jekyll
/// writes before kramdown reads the line (its spaces are `images::protect_links`'s, and a
/// loop writing such lines runs on them: `liquid/loops.rs`).
fn needs_angle_brackets(dest: &str) -> bool {
    if dest.contains("{{") || dest.contains("{%") {
        return false;
    }
    let mut depth = 0usize;
    let mut escaped = false;
    for c in dest.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            ' ' => return true,
            '(' => depth += 1,
            ')' if depth == 0 => return true,
            ')' => depth -= 1,
            _ => {}
        }
    }
    depth > 0
}

/// An inline link's or image's start `event` (at `range` of `text`) with its destination
/// and title as kramdown reads them: as written, each backslash kept (`[a](/x/a\_b.html)`,
/// `![i](/i.png "A \"B\"")`: 18F's blog), where CommonMark takes the backslash of an
/// escape out. Only a destination or title that differs by its backslashes alone is
/// given back (one holding an entity, or read otherwise, stays the parser's).
pub(crate) fn kept_backslashes<'a>(
    event: Event<'a>,
    range: &std::ops::Range<usize>,
    text: &str,
) -> Event<'a> {
    let inline = matches!(
        &event,
        Event::Start(
            Tag::Link {
                link_type: LinkType::Inline,
                ..
            } | Tag::Image {
                link_type: LinkType::Inline,
                ..
            }
        )
    );
    let source = text.get(range.clone()).unwrap_or_default();
    if !inline || !source.contains('\\') {
        return event;
    }
    let Some((dest, title)) = inline_parts(source) else {
        return event;
    };
    // The written one, when it is the parsed one with backslashes.
    // (The quotes `kramdown_inline_links` wrote as entities read as the parser reads them.)
    let kept = |parsed: CowStr<'a>, written: Option<&str>| match written
        .map(|w| w.replace("&quot;", "\"").replace("&#39;", "'"))
    {
        Some(w) if w.contains('\\') && w.replace('\\', "") == parsed.replace('\\', "") => {
            CowStr::from(w)
        }
        _ => parsed,
    };
    match event {
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title: t,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: kept(dest_url, Some(dest)),
            title: kept(t, title),
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title: t,
            id,
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: kept(dest_url, Some(dest)),
            title: kept(t, title),
            id,
        }),
        other => other,
    }
}

/// The destination and title (without its quotes) of the inline link written as `source`
/// (`[text](dest "title")`), as kramdown delimits them: the parentheses that close it
/// paired from its end, the title after the first white space that a quote follows.
fn inline_parts(source: &str) -> Option<(&str, Option<&str>)> {
    let inner_end = source.strip_suffix(')')?.len();
    let bytes = source.as_bytes();
    let mut depth = 1usize;
    let mut at = inner_end;
    let open = loop {
        at = at.checked_sub(1)?;
        let escaped = at > 0 && bytes[at - 1] == b'\\';
        match bytes[at] {
            b')' if !escaped => depth += 1,
            b'(' if !escaped => {
                depth -= 1;
                if depth == 0 {
                    break at;
                }
            }
            _ => {}
        }
    };
    if open == 0 || bytes[open - 1] != b']' {
        return None;
    }
    let inner = source[open + 1..inner_end].trim();
    if inner.starts_with('<') {
        return None;
    }
    let title_at = inner
        .char_indices()
        .find(|&(i, c)| c.is_whitespace() && inner[i..].trim_start().starts_with(['"', '\'']));
    Some(match title_at {
        Some((i, _)) => {
            let quoted = inner[i..].trim_start();
            let title = quoted
                .get(1..quoted.len() - 1)
                .filter(|_| quoted.len() >= 2 && quoted.ends_with(&quoted[..1]));
            (&inner[..i], title)
        }
        None => (inner, None),
    })
}

#[cfg(test)]
mod tests {
    use super::super::jekyll_html as jekyll;

    /// As Jekyll 4.3.1 writes them (Hux Blog).
    #[test]
    fn an_escaped_parenthesis_counts_in_a_destination() {
        assert_eq!(
            jekyll("See [Metro](http://en.wikipedia.org/wiki/Metro_(design_language\\)) here.\n"),
            "<p>See <a href=\"http://en.wikipedia.org/wiki/Metro_(design_language\\)\">Metro</a> here.</p>\n"
        );
        assert_eq!(
            jekyll("[b](/p(q)) and [c](/r\\(s \"T\") end\n"),
            "<p><a href=\"/p(q)\">b</a> and <a href=\"/r\\(s\" title=\"T\">c</a> end</p>\n"
        );
    }

    /// As Jekyll 4.3.1 writes them (phatblat's reflog: `"showing "Hit by car""`).
    #[test]
    fn a_title_may_hold_its_own_quotes() {
        assert_eq!(
            jekyll("![](/i.jpg \"showing \"Hit by car\"\")\n"),
            "<p><img src=\"/i.jpg\" alt=\"\" title=\"showing &quot;Hit by car&quot;\" /></p>\n"
        );
        assert_eq!(
            jekyll("[a](/x 'it's') and [b](/y \"one\" two\") end\n"),
            "<p><a href=\"/x\" title=\"it's\">a</a> and <a href=\"/y\" title=\"one&quot; two\">b</a> end</p>\n"
        );
        assert_eq!(
            jekyll("[c](/z \"multi\nline \"q\" title\") and [d](/w \"t\" ) e \"f\")\n"),
            "<p><a href=\"/z\" title=\"multi\nline &quot;q&quot; title\">c</a> and <a href=\"/w\" title=\"t\">d</a> e “f”)</p>\n"
        );
        assert_eq!(
            jekyll("[e](/v \"a \\\"b\\\" \"c\"\")\n"),
            "<p><a href=\"/v\" title=\"a \\&quot;b\\&quot; &quot;c&quot;\">e</a></p>\n"
        );
        // Not a link to kramdown either: no `)` after any quote.
        assert_eq!(jekyll("[f](/u \"g\" h\n"), "<p>[f](/u “g” h</p>\n");
    }

    /// A hostile block of many links that do not close, or titles that do not end, is read
    /// in one pass (each of these took seconds when every link was read to the block's end).
    #[test]
    fn many_open_links_are_read_in_one_pass() {
        use super::kramdown_inline_links as links;
        assert_eq!(links(&"[a](/x \"".repeat(20_000)), None);
        assert_eq!(links(&format!("{}\"", "](".repeat(50_000))), None);
        assert_eq!(links(&format!("{}\"", "](a(".repeat(30_000))), None);
        let quotes = format!("[a](/x \"{}\")", "\" ".repeat(50_000));
        assert_eq!(
            links(&quotes).map(|l| l.matches("&quot;").count()),
            Some(50_000)
        );
    }

    /// As Jekyll 4.3.1 writes them (crystal-lang.org's post mortem of 2026).
    #[test]
    fn a_definition_destination_is_the_rest_of_its_line() {
        assert_eq!(
            jekyll("[a] and [c]\n\n[a]: http://x/b)\n   [c]: http://x/(d\n"),
            "<p><a href=\"http://x/b)\">a</a> and <a href=\"http://x/(d\">c</a></p>\n"
        );
        assert_eq!(
            jekyll("[e] here\n\n[e]: http://x/f g\n"),
            "<p><a href=\"http://x/f g\">e</a> here</p>\n"
        );
        assert_eq!(
            jekyll("[a]\n\n[a]: http://x/b) \"Title\"\n"),
            "<p><a href=\"http://x/b)\" title=\"Title\">a</a></p>\n"
        );
        // Balanced, or in angle brackets: CommonMark's already, nothing marked.
        assert_eq!(
            jekyll("[a] and [b]\n\n[a]: http://x/(b)\n[b]: <http://x/c d>\n"),
            "<p><a href=\"http://x/(b)\">a</a> and <a href=\"http://x/c d\">b</a></p>\n"
        );
        // Liquid in it is Jekyll's: a loop writing definitions runs on its lines.
        assert!(
            jekyll("Add ([#1037][])\n\n{% assign ids = \"1037|1040\" | split: \"|\" %}\n{% for issue in ids %}\n[#{{ issue }}]: https://x.org/issues/{{ issue }}\n{% endfor %}\n")
                .starts_with("<p>Add (<a href=\"https://x.org/issues/1037\">#1037</a>)</p>"),
        );
        // Code keeps what it holds.
        assert_eq!(
            jekyll("```\n[a]: x) y\n```\n"),
            "<div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>[a]: x) y\n</code></pre></div></div>\n"
        );
    }
}
