//! The Liquid a post's links and text use, resolved as Jekyll would from the site's config
//! and posts: `{{ site.<key> }}` for scalar keys, `{{ '/x' | relative_url }}` and
//! `absolute_url`, `{% post_url name %}` and `{% link path %}`; and from the post itself,
//! `{{ page.<key> }}` ([`page_vars`]). What cannot be resolved is left as written (the
//! preview shows it as a placeholder).

use std::borrow::Cow;

use crate::site_config;

mod conditions;
mod data;
mod dates;
mod filters;
mod highlight;
mod include;
mod linked;
mod loops;
mod page;
mod site_vars;

pub use data::{data_names, data_value, data_vars, made_names, DataVars};
pub(crate) use filters::with_markdownified;
pub(crate) use highlight::{
    highlight_fences, highlight_lines, opens_highlight_tag, same_alone, same_outside,
    HighlightLine, HIGHLIGHT_TAG_START,
};
pub(crate) use include::with_params as with_include_params;
pub use include::{include_names, include_tag, with_included, IncludeTag};
pub use linked::link_names;
pub(crate) use loops::{include_definitions, loop_definitions};
pub use page::{page_lists, page_vars};
pub(crate) use site_vars::absolute;
pub use site_vars::SiteVars;

/// The quoted string `text` is, if it is one.
fn quoted(text: &str) -> Option<&str> {
    let text = text.trim();
    let quote = text.chars().next().filter(|q| *q == '\'' || *q == '"')?;
    text.strip_prefix(quote)?.strip_suffix(quote)
}

/// The keys of the payload Jekyll (4.3.1) renders a post's Liquid with (its
/// `UnifiedPayloadDrop`); `content`, `layout`, `paginator` and the highlighter's prefix
/// and suffix are nil while the post itself is rendered.
#[rustfmt::skip]
const PAYLOAD: [&str; 9] = [
    "jekyll",
    "site",
    "page",
    "theme",
    "content",
    "paginator",
    "layout",
    "highlighter_prefix",
    "highlighter_suffix",
];

/// What a variable `name` reads when nothing makes it (`bare`: not a key of it), if it
/// reads something: the payload's own methods (`count` is its number of keys: Vue's
/// `{{ count }}` is `9` on the site; a key of one is nil); `None` for the ones that write
/// something of the payload's that the preview does not (`keys`, `first`...), and
/// Liquid's literals and loop objects.
fn unmade_reads(name: &str, bare: bool) -> Option<String> {
    #[rustfmt::skip]
    const KEPT: &[&str] = &[
        "jekyll", "site", "page", "theme", "include", "forloop", "tablerowloop", "true",
        "false", "nil", "null", "empty", "blank",
    ];
    #[rustfmt::skip]
    const METHODS: &[&str] = &[
        "first", "keys", "max", "min", "sort", "fetch", "each_key", "merge", "to_hash",
        "to_liquid", "content_methods", "hash_for_json",
    ];
    match name {
        name if KEPT.contains(&name) => None,
        "count" if bare => Some(PAYLOAD.len().to_string()),
        name if bare && METHODS.contains(&name) => None,
        _ => Some(String::new()),
    }
}

/// What the output operand `value` writes when it reads a variable that neither Jekyll
/// gives nor the body's tags make (`vars.data.made`, once worked out): nothing, Liquid's
/// nil (`{{ mess }}`, `{{.IPAddress}}`, `{{}}`), or what [`unmade_reads`] gives.
fn unmade(value: &str, vars: &SiteVars) -> Option<String> {
    let made = vars.data.made.as_ref()?;
    // A literal: a string, a number, a range; or no expression at all (braces or a tag
    // inside: an output read across `{% raw %}` tags).
    if value.starts_with(['\'', '"', '('])
        || value.parse::<f64>().is_ok()
        || value.contains(['{', '}', '%'])
    {
        return None;
    }
    let root_len = value
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(value.len());
    let root = &value[..root_len];
    if made.binary_search_by(|n| n.as_str().cmp(root)).is_ok() {
        return None;
    }
    unmade_reads(root, root_len == value.len())
}

/// Whether `vars` can tell what some Liquid writes: the site is known, or the post's own
/// variables, its data outputs or the variables its tags make are.
fn may_resolve(vars: &SiteVars) -> bool {
    vars.known || !vars.page.is_empty() || !vars.data.outputs.is_empty() || vars.data.made.is_some()
}

