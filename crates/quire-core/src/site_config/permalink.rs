//! The address a post is published at, as the generator computes it.
//!
//! Jekyll's rules are followed exactly (`Document#url`, `Drops::UrlDrop`, `Jekyll::URL`,
//! `url_filters.rb` of Jekyll 4.3): the template is the post's `permalink` (front matter or
//! defaults) or the config's style (`date`, `pretty`, `ordinal`, `weekdate`, `none`) or
//! template; placeholders come from the file name (date, slug), the front matter (`date`,
//! `slug`, `categories`, `category`) and the folders above `_posts`; the date is shown in
//! the build machine's time zone; values are escaped and the result sanitised as Jekyll
//! does; `url` and `baseurl` make the full address as `absolute_url` does. Hugo and Zola
//! get their default rules (section and slug, Hugo's `permalinks`).

use crate::date::LocalDateTime;
use crate::front_matter::{self, Field, Value};
use crate::site::SiteKind;

use super::post_date::{DateParts, PostDate};
use super::{defaults, SiteConfig};

mod pages;
pub use pages::{linked_file, page_url};

/// A post's address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostUrl {
    /// The path, as Jekyll's `page.url` has it (without `baseurl`).
    pub path: String,
    /// The full address: `url` + `baseurl` + path (only `baseurl` + path without `url`).
    pub full: String,
}

/// Jekyll's `slugify` in mode `default` (lowercased) or `pretty` (case kept, and
/// `._~!$&'()+,;=@` kept).
fn jekyll_slugify(text: &str, pretty: bool) -> String {
    let mode = if pretty { "pretty" } else { "default" };
    crate::export::slugify_mode(text, mode, pretty).unwrap_or_default()
}

/// Whether `c` stays as it is in an escaped URL path: unreserved, sub-delims, `:@/`.
fn path_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=:@/".contains(c)
}

