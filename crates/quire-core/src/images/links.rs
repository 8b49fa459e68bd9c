//! Where images go and how the Markdown links to them: the path pattern, the site path a
//! link points at, and the Liquid that writes site links (`{{ site.baseurl }}`,
//! `relative_url`), expanded as Jekyll does before Markdown.

use std::borrow::Cow;

use super::PostPlace;

mod destinations;
pub(crate) use destinations::protect_spaced_links;
#[cfg(test)]
use destinations::{destination_ends, line_goes_on};

/// The default path pattern.
pub const DEFAULT_PATTERN: &str = "/assets/images/{year}/{slug}/{name}.{ext}";

/// The patterns offered as choices: plain, with `{{ site.baseurl }}`, with `relative_url`.
pub const PATTERN_CHOICES: [&str; 3] = [
    DEFAULT_PATTERN,
    "{{ site.baseurl }}/assets/images/{year}/{slug}/{name}.{ext}",
    "{{ '/assets/images/{year}/{slug}/{name}.{ext}' | relative_url }}",
];

/// How a link to an image is written around its site path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// `/assets/x.png`
    Plain,
    /// `{{ site.baseurl }}/assets/x.png`
    BaseUrl,
    /// `{{ '/assets/x.png' | relative_url }}`
    RelativeUrl,
}

/// Where a new image goes and how the Markdown links to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathPattern {
    form: Form,
    template: String,
}

impl Default for PathPattern {
    fn default() -> Self {
        PathPattern {
            form: Form::Plain,
            template: DEFAULT_PATTERN.to_string(),
        }
    }
}

/// The placeholders a pattern may use.
const PLACEHOLDERS: [&str; 5] = ["{year}", "{month}", "{slug}", "{name}", "{ext}"];

impl PathPattern {
    /// Read a pattern: a site path from the root with `{year}`, `{month}`, `{slug}`,
    /// `{name}` and `{ext}` (the last two required), written plain, after
    /// `{{ site.baseurl }}`, or inside `{{ '...' | relative_url }}`.
    pub fn parse(text: &str) -> Result<PathPattern, String> {
        let text = text.trim();
        let (form, template) = if let Some(rest) = strip_baseurl(text) {
            (Form::BaseUrl, rest)
        } else if let Some(inner) = relative_url_arg(text) {
            (Form::RelativeUrl, inner)
        } else {
            (Form::Plain, text)
        };
        if !template.starts_with('/') || template.starts_with("//") {
            return Err("the path must start with / (the site's root)".into());
        }
        for needed in ["{name}", "{ext}"] {
            if !template.contains(needed) {
                return Err(format!("the path must contain {needed}"));
            }
        }
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            let close = rest[open..].find('}').ok_or("a { is not closed")? + open;
            let word = &rest[open..=close];
            if !PLACEHOLDERS.contains(&word) {
                return Err(format!("{word} is not one of {}", PLACEHOLDERS.join(", ")));
            }
            rest = &rest[close + 1..];
        }
        if template.contains(['"', '\'', ' ', '(', ')', '<', '>']) {
            return Err("the path must not contain spaces, quotes, brackets or parentheses".into());
        }
        Ok(PathPattern {
            form,
            template: template.to_string(),
        })
    }

    /// The site path of image `name.ext` of a post.
    pub fn site_path(&self, post: &PostPlace, name: &str, ext: &str) -> String {
        self.template
            .replace("{year}", &format!("{:04}", post.year))
            .replace("{month}", &format!("{:02}", post.month))
            .replace("{slug}", &post.slug)
            .replace("{name}", name)
            .replace("{ext}", ext)
    }

    /// The folder the pattern puts a post's images in (the site path up to `{name}`'s
    /// folder), to find names already used.
    pub fn folder(&self, post: &PostPlace) -> String {
        let path = self.site_path(post, "\u{0}", "\u{0}");
        let cut = path.find('\u{0}').unwrap_or(path.len());
        path[..path[..cut].rfind('/').map_or(0, |i| i + 1)].to_string()
    }

    /// The link written in the Markdown for `site_path`.
    pub fn link(&self, site_path: &str) -> String {
        match self.form {
            Form::Plain => site_path.to_string(),
            Form::BaseUrl => format!("{{{{ site.baseurl }}}}{site_path}"),
            Form::RelativeUrl => format!("{{{{ '{site_path}' | relative_url }}}}"),
        }
    }
}

