//! Bring a preview block to its new HTML by the smallest change to its nodes. Typing a
//! word in a paragraph replaces one text node, so the frame restyles no element and lays
//! out and paints one paragraph, where replacing the block's element restyled, laid out
//! and painted all of it (and reloaded its images and embeds). The result is the same
//! document as replacing the nodes: what differs is always taken from the new nodes.

use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

/// Elements whose content is not in their child nodes (a template's is in its
/// `content`): always replaced whole.
const OPAQUE: [&str; 1] = ["TEMPLATE"];

/// Make the child nodes of `old` the same as those of `new` (a detached element holding
/// the new content, parsed as `old`'s was). Children are paired in order, from both ends
/// when the two lists differ in length: a text or comment that changed is replaced by the
/// new one; an element with the same tag and attributes keeps itself and is brought over
/// child by child; any other pair, and the unpaired middle, take the new nodes themselves
/// (moved out of `new`).
pub fn morph_children(old: &Node, new: &Node) {
    morph_nodes(old, &children(old), &children(new), None);
}

/// Make the run of nodes `olds` (children of `parent`, in order, followed by `after` or
/// last) the same as the run `news` (detached nodes, parsed as `olds` were), as
/// [`morph_children`] does with all of them.
pub fn morph_nodes(parent: &Node, olds: &[Node], news: &[Node], after: Option<&Node>) {
    if olds.len() == news.len() {
        for (was, now) in olds.iter().zip(news) {
            if alike(was, now) {
                morph(was, now);
            } else {
                let _ = parent.replace_child(now, was);
            }
        }
        return;
    }
    let shorter = olds.len().min(news.len());
    let front = olds
        .iter()
        .zip(news)
        .take_while(|(was, now)| alike(was, now))
        .count();
    let back = olds
        .iter()
        .rev()
        .zip(news.iter().rev())
        .take(shorter - front)
        .take_while(|(was, now)| alike(was, now))
        .count();
    let (old_end, new_end) = (olds.len() - back, news.len() - back);
    for (was, now) in olds[..front].iter().zip(&news[..front]) {
        morph(was, now);
    }
    for (was, now) in olds[old_end..].iter().zip(&news[new_end..]) {
        morph(was, now);
    }
    for was in &olds[front..old_end] {
        let _ = parent.remove_child(was);
    }
    let before = olds.get(old_end).or(after);
    for now in &news[front..new_end] {
        let _ = parent.insert_before(now, before);
    }
}

/// The nodes from `first` to `last`, siblings in order (both included).
pub fn run(first: &Node, last: &Node) -> Vec<Node> {
    let mut nodes = vec![first.clone()];
    let mut at = first.clone();
    while !at.is_same_node(Some(last)) {
        match at.next_sibling() {
            Some(next) => {
                nodes.push(next.clone());
                at = next;
            }
            None => break,
        }
    }
    nodes
}

/// Put the child nodes of `new` in place of those of `old`.
pub fn replace_children(old: &Node, new: &Node) {
    while let Some(child) = old.first_child() {
        let _ = old.remove_child(&child);
    }
    while let Some(child) = new.first_child() {
        let _ = old.append_child(&child);
    }
}

/// Whether `was` can be brought to `now` in place: both texts, both comments, or
/// elements with the same tag and attributes.
fn alike(was: &Node, now: &Node) -> bool {
    let kind = was.node_type();
    if kind != now.node_type() {
        return false;
    }
    match kind {
        Node::TEXT_NODE | Node::COMMENT_NODE => true,
        // The frame's realm has its own `Element`: not `dyn_into`.
        Node::ELEMENT_NODE => same_element(was.unchecked_ref(), now.unchecked_ref()),
        _ => false,
    }
}

/// Bring `was` to `now`, which are [`alike`].
fn morph(was: &Node, now: &Node) {
    // The browser's own deep comparison passes over what did not change (the rest of a long
    // list or table) in one call.
    if was.is_equal_node(Some(now)) {
        return;
    }
    if was.node_type() == Node::ELEMENT_NODE {
        morph_children(was, now);
    } else if let Some(parent) = was.parent_node() {
        // A text that changed is replaced by the new text node rather than given its
        // words: as cheap, and a change of the element's children, as replacing the block
        // was, for whatever watches the preview's tree for new content.
        let _ = parent.replace_child(now, was);
    }
}

/// The same tag, namespace and attributes (names, order and values).
fn same_element(a: &Element, b: &Element) -> bool {
    let tag = a.tag_name();
    if tag != b.tag_name()
        || OPAQUE.contains(&tag.as_str())
        || a.namespace_uri() != b.namespace_uri()
    {
        return false;
    }
    let names = a.get_attribute_names();
    let other = b.get_attribute_names();
    if names.length() != other.length() {
        return false;
    }
    names.iter().zip(other.iter()).all(|(name, same)| {
        let Some(name) = name.as_string() else {
            return false;
        };
        same.as_string().as_deref() == Some(name.as_str())
            && a.get_attribute(&name) == b.get_attribute(&name)
    })
}

/// The child nodes of `node`, taken before any is moved.
fn children(node: &Node) -> Vec<Node> {
    let list = node.child_nodes();
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}
