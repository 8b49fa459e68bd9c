//! kramdown's typographic symbols and smart quotes (`parser/kramdown/smart_quotes.rb`,
//! `typographic_symbol.rb`), applied to the text events of a block as kramdown's span
//! parser meets them: `---` `--` `...` `<<` `>>` and its ten quote rules, each of which
//! reads the character before a quote only when no other span construct took it (a quote
//! right after emphasis, a code span or a link has none), and the raw text after it.
//!
//! Text that is not the source as written (a backslash escape, an entity) is left alone:
//! kramdown writes those characters as they are. So are code (and the content of inline
//! `<code>`, `<kbd>`, `<samp>`, `<var>`), an image's alt text (kramdown keeps it raw), an autolink's text and
//! Liquid (Jekyll renders it before kramdown).

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

/// The typography of one block's events, in source order. A run of text events that
/// follow each other in the source (the parser cuts text at `<`, `&`, `*`...) is read as
/// one text, as kramdown reads it.
pub(crate) struct Typography<'a> {
    /// What kramdown writes for ‘ ’ “ ” (its `smart_quotes` option).
    quotes: [char; 4],
    /// The character before the next text, when the quote rules may read it.
    before: Option<char>,
    /// Code blocks and images open around the next event.
    code: usize,
    image: usize,
    /// Inside an autolink (`<https://x/a--b>`): kramdown adds its text as it is.
    autolink: bool,
    /// Inline HTML elements open whose content kramdown keeps raw (`<code>`, `<kbd>`...).
    raw: usize,
    /// The text events not yet written, and where they are in the source.
    run: Vec<CowStr<'a>>,
    span: Range<usize>,
}

/// What one event gives back: the run of text before it, if any, and itself.
pub(crate) type Given<'a> = [Option<(Event<'a>, Range<usize>)>; 2];

/// The quote kinds of kramdown's rules, as indices into [`Typography::quotes`].
const LSQUO: usize = 0;
const RSQUO: usize = 1;
const LDQUO: usize = 2;
const RDQUO: usize = 3;

