//! The site's own files in the post's Liquid, read from the open site folder as Jekyll
//! reads them before kramdown: its `_includes/` files, its `_data/` files, and the pages
//! and collection documents its `{% link %}` tags name.

use quire_e2e::site::{fixture_site, open_trip};
use quire_e2e::{App, EXCERPT_CARD_JS, PREVIEW_JS};
use serde_json::json;

/// The site's `_includes/` files, read from the open folder, are written where the post
/// includes them, as Jekyll does before kramdown reads the post: Markdown read as
/// Markdown, the tag's parameters filled in (a captured text among them), the files an
/// included file includes written too, the link definitions a file writes known to the
/// post, a file the folder lacks left a mark; a file changed on disk is read again when
/// the writer comes back to the page.
#[tokio::test]
async fn the_sites_include_files_are_written_where_the_post_includes_them() {
    let app = App::open().await;
    let mut files = fixture_site("site-jekyll");
    files.push((
        "_includes/tools.md".to_string(),
        b"#### Tools used\n\n- [Pen](https://example.org/pen)\n".to_vec(),
    ));
    files.push((
        "_includes/notes/figure.html".to_string(),
        b"<figure class=\"fig\"><img src=\"{{ include.src }}\" alt=\"{{ include.alt }}\"><figcaption>{{ include.caption }}</figcaption></figure>\n".to_vec(),
    ));
    // A file that captures text and includes another with it (Ben Balter's series
    // notes): the file it includes is read and written too.
    files.push((
        "_includes/series.html".to_string(),
        b"{% capture content -%}\nThe {{ include.nth }} post in <a href=\"/series/\" class=\"alert-link\">a series</a>.\n{%- endcapture %}\n\n{% include callout.html content=content %}\n".to_vec(),
    ));
    files.push((
        "_includes/callout.html".to_string(),
        b"<div class=\"alert\" role=\"alert\">\n  {{ include.content }}\n</div>\n".to_vec(),
    ));
    // A file of link definitions the post's references use (bitcoincore.org's
    // `references.md`).
    files.push((
        "_includes/links.md".to_string(),
        b"{% assign v = \"2\" %}\n[Pen site]: https://example.org/pen/{{v}}\n".to_vec(),
    ));
    app.open_site(&files, 5).await;
    let trip = open_trip(&app).await;
    app.caret_at(trip.len()).await;
    app.keys_in_editor(
        "\n{% include tools.md %}\n\n{% include notes/figure.html src=\"/icon.svg\" alt=\"A map\" %}\n\n{% include missing.md %}\n\n<div class=\"wrap\">{% include notes/figure.html src=\"/icon.svg\" alt=\"In HTML\" %}</div>\n\n{% include series.html nth=\"first\" %}\n\nSee the [Pen site].\n\n{% include links.md %}\n",
        false,
    )
    .await;
    let included = format!(
        "const p = {PREVIEW_JS}; if (!p) return false;
         const alert = p.querySelector('div.liquid-include div.alert');
         if (!alert || !alert.querySelector('a.alert-link')
           || alert.textContent.trim() !== 'The first post in a series.') return false;
         const marks = [...p.querySelectorAll('div.liquid-include')]
           .filter(m => !['series', 'callout', 'links'].some(n => m.title.includes(n)));
         const pen = [...p.querySelectorAll('p a')].find(a => a.textContent === 'Pen site');
         if (!pen || (pen.getAttribute('data-href') || pen.getAttribute('href')) !== 'https://example.org/pen/2') return false;
         const h = p.querySelector('div.liquid-include > h4');
         const link = p.querySelector('div.liquid-include li a');
         const img = p.querySelector('div.liquid-include figure.fig > img');
         return marks.length === 2 && marks[0].title === 'Included from _includes/tools.md'
           && !!h && h.id === 'tools-used' && h.textContent === arguments[0]
           && !!link && (link.getAttribute('data-href') || link.getAttribute('href')) === 'https://example.org/pen'
           && !!img && img.alt === 'A map' && (img.getAttribute('data-site-src') || img.getAttribute('src')) === '/icon.svg'
           && p.querySelector('figure.fig > figcaption').textContent === ''
           && !!p.querySelector('div.wrap > figure.fig > img[alt=\"In HTML\"]')
           && !!p.querySelector('div.liquid-tags') && !p.querySelector('script');"
    );
    app.wait_until("the included files", &included, vec![json!("Tools used")])
        .await;
    // Changed on disk: read again once the writer comes back.
    app.write_site_file(
        "_includes/tools.md",
        b"#### Tools I used\n\n- [Pen](https://example.org/pen)\n",
    )
    .await;
    app.js(
        "window.dispatchEvent(new Event('focus')); return true",
        vec![],
    )
    .await;
    let again = included.replace("h.id === 'tools-used'", "h.id === 'tools-i-used'");
    app.wait_until(
        "the include read again",
        &again,
        vec![json!("Tools I used")],
    )
    .await;
    app.close().await;
}

