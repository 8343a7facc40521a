//! The writing surface's DOM and the model's document: the surface read into blocks
//! (`infoshos_model::rich_text::Reader`), blocks drawn into it with DOM nodes (never as HTML
//! text), the caret kept across a drawing as a count of characters, and the body's HTML field
//! kept equal to what the surface shows.

use infoshos_model::rich_text::{Block, Doc, Inline, Level, Reader, Tag};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

use super::photo_previews;

pub(super) const SURFACE_ID: &str = "article-body-surface";
/// The form's field the server gets: the body as HTML.
pub(super) const BODY_ID: &str = "article-body";

pub(super) fn surface() -> Option<web_sys::HtmlElement> {
    document()
        .get_element_by_id(SURFACE_ID)
        .and_then(|e| e.dyn_into().ok())
}

fn body_field() -> Option<web_sys::HtmlTextAreaElement> {
    document()
        .get_element_by_id(BODY_ID)
        .and_then(|e| e.dyn_into().ok())
}

/// What the surface holds, read raw (spaces and empty paragraphs as they are), and whether
/// the browser put markup of its own there.
pub(super) fn read(root: &Node) -> (Vec<Block>, bool) {
    let mut reader = Reader::raw();
    walk_children(&mut reader, root);
    let foreign = reader.foreign;
    (reader.finish_raw(), foreign)
}

/// A document parsed elsewhere (a paste, the HTML field) read into the body's normal form.
pub(super) fn read_normal(root: &Node) -> Doc {
    let mut reader = Reader::new();
    walk_children(&mut reader, root);
    reader.finish()
}

fn walk_children(reader: &mut Reader, node: &Node) {
    let children = node.child_nodes();
    for i in 0..children.length() {
        if let Some(child) = children.item(i) {
            walk(reader, &child);
        }
    }
}

fn walk(reader: &mut Reader, node: &Node) {
    match node.node_type() {
        Node::TEXT_NODE => reader.text(&node.node_value().unwrap_or_default()),
        Node::ELEMENT_NODE => {
            let el: &Element = node.unchecked_ref();
            let name = el.local_name();
            let (href, photo, style) = (
                el.get_attribute("href"),
                el.get_attribute("data-photo"),
                el.get_attribute("style"),
            );
            // What the surface writes itself: an address, a figure's photo and its lock.
            let ours = [&href, &photo, &style]
                .iter()
                .filter(|a| a.is_some())
                .count()
                + usize::from(el.has_attribute("contenteditable"));
            reader.open(Tag {
                name: &name,
                href: href.as_deref(),
                photo: photo.as_deref(),
                style: style.as_deref(),
                extra: el.attributes().length() as usize > ours,
            });
            walk_children(reader, node);
            reader.close();
        }
        _ => {}
    }
}

/// Draws `blocks` as the surface's content, in place of what it held.
pub(super) fn draw(root: &Element, blocks: &[Block]) {
    root.set_text_content(None);
    for block in blocks {
        let _ = root.append_child(&block_node(block));
    }
    if blocks.is_empty() {
        let _ = root.append_child(&with_inlines("p", &[]));
    }
}

fn element(name: &str) -> Element {
    document().create_element(name).expect("an element of HTML")
}

fn block_node(block: &Block) -> Element {
    match block {
        Block::Paragraph(i) => with_inlines("p", i),
        Block::Heading(Level::Two, i) => with_inlines("h2", i),
        Block::Heading(Level::Three, i) => with_inlines("h3", i),
        Block::Quote(i) => with_inlines("blockquote", i),
        Block::List { ordered, items } => {
            let list = element(if *ordered { "ol" } else { "ul" });
            for item in items {
                let _ = list.append_child(&with_inlines("li", item));
            }
            list
        }
        Block::Figure { photo, caption } => figure(photo, caption.as_deref()),
    }
}

