//! The site's list of posts: its kind and config read from the folder's root, its posts
//! read in batches (the page stays responsive while a large site fills the list), the
//! list filtered, and a post's entry updated after a save.

use leptos::prelude::*;
use quire_core::site::{self, SiteKind, SitePost};

use super::folder::Folder;
use super::Site;
use crate::browser::{self, BrowserError};

/// Posts read at once (the browser overlaps their reads).
const BATCH: usize = 50;
/// The list is shown again at most this often while it fills (ms).
const LIST_EVERY_MS: f64 = 250.0;
/// The most posts the list shows; the filter finds the others.
pub const SHOWN: usize = 200;

impl Site {
    /// Read the site's kind and its posts, in batches (the page stays responsive).
    pub(super) async fn load(self) {
        let Some((_, folder)) = self.connected() else {
            return;
        };
        let _ = browser::perf::mark(browser::perf::SITE_LIST_START);
        let kind = match self.kind_of(&folder).await {
            Ok((kind, config)) => {
                self.settings.from_folder(config);
                kind
            }
            Err(err) => {
                self.problem(format!("{} could not be read: {err}", folder.name()));
                return;
            }
        };
        self.info.update(|i| {
            if let Some(i) = i {
                i.kind = Some(kind);
            }
        });
        self.posts.set(Vec::new());
        self.settings.learn_urls(Vec::new(), true);
        self.settings.forget_includes();
        self.settings.forget_data();
        self.settings.forget_linked();
        self.reading.set(Some((0, 0)));
        let paths = folder.find_posts(kind).await;
        let paths = match paths {
            Ok(paths) => paths,
            Err(err) => {
                self.reading.set(None);
                self.problem(format!(
                    "The posts of {} could not be listed: {err}",
                    folder.name()
                ));
                return;
            }
        };
        let total = paths.len();
        let mut unreadable = 0;
        let mut ready = Vec::new();
        let mut ready_urls = Vec::new();
        let mut shown_at = 0.0;
        for (n, batch) in paths.chunks(BATCH).enumerate() {
            // A batch's files are read all at once: the browser overlaps the reads.
            let files = folder.read_posts(batch).await;
            let mut read = Vec::with_capacity(batch.len());
            let mut urls = Vec::new();
            for (post, file) in batch.iter().zip(files) {
                match file {
                    Ok(file) => {
                        let text = String::from_utf8_lossy(&file.bytes);
                        if let Some(url) = self.settings.url_of(post.path(), &text) {
                            urls.push((post.path().to_string(), url));
                        }
                        read.push(site::summarize(post.path(), &text, file.modified_ms));
                    }
                    _ => unreadable += 1,
                }
            }
            ready.extend(read);
            ready_urls.extend(urls);
            let now = browser::clock::now_ms();
            let last = (n + 1) * BATCH >= total;
            if now - shown_at >= LIST_EVERY_MS || last {
                shown_at = now;
                self.settings
                    .learn_urls(std::mem::take(&mut ready_urls), false);
                self.posts.update(|posts| {
                    posts.append(&mut ready);
                    site::sort_newest_first(posts);
                });
                self.reading
                    .set(Some(((n * BATCH + batch.len()).min(total), total)));
            }
            browser::yield_to_browser().await;
        }
        self.reading.set(None);
        // For the bench; a failed measure changes nothing for the writer.
        let _ =
            browser::perf::measure_from(browser::perf::SITE_LIST, browser::perf::SITE_LIST_START);
        if unreadable > 0 {
            self.problem(format!(
                "{unreadable} {} of {} could not be read.",
                if unreadable == 1 { "post" } else { "posts" },
                folder.name()
            ));
        }
        self.check_disk();
    }

    /// The folder's generator, from its root, and its config file (name, text), if any.
    async fn kind_of(
        self,
        folder: &Folder,
    ) -> Result<(SiteKind, Option<(String, String, SiteKind)>), BrowserError> {
        let (files, dirs) = folder.root_names().await?;
        let config = if files.iter().any(|f| f == "config.toml") {
            folder
                .read("config.toml")
                .await?
                .map(|f| String::from_utf8_lossy(&f.bytes).into_owned())
        } else {
            None
        };
        let names: Vec<&str> = files.iter().map(String::as_str).collect();
        let dirs: Vec<&str> = dirs.iter().map(String::as_str).collect();
        let kind = site::detect(&names, &dirs, config.as_deref());
        let mut found = None;
        for name in quire_core::site_config::config_files(kind) {
            if files.iter().any(|f| f == name) {
                if let Some(file) = folder.read(name).await? {
                    let text = String::from_utf8_lossy(&file.bytes).into_owned();
                    found = Some((name.to_string(), text, kind));
                }
                break;
            }
        }
        Ok((kind, found))
    }

    /// The posts the list shows (tracked).
    /// The first [`SHOWN`] posts that match the filter, and how many match in all.
    pub fn listed(self) -> (Vec<SitePost>, usize) {
        let filter = self.filter.get();
        self.posts.with(|posts| {
            let mut matching = posts.iter().filter(|p| site::matches(p, &filter));
            let shown: Vec<SitePost> = matching.by_ref().take(SHOWN).cloned().collect();
            let more = matching.count();
            let all = shown.len() + more;
            (shown, all)
        })
    }

    /// Show a file's new state in the list.
    pub(super) fn update_listed(self, path: &str, bytes: &[u8], modified_ms: f64) {
        let text = String::from_utf8_lossy(bytes);
        if let Some(url) = self.settings.url_of(path, &text) {
            self.settings
                .learn_urls(vec![(path.to_string(), url)], false);
        }
        let post = site::summarize(path, &text, modified_ms);
        self.posts.update(|posts| {
            posts.retain(|p| p.path != path);
            posts.push(post);
            site::sort_newest_first(posts);
        });
    }
}
