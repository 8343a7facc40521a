use infoshos_model::links::Page;
use leptos::prelude::*;

use crate::components::news_feed::NewsFeed;
use crate::i18n::section_name;
use crate::site::use_site;

/// The front page or a section's (`feed`): its heading and its feed. One component for both:
/// a section page of its own cost the bundle 0.2 KB more.
#[component]
pub fn NewsPage(feed: Page) -> impl IntoView {
    let t = use_site().ui();
    let section = match feed {
        Page::Section(_, s) => Some(section_name(t, s)),
        _ => None,
    };
    crate::head::page_head(
        move || section.unwrap_or_default().to_string(),
        move || section.unwrap_or(t.meta_description).to_string(),
    );
    view! {
        <h1 class="page-title">{section.unwrap_or(t.latest_news)}</h1>
        <NewsFeed feed />
    }
}