/// `{{ site.baseurl }}` at the start of `text` (any spacing) taken off.
fn strip_baseurl(text: &str) -> Option<&str> {
    let inner = text.strip_prefix("{{")?;
    let close = inner.find("}}")?;
    (inner[..close].trim() == "site.baseurl").then(|| &inner[close + 2..])
}

/// The quoted argument of `{{ '...' | relative_url }}` (or `absolute_url`), if `text`
/// is exactly that.
fn relative_url_arg(text: &str) -> Option<&str> {
    let inner = text.strip_prefix("{{")?.strip_suffix("}}")?.trim();
    let (arg, filter) = inner.rsplit_once('|')?;
    if !matches!(filter.trim(), "relative_url" | "absolute_url") {
        return None;
    }
    let arg = arg.trim();
    let quote = arg.chars().next().filter(|q| *q == '\'' || *q == '"')?;
    arg.strip_prefix(quote)?.strip_suffix(quote)
}

/// The site path a link in a post points at, if it is one on the site: `/a/b.png`,
/// `{{ site.baseurl }}/a/b.png`, `{{ '/a/b.png' | relative_url }}`; query and fragment
/// left out.
pub fn site_path_of(link: &str) -> Option<String> {
    let link = link.trim();
    let link = link
        .strip_prefix('<')
        .and_then(|l| l.strip_suffix('>'))
        .unwrap_or(link);
    let path = strip_baseurl(link)
        .or_else(|| relative_url_arg(link))
        .unwrap_or(link);
    let path = path.split(['?', '#']).next().unwrap_or_default();
    (path.starts_with('/') && !path.starts_with("//")).then(|| path.to_string())
}

/// The site path of an image address in the preview (`src`, Liquid filled in), with
/// `site_url` the site's address: the site's own part taken off, and the doubled slashes
/// Jekyll writes for a `url` or `baseurl` ending in `/` (`{{ site.url }}/a.png` with
/// `url: https://x.org/` is `https://x.org//a.png`) read as one, as a web server reads
/// them; `None` for an address elsewhere.
pub fn site_path_of_src(src: &str, site_url: &str) -> Option<String> {
    let site = site_url.trim().trim_end_matches('/');
    let path = match src.strip_prefix(site).filter(|_| !site.is_empty()) {
        Some(rest) if rest.starts_with('/') => format!("/{}", rest.trim_start_matches('/')),
        _ => src.to_string(),
    };
    let path = site_path_of(&path)?;
    let mut single = String::with_capacity(path.len());
    for c in path.chars() {
        if !(c == '/' && single.ends_with('/')) {
            single.push(c);
        }
    }
    Some(single)
}

/// The next place of a pattern in a text from a place that only moves forward, found
/// again only when the place passes it: finding many openings and closings costs one pass
/// per pattern, not one per find.
struct Next<'a> {
    text: &'a str,
    pattern: &'static str,
    /// (searched from, first found from there).
    last: Option<(usize, Option<usize>)>,
}

impl<'a> Next<'a> {
    fn new(text: &'a str, pattern: &'static str) -> Next<'a> {
        Next {
            text,
            pattern,
            last: None,
        }
    }

    /// The first place of the pattern at or after `from`.
    fn from(&mut self, from: usize) -> Option<usize> {
        if let Some((searched, found)) = self.last {
            if from >= searched && found.is_none_or(|f| f >= from) {
                return found;
            }
        }
        let found = self
            .text
            .get(from..)
            .and_then(|rest| rest.find(self.pattern))
            .map(|i| from + i);
        self.last = Some((from, found));
        found
    }
}

/// The Liquid openings (`{{`, `{%`) of a text and their closings, found as the scan moves
/// forward (one pass per pattern).
struct LiquidScan<'a> {
    text: &'a str,
    outputs: Next<'a>,
    tags: Next<'a>,
    output_ends: Next<'a>,
    tag_ends: Next<'a>,
}

