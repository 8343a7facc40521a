//! Infoshos reader: the SCO news portal in the browser.

pub mod admin;
pub mod api;
pub mod app;
pub mod carried;
pub mod components;
pub mod embed;
pub mod fetch_error;
pub mod head;
/// The words, from their own crate (the server answers in them too).
pub use infoshos_i18n as i18n;
pub mod load;
pub mod occasional;
pub mod own_comments;
pub mod pwa;
pub mod rate_format;
pub mod router;
pub mod routes;
pub mod site;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod submitted;
pub mod time;

use leptos::prelude::{IntoView, document};
use wasm_bindgen::JsCast;

/// An attribute only the server's HTML carries, such as a value it echoes back for a reader
/// without JavaScript; in the browser's build, nothing (and none of its code in the wasm).
#[cfg(feature = "ssr")]
pub fn on_server<A: leptos::attr::Attribute>(attr: impl FnOnce() -> A) -> A {
    attr()
}

#[cfg(not(feature = "ssr"))]
pub fn on_server<A>(_: impl FnOnce() -> A) {}

/// Replaces the static shell in the element with `id` (painted before the wasm arrived) with
/// the app; the whole body if the page has no such element.
pub fn mount_into<F, N>(id: &str, app: F)
where
    F: FnOnce() -> N + 'static,
    N: IntoView + 'static,
{
    let root = document()
        .get_element_by_id(id)
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    match root {
        Some(root) => {
            root.set_inner_text("");
            leptos::mount::mount_to(root, app).forget();
        }
        None => leptos::mount::mount_to_body(app),
    }
}