/// A placed photo as the surface shows it: locked against typing, its picture from the
/// library when the desk knows it, and its caption (its own, read back; or the library's,
/// shown only).
pub(super) fn figure(photo: &str, caption: Option<&str>) -> Element {
    let figure = element("figure");
    let _ = figure.set_attribute("data-photo", photo);
    let _ = figure.set_attribute("contenteditable", "false");
    let known = photo_previews::find(photo);
    if let Some((src, alt, _)) = &known {
        let img = element("img");
        let _ = img.set_attribute("src", src);
        let _ = img.set_attribute("alt", alt);
        let _ = figure.append_child(&img);
    }
    match (caption, known) {
        (Some(own), _) => {
            let caption = element("figcaption");
            caption.set_text_content(Some(own));
            let _ = figure.append_child(&caption);
        }
        (None, Some((_, _, library))) => {
            let shown = element("span");
            shown.set_text_content(Some(&library));
            let _ = figure.append_child(&shown);
        }
        (None, None) => figure.set_text_content(Some(&format!("[{photo}]"))),
    }
    figure
}

fn with_inlines(name: &str, inlines: &[Inline]) -> Element {
    let block = element(name);
    let mut link: Option<(String, Element)> = None;
    for inline in inlines {
        let href = match inline {
            Inline::Text(_, marks) => marks.link.clone(),
            Inline::Break => None,
        };
        if link.as_ref().map(|(h, _)| h) != href.as_ref() {
            link = href.map(|h| {
                let a = element("a");
                let _ = a.set_attribute("href", &h);
                let _ = block.append_child(&a);
                (h, a)
            });
        }
        let parent = link.as_ref().map_or(&block, |(_, a)| a);
        let node: Node = match inline {
            Inline::Break => element("br").into(),
            Inline::Text(words, marks) => {
                let mut node: Node = document().create_text_node(words).into();
                for (on, name) in [(marks.italic, "em"), (marks.bold, "strong")] {
                    if on {
                        let wrap = element(name);
                        let _ = wrap.append_child(&node);
                        node = wrap.into();
                    }
                }
                node
            }
        };
        let _ = parent.append_child(&node);
    }
    if inlines.is_empty() {
        let _ = block.append_child(&element("br"));
    }
    block
}

/// Writes the surface's document into the body's HTML field if it changed there, and draws
/// the surface again when the browser put its own markup in it (its `<b>` for Ctrl+B, a
/// `<span style>`), the caret kept. Returns the surface's blocks as read.
pub(super) fn settle(announce: bool) -> Vec<Block> {
    let Some(root) = surface() else {
        return Vec::new();
    };
    let (blocks, foreign) = read(&root);
    if foreign {
        let caret = super::caret::save(&root);
        draw(&root, &blocks);
        if let Some(caret) = caret {
            super::caret::restore(&root, caret);
        }
    }
    write_field(&Doc::new(blocks.clone()).to_html(), announce);
    blocks
}

/// Puts `html` in the body's field; with `announce`, tells the form (its kept copy and the
/// autosave listen for `input`), as typing in the surface does by itself.
pub(super) fn write_field(html: &str, announce: bool) {
    let Some(field) = body_field() else { return };
    if field.value() == html {
        return;
    }
    field.set_value(html);
    if announce
        && let Ok(input) = web_sys::Event::new_with_event_init_dict("input", &{
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            init
        })
    {
        let _ = field.dispatch_event(&input);
    }
}

/// The body's HTML field read into the surface (an article opened, a draft brought back, the
/// HTML view left): parsed by the browser into a document that runs and loads nothing, and
/// only what the model reads from it drawn.
pub(super) fn load_from_field() {
    let (Some(root), Some(field)) = (surface(), body_field()) else {
        return;
    };
    let doc = parse(&field.value())
        .map(|body| read_normal(&body))
        .unwrap_or_default();
    draw(&root, doc.blocks());
}

/// HTML text parsed into an inert document's body (`DOMParser`: no script runs, no image
/// loads).
pub(super) fn parse(html: &str) -> Option<Node> {
    let parser = web_sys::DomParser::new().ok()?;
    let parsed = parser
        .parse_from_string(html, web_sys::SupportedType::TextHtml)
        .ok()?;
    parsed.body().map(Into::into)
}
