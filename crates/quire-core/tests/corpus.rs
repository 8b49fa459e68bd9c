//! The preview's block structure against what Jekyll 4.3.1 built of a real blog: the
//! Jekyll project's own news posts (`tests/corpus/`, see `make-expected.sh`), rendered by
//! the Jekyll flavour with the site's config and posts (Liquid in links resolved). A post
//! agrees when the sequence of its top-level blocks (paragraph, heading level, list,
//! code, quote, table, rule, HTML element) is the same. Prints the figure; fails below
//! the level reached (the issue's target is 99 %). Also prints, with its own floor, the
//! share of posts whose every element, with its class and id, is the same, and the share
//! whose quotes, dashes and ellipses (outside Liquid) are.

use std::path::Path;

use quire_core::render::liquid::{
    data_names, data_value, data_vars, include_names, page_lists, page_vars, with_included,
    SiteVars,
};
use quire_core::render::{render_body, Flavour, Settings};
use quire_core::site::SiteKind;

/// The share of posts whose structure must agree (a floor against regressions).
const FLOOR: f64 = 0.99;

/// The share of posts whose quotes, dashes and ellipses must all be the same.
const TYPOGRAPHY_FLOOR: f64 = 1.0;

/// The quotes, dashes, ellipses and guillemets of an HTML body's text, in order (tags and
/// Liquid left out, the entities either writer uses read).
fn typography(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    // Liquid the preview shows as written (Jekyll runs it) is left out.
    let mut plain = String::new();
    let mut rest = text.as_str();
    while let Some(open) = rest.find(['{']) {
        let close = match rest[open..].get(..2) {
            Some("{{") => "}}",
            Some("{%") => "%}",
            _ => {
                plain.push_str(&rest[..open + 1]);
                rest = &rest[open + 1..];
                continue;
            }
        };
        plain.push_str(&rest[..open]);
        rest = rest[open..]
            .find(close)
            .map_or("", |end| &rest[open + end + 2..]);
    }
    plain.push_str(rest);
    plain
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .chars()
        .filter(|c| "'\"‘’“”‚„–—…«»".contains(*c))
        .collect()
}

/// A tag of an HTML body: its name (lowercase), whether it closes an element, whether it
/// stands alone (a void element or `/>`), its class and id.
struct Tag {
    name: String,
    closing: bool,
    alone: bool,
    class: String,
    id: String,
    /// A link's destination.
    href: String,
}

/// The tags of an HTML body, in order (comments left out).
fn tags(html: &str) -> Vec<Tag> {
    const VOID: &[&str] = &["hr", "img", "br", "input", "meta", "link", "source", "wbr"];
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        rest = &rest[lt..];
        if rest.starts_with("<!--") {
            let end = rest.find("-->").map_or(rest.len(), |e| e + 3);
            rest = &rest[end..];
            continue;
        }
        let end = rest.find('>').map_or(rest.len(), |e| e + 1);
        let tag = &rest[1..end.saturating_sub(1)];
        rest = &rest[end..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            continue;
        }
        let attr = |key: &str| {
            let pattern = format!(" {key}=\"");
            tag.find(&pattern)
                .map(|at| &tag[at + pattern.len()..])
                .and_then(|v| v.split('"').next())
                .unwrap_or("")
                .to_string()
        };
        found.push(Tag {
            alone: tag.ends_with('/') || VOID.contains(&name.as_str()),
            class: attr("class"),
            id: attr("id"),
            href: attr("href"),
            name,
            closing,
        });
    }
    found
}

/// Whether a `div` of `class` is one of the preview's own marks: a block wrapper, an
/// excerpt marker, a paragraph of Liquid tags (Jekyll writes nothing for the last two).
fn own_mark(class: &str) -> bool {
    ["blk", "excerpt-marker", "liquid-tags", "liquid-include"]
        .iter()
        .any(|c| class.starts_with(c))
}

/// The top-level blocks of an HTML body, each named by its tag (a Rouge code block, a
/// `<pre>` and a Rouge `<figure>` are all `code`); the preview's own block wrappers
/// (`<div class="blk">`) and marks of included files are looked through, its other marks
/// left out.
fn structure(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    // Open elements: (tag, transparent).
    let mut open: Vec<(String, bool)> = Vec::new();
    for tag in tags(html) {
        if tag.closing {
            if let Some(at) = open.iter().rposition(|(t, _)| *t == tag.name) {
                open.truncate(at);
            }
            continue;
        }
        let transparent =
            tag.name == "div" && (tag.class.starts_with("blk") || tag.class == "liquid-include");
        let mark = tag.name == "div" && own_mark(&tag.class);
        if open.iter().all(|(_, t)| *t) && !mark {
            let kind = match tag.name.as_str() {
                "pre" => "code",
                "div" if tag.class.contains("highlighter-rouge") => "code",
                "figure" if tag.class.contains("highlight") => "code",
                other => other,
            };
            found.push(kind.to_string());
        }
        if !tag.alone {
            open.push((tag.name, transparent));
        }
    }
    found
}