/// What one Liquid output or tag writes, if `vars` can tell.
pub fn resolve(liquid: &str, vars: &SiteVars) -> Option<String> {
    if !may_resolve(vars) {
        return None;
    }
    if let Some(inner) = liquid.strip_prefix("{{").and_then(|l| l.strip_suffix("}}")) {
        let inner = inner.trim_matches(|c: char| c == '-' || c.is_whitespace());
        let found = vars
            .data
            .outputs
            .iter()
            .find(|(e, _)| same_expression(e, inner));
        if let Some((_, text)) = found {
            return Some(text.clone());
        }
        let mut parts = filters::split(inner).into_iter();
        let value = parts.next()?.trim();
        let mut value = match (value.strip_prefix("page."), value.strip_prefix("site.")) {
            (Some(key), _) => vars.page_var(key)?.to_string(),
            // Liquid's nil (an include's parameter its tag does not give) writes nothing;
            // so does a variable nothing makes.
            _ if value == "nil" => String::new(),
            _ if let Some(read) = unmade(value, vars) => read,
            _ if !vars.known => return None,
            (_, Some(key)) => match vars.scalar(key) {
                Some(value) => value.to_string(),
                None => vars.site_nil(key)?,
            },
            // A whole number is itself (`{{ 1425312309 | date: "%F" }}`).
            _ if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) => {
                value.to_string()
            }
            _ => quoted(value)?.to_string(),
        };
        for filter in parts {
            value = filters::apply(value, filter, vars)?;
        }
        return Some(value);
    }
    let inner = liquid.strip_prefix("{%")?.strip_suffix("%}")?;
    let inner = inner.trim_matches(|c: char| c == '-' || c.is_whitespace());
    let (tag, arg) = inner.split_once(char::is_whitespace)?;
    let arg = arg.trim();
    // An assignment writes nothing; one whose value is known is resolved.
    if tag == "assign" {
        let name = arg.split('=').next().unwrap_or("").trim();
        return vars
            .data
            .assigned
            .iter()
            .any(|n| n == name)
            .then(String::new);
    }
    if !vars.known {
        return None;
    }
    match tag {
        "post_url" => vars
            .post_url(arg)
            .map(|url| site_config::relative_url(&vars.baseurl, url)),
        "link" => {
            let path = arg.trim_start_matches('/');
            let known = |(p, _): &&(String, String)| p == path;
            if let Some((_, url)) = vars
                .posts
                .iter()
                .find(known)
                .or(vars.pages.iter().find(known))
            {
                return Some(site_config::relative_url(&vars.baseurl, url));
            }
            // A static file is served at its path; a page's URL is known only once its file
            // was read (`SiteVars::pages`).
            (!crate::site::is_markdown(path) && !path.ends_with(".html"))
                .then(|| site_config::relative_url(&vars.baseurl, path))
        }
        _ => None,
    }
}

/// `text` with every Liquid output and tag `vars` can resolve replaced by what it writes.
pub fn resolve_in<'a>(text: &'a str, vars: &SiteVars) -> Cow<'a, str> {
    if !may_resolve(vars) {
        return Cow::Borrowed(text);
    }
    crate::images::rewrite_liquid(text, |_, liquid| resolve(liquid, vars))
}

/// The text with the Liquid where its links start written as Jekyll writes it: resolved
/// from the site where `vars` can (see [`resolve`]), else the site links of
/// [`crate::images::expand_links`] (`{{ site.baseurl }}`, `relative_url`), with the site's
/// base path. For Markdown rendered outside the preview's flavour (the excerpt card).
pub fn expand_links(text: &str, vars: &SiteVars) -> String {
    crate::images::rewrite_links(text, |liquid| {
        resolve(liquid, vars).or_else(|| crate::images::expand_link(liquid, &vars.baseurl))
    })
    .into_owned()
}

/// The inside of the Liquid tag `token`, white-space control dashes and white space
/// taken off (`{%- capture x -%}` is `capture x`).
pub(crate) fn tag_inside(token: &str) -> Option<&str> {
    let inner = token.strip_prefix("{%")?.strip_suffix("%}")?;
    Some(inner.trim_matches(|c: char| c == '-' || c.is_whitespace()))
}

/// The first Liquid tag of `text` from `from` whose inside ([`tag_inside`]) `matches`:
/// where it starts and ends, and its inside.
pub(crate) fn find_tag(
    text: &str,
    from: usize,
    matches: impl Fn(&str) -> bool,
) -> Option<(usize, usize, &str)> {
    let mut from = from;
    while let Some(at) = text[from..].find("{%").map(|i| from + i) {
        let close = text[at..].find("%}")? + at + 2;
        if let Some(inside) = tag_inside(&text[at..close]).filter(|i| matches(i)) {
            return Some((at, close, inside));
        }
        from = at + 2;
    }
    None
}

