//! The body as a list of top-level blocks, each with its source start and its HTML, kept
//! up to date by re-parsing only the blocks around an edit.
//!
//! CommonMark is nearly local: a top-level block is parsed from the state left by the
//! blocks before it. After an edit, the blocks from the one before the edit to the one
//! after it are parsed again; the result is used only when the first untouched block after
//! the window comes out of the new parse exactly as before (same start, same HTML), so a
//! fence or list that now swallows what follows widens the window instead of going wrong.
//! Link reference definitions made elsewhere are handed to the window's parser, and so are
//! the footnotes defined elsewhere (as stand-in definitions before the window's text,
//! `stand_ins.rs`).
//! What belongs to the whole body is filled in after each change (`fill.rs`): heading ids,
//! footnote numbers and the list of notes (Jekyll flavour), tables of contents. The other flavours'
//! footnotes, kramdown's pairing constructs (`{::comment}` markers, abbreviations, block
//! HTML holding a blank line), duplicate definitions, changed definitions, or a change to
//! the set of footnotes defined fall back to a full render. A property test checks that
//! every update equals a full render.

use super::Settings;

mod fill;
mod parse;
mod stand_ins;
use crate::edit::common_ends;
use parse::{after_blank_line, parse, IAL_BLOCK};
use stand_ins::{cited, same_labels, stand_ins};

/// One top-level block of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Byte offset of the start of the line where the block begins.
    pub start: usize,
    /// The block's HTML, exactly the part of a full render that belongs to it.
    pub html: String,
    /// The HTML with each auto heading id as [`ID_MARK`].
    template: String,
    /// The auto ids of its headings before de-duplication across the body.
    base_ids: Vec<String>,
    /// The ids filled in, after de-duplication.
    ids: Vec<String>,
    /// Whether the template holds a table of contents (`{:toc}`) to fill.
    toc: bool,
    /// Footnotes (Jekyll flavour): the labels of its references, each a
    /// [`NOTE_MARK`](super::jekyll::NOTE_MARK) in the template.
    refs: Vec<String>,
    /// The references' HTML as filled in (numbered across the body).
    ref_html: Vec<String>,
    /// The footnote it defines (label, content HTML with its headings' ids as marks); the
    /// block itself shows nothing.
    note: Option<(String, String)>,
    /// Whether the body's list of notes is added to its HTML (the last block's).
    holds_list: bool,
}

impl Block {
    /// Written as part of the block before it (a bullet list kramdown reads as more of the
    /// list above, past blank lines): it shows nothing and defines no note.
    fn is_continuation(&self) -> bool {
        self.template.is_empty() && self.note.is_none()
    }

    /// The label of the note it defines.
    fn note_label(&self) -> Option<&str> {
        self.note.as_ref().map(|(label, _)| label.as_str())
    }
}

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
    fn trimmed(
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

/// A link reference definition found in the body.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Definition {
    /// Byte offset in the body where it starts.
    start: usize,
    /// Its label, lowercased (for spotting duplicates).
    label: String,
    /// The definition written back as Markdown, for the parser of a window.
    markdown: String,
}

/// What one parse of a stretch of the body gave.
struct Parsed {
    /// Blocks with starts relative to the parsed text.
    blocks: Vec<Block>,
    /// Definitions with starts relative to the parsed text.
    definitions: Vec<Definition>,
    /// Footnotes, or (Jekyll flavour) kramdown's extension markers, abbreviations or block
    /// HTML holding a blank line are in it: a stretch of the body parsed on its own may not
    /// come out as in the whole, which is then rendered whole.
    whole: bool,
}

/// The rendered body, block by block, updated by [`BlockRenderer::update`].
#[derive(Debug, Clone, Default)]
pub struct BlockRenderer {
    settings: Settings,
    body: String,
    blocks: Vec<Block>,
    definitions: Vec<Definition>,
    /// The body is rendered whole on every change ([`Parsed`]'s `whole`).
    whole: bool,
    /// Jekyll flavour: the body's `{% highlight %}` tag lines and the fences they are
    /// parsed as.
    highlights: Vec<super::liquid::HighlightLine>,
    /// The list of notes added to the last block (Jekyll flavour; empty when none).
    notes_list: String,
    /// The table of contents filled into the blocks that hold one.
    toc: String,
    /// How many blocks the last update parsed again (for the bench and tests).
    last_reparsed: usize,
}

impl BlockRenderer {
    /// Render `body` in full, in the default flavour.
    pub fn new(body: &str) -> BlockRenderer {
        BlockRenderer::with_settings(body, Settings::default())
    }

    /// Render `body` in full with `settings`.
    pub fn with_settings(body: &str, settings: Settings) -> BlockRenderer {
        let mut renderer = BlockRenderer {
            settings,
            ..BlockRenderer::default()
        };
        renderer.render_full(body);
        renderer
    }

    /// An empty renderer (no body yet) with `settings`.
    pub fn empty(settings: Settings) -> BlockRenderer {
        BlockRenderer {
            settings,
            ..BlockRenderer::default()
        }
    }

    /// The flavour and site URL in use.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The blocks, in order.
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// The body the blocks were rendered from.
    pub fn body(&self) -> &str {
        &self.body
    }

    /// The whole HTML: the blocks' HTML in order.
    pub fn html(&self) -> String {
        self.blocks.iter().map(|b| b.html.as_str()).collect()
    }

    /// How many blocks the last update rendered again.
    pub fn last_reparsed(&self) -> usize {
        self.last_reparsed
    }

