//! The site's files the open post's Liquid names, as read from the open folder: its
//! include files, its data files and the pages its `{% link %}` tags name
//! (`src/site/includes.rs` reads them; the site settings make the preview's variables of
//! them).

use leptos::prelude::*;
use quire_core::front_matter::Value;
use quire_core::render::liquid::with_included;
use quire_core::site_config;

use super::SiteSettings;

impl SiteSettings {
    /// `body` with the known include files it writes after it (each with its tag's
    /// parameters): the Liquid the post runs (`liquid::with_included`).
    pub fn with_included(self, body: &str) -> String {
        self.includes
            .with_untracked(|known| with_included(body, &known_texts(known)).into_owned())
    }

    /// Whether the include file `name` was looked for in the open folder.
    pub fn knows_include(self, name: &str) -> bool {
        knows(self.includes, name)
    }

    /// Remember include files read from the open folder (`None`: it has none of that
    /// name), replacing what was known of them; nothing changes when they are the same.
    pub fn learn_includes(self, read: Vec<(String, Option<String>)>) {
        learn(self.includes, read);
    }

    /// Forget the include files (another folder, or none, is open).
    pub fn forget_includes(self) {
        forget(self.includes);
    }

    /// Whether the data file `name` was looked for in the open folder.
    pub fn knows_data(self, name: &str) -> bool {
        knows(self.data, name)
    }

    /// Remember data files read from the open folder (`None`: it has none of that name,
    /// or it does not parse), as [`SiteSettings::learn_includes`] does include files.
    pub fn learn_data(self, read: Vec<(String, Option<Value>)>) {
        learn(self.data, read);
    }

    /// Forget the data files (another folder, or none, is open).
    pub fn forget_data(self) {
        forget(self.data);
    }

    /// Whether the page or document `path` a link tag names was looked for in the open
    /// folder.
    pub fn knows_linked(self, path: &str) -> bool {
        knows(self.linked, path)
    }

    /// Remember pages read from the open folder (`None`: it has no such file), as
    /// [`SiteSettings::learn_includes`] does include files.
    pub fn learn_linked(self, read: Vec<(String, Option<String>)>) {
        learn(self.linked, read);
    }

    /// Forget the linked pages (another folder, or none, is open).
    pub fn forget_linked(self) {
        forget(self.linked);
    }

    /// The file a `{% link %}` tag's `path` names, from the site's root (a collection's
    /// document lies in the config's collections folder).
    pub fn linked_file(self, path: &str) -> String {
        self.loaded.with_untracked(|l| match l {
            Some(l) => site_config::linked_file(&l.config, path),
            None => path.trim_start_matches('/').to_string(),
        })
    }

    /// The folder of the open site's data files (its config's `data_dir`, else `_data`).
    pub fn data_dir(self) -> String {
        self.loaded.with_untracked(|l| match l {
            Some(l) if l.from_folder => l.config.data_dir.clone(),
            _ => "_data".to_string(),
        })
    }
}

/// Files read from the open folder, by name (`None`: looked for and not there).
type Read<T> = RwSignal<Vec<(String, Option<T>)>>;

/// Whether the file `name` was looked for.
fn knows<T: Send + Sync + 'static>(store: Read<T>, name: &str) -> bool {
    store.with_untracked(|known| known.iter().any(|(n, _)| n == name))
}

/// Remember files read, replacing what was known of them; nothing changes (nothing that
/// reads the store runs again) when they are the same.
fn learn<T: PartialEq + Send + Sync + 'static>(store: Read<T>, read: Vec<(String, Option<T>)>) {
    let changed = store.with_untracked(|known| {
        read.iter()
            .any(|(name, value)| !known.iter().any(|(n, v)| n == name && v == value))
    });
    if changed {
        store.update(|known| {
            for (name, value) in read {
                known.retain(|(n, _)| *n != name);
                known.push((name, value));
            }
        });
    }
}

/// Forget every file read.
fn forget<T: Send + Sync + 'static>(store: Read<T>) {
    if store.with_untracked(|known| !known.is_empty()) {
        store.set(Vec::new());
    }
}

/// The include files found, with their texts (those the folder lacks left out).
pub(super) fn known_texts(known: &[(String, Option<String>)]) -> Vec<(String, String)> {
    known
        .iter()
        .filter_map(|(name, text)| Some((name.clone(), text.clone()?)))
        .collect()
}
