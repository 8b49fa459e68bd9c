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

use super::{defaults, SiteConfig};

/// A post's address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostUrl {
    /// The path, as Jekyll's `page.url` has it (without `baseurl`).
    pub path: String,
    /// The full address: `url` + `baseurl` + path (only `baseurl` + path without `url`).
    pub full: String,
}

/// A date and time as a post gives it, with its offset from UTC when it has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PostDate {
    /// Year.
    pub year: i64,
    /// 1 to 12.
    pub month: u32,
    /// 1 to 31.
    pub day: u32,
    /// 0 to 23.
    pub hour: u32,
    /// 0 to 59.
    pub minute: u32,
    /// 0 to 60.
    pub second: u32,
    /// Minutes east of UTC, when the text says.
    pub offset: Option<i32>,
}

impl PostDate {
    /// Read `2026-05-04`, `2026-05-04 10:00`, `2026-05-04T10:00:00+02:00`,
    /// `2026-05-04 10:00:00 +0200`, `... Z`.
    pub fn parse(text: &str) -> Option<PostDate> {
        let text = text.trim();
        let (date, rest) = text.split_at(text.find(['T', 't', ' ']).unwrap_or(text.len()));
        let mut parts = date.split('-');
        let year: i64 = parts.next()?.parse().ok()?;
        let month: u32 = parts
            .next()?
            .parse()
            .ok()
            .filter(|m| (1..=12).contains(m))?;
        let day: u32 = parts
            .next()?
            .parse()
            .ok()
            .filter(|d| (1..=31).contains(d))?;
        if parts.next().is_some() {
            return None;
        }
        let mut parsed = PostDate {
            year,
            month,
            day,
            hour: 0,
            minute: 0,
            second: 0,
            offset: None,
        };
        let rest = rest.trim_start_matches(['T', 't', ' ']);
        if rest.is_empty() {
            return Some(parsed);
        }
        let time_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.'))
            .unwrap_or(rest.len());
        let mut clock = rest[..time_len].split(':');
        parsed.hour = clock.next()?.parse().ok().filter(|h| *h < 24)?;
        parsed.minute = clock.next()?.parse().ok().filter(|m| *m < 60)?;
        parsed.second = match clock.next() {
            Some(s) => s.split('.').next()?.parse().ok().filter(|s| *s <= 60)?,
            None => 0,
        };
        let zone = rest[time_len..].trim();
        parsed.offset = match zone {
            "" => None,
            "Z" | "z" | "UTC" | "GMT" => Some(0),
            _ => {
                let sign = match zone.as_bytes()[0] {
                    b'+' => 1,
                    b'-' => -1,
                    _ => return None,
                };
                let digits: String = zone[1..].chars().filter(char::is_ascii_digit).collect();
                let (h, m) = match digits.len() {
                    1 | 2 => (digits.parse::<i32>().ok()?, 0),
                    4 => (
                        digits[..2].parse::<i32>().ok()?,
                        digits[2..].parse::<i32>().ok()?,
                    ),
                    _ => return None,
                };
                Some(sign * (h * 60 + m))
            }
        };
        Some(parsed)
    }

    /// The same moment at `local` minutes east of UTC (a date with no offset is already
    /// local time).
    pub fn at_offset(self, local: i32) -> PostDate {
        let Some(offset) = self.offset else {
            return self;
        };
        let minutes = days_from_civil(self.year, self.month, self.day) * 1440
            + i64::from(self.hour) * 60
            + i64::from(self.minute)
            - i64::from(offset)
            + i64::from(local);
        let (year, month, day) = civil_from_days(minutes.div_euclid(1440));
        let of_day = minutes.rem_euclid(1440);
        PostDate {
            year,
            month,
            day,
            hour: (of_day / 60) as u32,
            minute: (of_day % 60) as u32,
            second: self.second,
            offset: Some(local),
        }
    }

    fn from_local(today: &LocalDateTime) -> PostDate {
        PostDate {
            year: i64::from(today.year),
            month: u32::from(today.month),
            day: u32::from(today.day),
            hour: u32::from(today.hour),
            minute: u32::from(today.minute),
            second: u32::from(today.second),
            offset: Some(today.offset_minutes),
        }
    }
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date `days` after 1970-01-01.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The placeholders of a date, as Ruby's `strftime` writes them.
struct DateParts {
    date: PostDate,
    /// 1 (Monday) to 7 (Sunday).
    weekday: u32,
    /// 1 to 366.
    yday: u32,
    /// ISO 8601 week-based year and week.
    iso_year: i64,
    iso_week: u32,
}

impl DateParts {
    fn of(date: PostDate) -> DateParts {
        let days = days_from_civil(date.year, date.month, date.day);
        let weekday = ((days + 3).rem_euclid(7) + 1) as u32;
        let yday = (days - days_from_civil(date.year, 1, 1) + 1) as u32;
        // The ISO week holds the week's Thursday.
        let thursday = days - i64::from(weekday) + 4;
        let (iso_year, _, _) = civil_from_days(thursday);
        let iso_week = ((thursday - days_from_civil(iso_year, 1, 1)) / 7 + 1) as u32;
        DateParts {
            date,
            weekday,
            yday,
            iso_year,
            iso_week,
        }
    }

