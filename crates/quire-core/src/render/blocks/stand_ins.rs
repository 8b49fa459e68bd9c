//! The notes defined outside a window, written before its text as stand-in definitions
//! (`[^x]: .`) so that its references read as in the whole body, and the checks that the
//! notes a window defines leave the body's labels as they were.

use super::parse::{after_blank_line, parse, IAL_BLOCK};
use super::{Block, Parsed, Settings};

/// Parse `stretch` after stand-in definitions of the notes `labels` (closed by a rule and a
/// blank line, so the stretch starts as after a blank line at the top level), and take the
/// stand-ins out again. `None` when they did not come out as written.
pub(super) fn stand_ins(
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
    for at in &mut parsed.unclosed {
        *at = at.checked_sub(skip)?;
    }
    Some(parsed)
}

/// Of the notes `labels`, those `stretch` may refer to: none when it holds no `[^`; else
/// each whose `[^label]` it holds (ASCII case aside), and each label that is not plain
/// ASCII (matched by the parser in its own way); all of them when a `[^` in it is not
/// followed by a plain label.
pub(super) fn cited<'a>(labels: impl Iterator<Item = &'a str>, stretch: &str) -> Vec<&'a str> {
    if !stretch.contains("[^") {
        return Vec::new();
    }
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
pub(super) fn same_labels(
    blocks: &[Block],
    window: core::ops::Range<usize>,
    inserted: &[Block],
) -> bool {
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
