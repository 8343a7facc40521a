use infoshos_model::links::Page;
use infoshos_model::{ArticleSummary, Section};
use leptos::prelude::*;

use crate::api;
use crate::components::failure::Failure;
use crate::components::photo::thumb;
use crate::fetch_error::FetchError;
use crate::i18n::section_name;
use crate::i18n::widgets::widgets_ui;
use crate::load::Load;
use crate::site::use_site;
use crate::time::{iso, reader_local};
use infoshos_model::widgets::WidgetProblem;

/// The latest headlines (about one state when `country` is set, of one section when `section`
/// is; with their photos' thumbnails when `photos`), each opening the article on the portal in
/// a new tab.
#[component]
pub fn EmbedFeed(
    limit: usize,
    country: Option<String>,
    section: Option<Section>,
    photos: bool,
) -> impl IntoView {
    let site = use_site();
    let t = site.ui();
    let lang = site.lang.get_untracked();
    let feed = Load::new({
        let country = country.clone();
        move || api::articles(lang, None, country.clone(), section)
    });
    let title = {
        let country = country.clone();
        move || match (&country, section) {
            (Some(code), _) => site
                .state(code)
                .map(|s| format!("{} {}", t.country_news, s.name)),
            (None, Some(section)) => Some(section_name(t, section).to_string()),
            (None, None) => Some(t.latest_news.to_string()),
        }
    };
    // A well-formed code that names no SCO state is only known once the list is here.
    let unknown = move || {
        let code = country.clone()?;
        let known = site.states.with(|s| match s {
            Some(Ok(states)) => Some(states.iter().any(|s| s.code == code)),
            _ => None,
        });
        (known == Some(false)).then(|| widgets_ui(lang).problem(&WidgetProblem::Country(code)))
    };
    let rows = move || match feed.get() {
        None => view! { <p class="widget-loading" aria-busy="true">{t.loading}</p> }.into_any(),
        Some(Err(error)) => view! {
            <Failure what=t.latest_news error retry=Callback::new(move |_| feed.refetch()) />
        }
        .into_any(),
        Some(Ok(list)) if list.items.is_empty() => view! { <p>{t.no_news}</p> }.into_any(),
        Some(Ok(list)) => {
            let rows = list.items.into_iter().take(limit);
            let rows = rows
                .map(|a| view! { <WidgetRow a photos /> })
                .collect_view();
            view! { <ol class="widget-feed">{rows}</ol> }.into_any()
        }
    };
    view! {
        <section class="widget">
            <h1 class="widget-title">{title}</h1>
            {move || match unknown() {
                Some(problem) => view! { <p class="widget-problem" role="alert">{problem}</p> }.into_any(),
                None => rows().into_any(),
            }}
        </section>
    }
}

#[component]
fn WidgetRow(a: ArticleSummary, photos: bool) -> impl IntoView {
    let when = reader_local(a.published_at);
    let thumb = a.photo.filter(|_| photos).map(thumb);
    view! {
        <li>
            {thumb}
            <time datetime=iso(a.published_at)>{when}</time>
            <a href=Page::Article(a.lang, a.slug).path() target="_blank" rel="noopener">{a.title}</a>
        </li>
    }
}

/// One article as a card: headline, time, summary and a link to read it on the portal.
#[component]
pub fn EmbedArticle(slug: String) -> impl IntoView {
    let site = use_site();
    let t = site.ui();
    let w = widgets_ui(site.lang.get_untracked());
    let article = Load::new({
        let slug = slug.clone();
        move || api::article(slug.clone())
    });
    move || match article.get() {
        None => view! { <p class="widget-loading" aria-busy="true">{t.loading}</p> }.into_any(),
        Some(Err(FetchError::NotFound)) => {
            let problem = w.problem(&WidgetProblem::Slug(slug.clone()));
            view! { <p class="widget-problem" role="alert">{problem}</p> }.into_any()
        }
        Some(Err(error)) => view! {
            <Failure what=t.the_article error retry=Callback::new(move |_| article.refetch()) />
        }
        .into_any(),
        Some(Ok(a)) => {
            let when = reader_local(a.published_at);
            let href = Page::Article(a.lang, a.slug).path();
            view! {
                <article class="widget widget-card">
                    <h1 class="widget-title">
                        <a href=href.clone() target="_blank" rel="noopener">{a.title}</a>
                    </h1>
                    <p><time datetime=iso(a.published_at)>{when}</time></p>
                    <p>{a.summary}</p>
                    <p><a href=href target="_blank" rel="noopener">{w.read}</a></p>
                </article>
            }
            .into_any()
        }
    }
}
