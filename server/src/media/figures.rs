//! Library photos placed in an article body. The editor writes `<figure data-photo="{id}">`,
//! with a `<figcaption>` of their own or none (the library's caption and credit then); the
//! sanitiser lets only that through (`sanitize`), and after cleaning each such figure gets its
//! photo's `<picture>` (the model's markup, every text in it escaped, fetched when scrolled
//! near). Cleaning the result again strips it back to the figure and its caption, so a body
//! opened and saved again comes out the same.

use infoshos::components::photo::LEAD_SIZES;
use infoshos_model::Photo;

/// How the sanitiser writes a placed photo's figure (its one attribute; the id is hex).
const OPEN: &str = "<figure data-photo=\"";

/// The ids of the library photos a cleaned body places, in order, each once.
pub fn photo_ids(html: &str) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for (_, rest) in html
        .match_indices(OPEN)
        .map(|(at, _)| html.split_at(at + OPEN.len()))
    {
        if let Some((id, _)) = rest.split_once('"')
            && !ids.iter().any(|seen| seen == id)
        {
            ids.push(id.to_string());
        }
    }
    ids
}

/// `html` (cleaned) with each placed photo's markup. A figure whose photo is not among
/// `photos` is left as it is: it shows its caption alone.
pub fn with_pictures(html: &str, photos: &[Photo]) -> String {
    let mut out = String::with_capacity(html.len() + photos.len() * 1_500);
    let mut rest = html;
    while let Some(at) = rest.find(OPEN) {
        let (before, tag) = rest.split_at(at);
        out.push_str(before);
        let Some((id, inside)) = tag[OPEN.len()..].split_once("\">") else {
            out.push_str(tag);
            return out;
        };
        match photos.iter().find(|p| p.id == id) {
            Some(photo) => {
                out.push_str("<figure class=\"body-photo\" data-photo=\"");
                out.push_str(id);
                out.push_str("\">");
                out.push_str(&photo.picture_html(LEAD_SIZES, false, None));
                let figure = inside.split("</figure>").next().unwrap_or_default();
                if !figure.contains("<figcaption") {
                    out.push_str(&library_caption(photo));
                }
            }
            None => out.push_str(&tag[..tag.len() - inside.len()]),
        }
        rest = inside;
    }
    out.push_str(rest);
    out
}

/// The library's caption and credit as a figure's caption (plain text: what cleaning keeps),
/// or nothing when it has neither.
fn library_caption(photo: &Photo) -> String {
    let caption = photo.figure_caption();
    if caption.is_empty() {
        return String::new();
    }
    format!(
        "<figcaption>{}</figcaption>",
        crate::sanitize::escape_html(&caption)
    )
}

#[cfg(test)]
#[path = "figures_tests.rs"]
mod tests;
