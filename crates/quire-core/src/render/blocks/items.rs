//! Typing inside a long list: only the items around the edit are parsed again.
//!
//! A top-level list is one block, so a keystroke in a reading list of a thousand links
//! parsed the whole list again (13 ms at 100 KB natively, 37 ms in the browser with the
//! block's new HTML parsed and paired). Here the items from the one before the edit to
//! the one after it (the anchor) are parsed as a list of their own, and their HTML takes
//! the place of theirs in the block's HTML. The result is kept only when it must be what
//! the whole list gives:
//!
//! - the old items, parsed alone, give exactly the block's HTML from the first of them to
//!   the item after them (they read alone as in the whole list: no looseness, attribute
//!   list or numbering from elsewhere);
//! - the old and the new items each parse as one list with the same opening and closing
//!   tags, and nothing in them is read body-wide (no definitions, notes, headings);
//! - the anchor gives the same HTML before and after, parsed after the items before it
//!   (a change that makes the list loose, or takes the anchor into another block, shows
//!   there), and its content starts with a paragraph or text, which looseness changes;
//! - neither holds raw HTML that the browser would read as other list items or tables.
//!
//! The patch names the items replaced by their place in the list, so the preview swaps
//! those `<li>` elements alone (`Patch::items`).

use super::parse::parse;
use super::window::shift;
use super::{BlockRenderer, Items, Patch};

/// Lists shorter than this (bytes of source) are parsed again whole.
pub(super) const ITEMS_FROM: usize = 2048;

