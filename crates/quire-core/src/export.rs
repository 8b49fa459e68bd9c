//! What a downloaded post is called, and what it holds.
//!
//! The exported bytes are the source text exactly: nothing is normalised on the way out.
//! The file name follows the site's convention: Jekyll's `_posts/YYYY-MM-DD-slug.md` by
//! default, or Hugo/Zola's `slug.md`. The date is the front matter's `date` when it has
//! one (it wins over the file name in Jekyll too), else the date the caller gives. The
//! slug is the `slug` key when present, else the title, slugified as Jekyll's default
//! `slugify` does. A name is never empty and never unsafe to save.

use unicode_properties::{GeneralCategory, GeneralCategoryGroup, UnicodeGeneralCategory};

use crate::date::{DateInput, LocalDateTime};
use crate::front_matter::{self, Field, Value};
use crate::line_endings::LineEndings;

/// The slug used when the post gives nothing to build one from.
pub const FALLBACK_SLUG: &str = "untitled";
/// Slugs are cut to this many bytes, so that names stay well inside file-system limits.
pub const MAX_SLUG_BYTES: usize = 100;

/// How the exported file is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NameStyle {
    /// `YYYY-MM-DD-slug.md`, for a Jekyll `_posts` folder.
    #[default]
    Jekyll,
    /// `slug.md`, for a Hugo or Zola content folder.
    Hugo,
}

/// The exported bytes: the source, unchanged.
pub fn export_bytes(src: &str) -> &[u8] {
    src.as_bytes()
}

/// The exported text: the source, with each `\n` line break written back as the file it
/// came from ended that line (see [`crate::line_endings`]).
pub fn export_text<'a>(src: &'a str, endings: &LineEndings) -> std::borrow::Cow<'a, str> {
    endings.apply(src)
}

/// Jekyll's default `slugify`: lowercase, every run of characters that are not letters,
/// marks or decimal digits becomes one `-`, and hyphens at either end are dropped.
pub fn slugify(text: &str) -> String {
    slugify_mode(text, "default", false).unwrap_or_default()
}

/// Jekyll's `slugify` in one of its modes (`Utils.slugify`): each run of the characters
/// the mode replaces becomes one `-` (`raw`: white space; `default`: all but letters,
/// marks and decimal digits; `pretty`: those but `._~!$&'()+,;=@` too; `ascii`: all but
/// ASCII letters and digits), one `-` is dropped at either end, and the whole is
/// lowercased unless `cased`; a mode Jekyll does not know only lowercases. `None` for
/// `latin`, which needs Ruby's transliteration tables.
pub fn slugify_mode(text: &str, mode: &str, cased: bool) -> Option<String> {
    let replaced: fn(char) -> bool = match mode {
        "raw" => |c| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c'),
        "default" => |c| !keeps(c),
        "pretty" => |c| !keeps(c) && !"._~!$&'()+,;=@".contains(c),
        "ascii" => |c| !c.is_ascii_alphanumeric(),
        "latin" => return None,
        _ if cased => return Some(text.to_string()),
        _ => return Some(text.to_lowercase()),
    };
    let mut slug = String::with_capacity(text.len());
    let mut in_run = false;
    for c in text.chars() {
        if replaced(c) {
            if !in_run {
                slug.push('-');
            }
            in_run = true;
        } else {
            in_run = false;
            match cased {
                true => slug.push(c),
                false => slug.extend(c.to_lowercase()),
            }
        }
    }
    let slug = slug.strip_prefix('-').unwrap_or(&slug);
    Some(slug.strip_suffix('-').unwrap_or(slug).to_string())
}

fn keeps(c: char) -> bool {
    matches!(
        c.general_category_group(),
        GeneralCategoryGroup::Letter | GeneralCategoryGroup::Mark
    ) || c.general_category() == GeneralCategory::DecimalNumber
}

/// The file name for the post `src`, dated `today` when its front matter has no date.
pub fn file_name(src: &str, today: &LocalDateTime, style: NameStyle) -> String {
    file_name_from(&front_matter::read(src).unwrap_or_default(), today, style)
}

/// [`file_name`] from front-matter fields already read (none when they cannot be read).
pub fn file_name_from(fields: &[Field], today: &LocalDateTime, style: NameStyle) -> String {
    let field = |key: &str| {
        fields
            .iter()
            .rev()
            .find(|f| f.key == key)
            .map(|f| f.value.clone())
    };
    let slug_source = field("slug")
        .or_else(|| field("title"))
        .map(|v| v.to_plain_string())
        .unwrap_or_default();
    let slug = safe_slug(&slugify(&slug_source));
    match style {
        NameStyle::Hugo => format!("{slug}.md"),
        NameStyle::Jekyll => {
            let date = field("date")
                .and_then(|v| date_prefix(&v))
                .unwrap_or_else(|| today.date());
            format!("{date}-{slug}.md")
        }
    }
}

/// `YYYY-MM-DD` from a front-matter date (`2026-1-5 9:00` gives `2026-01-05`; a date in
/// words, `September 30, 2021`, as Jekyll reads it), on the clock it is written on.
fn date_prefix(value: &Value) -> Option<String> {
    let text = value.as_str()?;
    match DateInput::parse(text) {
        Some(input) => input.value.get(..10).map(str::to_string),
        None => crate::site_config::PostDate::read(text)
            .map(|d| format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)),
    }
}

/// A slug that is never empty, never too long and never a name Windows reserves.
fn safe_slug(slug: &str) -> String {
    let mut cut = slug;
    if cut.len() > MAX_SLUG_BYTES {
        let mut end = MAX_SLUG_BYTES;
        while !cut.is_char_boundary(end) {
            end -= 1;
        }
        cut = cut[..end].trim_end_matches('-');
    }
    if cut.is_empty() {
        return FALLBACK_SLUG.to_string();
    }
    let reserved = matches!(cut, "con" | "prn" | "aux" | "nul")
        || (cut.len() == 4
            && (cut.starts_with("com") || cut.starts_with("lpt"))
            && cut.ends_with(|c: char| c.is_ascii_digit()));
    if reserved {
        format!("{cut}-post")
    } else {
        cut.to_string()
    }
}

#[cfg(test)]
mod tests;

/// The post as a standalone HTML page: its title, its body rendered as the preview renders
/// it (`settings`), and `css`. Nothing is fetched from elsewhere but what the post links.
pub fn standalone_html(src: &str, settings: &crate::render::Settings, css: &str) -> String {
    let title = crate::front_matter::read(src)
        .ok()
        .and_then(|fields| {
            fields
                .iter()
                .rev()
                .find(|f| f.key == "title")
                .map(|f| f.value.to_plain_string())
        })
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| "Untitled post".to_string());
    let title = escape_html(title.trim());
    let body = crate::render::render_body(crate::post::split(src).body_text(src), settings);
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>\n{css}</style>\n</head>\n<body>\n\
         <article class=\"preview\">\n<h1>{title}</h1>\n{body}</article>\n</body>\n</html>\n"
    )
}

/// The HTML file's name: the post's name with `.html`.
pub fn html_file_name(md_name: &str) -> String {
    let stem = md_name.strip_suffix(".md").unwrap_or(md_name);
    format!("{stem}.html")
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