/// The site's `_data/` files give the post's Liquid its values, as Jekyll runs it before
/// kramdown: an `{% assign %}` of a data file filtered with `where` and `first` (as
/// ruby-lang.org writes its release posts), a data file's value read directly, in text,
/// in an autolink and in code, and in an include file with its parameter as the key; a
/// key the data's release does not have is nil and writes nothing, as on the site; a data
/// file changed on disk is read again when the writer comes back.
#[tokio::test]
async fn the_sites_data_files_give_the_posts_liquid_its_values() {
    let app = App::open().await;
    let mut files = fixture_site("site-jekyll");
    let releases = |size: &str| {
        format!(
            "# Releases\n- version: 2.4.8\n  url:\n    gz: https://cache.example/ruby-2.4.8.tar.gz\n  size:\n    gz: {size}\n- version: 2.5.7\n  url:\n    gz: https://cache.example/ruby-2.5.7.tar.gz\n"
        )
        .into_bytes()
    };
    files.push(("_data/releases.yml".to_string(), releases("16097471")));
    files.push((
        "_data/team.json".to_string(),
        br#"{"lead": {"name": "Ada"}}"#.to_vec(),
    ));
    // An include file reading a data file the body does not, its parameter the key
    // (crystal-lang.org's testimonials), its other parameter through a filter.
    files.push((
        "_includes/profile.html".to_string(),
        b"<div class=\"profile\"><span title=\"{{ site.data.people[include.who].name }}\">{{ include.who }}</span>\n<p>{{ site.data.people[include.who].name }}, {{ include.role | upcase }}</p></div>\n".to_vec(),
    ));
    files.push((
        "_data/people.yml".to_string(),
        b"lead:\n  name: Grace Hopper\n".to_vec(),
    ));
    app.open_site(&files, 5).await;
    let trip = open_trip(&app).await;
    app.caret_at(trip.len()).await;
    app.keys_in_editor(
        "\n{% assign release = site.data.releases | where: \"version\", \"2.4.8\" | first %}\n\n* <{{ release.url.gz }}>\n\n      SIZE: {{ release.size.gz }}\n\nLed by {{ site.data.team.lead.name }}, {{ site.data.releases.size }} releases; {{ release.notes }}.\n\n{% include profile.html who=\"lead\" role=\"editor\" %}\n",
        false,
    )
    .await;
    let resolved = format!(
        "const p = {PREVIEW_JS}; if (!p) return false;
         const link = p.querySelector('li a');
         const code = [...p.querySelectorAll('pre code')].map(c => c.textContent).join('|');
         const text = p.textContent;
         return !!link && (link.getAttribute('data-href') || link.getAttribute('href')) === 'https://cache.example/ruby-2.4.8.tar.gz'
           && link.textContent === 'https://cache.example/ruby-2.4.8.tar.gz'
           && code.includes('SIZE: ' + arguments[0])
           && text.includes('Led by Ada, 2 releases;')
           && [...p.querySelectorAll('span.liquid.resolved')].some(s => s.title.includes('release.notes') && s.textContent === '')
           && !text.includes('site.data.team')
           && p.querySelector('.profile span[title=\"Grace Hopper\"]')?.textContent === 'lead'
           && p.querySelector('.profile p').textContent === 'Grace Hopper, EDITOR';"
    );
    app.wait_until("the data's values", &resolved, vec![json!("16097471")])
        .await;
    // The excerpt card beside the preview reads them too.
    let dawn = "The fjord at dawn.";
    let at = trip.find(dawn).expect("the excerpt") + dawn.len();
    app.caret_at(at).await;
    app.keys_in_editor(" With {{ site.data.team.lead.name }}.", false)
        .await;
    app.wait_until(
        "the excerpt card's data",
        &format!(
            "const c = {EXCERPT_CARD_JS}; if (!c) return false;
             return c.textContent.includes('The fjord at dawn. With Ada.')"
        ),
        vec![],
    )
    .await;
    // Changed on disk: read again once the writer comes back.
    app.write_site_file("_data/releases.yml", &releases("16097999"))
        .await;
    app.js(
        "window.dispatchEvent(new Event('focus')); return true",
        vec![],
    )
    .await;
    app.wait_until("the data read again", &resolved, vec![json!("16097999")])
        .await;
    app.close().await;
}

