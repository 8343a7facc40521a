//! One typed, abortable fetch per endpoint. A fetch started for a page is aborted when the
//! reader leaves it (the owner that started it is cleaned up).

use infoshos_model::{
    ApiError, Article, ArticleList, Comment, CommentCreated, Lang, NewComment, Rates, Section,
    State,
};
use std::future::Future;
use std::pin::Pin;

use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;

use crate::fetch_error::FetchError;

#[cfg(target_arch = "wasm32")]
fn abort_signal() -> Option<web_sys::AbortSignal> {
    let controller = web_sys::AbortController::new().ok()?;
    let signal = controller.signal();
    // Cleanup callbacks must be Send; the controller lives on the one browser thread.
    let controller = send_wrapper::SendWrapper::new(controller);
    leptos::prelude::on_cleanup(move || controller.abort());
    Some(signal)
}

/// The browser parses the JSON (`JSON.parse`); serde then reads the JS value, so the wasm
/// carries no JSON parser of its own.
async fn body_value(response: &gloo_net::http::Response) -> Result<JsValue, FetchError> {
    let text = response.text().await.map_err(|_| FetchError::Network)?;
    js_sys::JSON::parse(&text).map_err(|_| FetchError::Decode)
}

pub(crate) fn decode<T: DeserializeOwned>(value: JsValue) -> Result<T, FetchError> {
    serde_wasm_bindgen::from_value(value).map_err(|_| FetchError::Decode)
}

/// Sends a request and reads its JSON. Not generic: every endpoint shares this one copy in
/// the wasm, and only `decode` is made per type.
pub(crate) fn send(
    request: Result<gloo_net::http::Request, gloo_net::Error>,
) -> Pin<Box<dyn Future<Output = Result<JsValue, FetchError>>>> {
    Box::pin(async move {
        let response = request
            .map_err(|_| FetchError::Request)?
            .send()
            .await
            .map_err(|_| FetchError::Network)?;
        answer(response).await
    })
}

/// Reads an answer: its JSON when it is good, what went wrong when not.
fn answer(
    response: gloo_net::http::Response,
) -> Pin<Box<dyn Future<Output = Result<JsValue, FetchError>>>> {
    Box::pin(async move {
        let status = response.status();
        // The service worker's answer when neither the server nor a kept copy has it.
        if response.headers().has("x-infoshos-offline") {
            return Err(if crate::pwa::online() {
                FetchError::Network
            } else {
                FetchError::Offline
            });
        }
        let value = body_value(&response).await;
        if response.ok() {
            return value;
        }
        if status == 404 {
            return Err(FetchError::NotFound);
        }
        match value.and_then(decode::<ApiError>) {
            Ok(body) if status < 500 => Err(FetchError::Rejected(status, body)),
            _ => Err(FetchError::Server(status)),
        }
    })
}

/// The answer the page carries for `url` (see `carried`), else a request. The abort signal is
/// made now, under the caller's owner, not when the future first runs.
#[cfg(target_arch = "wasm32")]
pub(crate) fn get<T: DeserializeOwned>(url: String) -> impl Future<Output = Result<T, FetchError>> {
    let pending = carried_or_fetched(&url);
    async move { decode(pending.await?) }
}

/// Not generic, so every endpoint shares this one copy in the wasm.
#[cfg(target_arch = "wasm32")]
fn carried_or_fetched(url: &str) -> Pin<Box<dyn Future<Output = Result<JsValue, FetchError>>>> {
    if let Some(answer) = crate::carried::take(url) {
        return Box::pin(std::future::ready(answer));
    }
    // A request of our own making: gloo-net's builder adds a stray `&` to an address with a
    // query, and the request would then miss the copies kept under its own address (the
    // preload, the answers `pwa.js` keeps from a server-sent page).
    let init = web_sys::RequestInit::new();
    init.set_signal(abort_signal().as_ref());
    let request = web_sys::Request::new_with_str_and_init(url, &init)
        .map(gloo_net::http::Request::from)
        .map_err(|_| gloo_net::Error::GlooError(String::new()));
    send(request)
}

/// On the server: the answer this rendering pass carries, else none yet (the page shows its
/// loading state, and the server fetches the answer for the next pass).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn get<T: DeserializeOwned>(url: String) -> impl Future<Output = Result<T, FetchError>> {
    let carried = crate::carried::take(&url);
    async move {
        match carried {
            Some(answer) => serde_json::from_str(&answer?).map_err(|_| FetchError::Decode),
            None => std::future::pending().await,
        }
    }
}

