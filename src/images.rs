//! Images in the open post: taking them in (paste, drop, pick), keeping them in the
//! browser's private file system under their SHA-256, showing them in the preview by
//! object URLs, listing them, shrinking one, exporting the post with its images, and
//! removing images no draft, revision or deleted draft uses any more. Components only
//! call these.

use std::collections::{BTreeSet, HashMap, HashSet};

use leptos::prelude::*;
use quire_core::images::{self, ImageMap, ImageUse, Kind, PostPlace, StoredImage};

use crate::browser::{self, BrowserError};
use crate::notices::{Notice, NoticeKind};
use crate::persist::Persistence;
use crate::state::EditorState;
use crate::ui::Ui;

mod shrink;

/// The widest a shrunk image is made, unless the writer says otherwise.
pub const SHRINK_WIDTH: u32 = 1600;

/// An image over this is flagged as large for a web page.
pub const LARGE_BYTES: u64 = 1_000_000;

/// One image of the open post, as the images panel lists it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PostImage {
    /// How the post uses it (alt text, link, site path).
    pub used: ImageUse,
    /// The stored image, when Quire keeps it.
    pub stored: Option<StoredImage>,
    /// Kept, but its bytes are not in this browser (removed by the browser, or from a
    /// backup made elsewhere without them).
    pub missing: bool,
}

/// The image actions and the object URLs of the preview, provided once in context.
#[derive(Clone, Copy)]
pub struct Images {
    state: EditorState,
    persistence: Persistence,
    ui: Ui,
    /// Object URLs of the stored images loaded so far, by SHA-256.
    urls: RwSignal<HashMap<String, String>>,
    /// Images a draft records that this browser does not have.
    missing: RwSignal<HashSet<String>>,
    /// Images being loaded, or being added (kept from removal meanwhile).
    busy: StoredValue<HashSet<String>>,
    /// What is being done, for the panel (`None` when nothing).
    pub working: RwSignal<Option<String>>,
    /// The open post's images, found again once typing settles (not on each keystroke).
    listed: Memo<Vec<PostImage>>,
}

impl Images {
    /// The images of the open post; loads the object URL of every image the visit
    /// knows, as it learns of them.
    pub fn new(state: EditorState, persistence: Persistence, ui: Ui) -> Images {
        let missing = RwSignal::new(HashSet::new());
        let images = Images {
            state,
            persistence,
            ui,
            urls: RwSignal::new(HashMap::new()),
            missing,
            busy: StoredValue::new(HashSet::new()),
            working: RwSignal::new(None),
            listed: Memo::new(move |_| {
                state.settled.track();
                let known = persistence.known_images();
                let uses = state.source.with_untracked(|src| images::uses(src));
                post_images(uses, &known, &missing.get())
            }),
        };
        Effect::new(move |_| {
            let known = persistence.known_images();
            for (path, image) in known {
                images.load(&path, &image.sha256);
            }
        });
        images
    }

    /// Load the object URL of stored image `sha256` (at site path `path`), once.
    fn load(self, path: &str, sha256: &str) {
        let loaded = self.urls.with_untracked(|u| u.contains_key(sha256))
            || self.missing.with_untracked(|m| m.contains(sha256));
        if loaded
            || !self
                .busy
                .try_update_value(|b| b.insert(sha256.to_string()))
                .unwrap_or(false)
        {
            return;
        }
        let mime = Kind::of_path(path).map_or("application/octet-stream", Kind::mime);
        let sha256 = sha256.to_string();
        leptos::task::spawn_local(async move {
            match browser::images::get(&sha256, mime).await {
                Ok(Some(blob)) => {
                    if let Ok(url) = browser::images::object_url(&blob) {
                        self.urls.update(|u| {
                            u.insert(sha256.clone(), url);
                        });
                    }
                }
                Ok(None) => self.missing.update(|m| {
                    m.insert(sha256.clone());
                }),
                // The preview falls back to the site's address.
                Err(_) => self.missing.update(|m| {
                    m.insert(sha256.clone());
                }),
            }
            self.busy.update_value(|b| {
                b.remove(&sha256);
            });
        });
    }

    /// How the preview shows an image address (`/x.png`, or the site URL with it): from
    /// the stored image when Quire keeps it, from the site otherwise. Untracked.
    pub fn shown(self, src: &str) -> browser::preview_frame::Shown {
        use browser::preview_frame::Shown;
        let Some(sha256) = self.stored_at(src) else {
            return Shown::Site;
        };
        if let Some(url) = self.urls.with_untracked(|u| u.get(&sha256).cloned()) {
            return Shown::Stored(url);
        }
        let missing = self.missing.with_untracked(|m| m.contains(&sha256));
        if missing {
            Shown::Site
        } else {
            Shown::Loading
        }
    }

    /// The stored image an image address in the preview stands for.
    fn stored_at(self, src: &str) -> Option<String> {
        let path = self
            .ui
            .preview
            .with_untracked(|s| images::site_path_of_src(src, &s.site_url))?;
        self.persistence.images_of_path(&path)
    }

