//! Front matter: read typed top-level fields, and change one key as a minimal text edit.
//!
//! Every function takes the whole post source and returns positions in it, so the caller
//! applies the [`TextEdit`] to the one text it keeps. A broken block is an error with a
//! line and column; the source itself is never touched by reading.

pub mod form;
#[cfg(feature = "toml")]
mod toml;
mod yaml;
mod yaml_scalar;

use core::fmt;
use core::ops::Range;

pub use yaml_scalar::{is_timestamp, plain_is_safe, resolve_plain, Quoting};

use crate::edit::{changed, Change, Edited, TextEdit};
use crate::post::{self, FrontMatterKind};

/// How an entry's value is written in the source: decides how an edit rewrites it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A scalar on one line, with its quoting.
    Scalar(Quoting),
    /// `key:` with nothing after it.
    Empty,
    /// `[a, b]`.
    FlowList,
    /// `- a` lines.
    BlockList,
    /// Anything else: block scalars, multi-line scalars, maps.
    Other,
}

/// One top-level `key: value` entry and where it lies in the source.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry {
    /// The key as YAML reads it.
    pub key: String,
    /// The typed value.
    pub value: Value,
    /// The key's bytes in the source.
    pub key_span: Range<usize>,
    /// The value's bytes in the source (empty at the colon for `key:`).
    pub value_span: Range<usize>,
    /// The entry's whole lines, line break included.
    pub lines: Range<usize>,
    /// How the value is written.
    pub shape: Shape,
}

/// A typed front-matter value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `~`, `null` or nothing.
    Null,
    /// `true`, `false` (and YAML 1.1's `yes`, `off`, ...).
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// A number with a fraction or exponent.
    Float(f64),
    /// Text.
    String(String),
    /// A date or timestamp, kept exactly as written (`2026-01-31 10:00:00 +0100`).
    DateTime(String),
    /// A list, flow (`[a, b]`) or block (`- a`).
    List(Vec<Value>),
    /// A nested map, in source order.
    Map(Vec<(String, Value)>),
}

impl Value {
    /// The value as one line of text, as a form would show it.
    pub fn to_plain_string(&self) -> String {
        match self {
            Value::Null => String::new(),
            Value::Bool(b) => b.to_string(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => f.to_string(),
            Value::String(s) | Value::DateTime(s) => s.clone(),
            Value::List(items) => items
                .iter()
                .map(Value::to_plain_string)
                .collect::<Vec<_>>()
                .join(", "),
            Value::Map(_) => yaml::write_scalar(self, Quoting::Plain, true),
        }
    }

    /// The text if this is a string or a date.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) | Value::DateTime(s) => Some(s),
            _ => None,
        }
    }
}

/// Front matter that does not parse, with the source position of the problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatterError {
    /// 1-based line in the whole source.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What the parser found wrong.
    pub message: String,
}

impl fmt::Display for FrontMatterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

impl std::error::Error for FrontMatterError {}

/// One top-level field of the front matter.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The key.
    pub key: String,
    /// The typed value.
    pub value: Value,
    /// How the value is written (decides how an edit rewrites it).
    pub shape: Shape,
    /// The entry's lines in the source, line breaks included.
    pub lines: Range<usize>,
}

/// The fields of the post's front matter, in source order; empty when it has none.
pub fn read(src: &str) -> Result<Vec<Field>, FrontMatterError> {
    Ok(located(src)?
        .into_iter()
        .map(|e| Field {
            key: e.key,
            value: e.value,
            shape: e.shape,
            lines: e.lines,
        })
        .collect())
}

/// The value of `key` (the last one, if the key is repeated, as YAML loaders do).
pub fn get(src: &str, key: &str) -> Result<Option<Value>, FrontMatterError> {
    Ok(located(src)?
        .into_iter()
        .rev()
        .find(|e| e.key == key)
        .map(|e| e.value))
}

/// The value of `key` and the bytes where it is written (the last one, if repeated).
pub fn value_span(src: &str, key: &str) -> Option<(Value, Range<usize>)> {
    located(src)
        .ok()?
        .into_iter()
        .rev()
        .find(|e| e.key == key)
        .map(|e| (e.value, e.value_span))
}

/// The top-level keys and values of a whole YAML document (a site's `_config.yml`), in
/// order; an error gives the line and column.
pub fn read_yaml_document(text: &str) -> Result<Vec<(String, Value)>, FrontMatterError> {
    let text = text.strip_prefix(crate::post::BOM).unwrap_or(text);
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    Ok(yaml::entries(text, 0, 1)?
        .into_iter()
        .map(|e| (e.key, e.value))
        .collect())
}

/// The top-level keys and values of a whole TOML document (a Hugo or Zola config).
#[cfg(feature = "toml")]
pub fn read_toml_document(text: &str) -> Result<Vec<(String, Value)>, FrontMatterError> {
    let text = text.strip_prefix(crate::post::BOM).unwrap_or(text);
    Ok(toml::entries(text, 0, 1)?
        .into_iter()
        .map(|e| (e.key, e.value))
        .collect())
}

