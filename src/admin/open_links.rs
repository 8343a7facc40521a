//! Invitations and reset links not used yet (admins, in People): what each is for, who made it,
//! until when it works, and a Revoke button. The server revokes them on its own too, when their
//! maker loses the admin role or an account gets a newer link; the list shows what is left.

use infoshos_model::accounts::{LinkKind, OpenLink};
use infoshos_model::links::encode;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::shared::{delete, p, said};
use crate::load::Load;
use crate::time::reader_local;

/// The list to show: `People` makes it, and refreshes it after anything that makes or voids a
/// link.
pub fn open_links() -> Load<Vec<OpenLink>> {
    Load::new(|| crate::api::get::<Vec<OpenLink>>("/api/admin/invitations".into()))
}

#[component]
pub fn OpenLinks(list: Load<Vec<OpenLink>>) -> impl IntoView {
    let problem = RwSignal::new(None::<String>);
    let revoke = move |id: String| {
        spawn_local(async move {
            match delete(&format!("/api/admin/invitations/{}", encode(&id))).await {
                Ok(_) => problem.set(None),
                Err(e) => problem.set(Some(said(&e))),
            }
            list.refresh();
        });
    };
    let row = move |l: OpenLink| {
        let id = l.id.clone();
        let (kind, whom) = match l.kind {
            LinkKind::Invitation => (p().kind_invitation, p().role(l.role).to_string()),
            LinkKind::Reset => (p().kind_reset, l.account.unwrap_or_default()),
        };
        view! {
            <tr>
                <td>{kind}</td>
                <td>{whom}</td>
                <td>{l.made_by}</td>
                <td>{reader_local(l.expires_at)}</td>
                <td><button type="button" class="button" on:click=move |_| revoke(id.clone())>
                    {p().revoke}
                </button></td>
            </tr>
        }
    };
    view! {
        <h2>{p().open_links}</h2>
        <p class="form-notice" role="alert">{move || problem.get()}</p>
        {move || match list.get() {
            None => view! { <p aria-busy="true">"…"</p> }.into_any(),
            Some(Err(e)) => view! { <p class="failure" role="alert">{said(&e)}</p> }.into_any(),
            Some(Ok(links)) if links.is_empty() => view! { <p>{p().no_open_links}</p> }.into_any(),
            Some(Ok(links)) => view! {
                <table class="admin-table admin-links">
                    <thead><tr>
                        <th>{p().link}</th><th>{p().role_or_account}</th><th>{p().made_by}</th>
                        <th>{p().until}</th><th></th>
                    </tr></thead>
                    <tbody>{links.into_iter().map(row).collect_view()}</tbody>
                </table>
            }.into_any(),
        }}
    }
}
