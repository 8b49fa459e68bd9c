//! TOML front matter (`+++`, Hugo and Zola) with toml_edit, which keeps formatting by
//! design. An edit changes the document through toml_edit and is then cut down to the
//! bytes that differ, so that it is as small as the change.

use core::ops::Range;

use toml_edit::{Array, DocumentMut, Item, Value as Toml};

use super::{Entry, FrontMatterError, Quoting, Shape, Value};
use crate::edit::TextEdit;

fn error(content: &str, first_line: usize, e: &toml_edit::TomlError) -> FrontMatterError {
    let at = e.span().map_or(0, |s| s.start).min(content.len());
    let head = &content[..at];
    let line = head.matches('\n').count();
    let column = head.rsplit('\n').next().map_or(0, |l| l.chars().count());
    FrontMatterError {
        line: first_line + line,
        column: column + 1,
        message: e.message().trim().to_string(),
    }
}

/// The top-level keys of the TOML `content` (at byte `offset`, line `first_line`).
pub fn entries(
    content: &str,
    offset: usize,
    first_line: usize,
) -> Result<Vec<Entry>, FrontMatterError> {
    let doc = toml_edit::Document::parse(content).map_err(|e| error(content, first_line, &e))?;
    let line_start = |at: usize| content[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = |at: usize| {
        content[at..]
            .find('\n')
            .map_or(content.len(), |i| at + i + 1)
    };
    Ok(doc
        .as_table()
        .iter()
        .map(|(key, item)| {
            let key_span = doc
                .as_table()
                .key(key)
                .and_then(|k| k.span())
                .unwrap_or(0..0);
            let value_span = item.span().unwrap_or(key_span.clone());
            let shape = match item {
                Item::Value(Toml::String(s)) => match s.as_repr().and_then(|r| r.as_raw().as_str())
                {
                    Some(raw) if raw.starts_with('\'') => Shape::Scalar(Quoting::Single),
                    _ => Shape::Scalar(Quoting::Double),
                },
                Item::Value(Toml::Array(_)) => Shape::FlowList,
                Item::Value(Toml::InlineTable(_)) | Item::Table(_) | Item::ArrayOfTables(_) => {
                    Shape::Other
                }
                _ => Shape::Scalar(Quoting::Plain),
            };
            Entry {
                key: key.to_string(),
                value: item_value(item),
                key_span: offset + key_span.start..offset + key_span.end,
                value_span: offset + value_span.start..offset + value_span.end,
                lines: offset + line_start(key_span.start)
                    ..offset + line_end(value_span.end.max(key_span.end).saturating_sub(1)),
                shape,
            }
        })
        .collect())
}

fn item_value(item: &Item) -> Value {
    match item {
        Item::None => Value::Null,
        Item::Value(v) => value(v),
        Item::Table(t) => Value::Map(
            t.iter()
                .map(|(k, v)| (k.to_string(), item_value(v)))
                .collect(),
        ),
        Item::ArrayOfTables(a) => Value::List(
            a.iter()
                .map(|t| {
                    Value::Map(
                        t.iter()
                            .map(|(k, v)| (k.to_string(), item_value(v)))
                            .collect(),
                    )
                })
                .collect(),
        ),
    }
}

fn value(v: &Toml) -> Value {
    match v {
        Toml::String(s) => Value::String(s.value().clone()),
        Toml::Integer(i) => Value::Int(*i.value()),
        Toml::Float(f) => Value::Float(*f.value()),
        Toml::Boolean(b) => Value::Bool(*b.value()),
        Toml::Datetime(d) => Value::DateTime(d.value().to_string()),
        Toml::Array(a) => Value::List(a.iter().map(value).collect()),
        Toml::InlineTable(t) => {
            Value::Map(t.iter().map(|(k, v)| (k.to_string(), value(v))).collect())
        }
    }
}

fn to_toml(v: &Value) -> Toml {
    match v {
        Value::Null => Toml::from(""),
        Value::Bool(b) => Toml::from(*b),
        Value::Int(i) => Toml::from(*i),
        Value::Float(f) => Toml::from(*f),
        Value::String(s) => Toml::from(s.as_str()),
        Value::DateTime(s) => s
            .parse::<toml_edit::Datetime>()
            .map(Toml::from)
            .unwrap_or_else(|_| Toml::from(s.as_str())),
        Value::List(items) => Toml::Array(items.iter().map(to_toml).collect::<Array>()),
        Value::Map(pairs) => {
            let mut table = toml_edit::InlineTable::new();
            for (k, v) in pairs {
                table.insert(k, to_toml(v));
            }
            Toml::InlineTable(table)
        }
    }
}

fn parse_mut(src: &str, content: &Range<usize>) -> Result<DocumentMut, FrontMatterError> {
    let text = &src[content.clone()];
    let first_line = 1 + src[..content.start].matches('\n').count();
    text.parse::<DocumentMut>()
        .map_err(|e| error(text, first_line, &e))
}

fn diff(src: &str, content: Range<usize>, doc: &DocumentMut) -> TextEdit {
    TextEdit::new(content, doc.to_string()).minimized(src)
}

/// Set `key` to `value`, keeping the comments and spacing around the old value.
pub fn set(
    src: &str,
    content: Range<usize>,
    key: &str,
    value: &Value,
) -> Result<TextEdit, FrontMatterError> {
    let mut doc = parse_mut(src, &content)?;
    let mut new = to_toml(value);
    match doc.get_mut(key) {
        Some(Item::Value(old)) => {
            *new.decor_mut() = old.decor().clone();
            *old = new;
        }
        Some(item) => *item = Item::Value(new),
        None => {
            // New keys go before the first table, so they stay top-level keys.
            doc.insert(key, Item::Value(new));
        }
    }
    Ok(diff(src, content, &doc))
}

/// Remove `key`, or `None` if absent.
pub fn remove(
    src: &str,
    content: Range<usize>,
    key: &str,
) -> Result<Option<TextEdit>, FrontMatterError> {
    let mut doc = parse_mut(src, &content)?;
    Ok(doc.remove(key).map(|_| diff(src, content, &doc)))
}
