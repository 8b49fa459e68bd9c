//! YAML front matter: typed top-level fields read with a real YAML parser
//! (saphyr-parser), and edits made as minimal text edits, never by re-serialising.
//!
//! The parser's events carry source positions. From them each top-level entry gets the
//! byte span of its key, of its value and of its whole lines, so that an edit replaces
//! only what it must: a scalar's characters, a flow list's brackets, a block list's items,
//! and otherwise the entry's own lines. Comments, blank lines, key order, quoting style
//! and list style elsewhere are never touched.

use core::ops::Range;

use saphyr_parser::{Event, Marker, Parser, ScalarStyle, Span};

use super::yaml_scalar::{is_timestamp, resolve_plain, write_string, Quoting};

mod margins;
use super::{Entry, FrontMatterError, Shape, Value};
use margins::margin_continuations;

/// Read the top-level entries of the YAML `content`, which starts at byte `offset` of the
/// source, on line `first_line` (1-based).
pub fn entries(
    content: &str,
    offset: usize,
    first_line: usize,
) -> Result<Vec<Entry>, FrontMatterError> {
    let (padded, added) = margin_continuations(content).unzip();
    let input = padded.as_deref().unwrap_or(content);
    let mut reader = Reader::new(content, input, offset, first_line);
    reader.added = added.unwrap_or_default();
    reader.document()
}

struct Reader<'a> {
    parser: Parser<'a, saphyr_parser::StrInput<'a>>,
    content: &'a str,
    /// The character indexes (in the parser's text) of the spaces `margin_continuations`
    /// added, in order.
    added: Vec<usize>,
    offset: usize,
    first_line: usize,
    /// Byte offset of each character index, plus the end.
    char_bytes: Vec<usize>,
    /// Byte offset of the start of each line (0-based line index).
    line_starts: Vec<usize>,
}

/// A parsed node: its value and its bytes in the content.
struct Node {
    value: Value,
    start: usize,
    end: usize,
    shape: Shape,
}

