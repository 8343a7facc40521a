use leptos::prelude::*;

use crate::app::use_site;

#[component]
pub fn NotFound() -> impl IntoView {
    let t = use_site().ui();
    crate::head::page_head(
        move || t.not_found_title.to_string(),
        move || t.not_found_text.to_string(),
    );
    view! {
        <section class="not-found">
            <h1>{t.not_found_title}</h1>
            <p>{t.not_found_text}</p>
            <p><a href="/en/">{t.back_home}</a></p>
        </section>
    }
}
