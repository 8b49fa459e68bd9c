//! The address of a page or of a collection's document, as Jekyll 4.3 gives it (`Page#url`,
//! `Document#url`, `Collection#url_template`, `Utils.add_permalink_suffix`), for the
//! `{% link %}` tag: `{% link _docs/history.md %}` in Jekyll's own news, `{% link
//! about.md %}` in many a blog.

use crate::front_matter;

use super::super::{defaults, SiteConfig};
use super::{category_list, fill_template, jekyll_slugify, sanitize_url, value_of};
use super::{escape_path, DateParts, PostDate};

/// The file a `{% link path %}` tag names, relative to the site's root: a collection's
/// document (`_docs/history.md`) is named from the collections folder.
pub fn linked_file(config: &SiteConfig, path: &str) -> String {
    let path = path.trim_start_matches('/');
    match config.collections_dir.as_str() {
        dir if !dir.is_empty() && path.starts_with('_') => format!("{dir}/{path}"),
        _ => path.to_string(),
    }
}

/// The URL path (as `page.url`, without `baseurl`) Jekyll gives the page or collection
/// document a `{% link %}` tag names at `path` (from the site's root; a document's from
/// the collections folder), whose text is `src`. A file without front matter is a static
/// file, at its path. `None` where Jekyll writes no such page: a post or a draft (their
/// URLs are known otherwise), a document of a collection that is not output, a template
/// that needs a date the document does not give.
pub fn page_url(config: &SiteConfig, path: &str, src: &str) -> Option<String> {
    let path = path.trim_start_matches('/');
    if crate::split(src).front_matter.is_none() {
        return Some(sanitize_url(&escape_path(&format!("/{path}"))));
    }
    let (dir, file) = path.rsplit_once('/').unwrap_or(("", path));
    let (stem, ext) = file.rsplit_once('.')?;
    if !(crate::site::is_markdown(file) || ext == "html") {
        return None;
    }
    let fields = front_matter::read(src).unwrap_or_default();
    let label = path
        .split('/')
        .next()
        .and_then(|first| first.strip_prefix('_'))
        .filter(|_| path.contains('/'));
    let Some(label) = label else {
        // A page: its own permalink, else `/:path/:basename` with the style's ending (an
        // index page is its folder).
        let inherited = defaults::inherited(config, path, "pages");
        let basename = stem.trim_end_matches('.');
        let template = value_of(&fields, &inherited, "permalink")
            .map(|v| v.to_plain_string())
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| match basename {
                "index" => "/:path/".to_string(),
                _ => with_style_ending("/:path/:basename", &config.permalink),
            });
        let placeholders = [
            ("path", dir),
            ("basename", basename),
            ("output_ext", ".html"),
        ];
        // Jekyll's `URL#generate_url_from_hash`: each key in turn, wherever it stands.
        let url = placeholders.iter().fold(template, |url, (key, value)| {
            url.replace(&format!(":{key}"), &escape_path(value))
        });
        return Some(sanitize_url(&url));
    };
    if matches!(label, "posts" | "drafts") {
        return None;
    }
    let key = |name: &str| config.scalar(&format!("collections.{label}.{name}"));
    if key("output") != Some("true") {
        return None;
    }
    let inherited = defaults::inherited(config, path, label);
    let template = value_of(&fields, &inherited, "permalink")
        .map(|v| v.to_plain_string())
        .filter(|p| !p.is_empty())
        .or_else(|| key("permalink").map(str::to_string))
        .unwrap_or_else(|| with_style_ending("/:collection/:path", &config.permalink));
    let cleaned = path[..path.len() - ext.len() - 1]
        .replacen(&format!("_{label}"), "", 1)
        .trim_end_matches('.')
        .to_string();
    let slug = value_of(&fields, &inherited, "slug").map(|v| v.to_plain_string());
    let categories = category_list(value_of(&fields, &inherited, "categories"));
    let date = value_of(&fields, &inherited, "date")
        .and_then(|v| PostDate::of_value(&v))
        .map(|d| DateParts::of(d.in_zone(&config.zone)));
    let placeholder = |name: &str| -> Option<String> {
        Some(match name {
            "collection" => label.to_string(),
            "path" => cleaned.clone(),
            "name" => jekyll_slugify(stem, false),
            "title" => jekyll_slugify(slug.as_deref().unwrap_or(stem), true),
            "slug" => jekyll_slugify(slug.as_deref().unwrap_or(stem), false),
            "categories" => joined(&categories, |c| c.to_lowercase()),
            "slugified_categories" => joined(&categories, |c| jekyll_slugify(c, false)),
            "output_ext" => ".html".to_string(),
            other => date.as_ref()?.get(other)?,
        })
    };
    fill_template(&template, placeholder).ok()
}

