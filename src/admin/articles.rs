//! Every article, on the portal or taken off it, newest first: narrowed by edition, state,
//! status and words of its title or address (the model's `IndexFilter`, read by the server
//! with the same rules); each one opens into the publishing desk.

use infoshos_model::Lang;
use infoshos_model::article_index::{ArticleIndex, IndexFilter, IndexedArticle, OnPortal};
use infoshos_model::links::{self, Page};
use leptos::prelude::*;

use super::shared::{lang, said, t};
use crate::api;
use crate::load::Load;
use crate::submitted::Submitted;
use crate::time::reader_local;

/// The list's address for `filter`.
fn index_url(filter: &IndexFilter) -> String {
    format!(
        "/api/admin/articles{}",
        links::query_string(&filter.query())
    )
}

#[component]
pub fn Articles(
    /// Opens an article (by its address) into the publishing desk.
    open: Callback<String>,
) -> impl IntoView {
    let filter = RwSignal::new(IndexFilter::default());
    let list = Load::new(move || api::get::<ArticleIndex>(index_url(&filter.get_untracked())));
    let states = Load::new(move || api::states(lang()));
    let problem = RwSignal::new(None::<String>);
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = Submitted::of(&ev);
        let [l, c, s, q] = ["lang", "country", "status", "q"].map(|name| typed.field(name));
        match IndexFilter::parse(Some(&l), Some(&c), Some(&s), Some(&q)) {
            Ok(chosen) => {
                problem.set(None);
                filter.set(chosen);
                list.refresh();
            }
            Err(why) => problem.set(Some(why)),
        }
    };
    let state_options = move || {
        states.get().and_then(Result::ok).map(|all| {
            all.into_iter()
                .map(|s| view! { <option value=s.code.clone()>{s.name}</option> })
                .collect_view()
        })
    };
    view! {
        <form class="admin-filter" on:submit=apply>
            <select name="lang" aria-label=t().language>
                <option value="">{t().any_edition}</option>
                {Lang::ALL.map(|l| view! { <option value=l.code()>{l.endonym()}</option> })}
            </select>
            <select name="country" aria-label=t().countries>
                <option value="">{t().any_state}</option>
                {state_options}
            </select>
            <select name="status" aria-label=t().status>
                <option value="">{t().any_status}</option>
                {OnPortal::ALL.map(|o| view! { <option value=o.code()>{on_portal(o)}</option> })}
            </select>
            <input name="q" type="search" aria-label=t().words placeholder=t().words />
            <button type="submit" class="button">{t().show}</button>
        </form>
        <p class="form-notice" role="status">{move || problem.get()}</p>
        {move || match list.get() {
            None => view! { <p aria-busy="true">"…"</p> }.into_any(),
            Some(Err(e)) => view! { <p class="failure" role="alert">{said(&e)}</p> }.into_any(),
            Some(Ok(index)) => {
                let shown = t()
                    .shown
                    .replacen("{}", &index.items.len().to_string(), 1)
                    .replacen("{}", &index.total.to_string(), 1);
                view! {
                    <p class="admin-shown">{shown}</p>
                    <table class="admin-table admin-articles">
                        <thead>
                            <tr>
                                <th>{t().when}</th><th>{t().language}</th><th>{t().article_title}</th>
                                <th>{t().countries}</th><th>{t().comments}</th><th>{t().status}</th><th></th>
                            </tr>
                        </thead>
                        <tbody>{index.items.into_iter().map(|item| row(item, open)).collect_view()}</tbody>
                    </table>
                }
                .into_any()
            }
        }}
    }
}

fn on_portal(o: OnPortal) -> &'static str {
    match o {
        OnPortal::Published => t().on_portal,
        OnPortal::Draft => t().draft,
        OnPortal::Scheduled => t().scheduled,
        OnPortal::TakenDown => t().taken_down,
    }
}

/// One article: when, edition, title (linking to its page while readers can see it), states,
/// published comments, status, and Open.
fn row(item: IndexedArticle, open: Callback<String>) -> impl IntoView {
    let a = item.article;
    let slug = a.slug.clone();
    let key = a.slug.clone();
    let title = if item.hidden {
        a.title.into_any()
    } else {
        let href = Page::Article(a.lang, a.slug).path();
        view! { <a href=href>{a.title}</a> }.into_any()
    };
    let status = match (item.scheduled_for, item.hidden) {
        _ if item.draft => on_portal(OnPortal::Draft).to_string(),
        (Some(at), _) => t().scheduled_for.replacen("{}", &reader_local(at), 1),
        (None, true) => on_portal(OnPortal::TakenDown).to_string(),
        (None, false) => on_portal(OnPortal::Published).to_string(),
    };
    view! {
        <tr data-slug=key>
            <td>{reader_local(a.published_at)}</td>
            <td>{a.lang.code()}</td>
            <td>{title}</td>
            <td>{a.countries.join(", ")}</td>
            <td>{a.comment_count}</td>
            <td>{status}</td>
            <td><button type="button" class="button" on:click=move |_| open.run(slug.clone())>{t().open}</button></td>
        </tr>
    }
}
