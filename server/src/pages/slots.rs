//! A built page cut once, when it is read (`shell`), at the places a page is written into: the
//! attributes of `<html>`, the `<title>`, the description, the end of the head, the app's
//! static shell, the status bar's attributes and the end of the body. A page is then written in one pass over the built
//! one (`Slotted::write`), not found again and copied once per change.

use std::ops::Range;

/// What goes into each slot of one page; an empty or absent one leaves the built page's.
#[derive(Debug, Default)]
pub struct Fill {
    /// Added to `<html>`'s attributes, each followed by a space (`data-theme="dark" `).
    pub html_attributes: String,
    /// The whole `<title>` element.
    pub title: Option<String>,
    /// The whole description tag; added to the head's end when the page has none.
    pub description: Option<String>,
    /// Added at the end of the head, each tag followed by a line break.
    pub head_end: String,
    /// The rendered app, in place of the static shell and its markers.
    pub app: Option<String>,
    /// Added to the status bar's attributes (`#pwa-status`), each preceded by a space: its
    /// words and, on a feed page, its stream (`status_bar`).
    pub status_bar: String,
    /// Added at the end of the body.
    pub body_end: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    HtmlAttributes,
    Title,
    Description,
    HeadEnd,
    App,
    StatusBar,
    BodyEnd,
}

/// A built page and where its slots are, in the order they come.
#[derive(Debug)]
pub struct Slotted {
    page: String,
    slots: Vec<(Slot, Range<usize>)>,
}

/// Where `open…close` is, both included.
fn element(page: &str, open: &str, close: &str) -> Option<Range<usize>> {
    let start = page.find(open)?;
    let end = start + page[start..].find(close)? + close.len();
    Some(start..end)
}

/// Where the tag holding `marker` (one of its attributes) is.
fn tag_holding(page: &str, marker: &str) -> Option<Range<usize>> {
    let at = page.find(marker)?;
    let start = page[..at].rfind('<')?;
    Some(start..at + page[at..].find('>')? + 1)
}

/// An empty range where `text` begins (`after`: where it ends).
fn point(page: &str, text: &str, after: bool) -> Option<Range<usize>> {
    let at = page.find(text)? + if after { text.len() } else { 0 };
    Some(at..at)
}

impl Slotted {
    pub fn new(page: String) -> Slotted {
        let p = page.as_str();
        let found = [
            (Slot::HtmlAttributes, point(p, "<html ", true)),
            (Slot::Title, element(p, "<title>", "</title>")),
            (
                Slot::Description,
                tag_holding(p, "name=description")
                    .or_else(|| tag_holding(p, "name=\"description\"")),
            ),
            (Slot::HeadEnd, point(p, "</head>", false)),
            (Slot::App, element(p, "<!--shell-->", "<!--/shell-->")),
            (Slot::StatusBar, point(p, "id=\"pwa-status\"", true)),
            (Slot::BodyEnd, point(p, "</body>", false)),
        ];
        let mut slots: Vec<(Slot, Range<usize>)> = found
            .into_iter()
            .filter_map(|(slot, range)| Some((slot, range?)))
            .collect();
        slots.sort_by_key(|(_, range)| (range.start, range.end));
        // A slot inside another (a page written oddly) is left as the page has it.
        let mut end = 0;
        slots.retain(|(_, range)| {
            let apart = range.start >= end;
            end = end.max(range.end);
            apart
        });
        Slotted { page, slots }
    }

    /// The page as built.
    pub fn page(&self) -> &str {
        &self.page
    }

    /// The page with `fill` written into its slots, in one pass.
    pub fn write(&self, fill: &Fill) -> String {
        let has_description = self.slots.iter().any(|(s, _)| *s == Slot::Description);
        let extra = fill.html_attributes.len()
            + fill.title.as_ref().map_or(0, String::len)
            + fill.description.as_ref().map_or(0, String::len)
            + fill.head_end.len()
            + fill.app.as_ref().map_or(0, String::len)
            + fill.status_bar.len()
            + fill.body_end.len();
        let mut out = String::with_capacity(self.page.len() + extra + 1);
        let mut from = 0;
        for (slot, range) in &self.slots {
            out.push_str(&self.page[from..range.start]);
            let built = &self.page[range.clone()];
            match slot {
                Slot::HtmlAttributes => out.push_str(&fill.html_attributes),
                Slot::Title => out.push_str(fill.title.as_deref().unwrap_or(built)),
                Slot::Description => out.push_str(fill.description.as_deref().unwrap_or(built)),
                Slot::HeadEnd => {
                    if let (false, Some(description)) = (has_description, &fill.description) {
                        out.push_str(description);
                        out.push('\n');
                    }
                    out.push_str(&fill.head_end);
                }
                Slot::App => out.push_str(fill.app.as_deref().unwrap_or(built)),
                Slot::StatusBar => out.push_str(&fill.status_bar),
                Slot::BodyEnd => out.push_str(&fill.body_end),
            }
            from = range.end;
        }
        out.push_str(&self.page[from..]);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!doctype html><html lang=\"en\"><head><title>Old</title>\
        <meta name=\"description\" content=\"old\"></head><body><div id=\"app\"><!--shell-->\
        <p>Loading</p><!--/shell--></div><div id=\"pwa-status\" hidden></div></body></html>";

    #[test]
    fn an_empty_fill_writes_the_page_as_built() {
        assert_eq!(Slotted::new(PAGE.into()).write(&Fill::default()), PAGE);
    }

    #[test]
    fn each_slot_is_written_where_it_is_and_the_rest_is_left_byte_for_byte() {
        let fill = Fill {
            html_attributes: "data-theme=\"dark\" ".into(),
            title: Some("<title>New</title>".into()),
            description: Some("<meta name=\"description\" content=\"new\">".into()),
            head_end: "<link rel=\"canonical\" href=\"/en/\">\n".into(),
            app: Some("<main>News</main>".into()),
            status_bar: " data-offline=\"Offline\"".into(),
            body_end: "<script type=\"application/json\" id=\"carried\">{}</script>\n".into(),
        };
        assert_eq!(
            Slotted::new(PAGE.into()).write(&fill),
            "<!doctype html><html data-theme=\"dark\" lang=\"en\"><head><title>New</title>\
             <meta name=\"description\" content=\"new\"><link rel=\"canonical\" href=\"/en/\">\n\
             </head><body><div id=\"app\"><main>News</main></div>\
             <div id=\"pwa-status\" data-offline=\"Offline\" hidden></div>\
             <script type=\"application/json\" id=\"carried\">{}</script>\n</body></html>"
        );
    }

    #[test]
    fn a_description_for_a_page_without_one_goes_first_at_the_head_end() {
        let page = "<head><title>T</title></head><body></body>";
        let fill = Fill {
            description: Some("<meta name=description content=d>".into()),
            head_end: "<meta name=robots content=noindex>\n".into(),
            ..Fill::default()
        };
        assert_eq!(
            Slotted::new(page.into()).write(&fill),
            "<head><title>T</title><meta name=description content=d>\n\
             <meta name=robots content=noindex>\n</head><body></body>"
        );
    }
}
