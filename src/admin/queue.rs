//! The moderation queue: comments by status, newest first, with approve / reject / delete for
//! one or many.

use infoshos_model::admin::{Changed, Moderation, ModerationAction, QueuedComment};
use infoshos_model::links::Page;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::shared::t;
use super::shared::{post, said};
use crate::api;
use crate::load::Load;
use crate::time::reader_local;

#[component]
pub fn Queue(
    status: RwSignal<&'static str>,
    queue: Load<Vec<QueuedComment>>,
    message: RwSignal<Option<String>>,
    reload: Callback<()>,
) -> impl IntoView {
    let selected = RwSignal::new(Vec::<i64>::new());
    Effect::new(move || {
        queue.with(|_| ());
        selected.set(Vec::new());
    });
    let act = move |action: ModerationAction, ids: Vec<i64>| {
        if ids.is_empty() {
            return;
        }
        spawn_local(async move {
            let said = match post("/api/admin/comments", &Moderation { ids, action }).await {
                Ok(v) => match api::decode::<Changed>(v) {
                    Ok(c) => t().changed.replacen("{}", &c.changed.to_string(), 1),
                    Err(e) => said(&e),
                },
                Err(e) => said(&e),
            };
            message.set(Some(said));
            reload.run(());
        });
    };
    let buttons = move |ids: Box<dyn Fn() -> Vec<i64>>| {
        let ids = std::rc::Rc::new(ids);
        [(ModerationAction::Approve, t().approve), (ModerationAction::Reject, t().reject), (ModerationAction::Delete, t().delete)]
            .into_iter()
            .map(|(action, label)| {
                let ids = ids.clone();
                view! { <button type="button" class="button" on:click=move |_| act(action, ids())>{label}</button> }
            })
            .collect_view()
    };
    view! {
        <nav class="admin-tabs" aria-label=t().comments>
            {t().statuses.into_iter().map(|(code, label)| view! {
                <button type="button" class="button" aria-pressed=move || (status.get() == code).to_string()
                    on:click=move |_| { status.set(code); reload.run(()); }>{label}</button>
            }).collect_view()}
        </nav>
        <p class="admin-bulk">
            <label><input type="checkbox" on:change=move |ev| {
                let all = event_target_checked(&ev);
                selected.set(if all { queue.with_untracked(|q| match q { Some(Ok(l)) => l.iter().map(|c| c.id).collect(), _ => Vec::new() }) } else { Vec::new() });
            } /> " " {t().select_all}</label>
            " " {t().selected} " " {buttons(Box::new(move || selected.get_untracked()))}
        </p>
        {move || match queue.get() {
            None => view! { <p aria-busy="true">"…"</p> }.into_any(),
            Some(Err(e)) => view! { <p class="failure" role="alert">{said(&e)}</p> }.into_any(),
            Some(Ok(list)) if list.is_empty() => view! { <p>{t().none}</p> }.into_any(),
            Some(Ok(list)) => view! {
                <ol class="admin-queue">
                    {list.into_iter().map(|c| {
                        let id = c.id;
                        let when = reader_local(c.created_at);
                        view! {
                            <li class="admin-comment" data-id=id>
                                <label><input type="checkbox" prop:checked=move || selected.with(|s| s.contains(&id))
                                    on:change=move |ev| { let on = event_target_checked(&ev); selected.update(|s| { s.retain(|x| *x != id); if on { s.push(id); } }); } />
                                    " " <strong>{c.name}</strong></label>
                                " " {c.email.unwrap_or_default()} " · " {when} " · "
                                <a href=Page::Article(c.article_lang, c.article_slug).path()>{c.article_title}</a>
                                {c.answers.map(|a| view! {
                                    <blockquote class="admin-answered">
                                        <p>{t().in_reply_to} " " <strong>{a.name}</strong></p>
                                        <p class="comment-text">{a.text}</p>
                                    </blockquote>
                                })}
                                <p class="comment-text">{c.text}</p>
                                <p>{buttons(Box::new(move || vec![id]))}</p>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            }.into_any(),
        }}
    }
}
