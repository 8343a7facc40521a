//! What a page's head says, written by the reader as pages change and by the server in the page
//! it sends, so the browser tab, a search result and a link preview agree.

/// The portal's name, last in every title and the `og:site_name` of every page.
pub const SITE_NAME: &str = "Infoshos";

/// "Page — Infoshos", or the portal's name alone for a page without a title of its own.
pub fn document_title(page_title: &str) -> String {
    if page_title.is_empty() {
        SITE_NAME.to_string()
    } else {
        format!("{page_title} — {SITE_NAME}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_end_with_the_portal_name_once() {
        assert_eq!(document_title(""), "Infoshos");
        assert_eq!(document_title("Laos joins"), "Laos joins — Infoshos");
    }
}
