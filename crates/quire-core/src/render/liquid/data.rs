//! `site.data` (the files of a site's `_data/` folder) and `{% assign %}`, as a post's
//! Liquid reads them: `{% assign release = site.data.releases | where: "version", "2.4.8"
//! | first %}` then `{{ release.url.gz }}` (ruby-lang.org writes every release post so).
//! The body's outputs that read them are worked out once typing settles, with what Liquid
//! writes for each ([`data_vars`]); the preview then resolves them like the site's other
//! variables. Filters other than `where`, `first`, `last` and `size` are not evaluated:
//! what uses them stays a placeholder.

use std::borrow::Cow;

use crate::front_matter::Value;

/// The body's Liquid that the site's data resolves.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DataVars {
    /// Each output's expression (as written between `{{` and `}}`, trimmed) and what
    /// Liquid writes for it.
    pub outputs: Vec<(String, String)>,
    /// The variables `{% assign %}` made of what could be evaluated.
    pub assigned: Vec<String>,
    /// Every variable the body's tags make (`assign`, `capture`, `for`, `tablerow`,
    /// `increment`, `decrement`), once worked out: an output of a variable that is none of
    /// these nor one Jekyll gives (`site`, `page`...) writes nothing, Liquid's nil
    /// (`{{ mess }}` in a Vue template's code). Sorted; `None`: not worked out.
    pub made: Option<Vec<String>>,
}

/// The variables the tags of `body` make: the name after `assign`, `capture`,
/// `increment`, `decrement`, and the loop variable of `for` and `tablerow` (each line of
/// a `{% liquid %}` tag a tag of its own), sorted.
pub fn made_names(body: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let tags = liquid_pieces(body).into_iter().filter(|(tag, _)| *tag);
    for (_, inner) in tags {
        let lines = match inner.strip_prefix("liquid") {
            Some(lines) if lines.starts_with(char::is_whitespace) => lines,
            _ => inner,
        };
        for line in lines.lines() {
            let mut words = line.split_whitespace();
            let name = match words.next() {
                Some("assign" | "capture" | "increment" | "decrement" | "for" | "tablerow") => {
                    words.next().map(|w| w.split('=').next().unwrap_or(w))
                }
                _ => None,
            };
            if let Some(name) = name.filter(|n| !n.is_empty()) {
                names.push(name.to_string());
            }
        }
    }
    // Sorted, each once: looked up by halves for every output.
    names.sort_unstable();
    names.dedup();
    names
}

/// The names of the `_data/` files `body` reads (`site.data.<name>`), each once.
pub fn data_names(body: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (_, inner) in liquid_pieces(body) {
        let mut rest = inner;
        while let Some(at) = rest.find("site.data.") {
            let after = &rest[at + "site.data.".len()..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '-')
                .collect();
            if !name.is_empty() && !names.contains(&name) {
                names.push(name);
            }
            rest = after;
        }
    }
    names
}

/// A data file's value, read by its name's extension: YAML (`.yml`, `.yaml`) or JSON;
/// `None` for other kinds or text that does not parse.
pub fn data_value(file_name: &str, text: &str) -> Option<Value> {
    let text = text.strip_prefix(crate::post::BOM).unwrap_or(text);
    if file_name.ends_with(".json") {
        let json: serde_json::Value = serde_json::from_str(text).ok()?;
        return Some(crate::front_matter::from_json(json));
    }
    if !(file_name.ends_with(".yml") || file_name.ends_with(".yaml")) {
        return None;
    }
    // A document of any shape (a list of releases, a map) read as the value of one key.
    let mut wrapped = String::from("data:\n");
    for line in text.lines() {
        if line.trim_end() == "---" || line.trim_end() == "..." {
            continue;
        }
        wrapped.push_str("  ");
        wrapped.push_str(line);
        wrapped.push('\n');
    }
    let entries = crate::front_matter::read_yaml_document(&wrapped).ok()?;
    entries
        .into_iter()
        .find(|(k, _)| k == "data")
        .map(|(_, v)| v)
}

