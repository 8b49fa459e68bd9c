//! How YAML reads a plain scalar, and how to write a string so that it reads back as
//! that same string.
//!
//! Jekyll reads front matter with Psych (YAML 1.1 rules): `yes`, `off`, `~`, `1_000`,
//! `2026-01-31` and `2026-01-31 10:00:00 +0100` are not strings there. Values are written
//! plain when that reads back unchanged, single-quoted otherwise, and double-quoted when
//! they hold line breaks or control characters.

use super::Value;

/// The typed value of a plain (unquoted) scalar.
pub fn resolve_plain(text: &str) -> Value {
    let t = text.trim();
    if matches!(t, "" | "~" | "null" | "Null" | "NULL") {
        return Value::Null;
    }
    match t.to_ascii_lowercase().as_str() {
        "true" | "yes" | "on" => return Value::Bool(true),
        "false" | "no" | "off" => return Value::Bool(false),
        _ => {}
    }
    if let Some(i) = parse_int(t) {
        return Value::Int(i);
    }
    if let Some(f) = parse_float(t) {
        return Value::Float(f);
    }
    if is_timestamp(t) {
        return Value::DateTime(t.to_string());
    }
    Value::String(text.to_string())
}

fn parse_int(t: &str) -> Option<i64> {
    let (negative, digits) = match t.as_bytes().first()? {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    let cleaned: String = digits.chars().filter(|&c| c != '_').collect();
    let (radix, body) = if let Some(hex) = cleaned.strip_prefix("0x") {
        (16, hex)
    } else if let Some(bin) = cleaned.strip_prefix("0b") {
        (2, bin)
    } else if let Some(oct) = cleaned.strip_prefix("0o") {
        (8, oct)
    } else if cleaned.len() > 1 && cleaned.starts_with('0') {
        (8, &cleaned[1..])
    } else {
        (10, cleaned.as_str())
    };
    if body.is_empty() || !digits.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let magnitude = i64::from_str_radix(body, radix).ok()?;
    Some(if negative { -magnitude } else { magnitude })
}

fn parse_float(t: &str) -> Option<f64> {
    let unsigned = t.trim_start_matches(['-', '+']);
    match unsigned {
        ".inf" | ".Inf" | ".INF" => {
            return Some(if t.starts_with('-') {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            })
        }
        ".nan" | ".NaN" | ".NAN" if unsigned.len() == t.len() => return Some(f64::NAN),
        _ => {}
    }
    let cleaned: String = t.chars().filter(|&c| c != '_').collect();
    let looks_numeric = cleaned
        .trim_start_matches(['-', '+'])
        .starts_with(|c: char| c.is_ascii_digit() || c == '.')
        && cleaned
            .chars()
            .all(|c| c.is_ascii_digit() || "+-.eE".contains(c));
    if looks_numeric && cleaned.chars().any(|c| c.is_ascii_digit()) {
        cleaned.parse().ok()
    } else {
        None
    }
}

/// `2026-01-31`, `2026-01-31T10:00:00Z`, `2026-01-31 10:00:00 +0100`, `2026-1-5 9:00:00`.
pub fn is_timestamp(t: &str) -> bool {
    let b = t.as_bytes();
    let digits = |from: usize, min: usize, max: usize| -> Option<usize> {
        let n = b
            .get(from..)?
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        (min..=max).contains(&n).then_some(from + n)
    };
    let date_end = (|| {
        let i = digits(0, 4, 4)?;
        let i = (b.get(i) == Some(&b'-')).then_some(i + 1)?;
        let i = digits(i, 1, 2)?;
        let i = (b.get(i) == Some(&b'-')).then_some(i + 1)?;
        digits(i, 1, 2)
    })();
    let Some(mut i) = date_end else {
        return false;
    };
    if i == b.len() {
        return true;
    }
    // Time part: `T` or spaces, then H:MM:SS, optional fraction, optional zone.
    if b[i] == b'T' || b[i] == b't' {
        i += 1;
    } else {
        let spaces = b[i..]
            .iter()
            .take_while(|c| matches!(c, b' ' | b'\t'))
            .count();
        if spaces == 0 {
            return false;
        }
        i += spaces;
    }
    let time_end = (|| {
        let i = digits(i, 1, 2)?;
        let i = (b.get(i) == Some(&b':')).then_some(i + 1)?;
        let i = digits(i, 2, 2)?;
        let i = (b.get(i) == Some(&b':')).then_some(i + 1)?;
        let mut i = digits(i, 2, 2)?;
        if b.get(i) == Some(&b'.') {
            i = digits(i + 1, 0, 9)?;
        }
        Some(i)
    })();
    let Some(mut i) = time_end else {
        return false;
    };
    i += b[i..]
        .iter()
        .take_while(|c| matches!(c, b' ' | b'\t'))
        .count();
    match b.get(i) {
        None => true,
        Some(b'Z') => i + 1 == b.len(),
        Some(b'+' | b'-') => {
            // `+1`, `+01`, `+0100`, `+01:00`.
            let Some(j) = digits(i + 1, 1, 4) else {
                return false;
            };
            if j == b.len() {
                return true;
            }
            b[j] == b':' && j - i - 1 <= 2 && digits(j + 1, 2, 2) == Some(b.len())
        }
        _ => false,
    }
}

/// How a scalar is quoted in the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quoting {
    /// No quotes.
    Plain,
    /// `'...'`.
    Single,
    /// `"..."`.
    Double,
}

