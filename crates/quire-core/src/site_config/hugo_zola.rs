//! Hugo's and Zola's configs: their addresses, permalinks and Markdown options, as far as
//! Quire uses them.

use crate::front_matter::Value;
use crate::site::SiteKind;

use super::{get, map, scalars, split_base, text, HeadingIds, SiteConfig};

/// What Quire uses of a Hugo config (`hugo.*` or `config.*`).
pub(super) fn hugo(entries: &[(String, Value)]) -> SiteConfig {
    let mut config = SiteConfig::jekyll_defaults();
    config.kind = SiteKind::Hugo;
    config.markdown.quotes = None;
    config.permalink = String::new();
    config.scalars = scalars(entries);
    let base = get(entries, "baseURL")
        .or_else(|| get(entries, "baseurl"))
        .and_then(text)
        .unwrap_or_default();
    (config.url, config.baseurl) = split_base(&base);
    let permalinks = map(get(entries, "permalinks"));
    let page = map(get(permalinks, "page"));
    if let Some(posts) = get(permalinks, "posts")
        .or_else(|| get(page, "posts"))
        .and_then(text)
    {
        config.permalink = posts;
    }
    let markup = map(get(entries, "markup"));
    let goldmark = map(get(markup, "goldmark"));
    let parser = map(get(goldmark, "parser"));
    if let Some(Value::Bool(b)) = get(parser, "autoHeadingID") {
        config.markdown.auto_ids = *b;
    }
    let renderer = map(get(goldmark, "renderer"));
    if let Some(Value::Bool(b)) = get(renderer, "hardWraps") {
        config.markdown.hard_wrap = *b;
    }
    config.markdown.raw_html = get(renderer, "unsafe") == Some(&Value::Bool(true));
    config.markdown.heading_ids = config.markdown.auto_ids.then_some(HeadingIds::Hugo);
    let extensions = map(get(goldmark, "extensions"));
    if let Some(Value::Bool(b)) = get(extensions, "typographer") {
        config.markdown.smart_quotes = *b;
    }
    config
}

/// What Quire uses of a Zola config (`config.toml`).
pub(super) fn zola(entries: &[(String, Value)]) -> SiteConfig {
    let mut config = SiteConfig::jekyll_defaults();
    config.kind = SiteKind::Zola;
    config.markdown.quotes = None;
    config.permalink = String::new();
    config.scalars = scalars(entries);
    let base = get(entries, "base_url").and_then(text).unwrap_or_default();
    (config.url, config.baseurl) = split_base(&base);
    let markdown = map(get(entries, "markdown"));
    config.markdown.smart_quotes = get(markdown, "smart_punctuation") == Some(&Value::Bool(true));
    config.markdown.heading_ids = Some(HeadingIds::Zola);
    let slugify = map(get(entries, "slugify"));
    if let Some(paths) = get(slugify, "paths").and_then(text) {
        config.slugify_paths = paths;
    }
    config
}
