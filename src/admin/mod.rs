//! The editors' area (`/admin`, its own bundle; not linked for readers): sign in with the
//! token, then the queue of comments by status, with approve / reject / delete for one or many.
//! The session lives in an HttpOnly cookie the browser sends by itself; nothing is stored here.

use infoshos_model::admin::{Login, Moderation, ModerationAction, QueuedComment};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::api::{self, FetchError};
use crate::i18n::admin::ADMIN_EN as T;
use crate::time::{format_date_time, reader_offset_east_min};

async fn post<B: serde::Serialize>(
    url: &str,
    body: &B,
) -> Result<wasm_bindgen::JsValue, FetchError> {
    let json = serde_wasm_bindgen::to_value(body)
        .ok()
        .and_then(|v| js_sys::JSON::stringify(&v).ok())
        .and_then(|s| s.as_string())
        .ok_or(FetchError::Decode)?;
    api::send(
        gloo_net::http::Request::post(url)
            .header("content-type", "application/json")
            .body(json),
    )
    .await
}

#[component]
pub fn AdminApp() -> impl IntoView {
    crate::head::html_lang(|| "en");
    document().set_title(T.title);
    let status = RwSignal::new("pending");
    let queue = RwSignal::new(None::<Result<Vec<QueuedComment>, FetchError>>);
    let selected = RwSignal::new(Vec::<i64>::new());
    let message = RwSignal::new(None::<String>);
    let reload = move || {
        selected.set(Vec::new());
        spawn_local(async move {
            let url = format!("/api/admin/comments?status={}", status.get_untracked());
            queue.try_set(Some(api::get::<Vec<QueuedComment>>(url).await));
        });
    };
    reload();
    let signed_out = move || matches!(queue.get(), Some(Err(FetchError::Rejected(401, _))));

    let sign_in = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form: web_sys::HtmlFormElement = ev.target().unwrap().unchecked_into();
        let token = web_sys::FormData::new_with_form(&form)
            .ok()
            .and_then(|d| d.get("token").as_string())
            .unwrap_or_default();
        spawn_local(async move {
            match post("/api/admin/login", &Login { token }).await {
                Ok(_) => {
                    message.set(None);
                    reload();
                }
                Err(e) => message.set(Some(e.to_string())),
            }
        });
    };
    let act = move |action: ModerationAction, ids: Vec<i64>| {
        if ids.is_empty() {
            return;
        }
        spawn_local(async move {
            let said = match post("/api/admin/comments", &Moderation { ids, action }).await {
                Ok(v) => {
                    let n = js_sys::Reflect::get(&v, &"changed".into())
                        .ok()
                        .and_then(|n| n.as_f64());
                    format!("{} {}", n.unwrap_or(0.0), T.changed)
                }
                Err(e) => e.to_string(),
            };
            message.set(Some(said));
            reload();
        });
    };
    let sign_out = move |_| {
        spawn_local(async move {
            let _ = post("/api/admin/logout", &()).await;
            reload();
        });
    };
    let buttons = move |ids: Box<dyn Fn() -> Vec<i64>>| {
        let ids = std::rc::Rc::new(ids);
        [(ModerationAction::Approve, T.approve), (ModerationAction::Reject, T.reject), (ModerationAction::Delete, T.delete)]
            .into_iter()
            .map(|(action, label)| {
                let ids = ids.clone();
                view! { <button type="button" class="button" on:click=move |_| act(action, ids())>{label}</button> }
            })
            .collect_view()
    };
    view! {
        <header class="header"><span class="brand-name">{T.title}</span></header>
        <main class="main admin">
            <p class="form-notice" role="status">{move || message.get()}</p>
            {move || if signed_out() {
                view! {
                    <form class="admin-login" on:submit=sign_in>
                        <label for="admin-token">{T.token}</label>
                        <input id="admin-token" name="token" type="password" autocomplete="current-password" required />
                        <button type="submit" class="button primary">{T.sign_in}</button>
                    </form>
                }.into_any()
            } else {
                view! {
                    <nav class="admin-tabs">
                        {T.statuses.into_iter().map(|(code, label)| view! {
                            <button type="button" class="button" aria-pressed=move || (status.get() == code).to_string()
                                on:click=move |_| { status.set(code); reload(); }>{label}</button>
                        }).collect_view()}
                        " "
                        <button type="button" class="link" on:click=sign_out>{T.sign_out}</button>
                    </nav>
                    <p class="admin-bulk">
                        <label><input type="checkbox" on:change=move |ev| {
                            let all = event_target_checked(&ev);
                            selected.set(if all { queue.with_untracked(|q| match q { Some(Ok(l)) => l.iter().map(|c| c.id).collect(), _ => Vec::new() }) } else { Vec::new() });
                        } /> " " {T.select_all}</label>
                        " " {T.selected} " " {buttons(Box::new(move || selected.get_untracked()))}
                    </p>
                    {move || match queue.get() {
                        None => view! { <p aria-busy="true">"…"</p> }.into_any(),
                        Some(Err(e)) => view! { <p class="failure" role="alert">{e.to_string()}</p> }.into_any(),
                        Some(Ok(list)) if list.is_empty() => view! { <p>{T.none}</p> }.into_any(),
                        Some(Ok(list)) => view! {
                            <ol class="admin-queue">
                                {list.into_iter().map(|c| {
                                    let id = c.id;
                                    let when = format_date_time(c.created_at, reader_offset_east_min(c.created_at));
                                    view! {
                                        <li class="admin-comment" data-id=id>
                                            <label><input type="checkbox" prop:checked=move || selected.with(|s| s.contains(&id))
                                                on:change=move |ev| { let on = event_target_checked(&ev); selected.update(|s| { s.retain(|x| *x != id); if on { s.push(id); } }); } />
                                                " " <strong>{c.name}</strong></label>
                                            " " {c.email.unwrap_or_default()} " · " {when} " · "
                                            <a href=format!("/en/article/{}", c.article_slug)>{c.article_title}</a>
                                            <p class="comment-text">{c.text}</p>
                                            <p>{buttons(Box::new(move || vec![id]))}</p>
                                        </li>
                                    }
                                }).collect_view()}
                            </ol>
                        }.into_any(),
                    }}
                }.into_any()
            }}
        </main>
    }
}