impl<'a> LiquidScan<'a> {
    fn new(text: &'a str) -> LiquidScan<'a> {
        LiquidScan {
            text,
            outputs: Next::new(text, "{{"),
            tags: Next::new(text, "{%"),
            output_ends: Next::new(text, "}}"),
            tag_ends: Next::new(text, "%}"),
        }
    }

    /// The first opening at or after `from`, and where its closing ends (none if it is
    /// never closed).
    fn opening(&mut self, from: usize) -> Option<(usize, Option<usize>)> {
        let open = [self.outputs.from(from), self.tags.from(from)]
            .into_iter()
            .flatten()
            .min()?;
        let ends = if self.text[open..].starts_with("{{") {
            &mut self.output_ends
        } else {
            &mut self.tag_ends
        };
        Some((open, ends.from(open + 2).map(|c| c + 2)))
    }
}

/// Each Liquid output (`{{ ... }}`) or tag (`{% ... %}`) of `text` replaced by
/// `with(before, liquid)` where that gives something (`before`: the text before it);
/// everything else kept.
pub(crate) fn rewrite_liquid(
    text: &str,
    with: impl Fn(&str, &str) -> Option<String>,
) -> Cow<'_, str> {
    if !text.contains("{{") && !text.contains("{%") {
        return Cow::Borrowed(text);
    }
    let mut scan = LiquidScan::new(text);
    let mut out = String::with_capacity(text.len());
    let mut done = 0;
    while let Some((at, Some(close))) = scan.opening(done) {
        let liquid = &text[at..close];
        out.push_str(&text[done..at]);
        match with(&text[..at], liquid) {
            Some(written) => out.push_str(&written),
            None => out.push_str(liquid),
        }
        done = close;
    }
    out.push_str(&text[done..]);
    Cow::Owned(out)
}

/// Each Liquid output or tag of `text` where a link starts (right after `(`, `<`, `: `,
/// `="` or `='`), replaced by `with(liquid)`; everything else kept.
pub(crate) fn rewrite_links(text: &str, with: impl Fn(&str) -> Option<String>) -> Cow<'_, str> {
    let link_end = std::cell::Cell::new(None);
    rewrite_liquid(text, |before, liquid| {
        let mut end = link_end.get();
        let linked = in_link(text, before.len(), &mut end, before.len() + liquid.len());
        link_end.set(end);
        with(liquid).filter(|_| linked)
    })
}

/// Whether the Liquid at `open..close` of `text` is in a link: where one starts (right
/// after `(`, `<`, `: `, `="` or `='`), or right on from the Liquid of a link that ended at
/// `link_end` with nothing between that ends a link (`({{ site.url }}{{ site.baseurl }}/x)`).
/// `link_end` is left where this Liquid ends if it is in a link, else none.
fn in_link(text: &str, open: usize, link_end: &mut Option<usize>, close: usize) -> bool {
    let starts = ["(", "<", ": ", "=\"", "='"]
        .iter()
        .any(|p| text[..open].ends_with(p))
        || inside_destination(text, open);
    let continues = link_end.is_some_and(|end| {
        end <= open && !text[end..open].contains(|c: char| c.is_whitespace() || ")>\"'".contains(c))
    });
    *link_end = (starts || continues).then_some(close);
    starts || continues
}

/// Whether `open` is inside a link's destination, after its start on the same line
/// (`![a](/x.png?{{ site.time | date: '%s' }})`): nothing that ends a destination between.
/// (The last character before `open` that ends a destination tells: it is the `(` of a
/// `](`. It is looked for within [`DESTINATION_REACH`] bytes, so that a line of a thousand
/// Liquid tags costs its length, not its square.)
pub(crate) fn inside_destination(text: &str, open: usize) -> bool {
    let mut from = open.saturating_sub(DESTINATION_REACH);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..open];
    let stop = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || "()<>\"'".contains(c));
    stop.is_some_and(|(at, c)| c == '(' && before[..at].ends_with(']'))
}

/// How far before a Liquid opening the start of a link's destination is looked for.
const DESTINATION_REACH: usize = 4096;

