//! The editors' area (`/admin`, its own bundle; not linked for readers): sign in with the
//! token, then the comments waiting for a decision, a form to publish an article, and the
//! audit of what editors did. The session lives in an HttpOnly cookie the browser sends by
//! itself; nothing is stored here.

mod articles;
mod audit;
mod draft_form;
mod kept_draft;
mod publish;
mod queue;

use infoshos_model::Lang;
use infoshos_model::admin::{Login, QueuedComment};
use infoshos_model::links;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, FetchError};
use crate::i18n::admin::{AdminUi, admin_ui};
use crate::load::Load;
use crate::submitted::Submitted;

thread_local! {
    static LANG: std::cell::OnceCell<Lang> = const { std::cell::OnceCell::new() };
}

/// The language the server wrote the page in (`<html lang>`: the editor's chosen edition, else
/// their browser's, server/src/edition.rs); English for anything else.
fn lang() -> Lang {
    LANG.with(|l| {
        *l.get_or_init(|| {
            document()
                .document_element()
                .and_then(|root| root.get_attribute("lang"))
                .and_then(|code| Lang::from_code(&code))
                .unwrap_or_default()
        })
    })
}

/// This page's words.
fn t() -> &'static AdminUi {
    admin_ui(lang())
}

/// A failed request in words, in the page's language.
fn said(error: &FetchError) -> String {
    error.message(crate::i18n::ui(lang()))
}

async fn post<B: serde::Serialize>(
    url: &str,
    body: &B,
) -> Result<wasm_bindgen::JsValue, FetchError> {
    send_json(gloo_net::http::Request::post(url), body).await
}

async fn put<B: serde::Serialize>(
    url: &str,
    body: &B,
) -> Result<wasm_bindgen::JsValue, FetchError> {
    send_json(gloo_net::http::Request::put(url), body).await
}

async fn send_json<B: serde::Serialize>(
    request: gloo_net::http::RequestBuilder,
    body: &B,
) -> Result<wasm_bindgen::JsValue, FetchError> {
    let json = api::json_body(body)?;
    api::send(
        request
            .header("content-type", "application/json")
            .body(json),
    )
    .await
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    Comments,
    Articles,
    Publish,
    Audit,
}

#[component]
pub fn AdminApp() -> impl IntoView {
    document().set_title(t().title);
    crate::time::write_dates_for(lang());
    let status = RwSignal::new("pending");
    // The same way of reading as every page of the portal (`Load`); an action on the list
    // refreshes it in place.
    let queue = Load::new(move || {
        api::get::<Vec<QueuedComment>>(format!(
            "/api/admin/comments?status={}",
            status.get_untracked()
        ))
    });
    let message = RwSignal::new(None::<String>);
    let section = RwSignal::new(Section::Comments);
    // An article picked in the list, for the publishing desk to open.
    let opening = RwSignal::new(None::<String>);
    let open = Callback::new(move |slug: String| {
        opening.set(Some(slug));
        section.set(Section::Publish);
    });
    let reload = Callback::new(move |()| queue.refresh());
    // The queue is asked for first; its 401 is how the page knows nobody is signed in.
    let signed_out = move || matches!(queue.get(), Some(Err(FetchError::Rejected(401, _))));

    let sign_in = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let token = Submitted::of(&ev).field("token");
        spawn_local(async move {
            match post("/api/admin/login", &Login { token }).await {
                Ok(_) => {
                    message.set(None);
                    reload.run(());
                }
                Err(e) => message.set(Some(said(&e))),
            }
        });
    };
    let sign_out = move |_| {
        spawn_local(async move {
            let _ = post("/api/admin/logout", &()).await;
            reload.run(());
        });
    };
    let tab = move |which: Section, label: &'static str| {
        view! {
            <button type="button" class="button" aria-pressed=move || (section.get() == which).to_string()
                on:click=move |_| { message.set(None); section.set(which); }>{label}</button>
        }
    };
    view! {
        <header class="header">
            <span class="brand-name">{t().title}</span>
            // Through the server, which keeps the choice and sends the page back in it.
            <nav class="lang-switch" aria-label=t().lang_label>
                {Lang::ALL.map(|l| {
                    let current = (l == lang()).then_some("page");
                    view! {
                        <a href=links::choose_edition(l, links::ADMIN) hreflang=l.code() lang=l.code()
                            aria-current=current>{l.endonym()}</a>
                    }
                })}
            </nav>
        </header>
        <main class="main admin">
            <p class="form-notice" role="status">{move || message.get()}</p>
            {move || if signed_out() {
                view! {
                    <form class="admin-login" on:submit=sign_in>
                        <label for="admin-token">{t().token}</label>
                        <input id="admin-token" name="token" type="password" autocomplete="current-password" required />
                        <button type="submit" class="button primary">{t().sign_in}</button>
                    </form>
                }.into_any()
            } else {
                view! {
                    <nav class="admin-tabs admin-sections">
                        {tab(Section::Comments, t().comments)}
                        {tab(Section::Articles, t().articles)}
                        {tab(Section::Publish, t().new_article)}
                        {tab(Section::Audit, t().audit)}
                        " "
                        <button type="button" class="link" on:click=sign_out>{t().sign_out}</button>
                    </nav>
                    {move || match section.get() {
                        Section::Comments => view! { <queue::Queue status queue message reload /> }.into_any(),
                        Section::Articles => view! { <articles::Articles open /> }.into_any(),
                        Section::Publish => view! { <publish::Publish opening /> }.into_any(),
                        Section::Audit => view! { <audit::Audit /> }.into_any(),
                    }}
                }.into_any()
            }}
        </main>
    }
}
