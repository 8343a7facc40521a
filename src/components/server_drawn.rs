//! Parts of the page the server draws and the app leaves as they are: the masthead's sections
//! and the "Most read" box. The app draws each as the same element, empty, marked `data-kept`;
//! when it takes the page over, the loader moves the server's element into its place
//! (public/loader.js), and in-app pages keep it (it is in the frame). So both read without
//! JavaScript and cost the reader's wasm only their empty elements: drawn by the app, the
//! sections' links alone cost the bundle 0.5 KB of brotli more, which it did not have
//! (`make size`; decision 0020).

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    crate::api, crate::i18n::section_name, crate::i18n::server_drawn::server_drawn,
    crate::load::Load, crate::site::use_site, infoshos_model::ArticleSummary,
    infoshos_model::Section, infoshos_model::links::Page, infoshos_model::most_read::Period,
};

/// The sections, as links on a line of the masthead's own.
#[component]
pub fn SectionsNav() -> impl IntoView {
    #[cfg(feature = "ssr")]
    let links = {
        let site = use_site();
        let lang = site.lang.get_untracked();
        let (t, words) = (site.ui(), server_drawn(lang));
        // No `aria-current`: after the reader moves on in the app it would name the wrong one.
        let links = Section::ALL.map(|s| {
            view! { <a href=Page::Section(lang, s).path()>{section_name(t, s)}</a> }
        });
        view! { <nav class="sections" aria-label=words.sections_label>{links}</nav> }
    };
    #[cfg(not(feature = "ssr"))]
    let links = ();
    view! { <div id="sections" class="sections-wrap" data-kept="">{links}</div> }
}

/// The edition's most read articles today and this week, by the server's counts (nothing at
/// all until something has been read this week).
#[component]
pub fn MostRead() -> impl IntoView {
    #[cfg(feature = "ssr")]
    let lists = {
        let lang = use_site().lang.get_untracked();
        let t = server_drawn(lang);
        let load = |period: Period| {
            let url = infoshos_model::most_read::address(lang, period);
            Load::new(move || api::get::<Vec<ArticleSummary>>(url.clone()))
        };
        let (day, week) = (load(Period::Day), load(Period::Week));
        let list = |items: Vec<ArticleSummary>, title: &'static str| {
            (!items.is_empty()).then(|| {
                let rows = items.into_iter().map(|a| {
                    view! { <li><a href=Page::Article(a.lang, a.slug).path()>{a.title}</a></li> }
                });
                view! { <h3>{title}</h3> <ol class="most-read-list">{rows.collect_view()}</ol> }
            })
        };
        move || {
            let week = week.get().and_then(Result::ok).filter(|w| !w.is_empty())?;
            let day = day.get().and_then(Result::ok).unwrap_or_default();
            Some(view! {
                <h2>{t.most_read}</h2>
                {list(day, t.most_read_day)}
                {list(week, t.most_read_week)}
            })
        }
    };
    #[cfg(not(feature = "ssr"))]
    let lists = ();
    view! { <section id="most-read" class="box most-read" data-kept="">{lists}</section> }
}
