//! What every screen of the desk shares: the page's language and its words, a failed
//! request in those words, the JSON requests the editors' API takes, and what a form's field
//! holds now.

use infoshos_model::Lang;
use leptos::prelude::*;

use crate::api;
use crate::fetch_error::FetchError;
use crate::i18n::admin::people::{PeopleUi, people_ui};
use crate::i18n::admin::{AdminUi, admin_ui};

thread_local! {
    static LANG: std::cell::OnceCell<Lang> = const { std::cell::OnceCell::new() };
}

/// The language the server wrote the page in (`<html lang>`: the editor's chosen edition, else
/// their browser's, server/src/pages/edition.rs); English for anything else.
pub(super) fn lang() -> Lang {
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
pub(super) fn t() -> &'static AdminUi {
    admin_ui(lang())
}

/// This page's words for people and accounts.
pub(super) fn p() -> &'static PeopleUi {
    people_ui(lang())
}

/// A failed request in words, in the page's language.
pub(super) fn said(error: &FetchError) -> String {
    error.message(crate::i18n::ui(lang()))
}

pub(super) async fn post<B: serde::Serialize>(
    url: &str,
    body: &B,
) -> Result<wasm_bindgen::JsValue, FetchError> {
    send_json(gloo_net::http::Request::post(url), body).await
}

pub(super) async fn put<B: serde::Serialize>(
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

/// A POST with no body (sign out, a reset link, a second factor begun). A body of `()`
/// would not do: the browser's JSON has no text for it.
pub(super) async fn post_nothing(url: &str) -> Result<wasm_bindgen::JsValue, FetchError> {
    api::send(gloo_net::http::Request::post(url).build()).await
}

pub(super) async fn delete(url: &str) -> Result<wasm_bindgen::JsValue, FetchError> {
    api::send(gloo_net::http::Request::delete(url).build()).await
}

/// What the form field with `id` holds now (an input, a textarea or a select; empty without
/// one).
pub(super) fn field_value(id: &str) -> String {
    document()
        .get_element_by_id(id)
        .and_then(|el| js_sys::Reflect::get(&el, &"value".into()).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}
