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
    // A story's editions side by side, under its newest.
    let grouped = RwSignal::new(false);
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
            <label class="admin-group">
                <input type="checkbox" prop:checked=move || grouped.get()
                    on:change=move |ev| grouped.set(event_target_checked(&ev)) />
                " " {t().group_by_story}
            </label>
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
                                <th>{t().countries}</th><th>{t().editions}</th><th>{t().comments}</th>
                                <th>{t().status}</th><th></th>
                            </tr>
                        </thead>
                        <tbody>{move || rows(index.items.clone(), grouped.get(), open)}</tbody>
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

/// The rows, newest first; grouped, each story's editions follow its newest, marked as its.
fn rows(mut items: Vec<IndexedArticle>, grouped: bool, open: Callback<String>) -> impl IntoView {
    if grouped {
        let first = |story: &str, items: &[IndexedArticle]| {
            items
                .iter()
                .position(|i| i.story == story)
                .unwrap_or_default()
        };
        let order: Vec<usize> = items.iter().map(|i| first(&i.story, &items)).collect();
        let mut indexed: Vec<(usize, IndexedArticle)> = order.into_iter().zip(items).collect();
        // A stable sort: within a story, newest first still.
        indexed.sort_by_key(|(story_at, _)| *story_at);
        items = indexed.into_iter().map(|(_, item)| item).collect();
    }
    let mut last_story = String::new();
    items
        .into_iter()
        .map(|item| {
            let more = grouped && item.story == last_story;
            last_story = item.story.clone();
            row(item, more, open)
        })
        .collect_view()
}

/// The editions its story has, in their own languages, and those it lacks.
fn editions(item: &IndexedArticle) -> String {
    let (has, lacks): (Vec<Lang>, Vec<Lang>) = Lang::ALL
        .into_iter()
        .partition(|l| item.editions.contains(l));
    let names = |langs: Vec<Lang>| {
        langs
            .iter()
            .map(|l| l.endonym())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if lacks.is_empty() {
        names(has)
    } else {
        format!("{} · {} {}", names(has), t().missing, names(lacks))
    }
}

/// One article: when, edition, title (linking to its page while readers can see it), states,
/// its story's editions, published comments, status, and Open.
fn row(item: IndexedArticle, more: bool, open: Callback<String>) -> impl IntoView {
    let shown_editions = editions(&item);
    let flagged = item
        .correction_asked
        .then(|| format!(" · {}", t().needs_correction));
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
        <tr data-slug=key class:story-more=more>
            <td>{reader_local(a.published_at)}</td>
            <td>{a.lang.code()}</td>
            <td>{title}</td>
            <td>{a.countries.join(", ")}</td>
            <td class="admin-editions">{shown_editions}</td>
            <td>{a.comment_count}</td>
            <td>{status}{flagged}</td>
            <td><button type="button" class="button" on:click=move |_| open.run(slug.clone())>{t().open}</button></td>
        </tr>
    }
}
