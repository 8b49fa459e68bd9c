//! Attribute lists standing as blocks of their own (`{: .note}` on its own line): each
//! given to the block kramdown gives it.

use pulldown_cmark::{CowStr, Event};

use super::super::super::jekyll;
use super::{after_blank_line, line_start, Group, IAL_BLOCK};

/// Take the blocks that are only attribute lists out of `groups` (each left as
/// [`IAL_BLOCK`]): right under a block, the list is that block's; otherwise the next
/// one's. Returns each block's lists (with the one `regroup.rs` found for it), and whether
/// the body is to be rendered whole (a list first in it, which only a whole render knows).
pub(super) fn block_ials(text: &str, groups: &mut [Group<'_>]) -> (Vec<Option<jekyll::Ial>>, bool) {
    let mut whole = false;
    let mut ials: Vec<Option<jekyll::Ial>> = groups.iter_mut().map(|g| g.ial.take()).collect();
    let mut targets = Vec::new();
    for k in 0..groups.len() {
        if let Some(ial) = jekyll::ial_only(&mut groups[k].events) {
            groups[k].events = vec![Event::Html(CowStr::Borrowed(IAL_BLOCK))];
            let from = line_start(text, groups[k].start);
            // First in the body (blank lines before it or not) with a blank line
            // under it, it is no block's (as Jekyll 4.3.1 writes it). Only a whole
            // render knows where the body starts.
            if text[..from].trim().is_empty() {
                whole = true;
                let next = groups.get(k + 1).map(|g| line_start(text, g.start));
                if next.is_some_and(|next| after_blank_line(text, next)) {
                    continue;
                }
            }
            // Right under a block, it is that block's; otherwise the next one's.
            let under_previous = k > 0 && !after_blank_line(text, from);
            targets.push((
                if under_previous { k - 1 } else { k + 1 },
                ial,
                under_previous,
            ));
        }
    }
    // A block with a list before it and one under it (`{: .x}`, `* TOC`, `{:toc}`)
    // has both.
    for (target, ial, under) in targets {
        if let Some(slot) = ials.get_mut(target) {
            *slot = Some(match slot.take() {
                None => ial,
                Some(had) if under => jekyll::Ial::together(had, ial),
                Some(had) => jekyll::Ial::together(ial, had),
            });
        }
    }
    (ials, whole)
}
