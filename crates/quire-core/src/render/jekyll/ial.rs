//! kramdown's inline attribute lists on blocks (`{: .class #id key="value"}`): read,
//! joined when a block has more than one, and put on the block's element.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::{block_ial, merge_text, plain_punctuation, span_ial};

/// A kramdown inline attribute list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Ial {
    pub(super) id: Option<String>,
    pub(super) classes: Vec<String>,
    pub(super) attrs: Vec<(String, String)>,
    /// Bare words (references to attribute definitions, or `toc`).
    pub(super) words: Vec<String>,
}

/// Read `{: .class #id key="value"}` (the whole of `text`, trimmed).
pub(crate) fn parse_ial(text: &str) -> Option<Ial> {
    let text = plain_punctuation(text);
    let inner = text.trim().strip_prefix("{:")?.strip_suffix('}')?;
    if inner.contains(['{', '}']) || inner.starts_with(':') {
        return None;
    }
    let mut ial = Ial::default();
    let mut rest = inner.trim();
    while !rest.is_empty() {
        let end = if let Some(eq) = rest.find('=').filter(|&eq| !rest[..eq].contains(' ')) {
            // key="value" or key='value'
            let quote = rest[eq + 1..].chars().next()?;
            if quote != '"' && quote != '\'' {
                return None;
            }
            let close = rest[eq + 2..].find(quote)? + eq + 2;
            let (key, value) = (&rest[..eq], &rest[eq + 2..close]);
            // kramdown: `class="a b"` sets the classes (a `.c` after it adds one), `id="x"`
            // the id.
            match key {
                "class" => ial.classes = value.split_whitespace().map(String::from).collect(),
                "id" => ial.id = Some(value.to_string()),
                _ => ial.attrs.push((key.to_string(), value.to_string())),
            }
            close + 1
        } else {
            let end = rest.find([' ', '\t']).unwrap_or(rest.len());
            let word = &rest[..end];
            if word.starts_with(['.', '#']) {
                // `.a.b#c`: classes and an id run together (a word that is not only these
                // gives nothing, as kramdown scans past it).
                if let Some(tokens) = ids_and_classes(word) {
                    for (id, name) in tokens {
                        if id {
                            ial.id = Some(name.to_string());
                        } else {
                            ial.classes.push(name.to_string());
                        }
                    }
                }
            } else if !word
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
            {
                return None;
            } else {
                ial.words.push(word.to_string());
            }
            end
        };
        rest = rest[end..].trim_start();
    }
    Some(ial)
}

/// The ids (`#a`, a letter then word characters, `:` or `-`) and classes (`.b`, anything
/// but white space, `.` and `#`) `word` is made of, in order (`true` for an id); `None`
/// when it is not made only of them.
fn ids_and_classes(word: &str) -> Option<Vec<(bool, &str)>> {
    let mut tokens = Vec::new();
    let mut rest = word;
    while let Some(kind) = rest.chars().next() {
        if kind != '.' && kind != '#' {
            return None;
        }
        let body = &rest[1..];
        let len = match kind {
            '.' => body.find(['.', '#']).unwrap_or(body.len()),
            '#' => {
                if !body.starts_with(|c: char| c.is_ascii_alphabetic()) {
                    return None;
                }
                body.find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | ':' | '-')))
                    .unwrap_or(body.len())
            }
            _ => return None,
        };
        if len == 0 {
            return None;
        }
        tokens.push((kind == '#', &body[..len]));
        rest = &body[len..];
    }
    Some(tokens)
}

impl Ial {
    /// Two lists of one element, `earlier` written before `later` (kramdown reads both
    /// into one: the later id wins, classes and attributes add up).
    pub(crate) fn together(earlier: Ial, later: Ial) -> Ial {
        let mut both = earlier;
        both.id = later.id.or(both.id);
        both.classes.extend(later.classes);
        both.attrs.extend(later.attrs);
        both.words.extend(later.words);
        both
    }
}

/// If the block is a paragraph holding only an attribute list, that list.
pub(crate) fn ial_only(events: &mut Vec<Event<'_>>) -> Option<Ial> {
    merge_text(events);
    match events.as_slice() {
        [Event::Start(Tag::Paragraph), Event::Text(text), Event::End(TagEnd::Paragraph)] => {
            parse_ial(text)
        }
        _ => None,
    }
}