/// Write `s` as a one-line YAML scalar that reads back as the string `s`, in the style
/// `preferred` when that style can hold it.
pub fn write_string(s: &str, preferred: Quoting) -> String {
    let needs_escapes = s.chars().any(|c| c.is_control());
    if needs_escapes || preferred == Quoting::Double {
        return double_quoted(s);
    }
    if preferred == Quoting::Plain && plain_is_safe(s) {
        return s.to_string();
    }
    format!("'{}'", s.replace('\'', "''"))
}

/// `s` can stand unquoted and still read back as the same string.
pub fn plain_is_safe(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    s == s.trim()
        && !s.chars().any(|c| c.is_control())
        && !"-?:,[]{}#&*!|>'\"%@`".contains(first)
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(':')
        && matches!(resolve_plain(s), Value::String(_))
        && !matches!(s.to_ascii_lowercase().as_str(), "y" | "n")
}

fn double_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_like_psych() {
        let cases: &[(&str, Value)] = &[
            ("hello", Value::String("hello".into())),
            ("", Value::Null),
            ("~", Value::Null),
            ("yes", Value::Bool(true)),
            ("Off", Value::Bool(false)),
            ("TRUE", Value::Bool(true)),
            ("42", Value::Int(42)),
            ("-7", Value::Int(-7)),
            ("1_000", Value::Int(1000)),
            ("0x1F", Value::Int(31)),
            ("3.5", Value::Float(3.5)),
            ("1e3", Value::Float(1000.0)),
            ("2026-01-31", Value::DateTime("2026-01-31".into())),
            (
                "2026-01-31 10:00:00 +0100",
                Value::DateTime("2026-01-31 10:00:00 +0100".into()),
            ),
            (
                "2026-01-31T10:00:00Z",
                Value::DateTime("2026-01-31T10:00:00Z".into()),
            ),
            (
                "2026-01-31 10:00:00.5 -05:30",
                Value::DateTime("2026-01-31 10:00:00.5 -05:30".into()),
            ),
            (
                "2026-01-31 is a date",
                Value::String("2026-01-31 is a date".into()),
            ),
            ("1.2.3", Value::String("1.2.3".into())),
            ("v1", Value::String("v1".into())),
        ];
        for (text, value) in cases {
            assert_eq!(&resolve_plain(text), value, "{text:?}");
        }
    }

    #[test]
    fn writes_strings_that_read_back() {
        let cases: &[(&str, &str)] = &[
            ("Hello world", "Hello world"),
            ("What I've been reading", "What I've been reading"),
            ("yes", "'yes'"),
            ("null", "'null'"),
            ("42", "'42'"),
            ("2026-01-31", "'2026-01-31'"),
            ("a: b", "'a: b'"),
            ("C# rocks", "C# rocks"),
            ("x #not comment", "'x #not comment'"),
            ("- item", "'- item'"),
            ("[a]", "'[a]'"),
            ("it's", "it's"),
            ("'quoted'", "'''quoted'''"),
            (" padded ", "' padded '"),
            ("", "''"),
            ("two\nlines", "\"two\\nlines\""),
            ("tab\there", "\"tab\\there\""),
        ];
        for (s, yaml) in cases {
            assert_eq!(write_string(s, Quoting::Plain), *yaml, "{s:?}");
        }
        assert_eq!(write_string("x", Quoting::Double), "\"x\"");
        assert_eq!(write_string("x", Quoting::Single), "'x'");
    }
}
