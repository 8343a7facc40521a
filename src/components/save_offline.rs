use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::pwa;
use crate::site::use_site;

/// "Save for offline" on an article: keeps it and its comments in the browser, listed on the
/// Saved page (where it can be removed). Saving twice is harmless; storage problems are said.
#[component]
pub fn SaveOffline(slug: String) -> impl IntoView {
    let t = use_site().ui();
    let note = RwSignal::new(None::<&'static str>);
    let save = move |_| {
        let slug = slug.clone();
        spawn_local(async move {
            let said = match pwa::save(&slug).await {
                Ok(()) => t.saved_note,
                Err(e) => e.message(t),
            };
            note.try_set(Some(said));
        });
    };
    view! {
        <button type="button" class="button save-offline" on:click=save>{t.save_offline}</button>
        " "
        <span class="save-note" role="status">{move || note.get()}</span>
    }
}
