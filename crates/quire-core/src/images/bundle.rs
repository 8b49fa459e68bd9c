//! The post with its images as a zip laid out like the site.

use std::collections::BTreeSet;

use crate::date::LocalDateTime;
use crate::export::{self, NameStyle};
use crate::line_endings::LineEndings;

/// Where a file of the site goes in a bundle of the given name style: Jekyll serves the
/// site's root from the project's root, Hugo and Zola from `static/`.
fn site_file(style: NameStyle, site_path: &str) -> String {
    let path = site_path.trim_start_matches('/');
    match style {
        NameStyle::Jekyll => path.to_string(),
        NameStyle::Hugo => format!("static/{path}"),
    }
}

/// A zip laid out like the site: the post in `_posts/` (Jekyll) or `content/posts/`
/// (Hugo and Zola), written with its line endings, and each image at its site path,
/// bytes as stored. `images` are (site path, bytes).
pub fn bundle(
    src: &str,
    endings: &LineEndings,
    today: &LocalDateTime,
    style: NameStyle,
    images: &[(String, Vec<u8>)],
) -> Vec<u8> {
    let mut zip = crate::backup::ZipWriter::default();
    let name = export::file_name(src, today, style);
    let folder = match style {
        NameStyle::Jekyll => "_posts",
        NameStyle::Hugo => "content/posts",
    };
    zip.add(
        &format!("{folder}/{name}"),
        export::export_text(src, endings).as_bytes(),
    );
    let mut written = BTreeSet::new();
    for (path, bytes) in images {
        let file = site_file(style, path);
        if written.insert(file.clone()) {
            zip.add(&file, bytes);
        }
    }
    zip.finish()
}

/// The bundle's file name: the post's file name with `.zip`.
pub fn bundle_name(src: &str, today: &LocalDateTime, style: NameStyle) -> String {
    let name = export::file_name(src, today, style);
    format!("{}.zip", name.trim_end_matches(".md"))
}