/// The share of posts whose every element must agree (a floor against regressions: all
/// of them, since the preview runs the loop over a front-matter list of Jekyll 4.1.0's
/// news).
const ELEMENTS_FLOOR: f64 = 1.0;

/// Every element of an HTML body with its class and id, in order (`tag.class#id`, a
/// link with its destination too: `a.class#id>href`); the
/// preview's own marks (of resolved Liquid too) and Rouge's token spans inside code are
/// left out, and so is what a mark of a paragraph of Liquid tags shows (the tags, where
/// Jekyll writes nothing).
fn elements(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut in_code = 0usize;
    let mut in_liquid_tags = false;
    for tag in tags(html) {
        if in_liquid_tags {
            in_liquid_tags = !(tag.closing && tag.name == "div");
            continue;
        }
        if tag.closing {
            if tag.name == "code" {
                in_code = in_code.saturating_sub(1);
            }
            continue;
        }
        if tag.name == "div" && own_mark(&tag.class) {
            in_liquid_tags = tag.class.starts_with("liquid-tags");
            continue;
        }
        // Rouge's token spans, and the preview's mark of Liquid it resolved (Jekyll writes
        // what is inside it).
        if tag.name == "span" && (in_code > 0 || tag.class == "liquid resolved") {
            continue;
        }
        if tag.name == "code" {
            in_code += 1;
        }
        // A link with where it goes (entities as kramdown writes them aside).
        if tag.name == "a" {
            let href = tag.href.replace("&amp;", "&");
            found.push(format!("a.{}#{}>{href}", tag.class, tag.id));
            continue;
        }
        found.push(format!("{}.{}#{}", tag.name, tag.class, tag.id));
    }
    found
}

/// How a corpus's posts came out against Jekyll's build of them.
struct Measure {
    posts: usize,
    /// The shares of posts whose block structure, every element, and typography agree.
    structure: f64,
    elements: f64,
    typography: f64,
}

