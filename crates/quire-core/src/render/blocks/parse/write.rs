//! Writing the events of a parsed stretch as HTML: one writer for the whole stretch (the
//! other flavours' footnote numbers run across blocks), its output cut at each top-level
//! block into the block's template.

use core::cell::RefCell;
use core::fmt;
use std::rc::Rc;

use super::super::super::jekyll;
use super::super::Block;
use super::{line_start, Group};

/// The blocks of `groups`, written; and whether the writer wrote footnotes of its own
/// (inside HTML a kramdown pass rendered from a run of blocks), numbered by it alone.
pub(super) fn blocks(
    text: &str,
    jekyll: bool,
    groups: Vec<Group<'_>>,
    outer: Vec<Option<jekyll::Ial>>,
    mut notes: Vec<jekyll::Notes>,
    mut base_ids: Vec<Vec<String>>,
) -> (Vec<Block>, bool) {
    let out = Rc::new(RefCell::new(String::with_capacity(
        text.len() + text.len() / 2,
    )));
    let cuts = Rc::new(RefCell::new(Vec::<(usize, usize)>::with_capacity(
        groups.len(),
    )));
    let starts: Vec<usize> = groups.iter().map(|g| g.start).collect();
    let events = {
        let out = Rc::clone(&out);
        let cuts = Rc::clone(&cuts);
        groups.into_iter().enumerate().flat_map(move |(k, group)| {
            let out = Rc::clone(&out);
            let cuts = Rc::clone(&cuts);
            let start = starts[k];
            group.events.into_iter().enumerate().map(move |(i, event)| {
                if i == 0 {
                    cuts.borrow_mut().push((start, out.borrow().len()));
                }
                event
            })
        })
    };
    // Writing to a String cannot fail.
    let _ = pulldown_cmark::html::write_html_fmt(Sink(Rc::clone(&out)), events);
    let html = out.borrow();
    let written_notes = jekyll
        && (html.contains("class=\"footnote-definition\"")
            || html.contains("class=\"footnote-reference\""));
    let cuts = cuts.borrow();
    let blocks = cuts
        .iter()
        .enumerate()
        .map(|(k, &(start, from))| {
            let to = cuts.get(k + 1).map_or(html.len(), |&(_, to)| to);
            let mut template = match &outer[k] {
                Some(ial) => jekyll::outer_attributes(&html[from..to], ial),
                None => html[from..to].to_string(),
            };
            if jekyll {
                if let std::borrow::Cow::Owned(t) = jekyll::apply_nested_ials(&template) {
                    template = t;
                }
                if template.contains(jekyll::PIPE_MARK) {
                    template = template.replace(jekyll::PIPE_MARK, "|");
                }
                // Stand-ins the writer kept (a link's in raw HTML or a code block).
                if let std::borrow::Cow::Owned(t) = crate::images::unprotect(&template) {
                    template = t;
                }
            }
            let jekyll::Notes { refs, mut note } = std::mem::take(&mut notes[k]);
            if let Some(jekyll::Note { content, .. }) = note.as_mut() {
                if content.contains(jekyll::PIPE_MARK) {
                    *content = content.replace(jekyll::PIPE_MARK, "|");
                }
                if let std::borrow::Cow::Owned(c) = crate::images::unprotect(content) {
                    *content = c;
                }
            }
            Block {
                start: line_start(text, start),
                // Set when the body's ids and notes are filled in.
                html: String::new(),
                toc: template.contains(crate::render::jekyll::TOC_MARK),
                template,
                base_ids: std::mem::take(&mut base_ids[k]),
                ids: Vec::new(),
                refs,
                ref_html: Vec::new(),
                note,
                holds_list: false,
            }
        })
        .collect::<Vec<Block>>();
    (blocks, written_notes)
}

/// Collects the HTML writer's output in a string shared with the event iterator.
struct Sink(Rc<RefCell<String>>);

impl fmt::Write for Sink {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.borrow_mut().push_str(s);
        Ok(())
    }
}
