//! A long run of one emphasis marker standing in text (`Name: ______ Date: ______`, a line
//! of stars between words) as kramdown reads it. CommonMark reads a run with white space
//! on both sides as text; kramdown opens strong at its first two markers and closes it two
//! further on, so Jekyll's page shows `<strong>__</strong>` (a run of six), `<em>__</em>`
//! (four), `<strong>__</strong>_` (seven). [`MarkerRuns`], fed the parser's events with
//! their offsets, reads each run CommonMark left as text the way kramdown's
//! `parse_emphasis` does, and writes the spans it makes. When that reading would depend on
//! the text after the run (a span left open at its end, with the marker further on) or on
//! markers before it, the run stays text.

use core::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::Fed;

/// The longest run read (a longer one stays text).
const LONGEST: usize = 256;

/// What kramdown's span parser is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Em,
    Strong,
}

/// A piece of a run as kramdown reads it.
#[derive(Debug, PartialEq, Eq)]
enum Piece {
    /// Markers written as text (how many).
    Text(usize),
    /// A span and what is in it.
    Span(Kind, Vec<Piece>),
}

/// The reading depends on text this reader does not see.
struct Unknown;

/// A run of `n` markers `c`, with `before` and `after` it (`None`: the block's start or
/// end) and whether the block's text after it holds the marker again.
struct Run {
    c: char,
    n: usize,
    before: Option<char>,
    after: Option<char>,
    marker_after: bool,
}

impl Run {
    /// Whether kramdown sees white space at `at` (only the character after the run can be).
    fn space_at(&self, at: usize) -> bool {
        at >= self.n && self.after.is_some_and(char::is_whitespace)
    }

    /// kramdown's `parse_spans` from `at`, in a span of `kind` closed by `stop` markers
    /// (`None`: the block itself); `outer` the kinds open around it. Gives its pieces,
    /// where it stopped and whether its closing run was found.
    fn spans(
        &self,
        mut at: usize,
        stop: Option<usize>,
        kind: Kind,
        outer: &[Kind],
    ) -> Result<(Vec<Piece>, usize, bool), Unknown> {
        let mut pieces = Vec::new();
        loop {
            if let Some(stop) = stop {
                if at + stop <= self.n && self.closes(at, stop, kind, &pieces) {
                    return Ok((pieces, at, true));
                }
            }
            if at >= self.n {
                // Past the run: a span still open closes further on if the marker comes
                // again (not known here), else never.
                if stop.is_some() && self.marker_after {
                    return Err(Unknown);
                }
                return Ok((pieces, at, false));
            }
            at = self.emphasis(at, kind, outer, &mut pieces)?;
        }
    }

    /// Whether the closing run of `stop` markers at `at` closes a span of `kind` holding
    /// `pieces` (kramdown's condition in `parse_emphasis`).
    fn closes(&self, at: usize, stop: usize, kind: Kind, pieces: &[Piece]) -> bool {
        let left = self.n - at;
        // Emphasis does not close at exactly two markers.
        let two = kind == Kind::Em && left == 2;
        let before_word =
            self.c == '_' && left == stop && self.after.is_some_and(char::is_alphanumeric);
        !two && !before_word && !pieces.is_empty()
    }

    /// kramdown's `parse_emphasis` at `at` (a marker), in a span of `kind`; gives where
    /// reading goes on.
    fn emphasis(
        &self,
        at: usize,
        kind: Kind,
        outer: &[Kind],
        pieces: &mut Vec<Piece>,
    ) -> Result<usize, Unknown> {
        let len = (self.n - at).min(2);
        let element = if len == 2 { Kind::Strong } else { Kind::Em };
        let previous = if at == 0 { self.before } else { Some(self.c) };
        let after_letter = self.c == '_' && previous.is_some_and(|p| p.is_alphabetic() || p == '-');
        if after_letter || self.space_at(at + len) || kind == element || outer.contains(&element) {
            text(pieces, len);
            return Ok(at + len);
        }
        let mut around = outer.to_vec();
        around.push(kind);
        let (inner, end, found) = self.spans(at + len, Some(len), element, &around)?;
        if found {
            pieces.push(Piece::Span(element, inner));
            return Ok(end + len);
        }
        if element == Kind::Strong && kind != Kind::Em {
            let (inner, end, found) = self.spans(at + 1, Some(1), Kind::Em, &around)?;
            if found {
                pieces.push(Piece::Span(Kind::Em, inner));
                return Ok(end + 1);
            }
        }
        text(pieces, len);
        Ok(at + len)
    }
}