    /// Track the object URLs loaded and the images found missing (the preview shows its
    /// images again after).
    pub fn track_urls(self) {
        self.urls.track();
        self.missing.track();
    }

    /// The open post's images, in order of use (tracked).
    pub fn listed(self) -> Vec<PostImage> {
        self.listed.get()
    }

    /// Take in image files (pasted, dropped or picked): each is checked, stored and
    /// linked at the caret, all in one edit. `alt` is the alt text a page gave a pasted
    /// image. A file that is not an image, is damaged or is too large is refused with a
    /// notice, and nothing of it is inserted.
    pub fn add_files(self, files: Vec<web_sys::File>, alt: String) {
        if files.is_empty() {
            return;
        }
        let _ = browser::perf::mark(browser::perf::IMAGE_START);
        self.working.set(Some(format!(
            "Adding {} image{}…",
            files.len(),
            if files.len() == 1 { "" } else { "s" }
        )));
        leptos::task::spawn_local(async move {
            let mut links = Vec::new();
            let mut refused = Vec::new();
            for file in &files {
                match self.add_file(file).await {
                    Ok(link) => links.push((alt.clone(), link)),
                    Err(why) => refused.push(format!("{} was not added: {why}.", file.name())),
                }
            }
            if !links.is_empty() {
                let selection = self.state.selection().unwrap_or_else(|| {
                    let end = self.state.source.with_untracked(String::len);
                    end..end
                });
                let change = self
                    .state
                    .source
                    .with_untracked(|src| images::insert(src, selection, &links));
                if let Some(change) = change {
                    self.state.apply(change);
                }
                let _ =
                    browser::perf::measure_from(browser::perf::IMAGE, browser::perf::IMAGE_START);
            }
            self.working.set(None);
            if !refused.is_empty() {
                self.state
                    .notice
                    .set(Some(Notice::new(NoticeKind::Problem, refused.join(" "))));
            }
        });
    }

    /// Files dropped on the editor: images (by their first bytes) are added; with none,
    /// the first file goes to `other` (a post to open).
    pub fn take_dropped(self, files: Vec<web_sys::File>, other: Callback<web_sys::File>) {
        leptos::task::spawn_local(async move {
            let mut pictures = Vec::new();
            let mut others = Vec::new();
            for file in files {
                let head = browser::images::head(&file, 1024).await.unwrap_or_default();
                if images::kind_of(&head).is_some() {
                    pictures.push(file);
                } else {
                    others.push(file);
                }
            }
            if pictures.is_empty() {
                if let Some(file) = others.into_iter().next() {
                    other.run(file);
                }
                return;
            }
            if !others.is_empty() {
                let names: Vec<String> = others.iter().map(|f| f.name()).collect();
                self.state.notice.set(crate::notices::problem(format!(
                    "{} not added: not an image.",
                    names.join(", ")
                )));
            }
            self.add_files(pictures, String::new());
        });
    }

    /// Check, store and name one image; returns the link to write.
    async fn add_file(self, file: &web_sys::File) -> Result<String, String> {
        if file.size() > images::MAX_BYTES as f64 {
            return Err(images::Refusal::TooLarge(file.size() as usize).to_string());
        }
        let bytes = browser::images::bytes_of(file)
            .await
            .map_err(|e| format!("it could not be read ({e})"))?;
        let sniffed = images::sniff(&bytes).map_err(|why| why.to_string())?;
        let blob = browser::images::blob(&bytes, sniffed.kind.mime()).map_err(|e| e.to_string())?;
        let (width, height) = browser::images::decode(&blob)
            .await
            .map_err(|_| images::Refusal::Broken(sniffed.kind).to_string())?;
        let sha256 = images::sha256_hex(&bytes);
        self.busy.update_value(|b| {
            b.insert(sha256.clone());
        });
        let stored = browser::images::put(&sha256, &bytes).await;
        self.busy.update_value(|b| {
            b.remove(&sha256);
        });
        stored.map_err(|err| match err {
            BrowserError::QuotaExceeded => "the browser's storage for this site is full (nothing \
                 stored was lost, and the text is unchanged)"
                .to_string(),
            other => format!("it could not be stored ({other})"),
        })?;
        let image = StoredImage {
            sha256: sha256.clone(),
            bytes: bytes.len() as u64,
            width: if sniffed.width > 0 {
                sniffed.width
            } else {
                width
            },
            height: if sniffed.height > 0 {
                sniffed.height
            } else {
                height
            },
        };
        let path = self.path_for(&file.name(), sniffed.kind, &image);
        if let Ok(url) = browser::images::object_url(&blob) {
            self.urls.update(|u| {
                u.entry(sha256.clone()).or_insert(url);
            });
        }
        self.missing.update(|m| {
            m.remove(&sha256);
        });
        self.persistence
            .learn_images(&ImageMap::from([(path.clone(), image)]));
        Ok(self.ui.image_pattern.with_untracked(|p| p.link(&path)))
    }