/// The outputs of `body` that read the site's `data` files (name, value), directly or
/// through variables its `{% assign %}` tags make, in order, with what Liquid writes;
/// `page`: the post's own variables (key, text), which the body may read data with.
pub fn data_vars(body: &str, data: &[(&str, &Value)], page: &[(String, String)]) -> DataVars {
    // (Worked out only for a body with outputs: nothing else changes what it writes.)
    let mut found = DataVars {
        made: body.contains("{{").then(|| made_names(body)),
        ..DataVars::default()
    };
    if data.is_empty() || !body.contains("site.data.") {
        return found;
    }
    // The post's own variables, read as keys (`site.data.translations[page.lang]`).
    let page = Value::Map(
        page.iter()
            .map(|(k, v)| (k.clone(), Value::String(v.clone())))
            .collect(),
    );
    let mut env: Vec<(String, Value)> = vec![("page".to_string(), page)];
    for (tag, inner) in liquid_pieces(body) {
        if tag {
            let Some(rest) = inner.strip_prefix("assign") else {
                continue;
            };
            let Some((name, expr)) = rest.split_once('=') else {
                continue;
            };
            let name = name.trim();
            if name.is_empty()
                || !name
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
            {
                continue;
            }
            let value = evaluate(expr.trim(), data, &env).map(Cow::into_owned);
            env.retain(|(n, _)| n != name);
            if let Some(value) = value {
                env.push((name.to_string(), value));
                if !found.assigned.iter().any(|n| n == name) {
                    found.assigned.push(name.to_string());
                }
            }
            continue;
        }
        if found.outputs.iter().any(|(e, _)| e == inner) {
            continue;
        }
        let root = inner
            .split(|c: char| c == '.' || c == '[' || c == '|' || c.is_whitespace())
            .next()
            .unwrap_or("");
        // (The page's own variables are resolved as the preview resolves them elsewhere.)
        let reads_data =
            inner.starts_with("site.data.") || root != "page" && env.iter().any(|(n, _)| n == root);
        if !reads_data {
            continue;
        }
        if let Some(text) = evaluate(inner, data, &env)
            .as_deref()
            .and_then(super::page::liquid_text)
        {
            found.outputs.push((inner.to_string(), text));
        }
    }
    found
}

/// The Liquid outputs and tags of `body` in order, outside `{% raw %}`: (whether it is a
/// tag, its inner text with the whitespace-control dashes and spaces trimmed).
fn liquid_pieces(body: &str) -> Vec<(bool, &str)> {
    let mut pieces = Vec::new();
    let mut rest = body;
    let mut raw = false;
    while let Some(open) = rest.find('{') {
        let after = &rest[open..];
        let (tag, close) = if after.starts_with("{%") {
            (true, "%}")
        } else if after.starts_with("{{") {
            (false, "}}")
        } else {
            rest = &after[1..];
            continue;
        };
        let Some(end) = after.find(close) else { break };
        let inner = after[2..end].trim_matches(|c: char| c == '-' || c.is_whitespace());
        rest = &after[end + 2..];
        if tag && inner.starts_with("endraw") {
            raw = false;
            continue;
        }
        if raw {
            continue;
        }
        if tag && inner.starts_with("raw") {
            raw = true;
            continue;
        }
        pieces.push((tag, inner));
    }
    pieces
}

/// The data files: (name, value).
type Files<'d> = &'d [(&'d str, &'d Value)];

/// The value of a Liquid expression: an operand and its filters. Borrowed from the data
/// or the variables where it can be (a data file is not copied to read one of its
/// values).
fn evaluate<'a>(expr: &str, data: Files<'a>, env: &'a [(String, Value)]) -> Option<Cow<'a, Value>> {
    let mut parts = super::filters::split(expr).into_iter();
    let mut value = operand(parts.next()?.trim(), data, env)?;
    for filter in parts {
        value = apply(value, filter.trim(), data, env)?;
    }
    Some(value)
}

/// A quoted string, a whole number, or a variable's path.
fn operand<'a>(text: &str, data: Files<'a>, env: &'a [(String, Value)]) -> Option<Cow<'a, Value>> {
    if let Some(s) = super::quoted(text) {
        return Some(Cow::Owned(Value::String(s.to_string())));
    }
    if let Ok(n) = text.parse::<i64>() {
        return Some(Cow::Owned(Value::Int(n)));
    }
    let segments = path_segments(text)?;
    // A key in brackets that is not quoted is a variable's value (`authors[page.author]`).
    let segments: Vec<String> = segments
        .into_iter()
        .map(|(key, variable)| match variable {
            true => operand(&key, data, env).map(|v| v.to_plain_string()),
            false => Some(key),
        })
        .collect::<Option<_>>()?;
    let (root, rest) = segments.split_first()?;
    let (mut value, rest) = if root == "site" {
        let (data_key, rest) = rest.split_first()?;
        if data_key != "data" {
            return None;
        }
        let (name, rest) = rest.split_first()?;
        let file = data.iter().find(|(n, _)| n == name).map(|(_, v)| *v)?;
        (Cow::Borrowed(file), rest)
    } else {
        let var = env.iter().rev().find(|(n, _)| n == root).map(|(_, v)| v)?;
        (Cow::Borrowed(var), rest)
    };
    for segment in rest {
        value = member(value, segment)?;
    }
    Some(value)
}

