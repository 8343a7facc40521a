//! A new article's draft, kept in this browser as it is written (localStorage), so a closed
//! tab, a reload or a crash loses nothing: the form brings it back, and says so, until the
//! article is published. Only new articles: a correction starts from the stored article. The
//! id of its copy kept on the server (`autosave.rs`) is kept beside it, so saves after a reload
//! go on to the same draft.

use infoshos_model::editorial::Draft;
use wasm_bindgen::JsValue;

use super::publish::{read_draft, set_field};
use crate::submitted::Submitted;

const KEY: &str = "infoshos.admin.draft";
const ID_KEY: &str = "infoshos.admin.draft.id";

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

/// Puts the kept draft into the form (its states are the desk's: `Desk::filled_with`); whether
/// there was one.
pub(super) fn restore() -> Option<Draft> {
    // Read with the browser's JSON and the API's decoder: the same ways the wasm already has.
    let json = call("getItem", &[KEY.into()])?.as_string()?;
    let value = js_sys::JSON::parse(&json).ok()?;
    let mut draft: Draft = crate::api::decode(value).ok()?;
    draft.draft_id = call("getItem", &[ID_KEY.into()])
        .and_then(|v| v.as_string())
        .and_then(|id| id.parse().ok());
    for (field, value) in [
        ("title", draft.title.clone()),
        ("summary", draft.summary.clone()),
        ("section", draft.section.map_or("", |s| s.key()).to_string()),
        ("slug", draft.slug.clone().unwrap_or_default()),
        ("body", draft.body.clone()),
    ] {
        set_field(&format!("article-{field}"), "value", value.into());
    }
    Some(draft)
}

/// Keeps (or, with `None`, forgets) the id of the draft's copy on the server.
pub(super) fn keep_id(id: Option<i64>) {
    match id {
        Some(id) => call("setItem", &[ID_KEY.into(), id.to_string().into()]),
        None => call("removeItem", &[ID_KEY.into()]),
    };
}

/// The article is out: nothing to bring back.
pub(super) fn forget() {
    call("removeItem", &[KEY.into()]);
    keep_id(None);
}
