//! The Liquid a post's links and text use, resolved as Jekyll would from the site's config
//! and posts: `{{ site.<key> }}` for scalar keys, `{{ '/x' | relative_url }}` and
//! `absolute_url`, `{% post_url name %}` and `{% link path %}`; and from the post itself,
//! `{{ page.<key> }}` ([`page_vars`]). What cannot be resolved is left as written (the
//! preview shows it as a placeholder).

use std::borrow::Cow;

mod data;
mod include;
mod loops;
mod page;

pub use data::{data_names, data_value, data_vars, DataVars};
pub(crate) use include::with_params as with_include_params;
pub use include::{include_names, include_tag, IncludeTag};
pub(crate) use loops::loop_definitions;
pub use page::page_vars;

use crate::site_config::{self, SiteConfig};

/// What the Jekyll flavour knows of the site.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SiteVars {
    /// Whether a config is known (without one, nothing is resolved).
    pub known: bool,
    /// `url`, without a trailing `/`.
    pub url: String,
    /// `baseurl`, without a trailing `/`.
    pub baseurl: String,
    /// The config's scalar keys and their values.
    pub scalars: Vec<(String, String)>,
    /// The site's posts: (path in the site, URL path as `page.url`).
    pub posts: Vec<(String, String)>,
    /// The site's Markdown options (kramdown's `auto_ids`, `auto_id_prefix`, `hard_wrap`,
    /// `smart_quotes`); Jekyll's defaults without a config.
    pub markdown: site_config::MarkdownOptions,
    /// The open post's own variables that its body uses (`page.<key>`), as Liquid writes
    /// them (see [`page_vars`]); resolved with or without a config.
    pub page: Vec<(String, String)>,
    /// The files of the site's `_includes/` folder the body's include tags name (name
    /// under `_includes/`, text), as read from an open site folder.
    pub includes: Vec<(String, String)>,
    /// The body's Liquid that reads the site's `_data/` files (see [`data_vars`]).
    pub data: DataVars,
}

impl SiteVars {
    /// The variables of a site with `config` and posts `posts` ((path, URL path)).
    pub fn of(config: &SiteConfig, posts: Vec<(String, String)>) -> SiteVars {
        SiteVars {
            known: true,
            url: config.url.clone(),
            baseurl: config.baseurl.clone(),
            scalars: config
                .scalars
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            posts,
            markdown: config.markdown.clone(),
            page: Vec::new(),
            includes: Vec::new(),
            data: DataVars::default(),
        }
    }

    /// The text of `_includes/<name>`, when it is known.
    pub(crate) fn include(&self, name: &str) -> Option<&str> {
        self.includes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, text)| text.as_str())
    }

    /// The value of `page.<key>`, when the post gives it.
    fn page_var(&self, key: &str) -> Option<&str> {
        self.page
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn config(&self) -> SiteConfig {
        let mut config = SiteConfig::jekyll_defaults();
        config.url = self.url.clone();
        config.baseurl = self.baseurl.clone();
        config
    }

    fn scalar(&self, key: &str) -> Option<&str> {
        match key {
            "url" => Some(&self.url),
            "baseurl" => Some(&self.baseurl),
            _ => self
                .scalars
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str()),
        }
    }

    /// The URL path of the post `name` names in `{% post_url name %}`: its file name
    /// without extension (with the folders below `_posts/`, if any).
    fn post_url(&self, name: &str) -> Option<&str> {
        self.posts.iter().find_map(|(path, url)| {
            let below = path
                .rsplit_once("_posts/")
                .map_or(path.as_str(), |(_, b)| b);
            let stem = below.rsplit_once('.').map_or(below, |(s, _)| s);
            (stem == name).then_some(url.as_str())
        })
    }
}

/// The quoted string `text` is, if it is one.
fn quoted(text: &str) -> Option<&str> {
    let text = text.trim();
    let quote = text.chars().next().filter(|q| *q == '\'' || *q == '"')?;
    text.strip_prefix(quote)?.strip_suffix(quote)
}

