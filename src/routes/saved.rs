use infoshos_model::ArticleSummary;
use infoshos_model::links::Page;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::pwa::{self, StorageError};
use crate::site::use_site;
use crate::time::{iso, reader_local};

/// The articles the reader saved for offline reading, newest first, each with a Remove.
/// Everything here comes from the browser's own storage, so it works without a connection.
#[component]
pub fn SavedPage() -> impl IntoView {
    let site = use_site();
    let t = site.ui();
    crate::head::page_head(
        move || t.saved_title.to_string(),
        move || t.saved_title.to_string(),
    );
    let list = RwSignal::new(None::<Result<Vec<ArticleSummary>, StorageError>>);
    crate::load::in_browser(async move {
        list.try_set(Some(pwa::saved().await));
    });
    let problem = RwSignal::new(None::<&'static str>);
    let remove = move |slug: String| {
        spawn_local(async move {
            match pwa::unsave(&slug).await {
                Ok(()) => {
                    list.try_update(|l| {
                        if let Some(Ok(items)) = l {
                            items.retain(|a| a.slug != slug);
                        }
                    });
                }
                Err(e) => {
                    problem.try_set(Some(e.message(t)));
                }
            }
        });
    };
    let row = move |a: ArticleSummary| {
        let when = reader_local(a.published_at);
        let slug = a.slug.clone();
        view! {
            <li>
                <time datetime=iso(a.published_at)>{when}</time>
                <a href=Page::Article(a.lang, a.slug).path()>{a.title}</a>
                <button type="button" class="button" on:click=move |_| remove(slug.clone())>{t.unsave}</button>
            </li>
        }
    };
    view! {
        <h1 class="page-title">{t.saved_title}</h1>
        <p class="form-notice" role="status">{move || problem.get()}</p>
        {move || match list.get() {
            None => view! { <p aria-busy="true">{t.loading}</p> }.into_any(),
            Some(Err(e)) => view! { <p class="failure" role="alert">{e.message(t)}</p> }.into_any(),
            Some(Ok(items)) if items.is_empty() => view! { <p class="saved-none">{t.saved_none}</p> }.into_any(),
            Some(Ok(items)) => view! {
                <ul class="saved-list">{items.into_iter().map(row).collect_view()}</ul>
            }.into_any(),
        }}
    }
}
