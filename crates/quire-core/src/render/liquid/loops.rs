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
//! link. A loop over a list assigned from a quoted string split in the same post is run,
//! and so is one over a list of the post's front matter (`{% for filter in
//! page.filters_linked_to %}`); inside, an `{% assign %}` of the loop's variable through
//! filters (`filter | slugify`) gives a variable of its own. Only the link definitions a
//! loop writes are kept. So are the definitions of an include file the post writes
//! ([`include_definitions`]).

use super::{resolve, resolve_in, SiteVars};

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

/// `text` with each Liquid output that reads one of `locals` (name, value: a loop's
/// variable, a string assigned) written as Liquid writes it, the value through the
/// output's filters; an `{% assign name = local | filters %}` tag writes nothing and
/// makes `name` one of `locals`. Other Liquid is left as it is.
fn with_locals(text: &str, locals: &mut Vec<(String, String)>, vars: &SiteVars) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find("{{").into_iter().chain(rest.find("{%")).min() {
        let output = rest[open..].starts_with("{{");
        let Some(close) = rest[open..]
            .find(if output { "}}" } else { "%}" })
            .map(|c| open + c + 2)
        else {
            break;
        };
        out.push_str(&rest[..open]);
        let whole = &rest[open..close];
        let inner = whole[2..whole.len() - 2].trim_matches(|c: char| c == '-' || c.is_whitespace());
        rest = &rest[close..];
        if output {
            match local_value(inner, locals, vars) {
                Some(value) => out.push_str(&value),
                None => out.push_str(whole),
            }
            continue;
        }
        let assigned = inner
            .strip_prefix("assign ")
            .and_then(|args| args.split_once('='))
            .and_then(|(name, expr)| Some((name.trim(), local_value(expr.trim(), locals, vars)?)));
        match assigned {
            Some((name, value)) => locals.push((name.to_string(), value)),
            None => out.push_str(whole),
        }
    }
    out.push_str(rest);
    out
}

/// What the expression `expr` (an operand and its filters) writes when its operand is one
/// of `locals` (the last of that name): the value through the filters, `None` when it
/// reads none of them or a filter is not applied here.
fn local_value(expr: &str, locals: &[(String, String)], vars: &SiteVars) -> Option<String> {
    let operand = super::filters::split(expr).into_iter().next()?.trim();
    let (_, value) = locals.iter().rev().find(|(n, _)| n == operand)?;
    let filters = expr.trim_start()[operand.len()..].trim();
    if filters.is_empty() {
        return Some(value.clone());
    }
    // The value as a quoted string, through the filters as any output's.
    let quote = ['"', '\''].into_iter().find(|q| !value.contains(*q))?;
    resolve(&format!("{{{{ {quote}{value}{quote} {filters} }}}}"), vars)
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
        let from_page = name.strip_prefix("page.").and_then(|key| {
            let key = key.trim_end_matches(['%', '}', '-']);
            vars.page_lists
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, items)| items)
        });
        let assigned = || {
            lists
                .iter()
                .rev()
                .find(|(n, _)| *n == name)
                .map(|(_, items)| items)
        };
        let Some(items) = from_page.or_else(assigned) else {
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
            let written = with_locals(body, &mut vec![(var.to_string(), item.clone())], vars);
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
    let mut assigned: Vec<(String, String)> = Vec::new();
    for line in files.lines() {
        let trimmed = line.trim();
        if let Some((inner, after)) = tag(trimmed) {
            let literal = inner
                .strip_prefix("assign ")
                .and_then(|args| args.split_once('='))
                .and_then(|(name, value)| Some((name.trim(), super::quoted(value)?)));
            if let (Some((name, value)), true) = (literal, after.trim().is_empty()) {
                assigned.push((name.to_string(), value.to_string()));
            }
            continue;
        }
        if !trimmed.starts_with('[') || trimmed.starts_with("[^") || !trimmed.contains("]:") {
            continue;
        }
        // (A loop's lines are written by the loop, below.)
        if trimmed.contains("{{")
            && !assigned
                .iter()
                .any(|(name, _)| trimmed.contains(name.as_str()))
        {
            continue;
        }
        if out.len() > MOST {
            break;
        }
        let line = with_locals(trimmed, &mut assigned, vars);
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

    /// As Jekyll 4.3.1 writes its own news of 4.1.0: a loop over a list of the front
    /// matter, its item slugified by an assignment inside the loop.
    #[test]
    fn a_loop_over_a_front_matter_list_writes_its_definitions() {
        let src = "---\ntitle: 'Jekyll 4.1.0 Released'\nfilters_linked_to:\n- where expression\n- find\n---\n";
        let body = "* The [`where_exp`][where-expression-filter] filter got enhanced.\n\n\
                    {% for filter in page.filters_linked_to %}\n\
                    {% assign filter_slug = filter | slugify %}\n\
                    [{{ filter_slug }}-filter]: {{ filter_slug | prepend: '/docs/liquid/filters/#' | relative_url }}\n\
                    {% endfor %}\n";
        let vars = SiteVars {
            known: true,
            baseurl: "/b".to_string(),
            page_lists: super::super::page_lists(src, body, &[]),
            ..SiteVars::default()
        };
        assert_eq!(
            vars.page_lists,
            [(
                "filters_linked_to".to_string(),
                vec!["where expression".to_string(), "find".to_string()]
            )]
        );
        assert_eq!(
            loop_definitions(body, &vars),
            "[where-expression-filter]: /b/docs/liquid/filters/#where-expression\n[find-filter]: /b/docs/liquid/filters/#find\n"
        );
        let html = crate::render::render_body(
            body,
            &crate::render::Settings {
                flavour: crate::render::Flavour::Jekyll,
                site: vars.clone(),
                ..Default::default()
            },
        );
        assert!(
            html.starts_with("<ul>\n<li>The <a href=\"/b/docs/liquid/filters/#where-expression\"><code class=\"language-plaintext highlighter-rouge\">where_exp</code></a> filter got enhanced.</li>\n</ul>"),
            "{html}"
        );
        // A list the post does not have, or a key that is no list, writes nothing.
        for other in ["other", "title"] {
            let body = body.replace("filters_linked_to", other);
            let vars = SiteVars {
                page_lists: super::super::page_lists(src, &body, &[]),
                ..vars.clone()
            };
            assert_eq!(loop_definitions(&body, &vars), "", "{other}");
        }
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
