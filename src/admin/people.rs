//! People (admins only): invite someone with a role, the accounts with their role, state and
//! second factor, disable or enable one, and every open session.

use infoshos_model::accounts::{Account, AccountChange, Invitation, Invite, Role};
use infoshos_model::links::encode;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::open_links::{OpenLinks, open_links};
use super::sessions::Sessions;
use super::shared::{p, post, post_nothing, put, said};
use crate::api;
use crate::load::Load;
use crate::submitted::Submitted;
use crate::time::reader_local;

fn role_options(chosen: Role) -> impl IntoView {
    Role::ALL.map(|role| {
        view! { <option value=role.as_str() selected=role == chosen>{p().role(role)}</option> }
    })
}

#[component]
pub fn People() -> impl IntoView {
    let accounts = Load::new(|| api::get::<Vec<Account>>("/api/admin/accounts".into()));
    let links = open_links();
    let problem = RwSignal::new(None::<String>);
    let invitation = RwSignal::new(None::<Invitation>);
    let invite = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let role = Role::from_code(&Submitted::of(&ev).field("role")).unwrap_or(Role::Moderator);
        spawn_local(async move {
            match post("/api/admin/invitations", &Invite { role })
                .await
                .and_then(api::decode)
            {
                Ok(made) => {
                    problem.set(None);
                    invitation.set(Some(made));
                }
                Err(e) => problem.set(Some(said(&e))),
            }
            links.refresh();
        });
    };
    let change = move |username: String, change: AccountChange| {
        spawn_local(async move {
            let url = format!("/api/admin/accounts/{}", encode(&username));
            match put(&url, &change).await {
                Ok(_) => problem.set(Some(p().saved.into())),
                Err(e) => problem.set(Some(said(&e))),
            }
            accounts.refresh();
            links.refresh();
        });
    };
    let reset_link = move |username: String| {
        spawn_local(async move {
            let url = format!("/api/admin/accounts/{}/reset-link", encode(&username));
            match post_nothing(&url).await.and_then(api::decode) {
                Ok(made) => {
                    problem.set(None);
                    invitation.set(Some(made));
                }
                Err(e) => problem.set(Some(said(&e))),
            }
            links.refresh();
        });
    };
    let row = move |a: Account| {
        let (name, name_too) = (a.username.clone(), a.username.clone());
        let name_for_reset = a.username.clone();
        let set_role = move |ev: leptos::ev::Event| {
            let role = Role::from_code(&event_target_value(&ev));
            change(
                name.clone(),
                AccountChange {
                    role,
                    disabled: None,
                },
            );
        };
        let disabled = a.disabled;
        let toggle = move |_| {
            let flip = AccountChange {
                role: None,
                disabled: Some(!disabled),
            };
            change(name_too.clone(), flip);
        };
        view! {
            <tr>
                <td>{a.username}</td>
                <td><select aria-label=p().role on:change=set_role>{role_options(a.role)}</select></td>
                <td>{if a.disabled { p().disabled } else { p().active }}</td>
                <td>{if a.second_factor { p().on } else { p().off }}</td>
                <td>{a.sessions}</td>
                <td>{reader_local(a.created_at)}</td>
                <td>
                    <button type="button" class="button" on:click=toggle>
                        {if a.disabled { p().enable } else { p().disable }}
                    </button>
                    " "
                    <button type="button" class="button"
                        on:click=move |_| reset_link(name_for_reset.clone())>{p().reset_link}</button>
                </td>
            </tr>
        }
    };
    view! {
        <h2>{p().invite}</h2>
        <form class="admin-filter" on:submit=invite>
            <select name="role" aria-label=p().role>{role_options(Role::Editor)}</select>
            <button type="submit" class="button">{p().make_link}</button>
        </form>
        {move || invitation.get().map(|made| view! {
            <p class="admin-invitation">
                {p().link_made.replacen("{}", &reader_local(made.expires_at), 1)}
                <input readonly value=made.link aria-label=p().invite />
            </p>
        })}
        <p class="form-notice" role="status">{move || problem.get()}</p>
        <h2>{p().people}</h2>
        {move || match accounts.get() {
            None => view! { <p aria-busy="true">"…"</p> }.into_any(),
            Some(Err(e)) => view! { <p class="failure" role="alert">{said(&e)}</p> }.into_any(),
            Some(Ok(list)) => view! {
                <table class="admin-table admin-people">
                    <thead><tr>
                        <th>{p().username}</th><th>{p().role}</th><th>{p().status}</th>
                        <th>{p().second_factor}</th><th>{p().sessions}</th><th>{p().since}</th><th></th>
                    </tr></thead>
                    <tbody>{list.into_iter().map(row).collect_view()}</tbody>
                </table>
            }.into_any(),
        }}
        <OpenLinks list=links />
        <Sessions everyone=true />
    }
}