fn percent_encode(text: &str, keep: impl Fn(char) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if keep(c) {
            out.push(c);
        } else {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// `Jekyll::URL.escape_path`.
fn escape_path(value: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "./-".contains(c);
    if value.is_empty() || value.chars().all(plain) {
        return value.to_string();
    }
    // Addressable keeps `?` and `#` (they start a query and a fragment); Jekyll then
    // escapes the first `#`.
    percent_encode(value, |c| path_char(c) || c == '?' || c == '#').replacen('#', "%23", 1)
}

/// `Jekyll::URL#sanitize_url`.
fn sanitize_url(url: &str) -> String {
    let mut out = format!("/{url}").replace("..", "/").replace("./", "");
    while out.contains("//") {
        out = out.replace("//", "/");
    }
    out
}

/// A path normalised as Addressable does for `relative_url`: characters a path may not
/// hold escaped, escapes kept.
fn normalize_path(path: &str) -> String {
    percent_encode(path, |c| path_char(c) || c == '%' || c == '?' || c == '#')
}

/// `relative_url` of `path` with base path `baseurl`.
pub fn relative_url(baseurl: &str, path: &str) -> String {
    let lead = |p: &str| {
        if p.is_empty() || p.starts_with('/') {
            p.to_string()
        } else {
            format!("/{p}")
        }
    };
    normalize_path(&format!(
        "{}{}",
        lead(baseurl.trim_end_matches('/')),
        lead(path)
    ))
}

/// `absolute_url` of `path` with the config's `url` and `baseurl`.
pub fn absolute_url(config: &SiteConfig, path: &str) -> String {
    let relative = relative_url(&config.baseurl, path);
    if config.url.is_empty() {
        relative
    } else {
        format!("{}{relative}", config.url.trim_end_matches('/'))
    }
}

/// The Jekyll template of a permalink style, or the template itself.
fn style_template(style: &str) -> &str {
    match style {
        "date" => "/:categories/:year/:month/:day/:title:output_ext",
        "pretty" => "/:categories/:year/:month/:day/:title/",
        "ordinal" => "/:categories/:year/:y_day/:title:output_ext",
        "weekdate" => "/:categories/:year/W:week/:short_day/:title:output_ext",
        "none" => "/:categories/:title:output_ext",
        template => template,
    }
}

/// What the URL of post `src` at `path` (relative to the site's root) of a site with
/// `config` is; `today` stands for the date of a post without one. Dates are on the clock
/// of the zone the site is built in (`config.zone`). A template with a placeholder Jekyll does not know is
/// an error, as it is for Jekyll.
pub fn post_url(
    config: &SiteConfig,
    path: &str,
    src: &str,
    today: &LocalDateTime,
) -> Result<PostUrl, String> {
    let fields = front_matter::read(src).unwrap_or_default();
    let path = match config.kind {
        SiteKind::Jekyll | SiteKind::Plain => jekyll_path(config, path, &fields, today)?,
        SiteKind::Hugo => hugo_path(config, path, &fields, today),
        SiteKind::Zola => zola_path(config, path, &fields),
    };
    Ok(PostUrl {
        full: absolute_url(config, &path),
        path,
    })
}

/// The value of `key`: the front matter's, else the defaults'.
fn value_of(fields: &[Field], inherited: &[defaults::Inherited], key: &str) -> Option<Value> {
    fields
        .iter()
        .rev()
        .find(|f| f.key == key)
        .map(|f| f.value.clone())
        .or_else(|| {
            inherited
                .iter()
                .find(|i| i.key == key)
                .map(|i| i.value.clone())
        })
}

/// A categories value as Jekyll reads it: a string is split at white space.
fn category_list(value: Option<Value>) -> Vec<String> {
    match value {
        Some(Value::List(items)) => items
            .iter()
            .map(Value::to_plain_string)
            .filter(|s| !s.is_empty())
            .collect(),
        Some(Value::String(s)) => s.split_whitespace().map(str::to_string).collect(),
        Some(Value::Null) | None => Vec::new(),
        Some(other) => vec![other.to_plain_string()],
    }
}

fn jekyll_path(
    config: &SiteConfig,
    path: &str,
    fields: &[Field],
    today: &LocalDateTime,
) -> Result<String, String> {
    let inherited = defaults::inherited(config, path, "posts");
    // Categories and `:path` are Jekyll's `relative_path`: below the collections folder.
    let path = config.in_collections(path);
    let file = path.rsplit('/').next().unwrap_or(path);
    let (stem, _ext) = file.rsplit_once('.').unwrap_or((file, ""));
    // DATE_FILENAME_MATCHER: `date-slug.ext` at the end of the path.
    let named = file_date(stem);
    let file_slug = named.map_or(stem, |(_, slug)| slug).trim_end_matches('.');
    let slug = value_of(fields, &inherited, "slug")
        .map(|v| v.to_plain_string())
        .unwrap_or_else(|| file_slug.to_string());
    let date = value_of(fields, &inherited, "date")
        .and_then(|v| PostDate::of_value(&v))
        .or_else(|| named.and_then(|(date, _)| PostDate::parse(date)))
        .unwrap_or_else(|| PostDate::from_local(today))
        .in_zone(&config.zone);
    // Categories: the folders above `_posts` (or `_drafts`), then the defaults' and the
    // front matter's, then `category`.
    let special = if path.starts_with("_drafts/") || path.contains("/_drafts/") {
        "_drafts"
    } else {
        "_posts"
    };
    let mut categories: Vec<String> = Vec::new();
    if !path.starts_with(special) {
        let above = path.find(special).map_or("", |at| &path[..at]);
        categories.extend(
            above
                .split('/')
                .filter(|c| !c.is_empty() && *c != special && *c != file)
                .map(str::to_string),
        );
    }
    let defaults_categories = inherited
        .iter()
        .find(|i| i.key == "categories")
        .map(|i| i.value.clone());
    let front = |key: &str| {
        fields
            .iter()
            .rev()
            .find(|f| f.key == key)
            .map(|f| f.value.clone())
    };
    let plural = front("categories");
    // `category` is read from the merged data: the front matter's, else the defaults'.
    let singular = front("category").or_else(|| {
        inherited
            .iter()
            .find(|i| i.key == "category")
            .map(|i| i.value.clone())
    });
    for list in [
        category_list(defaults_categories),
        category_list(plural.clone()),
        category_list(singular.or(plural)),
    ] {
        for c in list {
            if !categories.contains(&c) {
                categories.push(c);
            }
        }
    }
    let lowered = pages::joined(&categories, |c| c.to_lowercase());
    let slugged = pages::joined(&categories, |c| jekyll_slugify(c, false));
    let template = value_of(fields, &inherited, "permalink")
        .map(|v| v.to_plain_string())
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| style_template(&config.permalink).to_string());
    let parts = DateParts::of(date);
    let cleaned = {
        let without_ext = path.rsplit_once('.').map_or(path, |(p, _)| p);
        without_ext
            .replacen("_posts", "", 1)
            .trim_end_matches('.')
            .to_string()
    };
    let placeholder = |key: &str| -> Option<String> {
        Some(match key {
            "collection" => "posts".to_string(),
            "path" => cleaned.clone(),
            "name" => jekyll_slugify(stem, false),
            "title" => jekyll_slugify(&slug, true),
            "slug" => jekyll_slugify(&slug, false),
            "categories" => lowered.clone(),
            "slugified_categories" => slugged.clone(),
            "output_ext" => ".html".to_string(),
            other => parts.get(other)?,
        })
    };
    fill_template(&template, placeholder)
}

/// `template` with each `:placeholder` written as `placeholder` gives it, escaped, and the
/// result sanitised, as Jekyll's `URL` does with a document's `UrlDrop` (a `_` after a
/// name it does not know is text: `/:month_:day`); a placeholder it does not know is an
/// error.
fn fill_template(
    template: &str,
    placeholder: impl Fn(&str) -> Option<String>,
) -> Result<String, String> {
    let mut url = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(colon) = rest.find(':') {
        url.push_str(&rest[..colon]);
        let after = &rest[colon + 1..];
        let len = after
            .find(|c: char| !(c.is_ascii_lowercase() || c == '_'))
            .unwrap_or(after.len());
        if len == 0 {
            url.push(':');
            rest = after;
            continue;
        }
        let name = &after[..len];
        let (key, tail) = match name.strip_suffix('_') {
            Some(short) if placeholder(name).is_none() => (short, "_"),
            _ => (name, ""),
        };
        let value = placeholder(key).ok_or_else(|| {
            format!("the permalink template has a placeholder Jekyll does not know: :{name}")
        })?;
        url.push_str(&escape_path(&value));
        url.push_str(tail);
        rest = &after[len..];
    }
    url.push_str(rest);
    Ok(sanitize_url(&url))
}

/// The date and slug of a Jekyll post file name `YYYY-MM-DD-slug` (without extension).
fn file_date(stem: &str) -> Option<(&str, &str)> {
    let mut dashes = stem.match_indices('-').map(|(i, _)| i);
    let (a, b, c) = (dashes.next()?, dashes.next()?, dashes.next()?);
    let (y, m, d) = (&stem[..a], &stem[a + 1..b], &stem[b + 1..c]);
    let digits = |s: &str, lo: usize, hi: usize| {
        (lo..=hi).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    (digits(y, 2, 4) && digits(m, 1, 2) && digits(d, 1, 2)).then(|| (&stem[..c], &stem[c + 1..]))
}

/// Hugo's `urlize`: lowercased, spaces to `-`, characters unsafe in a path removed.
fn urlize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if c.is_whitespace() {
            out.push('-');
        } else if c.is_alphanumeric() || "-_./".contains(c) {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// The front matter's `key` as text (the last one, if repeated).
fn front_text(fields: &[Field], key: &str) -> Option<String> {
    fields
        .iter()
        .rev()
        .find(|f| f.key == key)
        .map(|f| f.value.to_plain_string())
}

/// The sections (folders below `content/`) and the name of a Hugo or Zola page: its file
/// name without extension, or its folder's name for a page bundle (`post/index.md`).
fn content_name(path: &str) -> (&str, &str) {
    let inside = path.strip_prefix("content/").unwrap_or(path);
    let (folders, file) = inside.rsplit_once('/').unwrap_or(("", inside));
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    if stem == "index" {
        folders.rsplit_once('/').unwrap_or(("", folders))
    } else {
        (folders, stem)
    }
}

fn hugo_path(config: &SiteConfig, path: &str, fields: &[Field], today: &LocalDateTime) -> String {
    let front = |key: &str| front_text(fields, key);
    if let Some(url) = front("url") {
        return sanitize_url(&url);
    }
    let (folders, stem) = content_name(path);
    let title = front("title").unwrap_or_default();
    let slug = front("slug")
        .map(|s| urlize(&s))
        .unwrap_or_else(|| urlize(stem));
    let section = folders.split('/').next().unwrap_or("");
    if config.permalink.is_empty() {
        return sanitize_url(&format!("{folders}/{slug}/"));
    }
    let date = front("date")
        .and_then(|d| PostDate::parse(&d))
        .unwrap_or_else(|| PostDate::from_local(today));
    let parts = DateParts::of(date);
    let mut url = config.permalink.clone();
    for (key, value) in [
        (
            "slugorfilename",
            front("slug")
                .map(|s| urlize(&s))
                .unwrap_or_else(|| urlize(stem)),
        ),
        ("filename", urlize(stem)),
        (
            "slug",
            front("slug")
                .map(|s| urlize(&s))
                .unwrap_or_else(|| urlize(&title)),
        ),
        ("title", urlize(&title)),
        ("sections", folders.to_string()),
        ("section", section.to_string()),
        ("year", parts.get("year").unwrap_or_default()),
        ("monthname", parts.get("long_month").unwrap_or_default()),
        ("month", parts.get("month").unwrap_or_default()),
        ("day", parts.get("day").unwrap_or_default()),
        ("weekdayname", parts.get("long_day").unwrap_or_default()),
        ("weekday", (parts.weekday % 7).to_string()),
        ("yearday", parts.yday.to_string()),
    ] {
        url = url.replace(&format!(":{key}"), &value);
    }
    sanitize_url(&url)
}

/// Zola's `slugify` of paths (`on`): lowercased ASCII words joined by `-`.
fn zola_slugify(text: &str, mode: &str) -> String {
    match mode {
        "off" => text.to_string(),
        "safe" => text
            .chars()
            .filter(|c| !"<>:/|?*#\\()[]\t\r\n\"".contains(*c))
            .collect::<String>()
            .trim()
            .replace(' ', "_"),
        _ => {
            let mut out = String::new();
            let mut dash = false;
            for c in text.chars() {
                if c.is_ascii_alphanumeric() {
                    if dash && !out.is_empty() {
                        out.push('-');
                    }
                    dash = false;
                    out.push(c.to_ascii_lowercase());
                } else {
                    dash = true;
                }
            }
            out
        }
    }
}

fn zola_path(config: &SiteConfig, path: &str, fields: &[Field]) -> String {
    let front = |key: &str| front_text(fields, key);
    if let Some(own) = front("path") {
        return sanitize_url(&format!("{}/", own.trim_end_matches('/')));
    }
    let (folders, stem) = content_name(path);
    // A date in the file name (`2026-05-04-name`, `2026-05-04_name`) is not in the slug.
    let dated = stem.len() > 11
        && stem.is_char_boundary(10)
        && PostDate::parse(&stem[..10]).is_some()
        && matches!(stem.as_bytes()[10], b'-' | b'_');
    let stem = if dated { &stem[11..] } else { stem };
    let slug = front("slug").unwrap_or_else(|| stem.to_string());
    sanitize_url(&format!(
        "{folders}/{}/",
        zola_slugify(&slug, &config.slugify_paths)
    ))
}
