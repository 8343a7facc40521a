//! A library photo placed in the text: picked from the library and written into the body where
//! the cursor is, as `<figure data-photo="{id}"></figure>`. The server adds the photo's picture
//! and, unless the figure is given a `<figcaption>` of its own, the library's caption and
//! credit (`server/src/media/figures.rs`); the preview shows it as readers will.

use infoshos_model::photos::LibraryPhoto;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::photos::Library;
use crate::i18n::admin::photos::photos_ui;

#[component]
pub(super) fn BodyFigure() -> impl IntoView {
    let w = photos_ui(super::shared::lang());
    let picking = RwSignal::new(false);
    let changed = RwSignal::new(0u32);
    let pick = Callback::new(move |chosen: LibraryPhoto| {
        place(&format!(
            "<figure data-photo=\"{}\"></figure>",
            chosen.photo.id
        ));
        picking.set(false);
    });
    view! {
        <div class="body-figure">
            <button type="button" class="button" aria-expanded=move || picking.get().to_string()
                on:click=move |_| picking.update(|p| *p = !*p)>
                {w.body_photo}
            </button>
            {move || picking.get().then(|| view! {
                <Library changed pick=Some(pick) pick_label=Some(w.place_in_text) />
            })}
        </div>
    }
}

/// Writes `html` over the body's selection (at its cursor), and tells the form it changed
/// (the kept draft and the autosave listen for `input`).
fn place(html: &str) {
    let Some(body) = document()
        .get_element_by_id("article-body")
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    else {
        return;
    };
    let _ = body.set_range_text(html);
    if let Ok(input) = web_sys::Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    }) {
        let _ = body.dispatch_event(&input);
    }
    let _ = body.focus();
}
