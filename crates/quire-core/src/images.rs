//! Images in posts. The post's text refers to an image by the path the published site
//! serves it at (`/assets/images/2026/my-post/chart.png`); the bytes are kept apart, under
//! their SHA-256, and each draft and revision records which stored image each path it
//! uses stands for ([`ImageMap`]). Everything here is pure: naming, the path pattern,
//! finding the images a text refers to, the Markdown inserted, the site-shaped bundle.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::date::LocalDateTime;
use crate::edit::{Change, TextEdit};
use crate::export::{self, NameStyle};
use crate::front_matter::Field;

mod bundle;
mod links;
mod sniff;

pub use bundle::{bundle, bundle_name};
pub use links::{
    expand_link, expand_links, expand_links_with, site_path_of, site_path_of_src, PathPattern,
    DEFAULT_PATTERN, PATTERN_CHOICES,
};
pub(crate) use links::{
    inside_destination, protect_links, protect_spaced_links, rewrite_links, rewrite_liquid,
    unprotect, SPACE_STAND_IN,
};

pub use sniff::{kind_of, sniff, Kind, Refusal, Sniffed, MAX_BYTES};

/// An image kept in the browser, as a draft's record names it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct StoredImage {
    /// SHA-256 of its bytes, lowercase hex: its key in the image store.
    pub sha256: String,
    /// Its size in bytes.
    pub bytes: u64,
    /// Width in pixels (0 when unknown, as for an SVG without a size).
    #[serde(default)]
    pub width: u32,
    /// Height in pixels.
    #[serde(default)]
    pub height: u32,
}

/// Site path (`/assets/images/...`) to the stored image it stands for.
pub type ImageMap = BTreeMap<String, StoredImage>;

/// SHA-256 of `bytes` in lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Whether `name` looks like a SHA-256 in lowercase hex (a key of the image store).
pub fn is_sha256(name: &str) -> bool {
    name.len() == 64
        && name
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Where a post's images go: its slug, and the year and month of its date (today's when
/// it has none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostPlace {
    /// The post's slug, as its file name has it.
    pub slug: String,
    /// The year of its date.
    pub year: i32,
    /// The month of its date, 1 to 12.
    pub month: u32,
}

impl PostPlace {
    /// The place of a post whose front matter reads `fields`.
    pub fn of(fields: &[Field], today: &LocalDateTime) -> PostPlace {
        let jekyll = export::file_name_from(fields, today, NameStyle::Jekyll);
        let hugo = export::file_name_from(fields, today, NameStyle::Hugo);
        PostPlace {
            slug: hugo.trim_end_matches(".md").to_string(),
            year: jekyll
                .get(..4)
                .and_then(|y| y.parse().ok())
                .unwrap_or(today.year),
            month: jekyll
                .get(5..7)
                .and_then(|m| m.parse().ok())
                .unwrap_or(today.month as u32),
        }
    }
}

/// Whether a file name says nothing of its image: `image.png`, `Screenshot 2026-…`,
/// `Pasted image 3`, `untitled (1)`.
pub fn is_generic_name(file_name: &str) -> bool {
    let stem = file_name
        .rsplit_once('.')
        .filter(|(_, ext)| Kind::from_ext(ext).is_some())
        .map_or(file_name, |(stem, _)| stem)
        .trim()
        .to_lowercase();
    const PREFIXES: [&str; 7] = [
        "screenshot",
        "screen shot",
        "bildschirmfoto",
        "capture d",
        "schermafbeelding",
        "pasted image",
        "clipboard",
    ];
    if PREFIXES.iter().any(|p| stem.starts_with(p)) {
        return true;
    }
    const WORDS: [&str; 12] = [
        "", "image", "img", "picture", "pic", "photo", "blob", "download", "unnamed", "untitled",
        "file", "pasted",
    ];
    let word = stem
        .trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, ' ' | '-' | '_' | '(' | ')'));
    WORDS.contains(&word)
}

/// The name (without extension) for a new image from file `file_name` in a post with
/// slug `slug`; `taken(name)` says a name is used already in the post's folder. The file's
/// own name slugified, or `<slug>-<n>` for a generic one, made unique with `-2`, `-3`….
pub fn name_for(file_name: &str, slug: &str, taken: impl Fn(&str) -> bool) -> String {
    let stem = file_name
        .rsplit_once('.')
        .map_or(file_name, |(stem, _)| stem);
    let own = export::slugify(stem);
    if is_generic_name(file_name) || own.is_empty() {
        return (1..)
            .map(|n| format!("{slug}-{n}"))
            .find(|name| !taken(name))
            .unwrap_or_default();
    }
    if !taken(&own) {
        return own;
    }
    (2..)
        .map(|n| format!("{own}-{n}"))
        .find(|name| !taken(name))
        .unwrap_or_default()
}

/// The Markdown for an image: alt text kept on one line with its brackets escaped.
pub fn markdown(alt: &str, link: &str) -> String {
    let alt: String = alt.split_whitespace().collect::<Vec<_>>().join(" ");
    let alt = alt
        .replace('\\', "\\\\")
        .replace('[', "\\[")
        .replace(']', "\\]");
    format!("![{alt}]({link})")
}

/// Insert images (`(alt, link)` each) in place of `selection`, one per line, as one
/// edit; the caret goes after the last (so images added one after another follow each
/// other, none inside another's alt text).
pub fn insert(src: &str, selection: Range<usize>, images: &[(String, String)]) -> Option<Change> {
    if images.is_empty() || src.get(selection.clone()).is_none() {
        return None;
    }
    let text = images
        .iter()
        .map(|(alt, link)| markdown(alt, link))
        .collect::<Vec<_>>()
        .join("\n");
    let caret = selection.start + text.len();
    Some(Change::selecting(
        TextEdit::new(selection, text),
        caret..caret,
    ))
}

