//! Lists as kramdown writes them: an ordered list always counts from 1 (kramdown takes no
//! start number from the first item), and a list with a task item (`- [ ] ...`) is of
//! class `task-list`, each of its items `task-list-item`, each box
//! `<input type="checkbox" class="task-list-item-checkbox" disabled="disabled" />`, except
//! an item opening with another block than a paragraph (a heading, a code block).
//!
//! Whether an item's first paragraph is a `<p>` is decided per item, not per list: only
//! when a blank line follows it inside the item (the last item: when more follows that
//! blank line, or every item before it has its `<p>`). CommonMark gives every item of a
//! list with a blank line anywhere its `<p>`. Every other paragraph of an item is a `<p>`,
//! tight list or not (`- a` then an indented code block and `tail`: `tail` is a `<p>`,
//! where CommonMark writes a tight item's paragraphs all without one).

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// Follows the parser's events of a stretch and notes, for each list item in order,
/// whether its first child is a paragraph with a blank line right after it.
#[derive(Default)]
pub(crate) struct ItemParagraphs {
    /// Per item, in the order they start.
    pub(crate) blank_after: Vec<bool>,
    /// The open items: (index, depth of their children, whether a child was seen).
    open: Vec<(usize, usize, bool)>,
    /// The first paragraph of an item being read: (item index, depth inside it).
    paragraph: Option<(usize, usize)>,
}

impl ItemParagraphs {
    /// Note `event`, whose range ends at `end` in `text`; `depth` counts the elements open
    /// after it.
    pub(crate) fn see(&mut self, event: &Event<'_>, end: usize, depth: usize, text: &str) {
        match event {
            Event::Start(Tag::Item) => {
                self.blank_after.push(false);
                self.open.push((self.blank_after.len() - 1, depth, false));
                return;
            }
            Event::End(TagEnd::Item) => {
                self.open.pop();
                return;
            }
            Event::End(TagEnd::Paragraph) => {
                if let Some((item, inside)) = self.paragraph {
                    if inside == depth + 1 {
                        self.blank_after[item] = next_line_blank(text, end);
                        self.paragraph = None;
                    }
                }
            }
            _ => {}
        }
        // The first direct child of the innermost item.
        let Some((item, children, seen)) = self.open.last_mut() else {
            return;
        };
        let at = if matches!(event, Event::Start(_)) {
            depth - 1
        } else {
            depth
        };
        if !*seen && at == *children {
            *seen = true;
            if matches!(event, Event::Start(Tag::Paragraph)) {
                self.paragraph = Some((*item, depth));
            }
        }
    }
}

/// Whether the line after the one that holds `end - 1` (the last byte of an element) is
/// blank.
fn next_line_blank(text: &str, end: usize) -> bool {
    let end = end.min(text.len());
    let next = if end > 0 && text[..end].ends_with('\n') {
        end
    } else {
        match text[end..].find('\n') {
            Some(i) => end + i + 1,
            None => return false,
        }
    };
    let line_end = text[next..].find('\n').map_or(text.len(), |i| next + i);
    let line = &text[next.min(text.len())..line_end];
    // Inside a quotation, a line of only its markers is blank there.
    let this = &text[text[..next.saturating_sub(1)]
        .rfind('\n')
        .map_or(0, |i| i + 1)..next];
    let quoted = this.trim_start().starts_with('>');
    let blank = |c: char| c.is_whitespace() || quoted && c == '>';
    next < text.len() && line.chars().all(blank)
}

