//! Shrinking an image of the open post: a smaller copy (decoded and encoded again by the
//! browser), stored under its own SHA-256 and put in the post in the original's place as
//! one undoable edit. The original stays stored: revisions may use it.

use leptos::prelude::*;
use quire_core::images::{self, ImageMap, Kind, StoredImage};

use super::Images;
use crate::browser;

impl Images {
    /// Make a smaller copy of the image at `path` (at most `max_width` wide) and use it
    /// in its place, as one edit; the original stays stored (revisions may use it).
    pub fn shrink(self, path: String, max_width: u32) {
        let Some(image) = self
            .persistence
            .known_images_untracked()
            .get(&path)
            .cloned()
        else {
            return;
        };
        let Some(kind) = Kind::of_path(&path) else {
            return;
        };
        let out = match kind {
            Kind::Jpeg => Kind::Jpeg,
            Kind::Png => Kind::Png,
            Kind::Webp | Kind::Avif => Kind::Webp,
            Kind::Gif | Kind::Svg => return,
        };
        self.working.set(Some("Shrinking…".into()));
        leptos::task::spawn_local(async move {
            let result = self.shrunk(&path, &image, kind, out, max_width).await;
            self.working.set(None);
            match result {
                Ok(Some(change)) => self.state.apply(change),
                Ok(None) => {}
                Err(why) => self.state.notice.set(crate::notices::problem(format!(
                    "The image was not shrunk: {why}."
                ))),
            }
        });
    }

    async fn shrunk(
        self,
        path: &str,
        image: &StoredImage,
        kind: Kind,
        out: Kind,
        max_width: u32,
    ) -> Result<Option<quire_core::Change>, String> {
        let blob = browser::images::get(&image.sha256, kind.mime())
            .await
            .map_err(|e| e.to_string())?
            .ok_or("it is not stored in this browser")?;
        let bytes = browser::images::shrink(&blob, max_width, out.mime())
            .await
            .map_err(|e| e.to_string())?;
        let sniffed = images::sniff(&bytes).map_err(|e| e.to_string())?;
        let sha256 = images::sha256_hex(&bytes);
        browser::images::put(&sha256, &bytes)
            .await
            .map_err(|e| e.to_string())?;
        let new_path = images::shrunk_path(path, sniffed.width, out.ext());
        let shrunk = StoredImage {
            sha256: sha256.clone(),
            bytes: bytes.len() as u64,
            width: sniffed.width,
            height: sniffed.height,
        };
        if let Ok(blob) = browser::images::blob(&bytes, out.mime()) {
            if let Ok(url) = browser::images::object_url(&blob) {
                self.urls.update(|u| {
                    u.insert(sha256, url);
                });
            }
        }
        self.persistence
            .learn_images(&ImageMap::from([(new_path.clone(), shrunk)]));
        Ok(self
            .state
            .source
            .with_untracked(|src| images::replace_path(src, path, &new_path)))
    }
}
