//! A site folder on the writer's disk: what kind of site it is, which of its files are
//! posts and what the list shows of each, where a new post and its images go, and whether
//! a file changed on disk since Quire read it.
//!
//! Nothing here touches a disk: the browser layer walks the folder, reads and writes the
//! files, and asks these functions what to make of them.

use serde::{Deserialize, Serialize};

use crate::date::LocalDateTime;
use crate::export::{self, NameStyle};
use crate::front_matter::{self, Value};

/// What generator a folder belongs to, told by the files at its root.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SiteKind {
    /// `_config.yml` (or `.yaml`, `.toml`) or a `_posts/` folder.
    Jekyll,
    /// `hugo.toml|yaml|json`, or `config.*` beside `content/` (a `config.toml` that is
    /// not Zola's).
    Hugo,
    /// `config.toml` with `base_url` beside `content/`.
    Zola,
    /// None of these: any Markdown file in it is a post.
    Plain,
}

impl SiteKind {
    /// The generator's name, as the writer knows it.
    pub fn name(self) -> &'static str {
        match self {
            SiteKind::Jekyll => "Jekyll",
            SiteKind::Hugo => "Hugo",
            SiteKind::Zola => "Zola",
            SiteKind::Plain => "Markdown folder",
        }
    }

    /// How a new post's file is named.
    pub fn name_style(self) -> NameStyle {
        match self {
            SiteKind::Jekyll | SiteKind::Plain => NameStyle::Jekyll,
            SiteKind::Hugo | SiteKind::Zola => NameStyle::Hugo,
        }
    }

    /// The folder new posts go in (no trailing slash; empty for the root).
    pub fn posts_folder(self) -> &'static str {
        match self {
            SiteKind::Jekyll => "_posts",
            SiteKind::Hugo | SiteKind::Zola => "content/posts",
            SiteKind::Plain => "",
        }
    }
}

/// The kind of the site whose root holds the files `files` and folders `dirs`;
/// `config_toml` is the text of its `config.toml`, when it has one (Hugo's and Zola's
/// share the name: Zola's says `base_url`, Hugo's `baseURL`).
pub fn detect(files: &[&str], dirs: &[&str], config_toml: Option<&str>) -> SiteKind {
    let file = |name: &str| files.contains(&name);
    let dir = |name: &str| dirs.contains(&name);
    if ["_config.yml", "_config.yaml", "_config.toml"]
        .iter()
        .any(|f| file(f))
        || dir("_posts")
    {
        return SiteKind::Jekyll;
    }
    if ["hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json"]
        .iter()
        .any(|f| file(f))
    {
        return SiteKind::Hugo;
    }
    if dir("content") {
        if file("config.toml") {
            let zola = config_toml.is_some_and(|text| {
                text.lines()
                    .any(|line| line.trim_start().starts_with("base_url"))
            });
            return if zola { SiteKind::Zola } else { SiteKind::Hugo };
        }
        if ["config.yaml", "config.yml", "config.json"]
            .iter()
            .any(|f| file(f))
        {
            return SiteKind::Hugo;
        }
    }
    SiteKind::Plain
}

/// File extensions of Markdown posts.
const MARKDOWN: &[&str] = &["md", "markdown", "mkd", "mkdn", "mdown", "mdwn"];

/// Folders never looked into: tools' caches, build output, dependencies, hidden folders.
const NEVER_WALKED: &[&str] = &[
    "_site",
    "node_modules",
    "vendor",
    "public",
    "resources",
    "target",
];

/// Whether the folder at `path` (relative to the site's root, `/`-separated) may hold
/// posts, so that it is worth reading.
pub fn walks(kind: SiteKind, path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    if name.starts_with('.') || NEVER_WALKED.contains(&name) {
        return false;
    }
    match kind {
        SiteKind::Hugo | SiteKind::Zola => path == "content" || path.starts_with("content/"),
        SiteKind::Jekyll | SiteKind::Plain => true,
    }
}

/// Whether `name` is a Markdown file's name.
pub fn is_markdown(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty() && MARKDOWN.contains(&ext.to_ascii_lowercase().as_str())
    })
}

