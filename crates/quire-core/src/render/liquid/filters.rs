//! Liquid's filters on the text of an output the preview resolves (`{{ page.x | upcase }}`,
//! `{{ include.role | default: "-" }}` once an include's parameters are filled in): the
//! URL filters Jekyll adds and Liquid's string filters that need nothing but the text;
//! `markdownify` of a literal in an include file, rendered as the post is; the date
//! filters on times (`dates.rs`); a filter neither has passes the value on, as Liquid
//! does. An output with any other filter stays as written.

use super::dates::Time;
use super::{quoted, SiteVars};
use crate::site_config;

/// `text` split at each `|` outside quotes: the operand, then each filter.
pub(super) fn split(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut quote = None;
    let mut from = 0;
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '|') => {
                parts.push(&text[from..i]);
                from = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[from..]);
    parts
}

/// What `filter` (its name and any arguments, `default: "x"`) makes of `value`; `None`
/// for a filter not applied here.
pub(super) fn apply(value: String, filter: &str, vars: &SiteVars) -> Option<String> {
    // A filter neither Liquid nor Jekyll has (Eleventy's `url`): Liquid passes the value
    // on, whatever its arguments (`strict_filters` is off unless a site turns it on).
    let name = filter.split(':').next().unwrap_or_default().trim();
    if !name.is_empty() && !KNOWN.contains(&name) && word(name) {
        return Some(value);
    }
    let (name, args) = match filter.split_once(':') {
        Some((name, args)) => (name.trim(), arguments(args)?),
        None => (filter.trim(), Vec::new()),
    };
    let arg = |k: usize| args.get(k).copied();
    Some(match (name, args.len()) {
        // Jekyll's URL filters give an absolute URL back as it is; `absolute_url` puts the
        // config's `url` as written (a trailing `/` kept) before `relative_url`'s path.
        ("relative_url" | "absolute_url", 0) if super::absolute(&value) => value,
        ("relative_url", 0) => site_config::relative_url(&vars.baseurl, &value),
        ("absolute_url", 0) => {
            let relative = site_config::relative_url(&vars.baseurl, &value);
            format!("{}{relative}", vars.scalar("url").unwrap_or_default())
        }
        // An empty filter (`x | | relative_url`): Liquid passes the value on.
        ("", 0) => value,
        ("upcase", 0) => value.to_uppercase(),
        ("downcase", 0) => value.to_lowercase(),
        ("capitalize", 0) => super::page::capitalize(&value),
        ("strip", 0) => value.trim().to_string(),
        ("lstrip", 0) => value.trim_start().to_string(),
        ("rstrip", 0) => value.trim_end().to_string(),
        ("default", 1) if value.is_empty() => arg(0)?.to_string(),
        ("default", 1) => value,
        ("append", 1) => value + arg(0)?,
        ("prepend", 1) => format!("{}{value}", arg(0)?),
        ("remove", 1) => value.replace(arg(0)?, ""),
        ("remove_first", 1) => value.replacen(arg(0)?, "", 1),
        ("replace", 2) => value.replace(arg(0)?, arg(1)?),
        ("replace_first", 2) => value.replacen(arg(0)?, arg(1)?, 1),
        ("slugify", 0) => crate::export::slugify(&value),
        ("slugify", 1) => crate::export::slugify_mode(&value, arg(0)?, false)?,
        // Times (`dates.rs`): a value that is none is left as written.
        // Liquid's `date` writes a time at the offset it was read with; Jekyll's filters
        // move it to the site's zone first (`time(input)`: `localtime`).
        ("date", 1) => time(&value, vars)?.strftime(arg(0)?),
        ("date_to_xmlschema", 0) => local_time(&value, vars)?.strftime("%Y-%m-%dT%H:%M:%S%:z"),
        ("date_to_rfc822", 0) => local_time(&value, vars)?.strftime("%a, %d %b %Y %H:%M:%S %z"),
        ("date_to_string" | "date_to_long_string", n @ 0..=2) => {
            let ordinal = n > 0 && arg(0)? == "ordinal";
            let us = n > 1 && arg(1)? == "US";
            local_time(&value, vars)?.to_string_filter(name == "date_to_long_string", ordinal, us)
        }
        _ => return None,
    })
}