impl<'a> Typography<'a> {
    pub(crate) fn new(quotes: [char; 4]) -> Typography<'a> {
        Typography {
            quotes,
            before: None,
            code: 0,
            image: 0,
            autolink: false,
            raw: 0,
            run: Vec::new(),
            span: 0..0,
        }
    }

    /// Take `event` (at `range` in `source`); give back what is ready, in order.
    pub(crate) fn feed(
        &mut self,
        event: Event<'a>,
        range: Range<usize>,
        source: &str,
    ) -> Given<'a> {
        // A tag kramdown does not read as one is text to it, typography and all, and its
        // character references the characters they stand for (`<img src=&#8221;>`; then
        // it is no longer the source as written, so without typography).
        let event = match event {
            Event::InlineHtml(html)
                if self.code == 0 && self.raw == 0 && super::html_tags::unread_tag(&html) =>
            {
                Event::Text(with_references_read(html))
            }
            event => event,
        };
        match &event {
            Event::Start(Tag::CodeBlock(_)) => self.code += 1,
            Event::End(TagEnd::CodeBlock) => self.code = self.code.saturating_sub(1),
            Event::Start(Tag::Image { .. }) => self.image += 1,
            Event::End(TagEnd::Image) => self.image = self.image.saturating_sub(1),
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                ..
            }) => self.autolink = true,
            Event::End(TagEnd::Link) => self.autolink = false,
            Event::InlineHtml(html) => match raw_element(html) {
                Some(true) => self.raw += 1,
                Some(false) => self.raw = self.raw.saturating_sub(1),
                None => {}
            },
            // kramdown's span HTML closes within its block.
            Event::Start(tag) if !inline(tag) => self.raw = 0,
            Event::End(tag) if !inline_end(*tag) => self.raw = 0,
            _ => {}
        }
        let text = match event {
            Event::Text(text)
                if self.code == 0 && self.image == 0 && self.raw == 0 && !self.autolink =>
            {
                text
            }
            event => {
                let run = self.flush(source);
                // A line break inside a paragraph is text to kramdown's quote rules.
                self.before = matches!(event, Event::SoftBreak).then_some('\n');
                return [run, Some((event, range))];
            }
        };
        // An escaped pipe is marked (`table_pipes::mark_escaped_pipes`): as written.
        let written = source.get(range.clone());
        let marked_pipe = text
            .strip_prefix(super::PIPE_MARK)
            .is_some_and(|rest| written.and_then(|w| w.strip_prefix('|')) == Some(rest));
        if written != Some(text.as_ref()) && !marked_pipe {
            // Not the source as written (an entity): as it is.
            let run = self.flush(source);
            self.before = None;
            return [run, Some((Event::Text(text), range))];
        }
        // A backslash escape: the character after it is the text's first, written as it is.
        let escaped = source[..range.start]
            .bytes()
            .rev()
            .take_while(|&b| b == b'\\')
            .count()
            % 2
            == 1;
        if escaped {
            let run = self.flush(source);
            let first = text.chars().next().map_or(0, char::len_utf8);
            let (literal, rest) = text.split_at(first);
            let literal = (
                Event::Text(CowStr::from(literal.to_string())),
                range.start..range.start + first,
            );
            self.before = None;
            if !rest.is_empty() {
                self.run.push(CowStr::from(rest.to_string()));
                self.span = range.start + first..range.end;
            }
            return [run, Some(literal)];
        }
        let run = if self.run.is_empty() || self.span.end == range.start {
            None
        } else {
            self.flush(source)
        };
        if self.run.is_empty() {
            self.span = range.clone();
        }
        self.span.end = range.end;
        self.run.push(text);
        [run, None]
    }

    /// The run of text with kramdown's typography, as one event.
    fn flush(&mut self, source: &str) -> Option<(Event<'a>, Range<usize>)> {
        let text = match self.run.len() {
            0 => return None,
            1 => self.run.pop()?,
            _ => CowStr::from(self.run.drain(..).fold(String::new(), |mut all, t| {
                all.push_str(&t);
                all
            })),
        };
        let span = self.span.clone();
        let (out, before) = convert(&text, self.before, &source[span.end..], &self.quotes);
        self.before = before;
        let text = out.map_or(text, CowStr::from);
        Some((Event::Text(text), span))
    }
}

/// `text` with each character reference the Markdown parser knows read as the character.
fn with_references_read(text: CowStr<'_>) -> CowStr<'_> {
    if !text.contains('&') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_ref();
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        match super::image_alt::reference(&rest[amp..]) {
            Some((len, decoded)) => {
                out.push_str(&decoded);
                rest = &rest[amp + len..];
            }
            None => {
                out.push('&');
                rest = &rest[amp + 1..];
            }
        }
    }
    out.push_str(rest);
    CowStr::from(out)
}

/// Whether `tag` is a span's (emphasis, a link...), not a block's.
pub(super) fn inline(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

/// Whether `tag` ends a span.
pub(super) fn inline_end(tag: TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

/// Whether `html` opens (`true`) or closes an element whose content kramdown keeps raw.
fn raw_element(html: &str) -> Option<bool> {
    let rest = html.strip_prefix('<')?;
    let (closing, rest) = match rest.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, rest),
    };
    let name_len = rest.find(|c: char| !c.is_ascii_alphanumeric())?;
    let name = rest[..name_len].to_ascii_lowercase();
    let raw = [
        "code", "kbd", "samp", "var", "pre", "math", "script", "style", "textarea",
    ];
    (raw.contains(&name.as_str()) && !rest[..].ends_with("/>")).then_some(!closing)
}

/// kramdown's `\s`.
fn space(c: Option<char>) -> bool {
    matches!(c, Some(' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c'))
}

