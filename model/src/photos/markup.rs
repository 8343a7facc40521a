//! The `<picture>` pages show, as one string for the server's page and the app alike.

use super::{Photo, PhotoFormat};
use crate::html::escape_html;

impl Photo {
    /// The words under the photo where it stands in an article's text: its caption, then its
    /// credit, joined by a dash; empty when it has neither. The server's figure and the desk's
    /// preview of it both say this.
    pub fn figure_caption(&self) -> String {
        [self.caption.trim(), self.credit.trim()]
            .into_iter()
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" — ")
    }

    /// The photo's `<picture>` as HTML: AVIF, WebP, then JPEG in every width made (up to `max`), its
    /// own size reserved (`width`/`height`), `lead` fetched first and at once, else when
    /// scrolled near; `data-colour` is its average colour, which the stylesheet paints behind
    /// it while it loads (`attr()`, no script). As a Leptos view it cost the reader's wasm
    /// 1.3 KB more (brotli, measured). Every text in it is
    /// escaped; the id is hex and the rest are numbers and our own words.
    pub fn picture_html(&self, sizes: &str, lead: bool, max: Option<u32>) -> String {
        let mut out = String::from("<picture>");
        for format in [PhotoFormat::Avif, PhotoFormat::WebP] {
            out.push_str("<source type=\"");
            out.push_str(format.mime());
            out.push_str("\" srcset=\"");
            out.push_str(&self.srcset(format, max));
            out.push_str("\" sizes=\"");
            out.push_str(sizes);
            out.push_str("\">");
        }
        out.push_str("<img src=\"");
        let smallest = super::widths(self.width).next().unwrap_or(self.width);
        self.push_src(&mut out, smallest, PhotoFormat::Jpeg);
        out.push_str("\" srcset=\"");
        out.push_str(&self.srcset(PhotoFormat::Jpeg, max));
        out.push_str("\" sizes=\"");
        out.push_str(sizes);
        out.push_str("\" width=\"");
        out.push_str(&self.width.to_string());
        out.push_str("\" height=\"");
        out.push_str(&self.height.to_string());
        out.push_str("\" alt=\"");
        out.push_str(&escape_html(&self.alt));
        out.push_str(if lead {
            "\" loading=\"eager\" fetchpriority=\"high\""
        } else {
            "\" loading=\"lazy\""
        });
        out.push_str(" decoding=\"async\" data-colour=\"");
        out.push_str(&escape_html(&self.colour));
        out.push_str("\"></picture>");
        out
    }

    /// The lead photo with its caption and credit, as HTML (see `picture_html`).
    pub fn lead_html(&self, sizes: &str) -> String {
        let mut html = self.picture_html(sizes, true, None);
        if !(self.caption.is_empty() && self.credit.is_empty()) {
            html.push_str("<figcaption>");
            html.push_str(&escape_html(&self.caption));
            html.push_str(" <span class=\"photo-credit\">");
            html.push_str(&escape_html(&self.credit));
            html.push_str("</span></figcaption>");
        }
        html
    }
}
