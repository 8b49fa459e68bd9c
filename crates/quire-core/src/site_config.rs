//! A site's configuration, as its generator reads it: Jekyll's `_config.yml` over Jekyll's
//! own defaults, Hugo's `hugo.toml|yaml|json` / `config.*`, Zola's `config.toml`. Only what
//! Quire uses is kept (addresses, permalinks, the excerpt separator, `future`, front-matter
//! defaults, Markdown options, the scalar keys for `{{ site.<key> }}`); unknown keys are
//! ignored. A config that does not parse is an error with its line and column.

use std::collections::BTreeMap;

use crate::front_matter::{self, FrontMatterError, Value};
use crate::site::SiteKind;
use crate::Zone;

mod defaults;
mod hugo_zola;
mod kramdown;
mod permalink;
pub(crate) mod post_date;
mod site_keys;
use site_keys::scalars;

pub use defaults::{inherited, Inherited};
pub use permalink::{absolute_url, linked_file, page_url, post_url, relative_url, PostUrl};
pub use post_date::PostDate;

/// What Quire uses of a site's configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteConfig {
    /// Which generator reads it.
    pub kind: SiteKind,
    /// The site's address (`url`, `baseURL`, `base_url`), without a trailing `/`.
    pub url: String,
    /// The path the site is served under (`baseurl`; Hugo and Zola: the path of their
    /// base URL), without a trailing `/`; empty for the root.
    pub baseurl: String,
    /// Jekyll: the permalink style or template of posts. Hugo: `permalinks.posts`, if set.
    pub permalink: String,
    /// Jekyll: what ends the automatic excerpt (`\n\n` unless set).
    pub excerpt_separator: String,
    /// Jekyll: whether posts dated in the future are published.
    pub future: bool,
    /// Jekyll: the front-matter defaults, in order.
    pub defaults: Vec<DefaultSet>,
    /// Jekyll's kramdown options (Hugo and Zola: their nearest equivalents).
    pub markdown: MarkdownOptions,
    /// Keys with a scalar value, as `{{ site.<key> }}` writes them (Jekyll: a nested
    /// map's by their dotted paths, `license.url`; an empty value as nil, empty).
    pub scalars: BTreeMap<String, String>,
    /// Jekyll: the paths of the keys that hold a list (`true`) or a map.
    pub structured: BTreeMap<String, bool>,
    /// Zola: how slugs of paths are made (`[slugify] paths`: `on`, `safe` or `off`).
    pub slugify_paths: String,
    /// Jekyll: the folder its collections, posts among them, are read from
    /// (`collections_dir`, without slashes at its ends); empty for the site's root.
    pub collections_dir: String,
    /// Jekyll: the folder of its data files (`data_dir`, `_data` unless set), without
    /// slashes at its ends.
    pub data_dir: String,
    /// The zone the site is built in, which a post's dates are read and written in: the
    /// app resolves it (`src/browser/zone.rs`) from Jekyll's `timezone:`
    /// ([`SiteConfig::timezone`]), else the writer's own zone, as a build on their machine
    /// has it. UTC until then.
    pub zone: Zone,
}

/// One entry of Jekyll's `defaults`.
#[derive(Debug, Clone, PartialEq)]
pub struct DefaultSet {
    /// `scope.path` (may hold `*` globs); empty for every path.
    pub path: String,
    /// `scope.type`, when it has one (`posts`, `pages`, a collection).
    pub kind: Option<String>,
    /// The values it gives, in order.
    pub values: Vec<(String, Value)>,
}

