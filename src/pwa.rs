//! The bridge to `public/pwa.js` (`window.infoshos`): the install prompt and the articles
//! saved for offline reading. The service worker and the status bar live wholly in that file.

use infoshos_model::ArticleSummary;
use js_sys::{Function, Promise, Reflect};
use leptos::prelude::window;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::i18n::Ui;

/// Why an article could not be saved, removed or listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageError {
    /// The browser's storage quota is used up.
    Full,
    /// No Cache Storage here (an old browser, or pwa.js did not load).
    Unsupported,
    Failed,
}

impl StorageError {
    pub fn message(self, t: &Ui) -> &'static str {
        match self {
            StorageError::Full => t.storage_full,
            StorageError::Unsupported => t.storage_unsupported,
            StorageError::Failed => t.storage_failed,
        }
    }

    fn from_js(err: &JsValue) -> StorageError {
        let field = |name: &str| {
            Reflect::get(err, &name.into())
                .ok()
                .and_then(|v| v.as_string())
        };
        if field("name").as_deref() == Some("QuotaExceededError") {
            StorageError::Full
        } else if field("message").as_deref() == Some("unsupported") {
            StorageError::Unsupported
        } else {
            StorageError::Failed
        }
    }
}

/// `window[global]` and one of its methods, reached through `Reflect`: the wasm needs no
/// bindings of its own for them. None when either is missing, or reading it throws (a
/// blocked `localStorage`).
pub(crate) fn method(global: &str, name: &str) -> Option<(JsValue, Function)> {
    // The server renders pages without a browser: no storage, no bridge.
    if cfg!(not(target_arch = "wasm32")) {
        return None;
    }
    let object = Reflect::get(&window(), &global.into())
        .ok()
        .filter(JsValue::is_object)?;
    let function = Reflect::get(&object, &name.into()).ok()?.dyn_into().ok()?;
    Some((object, function))
}

/// `window.infoshos` and one of its functions.
fn bridge(name: &str) -> Result<(JsValue, Function), StorageError> {
    method("infoshos", name).ok_or(StorageError::Unsupported)
}

fn call(name: &str, arg: &JsValue) -> Result<JsValue, StorageError> {
    let (bridge, function) = bridge(name)?;
    function
        .call1(&bridge, arg)
        .map_err(|e| StorageError::from_js(&e))
}

async fn call_async(name: &str, arg: &JsValue) -> Result<JsValue, StorageError> {
    let promise: Promise = call(name, arg)?
        .dyn_into()
        .map_err(|_| StorageError::Unsupported)?;
    JsFuture::from(promise)
        .await
        .map_err(|e| StorageError::from_js(&e))
}

/// Shows the browser's install prompt. False when it offers none: say how to install instead.
pub fn install() -> bool {
    call("install", &JsValue::UNDEFINED).is_ok_and(|v| v.as_bool() == Some(true))
}

pub async fn save(slug: &str) -> Result<(), StorageError> {
    call_async("save", &slug.into()).await.map(|_| ())
}

pub async fn unsave(slug: &str) -> Result<(), StorageError> {
    call_async("unsave", &slug.into()).await.map(|_| ())
}

/// The saved articles, newest first, read as feed rows.
pub async fn saved() -> Result<Vec<ArticleSummary>, StorageError> {
    let value = call_async("saved", &JsValue::UNDEFINED).await?;
    serde_wasm_bindgen::from_value(value).map_err(|_| StorageError::Failed)
}

/// Queues a POST of JSON in pwa.js's outbox (localStorage), sent when the browser is online.
/// Resolves with the server's response; fails when the browser can't keep it.
pub async fn send_later(url: &str, body: &str) -> Result<web_sys::Response, StorageError> {
    let (bridge, function) = bridge("sendLater")?;
    let promise: Promise = function
        .call2(&bridge, &url.into(), &body.into())
        .map_err(|e| StorageError::from_js(&e))?
        .dyn_into()
        .map_err(|_| StorageError::Unsupported)?;
    let response = JsFuture::from(promise)
        .await
        .map_err(|e| StorageError::from_js(&e))?;
    response.dyn_into().map_err(|_| StorageError::Failed)
}

/// What the browser believes; a reachable network is only known by trying.
pub fn online() -> bool {
    window().navigator().on_line()
}
