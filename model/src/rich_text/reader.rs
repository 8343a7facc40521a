//! Reads a tree of HTML elements into a `Doc`, one element or text at a time, as the desk walks
//! its writing surface or a pasted document (the browser parses; this decides). Whatever the
//! source wrote, only the body's marks and blocks come through: a word processor's bold spans
//! are bold, its list paragraphs a list; its styles, classes, comments, images and scripts
//! are gone, their words kept where they are words.

use super::elements::{BLOCKS, Kind, SKIPPED, foreign, joined, read_marks};
use super::{Block, Doc, Inline, Level, Marks, normal_inlines};

/// An element as the reader needs it: its name (any case) and the attributes that can mean
/// something to a body.
#[derive(Debug, Clone, Copy, Default)]
pub struct Tag<'a> {
    pub name: &'a str,
    pub href: Option<&'a str>,
    /// A figure's `data-photo`.
    pub photo: Option<&'a str>,
    pub style: Option<&'a str>,
    /// Whether it has attributes the writing surface never writes (a class, an id).
    pub extra: bool,
}

struct Frame {
    kind: Kind,
    /// The marks in effect inside it.
    marks: Marks,
    /// How many blocks were read when it opened: a paragraph that added none was empty.
    start: usize,
}

/// Call `open` and `close` for every element in document order and `text` for every text
/// node, then `finish`.
#[derive(Default)]
pub struct Reader {
    blocks: Vec<Block>,
    frames: Vec<Frame>,
    inlines: Vec<Inline>,
    caption: String,
    /// The quote or list the last block belongs to: a quote's paragraphs join it as lines, a
    /// list's items (nested lists' too) join it.
    group: Option<u32>,
    next_group: u32,
    /// Set for anything the writing surface itself would not have drawn.
    pub foreign: bool,
    /// Read for drawing the surface again: spaces and empty paragraphs kept where they are,
    /// so the writer's caret and next word find them.
    raw: bool,
}

impl Reader {
    pub fn new() -> Reader {
        Reader::default()
    }

    /// A reader for `finish_raw`.
    pub fn raw() -> Reader {
        Reader {
            raw: true,
            ..Reader::default()
        }
    }

    pub fn open(&mut self, tag: Tag) {
        let name = tag.name.to_ascii_lowercase();
        let name = name.as_str();
        let style = tag
            .style
            .unwrap_or_default()
            .to_ascii_lowercase()
            .replace([' ', '\n', '\t', '\r'], "");
        let parent = self.frames.last().map(|f| f.kind);
        let mut marks = self
            .frames
            .last()
            .map(|f| f.marks.clone())
            .unwrap_or_default();
        let inside_figure = matches!(parent, Some(Kind::Figure | Kind::Caption));
        let kind = if parent == Some(Kind::Skip)
            || SKIPPED.contains(&name)
            || style.contains("mso-list:ignore")
            || style.contains("display:none")
        {
            Kind::Skip
        } else if inside_figure {
            if name == "figcaption" {
                Kind::Caption
            } else {
                Kind::Inline
            }
        } else {
            match name {
                "h1" | "h2" => Kind::Heading(Level::Two),
                "h3" | "h4" | "h5" | "h6" => Kind::Heading(Level::Three),
                "blockquote" => Kind::Quote(self.group_id()),
                "ul" => Kind::List(self.group_id(), false),
                "ol" => Kind::List(self.group_id(), true),
                "li" => Kind::Item,
                // Word writes a list as paragraphs styled `mso-list:l0 level1 lfo1`.
                "p" if style.contains("mso-list:") => Kind::Item,
                "figure" if tag.photo.is_some_and(crate::photos::is_photo_id) => Kind::Figure,
                _ if BLOCKS.contains(&name) || name == "figure" || name == "figcaption" => {
                    Kind::Block
                }
                _ => Kind::Inline,
            }
        };
        if kind != Kind::Skip {
            read_marks(name, &style, tag.href, &mut marks);
        }
        self.foreign |= foreign(name, &tag, parent, kind);
        if !matches!(kind, Kind::Inline | Kind::Skip | Kind::Caption) {
            self.flush();
        }
        match (kind, name) {
            (Kind::Figure, _) => {
                self.blocks.push(Block::Figure {
                    photo: tag.photo.unwrap_or_default().to_string(),
                    caption: None,
                });
                self.group = None;
            }
            (Kind::Caption, _) => self.caption.clear(),
            (Kind::Inline, "br") => self.inlines.push(Inline::Break),
            (Kind::Inline, "td" | "th") => self.text(" "),
            _ => {}
        }
        let start = self.blocks.len();
        self.frames.push(Frame { kind, marks, start });
    }