/// kramdown's `\w` (ASCII in Ruby).
fn word(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A word character for Ruby's `\b` (Unicode).
fn boundary_word(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || c == '_')
}

fn quote(c: Option<char>) -> bool {
    matches!(c, Some('"' | '\''))
}

/// kramdown's `SQ_PUNCT`.
fn punct(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_punctuation())
}

/// kramdown's `SQ_CLOSE`: a character after which a quote closes.
fn closes(c: Option<char>) -> bool {
    c.is_some_and(|c| !matches!(c, ' ' | '\\' | '\t' | '\r' | '\n' | '[' | '{' | '(' | '-'))
}

/// One piece a quote rule writes.
enum Piece {
    /// The character it read before the quote, written as it was.
    Char(char),
    Quote(usize),
}

/// The rule kramdown applies where a quote is found at `at(0)` or `at(1)`: how many
/// characters it takes and what it writes.
fn quote_rule(at: impl Fn(usize) -> Option<char>) -> (usize, Vec<Piece>) {
    let kind = |c: Option<char>, single: usize, double: usize| {
        if c == Some('\'') {
            single
        } else {
            double
        }
    };
    let (c0, c1, c2, c3) = (at(0), at(1), at(2), at(3));
    // ("|')(?=[_*]{1,2}\S)
    if quote(c0) && matches!(c1, Some('_' | '*')) && c2.is_some() && !space(c2) {
        return (1, vec![Piece::Quote(kind(c0, LSQUO, LDQUO))]);
    }
    // ("|')(?=PUNCT(?!\.\.)\B): no word boundary between the punctuation and what
    // follows it (`_` is a word character to Ruby: `"_ ` has one, `"* ` none).
    if quote(c0)
        && punct(c1)
        && !(c2 == Some('.') && c3 == Some('.'))
        && boundary_word(c1) == boundary_word(c2)
    {
        return (1, vec![Piece::Quote(kind(c0, RSQUO, RDQUO))]);
    }
    // (\s?)"'(?=\w), (\s?)'"(?=\w), (\s?)'(?=\d\ds)
    let g = usize::from(space(c0));
    let lead = |pieces: &mut Vec<Piece>| {
        if let (1, Some(c)) = (g, c0) {
            pieces.insert(0, Piece::Char(c));
        }
    };
    for (first, second, pieces) in [('"', '\'', [LDQUO, LSQUO]), ('\'', '"', [LSQUO, LDQUO])] {
        if at(g) == Some(first) && at(g + 1) == Some(second) && word(at(g + 2)) {
            let mut out = vec![Piece::Quote(pieces[0]), Piece::Quote(pieces[1])];
            lead(&mut out);
            return (g + 2, out);
        }
    }
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    if at(g) == Some('\'') && digit(at(g + 1)) && digit(at(g + 2)) && at(g + 3) == Some('s') {
        let mut out = vec![Piece::Quote(RSQUO)];
        lead(&mut out);
        return (g + 1, out);
    }
    // (\s)('|")(?=\w)
    if let (true, Some(c)) = (space(c0) && quote(c1) && word(c2), c0) {
        return (
            2,
            vec![Piece::Char(c), Piece::Quote(kind(c1, LSQUO, LDQUO))],
        );
    }
    // (SQ_CLOSE)('|")
    if let (true, Some(c)) = (closes(c0) && quote(c1), c0) {
        return (
            2,
            vec![Piece::Char(c), Piece::Quote(kind(c1, RSQUO, RDQUO))],
        );
    }
    // ("|')(?=\s|s\b|$)
    if quote(c0) && (c1.is_none() || space(c1) || (c1 == Some('s') && !boundary_word(c2))) {
        return (1, vec![Piece::Quote(kind(c0, RSQUO, RDQUO))]);
    }
    // (.?)' then (.?)"
    for (q, piece) in [('\'', LSQUO), ('"', LDQUO)] {
        if c1 == Some(q) {
            if let Some(c) = c0 {
                return (2, vec![Piece::Char(c), Piece::Quote(piece)]);
            }
        }
        if c0 == Some(q) {
            return (1, vec![Piece::Quote(piece)]);
        }
    }
    (0, Vec::new())
}

