//! The selection in the writing surface as two counts (where it starts and where it ends),
//! which survive drawing the surface again: each character of text counts one, as does each
//! block's start, each line break and each figure. The same words drawn again give the same
//! counts, so the writer's caret, or the words they selected, stay where they were.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Caret {
    pub anchor: u32,
    pub focus: u32,
}

fn counts_as_start(node: &Node) -> bool {
    node.dyn_ref::<Element>().is_some_and(|el| {
        matches!(
            el.local_name().as_str(),
            "p" | "h2" | "h3" | "blockquote" | "li" | "div" | "br" | "figure"
        )
    })
}

fn text_length(node: &Node) -> u32 {
    node.dyn_ref::<web_sys::CharacterData>()
        .map_or(0, web_sys::CharacterData::length)
}

/// The selection's counts, if it is in `root`.
pub(super) fn save(root: &Node) -> Option<Caret> {
    let selection = window().get_selection().ok().flatten()?;
    let anchor = selection.anchor_node()?;
    let focus = selection.focus_node()?;
    if !root.contains(Some(&anchor)) || !root.contains(Some(&focus)) {
        return None;
    }
    Some(Caret {
        anchor: count_to(root, &anchor, selection.anchor_offset())?,
        focus: count_to(root, &focus, selection.focus_offset())?,
    })
}

/// The count at a DOM point (a text node and an offset in it, or an element and a child's
/// index).
pub(super) fn count_to(root: &Node, target: &Node, offset: u32) -> Option<u32> {
    let mut count = 0;
    find(root, target, offset, &mut count)
}

fn find(node: &Node, target: &Node, offset: u32, count: &mut u32) -> Option<u32> {
    if node.is_same_node(Some(target)) && node.node_type() == Node::TEXT_NODE {
        return Some(*count + offset);
    }
    let children = node.child_nodes();
    for i in 0..children.length() {
        if node.is_same_node(Some(target)) && i == offset {
            return Some(*count);
        }
        let Some(child) = children.item(i) else {
            continue;
        };
        if counts_as_start(&child) {
            *count += 1;
        }
        if child.node_type() == Node::TEXT_NODE {
            if child.is_same_node(Some(target)) {
                return Some(*count + offset);
            }
            *count += text_length(&child);
        } else if child
            .dyn_ref::<Element>()
            .is_some_and(|e| e.local_name() == "figure")
        {
            if child.contains(Some(target)) {
                return Some(*count);
            }
        } else if let Some(found) = find(&child, target, offset, count) {
            return Some(found);
        }
    }
    node.is_same_node(Some(target)).then_some(*count)
}

/// The DOM point at `wanted`: in the first text that reaches it (the end of a word rather
/// than the start of the next, so typing goes on in the same marks), else at the start of
/// the block that begins there, else at the end.
pub(super) fn point_at(root: &Node, wanted: u32) -> (Node, u32) {
    let mut count = 0;
    let mut block_start: Option<Node> = None;
    if let Some(found) = seek(root, wanted, &mut count, &mut block_start) {
        return found;
    }
    match block_start {
        Some(block) => (block, 0),
        None => (root.clone(), root.child_nodes().length()),
    }
}

fn seek(
    node: &Node,
    wanted: u32,
    count: &mut u32,
    block_start: &mut Option<Node>,
) -> Option<(Node, u32)> {
    let children = node.child_nodes();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else {
            continue;
        };
        if counts_as_start(&child) {
            *count += 1;
            let el = child.dyn_ref::<Element>();
            if *count == wanted && block_start.is_none() {
                *block_start = Some(match el.map(Element::local_name).as_deref() {
                    // After a line break or a figure: the point after it in its parent.
                    Some("br" | "figure") => return Some((node.clone(), i + 1)),
                    _ => child.clone(),
                });
            }
        }
        if *count > wanted {
            return None;
        }
        if child.node_type() == Node::TEXT_NODE {
            let length = text_length(&child);
            if *count + length >= wanted {
                return Some((child, wanted.saturating_sub(*count)));
            }
            *count += length;
        } else if child
            .dyn_ref::<Element>()
            .is_some_and(|e| e.local_name() != "figure")
            && let Some(found) = seek(&child, wanted, count, block_start)
        {
            return Some(found);
        }
    }
    None
}

/// Selects from `caret.anchor` to `caret.focus` again.
pub(super) fn restore(root: &Node, caret: Caret) {
    let Some(selection) = window().get_selection().ok().flatten() else {
        return;
    };
    let (anchor, anchor_at) = point_at(root, caret.anchor);
    let (focus, focus_at) = point_at(root, caret.focus);
    let _ = selection.set_base_and_extent(&anchor, anchor_at, &focus, focus_at);
}