/// The pages and collection documents the post's `{% link %}` tags name are written at the
/// URLs Jekyll 4.3.1 gives them, read from the open folder: a page by the config's
/// permalink style, an index page as its folder, a document of an output collection by
/// the collection's permalink; a page the folder lacks stays a mark; a page whose own
/// permalink was set on disk is read again when the writer comes back to the page.
#[tokio::test]
async fn the_pages_a_post_links_to_are_written_at_their_urls() {
    let app = App::open().await;
    let mut files = fixture_site("site-jekyll");
    let config = files
        .iter_mut()
        .find(|(p, _)| p == "_config.yml")
        .expect("the config");
    config.1.extend_from_slice(
        b"collections:\n  docs:\n    output: true\n    permalink: /:collection/:path/\n",
    );
    files.push((
        "_docs/history.md".to_string(),
        b"---\ntitle: History\n---\nHistory.\n".to_vec(),
    ));
    files.push((
        "notes/index.md".to_string(),
        b"---\ntitle: Notes\n---\n".to_vec(),
    ));
    app.open_site(&files, 5).await;
    let trip = open_trip(&app).await;
    app.caret_at(trip.len()).await;
    app.keys_in_editor(
        "\nSee [about]({% link about.md %}), [the notes]({% link notes/index.md %}), \
         [history]({% link _docs/history.md %}#v1) and [gone]({% link gone.md %}).\n",
        false,
    )
    .await;
    let linked = format!(
        "const p = {PREVIEW_JS}; if (!p) return false;
         const para = [...p.querySelectorAll('p')].find(e => e.textContent.startsWith('See about'));
         if (!para) return false;
         const hrefs = [...para.querySelectorAll('a')].map(a => a.getAttribute('data-href') || a.getAttribute('href'));
         return hrefs.slice(0, 3).join(' ') === arguments[0] + ' /notes/ /docs/history/#v1'
           && hrefs.length === 4 && hrefs[3].includes('link gone.md');"
    );
    app.wait_until("the linked pages' URLs", &linked, vec![json!("/about/")])
        .await;
    app.write_site_file(
        "about.md",
        b"---\ntitle: About\npermalink: /me/\n---\nAbout me.\n",
    )
    .await;
    app.js(
        "window.dispatchEvent(new Event('focus')); return true",
        vec![],
    )
    .await;
    app.wait_until("the page's own permalink", &linked, vec![json!("/me/")])
        .await;
    app.close().await;
}
