//! What everyone in the newsroom did, newest first: who (their account's name), when, what,
//! and on which comment, article or person; narrowed by action, article and who (the model's
//! `AuditFilter`).

use infoshos_model::admin::{AuditEntry, AuditFilter};
use infoshos_model::links::{self, Page};
use leptos::prelude::*;

use super::shared::{p, t};
use crate::api;
use crate::load::Load;
use crate::submitted::Submitted;
use crate::time::reader_local;

#[component]
pub fn Audit() -> impl IntoView {
    let filter = RwSignal::new(AuditFilter::default());
    let entries = Load::new(move || {
        let query = links::query_string(&filter.get_untracked().query());
        api::get::<Vec<AuditEntry>>(format!("/api/admin/audit{query}"))
    });
    let problem = RwSignal::new(None::<String>);
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = Submitted::of(&ev);
        let [action, article, actor] = ["action", "article", "actor"].map(|n| typed.field(n));
        match AuditFilter::parse(Some(&action), Some(&article), Some(&actor)) {
            Ok(chosen) => {
                problem.set(None);
                filter.set(chosen);
                entries.refresh();
            }
            Err(why) => problem.set(Some(why)),
        }
    };
    let list = move || {
        match entries.get() {
        None => view! { <p aria-busy="true">"…"</p> }.into_any(),
        Some(Err(e)) => view! { <p class="failure" role="alert">{super::shared::said(&e)}</p> }.into_any(),
        Some(Ok(list)) if list.is_empty() => view! { <p>{t().no_audit}</p> }.into_any(),
        Some(Ok(list)) => view! {
            <table class="admin-table admin-audit">
                <thead>
                    <tr><th>{t().when}</th><th>{t().who}</th><th>{t().what}</th><th>{t().which}</th></tr>
                </thead>
                <tbody>{list.into_iter().map(audit_row).collect_view()}</tbody>
            </table>
        }
        .into_any(),
    }
    };
    view! {
        <form class="admin-filter" on:submit=apply>
            <select name="action" aria-label=t().what>
                <option value="">{t().any_action}</option>
                {actions().map(|&(code, words)| view! { <option value=code>{words}</option> }).collect_view()}
            </select>
            <input name="article" type="search" aria-label=t().article_address placeholder=t().article_address />
            <input name="actor" type="search" aria-label=t().who placeholder=t().who />
            <button type="submit" class="button">{t().show}</button>
        </form>
        <p class="form-notice" role="status">{move || problem.get()}</p>
        {list}
    }
}

/// Every action the audit knows, in words: on comments and articles, then on people.
fn actions() -> impl Iterator<Item = &'static (&'static str, &'static str)> {
    t().actions.iter().chain(p().actions.iter())
}

/// One action: when, who, what, and the comment, article or person it touched.
fn audit_row(e: AuditEntry) -> impl IntoView {
    let when = reader_local(e.at);
    let which = match (e.comment_id, e.article_slug, e.article_id) {
        (Some(c), _, _) => format!("{} {c}", t().comment).into_any(),
        // Published articles link to where readers see them.
        (None, Some(slug), _) => {
            let href = Page::Article(e.article_lang.unwrap_or_default(), slug.clone()).path();
            view! { <a href=href>{slug}</a> }.into_any()
        }
        (None, None, Some(a)) => format!("{} {a}", t().article).into_any(),
        (None, None, None) => e.subject.unwrap_or_default().into_any(),
    };
    // An action this table does not know (a newer server's) is shown as stored.
    let action = actions()
        .find(|(code, _)| *code == e.action)
        .map_or(e.action.clone(), |(_, words)| words.to_string());
    view! {
        <tr><td>{when}</td><td>{e.actor}</td><td>{action}</td><td>{which}</td></tr>
    }
}
