//! What belongs to the whole body, filled into the blocks after each change: heading ids
//! numbered as kramdown does, footnote numbers and the list of notes (Jekyll flavour), and
//! tables of contents. Only the blocks whose HTML this changes are set again.

use super::super::jekyll::{self, ID_MARK};
use super::BlockRenderer;

impl BlockRenderer {
    /// After the blocks `fresh` were put in: fill in what belongs to the whole body (heading
    /// ids, footnotes, tables of contents), set the fresh blocks' HTML, and return the other
    /// blocks whose HTML changed. `reuse` holds the ids the window had, when its headings
    /// have the same base ids (the ids elsewhere are then unchanged).
    pub(super) fn finish(
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
        // (An include file's table of contents is filled around the file's HTML.)
        if block.toc && !crate::render::jekyll::including() {
            // No heading to list: kramdown writes no list there.
            html = match self.toc.is_empty() {
                true => without_toc(&html),
                false => html.replace(crate::render::jekyll::TOC_MARK, &self.toc),
            };
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
            let mut numbering = Numbering::default();
            let mut fills: Vec<(usize, Vec<String>)> = Vec::new();
            for (index, block) in self.blocks.iter().enumerate() {
                if block.refs.is_empty() {
                    continue;
                }
                let html = numbering.references(&block.refs, &defined);
                if html != block.ref_html {
                    fills.push((index, html));
                }
            }
            // The list, note by note: a note's backlinks are the references written before
            // it, and the references in its content are numbered as it is written (a note
            // first referred to there joins the end of the list), as kramdown writes them.
            let mut items: Vec<(&str, usize, String)> = Vec::new();
            let mut k = 0;
            while let Some(&(label, count)) = numbering.order.get(k) {
                k += 1;
                let Some(block) = defined.get(label).map(|&index| &self.blocks[index]) else {
                    continue;
                };
                let Some(note) = block.note.as_ref() else {
                    continue;
                };
                let refs = numbering.references(&note.refs, &defined);
                items.push((label, count, fill_marks(&note.content, &block.ids, &refs)));
            }
            let list = crate::render::jekyll::notes_list(items);
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
        // An include file's table of contents lists the post's headings: filled by the
        // post's renderer, around the file's HTML.
        if crate::render::jekyll::including() || !self.blocks.iter().any(|b| b.toc) {
            return;
        }
        let body: String = self.blocks.iter().map(|b| b.html.as_str()).collect();
        self.toc = crate::render::jekyll::toc(&body, &self.settings.site.markdown.toc_levels);
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
}

/// `html` without its table of contents' list (`<ul id="markdown-toc">` and its mark);
/// nothing when that is all it holds.
fn without_toc(html: &str) -> String {
    let mark = crate::render::jekyll::TOC_MARK;
    let Some(at) = html.find(mark) else {
        return html.to_string();
    };
    let open = html[..at].rfind('<').unwrap_or(at);
    let close = html[at..].find('>').map_or(html.len(), |i| at + i + 1);
    let close = close + usize::from(html[close..].starts_with('\n'));
    let rest = format!("{}{}", &html[..open], &html[close..]);
    if rest.trim().is_empty() {
        String::new()
    } else {
        rest
    }
}

/// Footnote numbers as kramdown gives them: a note's number is the order of its first
/// reference written.
#[derive(Default)]
struct Numbering<'a> {
    /// (label, references written so far), in the order of the first reference.
    order: Vec<(&'a str, usize)>,
    /// Each label's place in `order`.
    place: std::collections::HashMap<&'a str, usize>,
}

impl<'a> Numbering<'a> {
    /// The HTML of the references to `labels`, in order, each numbered as it is written.
    fn references(
        &mut self,
        labels: &'a [String],
        defined: &std::collections::HashMap<&str, usize>,
    ) -> Vec<String> {
        labels
            .iter()
            .map(|label| self.reference(label, defined))
            .collect()
    }

    /// The HTML of the next reference to `label`, numbered (as text when the note is not
    /// `defined`).
    fn reference(
        &mut self,
        label: &'a str,
        defined: &std::collections::HashMap<&str, usize>,
    ) -> String {
        if !defined.contains_key(label) {
            return crate::render::jekyll::note_reference(label, None);
        }
        let order = &mut self.order;
        let k = *self.place.entry(label).or_insert_with(|| {
            order.push((label, 0));
            order.len() - 1
        });
        order[k].1 += 1;
        crate::render::jekyll::note_reference(label, Some((k + 1, order[k].1 - 1)))
    }
}

/// The template with each [`ID_MARK`] replaced by the next of `ids`, and each
/// [`jekyll::NOTE_MARK`] by the next of `refs` (a footnote reference's HTML).
fn fill_marks(template: &str, ids: &[String], refs: &[String]) -> String {
    let mut out = String::with_capacity(template.len() + 16 * ids.len() + 160 * refs.len());
    let mut ids = ids.iter();
    let mut refs = refs.iter();
    let mut rest = template;
    while let Some(i) = rest.find([ID_MARK, jekyll::NOTE_MARK]) {
        out.push_str(&rest[..i]);
        let fill = if rest[i..].starts_with(ID_MARK) {
            ids.next()
        } else {
            refs.next()
        };
        let fill = fill.map_or("", String::as_str);
        // Both marks are one byte.
        rest = &rest[i + 1..];
        // kramdown writes no attribute for an id that came out empty (a heading of only
        // punctuation, the first such one: `### ”`).
        if fill.is_empty() && out.ends_with(" id=\"") && rest.starts_with('"') {
            out.truncate(out.len() - " id=\"".len());
            rest = &rest[1..];
            continue;
        }
        out.push_str(fill);
    }
    out.push_str(rest);
    out
}