/// The filters of Liquid and Jekyll (4.3.1, as Debian installs it): one of these not
/// applied here leaves its output as written.
#[rustfmt::skip]
const KNOWN: &[&str] = &[
    "abs", "absolute_url", "append", "array_to_sentence_string", "at_least", "at_most",
    "base64_decode", "base64_encode", "base64_url_safe_decode", "base64_url_safe_encode",
    "capitalize", "ceil", "cgi_escape", "compact", "concat", "date", "date_to_long_string",
    "date_to_rfc822", "date_to_string", "date_to_xmlschema", "default", "divided_by",
    "downcase", "escape", "escape_once", "find", "find_exp", "first", "floor", "group_by",
    "group_by_exp", "h", "inspect", "join", "jsonify", "last", "lstrip", "map", "markdownify",
    "minus", "modulo", "newline_to_br", "normalize_whitespace", "number_of_words", "plus",
    "pop", "prepend", "push", "relative_url", "remove", "remove_first", "remove_last",
    "replace", "replace_first", "replace_last", "reverse", "round", "rstrip", "sample",
    "sassify", "scssify", "shift", "size", "slice", "slugify", "smartify", "sort",
    "sort_natural", "split", "strip", "strip_html", "strip_index", "strip_newlines", "times",
    "to_integer", "truncate", "truncatewords", "uniq", "unshift", "upcase", "uri_escape",
    "url_decode", "url_encode", "where", "where_exp", "xml_escape",
];

/// Whether `name` is one Liquid reads as a filter's name (word characters; `-` and `?`
/// too, which its lax parser reads past).
fn word(name: &str) -> bool {
    name.chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '?'))
}

/// The time `value` is for Liquid's `date` filter (`Liquid::Utils.to_date`): `now` and
/// `today` are `site.time`, a whole number is seconds since 1970, other text is read by
/// Ruby's `Time.parse` (a time without an offset is on the clock of the site's zone).
fn time(value: &str, vars: &SiteVars) -> Option<Time> {
    match value.trim() {
        "now" | "today" => Time::parse(vars.time.as_deref()?, &vars.zone),
        // Up to the year 9999 (more is no post's, and would overflow).
        digits if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => {
            Some(Time::at(
                digits.parse().ok().filter(|s| *s < 253_402_300_800)?,
                &vars.zone,
            ))
        }
        text => Time::parse(text, &vars.zone),
    }
}

/// The time `value` is for Jekyll's date filters, on the clock of the site's zone.
fn local_time(value: &str, vars: &SiteVars) -> Option<Time> {
    Some(time(value, vars)?.local(&vars.zone))
}

/// `settings` with the outputs of `text` that put a literal through `markdownify`
/// (`{{ 'A *big* one' | markdownify | remove: "<p>" }}`, an include's caption once its
/// parameters are filled in) as outputs the preview resolves: the literal rendered with
/// the post's settings, the other filters applied before and after. `None` when `text`
/// has none.
pub(crate) fn with_markdownified(
    settings: &super::super::Settings,
    text: &str,
) -> Option<super::super::Settings> {
    if !text.contains("markdownify") {
        return None;
    }
    let mut outputs = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        let Some(close) = rest[open..].find("}}") else {
            break;
        };
        let inner =
            rest[open + 2..open + close].trim_matches(|c: char| c == '-' || c.is_whitespace());
        rest = &rest[open + close + 2..];
        let mut parts = split(inner).into_iter();
        let Some(mut value) = parts.next().and_then(quoted).map(str::to_string) else {
            continue;
        };
        let mut markdownified = false;
        let applied = parts.try_for_each(|filter| {
            value = if filter.trim() == "markdownify" {
                markdownified = true;
                super::super::render_body(&value, settings)
            } else {
                apply(std::mem::take(&mut value), filter, &settings.site)?
            };
            Some(())
        });
        if markdownified && applied.is_some() {
            outputs.push((inner.to_string(), value));
        }
    }
    if outputs.is_empty() {
        return None;
    }
    let mut with = settings.clone();
    with.site.data.outputs.extend(outputs);
    Some(with)
}

