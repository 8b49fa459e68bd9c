//! What a draft carries beside its text: the stored images it uses (by site path, with
//! their SHA-256) and the site file it is linked to. Both are saved with the draft's entry
//! in the index.

use leptos::prelude::*;
use quire_core::drafts::DraftMeta;
use quire_core::images::{self, ImageMap};
use quire_core::site::SiteLink;

use super::{Persistence, SaveStatus};
use crate::state::EditorState;

impl Persistence {
    /// The stored images `text` uses, as a draft or revision records them.
    pub fn images_of(self, text: &str) -> ImageMap {
        self.known
            .with_untracked(|known| images::referenced(text, known))
    }

    /// The stored images this visit knows, by site path (tracked).
    pub fn known_images(self) -> ImageMap {
        self.known.get()
    }

    /// The stored images this visit knows, by site path.
    pub fn known_images_untracked(self) -> ImageMap {
        self.known.get_untracked()
    }

    /// The SHA-256 of the stored image at site path `path`, if the visit knows one.
    pub fn images_of_path(self, path: &str) -> Option<String> {
        self.known
            .with_untracked(|known| known.get(path).map(|i| i.sha256.clone()))
    }

    /// Learn stored images (added, or recorded by a draft or revision being opened).
    pub fn learn_images(self, found: &ImageMap) {
        let new = self.known.with_untracked(|known| {
            found
                .iter()
                .any(|(path, image)| known.get(path) != Some(image))
        });
        if new {
            self.known.update(|known| {
                known.extend(found.iter().map(|(p, i)| (p.clone(), i.clone())));
            });
        }
    }

    /// The site file the open draft is linked to (tracked).
    pub fn site_link(self) -> Option<SiteLink> {
        self.link.get()
    }

    /// The site file the open draft is linked to.
    pub fn site_link_untracked(self) -> Option<SiteLink> {
        self.link.get_untracked()
    }

    /// Link the open draft to a site file (or unlink it), and save that now.
    pub fn set_site_link(self, state: EditorState, link: Option<SiteLink>) {
        self.link.set(link);
        if self.conflict.with_untracked(Option::is_none) {
            self.status.set(SaveStatus::Pending);
            self.save_now(state);
        }
    }

    /// The stored draft linked to file `path` of site `site`, if one is.
    pub fn draft_linked_to(self, site: &str, path: &str) -> Option<String> {
        self.index.with_untracked(|index| {
            index.as_ref().and_then(|i| {
                i.drafts
                    .iter()
                    .find(|d| {
                        d.site
                            .as_ref()
                            .is_some_and(|l| l.site == site && l.path == path)
                    })
                    .map(|d| d.id.clone())
            })
        })
    }

    /// The stored drafts linked to files of site `site`.
    pub fn linked_drafts(self, site: &str) -> Vec<DraftMeta> {
        self.index.with_untracked(|index| {
            index
                .as_ref()
                .map(|i| {
                    i.drafts
                        .iter()
                        .filter(|d| d.site.as_ref().is_some_and(|l| l.site == site))
                        .cloned()
                        .collect()
                })
                .unwrap_or_default()
        })
    }
}
