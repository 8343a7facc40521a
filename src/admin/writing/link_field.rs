//! The address of a link (Ctrl+K or the toolbar's Link): asked for under the toolbar, checked
//! by the model's rule as it is typed and again when applied, then put on the words that were
//! selected (or written as the link's words, with nothing selected).

use infoshos_model::editorial::LinkChecked;
use infoshos_model::rich_text::link_address;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::caret::{self, Caret};
use super::commands::exec;
use super::surface::surface;
use super::writing_words;
use crate::i18n::admin::writing::address_problem;

const FIELD_ID: &str = "article-link-address";
const GROUP_ID: &str = "article-link";

/// Opens the field for the selection in the surface now (remembered, as focus leaves it).
pub(super) fn open(linking: RwSignal<Option<Caret>>) {
    let Some(root) = surface() else { return };
    linking.set(caret::save(&root).or(Some(Caret {
        anchor: 0,
        focus: 0,
    })));
    // The address the selection links to already, to be changed or removed.
    let current = window()
        .get_selection()
        .ok()
        .flatten()
        .and_then(|s| s.focus_node())
        .and_then(|n| n.parent_element())
        .and_then(|e| e.closest("a[href]").ok().flatten())
        .and_then(|a| a.get_attribute("href"))
        .unwrap_or_default();
    // Shown and focused now, not when the signal's effects run: the address's first key,
    // pressed right after Ctrl+K, must land in the field, not in the text.
    if let Some(group) = document().get_element_by_id(GROUP_ID) {
        let _ = group.remove_attribute("hidden");
    }
    if let Some(input) = document()
        .get_element_by_id(FIELD_ID)
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        input.set_value(&current);
        let _ = input.focus();
    }
}

/// Asks the server what the page at `href` answers; a page that is not there is said in
/// `warning` (the link stays: the writer may know better, or the page may be coming).
fn check(href: String, warning: RwSignal<Option<String>>) {
    leptos::task::spawn_local(async move {
        let asked = format!("/api/admin/link-check?url={}", crate::api::encode(&href));
        if let Ok(LinkChecked {
            status: Some(code @ (404 | 410)),
        }) = crate::api::get::<LinkChecked>(asked).await
        {
            let words = writing_words()
                .link_missing
                .replacen("{}", &href, 1)
                .replacen("{}", &code.to_string(), 1);
            warning.set(Some(words));
        }
    });
}

#[component]
pub(super) fn LinkField(
    linking: RwSignal<Option<Caret>>,
    changed: Callback<()>,
    warning: RwSignal<Option<String>>,
) -> impl IntoView {
    let w = writing_words();
    let problem = RwSignal::new(None::<&'static str>);
    // Back to the words, selected as they were; then `then` on them.
    let back = move |then: &dyn Fn()| {
        let (Some(root), Some(at)) = (surface(), linking.get_untracked()) else {
            return;
        };
        let _ = root.focus();
        caret::restore(&root, at);
        then();
        linking.set(None);
        problem.set(None);
        changed.run(());
    };
    let apply = move || match link_address(&super::super::shared::field_value(FIELD_ID)) {
        Err(p) => problem.set(Some(address_problem(super::super::shared::lang(), p))),
        Ok(href) => {
            warning.set(None);
            back(&|| exec("createLink", &href));
            check(href, warning);
        }
    };
    let remove = move || back(&|| exec("unlink", ""));
    let keys = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        // Enter would send the article's form.
        "Enter" => {
            ev.prevent_default();
            apply();
        }
        "Escape" => {
            ev.prevent_default();
            back(&|| {});
        }
        _ => {}
    };
    // Always there, hidden while no link is being made, so `open` can focus it at once.
    view! {
        <div class="writing-link" id=GROUP_ID role="group" aria-label=w.link
            hidden=move || linking.get().is_none()>
            <label for=FIELD_ID>{w.address}</label>
            <input id=FIELD_ID type="url" inputmode="url" aria-describedby="article-link-note article-link-error"
                aria-invalid=move || problem.get().is_some().to_string()
                on:input=move |_| problem.set(None)
                on:keydown=keys />
            <button type="button" class="button primary" on:click=move |_| apply()>{w.apply_link}</button>
            <button type="button" class="button" on:click=move |_| remove()>{w.remove_link}</button>
            <button type="button" class="link" on:click=move |_| back(&|| {})>{w.cancel}</button>
            <span class="field-note" id="article-link-note">{w.address_note}</span>
            <span class="field-error" id="article-link-error" role="alert">{move || problem.get()}</span>
        </div>
    }
}