/// `a.b[0]["c d"][page.x]` as its segments, each with whether it is a variable to read
/// (a key in brackets neither quoted nor a number).
fn path_segments(text: &str) -> Option<Vec<(String, bool)>> {
    let mut segments = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(inside) = rest.strip_prefix('[') {
            let end = inside.find(']')?;
            let key = inside[..end].trim();
            let segment = match super::quoted(key) {
                Some(quoted) => (quoted.to_string(), false),
                None => (key.to_string(), key.parse::<i64>().is_err()),
            };
            segments.push(segment);
            rest = &inside[end + 1..];
        } else {
            let rest_now = rest.strip_prefix('.').unwrap_or(rest);
            let end = rest_now.find(['.', '[']).unwrap_or(rest_now.len());
            let key = &rest_now[..end];
            if key.is_empty()
                || !key
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '-' || c == '?')
            {
                return None;
            }
            segments.push((key.to_string(), false));
            rest = &rest_now[end..];
        }
    }
    (!segments.is_empty()).then_some(segments)
}

/// A map's value at `key`, a list's item at an index, or `first`, `last`, `size`
/// (borrowed from `value` when it is borrowed).
fn member<'a>(value: Cow<'a, Value>, key: &str) -> Option<Cow<'a, Value>> {
    match value {
        Cow::Borrowed(v) => member_of(v, key),
        Cow::Owned(v) => member_of(&v, key).map(|m| Cow::Owned(m.into_owned())),
    }
}

fn member_of<'a>(value: &'a Value, key: &str) -> Option<Cow<'a, Value>> {
    let size = |n: usize| Some(Cow::Owned(Value::Int(n as i64)));
    // What the data does not hold is Liquid's nil, which writes nothing (a `where` that
    // kept nothing, then `first`; a key a release has not).
    let nil = || Some(Cow::Owned(Value::Null));
    match value {
        Value::Map(entries) => match entries.iter().rev().find(|(k, _)| k == key) {
            Some((_, v)) => Some(Cow::Borrowed(v)),
            None if key == "size" => size(entries.len()),
            None => nil(),
        },
        Value::List(items) => match key {
            "first" => items.first().map(Cow::Borrowed).or_else(nil),
            "last" => items.last().map(Cow::Borrowed).or_else(nil),
            "size" => size(items.len()),
            _ => {
                let index: i64 = key.parse().ok()?;
                let index = if index < 0 {
                    items.len() as i64 + index
                } else {
                    index
                };
                usize::try_from(index)
                    .ok()
                    .and_then(|i| items.get(i))
                    .map(Cow::Borrowed)
                    .or_else(nil)
            }
        },
        Value::String(s) if key == "size" => size(s.chars().count()),
        Value::Null => nil(),
        _ => None,
    }
}

