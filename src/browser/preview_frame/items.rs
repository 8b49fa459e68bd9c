//! Typing inside a long list: the items the patch names are brought to their new HTML,
//! the rest of the list left as it is (`quire_core::render::blocks` `items.rs`).

use quire_core::render::Items;
use web_sys::Element;

use super::super::dom_morph::{morph_nodes, run};
use super::super::BrowserError;
use super::Frame;

impl Frame {
    /// Replace some of a long list's items (typing inside the list): the new items, parsed
    /// as a list of their own, are brought over the old ones, so the rest of the list is
    /// neither parsed nor compared. An error, with nothing changed, when the block's list
    /// does not hold the items the patch counts (the caller then replaces the block).
    pub(super) fn apply_items(&self, items: &Items) -> Result<(), BrowserError> {
        let mismatch = BrowserError::Unsupported("the preview list's items");
        let block = self
            .block(items.block)
            .ok_or(BrowserError::Unsupported("the preview's block"))?;
        let is_list = |e: &Element| matches!(e.tag_name().as_str(), "UL" | "OL");
        let list = block
            .first_element_child()
            .filter(|list| is_list(list) && block.child_element_count() == 1)
            .ok_or(mismatch.clone())?;
        let children = list.children();
        let last = items.from + items.remove;
        if children.length() as usize != items.before || items.remove == 0 {
            return Err(mismatch);
        }
        let (Some(first_old), Some(last_old)) = (
            children.item(items.from as u32),
            children.item(last as u32 - 1),
        ) else {
            return Err(mismatch);
        };
        let fresh = self.new_block(&items.html)?;
        let new_list = fresh
            .first_element_child()
            .filter(is_list)
            .ok_or(mismatch.clone())?;
        let news = match (
            new_list.first_element_child(),
            new_list.last_element_child(),
        ) {
            (Some(first), Some(last)) => run(&first, &last),
            _ => return Err(mismatch),
        };
        let olds = run(&first_old, &last_old);
        morph_nodes(&list, &olds, &news, last_old.next_sibling().as_ref());
        Ok(())
    }
}
