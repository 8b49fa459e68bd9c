//! An update's window: the blocks around an edit parsed again, kept only when the block
//! after them comes out as before and the definitions and notes around them still hold.

use super::parse::{parse, IAL_BLOCK};
use super::stand_ins::{cited, same_labels, stand_ins};
use super::{Block, BlockRenderer, Definition, Patch};
use crate::render::{jekyll, liquid};

impl BlockRenderer {
    /// Re-render blocks `first..next` of the old body from `body`, anchored on old block
    /// `next` (which must come out unchanged), or to the end when `next` is past the last
    /// block. `None` when the anchor moved or the definitions need a full render; `whole`
    /// is set when no wider window would do (the notes defined changed).
    pub(super) fn try_window(
        &mut self,
        body: &str,
        first: usize,
        next: usize,
        delta: isize,
        highlights: Option<&[liquid::HighlightLine]>,
        whole: &mut bool,
    ) -> Option<Patch> {
        let start = if first == 0 {
            0
        } else {
            self.blocks[first].start
        };
        let to_end = next >= self.blocks.len();
        let (anchor_new, check_end) = if to_end {
            (body.len(), body.len())
        } else {
            let anchor = shift(self.blocks[next].start, delta)?;
            let after = match self.blocks.get(next + 1) {
                Some(b) => shift(b.start, delta)?,
                None => body.len(),
            };
            (anchor, after)
        };
        if anchor_new < start || check_end > body.len() || !body.is_char_boundary(check_end) {
            return None;
        }
        // A `{% highlight %}` pair is written as a fence, depending on the text before it
        // (a fence or `{% raw %}` around it, its other tag): the stretch must see the same
        // pairs as the whole body.
        if highlights.is_some_and(|lines| !liquid::same_alone(lines, body, start..check_end)) {
            return None;
        }
        let outside = self.definitions_outside(start, self.old_window_end(next));
        let markdown: String = outside.iter().map(|d| d.markdown.as_str()).collect();
        // The notes defined outside the stretch (before it, or after its anchor), written
        // before it as stand-ins so that its references to them are read as references.
        let stretch = &body[start..check_end];
        let elsewhere = self.blocks[..first].iter().chain(
            self.blocks
                .get(next.saturating_add(1)..)
                .unwrap_or_default(),
        );
        let stubs = cited(elsewhere.filter_map(Block::note_label), stretch);
        let mut parsed = if stubs.is_empty() {
            parse(stretch, Some(&markdown), &self.settings)
        } else {
            stand_ins(&stubs, stretch, &markdown, &self.settings)?
        };
        if parsed.whole {
            return None;
        }
        // A fence the stretch leaves unclosed must be unclosed in the whole body (no line
        // after the stretch closes it), and a fence unclosed above the stretch must stay
        // so (no line in it may close one).
        if (!parsed.unclosed.is_empty() && jekyll::closes_a_fence(&body[check_end..]))
            || (self.unclosed_at.first().is_some_and(|&at| at < start)
                && jekyll::closes_a_fence(stretch))
        {
            return None;
        }
        if !to_end {
            // The anchor block must be parsed exactly as before.
            let anchor = parsed.blocks.pop()?;
            let old = &self.blocks[next];
            // An attribute list's meaning depends on its neighbours, and a block written
            // as part of the one before it (empty) may be taken by more than the stretch
            // holds: never an anchor.
            // Nor is a block with an attribute list under it: which block the list is
            // for depends on the lists above (the first for a block counts).
            let listed = self
                .blocks
                .get(next + 1)
                .is_some_and(|b| b.template == IAL_BLOCK);
            if old.template == IAL_BLOCK
                || listed
                || old.is_continuation()
                || anchor.is_continuation()
                || anchor.start + start != anchor_new
                || anchor.template != old.template
                || anchor.base_ids != old.base_ids
                || anchor.refs != old.refs
                || anchor.note != old.note
            {
                return None;
            }
        }
        // Definitions: the window's must be the ones it had, and none may clash with one
        // made outside it.
        let old_end = self.old_window_end(next);
        let before: Vec<(&str, &str)> = self
            .definitions
            .iter()
            .filter(|d| d.start >= start && d.start < old_end)
            .map(|d| (d.label.as_str(), d.markdown.as_str()))
            .collect();
        // A definition parsed after the anchor (between it and the block after it) resolved
        // the window's links too: it must be one already known there. (The parser keeps
        // only the first of two same-labelled definitions, so a later one is never known.)
        let known_after_anchor = parsed
            .definitions
            .iter()
            .filter(|d| d.start + start >= anchor_new)
            .all(|d| {
                let old_start = (d.start + start) as isize - delta;
                outside
                    .iter()
                    .any(|o| o.label == d.label && o.start as isize == old_start)
            });
        if !known_after_anchor {
            return None;
        }
        let window_defs: Vec<Definition> = parsed
            .definitions
            .into_iter()
            .filter(|d| d.start + start < anchor_new)
            .collect();
        let after: Vec<(&str, &str)> = window_defs
            .iter()
            .map(|d| (d.label.as_str(), d.markdown.as_str()))
            .collect();
        if before != after
            || window_defs
                .iter()
                .any(|d| outside.iter().any(|o| o.label == d.label))
        {
            return None;
        }
        let end_block = next.min(self.blocks.len());
        let inserted: Vec<Block> = parsed
            .blocks
            .into_iter()
            .map(|b| Block {
                start: b.start + start,
                ..b
            })
            .collect();
        // The notes defined must be the same labels across the body: whether a reference
        // outside the stretch is one depends on them.
        let old_notes = self.blocks[first..end_block]
            .iter()
            .filter_map(Block::note_label);
        if !old_notes.eq(inserted.iter().filter_map(Block::note_label))
            && !same_labels(&self.blocks, first..end_block, &inserted)
        {
            *whole = true;
            return None;
        }
        // Shift what follows, then splice.
        for block in &mut self.blocks[end_block..] {
            block.start = shift(block.start, delta)?;
        }
        let count = inserted.len();
        self.last_reparsed = count;
        // The window's headings as they were: the ids elsewhere stay as they are (and the
        // new blocks take the old ids in order) unless their base ids changed.
        let same_headings = self.blocks[first..end_block]
            .iter()
            .flat_map(|b| &b.base_ids)
            .eq(inserted.iter().flat_map(|b| &b.base_ids));
        let old_ids: Vec<String> = if same_headings {
            self.blocks[first..end_block]
                .iter()
                .flat_map(|b| b.ids.iter().cloned())
                .collect()
        } else {
            Vec::new()
        };
        let old_html: Vec<String> = self
            .blocks
            .splice(first..end_block, inserted)
            .map(|b| b.html)
            .collect();
        let fresh = first..first + count;
        let reuse = (same_headings && !self.blocks.iter().any(|b| b.toc)).then_some(old_ids);
        let replace = self.finish(fresh.clone(), reuse);
        let patch = Patch::trimmed(first, &old_html, &self.blocks[fresh], replace);
        let mut definitions: Vec<Definition> = Vec::with_capacity(self.definitions.len());
        for d in self.definitions.drain(..) {
            if d.start < start {
                definitions.push(d);
            } else if d.start >= old_end {
                definitions.push(Definition {
                    start: shift(d.start, delta)?,
                    ..d
                });
            }
        }
        definitions.extend(window_defs.into_iter().map(|d| Definition {
            start: d.start + start,
            ..d
        }));
        definitions.sort_by_key(|d| d.start);
        self.definitions = definitions;
        let mut unclosed_at = Vec::with_capacity(self.unclosed_at.len());
        for &at in &self.unclosed_at {
            if at < start {
                unclosed_at.push(at);
            } else if at >= old_end {
                unclosed_at.push(shift(at, delta)?);
            }
        }
        unclosed_at.extend(
            parsed
                .unclosed
                .iter()
                .map(|at| at + start)
                .filter(|&at| at < anchor_new),
        );
        unclosed_at.sort_unstable();
        self.unclosed_at = unclosed_at;
        self.keep_body(body);
        if let Some(lines) = highlights {
            self.highlights = lines.to_vec();
        }
        Some(patch)
    }

    /// Where the old window ending before block `next` ends in the old body.
    fn old_window_end(&self, next: usize) -> usize {
        self.blocks.get(next).map_or(self.body.len(), |b| b.start)
    }

    fn definitions_outside(&self, start: usize, end: usize) -> Vec<Definition> {
        self.definitions
            .iter()
            .filter(|d| d.start < start || d.start >= end)
            .cloned()
            .collect()
    }
}

pub(super) fn shift(offset: usize, delta: isize) -> Option<usize> {
    offset.checked_add_signed(delta)
}
