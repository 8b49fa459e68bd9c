//! The link definitions a Liquid loop writes, as Jekyll's own news posts make them:
//!
//! ```text
//! {% assign issue_numbers = "1037|1040" | split: "|" %}
//! {% for issue in issue_numbers %}
//! [#{{ issue }}]: {{ site.repository }}/issues/{{ issue }}
//! {% endfor %}
//! ```
//!
//! Jekyll runs the loop before kramdown reads the post, so `[#1037][]` anywhere in it is a
//! link. Only a loop over a list assigned from a quoted string split in the same post is
//! run, and only the link definitions it writes are kept. So are the definitions of an
//! include file the post writes ([`include_definitions`]).

use super::{resolve_in, SiteVars};

/// The inside of a Liquid tag at the start of `text`, and the rest after it.
fn tag(text: &str) -> Option<(&str, &str)> {
    let inner = text.strip_prefix("{%")?;
    let end = inner.find("%}")?;
    let body = inner[..end].trim_matches(|c: char| c == '-' || c.is_whitespace());
    Some((body, &inner[end + 2..]))
}

/// `name = "a|b" | split: "|"` as (name, the items).
fn split_assign(args: &str) -> Option<(&str, Vec<String>)> {
    let (name, value) = args.split_once('=')?;
    let value = value.trim();
    let quote = value.chars().next().filter(|q| *q == '"' || *q == '\'')?;
    let close = value[1..].find(quote)? + 1;
    let list = &value[1..close];
    let filter = value[close + 1..].trim_start().strip_prefix('|')?;
    let separator = super::quoted(
        filter
            .trim()
            .strip_prefix("split")?
            .trim()
            .strip_prefix(':')?,
    )?;
    if separator.is_empty() {
        return None;
    }
    let items = list.split(separator).map(str::to_string).collect();
    Some((name.trim(), items))
}

