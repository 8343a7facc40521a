use infoshos_model::links::Page;
use leptos::prelude::*;

use crate::site::use_site;

/// "Page not found", for an unknown address or (with its own message) an unknown article.
#[component]
pub fn NotFound(#[prop(optional)] message: Option<&'static str>) -> impl IntoView {
    let site = use_site();
    let t = site.ui();
    let message = message.unwrap_or(t.not_found_text);
    crate::head::page_head(
        move || t.not_found_title.to_string(),
        move || message.to_string(),
    );
    view! {
        <section class="not-found">
            <h1>{t.not_found_title}</h1>
            <p>{message}</p>
            <p><a href=Page::Home(site.lang.get_untracked()).path()>{t.back_home}</a></p>
        </section>
    }
}