/// Put the block's attribute lists where kramdown puts them: `ial` (written on its own
/// line next to the block) or one on the paragraph's first line, one on its last line, and
/// lines of them between its lines (each ending the paragraph before it, which takes it).
/// Returns the list for the block's outer element when the events cannot carry it
/// ([`apply_ial`]).
pub(super) fn place(events: &mut Vec<Event<'_>>, ial: Option<Ial>) -> Option<Ial> {
    let mut ial = ial;
    // An attribute list on the paragraph's first line (right before it) or its last.
    if let Some(first) = leading_ial(events) {
        ial = Some(first);
    }
    let cuts = split_at_ial_lines(events);
    if cuts.is_empty() {
        if let Some(last) = trailing_ial(events) {
            ial = Some(last);
        }
        ial.and_then(|ial| apply_ial(events, ial))
    } else {
        // A line of attribute list inside a paragraph ends it (kramdown): the paragraph
        // before it takes it, the lines after it are a paragraph of their own.
        let last = trailing_ial(events);
        let mut start = 0;
        let mut earlier = ial;
        for (end, middle) in cuts {
            let list = match earlier.take() {
                Some(earlier) => Ial::together(earlier, middle),
                None => middle,
            };
            apply_ial(&mut events[start..end], list);
            start = end;
        }
        if let Some(last) = last {
            apply_ial(&mut events[start..], last);
        }
        None
    }
}

/// Take an attribute list off the first line of a paragraph (kramdown applies a block
/// attribute list to the block right under it).
fn leading_ial(events: &mut Vec<Event<'_>>) -> Option<Ial> {
    let [Event::Start(Tag::Paragraph), Event::Text(text), Event::SoftBreak, ..] = events.as_slice()
    else {
        return None;
    };
    let ial = parse_ial(text)?;
    events.drain(1..3);
    Some(ial)
}

/// A paragraph with lines of attribute list between its lines, cut at each: the events
/// become paragraphs (those lines taken out); returns, for each cut, where the next
/// paragraph starts and the list the paragraph before it takes.
fn split_at_ial_lines(events: &mut Vec<Event<'_>>) -> Vec<(usize, Ial)> {
    let mut cuts = Vec::new();
    if !matches!(events.first(), Some(Event::Start(Tag::Paragraph)))
        || !matches!(events.last(), Some(Event::End(TagEnd::Paragraph)))
    {
        return cuts;
    }
    let mut depth = 0usize;
    for (i, event) in events.iter().enumerate() {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Text(text)
                if depth == 1
                    && i >= 2
                    && matches!(events[i - 1], Event::SoftBreak)
                    && matches!(events.get(i + 1), Some(Event::SoftBreak))
                    && text.trim_start().starts_with("{:") =>
            {
                if let Some(ial) = parse_ial(text) {
                    cuts.push((i, ial));
                }
            }
            _ => {}
        }
    }
    // `... SoftBreak, {: list}, SoftBreak ...` -> `... End, Start ...`: each cut takes
    // one event out before the next.
    for (k, (at, _)) in cuts.iter_mut().enumerate() {
        *at -= k;
        events.splice(
            *at - 1..*at + 2,
            [Event::End(TagEnd::Paragraph), Event::Start(Tag::Paragraph)],
        );
    }
    cuts
}

/// Take an attribute list off the last line of a paragraph or heading.
fn trailing_ial(events: &mut Vec<Event<'_>>) -> Option<Ial> {
    let n = events.len();
    if n < 4 {
        return None;
    }
    let closes = matches!(
        events[n - 1],
        Event::End(TagEnd::Paragraph) | Event::End(TagEnd::Heading(_))
    );
    let Event::Text(text) = &events[n - 2] else {
        return None;
    };
    if !closes || !matches!(events[n - 3], Event::SoftBreak) {
        return None;
    }
    let ial = parse_ial(text)?;
    events.drain(n - 3..n - 1);
    Some(ial)
}

/// Put `ial` on the block's outer element: a heading takes it as its attributes, a
/// paragraph is written with them; a table, a list, a quotation, a code block or a rule
/// gets them in its HTML (returned, a code block's language taken first); on other blocks
/// it is dropped (kept hidden).
fn apply_ial(events: &mut [Event<'_>], mut ial: Ial) -> Option<Ial> {
    let n = events.len();
    match events.first_mut() {
        Some(Event::Start(Tag::Heading {
            id, classes, attrs, ..
        })) => {
            if let Some(new) = ial.id {
                *id = Some(CowStr::from(new));
            }
            classes.extend(ial.classes.into_iter().map(CowStr::from));
            attrs.extend(
                ial.attrs
                    .into_iter()
                    .map(|(k, v)| (CowStr::from(k), Some(CowStr::from(v)))),
            );
            None
        }
        Some(first @ Event::Start(Tag::Paragraph)) => {
            let tag = format!("<p{}>", span_ial::attributes(&ial));
            *first = Event::Html(CowStr::from(tag));
            if let Some(last @ Event::End(TagEnd::Paragraph)) = events.get_mut(n - 1) {
                *last = Event::Html(CowStr::Borrowed("</p>\n"));
            }
            None
        }
        first if block_ial::takes_outer(first.as_deref()) => {
            block_ial::code_language(events, &mut ial);
            Some(ial)
        }
        _ => None,
    }
}
