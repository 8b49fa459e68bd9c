//! `{% include name key="value" %}` (and `include_cached`): a file of the site's
//! `_includes/` folder written where the tag stands, its `{{ include.key }}` outputs
//! filled from the tag's parameters, as Jekyll does before kramdown reads the post.

/// An include tag: the file's name under `_includes/` and its parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncludeTag {
    /// The file's path under `_includes/`.
    pub name: String,
    /// The tag's `key="value"` parameters, in order.
    pub params: Vec<(String, String)>,
}

/// The include tag `token` (`{% include a/b.md x="1" %}`) is, if it is one whose file
/// name is written out (not a variable) and whose parameters are quoted strings or
/// variables (`x=page.y`, given as the output `{{ page.y }}`).
pub fn include_tag(token: &str) -> Option<IncludeTag> {
    let inner = token.strip_prefix("{%")?.strip_suffix("%}")?;
    let inner = inner.trim_matches(|c: char| c == '-' || c.is_whitespace());
    let (tag, rest) = inner.split_once(char::is_whitespace)?;
    if tag != "include" && tag != "include_cached" {
        return None;
    }
    let rest = rest.trim_start();
    let name_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let name = &rest[..name_end];
    if name.is_empty() || name.contains("{{") || name.contains(['"', '\'', '=']) {
        return None;
    }
    crate::site::safe_path(name)?;
    let mut params = Vec::new();
    let mut rest = rest[name_end..].trim_start();
    while !rest.is_empty() {
        let (key, after) = rest.split_once('=')?;
        let key = key.trim();
        if key.is_empty() || !key.chars().all(|c| c.is_alphanumeric() || "_-".contains(c)) {
            return None;
        }
        let after = after.trim_start();
        let Some(quote) = after.chars().next().filter(|q| *q == '"' || *q == '\'') else {
            // A variable (`content=content`, `x=page.y`): its value where the file reads
            // it, as the page's other Liquid is resolved there.
            let end = after.find(char::is_whitespace).unwrap_or(after.len());
            let variable = &after[..end];
            let plain = |c: char| c.is_alphanumeric() || "_-.".contains(c);
            if variable.is_empty() || !variable.chars().all(plain) {
                return None;
            }
            params.push((key.to_string(), format!("{{{{ {variable} }}}}")));
            rest = after[end..].trim_start();
            continue;
        };
        let close = after[1..].find(quote)? + 1;
        params.push((key.to_string(), after[1..close].to_string()));
        rest = after[close + 1..].trim_start();
    }
    Some(IncludeTag {
        name: name.to_string(),
        params,
    })
}

/// The names of the files `body`'s include tags name, each once, in order.
pub fn include_names(body: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut rest = body;
    while let Some(at) = rest.find("{%") {
        let Some(end) = rest[at..].find("%}") else {
            break;
        };
        if let Some(tag) = include_tag(&rest[at..at + end + 2]) {
            if !names.contains(&tag.name) {
                names.push(tag.name);
            }
        }
        rest = &rest[at + end + 2..];
    }
    names
}

/// `text` (an included file) with each `{{ include.key }}` written as the tag's value for
/// it (nothing, as in Jekyll, for a key the tag does not give); an `include.key` inside
/// another output (`{{ site.data.authors[include.handle].name }}`) is written as the
/// value's literal (`'alex-kampa'`) or the variable the tag gives (`page.y`), for the
/// page's other Liquid to resolve there; a condition on the parameters is decided
/// (`conditions.rs`); the rest of its Liquid is left as written.
pub fn with_params(text: &str, params: &[(String, String)]) -> String {
    let value = |key: &str| {
        params
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    // `{% if include.key %}`: the branch the parameters take.
    let text = super::conditions::decide(text, params);
    let operand = |key: &str| match value(key) {
        // A variable the tag names (`x=page.y`, kept as `{{ page.y }}`).
        Some(v) if v.starts_with("{{") && v.ends_with("}}") => v[2..v.len() - 2].trim().to_string(),
        // Single quotes, which an HTML attribute's double quotes around the output hold
        // (`alt="Photo of {{ ...['alex-kampa'].name }}"`).
        Some(v) if v.contains('\'') => format!("\"{v}\""),
        Some(v) => format!("'{v}'"),
        // Liquid's nil: a key the tag does not give.
        None => "nil".to_string(),
    };
    crate::images::rewrite_liquid(&text, |_, liquid| {
        // A tag reading a parameter (`{% assign ids = include.issues | split: "," %}`);
        // an include tag's own parameters are read by `include_tag`.
        if let Some(inner) = liquid.strip_prefix("{%").and_then(|l| l.strip_suffix("%}")) {
            let name = inner.trim_matches(|c: char| c == '-' || c.is_whitespace());
            return (inner.contains("include.") && !name.starts_with("include"))
                .then(|| format!("{{%{}%}}", with_param_operands(inner, operand)));
        }
        let inner = liquid.strip_prefix("{{")?.strip_suffix("}}")?;
        let trimmed = inner.trim_matches(|c: char| c == '-' || c.is_whitespace());
        if let Some(key) = trimmed.strip_prefix("include.") {
            if key.chars().all(is_key_char) {
                return Some(value(key).unwrap_or_default().to_string());
            }
        }
        inner
            .contains("include.")
            .then(|| format!("{{{{{}}}}}", with_param_operands(inner, operand)))
    })
    .into_owned()
}

/// A character of an include parameter's key.
fn is_key_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}

