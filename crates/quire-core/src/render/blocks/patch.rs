//! The change an update makes to the list of rendered blocks, as the preview applies it.

use super::Block;

/// A change to the list of rendered blocks: replace `remove` blocks from `start` with
/// `insert`, then replace the HTML of the blocks in `replace` (indices after the splice;
/// blocks whose heading ids changed). A full render replaces everything.
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
        }
    }

    /// Whether the patch changes nothing.
    pub fn is_empty(&self) -> bool {
        self.remove == 0 && self.insert.is_empty() && self.replace.is_empty()
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
    }
}