/// Jekyll's `Utils.add_permalink_suffix`: the ending the permalink style gives a page's or
/// a collection's template.
fn with_style_ending(template: &str, style: &str) -> String {
    let ending = match style {
        "pretty" => "/",
        "date" | "ordinal" | "none" => ":output_ext",
        custom => match (custom.ends_with('/'), custom.ends_with(":output_ext")) {
            (true, _) => "/",
            (_, true) => ":output_ext",
            _ => "",
        },
    };
    format!("{template}{ending}")
}

/// The items made by `each`, each once, joined with `/` (a `Set` in Jekyll's drop).
pub(super) fn joined(items: &[String], each: impl Fn(&str) -> String) -> String {
    let mut seen: Vec<String> = Vec::new();
    for item in items {
        let item = each(item);
        if !seen.contains(&item) {
            seen.push(item);
        }
    }
    seen.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(yaml: &str) -> SiteConfig {
        crate::site_config::read(crate::site::SiteKind::Jekyll, "_config.yml", yaml)
            .expect("a config")
    }

    /// As Jekyll 4.3.1 built them (`{% link %}` to each, in a post of the same site).
    #[test]
    fn pages_and_documents_as_jekyll_links_them() {
        let page = "---\ntitle: About\n---\nAbout\n";
        let plain = config("title: x\n");
        let pretty = config("permalink: pretty\n");
        let custom = config("permalink: /:year/:title\n");
        let slash = config("permalink: /blog/:title/\n");
        let docs = config(
            "collections:\n  docs:\n    output: true\n    permalink: /:collection/:path/\n  \
             recipes:\n    output: true\n  hidden:\n    output: false\n",
        );
        let cases: [(&SiteConfig, &str, &str, Option<&str>); 16] = [
            (&plain, "about.md", page, Some("/about.html")),
            (&plain, "blog/index.md", page, Some("/blog/")),
            (&plain, "index.html", page, Some("/")),
            (
                &plain,
                "sub dir/Ça va.markdown",
                page,
                Some("/sub%20dir/%C3%87a%20va.html"),
            ),
            (&pretty, "about.md", page, Some("/about/")),
            (&custom, "about.md", page, Some("/about")),
            (&slash, "about.md", page, Some("/about/")),
            (
                &plain,
                "about.md",
                "---\npermalink: /me/\n---\n",
                Some("/me/"),
            ),
            (&plain, "notes.md", "No front matter\n", Some("/notes.md")),
            (&docs, "_docs/history.md", page, Some("/docs/history/")),
            (&docs, "_docs/deep/a.b.md", page, Some("/docs/deep/a.b/")),
            (
                &docs,
                "_recipes/Tea Time.md",
                page,
                Some("/recipes/Tea%20Time.html"),
            ),
            (&docs, "_hidden/x.md", page, None),
            (&docs, "_posts/2020-01-01-x.md", page, None),
            (&plain, "_docs/history.md", page, None),
            (&plain, "style.css", "---\n---\nx\n", None),
        ];
        for (config, path, src, want) in cases {
            assert_eq!(page_url(config, path, src).as_deref(), want, "{path}");
        }
        let dated = config(
            "collections:\n  notes:\n    output: true\n    permalink: /:collection/:year/:title:output_ext\n",
        );
        assert_eq!(
            page_url(&dated, "_notes/My Note.md", "---\ndate: 2021-03-04\n---\n").as_deref(),
            Some("/notes/2021/My-Note.html")
        );
        // Without a date of its own, a document's is the build's: not known here.
        assert_eq!(page_url(&dated, "_notes/My Note.md", page), None);
        let moved = config("collections_dir: my\ncollections:\n  docs:\n    output: true\n");
        assert_eq!(linked_file(&moved, "_docs/a.md"), "my/_docs/a.md");
        assert_eq!(linked_file(&moved, "/about.md"), "about.md");
        assert_eq!(linked_file(&plain, "_docs/a.md"), "_docs/a.md");
    }
}
