//! The keys of the reader's own comments that wait for an editor, kept in this browser
//! (localStorage, one entry per article) so the author still sees them, marked, after a
//! reload or another visit. The server shows a waiting comment only to whoever sends its key;
//! the keys go once no comment of this article is waiting any more.

use infoshos_model::comments::MINE_MAX;
use js_sys::Function;
use wasm_bindgen::JsValue;

fn entry(slug: &str) -> String {
    format!("infoshos.mine.{slug}")
}

/// One method of `localStorage`, through the same `Reflect` lookup as `pwa.rs` uses for
/// `window.infoshos` (the reader's bundle is at its size ceiling: no new bindings).
fn method(name: &str) -> Option<(JsValue, Function)> {
    crate::pwa::method("localStorage", name)
}

/// The kept keys, comma-separated as `?mine=` takes them; empty when there are none.
pub fn keys(slug: &str) -> String {
    method("getItem")
        .and_then(|(s, get)| get.call1(&s, &entry(slug).into()).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// Keeps the key of a comment that now waits. Without storage (private mode, full disk) the
/// comment is still shown on this page; it just won't be after a reload.
pub fn remember(slug: &str, key: &str) {
    let kept = keys(slug);
    let mut all: Vec<&str> = kept.split(',').filter(|k| !k.is_empty()).collect();
    all.push(key);
    let from = all.len().saturating_sub(MINE_MAX);
    if let Some((s, set)) = method("setItem") {
        let _ = set.call2(&s, &entry(slug).into(), &all[from..].join(",").into());
    }
}

/// Nothing of this article waits any more: the keys are of no further use.
pub fn forget(slug: &str) {
    if let Some((s, remove)) = method("removeItem") {
        let _ = remove.call1(&s, &entry(slug).into());
    }
}