/// The text with the Liquid that writes site links (`{{ site.baseurl }}`,
/// `{{ '/x' | relative_url }}`, `absolute_url`) replaced by the site path it writes
/// (Jekyll runs Liquid before Markdown, so `![a]({{ site.baseurl }}/x.png)` is an image
/// there). Only Liquid where a link starts is replaced. With `baseurl` the site's base
/// path (empty for none).
pub fn expand_links_with(text: &str, baseurl: &str) -> String {
    let base = baseurl.trim_end_matches('/');
    rewrite_links(text, |liquid| {
        if strip_baseurl(liquid) == Some("") {
            return Some(base.to_string());
        }
        let arg = relative_url_arg(liquid)?;
        let slash = if arg.starts_with('/') { "" } else { "/" };
        Some(format!("{base}{slash}{arg}"))
    })
    .into_owned()
}

/// [`expand_links_with`] for a site without a base path.
pub fn expand_links(text: &str) -> String {
    expand_links_with(text, "")
}

/// A link written in a Liquid form (`{{ site.baseurl }}/x`, `{{ '/x' | relative_url }}`)
/// as the site path Jekyll writes for it, with `baseurl` the site's base path; `None`
/// for any other link.
pub fn expand_link(link: &str, baseurl: &str) -> Option<String> {
    let base = baseurl.trim_end_matches('/');
    if let Some(rest) = strip_baseurl(link) {
        return Some(format!("{base}{rest}"));
    }
    let arg = relative_url_arg(link)?;
    let slash = if arg.starts_with('/') { "" } else { "/" };
    Some(format!("{base}{slash}{arg}"))
}

/// The stand-in for a space inside a Liquid link while the Markdown is parsed.
pub(crate) const SPACE_STAND_IN: char = '\u{7f}';

/// The text with the white space inside Liquid where a link starts (`{{ site.baseurl }}`,
/// `{{ site.repository }}`, `{% post_url x %}`...) replaced by a same-length stand-in, so
/// that the Markdown parser takes `![a]({{ site.baseurl }}/x.png)` as an image, as
/// Jekyll (Liquid first, then kramdown) does, and every offset stays the same. A line
/// break inside the Liquid (`({{ site.repository` on one line, `}}/issues/1)` on the next)
/// is taken in too: Jekyll's Liquid has written the link on one line before kramdown reads
/// it; Liquid over more lines, or holding other braces, is left alone. [`unprotect`] puts
/// spaces back (white space inside Liquid means the same, whichever it is).
pub(crate) fn protect_links(text: &str) -> Cow<'_, str> {
    if !text.contains("{{") && !text.contains("{%") {
        return Cow::Borrowed(text);
    }
    let mut scan = LiquidScan::new(text);
    let mut out = String::with_capacity(text.len());
    let mut done = 0;
    let mut at = 0;
    let mut link_end = None;
    while let Some((open, close)) = scan.opening(at) {
        // An opening never closed is passed over, as one closed lines away is: what comes
        // after must not hang on text far before it (a stretch may be parsed alone).
        let Some(close) = close else {
            at = open + 2;
            continue;
        };
        let liquid = &text[open..close];
        // Over lines, only a plain expression (no other braces) on two lines is Liquid
        // here: the opening of anything longer is passed over, and the scan goes on.
        let lines = liquid.matches('\n').count();
        if lines > 1 || (lines == 1 && liquid[2..].contains('{')) {
            at = open + 2;
            continue;
        }
        if in_link(text, open, &mut link_end, close) && liquid.contains([' ', '\t', '\n', '\r']) {
            out.push_str(&text[done..open]);
            out.push_str(&liquid.replace([' ', '\t', '\n', '\r'], &SPACE_STAND_IN.to_string()));
            done = close;
        }
        at = close;
    }
    if done == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[done..]);
    Cow::Owned(out)
}

/// Undo [`protect_links`] in a piece of the parsed text.
pub(crate) fn unprotect(text: &str) -> Cow<'_, str> {
    if text.contains(SPACE_STAND_IN) {
        Cow::Owned(text.replace(SPACE_STAND_IN, " "))
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests;
