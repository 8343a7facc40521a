//! The API answers a server-sent page carries, so the browser's first render needs no request
//! for them. The server renders a page in passes: each pass records the API addresses its
//! components ask for, the server answers them from its own API, and the next pass renders
//! with those answers; the last pass's answers go into the page as
//! `<script type="application/json" id="carried">{"/api/…": answer, …}</script>`, where an
//! answer of `null` is a 404. What a page needs is what its components ask for: no list of it
//! is kept anywhere else.

use crate::fetch_error::FetchError;

/// The element the server writes the answers into.
pub const ELEMENT_ID: &str = "carried";

#[cfg(target_arch = "wasm32")]
pub use browser::take;
#[cfg(not(target_arch = "wasm32"))]
pub use server::{Answers, take};
#[cfg(not(target_arch = "wasm32"))]
pub(crate) use server::{PASS, Pass};

/// In the browser each answer is used once, by the first render: a later visit to the same
/// page (or a Retry) asks the server again.
#[cfg(target_arch = "wasm32")]
mod browser {
    use super::*;
    use js_sys::Reflect;
    use wasm_bindgen::JsValue;

    thread_local! {
        static ANSWERS: JsValue = read();
    }

    fn read() -> JsValue {
        leptos::prelude::document()
            .get_element_by_id(ELEMENT_ID)
            .and_then(|el| el.text_content())
            .and_then(|text| js_sys::JSON::parse(&text).ok())
            .filter(JsValue::is_object)
            .unwrap_or(JsValue::UNDEFINED)
    }

    /// The carried answer for `url`, taken out of the page; `None` when it carries none.
    pub fn take(url: &str) -> Option<Result<JsValue, FetchError>> {
        ANSWERS.with(|answers| {
            let key = JsValue::from_str(url);
            let answer = Reflect::get(answers, &key)
                .ok()
                .filter(|a| !a.is_undefined())?;
            let _ = Reflect::set(answers, &key, &JsValue::UNDEFINED);
            Some(if answer.is_null() {
                Err(FetchError::NotFound)
            } else {
                Ok(answer)
            })
        })
    }
}

/// On the server: the answers of one rendering pass, and the addresses it asked for that it
/// did not have.
#[cfg(not(target_arch = "wasm32"))]
mod server {
    use super::*;
    use std::cell::RefCell;
    use std::collections::BTreeMap;

    /// Answers by API address: `Some(json)`, or `None` for a 404.
    pub type Answers = BTreeMap<String, Option<String>>;

    #[derive(Debug, Default)]
    pub(crate) struct Pass {
        pub answers: Answers,
        pub asked: Vec<String>,
    }

    thread_local! {
        pub(crate) static PASS: RefCell<Option<Pass>> = const { RefCell::new(None) };
    }

    /// The carried answer for `url` as JSON text; `None` (and `url` noted as asked) when this
    /// pass has none.
    pub fn take(url: &str) -> Option<Result<String, FetchError>> {
        PASS.with_borrow_mut(|pass| {
            let pass = pass.as_mut()?;
            match pass.answers.get(url) {
                Some(Some(json)) => Some(Ok(json.clone())),
                Some(None) => Some(Err(FetchError::NotFound)),
                None => {
                    if !pass.asked.iter().any(|u| u == url) {
                        pass.asked.push(url.to_string());
                    }
                    None
                }
            }
        })
    }
}
