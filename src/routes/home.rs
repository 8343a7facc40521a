use leptos::prelude::*;
use leptos_meta::Title;

use crate::app::use_site;
use crate::components::news_feed::NewsFeed;

#[component]
pub fn HomePage() -> impl IntoView {
    let t = use_site().ui();
    view! {
        <Title text="" />
        <h1 class="page-title">{t.latest_news}</h1>
        <NewsFeed country=Signal::derive(|| None::<String>) />
    }
}
