//! The body as a list of top-level blocks, each with its source start and its HTML, kept
//! up to date by re-parsing only the blocks around an edit.
//!
//! CommonMark is nearly local: a top-level block is parsed from the state left by the
//! blocks before it. After an edit, the blocks from the one before the edit to the one
//! after it are parsed again; the result is used only when the first untouched block after
//! the window comes out of the new parse exactly as before (same start, same HTML), so a
//! fence or list that now swallows what follows widens the window instead of going wrong.
//! Link reference definitions made elsewhere are handed to the window's parser, and so are
//! the footnotes defined elsewhere (as stand-in definitions after the window's text).
//! What belongs to the whole body is filled in after each change: heading ids, footnote
//! numbers and the list of notes (Jekyll flavour), tables of contents. The other flavours'
//! footnotes, kramdown's pairing constructs (`{::comment}` markers, abbreviations, block
//! HTML holding a blank line), duplicate definitions, changed definitions, or a change to
//! the set of footnotes defined fall back to a full render. A property test checks that
//! every update equals a full render.

use super::Settings;

mod parse;
use crate::edit::common_ends;
use parse::{after_blank_line, fill_marks, parse, IAL_BLOCK};

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
            && !super::jekyll::raw_regions(body).is_empty()
        {
            return self.render_full(body);
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

    /// After the blocks `fresh` were put in: fill in what belongs to the whole body (heading
    /// ids, footnotes, tables of contents), set the fresh blocks' HTML, and return the other
    /// blocks whose HTML changed. `reuse` holds the ids the window had, when its headings
    /// have the same base ids (the ids elsewhere are then unchanged).
    fn finish(
        &mut self,
        fresh: core::ops::Range<usize>,
        reuse: Option<Vec<String>>,
    ) -> Vec<(usize, String)> {
        // Which blocks outside `fresh` need their HTML set again.
        let mut dirty = vec![false; self.blocks.len()];
        match reuse {
            Some(ids) => self.reuse_ids(fresh.clone(), ids),
            None => self.assign_ids(&fresh, &mut dirty),
        }
        self.fill_notes(&fresh, &mut dirty);
        for (index, &again) in dirty.iter().enumerate() {
            if again || fresh.contains(&index) {
                self.compose(index);
            }
        }
        self.fill_tocs(&fresh, &mut dirty);
        (0..self.blocks.len())
            .filter(|&index| dirty[index])
            .map(|index| (index, self.blocks[index].html.clone()))
            .collect()
    }

    /// Set block `index`'s HTML from its template and what is filled in.
    fn compose(&mut self, index: usize) {
        let block = &mut self.blocks[index];
        let mut html = if block.ids.is_empty() && block.ref_html.is_empty() {
            block.template.clone()
        } else {
            fill_marks(&block.template, &block.ids, &block.ref_html)
        };
        if block.toc {
            html = html.replace(super::jekyll::TOC_MARK, &self.toc);
        }
        if block.holds_list {
            html.push_str(&self.notes_list);
        }
        block.html = html;
    }

    /// Number the auto heading ids across the body as kramdown does (`x`, `x-1`, `x-2`);
    /// the blocks outside `fresh` whose ids changed are `dirty`.
    fn assign_ids(&mut self, fresh: &core::ops::Range<usize>, dirty: &mut [bool]) {
        let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (index, block) in self.blocks.iter_mut().enumerate() {
            let ids: Vec<String> = block
                .base_ids
                .iter()
                .map(|base| {
                    let count = seen.entry(base.as_str()).or_insert(0);
                    let id = if *count == 0 {
                        base.clone()
                    } else {
                        format!("{base}-{count}")
                    };
                    *count += 1;
                    id
                })
                .collect();
            if ids != block.ids {
                block.ids = ids;
                if !fresh.contains(&index) {
                    dirty[index] = true;
                }
            }
        }
    }

    /// Give the blocks `fresh` the ids `ids` in order (the ids their window had, whose
    /// headings had the same base ids).
    fn reuse_ids(&mut self, fresh: core::ops::Range<usize>, ids: Vec<String>) {
        let mut ids = ids.into_iter();
        for block in &mut self.blocks[fresh] {
            block.ids = ids.by_ref().take(block.base_ids.len()).collect();
        }
    }

    /// Number the footnote references across the body in the order the notes are first
    /// referred to (the first definition of a label counts), and build the list of notes
    /// for the last block; the blocks outside `fresh` whose HTML this changes are `dirty`.
    fn fill_notes(&mut self, fresh: &core::ops::Range<usize>, dirty: &mut [bool]) {
        let in_use = !self.notes_list.is_empty()
            || self
                .blocks
                .iter()
                .any(|b| !b.refs.is_empty() || b.note.is_some());
        if !in_use {
            return;
        }
        // The references' HTML where it changed, and the list of notes.
        let (fills, list) = {
            let mut defined: std::collections::HashMap<&str, usize> =
                std::collections::HashMap::new();
            for (index, block) in self.blocks.iter().enumerate() {
                if let Some(label) = block.note_label() {
                    defined.entry(label).or_insert(index);
                }
            }
            // (label, references) in the order of the first reference.
            let mut order: Vec<(&str, usize)> = Vec::new();
            let mut number: std::collections::HashMap<&str, usize> =
                std::collections::HashMap::new();
            let mut fills: Vec<(usize, Vec<String>)> = Vec::new();
            for (index, block) in self.blocks.iter().enumerate() {
                if block.refs.is_empty() {
                    continue;
                }
                let html: Vec<String> = block
                    .refs
                    .iter()
                    .map(|label| {
                        if !defined.contains_key(label.as_str()) {
                            return super::jekyll::note_reference(label, None);
                        }
                        let k = *number.entry(label).or_insert_with(|| {
                            order.push((label, 0));
                            order.len() - 1
                        });
                        order[k].1 += 1;
                        super::jekyll::note_reference(label, Some((k + 1, order[k].1 - 1)))
                    })
                    .collect();
                if html != block.ref_html {
                    fills.push((index, html));
                }
            }
            let blocks = &self.blocks;
            let list = super::jekyll::notes_list(order.iter().filter_map(|&(label, count)| {
                let block = &blocks[*defined.get(label)?];
                let (_, content) = block.note.as_ref()?;
                Some((label, count, fill_marks(content, &block.ids, &[])))
            }));
            (fills, list)
        };
        for (index, html) in fills {
            self.blocks[index].ref_html = html;
            if !fresh.contains(&index) {
                dirty[index] = true;
            }
        }
        let changed = list != self.notes_list;
        self.notes_list = list;
        let holder = (!self.notes_list.is_empty())
            .then(|| self.blocks.len().checked_sub(1))
            .flatten();
        for (index, block) in self.blocks.iter_mut().enumerate() {
            let holds = holder == Some(index);
            if (block.holds_list != holds || (holds && changed)) && !fresh.contains(&index) {
                dirty[index] = true;
            }
            block.holds_list = holds;
        }
    }

    /// Fill each table of contents (`{:toc}`) with the body's headings; the blocks outside
    /// `fresh` whose HTML changed are `dirty`.
    fn fill_tocs(&mut self, fresh: &core::ops::Range<usize>, dirty: &mut [bool]) {
        if !self.blocks.iter().any(|b| b.toc) {
            return;
        }
        let body: String = self.blocks.iter().map(|b| b.html.as_str()).collect();
        self.toc = super::jekyll::toc(&body, &self.settings.site.markdown.toc_levels);
        for (index, again) in dirty.iter_mut().enumerate() {
            if !self.blocks[index].toc {
                continue;
            }
            let before = std::mem::take(&mut self.blocks[index].html);
            self.compose(index);
            if self.blocks[index].html != before && !fresh.contains(&index) {
                *again = true;
            }
        }
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

/// Parse `stretch` after stand-in definitions of the notes `labels` (closed by a rule and a
/// blank line, so the stretch starts as after a blank line at the top level), and take the
/// stand-ins out again. `None` when they did not come out as written.
fn stand_ins(
    labels: &[&str],
    stretch: &str,
    definitions: &str,
    settings: &Settings,
) -> Option<Parsed> {
    let mut text = String::with_capacity(stretch.len() + 16 * labels.len() + 5);
    for label in labels {
        text.push_str(&format!("[^{label}]: .\n\n"));
    }
    let rule = text.len();
    text.push_str("***\n\n");
    let skip = text.len();
    text.push_str(stretch);
    let mut parsed = parse(&text, Some(definitions), settings);
    if parsed.blocks.len() <= labels.len() {
        return None;
    }
    let head: Vec<Block> = parsed.blocks.drain(..=labels.len()).collect();
    if !head[..labels.len()]
        .iter()
        .map(Block::note_label)
        .eq(labels.iter().map(|l| Some(*l)))
        || head[labels.len()].start != rule
        || head[labels.len()].note.is_some()
    {
        return None;
    }
    // An attribute list under a line that makes no block (a link definition) at the start
    // of the body is the next block's; after the stand-ins it would be the rule's.
    if parsed
        .blocks
        .first()
        .is_some_and(|b| b.template == IAL_BLOCK && !after_blank_line(&text, b.start))
    {
        return None;
    }
    for block in &mut parsed.blocks {
        block.start = block.start.checked_sub(skip)?;
    }
    for definition in &mut parsed.definitions {
        definition.start = definition.start.checked_sub(skip)?;
    }
    Some(parsed)
}

/// Of the notes `labels`, those `stretch` may refer to: each whose `[^label]` it holds
/// (ASCII case aside), and each label that is not plain ASCII (matched by the parser in
/// its own way); all of them when a `[^` in it is not followed by a plain label.
fn cited<'a>(labels: impl Iterator<Item = &'a str>, stretch: &str) -> Vec<&'a str> {
    let plain = |label: &str| {
        !label.is_empty()
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
    };
    let lower = stretch.to_ascii_lowercase();
    let mut found: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, _) in lower.match_indices("[^") {
        let rest = &lower[i + 2..];
        let label = &rest[..rest.find(']').unwrap_or(rest.len())];
        if !plain(label) {
            return labels.collect();
        }
        found.insert(label, i);
    }
    labels
        .filter(|label| !plain(label) || found.contains_key(label.to_ascii_lowercase().as_str()))
        .collect()
}

/// Whether the notes defined in `blocks` with `window` replaced by `inserted` are the same
/// labels as before.
fn same_labels(blocks: &[Block], window: core::ops::Range<usize>, inserted: &[Block]) -> bool {
    // How many definitions of each label the body had, then had outside the window.
    let mut count: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for label in blocks.iter().filter_map(Block::note_label) {
        *count.entry(label).or_insert(0) += 1;
    }
    let mut outside = count.clone();
    for label in blocks[window].iter().filter_map(Block::note_label) {
        *outside.entry(label).or_insert(1) -= 1;
    }
    let new: Vec<&str> = inserted.iter().filter_map(Block::note_label).collect();
    // Every label new to the window was defined before; every label the window lost is
    // still defined outside it or in it.
    new.iter().all(|label| count.contains_key(label))
        && count
            .iter()
            .all(|(label, _)| outside.get(label).is_some_and(|&n| n > 0) || new.contains(label))
}

fn shift(offset: usize, delta: isize) -> Option<usize> {
    offset.checked_add_signed(delta)
}

#[cfg(test)]
mod tests;
