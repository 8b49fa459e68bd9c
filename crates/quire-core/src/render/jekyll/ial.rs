//! kramdown's inline attribute lists on blocks (`{: .class #id key="value"}`): read,
//! joined when a block has more than one, and put on the block's element.

use core::ops::Range;

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
        // Any white space parts the words, a line break too (a span's list may go on over
        // lines: `{: .icon` then `width="70"}`).
        let end = if let Some(eq) = rest
            .find('=')
            .filter(|&eq| !rest[..eq].contains(char::is_whitespace))
        {
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
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
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

/// If the block is a paragraph holding only attribute lists (a line each), those lists
/// together.
pub(crate) fn ial_only(events: &mut Vec<Event<'_>>) -> Option<Ial> {
    merge_text(events);
    let [Event::Start(Tag::Paragraph), lines @ .., Event::End(TagEnd::Paragraph)] =
        events.as_slice()
    else {
        return None;
    };
    let mut together: Option<Ial> = None;
    for (k, event) in lines.iter().enumerate() {
        match event {
            Event::Text(text) if k % 2 == 0 => {
                let list = parse_ial(text)?;
                together = Some(match together {
                    Some(earlier) => Ial::together(earlier, list),
                    None => list,
                });
            }
            Event::SoftBreak if k % 2 == 1 && k + 1 < lines.len() => {}
            _ => return None,
        }
    }
    together
}

/// Put the block's attribute lists where kramdown puts them: `ial` (written on its own
/// line next to the block), lines of them in a paragraph (each run of them ends the
/// paragraph before it, which takes it; a run before its first line goes to its first
/// piece), one on a heading's last line. Returns the list for the block's outer element
/// when the events cannot carry it ([`apply_ial`]).
pub(super) fn place(events: &mut Vec<Event<'_>>, ial: Option<Ial>) -> Option<Ial> {
    match paragraph_ial_lines(events, ial) {
        Ok(pieces) => {
            for (range, list) in pieces {
                apply_ial(&mut events[range], list);
            }
            None
        }
        Err(ial) => {
            // A list on the line above a setext heading's text (CommonMark reads the two
            // lines as its text) is written before the heading: the heading's.
            let ial = match (leading_heading_ial(events), ial) {
                (Some(leading), Some(ial)) => Some(Ial::together(leading, ial)),
                (leading, ial) => leading.or(ial),
            };
            trailing_ial(events)
                .or(ial)
                .and_then(|ial| apply_ial(events, ial))
        }
    }
}

/// A paragraph's lines that are attribute lists, taken out of its events in one pass (a
/// post of thousands costs their count, not its square), the paragraph cut after each run
/// of them that has lines after it. Returns each piece of paragraph that takes a list (its
/// range in the new events) with the list: the run after it, and for the first piece also
/// `ial` and a run before its first line, in the order written. `Err(ial)`, the events
/// untouched, when the block is no paragraph, has no such line, or holds nothing else.
fn paragraph_ial_lines(
    events: &mut Vec<Event<'_>>,
    ial: Option<Ial>,
) -> Result<Vec<(Range<usize>, Ial)>, Option<Ial>> {
    let Some(last) = events.len().checked_sub(1) else {
        return Err(ial);
    };
    if last == 0
        || !matches!(events[0], Event::Start(Tag::Paragraph))
        || !matches!(events[last], Event::End(TagEnd::Paragraph))
    {
        return Err(ial);
    }
    // The lines that are attribute lists (each a text of its own between line breaks).
    let mut lists: Vec<(usize, Ial)> = Vec::new();
    let (mut depth, mut breaks) = (0usize, 0usize);
    for i in 1..last {
        match &events[i] {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::SoftBreak if depth == 0 => breaks += 1,
            Event::Text(text)
                if depth == 0
                    && (i == 1 || matches!(events[i - 1], Event::SoftBreak))
                    && (i + 1 == last || matches!(events[i + 1], Event::SoftBreak))
                    && text.trim_start().starts_with("{:") =>
            {
                if let Some(list) = parse_ial(text) {
                    lists.push((i, list));
                }
            }
            _ => {}
        }
    }
    if lists.is_empty() || lists.len() > breaks {
        return Err(ial);
    }
    let together = |earlier: Option<Ial>, later: Ial| match earlier {
        Some(earlier) => Ial::together(earlier, later),
        None => later,
    };
    let mut lists = lists.into_iter().peekable();
    let mut out = Vec::with_capacity(events.len());
    let mut pieces: Vec<(Range<usize>, Ial)> = Vec::new();
    let (mut leading, mut run): (Option<Ial>, Option<Ial>) = (ial, None);
    let (mut piece_start, mut has_content, mut after_list) = (0, false, false);
    for (i, event) in std::mem::take(events).into_iter().enumerate() {
        if let Some((_, list)) = lists.next_if(|(at, _)| *at == i) {
            run = Some(together(run.take(), list));
            // The line break before the list's line goes with it, and the one after.
            if matches!(out.last(), Some(Event::SoftBreak)) {
                out.pop();
            }
            after_list = true;
            continue;
        }
        if std::mem::take(&mut after_list) && matches!(event, Event::SoftBreak) {
            continue;
        }
        if i == last {
            out.push(event);
            if let Some(run) = run.take() {
                pieces.push((piece_start..out.len(), run));
            }
            continue;
        }
        if i > 0 {
            match run.take() {
                Some(run) if has_content => {
                    out.push(Event::End(TagEnd::Paragraph));
                    pieces.push((piece_start..out.len(), run));
                    piece_start = out.len();
                    out.push(Event::Start(Tag::Paragraph));
                }
                Some(run) => leading = Some(together(leading.take(), run)),
                None => {}
            }
            has_content = true;
        }
        out.push(event);
    }
    *events = out;
    if let Some(leading) = leading {
        match pieces.first_mut() {
            Some((range, list)) if range.start == 0 => {
                *list = Ial::together(leading, core::mem::take(list));
            }
            _ => {
                let end = events
                    .iter()
                    .position(|e| matches!(e, Event::End(TagEnd::Paragraph)))
                    .map_or(events.len(), |i| i + 1);
                pieces.insert(0, (0..end, leading));
            }
        }
    }
    Ok(pieces)
}

/// Take an attribute list off the first line of a heading's text, when more text follows
/// it (a setext heading's two lines to CommonMark: `{: .x}`, then `Title`, then `---`).
fn leading_heading_ial(events: &mut Vec<Event<'_>>) -> Option<Ial> {
    let [Event::Start(Tag::Heading { .. }), Event::Text(text), Event::SoftBreak, _, ..] =
        events.as_slice()
    else {
        return None;
    };
    if matches!(events[3], Event::End(_)) {
        return None;
    }
    let ial = parse_ial(text)?;
    events.drain(1..3);
    Some(ial)
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