/// Whether `token` is `{% raw %}` (true) or `{% endraw %}` (false), white-space control
/// dashes allowed.
pub(crate) fn raw_tag(token: &str) -> Option<bool> {
    match tag_inside(token)? {
        "raw" => Some(true),
        "endraw" => Some(false),
        _ => None,
    }
}

/// Where the first `{% raw %}` (`opens`) or `{% endraw %}` tag of `text` starts and ends.
pub(crate) fn find_raw_tag(text: &str, opens: bool) -> Option<(usize, usize)> {
    let name = if opens { "raw" } else { "endraw" };
    find_tag(text, 0, |inside| inside == name).map(|(at, close, _)| (at, close))
}

/// The stretches of `text` between a `{% raw %}` and the `{% endraw %}` after it (from
/// the end of one tag to the start of the other), in order; a tag never closed opens none
/// (Jekyll stops at it).
pub(crate) fn raw_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut from = 0;
    if !text.contains("raw") {
        return spans;
    }
    while let Some((_, start)) = find_raw_tag(&text[from..], true) {
        let start = from + start;
        let Some((end, after)) = find_raw_tag(&text[start..], false) else {
            break;
        };
        spans.push((start, start + end));
        from = start + after;
    }
    spans
}

/// The openings of the tags of a loop that writes link definitions (`loops.rs`).
const LOOP_TAGS: [&str; 6] = [
    "{% assign",
    "{%- assign",
    "{% for",
    "{%- for",
    "{% endfor",
    "{%- endfor",
];

/// Whether the lines of `text` holding `start..end` hold a tag that pairs with another
/// blocks away: `{% raw %}`, `{% endraw %}`, `{% highlight %}` or `{% endhighlight %}`,
/// or one of a loop that writes link definitions for the whole body (`assign`, `for`,
/// `endfor`).
pub(crate) fn holds_pairing_tag(text: &str, start: usize, end: usize) -> bool {
    let from = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let to = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let lines = &text[from..to];
    (lines.contains("raw") && (find_raw_tag(lines, true).or(find_raw_tag(lines, false))).is_some())
        || (lines.contains("highlight") && lines.lines().any(highlight::is_tag_line))
        || LOOP_TAGS.iter().any(|t| lines.contains(t))
}

/// `text` without its `{% raw %}` and `{% endraw %}` tags (Jekyll writes nothing for them,
/// in code as anywhere).
pub(crate) fn strip_raw_tags(text: &str) -> Cow<'_, str> {
    if !text.contains("raw") {
        return Cow::Borrowed(text);
    }
    let mut out = String::new();
    let (mut done, mut at) = (0, 0);
    // The closing found last: openings before it close there too (one pass, not one each).
    let mut close: Option<usize> = None;
    while let Some(open) = text[at..].find("{%").map(|i| at + i) {
        if close.is_none_or(|c| c < open + 2) {
            close = text[open + 2..].find("%}").map(|c| open + 2 + c + 2);
        }
        let Some(end) = close else {
            break;
        };
        if raw_tag(&text[open..end]).is_some() {
            out.push_str(&text[done..open]);
            done = end;
            at = end;
        } else {
            at = open + 2;
        }
    }
    if done == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[done..]);
    Cow::Owned(out)
}

/// Whether `text` holds a Liquid comment's tag (`{% comment %}` or `{% endcomment %}`).
pub(crate) fn has_comment_tag(text: &str) -> bool {
    text.contains("comment")
        && find_tag(text, 0, |inside| {
            inside == "comment" || inside == "endcomment"
        })
        .is_some()
}

/// `text` with each Liquid comment outside `{% raw %}` (from `{% comment %}` to the end of
/// the `{% endcomment %}` after it) written as spaces, its line breaks kept: Jekyll writes
/// nothing of it, and the rest keeps its offsets. A comment never closed is left as it is.
pub(crate) fn blank_comments(text: &str) -> Cow<'_, str> {
    if !text.contains("comment") {
        return Cow::Borrowed(text);
    }
    let raw = raw_spans(text);
    let mut out: Option<Vec<u8>> = None;
    let mut from = 0;
    while let Some((at, close, _)) = find_tag(text, from, |inside| inside == "comment") {
        if raw.iter().any(|&(start, end)| at >= start && at < end) {
            from = close;
            continue;
        }
        let Some((_, end, _)) = find_tag(text, close, |inside| inside == "endcomment") else {
            break;
        };
        let bytes = out.get_or_insert_with(|| text.as_bytes().to_vec());
        for b in bytes.iter_mut().take(end).skip(at) {
            if !matches!(*b, b'\n' | b'\r') {
                *b = b' ';
            }
        }
        from = end;
    }
    // Whole characters were replaced (the comment starts and ends at ASCII).
    match out.map(String::from_utf8) {
        Some(Ok(blanked)) => Cow::Owned(blanked),
        _ => Cow::Borrowed(text),
    }
}