/// Whether the file at `path` is one of the site's posts (or drafts).
pub fn is_post(kind: SiteKind, path: &str) -> bool {
    let mut parts: Vec<&str> = path.split('/').collect();
    let Some(name) = parts.pop() else {
        return false;
    };
    if !is_markdown(name) || parts.iter().any(|p| p.starts_with('.')) {
        return false;
    }
    match kind {
        SiteKind::Jekyll => parts.iter().any(|p| *p == "_posts" || *p == "_drafts"),
        SiteKind::Hugo | SiteKind::Zola => {
            parts.first() == Some(&"content") && !name.starts_with("_index.")
        }
        SiteKind::Plain => true,
    }
}

/// What the site's post list shows of one post.
#[derive(Debug, Clone, PartialEq)]
pub struct SitePost {
    /// The file, relative to the site's root.
    pub path: String,
    /// The front matter's title, else a name made from the file's.
    pub title: String,
    /// `YYYY-MM-DD` from the front matter's date, else from the file name; empty when
    /// neither has one.
    pub date: String,
    /// Not published: in `_drafts/`, `draft: true` or `published: false`.
    pub draft: bool,
    /// The file's last change, milliseconds since the Unix epoch.
    pub modified_ms: f64,
}

/// The list entry of the post at `path` holding `text`.
pub fn summarize(path: &str, text: &str, modified_ms: f64) -> SitePost {
    let fields = front_matter::read(text).unwrap_or_default();
    let value = |key: &str| {
        fields
            .iter()
            .rev()
            .find(|f| f.key == key)
            .map(|f| f.value.clone())
    };
    let file = path.rsplit('/').next().unwrap_or(path);
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    let named_date = date_prefix(stem);
    let title = value("title")
        .map(|v| v.to_plain_string().trim().to_string())
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| {
            let base = if stem == "index" {
                let mut folders = path.rsplit('/').skip(1);
                folders.next().unwrap_or(stem)
            } else {
                stem
            };
            let base = date_prefix(base).map_or(base, |d| &base[d.len()..]);
            base.trim_start_matches('-').replace(['-', '_'], " ")
        });
    let date = value("date")
        .and_then(|v| v.as_str().and_then(date_prefix).map(str::to_string))
        .or_else(|| named_date.map(str::to_string))
        .unwrap_or_default();
    let in_drafts = path.split('/').any(|p| p == "_drafts");
    let draft = in_drafts
        || value("draft") == Some(Value::Bool(true))
        || value("published") == Some(Value::Bool(false));
    SitePost {
        path: path.to_string(),
        title,
        date,
        draft,
        modified_ms,
    }
}

/// The `YYYY-MM-DD` that `text` starts with, if it does.
fn date_prefix(text: &str) -> Option<&str> {
    let date = text.get(..10)?;
    let b = date.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    (digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)).then_some(date)
}

/// Sort posts newest first: by date, undated ones by their file's last change, then by
/// path.
pub fn sort_newest_first(posts: &mut [SitePost]) {
    posts.sort_by(|a, b| {
        b.date
            .cmp(&a.date)
            .then(b.modified_ms.total_cmp(&a.modified_ms))
            .then(a.path.cmp(&b.path))
    });
}

/// Whether a post matches the list's filter: every word of `filter` is in its title or
/// path, ignoring case.
pub fn matches(post: &SitePost, filter: &str) -> bool {
    let haystack = format!("{} {}", post.title, post.path).to_lowercase();
    filter
        .to_lowercase()
        .split_whitespace()
        .all(|word| haystack.contains(word))
}

/// Where post `src` is published in a site of `kind`: `_posts/YYYY-MM-DD-slug.md`
/// (Jekyll), `content/posts/slug.md` (Hugo, Zola), `YYYY-MM-DD-slug.md` at the root of a
/// plain folder.
pub fn publish_path(kind: SiteKind, src: &str, today: &LocalDateTime) -> String {
    publish_path_in(kind, kind.posts_folder(), src, today)
}

