//! A new article's draft kept on the server as it is written: a moment after the editor stops
//! typing, once it has a headline, it is saved (`POST /api/admin/drafts` the first time, `PUT`
//! after), so it is in the list of articles and can be opened in another browser. The copy in
//! this browser (`kept_draft`) still covers the moments between saves and a lost connection.

use std::cell::{Cell, RefCell};

use infoshos_model::editorial::DraftSaved;
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::kept_draft;
use super::publish::{Desk, read_draft};
use super::shared::{post, put, t};
use crate::api;
use crate::fetch_error::FetchError;
use crate::submitted::Submitted;

/// How long after the last keystroke a draft is saved.
const PAUSE_MS: u64 = 1_500;

thread_local! {
    static PENDING: RefCell<Option<TimeoutHandle>> = const { RefCell::new(None) };
    static IN_FLIGHT: Cell<bool> = const { Cell::new(false) };
}

/// Saves the draft a moment from now, instead of any save still waiting.
pub(super) fn soon(desk: Desk) {
    cancel();
    let pause = std::time::Duration::from_millis(PAUSE_MS);
    let timeout = set_timeout_with_handle(move || save(desk), pause).ok();
    PENDING.with(|p| p.replace(timeout));
}

/// No save is to come (the article is being published, or is out).
pub(super) fn cancel() {
    if let Some(waiting) = PENDING.with(|p| p.take()) {
        waiting.clear();
    }
}

fn save(desk: Desk) {
    if desk.editing.get_untracked().is_some() || desk.sending.get_untracked() {
        return;
    }
    // One save at a time, so a new draft is made once: the next waits its turn.
    if IN_FLIGHT.with(Cell::get) {
        soon(desk);
        return;
    }
    let form = document()
        .get_element_by_id("article-form")
        .and_then(|f| f.dyn_into().ok());
    let draft = read_draft(&Submitted::of_form(form));
    if draft.title.trim().is_empty() {
        return;
    }
    IN_FLIGHT.with(|f| f.set(true));
    spawn_local(async move {
        let answer = match desk.draft.get_untracked() {
            Some(id) => put(&format!("/api/admin/drafts/{id}"), &draft).await,
            None => post("/api/admin/drafts", &draft).await,
        };
        IN_FLIGHT.with(|f| f.set(false));
        match answer.and_then(api::decode::<DraftSaved>) {
            Ok(saved) => {
                desk.draft.try_set(Some(saved.id));
                kept_draft::keep_id(Some(saved.id));
                let at = crate::time::reader_local(crate::time::now_utc());
                desk.saved
                    .try_set(Some(t().draft_saved.replacen("{}", &at, 1)));
            }
            // Published meanwhile (from another browser): the next save starts a new draft.
            Err(FetchError::NotFound) => {
                desk.draft.try_set(None);
                kept_draft::keep_id(None);
            }
            // The copy in this browser still holds it; the next keystroke tries again.
            Err(_) => {}
        }
    });
}
