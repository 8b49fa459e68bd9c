//! `{{ page.<key> }}`: the post's own variables as Jekyll gives them to its Liquid (its
//! front matter's values, those the site's defaults add, the title it makes from the file
//! name, its URL and slug), for the keys the body uses.

use crate::front_matter::{self, Value};
use crate::site_config::Inherited;
use crate::Zone;

/// The `page.<key>` variables `body` uses, as Jekyll writes them into a post `src` kept at
/// `path` in the site (when known) and published at the URL path `url` (when known): the
/// front matter's values, else those the site's defaults give it (`inherited`), else
/// Jekyll's own `title` (the file name's slug, each word capitalised), `slug` and `url`.
/// `date` is a time (`dates.rs`) on the clock of `zone`, the zone the site is built in. A key whose value Liquid would write as something this
/// cannot tell (a time other than `date`, a map) or that nothing gives is left out, so the
/// preview shows it as Liquid.
pub fn page_vars(
    src: &str,
    body: &str,
    path: Option<&str>,
    url: Option<&str>,
    inherited: &[Inherited],
    zone: &Zone,
) -> Vec<(String, String)> {
    let keys = used_keys(body);
    if keys.is_empty() {
        return Vec::new();
    }
    let fields = front_matter::read(src).unwrap_or_default();
    let slug = path.and_then(slug_of);
    let mut items = Vec::new();
    let mut vars: Vec<(String, String)> = keys
        .into_iter()
        .filter_map(|key| {
            let own = fields.iter().rev().find(|f| f.key == key).map(|f| &f.value);
            let given = own.or_else(|| inherited.iter().find(|i| i.key == key).map(|i| &i.value));
            let value = match (given, key.as_str()) {
                // A post's date is a time to Jekyll, its file name's when it has none.
                (Some(date @ (Value::DateTime(_) | Value::String(_))), "date") => {
                    super::dates::page_date(Some(date), path, zone)?
                }
                (None, "date") => super::dates::page_date(None, path, zone)?,
                (Some(value), _) => liquid_text(value)?,
                (None, "title") => titleize(slug.as_deref()?),
                (None, "slug") => slug.clone()?,
                (None, "url") => url?.to_string(),
                (None, _) => return None,
            };
            // A list's members, when the body reads them.
            let members = [format!("page.{key}["), format!("page.{key}.")];
            if let Some(Value::List(list)) =
                given.filter(|_| members.iter().any(|m| body.contains(m.as_str())))
            {
                items.extend(list_members(&key, list));
            }
            Some((key, value))
        })
        .collect();
    vars.extend(items);
    vars
}

/// How many items of a list are given by index (`page.images[0]`).
const MOST_ITEMS: usize = 64;

/// A list's members Liquid reads as `key[0]`, `key[-1]`, `key.first`, `key.last` and
/// `key.size` (18F's posts write `{{page.images[0]}}`), as (`images[0]`, text); an item
/// Liquid would write as something this cannot tell is left out.
fn list_members(key: &str, list: &[Value]) -> Vec<(String, String)> {
    let mut members = vec![(format!("{key}.size"), list.len().to_string())];
    let count = list.len().min(MOST_ITEMS);
    for (i, item) in list.iter().take(count).enumerate() {
        let Some(text) = liquid_text(item) else {
            continue;
        };
        members.push((format!("{key}[{i}]"), text.clone()));
        members.push((format!("{key}[-{}]", list.len() - i), text.clone()));
        if i == 0 {
            members.push((format!("{key}.first"), text.clone()));
        }
        if i + 1 == list.len() {
            members.push((format!("{key}.last"), text));
        }
    }
    members
}