    /// Index of the block holding byte `offset` of the body (the last block starting at or
    /// before it; the first block for text before it).
    pub fn block_at(&self, offset: usize) -> Option<usize> {
        if self.blocks.is_empty() {
            return None;
        }
        let after = self.blocks.partition_point(|b| b.start <= offset);
        Some(after.saturating_sub(1))
    }

    /// Bring the blocks up to date with `body`; returns what changed.
    pub fn update(&mut self, body: &str) -> Patch {
        if body == self.body {
            self.last_reparsed = 0;
            return Patch::default();
        }
        if self.whole || self.blocks.is_empty() {
            return self.render_full(body);
        }
        let (prefix, suffix) = common_ends(&self.body, body);
        let old_end = self.body.len() - suffix;
        // Block HTML holding a blank line pairs tags across blocks: such a body is
        // rendered whole (see `jekyll/html_blocks.rs`).
        if self.settings.flavour == super::Flavour::Jekyll
            && super::jekyll::edit_may_open_region(
                body,
                prefix,
                body.len() - suffix,
                &self.body[prefix..old_end],
            )
            && (!super::jekyll::raw_regions(body).is_empty()
                || !super::jekyll::math_regions(body).is_empty())
        {
            return self.render_full(body);
        }
        // A `$$` math block kramdown reads across lines CommonMark reads as other blocks:
        // an edit between blank lines around a `$$` may make or unmake one (only then is
        // the body searched for one).
        if self.settings.flavour == super::Flavour::Jekyll {
            let from = body[..prefix].rfind("\n\n").map_or(0, |i| i + 1);
            let to = body[body.len() - suffix..]
                .find("\n\n")
                .map_or(body.len(), |i| body.len() - suffix + i);
            if body[from..to.max(from)].contains("$$")
                && !super::jekyll::math_regions(body).is_empty()
            {
                return self.render_full(body);
            }
        }
        // `{% raw %}` and `{% highlight %}` pair with their end tags, blocks away: an edit
        // of such a tag is rendered whole.
        if self.settings.flavour == super::Flavour::Jekyll
            && (super::liquid::holds_pairing_tag(&self.body, prefix, old_end)
                || super::liquid::holds_pairing_tag(body, prefix, body.len() - suffix))
        {
            return self.render_full(body);
        }
        let delta = body.len() as isize - self.body.len() as isize;
        // An edit may pair `{% highlight %}` tags anew far from it (or stop pairing them):
        // the fences they are written as must be the same outside the edit.
        let highlights = if self.settings.flavour == super::Flavour::Jekyll
            && (!self.highlights.is_empty() || super::liquid::may_highlight(body))
        {
            let new = super::liquid::highlight_lines(body);
            let edit = prefix..old_end;
            if !super::liquid::same_outside(&self.highlights, &new, edit, body.len() - suffix) {
                return self.render_full(body);
            }
            Some(new)
        } else {
            None
        };
        let mut first = self.block_at(prefix).unwrap_or(0).saturating_sub(1);
        // Start where a parse starts clean: after a blank line. (A link definition right
        // above a paragraph is folded into it, so the paragraph's own line is no start.)
        // An attribute list on its own line sets the attributes of the block after it, a
        // definition list goes on past a blank line with the next term and definition, and
        // a block written as part of the one before it (empty: a bullet list kramdown reads
        // as more of the list above, past blank lines) is no start.
        while first > 0
            && (!after_blank_line(&self.body, self.blocks[first].start)
                || self.blocks[first].is_continuation()
                || self.blocks[first - 1].template == IAL_BLOCK
                || self.blocks[first - 1].template.starts_with("<dl>"))
        {
            first -= 1;
        }
        let last = self.block_at(old_end).unwrap_or(0);
        // Try the block after the edit as the anchor, then the one after that; past that,
        // parse to the end (an unclosed fence or HTML block swallows the rest anyway).
        let mut whole = false;
        for next in [last + 1, last + 2, usize::MAX] {
            let lines = highlights.as_deref();
            if let Some(patch) = self.try_window(body, first, next, delta, lines, &mut whole) {
                return patch;
            }
            if whole {
                break;
            }
        }
        self.render_full(body)
    }

    /// Parse the whole body; the patch still leaves out the blocks at either end whose HTML
    /// is unchanged (a body with footnotes is parsed whole on every change, and the preview
    /// then keeps all but the edited block's element).
    fn render_full(&mut self, body: &str) -> Patch {
        let parsed = parse(body, None, &self.settings);
        let old: Vec<String> = self.blocks.drain(..).map(|b| b.html).collect();
        self.body = body.to_string();
        self.blocks = parsed.blocks;
        self.definitions = parsed.definitions;
        self.whole = parsed.whole;
        self.highlights = if self.settings.flavour == super::Flavour::Jekyll {
            super::liquid::highlight_lines(body)
        } else {
            Vec::new()
        };
        self.last_reparsed = self.blocks.len();
        self.finish(0..self.blocks.len(), None);
        Patch::trimmed(0, &old, &self.blocks, Vec::new())
    }

    /// Re-render blocks `first..next` of the old body from `body`, anchored on old block
    /// `next` (which must come out unchanged), or to the end when `next` is past the last
    /// block. `None` when the anchor moved or the definitions need a full render; `whole`
    /// is set when no wider window would do (the notes defined changed).
    fn try_window(
        &mut self,
        body: &str,
        first: usize,
        next: usize,
        delta: isize,
        highlights: Option<&[super::liquid::HighlightLine]>,
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
        if highlights.is_some_and(|lines| !super::liquid::same_alone(lines, body, start..check_end))
        {
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
        self.body = body.to_string();
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

fn shift(offset: usize, delta: isize) -> Option<usize> {
    offset.checked_add_signed(delta)
}

#[cfg(test)]
mod tests;
