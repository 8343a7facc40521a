//! What the toolbar's buttons, the shortcuts and a Markdown-style line start do to the
//! surface. The browser's editing commands do the work (they split and join blocks and marks
//! as writers expect, in every script and with an input method); what they leave behind is
//! the browser's markup, which `surface::settle` then draws again as ours.

use infoshos_model::rich_text::Level;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Command {
    Bold,
    Italic,
    Paragraph,
    Heading(Level),
    Quote,
    List { ordered: bool },
}

/// Runs one of the browser's editing commands on the selection.
pub(super) fn exec(name: &str, value: &str) {
    let doc: web_sys::HtmlDocument = document().unchecked_into();
    let _ = doc.exec_command_with_show_ui_and_value(name, false, value);
}

pub(super) fn run(command: Command) {
    match command {
        Command::Bold => exec("bold", ""),
        Command::Italic => exec("italic", ""),
        Command::Paragraph => exec("formatBlock", "<p>"),
        Command::Heading(Level::Two) => toggle_block("h2"),
        Command::Heading(Level::Three) => toggle_block("h3"),
        Command::Quote => toggle_block("blockquote"),
        Command::List { ordered: false } => exec("insertUnorderedList", ""),
        Command::List { ordered: true } => exec("insertOrderedList", ""),
    }
}

/// Makes the caret's block a `name`, or a paragraph again if it is one.
fn toggle_block(name: &str) {
    let current = caret_block().map(|b| b.local_name());
    if current.as_deref() == Some(name) {
        exec("formatBlock", "<p>");
    } else {
        exec("formatBlock", &format!("<{name}>"));
    }
}

/// The surface's block (a child of the surface) holding the caret.
pub(super) fn caret_block() -> Option<Element> {
    let root = super::surface::surface()?;
    let node = window().get_selection().ok().flatten()?.focus_node()?;
    top_block(&root, &node)
}

/// The child of `root` that holds `node`.
pub(super) fn top_block(root: &Node, node: &Node) -> Option<Element> {
    let mut at = node.clone();
    loop {
        let parent = at.parent_node()?;
        if parent.is_same_node(Some(root)) {
            return at.dyn_into().ok();
        }
        at = parent;
    }
}

/// Line starts that make a block, as in Markdown: `## ` a subhead, `### ` a minor one, `> ` a
/// quote, `- ` or `* ` a bulleted list, `1. ` a numbered one.
const STARTS: &[(&str, Command)] = &[
    ("##", Command::Heading(Level::Two)),
    ("###", Command::Heading(Level::Three)),
    (">", Command::Quote),
    ("-", Command::List { ordered: false }),
    ("*", Command::List { ordered: false }),
    ("1.", Command::List { ordered: true }),
];

/// After a space typed: if the paragraph began with one of `STARTS` and the space, that start
/// is taken away and the paragraph becomes its block (no input event says so: the caller
/// records it). Whether it did.
pub(super) fn line_start() -> bool {
    let Some(selection) = window().get_selection().ok().flatten() else {
        return false;
    };
    let (Some(node), offset) = (selection.focus_node(), selection.focus_offset()) else {
        return false;
    };
    let Some(text) = node.dyn_ref::<web_sys::CharacterData>() else {
        return false;
    };
    let Some(block) = caret_block().filter(|b| b.local_name() == "p") else {
        return false;
    };
    let typed = text.data().replace('\u{a0}', " ");
    let Some(&(marker, command)) = STARTS.iter().find(|(marker, _)| {
        let start = format!("{marker} ");
        offset as usize == start.len()
            && typed.starts_with(&start)
            && block
                .text_content()
                .is_some_and(|t| t.replace('\u{a0}', " ").starts_with(&start))
    }) else {
        return false;
    };
    let _ = text.delete_data(0, marker.len() as u32 + 1);
    // Made here rather than by the browser's commands, which leave the emptied paragraph behind.
    let (outer, inner) = match command {
        Command::Heading(Level::Two) => ("h2", None),
        Command::Heading(Level::Three) => ("h3", None),
        Command::Quote => ("blockquote", None),
        Command::List { ordered: true } => ("ol", Some("li")),
        _ => ("ul", Some("li")),
    };
    let made = |name: &str| document().create_element(name).expect("an element of HTML");
    let replacement = made(outer);
    let holder = match inner {
        Some(name) => {
            let item = made(name);
            let _ = replacement.append_child(&item);
            item
        }
        None => replacement.clone(),
    };
    while let Some(child) = block.first_child() {
        let _ = holder.append_child(&child);
    }
    if holder.text_content().unwrap_or_default().is_empty() {
        holder.set_text_content(None);
        let _ = holder.append_child(&made("br"));
    }
    if let Some(parent) = block.parent_node() {
        let _ = parent.replace_child(&replacement, &block);
    }
    let _ = selection.collapse_with_offset(Some(&holder), 0);
    true
}