/// The lists of the post's own variables that `body`'s loops go over (`{% for f in
/// page.filters_linked_to %}`, as Jekyll's news posts write their definitions): each key
/// and the items as Liquid writes them, from the front matter `src` holds, else the
/// site's defaults (`inherited`). A key whose value is no list, or holds an item Liquid
/// would write as something this cannot tell, is left out.
pub fn page_lists(src: &str, body: &str, inherited: &[Inherited]) -> Vec<(String, Vec<String>)> {
    let mut keys: Vec<&str> = Vec::new();
    let mut rest = body;
    while let Some(at) = rest.find("{%") {
        rest = &rest[at + 2..];
        let mut words = rest
            .trim_start_matches('-')
            .split_whitespace()
            .take_while(|w| !w.starts_with(['%', '-']));
        if let (Some("for"), Some(_), Some("in"), Some(list)) =
            (words.next(), words.next(), words.next(), words.next())
        {
            let key = list
                .strip_prefix("page.")
                .map(|k| k.trim_end_matches(['%', '}', '-']));
            if let Some(key) = key.filter(|k| !k.is_empty() && !keys.contains(k)) {
                keys.push(key);
            }
        }
    }
    if keys.is_empty() {
        return Vec::new();
    }
    let fields = front_matter::read(src).unwrap_or_default();
    keys.into_iter()
        .filter_map(|key| {
            let own = fields.iter().rev().find(|f| f.key == key).map(|f| &f.value);
            let given = own.or_else(|| inherited.iter().find(|i| i.key == key).map(|i| &i.value));
            let Some(Value::List(items)) = given else {
                return None;
            };
            let items = items.iter().map(liquid_text).collect::<Option<_>>()?;
            Some((key.to_string(), items))
        })
        .collect()
}

/// The keys of `page.<key>` in `body`, each once, in order of first use.
fn used_keys(body: &str) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    let mut rest = body;
    while let Some(at) = rest.find("page.") {
        let before = rest[..at].chars().next_back();
        let after = &rest[at + "page.".len()..];
        let key: String = after
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '-')
            .collect();
        let bare = !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.');
        if bare && !key.is_empty() && !keys.contains(&key) {
            keys.push(key);
        }
        rest = after;
    }
    keys
}

/// What Liquid writes for a front-matter value: `nil` as nothing, a list as its items
/// joined with nothing between them (Ruby's `Array#join`), a float as Ruby writes it.
/// `None` for a date or time (Jekyll makes a time of it, written with its zone) and a map.
pub(super) fn liquid_text(value: &Value) -> Option<String> {
    Some(match value {
        Value::Null => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e16 => {
            format!("{f:.1}")
        }
        Value::Float(f) => f.to_string(),
        Value::String(s) => s.clone(),
        Value::List(items) => items
            .iter()
            .map(liquid_text)
            .collect::<Option<Vec<_>>>()?
            .concat(),
        Value::DateTime(_) | Value::Map(_) => return None,
    })
}

/// The slug Jekyll takes from a post's file name: without its folders, its
/// `YYYY-MM-DD-` date and its extension, trailing periods removed.
fn slug_of(path: &str) -> Option<String> {
    let name = path.rsplit('/').next()?;
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let parts: Vec<&str> = stem.splitn(4, '-').collect();
    let dated = parts.len() == 4
        && parts[..3]
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    let slug = if dated { parts[3] } else { stem };
    let slug = slug.trim_end_matches('.');
    (!slug.is_empty()).then(|| slug.to_string())
}

/// Jekyll's `titleize_slug`: the slug's words (split at `-`), each capitalised as Ruby's
/// `String#capitalize` does (first letter upper case, the rest lower case).
fn titleize(slug: &str) -> String {
    slug.split('-')
        .map(capitalize)
        .collect::<Vec<String>>()
        .join(" ")
}