/// Characters that may not stand bare in a query value or path segment: the link builder's
/// one rule, for API addresses too.
pub use infoshos_model::links::encode;

/// A body as JSON, written by the browser's `JSON.stringify` (no JSON writer in the wasm).
pub(crate) fn json_body<B: serde::Serialize>(body: &B) -> Result<String, FetchError> {
    serde_wasm_bindgen::to_value(body)
        .ok()
        .and_then(|v| js_sys::JSON::stringify(&v).ok())
        .and_then(|s| s.as_string())
        .ok_or(FetchError::Request)
}

/// A page of an edition's feed from `cursor` on: about one state, in one section, or both.
pub fn articles(
    lang: Lang,
    cursor: Option<String>,
    country: Option<String>,
    section: Option<Section>,
) -> impl Future<Output = Result<ArticleList, FetchError>> {
    let mut url = format!("/api/articles?lang={}&limit=20", lang.code());
    if let Some(c) = cursor {
        url.push_str(&format!("&cursor={}", encode(&c)));
    }
    if let Some(c) = country {
        url.push_str(&format!("&country={}", encode(&c)));
    }
    if let Some(s) = section {
        url.push_str(&format!("&section={}", s.key()));
    }
    get(url)
}

pub fn article(slug: String) -> impl Future<Output = Result<Article, FetchError>> {
    get(format!("/api/articles/{}", encode(&slug)))
}

/// Published comments, and the reader's own ones still waiting for an editor.
pub fn comments(slug: String) -> impl Future<Output = Result<Vec<Comment>, FetchError>> {
    let mine = crate::own_comments::keys(&slug);
    let mut url = format!("/api/articles/{}/comments", encode(&slug));
    if !mine.is_empty() {
        url = format!("{url}?mine={}", encode(&mine));
    }
    let list = get::<Vec<Comment>>(url);
    async move {
        let list = list.await?;
        if !mine.is_empty() && !list.iter().any(|c| c.pending) {
            crate::own_comments::forget(&slug);
        }
        Ok(list)
    }
}

/// One page of results for words already checked by `search::terms` (the API refuses the
/// rest with a 400, which a server-rendered page would not carry).
pub fn search(
    lang: Lang,
    query: String,
    cursor: Option<String>,
) -> impl Future<Output = Result<infoshos_model::search::SearchResults, FetchError>> {
    let mut url = format!("/api/search?lang={}&q={}", lang.code(), encode(&query));
    if let Some(c) = cursor {
        url.push_str(&format!("&cursor={}", encode(&c)));
    }
    get(url)
}

/// The states with their names in `lang` (the English list is the API's default address, the
/// one the offline shell preloads).
pub fn states(lang: Lang) -> impl Future<Output = Result<Vec<State>, FetchError>> {
    get(match lang {
        Lang::En => "/api/states".into(),
        _ => format!("/api/states?lang={}", lang.code()),
    })
}

pub fn rates() -> impl Future<Output = Result<Rates, FetchError>> {
    get("/api/rates".into())
}

pub fn rate_history(
    code: String,
    days: u32,
) -> impl Future<Output = Result<infoshos_model::RateHistory, FetchError>> {
    get(format!("/api/rates/{}/history?days={days}", encode(&code)))
}

fn comment_url(slug: &str) -> String {
    format!("/api/articles/{}/comments", encode(slug))
}

pub async fn post_comment(slug: String, comment: NewComment) -> Result<CommentCreated, FetchError> {
    let request = gloo_net::http::Request::post(&comment_url(&slug))
        .header("content-type", "application/json")
        .body(json_body(&comment)?);
    decode(send(request).await?)
}

/// Hands a comment to the outbox of `pwa.js`, which keeps it across reloads and sends it once
/// the connection is back. Resolves with the server's answer when that happens on this page;
/// `Err(Network)` when the browser could not keep it.
pub async fn post_comment_later(
    slug: String,
    comment: NewComment,
) -> Result<CommentCreated, FetchError> {
    let response = crate::pwa::send_later(&comment_url(&slug), &json_body(&comment)?)
        .await
        .map_err(|_| FetchError::Network)?;
    decode(answer(gloo_net::http::Response::from(response)).await?)
}