/// `text` with each `{{ var }}` (spaces as they may be) written as `value`.
fn substitute(text: &str, var: &str, value: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        let Some(close) = rest[open..].find("}}").map(|c| open + c + 2) else {
            break;
        };
        out.push_str(&rest[..open]);
        let inner = rest[open + 2..close - 2].trim_matches(|c: char| c == '-' || c.is_whitespace());
        if inner == var {
            out.push_str(value);
        } else {
            out.push_str(&rest[open..close]);
        }
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

/// At most this much is written by loops (a hostile post could multiply a long list by
/// many loops).
const MOST: usize = 256 * 1024;

/// The link definitions (Markdown, one per line) the loops of `text` write.
pub(crate) fn loop_definitions(text: &str, vars: &SiteVars) -> String {
    let mut out = String::new();
    if !text.contains("{% for") && !text.contains("{%- for") {
        return out;
    }
    // (The text as parsed has the spaces of Liquid in links marked: written back, so that
    // `{{ issue }}` there is the loop's variable.)
    let text = &*crate::images::unprotect(text);
    let mut lists: Vec<(&str, Vec<String>)> = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("{%") {
        let Some((inner, after)) = tag(&rest[at..]) else {
            break;
        };
        rest = after;
        if let Some(args) = inner.strip_prefix("assign ") {
            if let Some(list) = split_assign(args) {
                lists.push(list);
            }
            continue;
        }
        let Some(args) = inner.strip_prefix("for ") else {
            continue;
        };
        let mut words = args.split_whitespace();
        let (Some(var), Some("in"), Some(name)) = (words.next(), words.next(), words.next()) else {
            continue;
        };
        let Some((_, items)) = lists.iter().rev().find(|(n, _)| *n == name) else {
            continue;
        };
        let Some(end) = rest.find("{% endfor") else {
            break;
        };
        let body = &rest[..end];
        rest = &rest[end..];
        for item in items {
            if out.len() > MOST {
                return out;
            }
            let written = substitute(body, var, item);
            for line in resolve_in(&written, vars).lines() {
                let line = line.trim();
                if line.starts_with('[') && line.contains("]:") {
                    out.push_str(line);
                    out.push('\n');
                }
            }
        }
    }
    out
}

/// The link definitions (Markdown, one per line) the include files `text`'s include tags
/// write (and the files those include), as bitcoincore.org includes `references.md` in
/// every post: Jekyll writes the file into the post before kramdown reads it, so its
/// definitions are the whole post's. A string assigned in the file (`{% assign v =
/// "0.16.2" %}`) is written where a definition reads it; its comments write nothing.
pub(crate) fn include_definitions(text: &str, vars: &SiteVars) -> String {
    let mut out = String::new();
    if vars.includes.is_empty() || !text.contains("include") {
        return out;
    }
    let included = super::include::with_included(text, &vars.includes);
    let Some(files) = included.get(text.len()..).filter(|f| !f.is_empty()) else {
        return out;
    };
    let files = super::blank_comments(files);
    let mut assigned: Vec<(&str, &str)> = Vec::new();
    for line in files.lines() {
        let trimmed = line.trim();
        if let Some((inner, after)) = tag(trimmed) {
            let literal = inner
                .strip_prefix("assign ")
                .and_then(|args| args.split_once('='))
                .and_then(|(name, value)| Some((name.trim(), super::quoted(value)?)));
            if let (Some(literal), true) = (literal, after.trim().is_empty()) {
                assigned.push(literal);
            }
            continue;
        }
        if !trimmed.starts_with('[') || trimmed.starts_with("[^") || !trimmed.contains("]:") {
            continue;
        }
        // (A loop's lines are written by the loop, below.)
        if trimmed.contains("{{") && !assigned.iter().any(|(name, _)| trimmed.contains(name)) {
            continue;
        }
        if out.len() > MOST {
            break;
        }
        let mut line = trimmed.to_string();
        for (name, value) in assigned.iter().rev() {
            if line.contains("{{") {
                line = substitute(&line, name, value);
            }
        }
        out.push_str(&resolve_in(&line, vars));
        out.push('\n');
    }
    // The definitions its loops write (`link-to-issues.md issues="13317,12172"`).
    out.push_str(&loop_definitions(&files, vars));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// As Jekyll 4.3.1 reads bitcoincore.org's `references.md`.
    #[test]
    fn an_include_files_definitions_are_the_posts() {
        let vars = SiteVars {
            includes: vec![
                (
                    "references.md".to_string(),
                    "[Adam Back]: http://www.cypherspace.org/adam/\n{% comment %}\n[hidden]: /no\n{% endcomment %}\n{% assign rpc_version = \"0.16.2\" %}\n[rpc getblock]: /en/doc/{{rpc_version}}/rpc/getblock/\n{% include more.md %}\n".to_string(),
                ),
                ("more.md".to_string(), "[BIP9]: https://bips/9\n".to_string()),
                (
                    "link-to-issues.md".to_string(),
                    "{% assign _issues = include.issues | split: \",\" %}\n{% for _issue in _issues %}\n[#{{_issue}}]: https://github.com/b/issues/{{_issue}}\n{% endfor %}\n".to_string(),
                ),
            ],
            ..SiteVars::default()
        };
        assert_eq!(
            include_definitions("Text\n\n{% include references.md %}\n", &vars),
            "[Adam Back]: http://www.cypherspace.org/adam/\n[rpc getblock]: /en/doc/0.16.2/rpc/getblock/\n[BIP9]: https://bips/9\n"
        );
        assert_eq!(include_definitions("No tag\n", &vars), "");
        assert_eq!(
            include_definitions("{% include link-to-issues.md issues=\"13317,12172\" %}\n", &vars),
            "[#13317]: https://github.com/b/issues/13317\n[#12172]: https://github.com/b/issues/12172\n"
        );
        let html = crate::render::render_body(
            "See [Adam Back], [rpc getblock] and [BIP9][].\n\n{% include references.md %}\n",
            &crate::render::Settings {
                flavour: crate::render::Flavour::Jekyll,
                site: vars,
                ..Default::default()
            },
        );
        assert!(
            html.starts_with("<p>See <a href=\"http://www.cypherspace.org/adam/\">Adam Back</a>, <a href=\"/en/doc/0.16.2/rpc/getblock/\">rpc getblock</a> and <a href=\"https://bips/9\">BIP9</a>.</p>"),
            "{html}"
        );
    }

    #[test]
    fn a_loop_over_a_split_string_writes_its_definitions() {
        let text = "See [#1][] and [#22][].\n\n\
                    {% assign ids = \"1|22\" | split: \"|\" %}\n{% for id in ids %}\n\
                    [#{{ id }}]: https://example.com/issues/{{id}}\n{% endfor %}\n";
        assert_eq!(
            loop_definitions(text, &SiteVars::default()),
            "[#1]: https://example.com/issues/1\n[#22]: https://example.com/issues/22\n"
        );
        // As the parser's text holds it, the spaces of Liquid in a link marked (the
        // Jekyll project's own news posts).
        let marked = crate::images::protect_links(
            "{% assign ids = \"1|22\" | split: \"|\" %}\n{% for id in ids %}\n[#{{ id }}]: https://example.com/{{ id }}\n{% endfor %}\n",
        );
        assert_eq!(
            loop_definitions(&marked, &SiteVars::default()),
            "[#1]: https://example.com/1\n[#22]: https://example.com/22\n"
        );
        // A loop over anything else writes nothing here.
        for text in [
            "{% for p in site.posts %}\n[{{ p }}]: /x\n{% endfor %}\n",
            "{% assign ids = \"1|2\" %}\n{% for id in ids %}\n[{{ id }}]: /x\n{% endfor %}\n",
            "{% assign ids = \"1|2\" | split: \"|\" %}\n{% for id in ids %}\n[{{ id }}]: /x\n",
        ] {
            assert_eq!(loop_definitions(text, &SiteVars::default()), "", "{text:?}");
        }
    }
}
