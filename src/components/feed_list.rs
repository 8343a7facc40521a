use infoshos_model::ArticleSummary;
use infoshos_model::links::Page;
use leptos::prelude::*;

use crate::components::photo::thumb;
use crate::components::section_link::section_link;
use crate::i18n::comment_count;
use crate::site::use_site;
use crate::time::{iso, reader_local};

/// Rows of the news feed: the lead photo's thumbnail, local date and time, headline, summary,
/// section and comment count.
#[component]
pub fn FeedList(items: Vec<ArticleSummary>) -> impl IntoView {
    view! {
        <ol class="feed">
            {items.into_iter().map(|item| view! { <FeedRow item /> }).collect_view()}
        </ol>
    }
}

#[component]
pub fn FeedRow(item: ArticleSummary) -> impl IntoView {
    let site = use_site();
    let t = site.ui();
    let href = Page::Article(item.lang, item.slug).path();
    let when = reader_local(item.published_at);
    let thumb = item.photo.map(thumb);
    let section = section_link(item.lang, item.section, " · ");
    view! {
        <li class="feed-row">
            {thumb}
            <time class="feed-time" datetime=iso(item.published_at)>{when}</time>
            <h3 class="feed-title"><a href=href>{item.title}</a></h3>
            <p class="feed-summary">{item.summary}</p>
            <p class="feed-meta">{section}{comment_count(t, item.comment_count)}</p>
        </li>
    }
}

/// Grey rows of the same height as real ones, so the page does not jump when news arrives.
#[component]
pub fn FeedPlaceholder(rows: usize) -> impl IntoView {
    let t = use_site().ui();
    view! {
        <ol class="feed feed-loading" aria-busy="true" aria-label=t.loading>
            {(0..rows).map(|_| view! { <li class="feed-row placeholder"></li> }).collect_view()}
        </ol>
    }
}