/// A filter (`where: "key", "value"`, `first`, `last`, `size`) applied to `value`.
fn apply<'a>(
    value: Cow<'a, Value>,
    filter: &str,
    data: Files<'a>,
    env: &'a [(String, Value)],
) -> Option<Cow<'a, Value>> {
    let (name, args) = match filter.split_once(':') {
        Some((name, args)) => (name.trim(), args.trim()),
        None => (filter, ""),
    };
    match (name, value.as_ref()) {
        ("first" | "last" | "size", _) if args.is_empty() => member(value, name),
        ("where", Value::List(items)) => {
            let (key, wanted) = args.split_once(',')?;
            let key = operand(key.trim(), data, env)?.to_plain_string();
            let wanted = operand(wanted.trim(), data, env)?.to_plain_string();
            // Jekyll's `where`: the property written as text is the value, or (a list)
            // holds it.
            let kept = items
                .iter()
                .filter(|item| match member_of(item, &key).as_deref() {
                    Some(Value::List(values)) => {
                        values.iter().any(|v| v.to_plain_string() == wanted)
                    }
                    Some(v) => v.to_plain_string() == wanted,
                    None => false,
                })
                .cloned()
                .collect();
            Some(Cow::Owned(Value::List(kept)))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn releases() -> Value {
        let yaml = "# releases\n- version: 2.4.8\n  date: 2019-10-01\n  url:\n    gz: https://cache.example/ruby-2.4.8.tar.gz\n  size:\n    gz: 16097471\n  tags: [stable, security]\n- version: 2.5.7\n  url:\n    gz: https://cache.example/ruby-2.5.7.tar.gz\n";
        data_value("releases.yml", yaml).expect("a list")
    }

    #[test]
    fn assigned_data_is_written_where_the_post_reads_it() {
        let body = "{% assign release = site.data.releases | where: \"version\", \"2.4.8\" | first %}\n\n* <{{ release.url.gz }}>\n\n      SIZE: {{ release.size.gz }}\n\n{{ site.data.releases.size }} releases, last {{ site.data.releases.last.version }}; {{ release.url }} {{ other.x }} {{ release.url.gz | upcase }}\n{% raw %}{{ release.size.gz }}{% endraw %}";
        let releases = releases();
        let vars = data_vars(body, &[("releases", &releases)], &[]);
        assert_eq!(vars.assigned, ["release"]);
        assert_eq!(
            vars.outputs,
            [
                (
                    "release.url.gz".to_string(),
                    "https://cache.example/ruby-2.4.8.tar.gz".to_string()
                ),
                ("release.size.gz".to_string(), "16097471".to_string()),
                ("site.data.releases.size".to_string(), "2".to_string()),
                (
                    "site.data.releases.last.version".to_string(),
                    "2.5.7".to_string()
                ),
            ]
        );
        assert_eq!(data_names(body), ["releases"]);
        // A list property holds the value; nothing found is an empty list.
        let tagged = data_vars(
            "{% assign s = site.data.releases | where: 'tags', 'security' %}{{ s.size }} {{ s.first.version }}",
            &[("releases", &releases)],
            &[],
        );
        assert_eq!(
            tagged.outputs,
            [
                ("s.size".to_string(), "1".to_string()),
                ("s.first.version".to_string(), "2.4.8".to_string())
            ]
        );
        assert!(data_vars(body, &[], &[]).outputs.is_empty());
        // A release the data does not hold is nil: its keys write nothing, as Jekyll
        // writes them (ruby-lang.org's Spanish news of 2021-11-09).
        let missing = data_vars(
            "{% assign r = site.data.releases | where: 'version', '3.1.0' | first %}Ruby {{ r.version }} <{{ r.url.gz }}> {{ site.data.releases[5].version }} {{ site.data.releases.first.none }}",
            &[("releases", &releases)],
            &[],
        );
        assert_eq!(
            missing.outputs,
            [
                ("r.version".to_string(), String::new()),
                ("r.url.gz".to_string(), String::new()),
                ("site.data.releases[5].version".to_string(), String::new()),
                ("site.data.releases.first.none".to_string(), String::new()),
            ]
        );
        // A key in brackets that is a variable: the page's, or one assigned (as
        // bitcoincore.org's table of contents reads its translations).
        let translations = data_value(
            "translations.yml",
            "en:\n  tocoverview: Overview\nja:\n  tocoverview: 概要\n",
        )
        .expect("a map");
        let page = [("lang".to_string(), "ja".to_string())];
        let read = data_vars(
            "{% assign t=site.data.translations[page.lang] %}{{ t.tocoverview }} {% assign l = 'en' %}{{ site.data.translations[l].tocoverview }} {{ page.lang }}",
            &[("translations", &translations)],
            &page,
        );
        assert_eq!(
            read.outputs,
            [
                ("t.tocoverview".to_string(), "概要".to_string()),
                (
                    "site.data.translations[l].tocoverview".to_string(),
                    "Overview".to_string()
                )
            ]
        );
    }

    #[test]
    fn data_files_of_each_kind() {
        assert_eq!(
            data_value("a.json", "{\"k\": [1, \"two\"]}"),
            Some(Value::Map(vec![(
                "k".to_string(),
                Value::List(vec![Value::Int(1), Value::String("two".to_string())])
            )]))
        );
        assert_eq!(
            data_value("a.yaml", "---\nk: v\n"),
            Some(Value::Map(vec![(
                "k".to_string(),
                Value::String("v".to_string())
            )]))
        );
        assert_eq!(data_value("a.csv", "k,v\n"), None);
        assert_eq!(data_value("a.yml", "k: [unclosed\n"), None);
    }
}