/// Rewrite the lists of one top-level block's events; `blank_after` is
/// [`ItemParagraphs::blank_after`] for its items.
pub(crate) fn kramdown_lists(events: &mut Vec<Event<'_>>, blank_after: &[bool]) {
    if !events
        .iter()
        .any(|e| matches!(e, Event::Start(Tag::List(_))))
    {
        return;
    }
    item_paragraphs(events, blank_after);
    // Which lists (by the index of their start) hold a task item of their own.
    let mut tasks = vec![false; events.len()];
    let mut open: Vec<usize> = Vec::new();
    for (i, event) in events.iter().enumerate() {
        match event {
            Event::Start(Tag::List(_)) => open.push(i),
            Event::End(TagEnd::List(_)) => {
                open.pop();
            }
            Event::TaskListMarker(_) => {
                if let Some(&list) = open.last() {
                    tasks[list] = true;
                }
            }
            _ => {}
        }
    }
    // Which items (by the index of their start) open with a paragraph, and which with a
    // task's box. kramdown's GFM parser gives an item that opens with a paragraph the
    // class `task-list-item` once an item at or above it in its list has a box.
    let paragraph_first: Vec<bool> = (0..events.len())
        .map(|i| {
            events.get(i + 1).is_some_and(|next| {
                matches!(next, Event::Start(Tag::Paragraph))
                    || (inline(next) && !matches!(next, Event::Html(_)))
            })
        })
        .collect();
    let boxed: Vec<bool> = (0..events.len())
        .map(|i| match events.get(i + 1) {
            Some(Event::TaskListMarker(_)) => true,
            Some(Event::Start(Tag::Paragraph)) => {
                matches!(events.get(i + 2), Some(Event::TaskListMarker(_)))
            }
            _ => false,
        })
        .collect();
    // Per open list: whether an item of it had a box yet.
    let mut boxed_yet: Vec<bool> = Vec::new();
    // Whether each open list is a task list.
    let mut task_list: Vec<bool> = Vec::new();
    for (i, event) in events.iter_mut().enumerate() {
        match event {
            Event::Start(Tag::List(start)) => {
                task_list.push(tasks[i]);
                boxed_yet.push(false);
                if tasks[i] {
                    let tag = if start.is_some() { "ol" } else { "ul" };
                    *event = Event::Html(CowStr::from(format!("<{tag} class=\"task-list\">\n")));
                } else if let Some(n) = start {
                    *n = 1;
                }
            }
            Event::End(TagEnd::List(ordered)) => {
                boxed_yet.pop();
                let was_task_list = task_list.pop() == Some(true);
                if was_task_list {
                    let tag = if *ordered { "ol" } else { "ul" };
                    *event = Event::Html(CowStr::from(format!("</{tag}>\n")));
                }
            }
            Event::Start(Tag::Item) if task_list.last() == Some(&true) => {
                if let Some(yet) = boxed_yet.last_mut() {
                    *yet |= boxed[i];
                    if *yet && paragraph_first[i] {
                        *event = Event::Html(CowStr::Borrowed("<li class=\"task-list-item\">"));
                    }
                }
            }
            Event::End(TagEnd::Item) if task_list.last() == Some(&true) => {
                *event = Event::Html(CowStr::Borrowed("</li>\n"));
            }
            Event::TaskListMarker(checked) => {
                let checked = if *checked { " checked=\"checked\"" } else { "" };
                *event = Event::InlineHtml(CowStr::from(format!(
                    "<input type=\"checkbox\" class=\"task-list-item-checkbox\" \
                     disabled=\"disabled\"{checked} />"
                )));
            }
            _ => {}
        }
    }
    // A block right after an item's text (a code block under `- Scala 2.13:`) starts on a
    // line of its own, as kramdown writes it (the text and the block apart by white space).
    for i in 1..events.len() {
        let after_text = matches!(
            events[i - 1],
            Event::Text(_)
                | Event::Code(_)
                | Event::InlineHtml(_)
                | Event::SoftBreak
                | Event::HardBreak
                | Event::End(
                    TagEnd::Emphasis
                        | TagEnd::Strong
                        | TagEnd::Strikethrough
                        | TagEnd::Link
                        | TagEnd::Image
                )
        );
        if let Event::Html(html) = &mut events[i] {
            let block = [
                "<div",
                "<figure",
                "<pre",
                "<table",
                "<blockquote",
                "<ul",
                "<ol",
                "<dl",
                "<hr",
                "<p>",
                "<p ",
            ]
            .iter()
            .any(|tag| html.starts_with(tag));
            if after_text && block {
                *html = CowStr::from(format!("\n{html}"));
            }
        }
    }
}