/// `inner` (an output's expression) with each `include.key` operand outside quotes
/// written as `operand(key)`.
fn with_param_operands(inner: &str, operand: impl Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(inner.len());
    let mut quote = None;
    let mut rest = inner;
    while let Some(c) = rest.chars().next() {
        let before = out.chars().next_back();
        let starts_word = !before.is_some_and(|b| b.is_alphanumeric() || b == '_' || b == '.');
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, 'i') if starts_word && rest.starts_with("include.") => {
                let after = &rest["include.".len()..];
                let end = after.find(|c| !is_key_char(c)).unwrap_or(after.len());
                if end > 0 {
                    out.push_str(&operand(&after[..end]));
                    rest = &after[end..];
                    continue;
                }
            }
            _ => {}
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// `body` with the files its include tags write (each one's parameters filled, and the
/// files those include, a few levels down) after it: the Liquid the post runs, for
/// finding and reading the `_data/` files it uses. `includes`: the files known (name,
/// text). Borrowed when the body writes none of them.
pub fn with_included<'a>(
    body: &'a str,
    includes: &[(String, String)],
) -> std::borrow::Cow<'a, str> {
    let mut out = String::new();
    append_included(body, includes, 0, &mut out);
    if out.is_empty() {
        return std::borrow::Cow::Borrowed(body);
    }
    std::borrow::Cow::Owned(format!("{body}\n{out}"))
}

/// How deep included files are followed into the files they include.
const MAX_DEPTH: usize = 4;

/// At most this much included text is followed (files including one another many times
/// over would otherwise multiply).
const MAX_INCLUDED: usize = 2 * 1024 * 1024;

/// The files `text`'s include tags write, each with its parameters, appended to `out`.
fn append_included(text: &str, includes: &[(String, String)], depth: usize, out: &mut String) {
    if depth >= MAX_DEPTH || includes.is_empty() || !text.contains("include") {
        return;
    }
    let mut rest = text;
    while let Some(at) = rest.find("{%") {
        if out.len() > MAX_INCLUDED {
            return;
        }
        let Some(end) = rest[at..].find("%}") else {
            break;
        };
        if let Some(tag) = include_tag(&rest[at..at + end + 2]) {
            if let Some((_, file)) = includes.iter().find(|(n, _)| *n == tag.name) {
                let filled = with_params(file, &tag.params);
                out.push_str(&filled);
                out.push('\n');
                append_included(&filled, includes, depth + 1, out);
            }
        }
        rest = &rest[at + end + 2..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn include_tags_their_names_and_parameters() {
        let tag = |name: &str, params: &[(&str, &str)]| {
            Some(IncludeTag {
                name: name.to_string(),
                params: params
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
            })
        };
        let cases = [
            ("{% include note.md %}", tag("note.md", &[])),
            (
                "{%- include_cached boilerplate/a.md -%}",
                tag("boilerplate/a.md", &[]),
            ),
            (
                "{% include figure.html src=\"/a b.png\" alt='An \"x\"' %}",
                tag("figure.html", &[("src", "/a b.png"), ("alt", "An \"x\"")]),
            ),
            ("{% include {{ page.x }} %}", None),
            (
                "{% include note.md x=page.y %}",
                tag("note.md", &[("x", "{{ page.y }}")]),
            ),
            ("{% include note.md x=a|b %}", None),
            ("{% include ../secret %}", None),
            ("{% include_relative note.md %}", None),
            ("{% highlight ruby %}", None),
            ("{% include %}", None),
        ];
        for (token, expected) in cases {
            assert_eq!(include_tag(token), expected, "{token}");
        }
        assert_eq!(
            include_names("{% include a.md %}\n\n{% raw %}x{% endraw %} {% include b.html x=\"1\" %} {% include a.md %}"),
            vec!["a.md".to_string(), "b.html".to_string()]
        );
    }

    #[test]
    fn the_tags_parameters_fill_the_file() {
        let params = vec![("src".to_string(), "/a.png".to_string())];
        assert_eq!(
            with_params(
                "<img src=\"{{ include.src }}\" alt=\"{{include.alt}}\"> {{ page.title }}",
                &params
            ),
            "<img src=\"/a.png\" alt=\"\"> {{ page.title }}"
        );
        // Inside another output: the value's literal, or the variable the tag names
        // (crystal-lang.org's testimonial profiles).
        let params = vec![
            ("handle".to_string(), "alex-kampa".to_string()),
            ("who".to_string(), "{{ page.author }}".to_string()),
        ];
        assert_eq!(
            with_params(
                "{{ site.data.authors[include.handle].name }} {{site.data.authors[include.who] | size}} {{ \"include.handle\" }} {{ x.include.handle }} {{ include.none | default: 'a' }}",
                &params
            ),
            "{{ site.data.authors['alex-kampa'].name }} {{site.data.authors[page.author] | size}} {{ \"include.handle\" }} {{ x.include.handle }} {{ nil | default: 'a' }}"
        );
    }

    #[test]
    fn included_files_follow_the_body_for_reading_data() {
        let includes = vec![
            (
                "a.html".to_string(),
                "{{ site.data.x[include.k] }} {% include b.html %}".to_string(),
            ),
            ("b.html".to_string(), "{{ site.data.y }}".to_string()),
        ];
        assert_eq!(
            with_included("Body {% include a.html k=\"1\" %} {% include c.html %}", &includes),
            "Body {% include a.html k=\"1\" %} {% include c.html %}\n{{ site.data.x['1'] }} {% include b.html %}\n{{ site.data.y }}\n"
        );
        assert!(matches!(
            with_included("No tags", &includes),
            std::borrow::Cow::Borrowed(_)
        ));
        // A file including itself many times over is followed so far.
        let tags = "{% include self.html %} ".repeat(12);
        let selfish = vec![("self.html".to_string(), format!("{tags}{}", "x".repeat(20)))];
        let followed = with_included("{% include self.html %}", &selfish);
        assert!(followed.len() < 3 * 1024 * 1024, "{}", followed.len());
    }
}