/// Whether byte `c` can continue a path (so `/a/b.png` inside `/a/b.png.old` is not it).
fn continues_path(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-' | b'_' | b'/' | b'%' | b'~')
}

/// Where `path` occurs in `src` as a whole path.
fn occurrences<'a>(src: &'a str, path: &'a str) -> impl Iterator<Item = usize> + 'a {
    src.match_indices(path)
        .map(|(at, _)| at)
        .filter(move |&at| {
            let before = at.checked_sub(1).map(|i| src.as_bytes()[i]);
            let after = src.as_bytes().get(at + path.len()).copied();
            !before.is_some_and(continues_path) && !after.is_some_and(continues_path)
        })
}

/// The entries of `known` whose site path `src` uses: what a draft or revision with
/// this text records.
pub fn referenced(src: &str, known: &ImageMap) -> ImageMap {
    known
        .iter()
        .filter(|(path, _)| occurrences(src, path).next().is_some())
        .map(|(path, image)| (path.clone(), image.clone()))
        .collect()
}

/// The SHA-256 of every image the records name.
pub fn hashes<'a>(records: impl IntoIterator<Item = &'a ImageMap>) -> BTreeSet<String> {
    records
        .into_iter()
        .flat_map(|map| map.values().map(|image| image.sha256.clone()))
        .collect()
}

/// One use of an image in a post's body.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ImageUse {
    /// Its alt text (empty when none).
    pub alt: String,
    /// The link as written.
    pub link: String,
    /// The site path it points at, when on the site.
    pub site_path: Option<String>,
}

/// The images a post's text shows, in order: Markdown images (inline and by reference)
/// and HTML `<img>` elements, with links written in any of the pattern forms.
pub fn uses(src: &str) -> Vec<ImageUse> {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let body = crate::post::split(src).body_text(src).to_string();
    let body = expand_links(&body);
    let mut found = Vec::new();
    let mut open: Vec<(String, String)> = Vec::new();
    for event in Parser::new_ext(&body, crate::render::options()) {
        match event {
            Event::Start(Tag::Image { dest_url, .. }) => {
                open.push((dest_url.to_string(), String::new()));
            }
            Event::End(TagEnd::Image) => {
                if let Some((link, alt)) = open.pop() {
                    found.push(ImageUse {
                        site_path: site_path_of(&link),
                        alt,
                        link,
                    });
                }
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some((_, alt)) = open.last_mut() {
                    alt.push_str(&text);
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => found.extend(html_images(&html)),
            _ => {}
        }
    }
    found
}

/// The `<img>` elements of a piece of HTML.
fn html_images(html: &str) -> Vec<ImageUse> {
    let lower = html.to_ascii_lowercase();
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = lower[from..].find("<img") {
        let start = from + at + 4;
        let end = lower[start..].find('>').map_or(lower.len(), |e| start + e);
        from = end;
        if !lower[start..].starts_with(|c: char| c.is_whitespace() || c == '/') {
            continue;
        }
        let attrs = &html[start..end];
        let value = |name: &str| html_attr(attrs, name).map(decode_entities);
        if let Some(link) = value("src") {
            found.push(ImageUse {
                alt: value("alt").unwrap_or_default(),
                site_path: site_path_of(&link),
                link,
            });
        }
    }
    found
}

/// The alt text of the first image in a piece of HTML (what a page copied with an image
/// says of it; empty when none).
pub fn alt_in_html(html: &str) -> String {
    html_images(html)
        .into_iter()
        .next()
        .map(|image| image.alt)
        .unwrap_or_default()
}

/// An attribute's value in an HTML tag's attribute text (quoted or not).
fn html_attr<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let lower = attrs.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower[from..].find(name) {
        let at = from + found;
        from = at + name.len();
        if !lower[..at].ends_with(|c: char| c.is_whitespace()) {
            continue;
        }
        let rest = attrs[from..].trim_start();
        let Some(rest) = rest.strip_prefix('=') else {
            continue;
        };
        let rest = rest.trim_start();
        return match rest.chars().next() {
            Some(q @ ('"' | '\'')) => rest[1..].find(q).map(|e| &rest[1..1 + e]),
            _ => Some(
                rest.split(|c: char| c.is_whitespace() || c == '>')
                    .next()
                    .unwrap_or_default(),
            ),
        };
    }
    None
}

fn decode_entities(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Make every use of site path `old` use `new` instead, as one edit (from the first
/// use to the last); `None` when the text does not use `old`.
pub fn replace_path(src: &str, old: &str, new: &str) -> Option<Change> {
    let at: Vec<usize> = occurrences(src, old).collect();
    let (first, last) = (*at.first()?, *at.last()? + old.len());
    let mut replacement = String::with_capacity(last - first);
    let mut from = first;
    for &start in &at {
        replacement.push_str(&src[from..start]);
        replacement.push_str(new);
        from = start + old.len();
    }
    replacement.push_str(&src[from..last]);
    Some(Change::new(TextEdit::new(first..last, replacement)))
}

/// The name for a smaller copy of the image at `path` (`chart.png` to `chart-1200w.png`).
pub fn shrunk_path(path: &str, width: u32, ext: &str) -> String {
    let (folder, name) = path.rsplit_once('/').unwrap_or(("", path));
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    format!("{folder}/{stem}-{width}w.{ext}")
}

#[cfg(test)]
pub(crate) mod tests;