/// Markdown options the preview follows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkdownOptions {
    /// Headings get ids.
    pub auto_ids: bool,
    /// Put before every heading id.
    pub auto_id_prefix: String,
    /// Typographic punctuation: quotes, dashes, ellipses (Hugo's `typographer`, Zola's
    /// `smart_punctuation`; kramdown's is always on).
    pub smart_quotes: bool,
    /// kramdown (Jekyll): its own quote rules and symbols, writing these for ‘ ’ “ ” (its
    /// `smart_quotes` option). `None`: CommonMark's smart punctuation (Hugo, Zola).
    pub quotes: Option<[char; 4]>,
    /// A line break in a paragraph is a `<br>`.
    pub hard_wrap: bool,
    /// The heading levels that get ids... and go in a table of contents (1 to 6).
    pub toc_levels: Vec<u8>,
    /// kramdown's `parse_block_html`: the content of block HTML is Markdown too (as if
    /// each element said `markdown="1"`).
    pub parse_block_html: bool,
    /// kramdown's `syntax_highlighter_opts` `line_numbers` for code blocks (its own, or
    /// under `block:`): Rouge writes each highlighted block as a table with the line
    /// numbers beside the code, from this first number (`start_line`). `None`: off.
    pub code_line_numbers: Option<i64>,
    /// kramdown's `syntax_highlighter_opts` `default_lang` for code blocks and for code
    /// spans (under `block:` or `span:`, or on its own): the language of code that names
    /// none (Jekyll's `plaintext` unless set), written in its class.
    pub code_block_lang: String,
    /// See `code_block_lang`.
    pub code_span_lang: String,
    /// kramdown's `syntax_highlighter_opts` `css_class`: the class of a highlighted
    /// block's `<pre>` (`highlight` unless set).
    pub code_css_class: String,
    /// Whether kramdown highlights code blocks: its highlighter is Rouge (its own
    /// `syntax_highlighter`, else the site's `highlighter`, `rouge` unless set) and
    /// `syntax_highlighter_opts` does not `disable` it (for blocks, or at all). Not
    /// highlighted, a block is `<pre><code class="language-x">`, a span a bare `<code>`.
    pub highlight_blocks: bool,
    /// See `highlight_blocks` (for spans: `span: {disable: true}`).
    pub highlight_spans: bool,
    /// How the CommonMark flavour gives headings ids: as a known Hugo or Zola site does
    /// (`None`: none, as CommonMark; kramdown's ids are the Jekyll flavour's own).
    pub heading_ids: Option<HeadingIds>,
    /// Whether raw HTML in a post is written: so in Jekyll and Zola; Hugo writes
    /// `<!-- raw HTML omitted -->` unless `markup.goldmark.renderer.unsafe` is true.
    pub raw_html: bool,
    /// Whether `{% highlight %}` blocks go through Rouge: the site's `highlighter` is
    /// `rouge` (or `pygments`, which Jekyll 4 gives to Rouge). Else Jekyll writes the code
    /// escaped and stripped of white space at its ends, without line numbers.
    pub highlight_tags: bool,
}

impl Default for MarkdownOptions {
    fn default() -> Self {
        MarkdownOptions {
            auto_ids: true,
            auto_id_prefix: String::new(),
            smart_quotes: true,
            quotes: Some(['‘', '’', '“', '”']),
            hard_wrap: false,
            toc_levels: (1..=6).collect(),
            parse_block_html: false,
            code_line_numbers: None,
            code_block_lang: "plaintext".to_string(),
            code_span_lang: "plaintext".to_string(),
            code_css_class: "highlight".to_string(),
            highlight_blocks: true,
            highlight_spans: true,
            raw_html: true,
            heading_ids: None,
            highlight_tags: true,
        }
    }
}

/// How a Hugo or Zola site makes heading ids (`render/blocks/parse/hugo_zola.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadingIds {
    /// Hugo's Goldmark `autoHeadingID`, type `github`.
    Hugo,
    /// Zola's anchor slugs.
    Zola,
}

/// Why a config was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The config file's name.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl core::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(
            f,
            "{} line {}, column {}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

impl SiteConfig {
    /// Jekyll's own defaults (a site with an empty `_config.yml`).
    pub fn jekyll_defaults() -> SiteConfig {
        SiteConfig {
            kind: SiteKind::Jekyll,
            url: String::new(),
            baseurl: String::new(),
            permalink: "date".to_string(),
            excerpt_separator: "\n\n".to_string(),
            future: false,
            defaults: Vec::new(),
            markdown: MarkdownOptions::default(),
            scalars: BTreeMap::new(),
            structured: BTreeMap::new(),
            slugify_paths: "on".to_string(),
            collections_dir: String::new(),
            data_dir: "_data".to_string(),
            zone: Zone::default(),
        }
    }