impl BlockRenderer {
    /// Update an edit of `prefix..old_end` of the old body (`delta` bytes longer now) that
    /// falls inside one long list's items; `None` when it does not, or when the items
    /// parsed alone may not give what the whole list would.
    pub(super) fn try_items(
        &mut self,
        body: &str,
        prefix: usize,
        old_end: usize,
        delta: isize,
    ) -> Option<Patch> {
        let index = self.block_at(prefix)?;
        let block = &self.blocks[index];
        let end = self
            .blocks
            .get(index + 1)
            .map_or(self.body.len(), |b| b.start);
        let list = block.template.starts_with("<ul") || block.template.starts_with("<ol");
        if end - block.start < self.items_from
            || prefix <= block.start
            || old_end >= end
            || !list
            || !block.is_plain()
            || self
                .blocks
                .get(index + 1)
                .is_some_and(|b| b.is_continuation())
        {
            return None;
        }
        let block_start = block.start;
        let source = &self.body[block.start..end];
        // Where the items start in the source and in the HTML: kept from the last
        // keystroke in this list, else found (each a scan of the whole list).
        let cached = self.items_cache.take().filter(|c| {
            c.block == index
                && c.start == block.start
                && c.len == source.len()
                && c.html_len == block.html.len()
        });
        let (starts, full_offsets) = match cached {
            Some(cache) => {
                debug_assert_eq!(Some(&cache.starts), item_starts(source).as_ref());
                (cache.starts, Some(cache.offsets))
            }
            None => {
                let starts = item_starts(source)?;
                let offsets = item_offsets(&block.html, starts.len());
                (starts, offsets)
            }
        };
        let rel = |offset: usize| offset - block.start;
        // The item the edit starts in, the one before it, and the first one after it. (An
        // edit of the first item may make its line part of the block above: `-` under a
        // paragraph is a heading's underline.)
        let first = starts
            .partition_point(|&s| s <= rel(prefix))
            .checked_sub(1)?;
        let from = first.checked_sub(1)?;
        let anchor = starts.partition_point(|&s| s <= rel(old_end));
        let anchor_start = *starts.get(anchor)?;
        let anchor_end = starts.get(anchor + 1).copied().unwrap_or(source.len());
        let new_at = |old: usize| shift(block.start + old, delta);
        let (new_anchor, new_end) = (new_at(anchor_start)?, new_at(anchor_end)?);
        let old_items = &source[starts[from]..anchor_end];
        let new_items = body.get(block.start + starts[from]..new_end)?;
        // A blank line typed or taken away may turn the whole list loose or tight, which
        // changes items far from the edit (a table's code in an item, as the Jekyll
        // flavour rebuilds it).
        if !body.is_char_boundary(new_anchor)
            || risky(old_items)
            || risky(new_items)
            || blank_lines(old_items) != blank_lines(new_items)
        {
            return None;
        }
        let definitions: String = self
            .definitions
            .iter()
            .map(|d| d.markdown.as_str())
            .collect();
        let render = |text: &str| alone(text, &definitions, &self.settings);
        let old = render(old_items)?;
        let old_before = render(&source[starts[from]..anchor_start])?;
        let new = render(new_items)?;
        let new_before = render(&body[block.start + starts[from]..new_anchor])?;
        let (old_inner, new_inner) = (old.inner(), new.inner());
        let anchor_html = old_inner.strip_prefix(old_before.inner())?;
        if old.open() != new.open()
            || old.close() != new.close()
            || new_inner.strip_prefix(new_before.inner()) != Some(anchor_html)
            || !opens_with_text(anchor_html)
        {
            return None;
        }
        // The old items' HTML must be what the block holds from item `from` to the item
        // after the anchor (or the list's end).
        let html = &block.html;
        let offsets = match &full_offsets {
            Some(all) => std::borrow::Cow::Borrowed(all),
            None => std::borrow::Cow::Owned(item_offsets(html, anchor + 1)?),
        };
        let (at, to) = (*offsets.get(from)?, *offsets.get(anchor + 1)?);
        if html.get(at..to) != Some(old_inner) {
            return None;
        }
        let mut updated = String::with_capacity(html.len() + new_inner.len() - old_inner.len());
        updated.push_str(&html[..at]);
        updated.push_str(new_inner);
        updated.push_str(&html[at + old_inner.len()..]);
        // The items as they are now, for the next keystroke in the list: those of the new
        // items found in them, the ones after moved by the change.
        let cache = full_offsets.and_then(|offsets| {
            let region = item_starts(new_items)?;
            let region_html = item_offsets(&new.html, region.len())?;
            let open = new.open().len();
            if region_html.last()? - open != new_inner.len() {
                return None;
            }
            let html_delta = new_inner.len() as isize - old_inner.len() as isize;
            let base = starts[from];
            let starts: Vec<usize> = starts[..from]
                .iter()
                .map(|&s| Some(s))
                .chain(region.iter().map(|r| Some(base + r)))
                .chain(starts[anchor + 1..].iter().map(|&s| shift(s, delta)))
                .collect::<Option<_>>()?;
            let offsets: Vec<usize> = offsets[..from]
                .iter()
                .map(|&o| Some(o))
                .chain(
                    region_html[..region.len()]
                        .iter()
                        .map(|o| Some(o - open + at)),
                )
                .chain(offsets[anchor + 1..].iter().map(|&o| shift(o, html_delta)))
                .collect::<Option<_>>()?;
            Some(ItemsCache {
                block: index,
                start: block_start,
                len: source.len().checked_add_signed(delta)?,
                html_len: updated.len(),
                starts,
                offsets,
            })
        });
        let patch = Patch {
            start: index,
            items: Some(Items {
                block: index,
                from,
                remove: anchor + 1 - from,
                before: starts.len(),
                inner: new.open().len()..new.open().len() + new_inner.len(),
                html: new.html,
                replaced: at..to,
            }),
            ..Patch::default()
        };
        for later in &mut self.blocks[index + 1..] {
            later.start = shift(later.start, delta)?;
        }
        // (Definitions in the list's other items after the edit move too.)
        for definition in &mut self.definitions {
            if definition.start >= old_end {
                definition.start = shift(definition.start, delta)?;
            }
        }
        // (The list's items hold no fence: those left open are after it, or before.)
        for at in &mut self.unclosed_at {
            if *at >= old_end {
                *at = shift(*at, delta)?;
            }
        }
        let block = &mut self.blocks[index];
        block.template.clone_from(&updated);
        block.html = updated;
        self.keep_body(body);
        debug_assert!(cache.as_ref().is_none_or(|c| {
            let block = &self.blocks[index];
            let source = &self.body[block.start..block.start + c.len];
            Some(&c.starts) == item_starts(source).as_ref()
                && Some(&c.offsets) == item_offsets(&block.html, c.starts.len()).as_ref()
        }));
        self.items_cache = cache;
        self.last_reparsed = 1;
        Some(patch)
    }
}