/// A filter's arguments, each a quoted string (`"a", 'b'`); `None` when one is not.
fn arguments(args: &str) -> Option<Vec<&str>> {
    let mut out = Vec::new();
    let mut rest = args.trim();
    while !rest.is_empty() {
        let quote = rest.chars().next().filter(|q| *q == '"' || *q == '\'')?;
        let close = rest[1..].find(quote)? + 1;
        out.push(quoted(&rest[..=close])?);
        rest = rest[close + 1..].trim_start();
        rest = match rest.strip_prefix(',') {
            Some(more) => more.trim_start(),
            None if rest.is_empty() => rest,
            None => return None,
        };
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::super::{resolve, SiteVars};

    /// As Liquid 4 writes them (Jekyll 4.3.1).
    #[test]
    fn string_filters_on_resolved_text() {
        let vars = SiteVars {
            known: true,
            baseurl: "/blog".to_string(),
            ..SiteVars::default()
        };
        let cases = [
            (
                "{{ 'Founder & Director' | upcase }}",
                Some("FOUNDER & DIRECTOR"),
            ),
            ("{{ \"ABC dEf\" | downcase | capitalize }}", Some("Abc def")),
            ("{{ nil | default: \"dflt\" }}", Some("dflt")),
            ("{{ nil | upcase }}", Some("")),
            ("{{ 'x' | default: 'y' }}", Some("x")),
            (
                "{{ ' a b ' | strip | append: '!' | prepend: \"<\" }}",
                Some("<a b!"),
            ),
            ("{{ 'a|b-c-c' | remove: '-c' }}", Some("a|b")),
            (
                "{{ 'aXbX' | replace_first: 'X', '_' | replace: \"X\", ',' }}",
                Some("a_b,"),
            ),
            ("{{ '/x' | relative_url | upcase }}", Some("/BLOG/X")),
            // An empty filter passes the value on (jekyllrb-ja's docs).
            ("{{ \"/docs/\" | | relative_url }}", Some("/blog/docs/")),
            // Jekyll's `slugify` in each mode, as Jekyll 4.3.1 writes it.
            (
                "{{ \"Where  Expression!\" | slugify }}",
                Some("where-expression"),
            ),
            (
                "{{ \"-- a_b. c~d (e) --\" | slugify: \"raw\" }}",
                Some("--a_b.-c~d-(e)--"),
            ),
            (
                "{{ \"-- a_b. c~d (e) --\" | slugify: \"pretty\" }}",
                Some("a_b.-c~d-(e)"),
            ),
            (
                "{{ \"Ça va, Zoë? 2x\" | slugify: \"ascii\" }}",
                Some("a-va-zo-2x"),
            ),
            (
                "{{ \"Ça va, Zoë? 2x\" | slugify: 'default' }}",
                Some("ça-va-zoë-2x"),
            ),
            ("{{ \"Ça Va\" | slugify: \"none\" }}", Some("ça va")),
            ("{{ \"-x-\" | slugify: \"raw\" }}", Some("x")),
            // (Ruby's transliteration is not here.)
            ("{{ \"É é\" | slugify: \"latin\" }}", None),
            ("{{ 'x' | markdownify }}", None),
            ("{{ 'x' | default: y }}", None),
            ("{{ 'x' | replace: 'a' }}", None),
        ];
        for (liquid, expected) in cases {
            assert_eq!(resolve(liquid, &vars).as_deref(), expected, "{liquid}");
        }
    }

    /// `page.date` and `site.time` through the date filters, as Jekyll 4.3.1 writes them
    /// (bitcoin.org's images take `?{{site.time | date: '%s'}}`; Made Mistakes' reviews
    /// write `{{ page.date | date_to_xmlschema }}`).
    #[test]
    fn date_filters_on_times() {
        let mut vars = SiteVars {
            known: true,
            page: vec![("date".into(), "2015-03-02 16:05:09 +0000".into())],
            ..SiteVars::default()
        };
        vars.set_time(&crate::LocalDateTime {
            year: 2026,
            month: 12,
            day: 7,
            hour: 5,
            minute: 30,
            second: 0,
            offset_minutes: 60,
        });
        let cases = [
            (
                "{{ page.date | date: \"%B %-d, %Y\" }}",
                Some("March 2, 2015"),
            ),
            (
                "{{ page.date | date_to_xmlschema }}",
                Some("2015-03-02T16:05:09+00:00"),
            ),
            (
                "{{ page.date | date_to_rfc822 }}",
                Some("Mon, 02 Mar 2015 16:05:09 +0000"),
            ),
            ("{{ page.date | date_to_string }}", Some("02 Mar 2015")),
            (
                "{{ page.date | date_to_long_string: \"ordinal\", \"US\" }}",
                Some("March 2nd, 2015"),
            ),
            ("{{ site.time }}", Some("2026-12-07 04:30:00 +0000")),
            ("{{site.time | date: '%s'}}", Some("1796617800")),
            ("{{ \"now\" | date: \"%Y\" }}", Some("2026")),
            ("{{ '2020-01-05' | date: '%b %d' }}", Some("Jan 05")),
            ("{{ 'soon' | date: '%Y' }}", None),
            ("{{ page.date | date }}", None),
        ];
        for (liquid, expected) in cases {
            assert_eq!(resolve(liquid, &vars).as_deref(), expected, "{liquid}");
        }
    }
}
