//! A new article's draft, kept in this browser as it is written (localStorage), so a closed
//! tab, a reload or a crash loses nothing: the form brings it back, and says so, until the
//! article is published. Only new articles: a correction starts from the stored article.

use infoshos_model::editorial::Draft;
use wasm_bindgen::JsValue;

use super::publish::{read_draft, set_field};
use crate::submitted::Submitted;

const KEY: &str = "infoshos.admin.draft";

fn call(name: &str, args: &[JsValue]) -> Option<JsValue> {
    let (storage, method) = crate::pwa::method("localStorage", name)?;
    let list: js_sys::Array = args.iter().collect();
    method.apply(&storage, &list).ok()
}

/// Keeps what the form holds now; an empty form keeps nothing (and forgets what was kept).
pub(super) fn keep(form: &Submitted) {
    let draft = read_draft(form);
    let empty = [&draft.title, &draft.summary, &draft.body]
        .iter()
        .all(|f| f.trim().is_empty())
        && draft.countries.is_empty()
        && draft.slug.is_none();
    if empty {
        forget();
        return;
    }
    // Without storage (private mode, a full disk) the draft is only in the form, as before.
    if let Ok(json) = crate::api::json_body(&draft) {
        call("setItem", &[KEY.into(), json.into()]);
    }
}

/// Puts the kept draft into the form; whether there was one.
pub(super) fn restore() -> Option<Draft> {
    // Read with the browser's JSON and the API's decoder: the same ways the wasm already has.
    let json = call("getItem", &[KEY.into()])?.as_string()?;
    let value = js_sys::JSON::parse(&json).ok()?;
    let draft: Draft = crate::api::decode(value).ok()?;
    for (field, value) in [
        ("title", draft.title.clone()),
        ("summary", draft.summary.clone()),
        ("countries", draft.countries.join(", ")),
        ("slug", draft.slug.clone().unwrap_or_default()),
        ("body", draft.body.clone()),
    ] {
        set_field(&format!("article-{field}"), "value", value.into());
    }
    Some(draft)
}

/// The article is out: nothing to bring back.
pub(super) fn forget() {
    call("removeItem", &[KEY.into()]);
}
