//! Jekyll's front-matter defaults (`frontmatter_defaults.rb`): which `defaults` entries
//! apply to a post (scope `path`, with `*` globs, and `type`), and which one wins (the
//! longer path; at equal length, the one with a type; else the later one). Values merge
//! key by key at the top level (Jekyll merges nested maps deeper).

use crate::front_matter::Value;

use super::{DefaultSet, SiteConfig};

/// A value a post inherits from the config's defaults.
#[derive(Debug, Clone, PartialEq)]
pub struct Inherited {
    /// The front-matter key.
    pub key: String,
    /// Its value.
    pub value: Value,
    /// Where it comes from, for the form: `path "_posts", type posts`.
    pub scope: String,
}

/// A path without its leading `/`, as Jekyll compares them.
fn sanitize(path: &str) -> &str {
    path.strip_prefix('/').unwrap_or(path)
}

/// Whether `glob` (a Dir.glob pattern: `*` within a folder, `**` across folders, `?` one
/// character) matches the whole of `text`.
fn glob_matches(glob: &[u8], text: &[u8]) -> bool {
    match glob.split_first() {
        None => text.is_empty(),
        Some((b'*', rest)) if rest.first() == Some(&b'*') => {
            let rest = rest[1..].strip_prefix(b"/").unwrap_or(&rest[1..]);
            (0..=text.len()).any(|i| glob_matches(rest, &text[i..]))
        }
        Some((b'*', rest)) => (0..=text.len())
            .take_while(|&i| i == 0 || text[i - 1] != b'/')
            .any(|i| glob_matches(rest, &text[i..])),
        Some((b'?', rest)) => {
            text.first().is_some_and(|&c| c != b'/') && glob_matches(rest, &text[1..])
        }
        Some((c, rest)) => text.first() == Some(c) && glob_matches(rest, &text[1..]),
    }
}

/// Whether a scope's path takes in the file at `path` (relative to the site's root) of a
/// site reading its collections from `collections_dir`: every path when empty; a glob
/// takes in what is below something it matches; else the file's path below the
/// collections folder starts with the scope's (as text, as Jekyll compares), the
/// collections folder taken off both.
fn applies_path(scope: &str, path: &str, config: &SiteConfig) -> bool {
    if scope.is_empty() {
        return true;
    }
    let path = sanitize(path);
    if scope.contains('*') {
        let glob = scope
            .trim_start_matches('/')
            .trim_end_matches('/')
            .as_bytes();
        let bytes = path.as_bytes();
        return (1..=bytes.len())
            .filter(|&end| end == bytes.len() || bytes[end] == b'/')
            .any(|end| glob_matches(glob, &bytes[..end]));
    }
    config
        .in_collections(path)
        .starts_with(config.in_collections(sanitize(scope)))
}

fn applies(set: &DefaultSet, path: &str, kind: &str, config: &SiteConfig) -> bool {
    set.kind.as_deref().is_none_or(|k| k == kind) && applies_path(&set.path, path, config)
}

/// Whether `new` wins over `old` (`has_precedence?`).
fn has_precedence(old: Option<&DefaultSet>, new: &DefaultSet) -> bool {
    let Some(old) = old else {
        return true;
    };
    let (new_len, old_len) = (sanitize(&new.path).len(), sanitize(&old.path).len());
    if new_len != old_len {
        new_len >= old_len
    } else if new.kind.is_some() {
        true
    } else {
        old.kind.is_none()
    }
}

fn scope_label(set: &DefaultSet) -> String {
    let path = if set.path.is_empty() {
        "every path".to_string()
    } else {
        format!("path “{}”", set.path)
    };
    match &set.kind {
        Some(kind) => format!("{path}, type {kind}"),
        None => path,
    }
}

/// The values a document of type `kind` (`posts`) at `path` inherits, as Jekyll merges
/// them into its data (`FrontmatterDefaults#all`): the matching sets in order, each one
/// that takes precedence over the last winner overriding, the others only filling in; in
/// the order the keys first appear.
pub fn inherited(config: &SiteConfig, path: &str, kind: &str) -> Vec<Inherited> {
    let mut found: Vec<Inherited> = Vec::new();
    let mut winner: Option<&DefaultSet> = None;
    for set in config
        .defaults
        .iter()
        .filter(|s| applies(s, path, kind, config))
    {
        let wins = has_precedence(winner, set);
        if wins {
            winner = Some(set);
        }
        for (key, value) in &set.values {
            let entry = Inherited {
                key: key.clone(),
                value: value.clone(),
                scope: scope_label(set),
            };
            match found.iter_mut().find(|i| i.key == *key) {
                Some(current) if wins => *current = entry,
                Some(_) => {}
                None => found.push(entry),
            }
        }
    }
    found
}
