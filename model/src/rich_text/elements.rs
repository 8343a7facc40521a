//! What an element means to a body: which hold no words, which are blocks, the marks an
//! element or its style gives, and which the writing surface would not have drawn itself.

use super::reader::Tag;
use super::{Inline, Level, Marks, link_address};

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Kind {
    /// Inside an element whose content is never words (a script, a style, Word's list bullet).
    Skip,
    Inline,
    /// A paragraph or anything laid out as one (`div`, a table row).
    Block,
    Heading(Level),
    Quote(u32),
    List(u32, bool),
    Item,
    Figure,
    Caption,
}

pub(super) const SKIPPED: &[&str] = &[
    "script", "style", "template", "noscript", "head", "title", "meta", "link", "xml", "svg",
    "math", "object", "iframe", "select", "textarea", "button", "img", "picture", "video", "audio",
    "canvas",
];
pub(super) const BLOCKS: &[&str] = &[
    "p", "div", "section", "article", "header", "footer", "aside", "main", "nav", "pre", "tr",
    "dt", "dd", "address", "table", "hr", "details", "summary", "dl", "center",
];

/// Runs with the same marks as one, empty ones gone, the rest as it was.
pub(super) fn joined(read: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    for inline in read {
        match (out.last_mut(), inline) {
            (_, Inline::Text(text, _)) if text.is_empty() => {}
            (Some(Inline::Text(last, last_marks)), Inline::Text(text, marks))
                if *last_marks == marks =>
            {
                last.push_str(&text)
            }
            (_, inline) => out.push(inline),
        }
    }
    out
}

/// Bold and italic as the element or its style says; a link where its address passes.
pub(super) fn read_marks(name: &str, style: &str, href: Option<&str>, marks: &mut Marks) {
    match name {
        "b" | "strong" => marks.bold = true,
        "i" | "em" => marks.italic = true,
        "a" => marks.link = href.and_then(|h| link_address(h).ok()),
        _ => {}
    }
    // Google Docs wraps a whole paste in `<b style="font-weight:normal">`, and marks its bold
    // as spans with `font-weight:700`; Word's `mso-bidi-font-weight` is for other scripts.
    for declaration in style.split(';') {
        match declaration.split_once(':') {
            Some(("font-weight", w)) => {
                marks.bold = matches!(w, "bold" | "bolder" | "600" | "700" | "800" | "900")
            }
            Some(("font-style", s)) => marks.italic = matches!(s, "italic" | "oblique"),
            _ => {}
        }
    }
}

/// Whether the writing surface would not have drawn this element so: any other element, or
/// one in a place or with attributes of its own (the browser's `<b>` for Ctrl+B, a `<div>` for
/// a paragraph, a style).
pub(super) fn foreign(name: &str, tag: &Tag, parent: Option<Kind>, kind: Kind) -> bool {
    let top = parent.is_none();
    let in_block = matches!(
        parent,
        Some(Kind::Block | Kind::Heading(_) | Kind::Quote(_) | Kind::Item | Kind::Inline)
    );
    if parent.is_some_and(|p| matches!(p, Kind::Figure | Kind::Caption)) {
        return false;
    }
    let drawn = match name {
        "p" | "h2" | "h3" | "blockquote" | "ul" | "ol" | "figure" => top,
        "li" => matches!(parent, Some(Kind::List(..))),
        "strong" | "em" | "br" => in_block,
        "a" => in_block && tag.href.is_some(),
        _ => false,
    };
    !drawn
        || tag.style.is_some()
        || tag.extra
        || (name != "a" && tag.href.is_some())
        || kind == Kind::Skip
}