    /// The site path for a new image: the same bytes already in the post's folder keep
    /// their path; otherwise a name from the file's (or the post's) not yet used there.
    fn path_for(self, file_name: &str, kind: Kind, image: &StoredImage) -> String {
        let place = self
            .state
            .last_good_fields
            .with_untracked(|fields| PostPlace::of(fields, &browser::clock::now_local()));
        let pattern = self.ui.image_pattern.get_untracked();
        let folder = pattern.folder(&place);
        let known = self.persistence.known_images_untracked();
        if let Some((path, _)) = known
            .iter()
            .find(|(path, k)| k.sha256 == image.sha256 && path.starts_with(&folder))
        {
            return path.clone();
        }
        let taken = |name: &str| {
            let prefix = format!("{folder}{name}.");
            known.keys().any(|path| path.starts_with(&prefix))
        };
        let name = images::name_for(file_name, &place.slug, taken);
        pattern.site_path(&place, &name, kind.ext())
    }

    /// The bytes of the stored images the open post uses, by site path; and the paths
    /// whose bytes this browser does not have.
    pub(crate) async fn post_images(self) -> (Vec<(String, Vec<u8>)>, Vec<String>) {
        let used = self
            .state
            .source
            .with_untracked(|src| self.persistence.images_of(src));
        let mut found = Vec::new();
        let mut missing = Vec::new();
        for (path, image) in used {
            match browser::images::read(&image.sha256).await {
                Ok(Some(bytes)) => found.push((path, bytes)),
                _ => missing.push(path),
            }
        }
        (found, missing)
    }

    /// Download the post with its images as a zip laid out like the site.
    pub fn export_bundle(self) {
        leptos::task::spawn_local(async move {
            let (found, missing) = self.post_images().await;
            let today = browser::clock::now_local();
            let style = self.ui.name_style.get_untracked();
            let endings = self.persistence.endings();
            let (zip, name) = self.state.source.with_untracked(|src| {
                (
                    images::bundle(src, &endings, &today, style, &found),
                    images::bundle_name(src, &today, style),
                )
            });
            let notice = match browser::download::download(&name, &zip, "application/zip") {
                Err(err) => crate::notices::problem(format!("The post was not exported: {err}")),
                Ok(()) if !missing.is_empty() => crate::notices::problem(format!(
                    "Exported without {}: this browser does not have {}.",
                    missing.join(", "),
                    if missing.len() == 1 { "it" } else { "them" }
                )),
                Ok(()) => None,
            };
            if notice.is_some() {
                self.state.notice.set(notice);
            }
        });
    }

    /// The bytes of every image `drafts` (and their revisions) use, by SHA-256, for a
    /// backup; images this browser does not have are left out.
    pub async fn for_backup(
        drafts: &[quire_core::backup::BackupDraft],
    ) -> std::collections::BTreeMap<String, Vec<u8>> {
        let records = drafts
            .iter()
            .flat_map(|d| std::iter::once(&d.images).chain(d.revisions.iter().map(|r| &r.images)));
        let mut bytes = std::collections::BTreeMap::new();
        for sha256 in images::hashes(records) {
            if let Ok(Some(found)) = browser::images::read(&sha256).await {
                bytes.insert(sha256, found);
            }
        }
        bytes
    }

    /// Store a backup's images (before its drafts, which use them).
    pub async fn restore(
        found: &std::collections::BTreeMap<String, Vec<u8>>,
    ) -> Result<(), BrowserError> {
        for (sha256, bytes) in found {
            browser::images::put(sha256, bytes).await?;
        }
        Ok(())
    }

    /// Remove the stored images that no draft, revision or deleted draft uses, nor the
    /// open post as it is now, nor one being added.
    pub fn collect_garbage(self) {
        leptos::task::spawn_local(async move {
            let Ok(stored) = browser::images::list().await else {
                return;
            };
            let mut keep: BTreeSet<String> = BTreeSet::new();
            let index = match browser::storage::load_index() {
                Ok(Some(Ok(index))) => index,
                Ok(None) => Default::default(),
                // An index this Quire cannot read may use any image: remove none.
                _ => return,
            };
            keep.extend(images::hashes(index.drafts.iter().map(|d| &d.images)));
            keep.extend(images::hashes(&crate::revisions::recorded_images()));
            let open = self
                .state
                .source
                .with_untracked(|src| self.persistence.images_of(src));
            keep.extend(images::hashes([&open]));
            self.busy
                .with_value(|busy| keep.extend(busy.iter().cloned()));
            for name in stored {
                if images::is_sha256(&name) && !keep.contains(&name) {
                    let _ = browser::images::remove(&name).await;
                    self.urls.update(|u| {
                        if let Some(url) = u.remove(&name) {
                            browser::images::revoke_url(&url);
                        }
                    });
                }
            }
        });
    }
}

/// Each use of an image with the stored image it stands for.
fn post_images(uses: Vec<ImageUse>, known: &ImageMap, missing: &HashSet<String>) -> Vec<PostImage> {
    uses.into_iter()
        .map(|used| {
            let stored = used.site_path.as_ref().and_then(|p| known.get(p)).cloned();
            PostImage {
                missing: stored.as_ref().is_some_and(|s| missing.contains(&s.sha256)),
                stored,
                used,
            }
        })
        .collect()
}

/// The images from context.
pub fn use_images() -> Images {
    expect_context::<Images>()
}
