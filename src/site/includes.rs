//! The `_includes/` files the open post's include tags name, read from the site folder
//! once typing settles (and again when the writer comes back to the page), so that the
//! preview writes them where the tags stand, as Jekyll does.

use leptos::prelude::*;
use quire_core::render::liquid::include_names;
use quire_core::site::SiteKind;

use super::Site;

/// The longest include file read (bytes); a longer one stays a mark in the preview.
const MAX_INCLUDE: usize = 512 * 1024;

impl Site {
    /// Read the include files the open post names that are not known yet (all of them
    /// again when `again`), and give them to the site settings.
    pub(super) fn find_includes(self, again: bool) {
        let Some((folder, kind)) = self.connected_kind() else {
            return;
        };
        if kind != SiteKind::Jekyll {
            return;
        }
        let names: Vec<String> = self
            .state
            .source
            .with_untracked(|src| include_names(quire_core::split(src).body_text(src)))
            .into_iter()
            .filter(|name| again || !self.settings.knows_include(name))
            .collect();
        if names.is_empty() {
            return;
        }
        leptos::task::spawn_local(async move {
            let mut read = Vec::with_capacity(names.len());
            for name in names {
                // Absent, unreadable or too long: the tag stays a mark of Liquid tags.
                let text = match folder.read(&format!("_includes/{name}")).await {
                    Ok(Some(file)) if file.bytes.len() <= MAX_INCLUDE => {
                        Some(String::from_utf8_lossy(&file.bytes).into_owned())
                    }
                    _ => None,
                };
                read.push((name, text));
            }
            self.settings.learn_includes(read);
        });
    }
}
