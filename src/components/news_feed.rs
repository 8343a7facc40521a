use infoshos_model::links::{Page, next_page};
use leptos::prelude::*;

use crate::api;
use crate::components::failure::Failure;
use crate::components::feed_list::{FeedList, FeedPlaceholder};
use crate::site::use_site;

/// The feed of `feed` (the front page, a state's or a section's page), 20 at a time. It starts
/// at the `cursor` in the URL (so a "More news" link can be shared), and "More news" adds the
/// next page below without leaving the page.
#[component]
pub fn NewsFeed(feed: Page) -> impl IntoView {
    let nav = crate::router::use_nav();
    let start = Memo::new(move |_| crate::router::query_param(&nav.search.read(), "cursor"));
    // A new start or another state begins a fresh list.
    move || {
        let first = start.get();
        let feed = feed.clone();
        let pages = RwSignal::new(vec![first.clone()]);
        let restart = first.is_some().then(|| {
            let t = use_site().ui();
            view! { <p class="feed-restart"><a href="?">{t.newest_first}</a></p> }
        });
        view! {
            {restart}
            <For each=move || pages.get().into_iter().enumerate() key=|(i, _)| *i let:page>
                <FeedPage index=page.0 cursor=page.1 pages feed=feed.clone() />
            </For>
        }
    }
}

#[component]
fn FeedPage(
    index: usize,
    cursor: Option<String>,
    pages: RwSignal<Vec<Option<String>>>,
    feed: Page,
) -> impl IntoView {
    let t = use_site().ui();
    let (lang, country, section) = match &feed {
        Page::Country(lang, code) => (*lang, Some(code.clone()), None),
        Page::Section(lang, section) => (*lang, None, Some(*section)),
        other => (other.lang(), None, None),
    };
    let page = crate::load::Load::new(move || {
        api::articles(lang, cursor.clone(), country.clone(), section)
    });
    let is_last = move || pages.read().len() == index + 1;
    let content = move || match page.get() {
        None => view! { <FeedPlaceholder rows=20 /> }.into_any(),
        Some(Err(error)) => view! {
            <Failure what=t.latest_news error retry=Callback::new(move |_| page.refetch()) />
        }
        .into_any(),
        Some(Ok(list)) => {
            let empty = index == 0 && list.items.is_empty();
            let more = list.next_cursor.clone().filter(|_| is_last());
            view! {
                {empty.then(|| view! { <p class="feed-empty">{t.no_news}</p> })}
                <FeedList items=list.items />
                {more.map(|next| {
                    let href = next_page(&feed, &next);
                    view! {
                        <p class="feed-more">
                            <a
                                class="button more"
                                href=href
                                data-no-route=""
                                on:click=move |ev| {
                                    // Stay and add the next 20; the link stays shareable.
                                    ev.prevent_default();
                                    pages.update(|p| p.push(Some(next.clone())));
                                }
                            >
                                {t.more_news}
                            </a>
                        </p>
                    }
                })}
            }
            .into_any()
        }
    };
    view! { <div class="feed-page" data-page=index>{content}</div> }
}