    /// Where Jekyll reads the post at `path` (relative to the site's root) from: the path
    /// below the collections folder, as Jekyll's `relative_path` names it (the folders
    /// above `_posts` are categories from there); `path` itself when it is not below it.
    pub fn in_collections<'a>(&self, path: &'a str) -> &'a str {
        if self.collections_dir.is_empty() {
            return path;
        }
        path.strip_prefix(self.collections_dir.as_str())
            .and_then(|rest| rest.strip_prefix('/'))
            .unwrap_or(path)
    }

    /// The folder (relative to the site's root, no trailing slash) a new post goes in:
    /// Jekyll's `_posts` in its collections folder, Hugo's and Zola's `content/posts`.
    pub fn posts_folder(&self) -> String {
        match (self.kind, self.collections_dir.as_str()) {
            (SiteKind::Jekyll, dir) if !dir.is_empty() => format!("{dir}/_posts"),
            (kind, _) => kind.posts_folder().to_string(),
        }
    }

    /// Jekyll: the IANA name of the zone the site is built in (`timezone:`), when set.
    pub fn timezone(&self) -> Option<&str> {
        match self.kind {
            SiteKind::Jekyll => self
                .scalar("timezone")
                .map(str::trim)
                .filter(|t| !t.is_empty()),
            _ => None,
        }
    }

    /// The value `{{ site.<key> }}` writes, if the config has it as a scalar.
    pub fn scalar(&self, key: &str) -> Option<&str> {
        self.scalars.get(key).map(String::as_str)
    }
}

/// A config imported alone, as the browser keeps it: `{"file": name, "text": contents}`.
pub fn write_imported(file: &str, text: &str) -> String {
    serde_json::json!({ "file": file, "text": text }).to_string()
}

/// The (file name, text) of a config kept by [`write_imported`].
pub fn read_imported(json: &str) -> Option<(String, String)> {
    let record: serde_json::Value = serde_json::from_str(json).ok()?;
    Some((
        record.get("file")?.as_str()?.to_string(),
        record.get("text")?.as_str()?.to_string(),
    ))
}

/// The config files a site of `kind` may have at its root, in the order the generator
/// reads the first one found.
pub fn config_files(kind: SiteKind) -> &'static [&'static str] {
    match kind {
        SiteKind::Jekyll => &["_config.yml", "_config.yaml", "_config.toml"],
        SiteKind::Hugo => &[
            "hugo.toml",
            "hugo.yaml",
            "hugo.yml",
            "hugo.json",
            "config.toml",
            "config.yaml",
            "config.yml",
            "config.json",
        ],
        SiteKind::Zola => &["config.toml"],
        SiteKind::Plain => &[],
    }
}

/// Which generator a config file named `file` holding `text` is for, when its name says
/// (`config.toml` is Zola's when it sets `base_url`, else Hugo's); `None` for a file that
/// is no site config.
pub fn kind_of_file(file: &str, text: &str) -> Option<SiteKind> {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    match name {
        "_config.yml" | "_config.yaml" | "_config.toml" => Some(SiteKind::Jekyll),
        "hugo.toml" | "hugo.yaml" | "hugo.yml" | "hugo.json" => Some(SiteKind::Hugo),
        "config.yaml" | "config.yml" | "config.json" => Some(SiteKind::Hugo),
        "config.toml" => Some(crate::site::detect(
            &["config.toml"],
            &["content"],
            Some(text),
        )),
        _ => None,
    }
}

/// Read the config file `file` (its name tells the format) of a site of `kind`.
pub fn read(kind: SiteKind, file: &str, text: &str) -> Result<SiteConfig, ConfigError> {
    let fail = |e: FrontMatterError| ConfigError {
        file: file.to_string(),
        line: e.line,
        column: e.column,
        message: e.message,
    };
    let entries = if file.ends_with(".toml") {
        read_toml(text).map_err(fail)?
    } else if file.ends_with(".json") {
        read_json(text).map_err(|(line, column, message)| ConfigError {
            file: file.to_string(),
            line,
            column,
            message,
        })?
    } else {
        front_matter::read_yaml_document(text).map_err(fail)?
    };
    Ok(match kind {
        SiteKind::Hugo => hugo_zola::hugo(&entries),
        SiteKind::Zola => hugo_zola::zola(&entries),
        SiteKind::Jekyll | SiteKind::Plain => jekyll(&entries),
    })
}

#[cfg(feature = "toml")]
fn read_toml(text: &str) -> Result<Vec<(String, Value)>, FrontMatterError> {
    front_matter::read_toml_document(text)
}

