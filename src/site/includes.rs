//! The `_includes/` files the open post's include tags name, the `_data/` files its
//! Liquid reads (`site.data.<name>`) and the pages its `{% link %}` tags name, read from
//! the site folder once typing settles (and again when the writer comes back to the
//! page), so that the preview writes them where the post uses them, as Jekyll does.

use leptos::prelude::*;
use quire_core::render::liquid::{data_names, data_value, include_names, link_names};
use quire_core::site::SiteKind;

use super::folder::Folder;
use super::Site;

/// The longest include file read (bytes); a longer one stays a mark in the preview.
const MAX_INCLUDE: usize = 512 * 1024;

/// How many levels of include files are read (a file's includes, theirs...).
const MAX_NESTING: usize = 4;

/// The longest data file read (bytes); what a longer one would give stays Liquid.
const MAX_DATA: usize = 4 * 1024 * 1024;

/// The longest page read for its front matter (bytes); a link to a longer one stays a
/// mark.
const MAX_LINKED: usize = 4 * 1024 * 1024;

/// The kinds of data file read, in the order looked for.
const DATA_KINDS: [&str; 3] = ["yml", "yaml", "json"];

impl Site {
    /// The open Jekyll folder and the names `names_of` finds in the open post's body that
    /// are to be read: those not `known`, or all of them `again`; `None` when there are
    /// none (or no Jekyll folder is open).
    fn to_read(
        self,
        names_of: impl Fn(&str) -> Vec<String>,
        again: bool,
        known: impl Fn(&str) -> bool,
    ) -> Option<(Folder, Vec<String>)> {
        let (folder, kind) = self.connected_kind()?;
        if kind != SiteKind::Jekyll {
            return None;
        }
        let names: Vec<String> = self
            .state
            .source
            .with_untracked(|src| names_of(quire_core::split(src).body_text(src)))
            .into_iter()
            .filter(|name| again || !known(name))
            .collect();
        (!names.is_empty()).then_some((folder, names))
    }

    /// Read the include files the open post names that are not known yet (all of them
    /// again when `again`), and give them to the site settings.
    pub(super) fn find_includes(self, again: bool) {
        let Some((folder, names)) = self.to_read(include_names, again, |name| {
            self.settings.knows_include(name)
        }) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let mut read: Vec<(String, Option<String>)> = Vec::with_capacity(names.len());
            // The files those files include too, a few levels down (each file once).
            let mut level = names;
            for _ in 0..MAX_NESTING {
                let mut next = Vec::new();
                for name in level.clone() {
                    // Absent, unreadable or too long: the tag stays a mark of Liquid tags.
                    let text = match folder.read(&format!("_includes/{name}")).await {
                        Ok(Some(file)) if file.bytes.len() <= MAX_INCLUDE => {
                            Some(String::from_utf8_lossy(&file.bytes).into_owned())
                        }
                        _ => None,
                    };
                    for inner in text.as_deref().map(include_names).unwrap_or_default() {
                        let seen = read.iter().any(|(n, _)| *n == inner)
                            || level.contains(&inner)
                            || next.contains(&inner);
                        if !seen {
                            next.push(inner);
                        }
                    }
                    read.push((name, text));
                }
                level = next;
            }
            self.settings.learn_includes(read);
            // The include files may read data files the body does not.
            self.find_data(false);
        });
    }

    /// Read the data files the open post's Liquid reads (its body's and its include files')
    /// that are not known yet (all of them again when `again`), and give their values to
    /// the site settings.
    pub(super) fn find_data(self, again: bool) {
        // Those the body reads, and the include files it writes (as far as they are known).
        let names_of = |body: &str| data_names(&self.settings.with_included(body));
        let Some((folder, names)) =
            self.to_read(names_of, again, |name| self.settings.knows_data(name))
        else {
            return;
        };
        let dir = self.settings.data_dir();
        leptos::task::spawn_local(async move {
            let mut read = Vec::with_capacity(names.len());
            for name in names {
                // Absent, unreadable, too long or not YAML or JSON: its Liquid stays.
                let mut value = None;
                for ext in DATA_KINDS {
                    let file = format!("{name}.{ext}");
                    match folder.read(&format!("{dir}/{file}")).await {
                        Ok(Some(found)) if found.bytes.len() <= MAX_DATA => {
                            value = data_value(&file, &String::from_utf8_lossy(&found.bytes));
                            break;
                        }
                        Ok(Some(_)) => break,
                        _ => {}
                    }
                }
                read.push((name, value));
            }
            self.settings.learn_data(read);
        });
    }

    /// Read the pages and collection documents the open post's `{% link %}` tags name that
    /// are not known yet (all of them again when `again`), and give them to the site
    /// settings, which make their URLs.
    pub(super) fn find_linked(self, again: bool) {
        let Some((folder, names)) =
            self.to_read(link_names, again, |name| self.settings.knows_linked(name))
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            let mut read = Vec::with_capacity(names.len());
            for name in names {
                // Absent, unreadable or too long: the tag stays a mark.
                let file = self.settings.linked_file(&name);
                let text = match folder.read(&file).await {
                    Ok(Some(found)) if found.bytes.len() <= MAX_LINKED => {
                        Some(String::from_utf8_lossy(&found.bytes).into_owned())
                    }
                    _ => None,
                };
                read.push((name, text));
            }
            self.settings.learn_linked(read);
        });
    }
}