/// Whether the character at `at` of `text` is escaped (an odd run of backslashes before it).
fn escaped(text: &str, at: usize) -> bool {
    text[..at].bytes().rev().take_while(|&b| b == b'\\').count() % 2 == 1
}

/// `n` markers added to `pieces` as text.
fn text(pieces: &mut Vec<Piece>, n: usize) {
    match pieces.last_mut() {
        Some(Piece::Text(m)) => *m += n,
        _ => pieces.push(Piece::Text(n)),
    }
}

/// How kramdown reads `run` in a span of `kind` (inside `outer` ones), if it makes a span
/// of it and does not depend on what it cannot see.
fn read(run: &Run, kind: Kind, outer: &[Kind]) -> Option<Vec<Piece>> {
    if run.n > LONGEST {
        return None;
    }
    let (pieces, _, _) = run.spans(0, None, kind, outer).ok()?;
    pieces
        .iter()
        .any(|p| matches!(p, Piece::Span(..)))
        .then_some(pieces)
}

/// The events of `pieces`, the run starting at `at` of the text.
fn events(
    pieces: &[Piece],
    c: char,
    at: &mut usize,
    out: &mut Vec<(Event<'static>, Range<usize>)>,
) {
    for piece in pieces {
        match piece {
            Piece::Text(n) => {
                out.push((
                    Event::Text(CowStr::from(c.to_string().repeat(*n))),
                    *at..*at + n,
                ));
                *at += n;
            }
            Piece::Span(kind, inner) => {
                let (open, close, len) = match kind {
                    Kind::Strong => (Tag::Strong, TagEnd::Strong, 2),
                    _ => (Tag::Emphasis, TagEnd::Emphasis, 1),
                };
                let start = *at;
                let mut inside = Vec::new();
                *at += len;
                events(inner, c, at, &mut inside);
                *at += len;
                out.push((Event::Start(open), start..*at));
                out.extend(inside);
                out.push((Event::End(close), start..*at));
            }
        }
    }
}

/// An element open around text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    Span(Kind),
    Link,
    /// Anything else (an image's text, a strike-through): its runs are left as they are.
    Other,
}

/// A block holding inline text, as the reader follows it.
#[derive(Debug, Clone, Copy)]
struct Block {
    /// Where its source ends.
    end: usize,
    /// Up to where kramdown is known to read it at its top (no marker before it that is
    /// not a run read here); `None` before its first inline event.
    known: Option<usize>,
}