/// What one Liquid output or tag writes, if `vars` can tell.
pub fn resolve(liquid: &str, vars: &SiteVars) -> Option<String> {
    if !vars.known && vars.page.is_empty() && vars.data.outputs.is_empty() {
        return None;
    }
    if let Some(inner) = liquid.strip_prefix("{{").and_then(|l| l.strip_suffix("}}")) {
        let inner = inner.trim_matches(|c: char| c == '-' || c.is_whitespace());
        if let Some((_, text)) = vars.data.outputs.iter().find(|(e, _)| e == inner) {
            return Some(text.clone());
        }
        let (value, filter) = match inner.rsplit_once('|') {
            Some((value, filter)) => (value.trim(), Some(filter.trim())),
            None => (inner, None),
        };
        let value = match (value.strip_prefix("page."), value.strip_prefix("site.")) {
            (Some(key), _) => vars.page_var(key)?.to_string(),
            _ if !vars.known => return None,
            (_, Some(key)) => vars.scalar(key)?.to_string(),
            _ => quoted(value)?.to_string(),
        };
        return match filter {
            None => Some(value),
            Some("relative_url") => Some(site_config::relative_url(&vars.baseurl, &value)),
            Some("absolute_url") => Some(site_config::absolute_url(&vars.config(), &value)),
            Some(_) => None,
        };
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
            if let Some((_, url)) = vars.posts.iter().find(|(p, _)| p == path) {
                return Some(site_config::relative_url(&vars.baseurl, url));
            }
            // A static file is served at its path; a page's URL is not known here.
            (!crate::site::is_markdown(path) && !path.ends_with(".html"))
                .then(|| site_config::relative_url(&vars.baseurl, path))
        }
        _ => None,
    }
}

/// `text` with every Liquid output and tag `vars` can resolve replaced by what it writes.
pub fn resolve_in<'a>(text: &'a str, vars: &SiteVars) -> Cow<'a, str> {
    if !vars.known && vars.page.is_empty() && vars.data.outputs.is_empty() {
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

/// Whether `text` may hold a `{% highlight %}` tag.
pub(crate) fn may_highlight(text: &str) -> bool {
    text.contains("{% highlight") || text.contains("{%highlight")
}

/// A line that is a `{% highlight lang %}` tag (`(lang, true)`) or `{% endhighlight %}`
/// (`("", false)`).
fn highlight_tag(line: &str) -> Option<(String, bool)> {
    let inner = line.trim().strip_prefix("{%")?.strip_suffix("%}")?;
    let inner = inner.trim_matches(|c: char| c == '-' || c.is_whitespace());
    if inner == "endhighlight" {
        return Some((String::new(), false));
    }
    let lang = inner.strip_prefix("highlight")?;
    if !lang.starts_with(char::is_whitespace) {
        return None;
    }
    let lang = lang.split_whitespace().next()?.to_string();
    Some((lang, true))
}

/// The text with each `{% highlight lang %}` ... `{% endhighlight %}` pair written as a
/// fenced code block of the same length (`` ```lang `` and the tag's mark,
/// `jekyll::HIGHLIGHT_MARK`, and `` ``` `` padded with spaces),
/// so that the Markdown parser sees the code block Jekyll makes, every offset unchanged.
/// Tags inside code fences or `{% raw %}` are left alone (Jekyll does not run them).
pub(crate) fn highlight_fences(text: &str) -> Cow<'_, str> {
    with_fences(text, &highlight_lines(text))
}

/// `text` with `lines` (from [`highlight_lines`]) written in.
pub(crate) fn with_fences<'a>(text: &'a str, lines: &[HighlightLine]) -> Cow<'a, str> {
    if lines.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut done = 0;
    for line in lines {
        out.push_str(&text[done..line.start]);
        out.push_str(&line.fence);
        done = line.start + line.fence.len();
    }
    out.push_str(&text[done..]);
    Cow::Owned(out)
}

/// A tag's line of a `{% highlight %}` pair and the fence written in its place (of the
/// same length, its line break left).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HighlightLine {
    /// Where the line starts.
    pub(crate) start: usize,
    /// The fence.
    pub(crate) fence: String,
}

/// Whether the tag lines `before` an edit of `edit` (old offsets; the new text of it ends
/// at `new_end`) and `after` it are the same outside the edit.
pub(crate) fn same_outside(
    before: &[HighlightLine],
    after: &[HighlightLine],
    edit: std::ops::Range<usize>,
    new_end: usize,
) -> bool {
    let ahead = |lines: &[HighlightLine]| {
        lines
            .iter()
            .take_while(|l| l.start + l.fence.len() <= edit.start)
            .cloned()
            .collect::<Vec<_>>()
    };
    let behind = |lines: &[HighlightLine], from: usize| {
        lines
            .iter()
            .filter(|l| l.start >= from)
            .map(|l| (l.start - from, l.fence.clone()))
            .collect::<Vec<_>>()
    };
    ahead(before) == ahead(after) && behind(before, edit.end) == behind(after, new_end)
}

/// Whether the stretch `range` of `text`, read alone, has the tag lines `lines` (of the
/// whole text) has there.
pub(crate) fn same_alone(
    lines: &[HighlightLine],
    text: &str,
    range: std::ops::Range<usize>,
) -> bool {
    let alone = highlight_lines(&text[range.clone()]);
    let inside = lines
        .iter()
        .filter(|l| range.contains(&l.start))
        .map(|l| (l.start - range.start, l.fence.as_str()));
    inside.eq(alone.iter().map(|l| (l.start, l.fence.as_str())))
}

