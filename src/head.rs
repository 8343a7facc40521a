//! The document's title, description and language. Three DOM writes do what leptos_meta
//! would, for a fraction of its bytes (see `make size`).

use leptos::prelude::*;

/// While the calling page is shown, keeps the title ("Page — Infoshos") and the meta
/// description in step with the page's data.
pub fn page_head(title: impl Fn() -> String + 'static, description: impl Fn() -> String + 'static) {
    Effect::new(move |_| {
        document().set_title(&infoshos_model::head::document_title(&title()));
        set_description(&description());
    });
}

fn set_description(text: &str) {
    let doc = document();
    let meta = match doc.query_selector("meta[name=description]").ok().flatten() {
        Some(meta) => meta,
        None => {
            let Ok(meta) = doc.create_element("meta") else {
                return;
            };
            let _ = meta.set_attribute("name", "description");
            if let Some(head) = doc.head() {
                let _ = head.append_child(&meta);
            }
            meta
        }
    };
    let _ = meta.set_attribute("content", text);
}

/// `<html lang>` follows the edition, for screen readers and hyphenation.
pub fn html_lang(code: impl Fn() -> &'static str + 'static) {
    Effect::new(move |_| {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", code());
        }
    });
}