/// `text` with each `{% capture name %}` ... `{% endcapture %}` outside `{% raw %}`
/// written as spaces, its line breaks kept (Jekyll writes nothing there; the rest keeps its
/// offsets), and what each captures, by name, in order: the text between the tags, white
/// space taken off where a tag's dash says (`{% capture x -%}`, `{%- endcapture %}`); the
/// Liquid in it is left as written. `None` when there is no capture.
pub(crate) fn blank_captures(text: &str) -> Option<(String, Vec<(String, String)>)> {
    if !text.contains("capture") {
        return None;
    }
    let raw = raw_spans(text);
    let mut bytes: Option<Vec<u8>> = None;
    let mut captured = Vec::new();
    let mut from = 0;
    let opens = |inside: &str| {
        inside
            .strip_prefix("capture")
            .is_some_and(|name| name.starts_with(char::is_whitespace))
    };
    while let Some((at, close, inside)) = find_tag(text, from, opens) {
        if raw.iter().any(|&(start, end)| at >= start && at < end) {
            from = close;
            continue;
        }
        let name = inside["capture".len()..].trim().to_string();
        let Some((end_at, end, _)) = find_tag(text, close, |i| i == "endcapture") else {
            break;
        };
        let mut content = &text[close..end_at];
        if text[..close].ends_with("-%}") {
            content = content.trim_start();
        }
        if text[end_at..].starts_with("{%-") {
            content = content.trim_end();
        }
        if !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_alphanumeric() || "_-".contains(c))
        {
            captured.push((name, content.to_string()));
        }
        let bytes = bytes.get_or_insert_with(|| text.as_bytes().to_vec());
        for b in bytes.iter_mut().take(end).skip(at) {
            if !matches!(*b, b'\n' | b'\r') {
                *b = b' ';
            }
        }
        from = end;
    }
    // Whole characters were replaced (the tags start and end at ASCII).
    let blanked = String::from_utf8(bytes?).ok()?;
    Some((blanked, captured))
}

/// `settings` with what the body's captures hold (from [`blank_captures`]) as outputs the
/// preview resolves: `{{ x }}` the captured text, `{{ x | markdownify }}` its HTML (a
/// name captured twice, or captured again inside an include file: its last text).
pub(crate) fn with_captures(
    settings: &super::Settings,
    captured: &[(String, String)],
) -> super::Settings {
    let mut with = settings.clone();
    for (name, text) in captured {
        // A name captured again (here, or around an include file) holds the last text.
        let markdownify = format!("{name} | markdownify");
        with.site
            .data
            .outputs
            .retain(|(e, _)| !same_expression(e, name) && !same_expression(e, &markdownify));
        // (Liquid in the captured text runs when it is captured.)
        let text = resolve_in(text, &settings.site).into_owned();
        let html = super::render_body(&text, settings);
        with.site.data.outputs.push((name.clone(), text));
        with.site.data.outputs.push((markdownify, html));
    }
    with
}

/// Whether two Liquid output expressions are the same, white space around their filters'
/// `|` aside (`x|markdownify` is `x | markdownify`).
fn same_expression(a: &str, b: &str) -> bool {
    a.split('|').map(str::trim).eq(b.split('|').map(str::trim))
}

/// Whether a paragraph's text is only Liquid tags (`{% raw %}`, `{% for %}`...) and
/// reference definitions written by Liquid: Jekyll writes no paragraph for it.
pub(crate) fn only_tags(text: &str) -> bool {
    let mut rest = text.trim();
    if !rest.starts_with("{%") {
        return false;
    }
    let mut left = String::new();
    while let Some(at) = rest.find("{%") {
        left.push_str(&rest[..at]);
        let Some(end) = rest[at..].find("%}") else {
            return false;
        };
        rest = &rest[at + end + 2..];
    }
    left.push_str(rest);
    left.lines().all(|line| {
        let line = line.trim();
        line.is_empty() || (line.starts_with('[') && line.contains("]:") && line.contains("{{"))
    })
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod zone_tests;