/// A run going on past the text event it starts in (the parser gives a run it may open
/// spans at in pieces): the events held until its end.
#[derive(Debug)]
struct Held {
    /// The run's reading, its character, start and end.
    pieces: Option<Vec<Piece>>,
    c: char,
    start: usize,
    end: usize,
    /// The events so far, the text before the run being the first's.
    events: Vec<(Event<'static>, Range<usize>)>,
}

/// Follows a stretch's events with their offsets (after [`super::SameSpans`]) and writes
/// the runs of markers CommonMark left as text as kramdown reads them.
#[derive(Debug, Default)]
pub(crate) struct MarkerRuns {
    blocks: Vec<Block>,
    /// The spans and links open, each with the character it opens with.
    inline: Vec<(Open, char)>,
    in_code: bool,
    held: Option<Held>,
}

impl MarkerRuns {
    /// `event` (at `range` of `text`) and, for a text holding a run, the events of its
    /// reading.
    pub(crate) fn feed<'a>(
        &mut self,
        event: Event<'a>,
        range: Range<usize>,
        text: &str,
    ) -> Fed<'a> {
        let mut out = Vec::new();
        if let Some(mut held) = self.held.take() {
            let literal =
                matches!(&event, Event::Text(t) if text.get(range.clone()) == Some(t.as_ref()));
            if literal && range.start < held.end {
                held.events.push((
                    Event::Text(CowStr::from(text[range.clone()].to_string())),
                    range.clone(),
                ));
                if range.end < held.end {
                    self.held = Some(held);
                    return Fed::One(None);
                }
                match held.pieces {
                    Some(pieces) => {
                        let first = held.events[0].1.start;
                        if first < held.start {
                            out.push((
                                Event::Text(CowStr::from(text[first..held.start].to_string())),
                                first..held.start,
                            ));
                        }
                        let mut place = held.start;
                        events(&pieces, held.c, &mut place, &mut out);
                        self.scan(held.end, range.end, text, &mut out);
                    }
                    None => out.extend(held.events),
                }
                return Fed::Many(out.into_iter());
            }
            out.extend(held.events);
            if let Some(block) = self.blocks.last_mut() {
                block.known = Some(usize::MAX);
            }
        }
        let plain = |out: Vec<_>, event, range| match out.is_empty() {
            true => Fed::One(Some((event, range))),
            false => {
                let mut out: Vec<(Event<'a>, Range<usize>)> = out;
                out.push((event, range));
                Fed::Many(out.into_iter())
            }
        };
        match &event {
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::TableCell | Tag::Item) => {
                self.blocks.push(Block {
                    end: range.end,
                    known: None,
                });
                return plain(out, event, range);
            }
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell | TagEnd::Item,
            ) => {
                self.blocks.pop();
                return plain(out, event, range);
            }
            Event::Start(Tag::CodeBlock(_)) => self.in_code = true,
            Event::End(TagEnd::CodeBlock) => self.in_code = false,
            _ => {}
        }
        let Some(block) = self.blocks.last_mut() else {
            return plain(out, event, range);
        };
        let known = *block.known.get_or_insert(range.start);
        // Past a span both parsers read (its markers its own) or a code span: known still.
        let past = |end: usize| {
            Some(if known == usize::MAX {
                known
            } else {
                known.max(end)
            })
        };
        let open = match &event {
            Event::Start(Tag::Emphasis) => Some(Open::Span(Kind::Em)),
            Event::Start(Tag::Strong) => Some(Open::Span(Kind::Strong)),
            Event::Start(Tag::Link { .. }) => Some(Open::Link),
            Event::Start(
                Tag::Strikethrough | Tag::Superscript | Tag::Subscript | Tag::Image { .. },
            ) => Some(Open::Other),
            _ => None,
        };
        if let Some(open) = open {
            let c = text[range.start.min(text.len())..]
                .chars()
                .next()
                .unwrap_or(' ');
            self.inline.push((open, c));
            return plain(out, event, range);
        }
        let Event::Text(shown) = &event else {
            match &event {
                Event::End(
                    TagEnd::Emphasis
                    | TagEnd::Strong
                    | TagEnd::Link
                    | TagEnd::Strikethrough
                    | TagEnd::Superscript
                    | TagEnd::Subscript
                    | TagEnd::Image,
                ) => {
                    self.inline.pop();
                    block.known = past(range.end);
                }
                Event::Start(_) | Event::End(_) => {}
                Event::Code(_) => block.known = past(range.end),
                Event::SoftBreak | Event::HardBreak => {}
                // HTML, math, a note: may hold markers.
                _ => block.known = Some(usize::MAX),
            }
            return plain(out, event, range);
        };
        let literal = text.get(range.clone()) == Some(shown.as_ref());
        let marker = |c: char| matches!(c, '_' | '*');
        let other = self.inline.iter().any(|(o, _)| *o == Open::Other);
        if self.in_code || other || !literal || !shown.contains(marker) {
            // A backslash escape is text to both parsers.
            let escape = text.get(range.clone()).and_then(|s| s.strip_prefix('\\'));
            if escape == Some(shown.as_ref()) {
                block.known = past(range.end);
            } else if !literal && !self.in_code && !other {
                block.known = Some(usize::MAX);
            }
            return plain(out, event, range);
        }
        let before = out.len();
        self.scan(range.start, range.end, text, &mut out);
        if out.len() == before + 1 && self.held.is_none() {
            // Nothing read: the event as it was.
            out.pop();
            return plain(out, event, range);
        }
        Fed::Many(out.into_iter())
    }

    /// The events of the literal text `from..to` of the open block, its runs read; a run
    /// going on past `to` is held.
    fn scan(
        &mut self,
        from: usize,
        to: usize,
        text: &str,
        out: &mut Vec<(Event<'static>, Range<usize>)>,
    ) {
        let Some(block) = self.blocks.last_mut() else {
            return;
        };
        let end = block.end.min(text.len());
        let mut known = block.known.unwrap_or(from);
        let mut written = from;
        let mut at = from;
        while at < to {
            let Some(c) = text[at..to]
                .chars()
                .next()
                .filter(|c| matches!(c, '_' | '*'))
            else {
                at += text[at..].chars().next().map_or(1, char::len_utf8);
                continue;
            };
            // An escaped marker is text to both parsers.
            if escaped(text, at) {
                at += 1;
                continue;
            }
            let n = text[at..end].bytes().take_while(|&b| b == c as u8).count();
            let run_end = at + n;
            // Only a long run is read, where kramdown is known to be: no marker of the
            // run's before it in the block that is not read here, no span of its
            // character open around it. (A short one leaves `known` where it is, so a run
            // of its character after it is not read.)
            let long = n >= 4;
            let clean = long
                && known <= at
                && !text[known..at]
                    .match_indices(c)
                    .any(|(i, _)| !escaped(text, known + i))
                && !self
                    .inline
                    .iter()
                    .any(|&(o, ch)| matches!(o, Open::Span(_)) && ch == c);
            let pieces = clean.then(|| {
                let mut kinds: Vec<Kind> = self
                    .inline
                    .iter()
                    .filter_map(|&(o, _)| match o {
                        Open::Span(kind) => Some(kind),
                        _ => None,
                    })
                    .collect();
                let kind = kinds.pop().unwrap_or(Kind::Text);
                let run = Run {
                    c,
                    n,
                    before: text[..at].chars().next_back(),
                    after: text[run_end..end].chars().next(),
                    marker_after: text[run_end..end].contains(c),
                };
                read(&run, kind, &kinds)
            });
            let pieces = pieces.flatten();
            if run_end > to {
                // Held until the events of the rest of the run come.
                let held_from = written;
                self.held = Some(Held {
                    pieces,
                    c,
                    start: at,
                    end: run_end,
                    events: vec![(
                        Event::Text(CowStr::from(text[held_from..to].to_string())),
                        held_from..to,
                    )],
                });
                block.known = Some(match &self.held {
                    Some(Held {
                        pieces: Some(_), ..
                    }) => run_end,
                    _ if !long => known,
                    _ => usize::MAX,
                });
                return;
            }
            match pieces {
                Some(pieces) => {
                    if written < at {
                        out.push((
                            Event::Text(CowStr::from(text[written..at].to_string())),
                            written..at,
                        ));
                    }
                    let mut place = at;
                    events(&pieces, c, &mut place, out);
                    written = run_end;
                    known = run_end;
                }
                None if !long => {}
                None => known = usize::MAX,
            }
            at = run_end;
        }
        block.known = Some(known);
        if written < to {
            out.push((
                Event::Text(CowStr::from(text[written..to].to_string())),
                written..to,
            ));
        }
    }
}

#[cfg(test)]
mod tests;
