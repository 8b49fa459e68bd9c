//! What the front-matter form needs: the widget that fits each value, the keys it offers
//! to add, and their starting values.

use super::{Field, FrontMatterError, Value};
use crate::date::{DateInput, LocalDateTime};
use crate::edit::{changed, Edited, TextEdit};

/// Common Jekyll keys the form offers to add when they are missing.
pub const COMMON_KEYS: &[&str] = &[
    "title",
    "date",
    "layout",
    "categories",
    "tags",
    "published",
    "permalink",
    "description",
    "excerpt",
    "image",
];

/// The input that fits a field's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Widget {
    /// One line of text.
    Text(String),
    /// A date (date input) or date and time (datetime-local input).
    Date(DateInput),
    /// A checkbox.
    Bool(bool),
    /// A number input.
    Number(String),
    /// A list of chips (a list of scalars).
    Chips(Vec<String>),
    /// Raw YAML/TOML text of the entry (nested values).
    Raw,
}

/// The widget for `field`.
pub fn widget(field: &Field) -> Widget {
    match &field.value {
        Value::Bool(b) => Widget::Bool(*b),
        Value::Int(_) | Value::Float(_) => Widget::Number(field.value.to_plain_string()),
        Value::DateTime(text) => {
            DateInput::parse(text).map_or_else(|| Widget::Text(text.clone()), Widget::Date)
        }
        Value::String(s) if field.key == "date" => {
            DateInput::parse(s).map_or_else(|| Widget::Text(s.clone()), Widget::Date)
        }
        Value::String(s) => Widget::Text(s.clone()),
        Value::Null if matches!(field.key.as_str(), "tags" | "categories") => {
            Widget::Chips(Vec::new())
        }
        Value::Null => Widget::Text(String::new()),
        Value::List(items)
            if items
                .iter()
                .all(|v| !matches!(v, Value::List(_) | Value::Map(_))) =>
        {
            Widget::Chips(items.iter().map(Value::to_plain_string).collect())
        }
        Value::List(_) | Value::Map(_) => Widget::Raw,
    }
}

/// The value a newly added `key` starts with.
pub fn default_value(key: &str, now: &LocalDateTime) -> Value {
    match key {
        "date" => Value::DateTime(now.to_string()),
        "layout" => Value::String("post".into()),
        "categories" | "tags" => Value::List(Vec::new()),
        "published" => Value::Bool(true),
        _ => Value::String(String::new()),
    }
}

/// Replace the lines of `key` with `raw` (for nested values edited as text). The raw text
/// keeps the entry's line break at its end.
pub fn set_raw(src: &str, key: &str, raw: &str) -> Edited<FrontMatterError> {
    let fields = super::read(src)?;
    let Some(field) = fields.iter().rev().find(|f| f.key == key) else {
        return Ok(None);
    };
    let old = &src[field.lines.clone()];
    let eol = if old.ends_with("\r\n") {
        "\r\n"
    } else if old.ends_with('\n') {
        "\n"
    } else {
        ""
    };
    let text = format!("{}{eol}", raw.trim_end_matches(['\n', '\r']));
    changed(TextEdit::new(field.lines.clone(), text).minimized(src), src)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::front_matter::read;

    #[test]
    fn widgets_fit_values() {
        let src = "---\ntitle: T\ndate: 2026-01-31 10:00:00 +0100\npublished: false\nweight: 3\ntags: [a, b]\nauthor:\n  name: X\nempty:\n---\n";
        let fields = read(src).unwrap_or_default();
        let widgets: Vec<Widget> = fields.iter().map(widget).collect();
        assert_eq!(widgets[0], Widget::Text("T".into()));
        assert!(
            matches!(&widgets[1], Widget::Date(d) if d.value == "2026-01-31T10:00:00" && d.has_time)
        );
        assert_eq!(widgets[2], Widget::Bool(false));
        assert_eq!(widgets[3], Widget::Number("3".into()));
        assert_eq!(widgets[4], Widget::Chips(vec!["a".into(), "b".into()]));
        assert_eq!(widgets[5], Widget::Raw);
        assert_eq!(widgets[6], Widget::Text(String::new()));
    }

    #[test]
    fn raw_edit_replaces_only_the_entry() {
        let src = "---\nauthor:\n  name: X\nz: 1\n---\n";
        let after = set_raw(src, "author", "author:\n  name: Y\n  url: u")
            .ok()
            .flatten()
            .map(|e| e.apply(src));
        assert_eq!(
            after.as_deref(),
            Some("---\nauthor:\n  name: Y\n  url: u\nz: 1\n---\n")
        );
    }
}
