//! The change an update makes to the list of rendered blocks, as the preview applies it.

use super::Block;

/// A change to the list of rendered blocks: replace `remove` blocks from `start` with
/// `insert`, then replace the HTML of the blocks in `replace` (indices after the splice;
/// blocks whose heading ids changed), or change some of one list block's items (`items`).
/// A full render replaces everything.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Patch {
    /// Index of the first block replaced.
    pub start: usize,
    /// How many of the old blocks go.
    pub remove: usize,
    /// The HTML of the blocks put in their place, in order.
    pub insert: Vec<String>,
    /// Other blocks whose HTML changed: (index, HTML).
    pub replace: Vec<(usize, String)>,
    /// Items of a long list changed, and nothing else (`items.rs`).
    pub items: Option<Items>,
}

/// Items of the list that block `block` holds (its one top-level element) replaced: its
/// top-level items `from..from + remove` (of `before`) give way to the items of `html`, a
/// list of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Items {
    /// The block's index.
    pub block: usize,
    /// The first item replaced (counted from 0 in the block's list).
    pub from: usize,
    /// How many items are replaced.
    pub remove: usize,
    /// How many items the list had.
    pub before: usize,
    /// The new items, as a list of their own (the list's opening and closing tags around
    /// them).
    pub html: String,
    /// Where the items are in `html`.
    pub inner: core::ops::Range<usize>,
    /// The part of the block's old HTML the items replace.
    pub replaced: core::ops::Range<usize>,
}

impl Items {
    /// The new items' HTML.
    pub fn items_html(&self) -> &str {
        &self.html[self.inner.clone()]
    }
}

impl Patch {
    /// The patch replacing the blocks whose HTML was `old` (from index `start`) with
    /// `new`, leaving out the blocks at either end whose HTML is unchanged (so the preview
    /// keeps their elements).
    pub(super) fn trimmed(
        start: usize,
        old: &[String],
        new: &[Block],
        replace: Vec<(usize, String)>,
    ) -> Patch {
        let same = |(o, n): (&String, &Block)| *o == n.html;
        let head = old.iter().zip(new).take_while(|&p| same(p)).count();
        let tail = old[head..]
            .iter()
            .rev()
            .zip(new[head..].iter().rev())
            .take_while(|&p| same(p))
            .count();
        Patch {
            start: start + head,
            remove: old.len() - head - tail,
            insert: new[head..new.len() - tail]
                .iter()
                .map(|b| b.html.clone())
                .collect(),
            replace,
            items: None,
        }
    }

    /// Whether the patch changes nothing.
    pub fn is_empty(&self) -> bool {
        self.remove == 0
            && self.insert.is_empty()
            && self.replace.is_empty()
            && self.items.is_none()
    }

    /// The same change with a list's changed items given as the whole block's new HTML
    /// (taken from `blocks`, the renderer's blocks after the update).
    pub fn whole_blocks(&self, blocks: &[Block]) -> Patch {
        match &self.items {
            Some(items) => Patch {
                start: items.block,
                remove: 1,
                insert: blocks
                    .get(items.block)
                    .map(|b| vec![b.html.clone()])
                    .unwrap_or_default(),
                ..Patch::default()
            },
            None => self.clone(),
        }
    }

    /// Apply the patch to a list of block HTML, as the preview does to its DOM.
    pub fn apply_to(&self, list: &mut Vec<String>) {
        let end = (self.start + self.remove).min(list.len());
        list.splice(self.start.min(end)..end, self.insert.iter().cloned());
        for (index, html) in &self.replace {
            if let Some(slot) = list.get_mut(*index) {
                slot.clone_from(html);
            }
        }
        if let Some(items) = &self.items {
            if let Some(slot) = list.get_mut(items.block) {
                slot.replace_range(items.replaced.clone(), items.items_html());
            }
        }
    }
}
