//! An article body as the desk's writing surface keeps it: paragraphs, subheads of two levels,
//! quotes, bulleted and numbered lists and library figures, their text bold, italic or linked.
//! Whatever the surface holds, typed or pasted from a word processor or a web page, is read
//! into this (`Reader`) and written out as HTML (`Doc::to_html`) in the way the server's
//! sanitiser writes it, so cleaning a body the desk made changes nothing: what the desk shows
//! is what readers get (server/tests/api/rich_text_properties.rs holds every document to it).

mod address;
mod elements;
mod reader;
#[cfg(test)]
mod tests;

pub use address::{AddressProblem, link_address};
pub use reader::{Reader, Tag};

/// How a run of text is marked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marks {
    pub bold: bool,
    pub italic: bool,
    /// The address it links to, as `link_address` passed it.
    pub link: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String, Marks),
    /// A line break inside a block (Shift+Enter).
    Break,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Two,
    Three,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(Vec<Inline>),
    Heading(Level, Vec<Inline>),
    Quote(Vec<Inline>),
    List {
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
    /// A library photo by its id; with no caption of its own the server adds the library's.
    Figure {
        photo: String,
        caption: Option<String>,
    },
}

/// A body in its normal form: every text's whitespace as a reader sees it (one space, none at
/// a block's ends), no empty block, equal marks side by side joined, links that pass
/// `link_address`, figures naming a photo id. `Doc::new` is the only way to one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Doc(Vec<Block>);

impl Doc {
    pub fn new(blocks: Vec<Block>) -> Doc {
        Doc(blocks.into_iter().filter_map(normal_block).collect())
    }

    pub fn blocks(&self) -> &[Block] {
        &self.0
    }

    /// The body as HTML, written as the sanitiser writes it (its text escapes, `rel` on links).
    pub fn to_html(&self) -> String {
        let mut out = String::new();
        for block in &self.0 {
            write_block(&mut out, block);
        }
        out
    }
}

fn normal_block(block: Block) -> Option<Block> {
    let some = |inlines: Vec<Inline>| Some(normal_inlines(inlines)).filter(|i| !i.is_empty());
    match block {
        Block::Paragraph(i) => some(i).map(Block::Paragraph),
        Block::Heading(level, i) => some(i).map(|i| Block::Heading(level, i)),
        Block::Quote(i) => some(i).map(Block::Quote),
        Block::List { ordered, items } => {
            let items: Vec<_> = items.into_iter().filter_map(some).collect();
            (!items.is_empty()).then_some(Block::List { ordered, items })
        }
        Block::Figure { photo, caption } => crate::photos::is_photo_id(&photo).then(|| {
            let caption = caption
                .map(|c| collapse(&c).trim().to_string())
                .filter(|c| !c.is_empty());
            Block::Figure { photo, caption }
        }),
    }
}

/// Whitespace (a no-break space too) as one space, control characters gone.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else if !c.is_control() {
            out.push(c);
        }
    }
    out
}

/// A block's inlines as a reader sees them: see `Doc`.
fn normal_inlines(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    // True where a space would be a second one, or a block's or a line's first character.
    let mut after_space = true;
    for inline in inlines {
        match inline {
            Inline::Break => {
                trim_end(&mut out);
                if !out.is_empty() && out.last() != Some(&Inline::Break) {
                    out.push(Inline::Break);
                }
                after_space = true;
            }
            Inline::Text(text, mut marks) => {
                marks.link = marks.link.and_then(|l| link_address(&l).ok());
                let mut text = collapse(&text);
                if after_space && text.starts_with(' ') {
                    text.remove(0);
                }
                if text.is_empty() {
                    continue;
                }
                after_space = text.ends_with(' ');
                match out.last_mut() {
                    Some(Inline::Text(last, last_marks)) if *last_marks == marks => {
                        last.push_str(&text)
                    }
                    _ => out.push(Inline::Text(text, marks)),
                }
            }
        }
    }
    trim_end(&mut out);
    if out.last() == Some(&Inline::Break) {
        out.pop();
    }
    out
}

/// Drops the space that ends the last text (and the text, if it was all).
fn trim_end(out: &mut Vec<Inline>) {
    if let Some(Inline::Text(text, _)) = out.last_mut() {
        if text.ends_with(' ') {
            text.pop();
        }
        if text.is_empty() {
            out.pop();
        }
    }
}

fn write_block(out: &mut String, block: &Block) {
    match block {
        Block::Paragraph(i) => wrap(out, "p", i),
        Block::Heading(Level::Two, i) => wrap(out, "h2", i),
        Block::Heading(Level::Three, i) => wrap(out, "h3", i),
        Block::Quote(i) => wrap(out, "blockquote", i),
        Block::List { ordered, items } => {
            let tag = if *ordered { "ol" } else { "ul" };
            out.push_str(&format!("<{tag}>"));
            for item in items {
                wrap(out, "li", item);
            }
            out.push_str(&format!("</{tag}>"));
        }
        Block::Figure { photo, caption } => {
            out.push_str(&format!("<figure data-photo=\"{}\">", attribute(photo)));
            if let Some(caption) = caption {
                out.push_str(&format!("<figcaption>{}</figcaption>", text(caption)));
            }
            out.push_str("</figure>");
        }
    }
}

fn wrap(out: &mut String, tag: &str, inlines: &[Inline]) {
    out.push_str(&format!("<{tag}>"));
    let mut open_link: Option<&str> = None;
    for inline in inlines {
        let link = match inline {
            Inline::Text(_, marks) => marks.link.as_deref(),
            Inline::Break => None,
        };
        if open_link.is_some() && open_link != link {
            out.push_str("</a>");
            open_link = None;
        }
        if let (None, Some(href)) = (open_link, link) {
            out.push_str(&format!(
                "<a href=\"{}\" rel=\"noopener noreferrer\">",
                attribute(href)
            ));
            open_link = Some(href);
        }
        match inline {
            Inline::Break => out.push_str("<br>"),
            Inline::Text(words, marks) => {
                let (b, i) = (marks.bold, marks.italic);
                out.push_str(match (b, i) {
                    (true, true) => "<strong><em>",
                    (true, false) => "<strong>",
                    (false, true) => "<em>",
                    (false, false) => "",
                });
                out.push_str(&text(words));
                out.push_str(match (b, i) {
                    (true, true) => "</em></strong>",
                    (true, false) => "</strong>",
                    (false, true) => "</em>",
                    (false, false) => "",
                });
            }
        }
    }
    if open_link.is_some() {
        out.push_str("</a>");
    }
    out.push_str(&format!("</{tag}>"));
}

/// Text as the HTML serializer writes it between tags (quotes stay as they are).
fn text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Text as the HTML serializer writes it in a double-quoted attribute.
fn attribute(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;")
}
