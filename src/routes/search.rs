use infoshos_model::links::{self, Page};
use infoshos_model::search::{self, SearchHit, Segment};
use leptos::prelude::*;

use crate::api;
use crate::components::failure::Failure;
use crate::components::feed_list::FeedPlaceholder;
use crate::components::photo::thumb;
use crate::i18n::comment_count;
use crate::router::{query_param, use_nav};
use crate::site::use_site;
use crate::time::{iso, reader_local};

/// Results for the words in `?q=`, best first, 20 a page with a "More results" link (a real
/// link: this page is drawn by the server and works without JavaScript). A query the model's
/// rules refuse (empty, too long) is said at once, without asking the server.
#[component]
pub fn SearchPage() -> impl IntoView {
    let site = use_site();
    let t = site.ui();
    let search = use_nav().search.get_untracked();
    let query = query_param(&search, "q").unwrap_or_default();
    let cursor = query_param(&search, "cursor");
    let title = if query.trim().is_empty() {
        t.search_title.to_string()
    } else {
        format!("{}: {}", t.search_title, query.trim())
    };
    crate::head::page_head(
        {
            let title = title.clone();
            move || title.clone()
        },
        move || t.search_hint.to_string(),
    );
    let results = match search::terms(&query) {
        Err(search::QueryProblem::Empty) => view! { <p>{t.search_hint}</p> }.into_any(),
        Err(search::QueryProblem::TooLong) => {
            view! { <p class="failure" role="alert">{t.search_too_long}</p> }.into_any()
        }
        Ok(_) => view! { <Results query cursor /> }.into_any(),
    };
    view! {
        <h1 class="page-title">{title}</h1>
        {results}
    }
}

#[component]
fn Results(query: String, cursor: Option<String>) -> impl IntoView {
    let site = use_site();
    let t = site.ui();
    let lang = site.lang.get_untracked();
    let found = crate::load::Load::new({
        let query = query.clone();
        move || api::search(lang, query.clone(), cursor.clone())
    });
    move || match found.get() {
        None => view! { <FeedPlaceholder rows=5 /> }.into_any(),
        Some(Err(error)) => view! {
            <Failure what=t.search_title error retry=Callback::new(move |_| found.refetch()) />
        }
        .into_any(),
        Some(Ok(page)) if page.items.is_empty() => view! { <p>{t.search_none}</p> }.into_any(),
        Some(Ok(page)) => {
            let more = page
                .next_cursor
                .map(|c| view! { <p class="more"><a class="button" href=links::search(lang, &query, Some(&c))>{t.search_more}</a></p> });
            view! {
                <ol class="feed search-results">
                    {page.items.into_iter().map(|hit| view! { <Hit hit /> }).collect_view()}
                </ol>
                {more}
            }
            .into_any()
        }
    }
}

/// One result: as a feed row, with the snippet where the words matched (marked as text, not
/// as HTML) in place of the lead.
#[component]
fn Hit(hit: SearchHit) -> impl IntoView {
    let t = use_site().ui();
    let item = hit.article;
    let href = Page::Article(item.lang, item.slug).path();
    let when = reader_local(item.published_at);
    let thumb = item.photo.map(thumb);
    let snippet = hit
        .snippet
        .into_iter()
        .map(|Segment { text, mark }| {
            if mark {
                view! { <mark>{text}</mark> }.into_any()
            } else {
                text.into_any()
            }
        })
        .collect_view();
    view! {
        <li class="feed-row">
            {thumb}
            <time class="feed-time" datetime=iso(item.published_at)>{when}</time>
            <h3 class="feed-title"><a href=href>{item.title}</a></h3>
            <p class="feed-summary search-snippet">{snippet}</p>
            <p class="feed-meta">{comment_count(t, item.comment_count)}</p>
        </li>
    }
}