/// The tag lines of the `{% highlight %}` pairs of `text`, in order, with their fences
/// (see [`highlight_fences`]).
pub(crate) fn highlight_lines(text: &str) -> Vec<HighlightLine> {
    let mut found = Vec::new();
    if !may_highlight(text) {
        return found;
    }
    let mut fence = None::<&str>;
    // The opening tag's line: (start, the line without its break (the tag alone when code
    // follows it on the line), lang, whether code follows it).
    let mut open: Option<(usize, &str, String, bool)> = None;
    // Liquid runs before Markdown: a tag inside `{% raw %}` is text, even in a fence.
    let raw = raw_spans(text);
    let (mut at, mut next_raw) = (0, 0);
    while at < text.len() {
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        let line = &text[at..line_end];
        let start = at;
        at = line_end;
        while raw.get(next_raw).is_some_and(|&(_, end)| end <= start) {
            next_raw += 1;
        }
        if raw.get(next_raw).is_some_and(|&(s, _)| s <= start) {
            continue;
        }
        let trimmed = line.trim_start();
        // Only a fence or a tag matters.
        if !matches!(trimmed.as_bytes().first(), Some(b'`' | b'~' | b'{')) {
            continue;
        }
        if let Some(f) = fence {
            if trimmed.starts_with(f) {
                fence = None;
            }
            continue;
        }
        if open.is_none() && (trimmed.starts_with("```") || trimmed.starts_with("~~~")) {
            fence = Some(&trimmed[..3]);
            continue;
        }
        let content = line.trim_end_matches(['\n', '\r']);
        // Code on the opening tag's line after it is the block's first line (Jekyll keeps
        // what follows `%}`): the fence then ends with a line break of its own.
        if open.is_none() {
            if let Some((lang, tag_end)) = highlight_tag_with_code(content) {
                open = Some((start, &content[..tag_end], lang, true));
                continue;
            }
        }
        match (highlight_tag(line), open.take()) {
            (Some((lang, true)), None) if !lang.is_empty() => {
                open = Some((start, content, lang, false))
            }
            (Some((_, false)), Some((open_at, opening_line, lang, same_line))) => {
                // Marked as a tag's, for the figure Jekyll writes for it (`jekyll::code`).
                let linenos = opening_line
                    .split_whitespace()
                    .any(|w| w == "linenos" || w.starts_with("linenos="));
                let opening = format!(
                    "```{lang} {}{}",
                    super::jekyll::HIGHLIGHT_MARK,
                    if linenos { " linenos" } else { "" }
                );
                let break_len = usize::from(same_line);
                if opening.len() + break_len <= opening_line.len() && content.len() >= 3 {
                    let mut fence = pad(&opening, opening_line.len() - break_len);
                    if same_line {
                        fence.push('\n');
                    }
                    found.push(HighlightLine {
                        start: open_at,
                        fence,
                    });
                    found.push(HighlightLine {
                        start,
                        fence: pad("```", content.len()),
                    });
                }
            }
            (_, still_open) => open = still_open,
        }
    }
    found
}

/// A `{% highlight lang %}` tag opening `line` with code after it on the line: its
/// language and where the tag ends.
fn highlight_tag_with_code(line: &str) -> Option<(String, usize)> {
    let trimmed = line.trim_start();
    if !trimmed.starts_with("{%") {
        return None;
    }
    let end = line.len() - trimmed.len() + trimmed.find("%}")? + 2;
    if line[end..].trim().is_empty() {
        return None;
    }
    match highlight_tag(&line[..end])? {
        (lang, true) if !lang.is_empty() => Some((lang, end)),
        _ => None,
    }
}

/// `text` padded with spaces to `width` bytes.
fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.len())))
}

/// Whether `token` is `{% raw %}` (true) or `{% endraw %}` (false), white-space control
/// dashes allowed.
pub(crate) fn raw_tag(token: &str) -> Option<bool> {
    let inner = token.strip_prefix("{%")?.strip_suffix("%}")?;
    match inner.trim_matches(|c: char| c == '-' || c.is_whitespace()) {
        "raw" => Some(true),
        "endraw" => Some(false),
        _ => None,
    }
}

/// Where the first `{% raw %}` (`opens`) or `{% endraw %}` tag of `text` starts and ends.
pub(crate) fn find_raw_tag(text: &str, opens: bool) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(at) = text[from..].find("{%").map(|i| from + i) {
        let close = text[at..].find("%}")? + at + 2;
        if raw_tag(&text[at..close]) == Some(opens) {
            return Some((at, close));
        }
        from = at + 2;
    }
    None
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
        || (lines.contains("highlight") && lines.lines().any(|l| highlight_tag(l).is_some()))
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
