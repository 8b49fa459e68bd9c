//! `{% if include.key %}` ... `{% else %}` ... `{% endif %}` (and `unless`) in an include
//! file, decided by the include tag's parameters, as Liquid decides them before the file
//! is written (Minimal Mistakes' `figure` writes its caption only when the tag gives
//! one). A condition on anything else is left as written.

use std::borrow::Cow;

use super::{find_tag, quoted};

/// A tag of a conditional: where it starts and ends in the text, and whether it trims
/// the white space before (`{%-`) and after (`-%}`) it.
#[derive(Clone, Copy)]
struct Tag {
    at: usize,
    end: usize,
    trim_before: bool,
    trim_after: bool,
}

/// An `if` or `unless` open while the text is read.
struct Open {
    tag: Tag,
    /// Its condition's value, when the parameters decide it.
    value: Option<bool>,
    /// Its `{% else %}`.
    otherwise: Option<Tag>,
}

/// `text` with each conditional on the include's parameters (`params`: key, value)
/// replaced by the branch Liquid takes, innermost first, the tags' white-space control
/// applied; borrowed when there is none.
pub(super) fn decide<'a>(text: &'a str, params: &[(String, String)]) -> Cow<'a, str> {
    if !text.contains("include.") {
        return Cow::Borrowed(text);
    }
    let mut text = Cow::Borrowed(text);
    while let Some(decided) = decide_innermost(&text, params) {
        text = Cow::Owned(decided);
    }
    text
}

/// `text` with its first innermost conditional the parameters decide replaced, if any.
fn decide_innermost(text: &str, params: &[(String, String)]) -> Option<String> {
    let mut open: Vec<Open> = Vec::new();
    let mut from = 0;
    let names = |inside: &str| {
        let name = inside.split_whitespace().next().unwrap_or_default();
        matches!(
            name,
            "if" | "unless" | "else" | "elsif" | "endif" | "endunless"
        )
    };
    while let Some((at, end, inside)) = find_tag(text, from, names) {
        from = end;
        let token = &text[at..end];
        let tag = Tag {
            at,
            end,
            trim_before: token.starts_with("{%-"),
            trim_after: token.ends_with("-%}"),
        };
        let (name, condition) = inside
            .split_once(char::is_whitespace)
            .unwrap_or((inside, ""));
        match name {
            "if" | "unless" => open.push(Open {
                tag,
                value: truth(condition.trim(), params).map(|v| v == (name == "if")),
                otherwise: None,
            }),
            "else" => {
                if let Some(top) = open.last_mut() {
                    top.otherwise = Some(tag);
                }
            }
            // A branch on another condition: not decided here.
            "elsif" => {
                if let Some(top) = open.last_mut() {
                    top.value = None;
                }
            }
            _ => {
                let Some(top) = open.pop() else { continue };
                let Some(value) = top.value else { continue };
                return Some(replaced(text, &top, tag, value));
            }
        }
    }
    None
}

/// `text` with the conditional `open` ... `close` written as its branch for `value`.
fn replaced(text: &str, open: &Open, close: Tag, value: bool) -> String {
    let (first, second) = match open.otherwise {
        Some(otherwise) => ((open.tag, otherwise), Some((otherwise, close))),
        None => ((open.tag, close), None),
    };
    let branch = if value { Some(first) } else { second };
    let mut before = &text[..open.tag.at];
    if open.tag.trim_before {
        before = before.trim_end();
    }
    let mut after = &text[close.end..];
    if close.trim_after {
        after = after.trim_start();
    }
    let mut out = String::with_capacity(text.len());
    out.push_str(before);
    if let Some((start, stop)) = branch {
        let mut body = &text[start.end..stop.at];
        if start.trim_after {
            body = body.trim_start();
        }
        if stop.trim_before {
            body = body.trim_end();
        }
        out.push_str(body);
    }
    out.push_str(after);
    out
}

/// Whether `condition` holds, when it reads only the include's parameters: `include.key`
/// (given: any string is true to Liquid; not given: nil), `include.key == "v"`, `!=`.
fn truth(condition: &str, params: &[(String, String)]) -> Option<bool> {
    let value = |operand: &str| -> Option<Option<&str>> {
        let key = operand.trim().strip_prefix("include.")?;
        if !key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        {
            return None;
        }
        let given = params
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str());
        // A parameter that is a variable (`x=page.y`) is not known here.
        match given {
            Some(v) if v.starts_with("{{") => None,
            given => Some(given),
        }
    };
    for (op, equal) in [("==", true), ("!=", false)] {
        if let Some((left, right)) = condition.split_once(op) {
            let left = value(left)?;
            let right = quoted(right)?;
            return Some((left == Some(right)) == equal);
        }
    }
    value(condition).map(|given| given.is_some())
}

#[cfg(test)]
mod tests {
    use super::decide;

    fn params(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    /// As Liquid 4 (Jekyll 4.3.1) writes Minimal Mistakes' `figure` include.
    #[test]
    fn conditions_on_the_parameters_are_decided() {
        let figure = "<figure>\n  <img alt=\"{% if include.alt %}{{ include.alt }}{% endif %}\">\n  {%- if include.caption -%}\n    <figcaption>\n      {{ include.caption }}\n    </figcaption>\n  {%- endif -%}\n</figure>\n";
        assert_eq!(
            decide(figure, &params(&[("alt", "A"), ("caption", "C")])),
            "<figure>\n  <img alt=\"{{ include.alt }}\"><figcaption>\n      {{ include.caption }}\n    </figcaption></figure>\n"
        );
        assert_eq!(
            decide(figure, &params(&[("alt", "")])),
            "<figure>\n  <img alt=\"{{ include.alt }}\"></figure>\n"
        );
        let cases = [
            ("{% unless include.a %}no{% else %}yes{% endunless %}", "no"),
            ("{% if include.b == 'x' %}x{% else %}other{% endif %}", "x"),
            ("{% if include.b != \"x\" %}x{% endif %}!", "!"),
            (
                "{% if include.a %}{% if include.b %}ab{% endif %}{% else %}n{% endif %}",
                "n",
            ),
            (
                "{% if include.b %}[{% if include.a %}a{% endif %}]{% endif %}",
                "[]",
            ),
            // Not decided here: left as written.
            ("{% if page.x %}p{% endif %}", "{% if page.x %}p{% endif %}"),
            (
                "{% if include.v %}v{% endif %}",
                "{% if include.v %}v{% endif %}",
            ),
            (
                "{% if include.b %}b{% elsif include.a %}a{% endif %}",
                "{% if include.b %}b{% elsif include.a %}a{% endif %}",
            ),
        ];
        let given = params(&[("b", "x"), ("v", "{{ page.y }}")]);
        for (text, expected) in cases {
            assert_eq!(decide(text, &given), expected, "{text}");
        }
    }
}
