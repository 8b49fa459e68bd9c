//! The body as a list of top-level blocks, each with its source start and its HTML, kept
//! up to date by re-parsing only the blocks around an edit.
//!
//! CommonMark is nearly local: a top-level block is parsed from the state left by the
//! blocks before it. After an edit, the blocks from the one before the edit to the one
//! after it are parsed again; the result is used only when the first untouched block after
//! the window comes out of the new parse exactly as before (same start, same HTML), so a
//! fence or list that now swallows what follows widens the window instead of going wrong
//! (`window.rs`). The change to the list of blocks is a [`Patch`] (`patch.rs`).
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
mod items;
mod parse;
mod patch;
mod stand_ins;
mod window;
use crate::edit::common_ends;
use parse::{after_blank_line, parse, IAL_BLOCK};
pub use patch::{Items, Patch};

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
    /// The footnote it defines (its content's HTML with its headings' ids and its
    /// references as marks); the block itself shows nothing.
    note: Option<super::jekyll::Note>,
    /// Whether the body's list of notes is added to its HTML (the last block's).
    holds_list: bool,
}

impl Block {
    /// Written as part of the block before it (a bullet list kramdown reads as more of the
    /// list above, past blank lines): it shows nothing and defines no note.
    fn is_continuation(&self) -> bool {
        self.template.is_empty() && self.note.is_none()
    }

    /// Whether nothing in it is filled in across the body: no heading (its id), footnote
    /// reference, note, table of contents or list of notes. Its template is then its HTML.
    fn is_plain(&self) -> bool {
        self.base_ids.is_empty()
            && self.refs.is_empty()
            && self.note.is_none()
            && !self.toc
            && !self.holds_list
    }

    /// The label of the note it defines.
    fn note_label(&self) -> Option<&str> {
        self.note.as_ref().map(|note| note.label.as_str())
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
    /// Where the lines of the fences left open start (Jekyll flavour: marked as text
    /// when they never close), relative to the parsed text.
    unclosed: Vec<usize>,
    /// The fences this parse left open (`parse.rs` marks those that never close and
    /// parses again).
    open_fences: Vec<super::jekyll::OpenFence>,
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
    /// Where the lines of the fences left open start (Jekyll flavour: text when they never
    /// close, `jekyll/unclosed_fences.rs`): a closing fence typed below one changes it.
    unclosed_at: Vec<usize>,
    /// Jekyll flavour: the body's `{% highlight %}` tag lines and the fences they are
    /// parsed as.
    highlights: Vec<super::liquid::HighlightLine>,
    /// The list of notes added to the last block (Jekyll flavour; empty when none).
    notes_list: String,
    /// The table of contents filled into the blocks that hold one.
    toc: String,
    /// How many blocks the last update parsed again (for the bench and tests).
    last_reparsed: usize,
    /// Lists from this many bytes of source are updated item by item (`items.rs`).
    items_from: usize,
    /// What the Jekyll flavour's checks look for anywhere in the body, counted, kept up to
    /// date from each edit's own bytes (a keystroke does not search the whole body).
    counts: BodyCounts,
    /// Where the long list typed in last has its items (`items.rs`), kept from one
    /// keystroke in it to the next; gone on any other change of the blocks.
    items_cache: Option<items::ItemsCache>,
}

/// Counts of what the Jekyll flavour's checks look for in the whole body.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct BodyCounts {
    dollars: usize,
    /// Starts of `{% highlight %}` tags (`liquid::opens_highlight_tag`).
    highlight_tags: usize,
    /// Lines after the first that start as block HTML may (`jekyll::opens_html_line`).
    html_lines: usize,
}

/// How far from an edit a counted pattern may start and still overlap it: the longest
/// pattern's length, less one.
const REACH: usize = super::liquid::HIGHLIGHT_TAG_START - 1;

impl BodyCounts {
    fn of(text: &[u8]) -> BodyCounts {
        BodyCounts {
            dollars: text.iter().filter(|&&b| b == b'$').count(),
            highlight_tags: highlight_tags(text),
            html_lines: html_lines(text),
        }
    }

