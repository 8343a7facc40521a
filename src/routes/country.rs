use infoshos_model::links::Page;
use leptos::prelude::*;

use crate::components::flag::Flag;
use crate::components::news_feed::NewsFeed;
use crate::site::use_site;

/// The news about one state.
#[component]
pub fn CountryPage(code: String) -> impl IntoView {
    let site = use_site();
    let t = site.ui();
    let code = Memo::new(move |_| code.to_ascii_uppercase());
    let state = Memo::new(move |_| site.state(&code.get()));
    // Until the list arrives (or if it failed) assume the state exists.
    let known = move || state.get().is_some() || site.states.with(|o| !matches!(o, Some(Ok(_))));
    let heading = move || match state.get() {
        Some(s) => format!("{} {}", t.country_news, s.name),
        None => format!("{} {}", t.country_news, code.get()),
    };
    crate::head::page_head(heading, heading);
    view! {
        <Show
            when=known
            fallback=move || view! {
                <section class="not-found">
                    <h1>{t.unknown_country}</h1>
                    <p><a href=Page::Home(site.lang.get_untracked()).path()>{t.back_home}</a></p>
                </section>
            }
        >
            <h1 class="page-title">
                {move || state.get().map(|s| view! { <Flag code=s.code /> " " })}
                {heading}
            </h1>
            {move || {
                let feed = Page::Country(site.lang.get_untracked(), code.get());
                view! { <NewsFeed feed /> }
            }}
        </Show>
    }
}
