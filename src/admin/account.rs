//! My account: my open sessions, and my second factor (an authenticator app's six digits,
//! RFC 6238): turned on with a code from the new secret, off with a current code.

use infoshos_model::accounts::{
    Code, FactorOff, Me, PasswordChange, SecondFactorSetUp, credential_problem,
};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::sessions::Sessions;
use super::shared::{p, post, post_nothing, said};
use crate::api;
use crate::submitted::Submitted;

#[component]
pub fn MyAccount(me: Me, changed: Callback<()>) -> impl IntoView {
    let problem = RwSignal::new(None::<String>);
    let secret = RwSignal::new(None::<SecondFactorSetUp>);
    let begin = move |_| {
        spawn_local(async move {
            match post_nothing("/api/admin/second-factor")
                .await
                .and_then(api::decode)
            {
                Ok(made) => secret.set(Some(made)),
                Err(e) => problem.set(Some(said(&e))),
            }
        });
    };
    let turn_on = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let code = Submitted::of(&ev).field("code");
        spawn_local(async move {
            match post("/api/admin/second-factor/on", &Code { code }).await {
                Ok(_) => {
                    secret.set(None);
                    changed.run(());
                }
                Err(e) => problem.set(Some(said(&e))),
            }
        });
    };
    // Off asks for the password too: an open session alone is not enough to remove it.
    let turn_off = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = Submitted::of(&ev);
        let body = FactorOff {
            code: typed.field("code"),
            password: typed.field("password"),
        };
        spawn_local(async move {
            match post("/api/admin/second-factor/off", &body).await {
                Ok(_) => changed.run(()),
                Err(e) => problem.set(Some(said(&e))),
            }
        });
    };
    let code_field = || {
        view! {
            <label for="admin-factor-code">{p().code}</label>
            <input id="admin-factor-code" name="code" inputmode="numeric" autocomplete="one-time-code" required />
        }
    };
    let factor = move || {
        if me.second_factor {
            view! {
                <p>{p().second_factor}": "{p().on}</p>
                <form class="admin-login" on:submit=turn_off>
                    <label for="admin-factor-password">{p().current_password}</label>
                    <input id="admin-factor-password" name="password" type="password"
                        autocomplete="current-password" required />
                    {code_field()}
                    <button type="submit" class="button">{p().turn_off}</button>
                </form>
            }
            .into_any()
        } else if let Some(made) = secret.get() {
            view! {
                <form class="admin-login" on:submit=turn_on>
                    <p>{p().second_factor_note}</p>
                    <label for="admin-factor-secret">{p().secret}</label>
                    <input id="admin-factor-secret" readonly value=made.secret />
                    <input readonly value=made.uri aria-label="otpauth" />
                    {code_field()}
                    <button type="submit" class="button primary">{p().confirm}</button>
                </form>
            }
            .into_any()
        } else {
            view! {
                <p>{p().second_factor}": "{p().off}" "
                    <button type="button" class="button" on:click=begin>{p().turn_on}</button>
                </p>
            }
            .into_any()
        }
    };
    let username = me.username.clone();
    let done = RwSignal::new(None::<String>);
    let change = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = Submitted::of(&ev);
        let body = PasswordChange {
            current: typed.field("current"),
            new: typed.field("new"),
        };
        if let Some(why) = credential_problem(&username, &body.new) {
            done.set(Some(p().problem(why)));
            return;
        }
        let form = typed.form;
        spawn_local(async move {
            match post("/api/admin/password", &body).await {
                Ok(_) => {
                    if let Some(form) = form {
                        form.reset();
                    }
                    done.set(Some(p().password_changed.into()));
                }
                Err(e) => done.set(Some(said(&e))),
            }
        });
    };
    view! {
        <h2>{p().second_factor}</h2>
        <p class="form-notice" role="alert">{move || problem.get()}</p>
        {factor}
        <h2>{p().change_password}</h2>
        <form class="admin-login" on:submit=change>
            <label for="admin-current">{p().current_password}</label>
            <input id="admin-current" name="current" type="password" autocomplete="current-password" required />
            <label for="admin-new">{p().new_password}</label>
            <input id="admin-new" name="new" type="password" autocomplete="new-password" required minlength="10" />
            <p class="form-notice" role="status">{move || done.get()}</p>
            <button type="submit" class="button">{p().change_password}</button>
        </form>
        <Sessions everyone=false />
    }
}
