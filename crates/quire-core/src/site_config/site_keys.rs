//! A Jekyll config's values as `{{ site.<key> }}` reads them: a nested map's by their
//! dotted paths (`{{ site.license.url }}` with `license:` then `  url: /x`), an empty
//! value (`key:`) as nil, which writes nothing; the paths that hold a list or a map noted,
//! as Liquid writes those otherwise. (Hugo's and Zola's configs keep their top-level
//! scalars only: [`scalars`].)

use std::collections::BTreeMap;

use crate::front_matter::Value;

/// The top-level keys of `entries` with a scalar value (Hugo's and Zola's `site` keys).
pub(super) fn scalars(entries: &[(String, Value)]) -> BTreeMap<String, String> {
    entries
        .iter()
        .filter_map(|(k, v)| Some((k.clone(), super::text(v)?)))
        .collect()
}

/// The scalar values of `entries` (a config's top level) by their paths, and the paths of
/// its lists and maps (`true` for a list).
pub(super) fn site_keys(
    entries: &[(String, Value)],
) -> (BTreeMap<String, String>, BTreeMap<String, bool>) {
    let mut scalars = BTreeMap::new();
    let mut structured = BTreeMap::new();
    walk(entries, "", &mut scalars, &mut structured);
    (scalars, structured)
}

fn walk(
    entries: &[(String, Value)],
    prefix: &str,
    scalars: &mut BTreeMap<String, String>,
    structured: &mut BTreeMap<String, bool>,
) {
    for (key, value) in entries {
        let path = format!("{prefix}{key}");
        match value {
            Value::Map(inner) => {
                structured.insert(path.clone(), false);
                walk(inner, &format!("{path}."), scalars, structured);
            }
            Value::List(_) => {
                structured.insert(path, true);
            }
            Value::Null => {
                scalars.insert(path, String::new());
            }
            other => {
                scalars.insert(path, other.to_plain_string());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::site::SiteKind;

    #[test]
    fn nested_keys_by_their_paths() {
        let config = crate::site_config::read(
            SiteKind::Jekyll,
            "_config.yml",
            "title: T\nempty:\nlicense:\n  url: /en/about/license.txt\n  year: 2024\nauthors: [a, b]\n",
        )
        .expect("a config");
        assert_eq!(config.scalar("title"), Some("T"));
        assert_eq!(config.scalar("empty"), Some(""));
        assert_eq!(config.scalar("license.url"), Some("/en/about/license.txt"));
        assert_eq!(config.scalar("license.year"), Some("2024"));
        assert_eq!(config.scalar("license"), None);
        assert_eq!(config.structured.get("license"), Some(&false));
        assert_eq!(config.structured.get("authors"), Some(&true));
    }
}
