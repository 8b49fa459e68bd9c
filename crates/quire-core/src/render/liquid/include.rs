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
/// it (nothing, as in Jekyll, for a key the tag does not give); the rest of its Liquid is
/// left as written.
pub fn with_params(text: &str, params: &[(String, String)]) -> String {
    crate::images::rewrite_liquid(text, |_, liquid| {
        let inner = liquid.strip_prefix("{{")?.strip_suffix("}}")?;
        let key = inner
            .trim_matches(|c: char| c == '-' || c.is_whitespace())
            .strip_prefix("include.")?;
        Some(
            params
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
                .unwrap_or_default(),
        )
    })
    .into_owned()
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
    }
}
