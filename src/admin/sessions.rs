//! Open sessions, newest first, each with an End button: one's own (My account) or, for an
//! admin, everyone's (People).

use infoshos_model::accounts::OpenSession;
use infoshos_model::links::{self, encode};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::shared::{delete, p, said};
use crate::api;
use crate::load::Load;
use crate::time::reader_local;

/// `everyone`: all accounts' sessions (admins), else one's own.
#[component]
pub fn Sessions(everyone: bool) -> impl IntoView {
    let query = if everyone {
        links::query_string(&[("account", String::new())])
    } else {
        String::new()
    };
    let list =
        Load::new(move || api::get::<Vec<OpenSession>>(format!("/api/admin/sessions{query}")));
    let problem = RwSignal::new(None::<String>);
    let end = move |id: String| {
        spawn_local(async move {
            match delete(&format!("/api/admin/sessions/{}", encode(&id))).await {
                Ok(_) => problem.set(None),
                Err(e) => problem.set(Some(said(&e))),
            }
            list.refresh();
        });
    };
    let row = move |s: OpenSession| {
        let id = s.id.clone();
        view! {
            <tr>
                <td>{s.username}</td>
                <td>{s.user_agent}</td>
                <td>{reader_local(s.created_at)}</td>
                <td>{reader_local(s.expires_at)}</td>
                <td>{if s.current {
                    p().this_session.into_any()
                } else {
                    view! { <button type="button" class="button" on:click=move |_| end(id.clone())>{p().end}</button> }.into_any()
                }}</td>
            </tr>
        }
    };
    view! {
        <h2>{p().sessions}</h2>
        <p class="form-notice" role="alert">{move || problem.get()}</p>
        {move || match list.get() {
            None => view! { <p aria-busy="true">"…"</p> }.into_any(),
            Some(Err(e)) => view! { <p class="failure" role="alert">{said(&e)}</p> }.into_any(),
            Some(Ok(sessions)) => view! {
                <table class="admin-table admin-sessions">
                    <thead><tr>
                        <th>{p().username}</th><th>{p().browser}</th><th>{p().since}</th>
                        <th>{p().until}</th><th></th>
                    </tr></thead>
                    <tbody>{sessions.into_iter().map(row).collect_view()}</tbody>
                </table>
            }.into_any(),
        }}
    }
}
