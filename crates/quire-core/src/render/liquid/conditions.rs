//! `{% if include.key %}` ... `{% else %}` ... `{% endif %}` (and `unless`) in an include
//! file, decided by the include tag's parameters, as Liquid decides them before the file
//! is written (Minimal Mistakes' `figure` writes its caption only when the tag gives
//! one). A condition on anything else is left as written.

use std::borrow::Cow;

use super::{find_tag, quoted};

/// A tag of a conditional: whether it trims the white space before (`{%-`) and after
/// (`-%}`) it.
#[derive(Clone, Copy, Default)]
struct Trims {
    before: bool,
    after: bool,
}

/// An `if` or `unless` open while the text is read.
struct Open<'a> {
    /// Its condition's value, when the parameters decide it.
    value: Option<bool>,
    /// Its tag, as written, and its trims.
    tag: (&'a str, Trims),
    /// Its `{% else %}`, as written, and its trims.
    otherwise: Option<(&'a str, Trims)>,
    /// What its two branches write (the other tags inside them decided).
    branches: [String; 2],
}

/// `text` with each conditional on the include's parameters (`params`: key, value)
/// replaced by the branch Liquid takes, the tags' white-space control applied; borrowed
/// when there is none. One pass: conditionals inside others are decided as they close.
pub(super) fn decide<'a>(text: &'a str, params: &[(String, String)]) -> Cow<'a, str> {
    if !text.contains("include.") || !text.contains("{%") {
        return Cow::Borrowed(text);
    }
    let names = |inside: &str| {
        let name = inside.split_whitespace().next().unwrap_or_default();
        matches!(
            name,
            "if" | "unless" | "else" | "elsif" | "endif" | "endunless"
        )
    };
    let mut root = String::with_capacity(text.len());
    let mut open: Vec<Open<'_>> = Vec::new();
    let mut decided = false;
    // The white space at the start of the text after a decided tag is trimmed.
    let mut trim_next = false;
    let mut from = 0;
    loop {
        let found = find_tag(text, from, names);
        let mut piece = &text[from..found.map_or(text.len(), |(at, _, _)| at)];
        if std::mem::take(&mut trim_next) {
            piece = piece.trim_start();
        }
        out(&mut root, &mut open).push_str(piece);
        let Some((at, end, inside)) = found else {
            break;
        };
        from = end;
        let token = &text[at..end];
        let trims = Trims {
            before: token.starts_with("{%-"),
            after: token.ends_with("-%}"),
        };
        let (name, condition) = inside
            .split_once(char::is_whitespace)
            .unwrap_or((inside, ""));
        match (name, open.last_mut()) {
            ("if" | "unless", _) => open.push(Open {
                value: truth(condition.trim(), params).map(|v| v == (name == "if")),
                tag: (token, trims),
                otherwise: None,
                branches: [String::new(), String::new()],
            }),
            ("else", Some(top)) if top.otherwise.is_none() => top.otherwise = Some((token, trims)),
            // A branch on another condition: not decided here (written as it is).
            ("elsif", Some(top)) => {
                top.value = None;
                out(&mut root, &mut open).push_str(token);
            }
            ("endif" | "endunless", Some(_)) => {
                let Some(closed) = open.pop() else { break };
                let parent = out(&mut root, &mut open);
                match closed.value {
                    Some(value) => {
                        decided = true;
                        if closed.tag.1.before {
                            parent.truncate(parent.trim_end().len());
                        }
                        let [first, second] = &closed.branches;
                        let (body, start, stop) = match (value, closed.otherwise) {
                            (true, Some(otherwise)) => (first, closed.tag.1, otherwise.1),
                            (true, None) => (first, closed.tag.1, trims),
                            (false, Some(otherwise)) => (second, otherwise.1, trims),
                            (false, None) => (second, Trims::default(), Trims::default()),
                        };
                        let mut body = body.as_str();
                        if start.after {
                            body = body.trim_start();
                        }
                        if stop.before {
                            body = body.trim_end();
                        }
                        parent.push_str(body);
                        trim_next = trims.after;
                    }
                    None => written(parent, &closed, Some(token)),
                }
            }
            // A stray tag: as it is.
            _ => out(&mut root, &mut open).push_str(token),
        }
    }
    // Conditionals never closed: as written.
    while let Some(closed) = open.pop() {
        written(out(&mut root, &mut open), &closed, None);
    }
    if decided {
        Cow::Owned(root)
    } else {
        Cow::Borrowed(text)
    }
}

/// Where text goes now: the innermost open conditional's branch, or the text's own.
fn out<'s>(root: &'s mut String, open: &'s mut [Open<'_>]) -> &'s mut String {
    match open.last_mut() {
        Some(top) => &mut top.branches[usize::from(top.otherwise.is_some())],
        None => root,
    }
}

/// `open` written back as it stands (its tags and what its branches write), closed by
/// `close` when it was.
fn written(into: &mut String, open: &Open<'_>, close: Option<&str>) {
    into.push_str(open.tag.0);
    into.push_str(&open.branches[0]);
    if let Some((otherwise, _)) = open.otherwise {
        into.push_str(otherwise);
        into.push_str(&open.branches[1]);
    }
    into.push_str(close.unwrap_or_default());
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