/// `text` as Ruby's `String#capitalize` writes it (Liquid's `capitalize` too): its first
/// letter upper case, the rest lower case.
pub(super) fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_keys_the_body_uses_from_front_matter_defaults_and_jekyll() {
        let src = "---\ntags: [Web, PWA]\nratio: 1.0\nn: 42\ndraft: false\nempty:\n\
                   subtitle: \"Hux's *big* day\"\ndate: 2020-01-02 10:00:00\nauthor: {name: A}\n---\n";
        let body = "{{ page.title }} {{ page.subtitle }} {{page.tags}} {{ page.ratio }} \
                    {{ page.n }} {{ page.draft }} [{{ page.empty }}] {{ page.url }} \
                    {{ page.slug }} {{ page.layout }} {{ page.date }} {{ page.author }} \
                    {{ page.nope }} {{ page.title }} {{ site.page.x }} mypage.x";
        let inherited = [Inherited {
            key: "layout".into(),
            value: Value::String("post".into()),
            scope: String::new(),
        }];
        let vars = page_vars(
            src,
            body,
            Some("_posts/2020-01-02-ios-and-more-things.md"),
            Some("/2020/ios-and-more-things/"),
            &inherited,
            &crate::Zone::default(),
        );
        let expected = [
            ("title", "Ios And More Things"),
            ("subtitle", "Hux's *big* day"),
            ("tags", "WebPWA"),
            ("ratio", "1.0"),
            ("n", "42"),
            ("draft", "false"),
            ("empty", ""),
            ("url", "/2020/ios-and-more-things/"),
            ("slug", "ios-and-more-things"),
            ("layout", "post"),
            // A time: in UTC, as Jekyll writes it (`dates.rs`).
            ("date", "2020-01-02 10:00:00 +0000"),
        ];
        let got: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        assert_eq!(got, expected);
        // Without one in the front matter, the file name's date.
        let vars = page_vars(
            "---\ntitle: A\n---\n",
            "{{ page.date }}",
            Some("_posts/2014-11-28-a.md"),
            None,
            &[],
            &crate::Zone::default(),
        );
        assert_eq!(
            vars,
            [("date".to_string(), "2014-11-28 00:00:00 +0000".to_string())]
        );
    }

    /// A list's members by index, `first`, `last` and `size`, as Jekyll 4.3.1 wrote this
    /// (18F's posts read `{{page.images[0]}}`).
    #[test]
    fn a_lists_members_are_read_by_index() {
        let src = "---\ntitle: q\nimages:\n  - /x.png\n  - /y.png\n---\n";
        let body = "A {{ page.images[1] }} B {{page.images.first}} C {{ page.images.last }} D {{ page.images.size }} E {{ page.images[-1] }} F {{ page.images[-2] }}.\n";
        let vars = super::super::SiteVars {
            page: page_vars(src, body, None, None, &[], &Zone::default()),
            ..Default::default()
        };
        assert_eq!(
            super::super::resolve_in(body, &vars),
            "A /y.png B /x.png C /y.png D 2 E /y.png F /x.png.\n"
        );
        // Without a use of its members, the list alone.
        assert_eq!(
            page_vars(src, "{{ page.images }}", None, None, &[], &Zone::default()),
            [("images".to_string(), "/x.png/y.png".to_string())]
        );
    }

    #[test]
    fn the_front_matter_wins_and_nothing_is_made_without_a_use() {
        let src = "---\ntitle: Own title\nslug: own\n---\n";
        let vars = page_vars(
            src,
            "{{ page.title }} {{ page.slug }}",
            Some("_posts/2020-01-02-x.md"),
            None,
            &[],
            &crate::Zone::default(),
        );
        assert_eq!(
            vars,
            vec![
                ("title".to_string(), "Own title".to_string()),
                ("slug".to_string(), "own".to_string())
            ]
        );
        assert!(page_vars(
            src,
            "no Liquid",
            Some("_posts/2020-01-02-x.md"),
            None,
            &[],
            &crate::Zone::default()
        )
        .is_empty());
        // Without a file, no title is made up; a broken front matter gives nothing.
        assert!(page_vars(
            "---\n",
            "{{ page.title }}",
            None,
            None,
            &[],
            &crate::Zone::default()
        )
        .is_empty());
        assert!(page_vars(
            "---\na: [\n---\n",
            "{{ page.a }}",
            None,
            None,
            &[],
            &crate::Zone::default()
        )
        .is_empty());
    }

    #[test]
    fn slugs_and_titles_as_jekyll_makes_them() {
        let cases = [
            (
                "_posts/2008-11-17-blogging-like-a-hacker.md",
                "blogging-like-a-hacker",
                "Blogging Like A Hacker",
            ),
            ("_drafts/a-draft.markdown", "a-draft", "A Draft"),
            ("_posts/2020-1-2-ÉTÉ-iOS.md", "ÉTÉ-iOS", "Été Ios"),
            ("_posts/2020-01-02-dots....md", "dots", "Dots"),
        ];
        for (path, slug, title) in cases {
            assert_eq!(slug_of(path).as_deref(), Some(slug), "{path}");
            assert_eq!(titleize(slug), title, "{path}");
        }
    }
}