/// Where a long list's items start, in its source and in its HTML: found once (each is a
/// scan of the whole list, 5 ms of a keystroke's 7 ms natively in a list of 1 MB) and kept
/// from one keystroke in the list to the next.
#[derive(Debug, Clone)]
pub(super) struct ItemsCache {
    /// The block, where it starts, its source's length and its HTML's length.
    block: usize,
    start: usize,
    len: usize,
    html_len: usize,
    /// [`item_starts`] of the list's source.
    starts: Vec<usize>,
    /// [`item_offsets`] of its HTML for as many items.
    offsets: Vec<usize>,
}

/// A list parsed on its own: its HTML and where its items' HTML starts and ends.
struct Alone {
    html: String,
    inner: core::ops::Range<usize>,
}

impl Alone {
    fn open(&self) -> &str {
        &self.html[..self.inner.start]
    }
    fn inner(&self) -> &str {
        &self.html[self.inner.clone()]
    }
    fn close(&self) -> &str {
        &self.html[self.inner.end..]
    }
}

/// Parse `text` (list items) alone; `None` unless it is one list block and nothing in it
/// is read across the body.
fn alone(text: &str, definitions: &str, settings: &super::Settings) -> Option<Alone> {
    let parsed = parse(text, Some(definitions), settings);
    let [block] = <[super::Block; 1]>::try_from(parsed.blocks).ok()?;
    if parsed.whole || !parsed.definitions.is_empty() || !block.is_plain() {
        return None;
    }
    let html = block.template;
    // A definition list's term is the paragraph line above its `:`, which may be another
    // item's once the edit splits a line (kramdown's reading of the items around it).
    if html.contains("<dl>") {
        return None;
    }
    let close = if html.starts_with("<ul") {
        "</ul>\n"
    } else if html.starts_with("<ol") {
        "</ol>\n"
    } else {
        return None;
    };
    let start = html.find(">\n")? + 2;
    let end = html.len().checked_sub(close.len())?;
    if !html.ends_with(close) || end < start {
        return None;
    }
    Some(Alone {
        html,
        inner: start..end,
    })
}

/// Where the top-level items of the list `html` (a block's HTML, the list alone) start:
/// the first `count` of them, then where the next starts or the list closes. `None` when
/// the list has fewer items.
fn item_offsets(html: &str, count: usize) -> Option<Vec<usize>> {
    let mut offsets = Vec::with_capacity(count + 1);
    let mut depth = 0usize;
    for (at, _) in html.match_indices('<') {
        let tag = &html.as_bytes()[at + 1..];
        let (closing, tag) = match tag.strip_prefix(b"/") {
            Some(rest) => (true, rest),
            None => (false, tag),
        };
        let named = |name: &[u8]| {
            tag.len() > name.len()
                && tag[..name.len()].eq_ignore_ascii_case(name)
                && matches!(tag[name.len()], b'>' | b' ' | b'\n' | b'\t')
        };
        if named(b"ul") || named(b"ol") {
            if closing {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    offsets.push(at);
                    break;
                }
            } else {
                depth += 1;
            }
        } else if named(b"li") && !closing && depth == 1 {
            offsets.push(at);
            if offsets.len() > count {
                break;
            }
        }
    }
    (offsets.len() > count).then_some(offsets)
}