/// Render each post of the corpus at `dir` (`_config.yml`, `_posts/`, `expected/`) in the
/// Jekyll flavour with the site's config and posts, print the figures and each post that
/// differs, and return the figures.
fn measure(dir: &Path, what: &str) -> Measure {
    let config = quire_core::site_config::read(
        SiteKind::Jekyll,
        "_config.yml",
        &std::fs::read_to_string(dir.join("_config.yml")).expect("the config"),
    )
    .expect("a config");
    let mut names: Vec<String> = std::fs::read_dir(dir.join("_posts"))
        .expect("the posts")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    let today = quire_core::LocalDateTime {
        year: 2026,
        month: 12,
        day: 1,
        hour: 0,
        minute: 0,
        second: 0,
        offset_minutes: 0,
    };
    let texts: Vec<(String, String)> = names
        .iter()
        .map(|n| {
            let text = std::fs::read_to_string(dir.join("_posts").join(n)).expect("a post");
            (n.clone(), text)
        })
        .collect();
    let posts: Vec<(String, String)> = texts
        .iter()
        .filter_map(|(n, text)| {
            let path = format!("_posts/{n}");
            let url = quire_core::site_config::post_url(&config, &path, text, &today).ok()?;
            Some((path, url.path))
        })
        .collect();
    let settings = Settings {
        flavour: Flavour::Jekyll,
        site: SiteVars::of(&config, posts.clone()),
        ..Default::default()
    };
    let mut agree = 0;
    let mut same_elements = 0;
    let mut same_typography = 0;
    let mut differ = Vec::new();
    for (name, text) in &texts {
        let expected = std::fs::read_to_string(dir.join("expected").join(format!("{name}.html")))
            .unwrap_or_else(|e| panic!("expected/{name}.html: {e}"));
        let body = quire_core::split(text).body_text(text).to_string();
        // The post's own variables (`page.title`), as the app gives them to a post of an
        // open site folder.
        let path = format!("_posts/{name}");
        let url = posts
            .iter()
            .find(|(p, _)| *p == path)
            .map(|(_, u)| u.as_str());
        let inherited = quire_core::site_config::inherited(&config, &path, "posts");
        let mut settings = settings.clone();
        settings.site.page = page_vars(text, &body, Some(&path), url, &inherited, &config.zone);
        // The `_includes/` files it names, as the app reads them from a site folder.
        settings.site.includes = include_names(&body)
            .into_iter()
            .filter_map(|n| {
                let file = std::fs::read_to_string(dir.join("_includes").join(&n)).ok()?;
                Some((n, file))
            })
            .collect();
        // The Liquid the post runs: its body and the include files it writes.
        let liquid = with_included(&body, &settings.site.includes);
        settings.site.page = page_vars(text, &liquid, Some(&path), url, &inherited, &config.zone);
        settings.site.page_lists = page_lists(text, &liquid, &inherited);
        // The pages its `{% link %}` tags name, as the app reads them from a site folder.
        settings.site.pages = quire_core::render::liquid::link_names(&liquid)
            .into_iter()
            .filter_map(|p| {
                let file = quire_core::site_config::linked_file(&config, &p);
                let text = std::fs::read_to_string(dir.join(file)).ok()?;
                Some((
                    p.clone(),
                    quire_core::site_config::page_url(&config, &p, &text)?,
                ))
            })
            .collect();
        // The `_data/` files it reads, as the app reads them from a site folder.
        let data: Vec<(String, quire_core::front_matter::Value)> = data_names(&liquid)
            .into_iter()
            .filter_map(|n| {
                ["yml", "yaml", "json"].iter().find_map(|ext| {
                    let file = format!("{n}.{ext}");
                    let text = std::fs::read_to_string(dir.join("_data").join(&file)).ok()?;
                    Some((n.clone(), data_value(&file, &text)?))
                })
            })
            .collect();
        let files: Vec<(&str, &quire_core::front_matter::Value)> =
            data.iter().map(|(n, v)| (n.as_str(), v)).collect();
        settings.site.data = data_vars(&liquid, &files, &settings.site.page);
        let html = render_body(&body, &settings);
        if elements(&html) == elements(&expected) {
            same_elements += 1;
        }
        if typography(&html) == typography(&expected) {
            same_typography += 1;
        } else {
            differ.push(format!(
                "{name} typography:\n  jekyll {}\n  quire  {}",
                typography(&expected),
                typography(&html)
            ));
        }
        let ours = structure(&html);
        let theirs = structure(&expected);
        if ours == theirs {
            agree += 1;
        } else {
            differ.push(format!("{name}:\n  jekyll {theirs:?}\n  quire  {ours:?}"));
        }
    }
    let n = texts.len();
    let share = |count: usize| count as f64 / n.max(1) as f64;
    println!(
        "{what}: block structure identical to jekyll build on {agree} of {n} posts ({:.1} %)",
        share(agree) * 100.0
    );
    println!(
        "{what}: every element (tag, class, id, a link's destination) identical on {same_elements} of {n} posts ({:.1} %)",
        share(same_elements) * 100.0
    );
    println!(
        "{what}: quotes, dashes and ellipses identical on {same_typography} of {n} posts ({:.1} %)",
        share(same_typography) * 100.0
    );
    for d in &differ {
        println!("{d}");
    }
    Measure {
        posts: n,
        structure: share(agree),
        elements: share(same_elements),
        typography: share(same_typography),
    }
}

/// Fail when a figure is below its floor.
fn at_least(figure: f64, floor: f64, what: &str) {
    assert!(
        figure >= floor,
        "{what}: {:.1} % < {:.1} %",
        figure * 100.0,
        floor * 100.0
    );
}

#[test]
fn the_preview_has_jekylls_block_structure_on_a_real_blog() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let m = measure(&dir, "Jekyll's news");
    assert!(m.posts >= 90, "{} posts", m.posts);
    at_least(m.elements, ELEMENTS_FLOOR, "elements");
    at_least(m.typography, TYPOGRAPHY_FLOOR, "typography");
    at_least(m.structure, FLOOR, "structure");
}

/// The sample posts of two widely used themes (Minimal Mistakes' `docs/_posts` and
/// Chirpy's text and typography post, some abridged; see
/// `tests/corpus-themes/make-expected.sh`): kramdown's attribute lists on paragraphs,
/// headings, quotations (Chirpy's prompts), tables, lists, code (a file name) and spans,
/// tables of several bodies and a footer, Markdown inside `<div markdown="1">`, nested and
/// mixed lists, task lists, notices, figures, math, footnotes, Liquid in links, Markdown
/// captured with `{% capture %}` and shown through `markdownify` elsewhere.
#[test]
fn themes_sample_posts_read_as_jekyll_builds_them() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus-themes");
    let m = measure(&dir, "Themes' samples");
    assert!(m.posts >= 14, "{} posts", m.posts);
    at_least(m.structure, 1.0, "structure");
    at_least(m.elements, 1.0, "elements");
    at_least(m.typography, 1.0, "typography");
}