/// kramdown's typographic symbol at the start of `rest`: what it writes and how many
/// characters it takes.
fn symbol(rest: &[char]) -> Option<(&'static str, usize)> {
    let starts = |s: &str| s.chars().enumerate().all(|(k, c)| rest.get(k) == Some(&c));
    [
        ("---", "\u{2014}"),
        ("--", "\u{2013}"),
        ("...", "\u{2026}"),
        ("<< ", "\u{ab}\u{a0}"),
        (" >>", "\u{a0}\u{bb}"),
        ("<<", "\u{ab}"),
        (">>", "\u{bb}"),
    ]
    .into_iter()
    .find(|(from, _)| starts(from))
    .map(|(from, to)| (to, from.chars().count()))
}

/// The text with kramdown's typography (`None`: unchanged) and the character a quote rule
/// may read before the next text event.
fn convert(
    text: &str,
    before: Option<char>,
    after: &str,
    quotes: &[char; 4],
) -> (Option<String>, Option<char>) {
    if !text.contains(['"', '\'', '-', '.', '<', '>']) {
        return (None, text.chars().last().filter(|&c| available(c)));
    }
    let mut chars: Vec<char> = before.into_iter().collect();
    let base = chars.len();
    chars.extend(text.chars());
    let n = chars.len();
    // Liquid is text when kramdown reads it (Jekyll has rendered it): a word to the rules
    // looking ahead, written as it stands.
    let liquid =
        |k: usize| chars.get(k) == Some(&'{') && matches!(chars.get(k + 1), Some('{' | '%'));
    let follow: Vec<char> = after.chars().take(4).collect();
    let at = |k: usize| {
        if liquid(k) {
            return Some('a');
        }
        chars.get(k).or_else(|| follow.get(k - n)).copied()
    };
    let mut out = String::with_capacity(text.len() + 8);
    let mut changed = false;
    let mut last: Option<char> = None;
    let mut i = 0;
    while i < n {
        let c = chars[i];
        if i >= base && liquid(i) {
            let close = if chars[i + 1] == '{' { "}}" } else { "%}" };
            let end = (i + 2..n.saturating_sub(1))
                .find(|&k| chars[k] == close.as_bytes()[0] as char && chars[k + 1] == '}')
                .map_or(n, |k| k + 2);
            out.extend(&chars[i..end]);
            last = Some('}');
            i = end;
            continue;
        }
        // A quote found here (the character before it taken by the rule) within the text.
        let found = (quote(Some(c)) && i >= base)
            || (c != '\\' && available(c) && i + 1 < n && quote(chars.get(i + 1).copied()));
        if found {
            let (take, pieces) = quote_rule(|k| at(i + k));
            if take > 0 && i + take <= n {
                for piece in pieces {
                    match piece {
                        Piece::Char(_) if i < base => {}
                        Piece::Char(c) => out.push(c),
                        Piece::Quote(q) => out.push(quotes[q]),
                    }
                }
                changed = true;
                last = None;
                i += take;
                continue;
            }
        }
        if i < base {
            i += 1;
            continue;
        }
        if let Some((to, take)) = symbol(&chars[i..]) {
            out.push_str(to);
            changed = true;
            last = None;
            i += take;
            continue;
        }
        out.push(c);
        last = Some(c).filter(|&c| available(c));
        i += 1;
    }
    (changed.then_some(out), last)
}

/// Whether a quote rule may read `c` before a quote: emphasis, code spans, links and
/// escapes take their opening characters first.
fn available(c: char) -> bool {
    !matches!(c, '*' | '_' | '`' | '[' | '\\')
}

#[cfg(test)]
mod tests;