    /// The counts of `new`, which is `old` with `old[prefix..old_end]` replaced (the rest
    /// alike): only what is near the edit is looked at. A pattern overlapping the edit
    /// starts within [`REACH`] bytes before it and ends within as many after it; the
    /// margins taken on either side are the same bytes in both texts, so what they hold
    /// alone is counted in both and cancels out.
    fn after_edit(self, old: &[u8], new: &[u8], prefix: usize, old_end: usize) -> BodyCounts {
        let new_end = new.len() - (old.len() - old_end);
        let from = prefix.saturating_sub(REACH);
        let reach = REACH.min(old.len() - old_end);
        let (was, is) = (
            BodyCounts::of(&old[from..old_end + reach]),
            BodyCounts::of(&new[from..new_end + reach]),
        );
        // (`$` is one byte: the margins hold the same ones in both.)
        BodyCounts {
            dollars: self.dollars - was.dollars + is.dollars,
            highlight_tags: self.highlight_tags - was.highlight_tags + is.highlight_tags,
            html_lines: self.html_lines - was.html_lines + is.html_lines,
        }
    }
}

/// How many line breaks in `text` are followed, in it, by a line that starts as block
/// HTML may.
fn html_lines(text: &[u8]) -> usize {
    text.iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\n' && super::jekyll::opens_html_line(&text[i + 1..]))
        .count()
}

/// How many `{% highlight %}` tags start in `text` (their start in it).
fn highlight_tags(text: &[u8]) -> usize {
    text.iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'{' && super::liquid::opens_highlight_tag(&text[i..]))
        .count()
}

impl BlockRenderer {
    /// Render `body` in full, in the default flavour.
    pub fn new(body: &str) -> BlockRenderer {
        BlockRenderer::with_settings(body, Settings::default())
    }

    /// Render `body` in full with `settings`.
    pub fn with_settings(body: &str, settings: Settings) -> BlockRenderer {
        let mut renderer = BlockRenderer::empty(settings);
        renderer.render_full(body);
        renderer
    }

    /// An empty renderer (no body yet) with `settings`.
    pub fn empty(settings: Settings) -> BlockRenderer {
        BlockRenderer {
            settings,
            items_from: items::ITEMS_FROM,
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
        let (prefix, suffix) = common_ends(&self.body, body);
        if prefix == body.len() && body.len() == self.body.len() {
            self.last_reparsed = 0;
            return Patch::default();
        }
        if self.whole || self.blocks.is_empty() {
            return self.render_full(body);
        }
        let old_end = self.body.len() - suffix;
        // What the body now holds (every way on from here ends with `self.body == body`).
        self.counts =
            self.counts
                .after_edit(self.body.as_bytes(), body.as_bytes(), prefix, old_end);
        debug_assert_eq!(self.counts, BodyCounts::of(body.as_bytes()));
        // Block HTML holding a blank line pairs tags across blocks: such a body is
        // rendered whole (see `jekyll/html_blocks.rs`).
        // (Only a body with a line of block HTML or two `$` may hold such HTML or math:
        // the edit's own lines are looked at only then.)
        let regions_possible = self.counts.html_lines > 0
            || self.counts.dollars >= 2
            || super::jekyll::starts_with_html(body);
        if self.settings.flavour == super::Flavour::Jekyll
            && regions_possible
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
        // (No `$` in the body, no search for the stretch: in a long list with no blank
        // line the stretch is the whole list.)
        if self.settings.flavour == super::Flavour::Jekyll && self.counts.dollars > 0 {
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
            && (!self.highlights.is_empty() || self.counts.highlight_tags > 0)
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
        // Typing inside a long list: only the items around the edit.
        if highlights.is_none() {
            if let Some(patch) = self.try_items(body, prefix, old_end, delta) {
                return patch;
            }
        }
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

    /// Keep `body` as the one the blocks are of, in the allocation the last one had (a copy,
    /// not a new megabyte allocated on each keystroke of a long post).
    fn keep_body(&mut self, body: &str) {
        self.body.clear();
        self.body.push_str(body);
        self.items_cache = None;
    }

    /// Parse the whole body; the patch still leaves out the blocks at either end whose HTML
    /// is unchanged (a body with footnotes is parsed whole on every change, and the preview
    /// then keeps all but the edited block's element).
    fn render_full(&mut self, body: &str) -> Patch {
        let parsed = parse(body, None, &self.settings);
        let old: Vec<String> = self.blocks.drain(..).map(|b| b.html).collect();
        self.keep_body(body);
        self.counts = BodyCounts::of(body.as_bytes());
        self.blocks = parsed.blocks;
        self.definitions = parsed.definitions;
        self.whole = parsed.whole;
        self.unclosed_at = parsed.unclosed;
        self.highlights = if self.settings.flavour == super::Flavour::Jekyll {
            super::liquid::highlight_lines(body)
        } else {
            Vec::new()
        };
        self.last_reparsed = self.blocks.len();
        self.finish(0..self.blocks.len(), None);
        Patch::trimmed(0, &old, &self.blocks, Vec::new())
    }
}

#[cfg(test)]
mod tests;
