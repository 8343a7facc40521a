use leptos::prelude::*;

use crate::fetch_error::FetchError;
use crate::site::use_site;

/// What failed and a Retry: a failed request is never a silent blank.
#[component]
pub fn Failure(what: &'static str, error: FetchError, retry: Callback<()>) -> impl IntoView {
    let t = use_site().ui();
    view! {
        <div class="failure" role="alert">
            <p>
                <strong>{t.could_not_load} " " {what}</strong>
                ". "
                {error.message(t)}
            </p>
            <button type="button" class="button" on:click=move |_| retry.run(())>{t.retry}</button>
        </div>
    }
}