/// The same in the posts folder `folder` (relative to the site's root; empty for the
/// root): the site's config may move it (Jekyll's `collections_dir`, see
/// [`crate::site_config::SiteConfig::posts_folder`]).
pub fn publish_path_in(kind: SiteKind, folder: &str, src: &str, today: &LocalDateTime) -> String {
    let name = export::file_name(src, today, kind.name_style());
    match folder.trim_matches('/') {
        "" => name,
        folder => format!("{folder}/{name}"),
    }
}

/// Where the image the site serves at `site_path` is kept in the site's folder: Jekyll
/// serves the folder's root, Hugo and Zola their `static/` folder. `None` for a path
/// that would leave the folder.
pub fn image_file(kind: SiteKind, site_path: &str) -> Option<String> {
    let path = site_path.trim_start_matches('/');
    safe_path(path)?;
    Some(match kind {
        SiteKind::Jekyll | SiteKind::Plain => path.to_string(),
        SiteKind::Hugo | SiteKind::Zola => format!("static/{path}"),
    })
}

/// The folders and file name of `path`, relative to a site's root; `None` when it is
/// empty, absolute or would leave the folder (`..`, `.`, empty parts, backslashes).
pub fn safe_path(path: &str) -> Option<(Vec<&str>, &str)> {
    if path.is_empty() || path.contains('\\') || path.contains('\0') {
        return None;
    }
    let mut parts: Vec<&str> = path.split('/').collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || *p == "." || *p == "..")
    {
        return None;
    }
    let name = parts.pop()?;
    Some((parts, name))
}

/// A zip of `files` (path in the site, bytes), for a site Quire cannot write to: the
/// writer unpacks it over the folder.
pub fn files_zip(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut zip = crate::backup::ZipWriter::default();
    for (path, bytes) in files {
        zip.add(path, bytes);
    }
    zip.finish()
}

/// The name of the zip of changes to the site folder `site_name`, made on `today`.
pub fn changes_zip_name(site_name: &str, today: &LocalDateTime) -> String {
    let name = export::slugify(site_name);
    format!(
        "{}-changes-{:04}-{:02}-{:02}.zip",
        if name.is_empty() { "site" } else { &name },
        today.year,
        today.month,
        today.day
    )
}

/// A draft's link to the file of a site it was opened from or published to, and what
/// the file was when Quire last read or wrote it (to tell a change made elsewhere).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SiteLink {
    /// Which site (the id Quire gave the folder when it was first opened).
    pub site: String,
    /// The site folder's name, for the draft list.
    #[serde(default)]
    pub site_name: String,
    /// The file, relative to the site's root.
    pub path: String,
    /// The file's size in bytes.
    pub size: u64,
    /// The file's last change, milliseconds since the Unix epoch.
    pub modified_ms: f64,
    /// SHA-256 of its bytes, lowercase hex.
    pub sha256: String,
}

/// What a look at a linked file found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnDisk {
    /// Its bytes are what Quire last read or wrote.
    Same,
    /// It was changed (or replaced) since.
    Changed,
}

impl SiteLink {
    /// The link to `path` of site `site` (named `site_name`), whose bytes are `bytes` and
    /// last change `modified_ms`.
    pub fn new(site: &str, site_name: &str, path: &str, bytes: &[u8], modified_ms: f64) -> Self {
        SiteLink {
            site: site.to_string(),
            site_name: site_name.to_string(),
            path: path.to_string(),
            size: bytes.len() as u64,
            modified_ms,
            sha256: crate::images::sha256_hex(bytes),
        }
    }

    /// Whether the file surely has not changed: same size and last change. When this is
    /// false, [`SiteLink::compare`] the bytes (a file touched but not changed is the
    /// same file).
    pub fn unchanged(&self, size: u64, modified_ms: f64) -> bool {
        self.size == size && self.modified_ms == modified_ms
    }

    /// Whether the file's bytes are now `bytes`.
    pub fn compare(&self, bytes: &[u8]) -> OnDisk {
        if self.size == bytes.len() as u64 && self.sha256 == crate::images::sha256_hex(bytes) {
            OnDisk::Same
        } else {
            OnDisk::Changed
        }
    }
}

#[cfg(test)]
mod tests;
