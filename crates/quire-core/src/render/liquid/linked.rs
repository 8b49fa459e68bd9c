//! The pages and collection documents a post's `{% link %}` tags name (`{% link
//! _docs/history.md %}`, `{% link about.md %}`): read from an open site folder, their
//! URLs made as Jekyll makes them (`site_config::page_url`), they are written where the
//! tags stand ([`SiteVars::pages`](super::SiteVars::pages)).

/// The paths the `{% link %}` tags of `body` name that may be pages or collection
/// documents (Markdown or HTML, not under `_posts/` or `_drafts/`), without a leading
/// `/`, each once. A path made by Liquid (`{% link {{ page.x }} %}`) is left out.
pub fn link_names(body: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut rest = body;
    while let Some(at) = rest.find("{%") {
        let Some(end) = rest[at..].find("%}") else {
            break;
        };
        let inner = rest[at + 2..at + end].trim_matches(|c: char| c == '-' || c.is_whitespace());
        rest = &rest[at + end + 2..];
        let Some(path) = inner
            .strip_prefix("link")
            .filter(|p| p.starts_with(char::is_whitespace))
        else {
            continue;
        };
        let path = path.trim().trim_start_matches('/');
        let page = crate::site::is_markdown(path) || path.ends_with(".html");
        let post = ["_posts/", "_drafts/"]
            .iter()
            .any(|d| path.starts_with(d) || path.contains(&format!("/{d}")));
        if page && !post && !path.contains(['{', '}']) && !names.iter().any(|n| n == path) {
            names.push(path.to_string());
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pages_link_tags_name() {
        let body = "See [history]({% link _docs/history.md %}#v3), [me]({%- link /about.md -%}), \
                    [again]({% link about.md %}), [a post]({% link _posts/2020-01-01-a.md %}), \
                    [css]({% link style.css %}), {% link {{ page.x }}.md %}, {% linked x.md %}, \
                    [home]({% link index.html %}) and [a]({% link en/_posts/2020-01-01-b.md %}).";
        assert_eq!(
            link_names(body),
            ["_docs/history.md", "about.md", "index.html"]
        );
        assert!(link_names("{% link").is_empty());
    }

    /// As Jekyll 4.3.1 writes its own news of 3.9.3 (`{% link _docs/history.md %}`, the
    /// docs collection output at `/:collection/:path/`), once the file is read.
    #[test]
    fn a_linked_page_is_written_at_its_url() {
        let body =
            "More details in [the full release notes]({% link _docs/history.md %}#v3-9-3).\n";
        let config = crate::site_config::read(
            crate::site::SiteKind::Jekyll,
            "_config.yml",
            "baseurl: /b\ncollections:\n  docs:\n    output: true\n    permalink: /:collection/:path/\n",
        )
        .expect("a config");
        let mut vars = super::super::SiteVars::of(&config, Vec::new());
        let settings = |site| crate::render::Settings {
            flavour: crate::render::Flavour::Jekyll,
            site,
            ..Default::default()
        };
        // Not read: as written.
        let html = crate::render::render_body(body, &settings(vars.clone()));
        assert!(html.contains("{% link _docs/history.md %}"), "{html}");
        let page = "---\ntitle: History\npermalink: \"/docs/history/\"\n---\n";
        vars.pages = link_names(body)
            .into_iter()
            .filter_map(|p| Some((p.clone(), crate::site_config::page_url(&config, &p, page)?)))
            .collect();
        let html = crate::render::render_body(body, &settings(vars));
        assert_eq!(
            html,
            "<p>More details in <a href=\"/b/docs/history/#v3-9-3\">the full release notes</a>.</p>\n"
        );
    }
}