/// The offsets in `source` (a top-level list's lines) of the lines that start its items:
/// a list marker of the first line's kind at the line's start, followed by a space, a tab
/// or the line's end. `None` when the first line starts no item.
pub(super) fn item_starts(source: &str) -> Option<Vec<usize>> {
    let kind = marker(source)?;
    let mut starts = Vec::new();
    let mut at = 0;
    // The content column of the last item: a marker indented less than that is another
    // top-level item to the parser (`-   - a` then `  - b`), which the count here would
    // miss: no items update then.
    let mut content = 0;
    for line in source.split_inclusive('\n') {
        if marker(line) == Some(kind) {
            starts.push(at);
            let width = line.find([' ', '\t', '\n', '\r']).unwrap_or(line.len());
            let rest = &line[width..];
            let spaces = rest.bytes().take_while(|&b| b == b' ').count();
            let blank = rest.trim().is_empty();
            content = width
                + if blank || !(1..=4).contains(&spaces) {
                    1
                } else {
                    spaces
                };
        } else {
            let indent = line.bytes().take_while(|&b| b == b' ').count();
            if (1..=3).contains(&indent) && indent < content && marker(&line[indent..]).is_some() {
                return None;
            }
        }
        at += line.len();
    }
    Some(starts)
}

/// The kind of list marker `line` starts with: `None` for a bullet, the delimiter for a
/// number.
fn marker(line: &str) -> Option<Option<u8>> {
    let bytes = line.as_bytes();
    let (kind, width) = match bytes.first()? {
        b'-' | b'*' | b'+' => (None, 1),
        b'0'..=b'9' => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            match bytes.get(digits) {
                Some(&d @ (b'.' | b')')) if digits <= 9 => (Some(d), digits + 1),
                _ => return None,
            }
        }
        _ => return None,
    };
    matches!(bytes.get(width), None | Some(b' ' | b'\t' | b'\n' | b'\r')).then_some(kind)
}

/// How many of the lines of `text` are blank.
fn blank_lines(text: &str) -> usize {
    text.lines().filter(|line| line.trim().is_empty()).count()
}

/// Whether `text` holds what the items parsed alone cannot be trusted with: a footnote
/// reference (its note is defined elsewhere), a fence, or raw HTML (an autolink is none). The
/// Jekyll flavour closes a raw element left open where kramdown would, which depends on
/// more than the item, and the browser may read raw tags as other list items, table
/// parts or a comment, which would move items in the preview's tree.
fn risky(text: &str) -> bool {
    // (A fence's pair may lie outside the items: `jekyll/unclosed_fences.rs`.)
    if text.contains("[^") || text.contains("```") || text.contains("~~~") {
        return true;
    }
    text.match_indices('<').any(|(i, _)| {
        let rest = &text.as_bytes()[i + 1..];
        match rest.first() {
            Some(b'!' | b'?' | b'/') => true,
            Some(b) if b.is_ascii_alphabetic() => !autolink(rest),
            _ => false,
        }
    })
}

/// Whether the text after a `<` is an autolink: a scheme and `:` (or an address with `@`)
/// up to a `>`, with no space.
fn autolink(rest: &[u8]) -> bool {
    let end = rest
        .iter()
        .position(|&b| matches!(b, b'>' | b'<' | b' ' | b'\t' | b'\n'));
    let Some(end) = end.filter(|&end| rest[end] == b'>') else {
        return false;
    };
    let inside = &rest[..end];
    let scheme = inside
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'.' | b'-'))
        .count();
    (scheme >= 2 && inside.get(scheme) == Some(&b':')) || inside.contains(&b'@')
}

/// Whether an item's HTML starts with a paragraph or text (inline HTML included), which a
/// list turned loose or tight would change: an item holding only a code block or a list
/// reads the same either way, so it cannot show that the rest of the list is unchanged.
fn opens_with_text(item: &str) -> bool {
    const INLINE: [&str; 22] = [
        "p", "a", "em", "strong", "code", "img", "span", "del", "s", "sup", "sub", "kbd", "mark",
        "abbr", "br", "q", "i", "b", "u", "small", "time", "input",
    ];
    let item = item.trim_start();
    let Some(rest) = item.strip_prefix("<li") else {
        return false;
    };
    let Some(close) = rest.find('>') else {
        return false;
    };
    let content = rest[close + 1..].trim_start_matches([' ', '\n']);
    match content.strip_prefix('<') {
        None => !content.is_empty(),
        Some(tag) => {
            let name = tag
                .bytes()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            INLINE
                .iter()
                .any(|inline| tag[..name].eq_ignore_ascii_case(inline))
        }
    }
}