    fn get(&self, key: &str) -> Option<String> {
        let d = &self.date;
        Some(match key {
            "year" => format!("{:04}", d.year),
            "month" => format!("{:02}", d.month),
            "day" => format!("{:02}", d.day),
            "hour" => format!("{:02}", d.hour),
            "minute" => format!("{:02}", d.minute),
            "second" => format!("{:02}", d.second),
            "i_day" => d.day.to_string(),
            "i_month" => d.month.to_string(),
            "short_month" => MONTHS[d.month as usize - 1][..3].to_string(),
            "long_month" => MONTHS[d.month as usize - 1].to_string(),
            "short_year" => format!("{:02}", d.year.rem_euclid(100)),
            "w_year" => format!("{:04}", self.iso_year),
            "week" => format!("{:02}", self.iso_week),
            "w_day" => self.weekday.to_string(),
            "short_day" => DAYS[self.weekday as usize - 1][..3].to_string(),
            "long_day" => DAYS[self.weekday as usize - 1].to_string(),
            "y_day" => format!("{:03}", self.yday),
            _ => return None,
        })
    }
}

/// Jekyll's `slugify` in mode `default` (lowercased) or `pretty` (case kept, and
/// `._~!$&'()+,;=@` kept).
fn jekyll_slugify(text: &str, pretty: bool) -> String {
    let keeps = |c: char| {
        use unicode_properties::{GeneralCategory, GeneralCategoryGroup, UnicodeGeneralCategory};
        matches!(
            c.general_category_group(),
            GeneralCategoryGroup::Letter | GeneralCategoryGroup::Mark
        ) || c.general_category() == GeneralCategory::DecimalNumber
            || (pretty && "._~!$&'()+,;=@".contains(c))
    };
    let mut slug = String::with_capacity(text.len());
    let mut in_run = false;
    for c in text.chars() {
        if keeps(c) {
            slug.push(c);
            in_run = false;
        } else if !in_run {
            slug.push('-');
            in_run = true;
        }
    }
    let slug = slug.strip_prefix('-').unwrap_or(&slug);
    let slug = slug.strip_suffix('-').unwrap_or(slug);
    if pretty {
        slug.to_string()
    } else {
        slug.to_lowercase()
    }
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
/// `config` is; `today` stands for the date of a post without one, and its offset is the
/// time zone the site is built in. A template with a placeholder Jekyll does not know is
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
    let file = path.rsplit('/').next().unwrap_or(path);
    let (stem, _ext) = file.rsplit_once('.').unwrap_or((file, ""));
    // DATE_FILENAME_MATCHER: `date-slug.ext` at the end of the path.
    let named = file_date(stem);
    let file_slug = named.map_or(stem, |(_, slug)| slug).trim_end_matches('.');
    let slug = value_of(fields, &inherited, "slug")
        .map(|v| v.to_plain_string())
        .unwrap_or_else(|| file_slug.to_string());
    let date = value_of(fields, &inherited, "date")
        .and_then(|v| PostDate::parse(&v.to_plain_string()))
        .or_else(|| named.and_then(|(date, _)| PostDate::parse(date)))
        .unwrap_or_else(|| PostDate::from_local(today))
        .at_offset(today.offset_minutes);
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
    let singular = front("category");
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
    let mut lowered: Vec<String> = Vec::new();
    for c in &categories {
        let c = c.to_lowercase();
        if !lowered.contains(&c) {
            lowered.push(c);
        }
    }
    let mut slugged: Vec<String> = Vec::new();
    for c in &categories {
        let c = jekyll_slugify(c, false);
        if !slugged.contains(&c) {
            slugged.push(c);
        }
    }
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
            "categories" => lowered.join("/"),
            "slugified_categories" => slugged.join("/"),
            "output_ext" => ".html".to_string(),
            other => parts.get(other)?,
        })
    };
    let mut url = String::with_capacity(template.len() + 32);
    let mut rest = template.as_str();
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
