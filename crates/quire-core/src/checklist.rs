//! The pre-publish check: what a writer should look at before a post goes out, each with
//! the place in the text to jump to. Images without alt text; images and `post_url`
//! targets the site does not have; a URL another post already has; a date in the future
//! on a site that does not publish those; no title; a description over 160 characters.

use std::collections::BTreeSet;

use crate::date::LocalDateTime;
use crate::front_matter::{self, Value};
use crate::site_config::{PostDate, SiteConfig};

/// The longest description search engines show in full.
pub const DESCRIPTION_MAX: usize = 160;

/// What an item is about (`data-kind` in the app).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CheckKind {
    /// No `title`.
    NoTitle,
    /// `description` over [`DESCRIPTION_MAX`] characters.
    LongDescription,
    /// Dated in the future on a site with `future: false`.
    FutureDate,
    /// Another post of the site has the same URL.
    DuplicateUrl,
    /// An image without alt text.
    ImageNoAlt,
    /// An image neither this browser nor the site has.
    MissingImage,
    /// A `{% post_url %}` naming a post the site does not have.
    MissingPost,
}

impl CheckKind {
    /// The kind's name, as `data-kind` says it.
    pub fn name(self) -> &'static str {
        match self {
            CheckKind::NoTitle => "no-title",
            CheckKind::LongDescription => "long-description",
            CheckKind::FutureDate => "future-date",
            CheckKind::DuplicateUrl => "duplicate-url",
            CheckKind::ImageNoAlt => "image-no-alt",
            CheckKind::MissingImage => "missing-image",
            CheckKind::MissingPost => "missing-post",
        }
    }
}

/// One thing to look at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// What it is about.
    pub kind: CheckKind,
    /// What to tell the writer.
    pub message: String,
    /// Where in the text (a byte offset) to go to see it.
    pub at: usize,
}

/// What the check knows of the site beyond the post.
#[derive(Debug, Clone, Default)]
pub struct SiteFacts<'a> {
    /// The site's config, when known.
    pub config: Option<&'a SiteConfig>,
    /// The post's URL path, when known.
    pub url: Option<&'a str>,
    /// The post's own file in the site (left out of the duplicate check).
    pub path: Option<&'a str>,
    /// The other posts of the site: (path, URL path); empty when no site is open.
    pub posts: &'a [(String, String)],
    /// Site paths of the images that exist: kept in this browser or in the site's folder.
    pub images: Option<&'a BTreeSet<String>>,
    /// Values the post inherits from the config's defaults (a `title` there counts).
    pub inherited: &'a [(String, Value)],
}

/// The items for post `src` now (`now`: the writer's clock).
pub fn check(src: &str, facts: &SiteFacts<'_>, now: &LocalDateTime) -> Vec<Check> {
    let mut found = Vec::new();
    let fields = front_matter::read(src).unwrap_or_default();
    let field = |key: &str| fields.iter().rev().find(|f| f.key == key);
    let body_start = crate::post::split(src).body.start;
    let line_of = |key: &str| field(key).map_or(0, |f| f.lines.start);

    let title = field("title")
        .map(|f| f.value.to_plain_string())
        .or_else(|| {
            facts
                .inherited
                .iter()
                .find(|(k, _)| k == "title")
                .map(|(_, v)| v.to_plain_string())
        });
    if title.is_none_or(|t| t.trim().is_empty()) {
        found.push(Check {
            kind: CheckKind::NoTitle,
            message: "The post has no title.".to_string(),
            at: line_of("title"),
        });
    }
    if let Some(f) = field("description") {
        let length = f.value.to_plain_string().chars().count();
        if length > DESCRIPTION_MAX {
            found.push(Check {
                kind: CheckKind::LongDescription,
                message: format!(
                    "The description has {length} characters; search results show about {DESCRIPTION_MAX}."
                ),
                at: f.lines.start,
            });
        }
    }
    if let (Some(config), Some(f)) = (facts.config, field("date")) {
        if let Some(date) = PostDate::of_value(&f.value) {
            let now = PostDate::from_local(now).utc_seconds(&config.zone);
            if !config.future && date.utc_seconds(&config.zone) > now {
                found.push(Check {
                    kind: CheckKind::FutureDate,
                    message: "The date is in the future: the site (future: false) will not publish the post until then.".to_string(),
                    at: f.lines.start,
                });
            }
        }
    }
    if let Some(url) = facts.url {
        if let Some((other, _)) = facts
            .posts
            .iter()
            .find(|(path, u)| u == url && Some(path.as_str()) != facts.path)
        {
            found.push(Check {
                kind: CheckKind::DuplicateUrl,
                message: format!("{other} already has the URL {url}."),
                at: line_of("title"),
            });
        }
    }
    for image in crate::images::uses(src) {
        let at = [
            image.link.as_str(),
            image.site_path.as_deref().unwrap_or(""),
        ]
        .iter()
        .filter(|s| !s.is_empty())
        .find_map(|s| src[body_start..].find(s))
        .map_or(body_start, |i| body_start + i);
        if image.alt.trim().is_empty() {
            found.push(Check {
                kind: CheckKind::ImageNoAlt,
                message: format!("The image {} has no alt text.", image.link),
                at,
            });
        }
        if let (Some(path), Some(existing)) = (&image.site_path, facts.images) {
            if !existing.contains(path) {
                found.push(Check {
                    kind: CheckKind::MissingImage,
                    message: format!(
                        "The image {path} is neither in this browser nor in the site."
                    ),
                    at,
                });
            }
        }
    }
    if !facts.posts.is_empty() || facts.path.is_some() && facts.config.is_some() {
        for (at, name) in post_urls(src, body_start) {
            let known = facts.posts.iter().any(|(path, _)| {
                let below = path
                    .rsplit_once("_posts/")
                    .map_or(path.as_str(), |(_, b)| b);
                below.rsplit_once('.').map_or(below, |(s, _)| s) == name
            });
            if !known {
                found.push(Check {
                    kind: CheckKind::MissingPost,
                    message: format!(
                        "No post named {name} in the site ({{% post_url %}} would fail the build)."
                    ),
                    at,
                });
            }
        }
    }
    found
}

/// Every `{% post_url name %}` of the body: (offset, name).
fn post_urls(src: &str, body_start: usize) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let mut from = body_start;
    while let Some(i) = src[from..].find("{%") {
        let at = from + i;
        let Some(end) = src[at..].find("%}").map(|e| at + e) else {
            break;
        };
        let inner = src[at + 2..end].trim_matches(|c: char| c == '-' || c.is_whitespace());
        if let Some(name) = inner.strip_prefix("post_url") {
            if name.starts_with(char::is_whitespace) {
                found.push((at, name.trim().to_string()));
            }
        }
        from = end + 2;
    }
    found
}

#[cfg(test)]
mod tests;