    pub fn close(&mut self) {
        let Some((kind, start)) = self.frames.last().map(|f| (f.kind, f.start)) else {
            return;
        };
        match kind {
            Kind::Caption => {
                let words = std::mem::take(&mut self.caption);
                if let Some(Block::Figure { caption, .. }) = self.blocks.last_mut() {
                    *caption = Some(words);
                }
            }
            Kind::Inline | Kind::Skip => {}
            _ => {
                self.flush();
                if self.raw
                    && self.blocks.len() == start
                    && matches!(kind, Kind::Block | Kind::Heading(_) | Kind::Item)
                {
                    self.flush_with(Vec::new());
                }
            }
        }
        self.frames.pop();
    }

    pub fn text(&mut self, words: &str) {
        match self.frames.last() {
            Some(Frame {
                kind: Kind::Skip | Kind::Figure,
                ..
            }) => {}
            Some(Frame {
                kind: Kind::Caption,
                ..
            }) => self.caption.push_str(words),
            Some(Frame {
                kind: Kind::Inline, ..
            }) if self.frames.iter().any(|f| f.kind == Kind::Caption) => {
                self.caption.push_str(words)
            }
            Some(Frame {
                kind: Kind::Inline, ..
            }) if self.frames.iter().any(|f| f.kind == Kind::Figure) => {}
            frame => {
                if frame.is_none() && !words.trim().is_empty() {
                    // Words straight in the surface, outside a paragraph.
                    self.foreign = true;
                }
                let marks = frame.map(|f| f.marks.clone()).unwrap_or_default();
                self.inlines.push(Inline::Text(words.to_string(), marks));
            }
        }
    }

    pub fn finish(mut self) -> Doc {
        self.flush();
        Doc::new(self.blocks)
    }

    /// The blocks as read by a `raw` reader, not made normal: for the surface, not for readers.
    pub fn finish_raw(mut self) -> Vec<Block> {
        self.flush();
        self.blocks
    }

    fn group_id(&mut self) -> u32 {
        self.next_group += 1;
        self.next_group
    }

    /// The words read since the last block began become a block of the kind the innermost
    /// heading, list item or quote around them says (a paragraph outside all three).
    fn flush(&mut self) {
        let read = std::mem::take(&mut self.inlines);
        let inlines = if self.raw {
            joined(read)
        } else {
            normal_inlines(read)
        };
        if !inlines.is_empty() {
            self.flush_with(inlines);
        }
    }

    fn flush_with(&mut self, inlines: Vec<Inline>) {
        let list = self.frames.iter().find_map(|f| match f.kind {
            Kind::List(id, ordered) => Some((id, ordered)),
            _ => None,
        });
        let context = self.frames.iter().rev().find_map(|f| match f.kind {
            Kind::Heading(level) => Some(Kind::Heading(level)),
            Kind::Item => Some(Kind::Item),
            Kind::Quote(id) => Some(Kind::Quote(id)),
            _ => None,
        });
        let same = |id| self.group == Some(id);
        match (context, self.blocks.last_mut()) {
            (Some(Kind::Heading(level)), _) => self.push(Block::Heading(level, inlines), None),
            (Some(Kind::Quote(id)), Some(Block::Quote(lines))) if same(id) => {
                lines.push(Inline::Break);
                lines.extend(inlines);
            }
            (Some(Kind::Quote(id)), _) => self.push(Block::Quote(inlines), Some(id)),
            (Some(Kind::Item), last) => {
                // An item outside a list is Word's: its list is the run of such paragraphs.
                let (id, ordered) = list.unwrap_or((0, false));
                match last {
                    Some(Block::List { items, .. }) if same(id) => items.push(inlines),
                    _ => self.push(
                        Block::List {
                            ordered,
                            items: vec![inlines],
                        },
                        Some(id),
                    ),
                }
            }
            _ => self.push(Block::Paragraph(inlines), None),
        }
    }

    fn push(&mut self, block: Block, group: Option<u32>) {
        self.blocks.push(block);
        self.group = group;
    }
}
