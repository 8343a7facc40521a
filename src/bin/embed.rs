//! The widget app partner sites frame (`/embed/…`): its own small bundle, mounted into the
//! page trunk builds from embed.html.

use infoshos::embed::EmbeddedWidget;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn main() {
    let root = document()
        .get_element_by_id("widget")
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    match root {
        Some(root) => {
            root.set_inner_text("");
            leptos::mount::mount_to(root, EmbeddedWidget).forget();
        }
        None => leptos::mount::mount_to_body(EmbeddedWidget),
    }
}
