use leptos::prelude::*;

use crate::components::news_feed::NewsFeed;
use crate::site::use_site;

#[component]
pub fn HomePage() -> impl IntoView {
    let t = use_site().ui();
    crate::head::page_head(String::new, move || t.meta_description.to_string());
    view! {
        <h1 class="page-title">{t.latest_news}</h1>
        <NewsFeed country=Signal::derive(|| None::<String>) />
    }
}
