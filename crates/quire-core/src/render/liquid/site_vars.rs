//! What the Jekyll flavour's Liquid knows of the site: its config's values, its posts'
//! URLs, the open post's own variables, its include and data files, and the time and zone
//! of its build.

use super::{dates, DataVars};
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
    /// The config's scalar keys and their values (a nested map's by dotted paths).
    pub scalars: Vec<(String, String)>,
    /// The paths of the config's keys that hold a list (`true`) or a map, in order.
    pub structured: Vec<(String, bool)>,
    /// The site's posts: (path in the site, URL path as `page.url`).
    pub posts: Vec<(String, String)>,
    /// The pages and collection documents the body's `{% link %}` tags name, as read from
    /// an open site folder: (path as the tag names it, URL path; see
    /// [`link_names`](super::link_names) and `site_config::page_url`).
    pub pages: Vec<(String, String)>,
    /// The site's Markdown options (kramdown's `auto_ids`, `auto_id_prefix`, `hard_wrap`,
    /// `smart_quotes`); Jekyll's defaults without a config.
    pub markdown: site_config::MarkdownOptions,
    /// The open post's own variables that its body uses (`page.<key>`), as Liquid writes
    /// them (see [`page_vars`]); resolved with or without a config.
    pub page: Vec<(String, String)>,
    /// The open post's own lists that its body's loops go over (see [`page_lists`]).
    pub page_lists: Vec<(String, Vec<String>)>,
    /// The files of the site's `_includes/` folder the body's include tags name (name
    /// under `_includes/`, text), as read from an open site folder.
    pub includes: Vec<(String, String)>,
    /// The body's Liquid that reads the site's `_data/` files (see [`data_vars`]).
    pub data: DataVars,
    /// `site.time` as Liquid writes it (`2026-12-07 04:35:00 +0000`): when the preview
    /// was opened, as Jekyll's is when the site is built ([`SiteVars::set_time`]).
    pub time: Option<String>,
    /// The zone the site is built in (`SiteConfig::zone`): times are written on its clock.
    pub zone: crate::Zone,
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
            structured: config
                .structured
                .iter()
                .map(|(k, v)| (k.clone(), *v))
                .collect(),
            posts,
            pages: Vec::new(),
            markdown: config.markdown.clone(),
            page: Vec::new(),
            page_lists: Vec::new(),
            includes: Vec::new(),
            data: DataVars::default(),
            time: None,
            zone: config.zone.clone(),
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
    /// Set `site.time` to `now` (on the clock of the site's zone, as its build would write
    /// it).
    pub fn set_time(&mut self, now: &crate::LocalDateTime) {
        self.time = Some(dates::Time::of(now, &self.zone).to_liquid());
    }

    pub(super) fn page_var(&self, key: &str) -> Option<&str> {
        self.page
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The config's value of `key`; `url` and `baseurl` as written (Jekyll gives them
    /// so: `{{ site.url }}/x` with `url: https://x.org/` is `https://x.org//x`).
    pub(super) fn scalar(&self, key: &str) -> Option<&str> {
        let written = self
            .scalars
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str());
        match key {
            "url" => written.or(Some(&self.url)),
            "baseurl" => written.or(Some(&self.baseurl)),
            "time" => written.or(self.time.as_deref()),
            _ => written,
        }
    }

    /// What `{{ site.<key> }}` writes when the config has no scalar at `key` (a dotted
    /// path, `license.url`): nil, nothing, when nothing else gives the site that key;
    /// `None` (left as written) for what Jekyll (`posts`, `time`, its defaults of keys
    /// the config leaves out) or a plugin (`github`) gives, a list or a map, and a key
    /// read off a scalar or a list (`title.size`, `authors.first`).
    pub(super) fn site_nil(&self, key: &str) -> Option<String> {
        #[rustfmt::skip]
        const GIVEN: &[&str] = &[
            "posts", "pages", "categories", "tags", "data", "collections", "static_files",
            "html_pages", "html_files", "documents", "related_posts", "time", "github",
            "source", "destination", "collections_dir", "plugins_dir", "layouts_dir",
            "data_dir", "includes_dir", "safe", "include", "exclude", "keep_files",
            "encoding", "markdown_ext", "strict_front_matter", "show_drafts", "limit_posts",
            "future", "unpublished", "whitelist", "plugins", "gems", "markdown",
            "highlighter", "lsi", "excerpt_separator", "incremental", "detach", "port",
            "host", "show_dir_listing", "permalink", "paginate_path", "paginate", "timezone",
            "quiet", "verbose", "defaults", "liquid", "kramdown", "rdiscount", "redcarpet",
            "theme", "serving", "watch", "livereload_port", "url", "baseurl",
        ];
        if !self.known
            || key.is_empty()
            || !key
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
        {
            return None;
        }
        let root = key.split('.').next().unwrap_or(key);
        if GIVEN.contains(&root) {
            return None;
        }
        let structured = |path: &str| {
            self.structured
                .iter()
                .find(|(p, _)| p == path)
                .map(|(_, list)| *list)
        };
        // Each path above the key: a map, or nothing (nil), goes on; a scalar or a list has
        // methods of its own.
        let mut at = 0;
        while let Some(dot) = key[at..].find('.') {
            let above = &key[..at + dot];
            if self.scalar(above).is_some() || structured(above) == Some(true) {
                return None;
            }
            at += dot + 1;
        }
        match structured(key) {
            Some(_) => None,
            None => Some(String::new()),
        }
    }

    /// The URL path of the post `name` names in `{% post_url name %}`, as Jekyll 4.3
    /// finds it (`PostComparer`): the file `_posts/<name>.*` (folders below `_posts/`
    /// in the name) or `<folders>/_posts/<file>.*`, a leading `/` aside; else, as its
    /// deprecated fallback, the post of the same date and slug wherever it lies.
    pub(super) fn post_url(&self, name: &str) -> Option<&str> {
        let name = name.strip_prefix('/').unwrap_or(name);
        let (folders, file) = name.rsplit_once('/').map_or(("", name), |(d, f)| (d, f));
        let found = self.posts.iter().find_map(|(path, url)| {
            let stem = without_extension(path);
            let below = stem.strip_prefix("_posts/");
            let beside = stem
                .strip_suffix(file)
                .and_then(|s| s.strip_suffix("_posts/"))
                .map(|s| s.trim_end_matches('/'));
            (below == Some(name) || beside == Some(folders)).then_some(url.as_str())
        });
        found.or_else(|| {
            let wanted = date_and_slug(file)?;
            self.posts.iter().find_map(|(path, url)| {
                let file = without_extension(path).rsplit('/').next()?;
                (date_and_slug(file)? == wanted).then_some(url.as_str())
            })
        })
    }
}

/// A path without its file's extension.
fn without_extension(path: &str) -> &str {
    match path.rsplit_once('.') {
        Some((stem, extension)) if !extension.contains('/') => stem,
        _ => path,
    }
}

/// A post file name's date (year, month, day) and slug: `2014-08-29-retrospective`.
fn date_and_slug(file: &str) -> Option<((u32, u32, u32), &str)> {
    let mut parts = file.splitn(4, '-');
    let mut number = || parts.next()?.parse::<u32>().ok();
    let date = (number()?, number()?, number()?);
    Some((date, parts.next()?))
}

/// Whether `url` is absolute (starts with a scheme), which Jekyll's URL filters keep.
pub(crate) fn absolute(url: &str) -> bool {
    url.split_once(':').is_some_and(|(scheme, _)| {
        scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}