impl<'a> Reader<'a> {
    fn new(content: &'a str, input: &'a str, offset: usize, first_line: usize) -> Self {
        let char_bytes = content
            .char_indices()
            .map(|(i, _)| i)
            .chain(core::iter::once(content.len()))
            .collect();
        let line_starts = core::iter::once(0)
            .chain(content.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Reader {
            parser: Parser::new_from_str(input),
            content,
            added: Vec::new(),
            offset,
            first_line,
            char_bytes,
            line_starts,
        }
    }

    fn error(&self, line: usize, col: usize, message: impl Into<String>) -> FrontMatterError {
        FrontMatterError {
            line: self.first_line + line.saturating_sub(1),
            column: col + 1,
            message: message.into(),
        }
    }

    fn next(&mut self) -> Result<(Event<'a>, Span), FrontMatterError> {
        match self.parser.next_event() {
            Some(Ok(event)) => Ok(event),
            Some(Err(e)) => {
                let m = *e.marker();
                Err(self.error(m.line(), m.col(), e.info().to_string()))
            }
            None => Err(self.error(self.line_starts.len(), 0, "unexpected end of front matter")),
        }
    }

    /// Byte offset in the content of a marker.
    fn byte(&self, m: &Marker) -> usize {
        // (Less the spaces added before it: an index of the content.)
        let index = m.index() - self.added.partition_point(|&a| a < m.index());
        self.char_bytes
            .get(index)
            .copied()
            .unwrap_or(self.content.len())
    }

    /// The 1-based line holding content byte `at`.
    fn line_of(&self, at: usize) -> usize {
        self.line_starts
            .partition_point(|&start| start <= at)
            .max(1)
    }

    /// The end of a quoted scalar that opens at content byte `start`. (The parser's end
    /// marker for quoted scalars runs on over trailing blanks and comments.)
    fn quoted_end(&self, start: usize) -> usize {
        let text = &self.content[start..];
        let mut chars = text.char_indices();
        let quote = chars.next().map(|(_, c)| c);
        while let Some((i, c)) = chars.next() {
            match (quote, c) {
                (Some('"'), '\\') => {
                    chars.next();
                }
                (Some('\''), '\'') if text[i + 1..].starts_with('\'') => {
                    chars.next();
                }
                (Some(q), c) if c == q => return start + i + 1,
                _ => {}
            }
        }
        self.content.len()
    }

    /// Absolute byte range of the whole lines `first..=last` (1-based), line break included.
    fn line_range(&self, first: usize, last: usize) -> Range<usize> {
        let start = self
            .line_starts
            .get(first.saturating_sub(1))
            .copied()
            .unwrap_or(self.content.len());
        let end = self
            .line_starts
            .get(last)
            .copied()
            .unwrap_or(self.content.len());
        self.offset + start..self.offset + end.max(start)
    }

    fn document(&mut self) -> Result<Vec<Entry>, FrontMatterError> {
        let mut entries = Vec::new();
        loop {
            match self.next()? {
                (Event::StreamStart | Event::DocumentStart(_), _) => {}
                (Event::StreamEnd, _) => return Ok(entries),
                (Event::DocumentEnd, _) => {}
                (Event::MappingStart(..), _) => self.top_mapping(&mut entries)?,
                (_, span) => {
                    return Err(self.error(
                        span.start.line(),
                        span.start.col(),
                        "front matter must be `key: value` lines",
                    ))
                }
            }
        }
    }

    fn top_mapping(&mut self, entries: &mut Vec<Entry>) -> Result<(), FrontMatterError> {
        loop {
            let (event, span) = self.next()?;
            let (key, style_of_key) = match event {
                Event::MappingEnd => return Ok(()),
                Event::Scalar(text, style, ..) => (text.into_owned(), style),
                _ => {
                    return Err(self.error(
                        span.start.line(),
                        span.start.col(),
                        "a front-matter key must be a plain name",
                    ))
                }
            };
            let first = self.next()?;
            let node = self.node(first)?;
            // The value's last line holds its last byte (a block scalar ends at the start
            // of the line after it).
            let last_line = self.line_of(node.end.saturating_sub(1).max(node.start));
            let key_start = self.byte(&span.start);
            let key_end = match style_of_key {
                ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted => self.quoted_end(key_start),
                _ => self.byte(&span.end),
            };
            entries.push(Entry {
                key,
                value: node.value,
                key_span: self.offset + key_start..self.offset + key_end,
                value_span: self.offset + node.start..self.offset + node.end,
                lines: self.line_range(span.start.line(), last_line.max(span.start.line())),
                shape: node.shape,
            });
        }
    }

    fn node(&mut self, (event, span): (Event<'a>, Span)) -> Result<Node, FrontMatterError> {
        let start = self.byte(&span.start);
        match event {
            Event::Scalar(text, style, ..) => {
                let end = match style {
                    ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted => self.quoted_end(start),
                    _ => self.byte(&span.end),
                };
                let one_line = !self.content[start..end].contains('\n');
                let shape = match style {
                    ScalarStyle::Plain if text.is_empty() => Shape::Empty,
                    ScalarStyle::Plain if one_line => Shape::Scalar(Quoting::Plain),
                    ScalarStyle::SingleQuoted if one_line => Shape::Scalar(Quoting::Single),
                    ScalarStyle::DoubleQuoted if one_line => Shape::Scalar(Quoting::Double),
                    _ => Shape::Other,
                };
                let value = match style {
                    ScalarStyle::Plain => resolve_plain(&text),
                    _ => Value::String(text.into_owned()),
                };
                Ok(Node {
                    value,
                    start,
                    end,
                    shape,
                })
            }
            Event::SequenceStart(..) => {
                let flow = span.start.index() != span.end.index();
                let mut items = Vec::new();
                let mut end = start;
                loop {
                    let next = self.next()?;
                    if let (Event::SequenceEnd, close) = &next {
                        if flow {
                            // Just past the `]` (the parser's end marker runs on).
                            end = self.byte(&close.start) + 1;
                        }
                        break;
                    }
                    let item = self.node(next)?;
                    end = item.end;
                    items.push(item.value);
                }
                let shape = if flow {
                    Shape::FlowList
                } else {
                    Shape::BlockList
                };
                Ok(Node {
                    value: Value::List(items),
                    start,
                    end,
                    shape,
                })
            }
            Event::MappingStart(..) => {
                let flow = span.start.index() != span.end.index();
                let mut pairs = Vec::new();
                let mut end = start;
                loop {
                    let next = self.next()?;
                    if let (Event::MappingEnd, close) = &next {
                        if flow {
                            end = self.byte(&close.start) + 1;
                        }
                        break;
                    }
                    let key = self.node(next)?;
                    let value_event = self.next()?;
                    let value = self.node(value_event)?;
                    end = value.end;
                    pairs.push((key.value.to_plain_string(), value.value));
                }
                Ok(Node {
                    value: Value::Map(pairs),
                    start,
                    end,
                    shape: Shape::Other,
                })
            }
            Event::Alias(_) => Ok(Node {
                value: Value::Null,
                start,
                end: self.byte(&span.end),
                shape: Shape::Other,
            }),
            _ => Err(self.error(
                span.start.line(),
                span.start.col(),
                "unexpected YAML structure",
            )),
        }
    }
}

/// The line break the block uses: `\r\n` if its first line ends so, else `\n`.
pub fn line_break(block: &str) -> &'static str {
    match block.find('\n') {
        Some(i) if block[..i].ends_with('\r') => "\r\n",
        _ => "\n",
    }
}

/// A scalar value written inline, in the quoting style `quoting` when it fits.
pub fn write_scalar(value: &Value, quoting: Quoting, in_flow: bool) -> String {
    match value {
        Value::Null => "null".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => write_float(*f),
        Value::DateTime(t) if is_timestamp(t) => t.clone(),
        Value::String(s) | Value::DateTime(s) => {
            let flow_unsafe = in_flow && s.contains([',', '[', ']', '{', '}']);
            let quoting = if flow_unsafe && quoting == Quoting::Plain {
                Quoting::Single
            } else {
                quoting
            };
            write_string(s, quoting)
        }
        Value::List(items) => write_flow_list(items),
        Value::Map(pairs) => {
            let inner: Vec<String> = pairs
                .iter()
                .map(|(k, v)| {
                    format!(
                        "{}: {}",
                        write_string(k, Quoting::Plain),
                        write_scalar(v, Quoting::Plain, true)
                    )
                })
                .collect();
            format!("{{{}}}", inner.join(", "))
        }
    }
}

fn write_float(f: f64) -> String {
    if f.is_nan() {
        ".nan".to_string()
    } else if f.is_infinite() {
        if f > 0.0 { ".inf" } else { "-.inf" }.to_string()
    } else {
        let s = f.to_string();
        if s.contains(['.', 'e', 'E']) {
            s
        } else {
            format!("{s}.0")
        }
    }
}

/// `[a, b, c]`.
pub fn write_flow_list(items: &[Value]) -> String {
    let inner: Vec<String> = items
        .iter()
        .map(|v| write_scalar(v, Quoting::Plain, true))
        .collect();
    format!("[{}]", inner.join(", "))
}

/// `- a` lines at `indent` spaces, each ending in `eol`.
pub fn write_block_list(items: &[Value], indent: usize, eol: &str) -> String {
    let pad = " ".repeat(indent);
    items
        .iter()
        .map(|v| format!("{pad}- {}{eol}", write_scalar(v, Quoting::Plain, false)))
        .collect()
}

/// A whole new entry: `key: value` (maps in block style under the key).
pub fn write_entry(key: &str, value: &Value, eol: &str) -> String {
    format!(
        "{}{}",
        write_string(key, Quoting::Plain),
        write_after_key(value, eol)
    )
}

/// What follows the key in an entry: `: value` and its line break, or `:` and the lines of
/// a block map.
pub fn write_after_key(value: &Value, eol: &str) -> String {
    match value {
        Value::Map(pairs) if !pairs.is_empty() => {
            let mut out = format!(":{eol}");
            for (k, v) in pairs {
                out.push_str(&format!(
                    "  {}: {}{eol}",
                    write_string(k, Quoting::Plain),
                    write_scalar(v, Quoting::Plain, false)
                ));
            }
            out
        }
        _ => format!(": {}{eol}", write_scalar(value, Quoting::Plain, false)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(content: &str) -> Vec<(String, Value, Shape)> {
        entries(content, 0, 1)
            .unwrap_or_else(|e| panic!("{content:?}: {e}"))
            .into_iter()
            .map(|e| (e.key, e.value, e.shape))
            .collect()
    }

    #[test]
    fn reads_typed_fields() {
        let content = "title: \"Héllo\" # c\ntags:\n  - a\n  - b\nlist: [x, 2]\nblock: |\n  one\n  two\nempty:\nmap:\n  k: v\npublished: false\ndate: 2026-01-31 10:00:00 +0100\n";
        let got = read(content);
        let s = |t: &str| Value::String(t.to_string());
        assert_eq!(
            got,
            vec![
                ("title".into(), s("Héllo"), Shape::Scalar(Quoting::Double)),
                (
                    "tags".into(),
                    Value::List(vec![s("a"), s("b")]),
                    Shape::BlockList
                ),
                (
                    "list".into(),
                    Value::List(vec![s("x"), Value::Int(2)]),
                    Shape::FlowList
                ),
                ("block".into(), s("one\ntwo\n"), Shape::Other),
                ("empty".into(), Value::Null, Shape::Empty),
                (
                    "map".into(),
                    Value::Map(vec![("k".into(), s("v"))]),
                    Shape::Other
                ),
                (
                    "published".into(),
                    Value::Bool(false),
                    Shape::Scalar(Quoting::Plain)
                ),
                (
                    "date".into(),
                    Value::DateTime("2026-01-31 10:00:00 +0100".into()),
                    Shape::Scalar(Quoting::Plain)
                ),
            ]
        );
    }

    #[test]
    fn spans_cover_keys_values_and_lines() {
        let content = "a: 1\ntags:\n  - x\n  - y\nblock: |\n  one\nz: é # c\n";
        let e = entries(content, 10, 2).unwrap_or_default();
        let text = |r: &Range<usize>| &content[r.start - 10..r.end - 10];
        assert_eq!(text(&e[0].lines), "a: 1\n");
        assert_eq!(text(&e[1].lines), "tags:\n  - x\n  - y\n");
        assert_eq!(text(&e[2].lines), "block: |\n  one\n");
        assert_eq!(text(&e[3].lines), "z: é # c\n");
        assert_eq!(text(&e[3].value_span), "é");
        assert_eq!(text(&e[3].key_span), "z");
    }

    #[test]
    fn errors_name_the_source_line() {
        let err = entries("title: ok\ntags: [a, b\nnext: x\n", 0, 2).err();
        let err = err.unwrap_or_else(|| panic!("broken YAML must be an error"));
        assert!(err.line >= 3, "{err:?}");
        let not_a_map = entries("- a\n- b\n", 0, 2).err();
        assert_eq!(not_a_map.map(|e| e.line), Some(2));
    }

    #[test]
    fn empty_and_comment_only_blocks_have_no_entries() {
        assert!(read("").is_empty());
        assert!(read("# only a comment\n\n").is_empty());
    }
}