/// An item of a list: the indices of its first paragraph's start and end events, if its
/// first child is one; whether more follows that paragraph in the item; whether a blank
/// line follows it.
struct Item {
    paragraph: Option<(usize, usize)>,
    more: bool,
    blank_after: bool,
}

/// Take the `<p>` off the first paragraph of each item kramdown writes without one.
fn item_paragraphs(events: &mut Vec<Event<'_>>, blank_after: &[bool]) {
    let mut lists: Vec<Vec<Item>> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut order = 0;
    for (i, event) in events.iter().enumerate() {
        match event {
            Event::Start(Tag::List(_)) => {
                lists.push(Vec::new());
                open.push(lists.len() - 1);
            }
            Event::End(TagEnd::List(_)) => {
                open.pop();
            }
            Event::Start(Tag::Item) => {
                let paragraph = match events.get(i + 1) {
                    Some(Event::Start(Tag::Paragraph)) => {
                        matching_end(events, i + 1).map(|end| (i + 1, end))
                    }
                    _ => None,
                };
                let more = paragraph.is_some_and(|(_, end)| {
                    !matches!(events.get(end + 1), Some(Event::End(TagEnd::Item)))
                });
                if let Some(&list) = open.last() {
                    lists[list].push(Item {
                        paragraph,
                        more,
                        blank_after: blank_after.get(order).copied().unwrap_or(true),
                    });
                }
                order += 1;
            }
            _ => {}
        }
    }
    let mut drop = vec![false; events.len()];
    for items in &lists {
        let n = items.len();
        for (k, item) in items.iter().enumerate() {
            let Some((start, end)) = item.paragraph else {
                continue;
            };
            let transparent = if k + 1 < n {
                !item.blank_after
            } else {
                !(item.blank_after && item.more)
                    && (n == 1
                        || items[..k]
                            .iter()
                            .any(|it| it.paragraph.is_none() || !it.blank_after))
            };
            if transparent {
                drop[start] = true;
                drop[end] = true;
            }
        }
    }
    if drop.contains(&true) {
        let mut at = 0;
        events.retain(|_| {
            at += 1;
            !drop[at - 1]
        });
    }
}

/// Whether `event` is inline content (or an inline element's start).
fn inline(event: &Event<'_>) -> bool {
    matches!(
        event,
        Event::Text(_)
            | Event::Code(_)
            | Event::InlineHtml(_)
            | Event::Html(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::SoftBreak
            | Event::HardBreak
            | Event::FootnoteReference(_)
            | Event::TaskListMarker(_)
    ) || matches!(event, Event::Start(tag) if super::typography::inline(tag))
}

/// Give a paragraph's tags to each run of inline content right in a list item after a
/// block of it (in a tight list CommonMark writes none): kramdown writes only an item's
/// first paragraph without `<p>`.
pub(crate) fn later_item_paragraphs(events: &mut Vec<Event<'_>>) {
    if !events.iter().any(|e| matches!(e, Event::Start(Tag::Item))) {
        return;
    }
    let mut out = Vec::with_capacity(events.len() + 4);
    // Per open element: for an item, whether a block of it was seen.
    let mut open: Vec<Option<bool>> = Vec::new();
    let mut wrapping = false;
    for event in events.drain(..) {
        if let Some(Some(seen)) = open.last_mut() {
            let inline = inline(&event);
            if wrapping && !inline {
                out.push(Event::End(TagEnd::Paragraph));
                wrapping = false;
            } else if inline && !wrapping && *seen {
                out.push(Event::Start(Tag::Paragraph));
                wrapping = true;
            }
            *seen |= !inline;
        }
        match &event {
            Event::Start(Tag::Item) => open.push(Some(false)),
            Event::Start(_) => open.push(None),
            Event::End(_) => {
                open.pop();
            }
            _ => {}
        }
        out.push(event);
    }
    *events = out;
}

/// The index of the end event of the element that starts at `start`.
pub(super) fn matching_end(events: &[Event<'_>], start: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, event) in events.iter().enumerate().skip(start) {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

mod interrupting;
pub(crate) use interrupting::{
    items_with_ordered_lists, ordered_item_interrupting, quote_with_items_apart,
};

#[cfg(test)]
mod tests;