#[cfg(not(feature = "toml"))]
fn read_toml(_text: &str) -> Result<Vec<(String, Value)>, FrontMatterError> {
    Err(FrontMatterError {
        line: 1,
        column: 1,
        message: "TOML needs Quire's `toml` feature".to_string(),
    })
}

/// A JSON object's keys and values (Hugo's `hugo.json`).
fn read_json(text: &str) -> Result<Vec<(String, Value)>, (usize, usize, String)> {
    let json: serde_json::Value =
        serde_json::from_str(text).map_err(|e| (e.line(), e.column(), e.to_string()))?;
    match front_matter::from_json(json) {
        Value::Map(entries) => Ok(entries),
        _ => Err((1, 1, "the config is not a JSON object".to_string())),
    }
}

/// The value of `key` (the last, as YAML loaders keep).
fn get<'a>(entries: &'a [(String, Value)], key: &str) -> Option<&'a Value> {
    entries.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// A scalar as text (`None` for null, lists and maps).
fn text(value: &Value) -> Option<String> {
    match value {
        Value::Null | Value::List(_) | Value::Map(_) => None,
        other => Some(other.to_plain_string()),
    }
}

fn map(value: Option<&Value>) -> &[(String, Value)] {
    match value {
        Some(Value::Map(entries)) => entries,
        _ => &[],
    }
}

/// The scheme and host of a base URL, and its path (without trailing `/`).
fn split_base(base: &str) -> (String, String) {
    let base = base.trim().trim_end_matches('/');
    let after_scheme = base.find("://").map_or(0, |i| i + 3);
    match base[after_scheme..].find('/') {
        Some(slash) => (
            base[..after_scheme + slash].to_string(),
            base[after_scheme + slash..].to_string(),
        ),
        None => (base.to_string(), String::new()),
    }
}

fn jekyll(entries: &[(String, Value)]) -> SiteConfig {
    let mut config = SiteConfig::jekyll_defaults();
    (config.scalars, config.structured) = site_keys::site_keys(entries);
    let scalar = |key: &str| get(entries, key).and_then(text);
    if let Some(url) = scalar("url") {
        config.url = url.trim_end_matches('/').to_string();
    }
    if let Some(base) = scalar("baseurl") {
        config.baseurl = base.trim_end_matches('/').to_string();
    }
    if let Some(permalink) = scalar("permalink") {
        config.permalink = permalink;
    }
    if let Some(dir) = scalar("collections_dir") {
        config.collections_dir = dir.trim().trim_matches('/').to_string();
    }
    if let Some(dir) = scalar("data_dir") {
        let dir = dir.trim().trim_matches('/');
        if !dir.is_empty() {
            config.data_dir = dir.to_string();
        }
    }
    // A permalink set for the posts collection wins (Jekyll gives `permalink` to the
    // collection only when it has none).
    let collections = map(get(entries, "collections"));
    if let Some(permalink) = get(map(get(collections, "posts")), "permalink").and_then(text) {
        config.permalink = permalink;
    }
    if let Some(separator) = scalar("excerpt_separator") {
        config.excerpt_separator = separator;
    }
    config.future = get(entries, "future") == Some(&Value::Bool(true));
    if let Some(Value::List(sets)) = get(entries, "defaults") {
        config.defaults = sets.iter().filter_map(default_set).collect();
    }
    kramdown::options(entries, &mut config.markdown);
    config
}

/// A `defaults` entry: `scope` (`path`, `type`) and `values`; `None` when it has no
/// `values` map (Jekyll skips those too).
fn default_set(set: &Value) -> Option<DefaultSet> {
    let Value::Map(set) = set else {
        return None;
    };
    let Some(Value::Map(values)) = get(set, "values") else {
        return None;
    };
    let scope = map(get(set, "scope"));
    let kind = get(scope, "type").and_then(text).map(|t| {
        // Jekyll's deprecated singular types.
        match t.as_str() {
            "page" => "pages".to_string(),
            "post" => "posts".to_string(),
            "draft" => "drafts".to_string(),
            _ => t,
        }
    });
    Some(DefaultSet {
        path: get(scope, "path").and_then(text).unwrap_or_default(),
        kind,
        values: values.clone(),
    })
}

#[cfg(test)]
mod tests;