fn located(src: &str) -> Result<Vec<Entry>, FrontMatterError> {
    let parts = post::split(src);
    let Some(fm) = parts.front_matter else {
        return Ok(Vec::new());
    };
    match fm.kind {
        FrontMatterKind::Yaml => {
            let first_line = 1 + src[..fm.content.start].matches('\n').count();
            yaml::entries(&src[fm.content.clone()], fm.content.start, first_line)
        }
        FrontMatterKind::Toml => toml_entries(src, fm.content),
    }
}

#[cfg(feature = "toml")]
fn toml_entries(src: &str, content: Range<usize>) -> Result<Vec<Entry>, FrontMatterError> {
    let first_line = 1 + src[..content.start].matches('\n').count();
    toml::entries(&src[content.clone()], content.start, first_line)
}

#[cfg(not(feature = "toml"))]
fn toml_entries(src: &str, content: Range<usize>) -> Result<Vec<Entry>, FrontMatterError> {
    Err(FrontMatterError {
        line: 1 + src[..content.start].matches('\n').count(),
        column: 1,
        message: "TOML front matter (+++) needs Quire's `toml` feature".to_string(),
    })
}

/// The edit that sets `key` to `value`: the value's own characters when its style allows,
/// else the entry's lines; a new `key: value` line at the end of the block when the key
/// is absent; a new block when the post has no front matter.
pub fn set(src: &str, key: &str, value: &Value) -> Edited<FrontMatterError> {
    changed(set_edit(src, key, value)?, src)
}

/// [`set`] as a bare edit (for the core's own editors).
pub(crate) fn set_edit(src: &str, key: &str, value: &Value) -> Result<TextEdit, FrontMatterError> {
    let parts = post::split(src);
    let Some(fm) = parts.front_matter else {
        let entry = yaml::write_entry(key, value, "\n");
        return Ok(TextEdit::insert(parts.bom, format!("---\n{entry}---\n")));
    };
    #[cfg(feature = "toml")]
    if fm.kind == FrontMatterKind::Toml {
        return toml::set(src, fm.content, key, value);
    }
    let eol = yaml::line_break(&src[fm.block.clone()]);
    let entries = located(src)?;
    let Some(entry) = entries.iter().rev().find(|e| e.key == key) else {
        let at = fm.content.end;
        return Ok(TextEdit::insert(at, yaml::write_entry(key, value, eol)));
    };
    let edit = match (entry.shape, value) {
        (Shape::Scalar(quoting), v) if !matches!(v, Value::List(_) | Value::Map(_)) => {
            TextEdit::new(
                entry.value_span.clone(),
                yaml::write_scalar(v, quoting, false),
            )
        }
        (Shape::FlowList, Value::List(items)) => {
            TextEdit::new(entry.value_span.clone(), yaml::write_flow_list(items))
        }
        (Shape::BlockList, Value::List(items)) if !items.is_empty() => {
            // Keep the dash's indentation as the first item has it.
            let first_item_line = src[..entry.value_span.start]
                .rfind('\n')
                .map_or(0, |i| i + 1);
            let indent =
                src[first_item_line..].len() - src[first_item_line..].trim_start_matches(' ').len();
            TextEdit::new(
                first_item_line..entry.lines.end,
                yaml::write_block_list(items, indent, eol),
            )
        }
        _ => {
            // Keep the key exactly as written (its quoting), and the entry's last line break.
            let key_text = &src[entry.key_span.clone()];
            let rewritten = format!("{key_text}{}", yaml::write_after_key(value, eol));
            let has_break = src[entry.lines.clone()].ends_with('\n');
            let rewritten = if has_break {
                rewritten
            } else {
                rewritten.trim_end_matches(['\r', '\n']).to_string()
            };
            TextEdit::new(entry.lines.clone(), rewritten)
        }
    };
    Ok(edit.minimized(src))
}

/// The edit that removes `key`'s lines, or `None` when the key is absent.
pub fn remove(src: &str, key: &str) -> Edited<FrontMatterError> {
    Ok(remove_edit(src, key)?.map(Change::new))
}

/// [`remove`] as a bare edit (for the core's own editors).
pub(crate) fn remove_edit(src: &str, key: &str) -> Result<Option<TextEdit>, FrontMatterError> {
    #[cfg(feature = "toml")]
    if let Some(fm) = post::split(src).front_matter {
        if fm.kind == FrontMatterKind::Toml {
            return toml::remove(src, fm.content, key);
        }
    }
    Ok(located(src)?
        .into_iter()
        .rev()
        .find(|e| e.key == key)
        .map(|e| TextEdit::new(e.lines, "")))
}

/// A JSON value as a front-matter value (a Hugo `hugo.json`, a site's JSON data file).
pub(crate) fn from_json(json: serde_json::Value) -> Value {
    match json {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(b),
        serde_json::Value::Number(n) => n
            .as_i64()
            .map(Value::Int)
            .unwrap_or_else(|| Value::Float(n.as_f64().unwrap_or(0.0))),
        serde_json::Value::String(s) => Value::String(s),
        serde_json::Value::Array(a) => Value::List(a.into_iter().map(from_json).collect()),
        serde_json::Value::Object(o) => {
            Value::Map(o.into_iter().map(|(k, v)| (k, from_json(v))).collect())
        }
    }
}

#[cfg(test)]
mod tests;
