use leptos::prelude::*;
use leptos_meta::Title;

use crate::app::use_site;

#[component]
pub fn NotFound() -> impl IntoView {
    let t = use_site().ui();
    view! {
        <Title text=t.not_found_title />
        <section class="not-found">
            <h1>{t.not_found_title}</h1>
            <p>{t.not_found_text}</p>
            <p><a href="/en/">{t.back_home}</a></p>
        </section>
    }
}
