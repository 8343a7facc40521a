//! The three ways in: the one-time set-up of the first admin (with the first-start token),
//! joining from an invitation link, and signing in by name. Each form keeps what was typed
//! when the server refuses it, and says why.

use infoshos_model::accounts::{
    INVITE_FRAGMENT, Join, RESET_FRAGMENT, Reset, SetUp, SignIn, credential_problem,
};
use infoshos_model::admin::SignedIn;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::shared::{p, post, said, t};
use crate::submitted::Submitted;

/// The code after `fragment` in the page's address (`#invite=…`, `#reset=…`), if it has one.
fn code_after(fragment: &str) -> Option<String> {
    let hash = window().location().hash().ok()?;
    hash.strip_prefix(fragment)
        .filter(|code| !code.is_empty())
        .map(str::to_string)
}

/// The invitation's code, when the page was opened from an invitation link.
pub fn invitation_code() -> Option<String> {
    code_after(INVITE_FRAGMENT)
}

/// The reset link's code, when the page was opened from one.
pub fn reset_code() -> Option<String> {
    code_after(RESET_FRAGMENT)
}

/// Takes the link's code out of the page's address once it has been used.
fn forget_code() {
    if (invitation_code().is_some() || reset_code().is_some())
        && let Ok(history) = window().history()
    {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(infoshos_model::links::ADMIN),
        );
    }
}

/// Sends `body` to `url`; on success forgets the link's code in the address and reports the
/// change, else shows why.
fn send<B: serde::Serialize + 'static>(
    url: &'static str,
    body: B,
    problem: RwSignal<Option<String>>,
    changed: Callback<()>,
) {
    spawn_local(async move {
        match post(url, &body).await {
            Ok(_) => {
                forget_code();
                changed.run(());
            }
            Err(e) => problem.set(Some(said(&e))),
        }
    });
}

/// A new account's name and password fields, with what a name may be.
fn new_credentials() -> impl IntoView {
    view! {
        <label for="admin-username">{p().username}</label>
        <input id="admin-username" name="username" autocomplete="username" required
            pattern="[a-z][a-z0-9._\\-]{2,31}" aria-describedby="admin-username-note" />
        <small id="admin-username-note">{p().username_note}</small>
        <label for="admin-password">{p().new_password}</label>
        <input id="admin-password" name="password" type="password" autocomplete="new-password" required
            minlength="10" />
    }
}

fn problem_line(problem: RwSignal<Option<String>>) -> impl IntoView {
    view! { <p class="form-notice" role="alert">{move || problem.get()}</p> }
}

/// Checks a new account's name and password here first, with the server's own rule.
fn fits(typed: &Submitted, problem: RwSignal<Option<String>>) -> Option<(String, String)> {
    let (username, password) = (typed.field("username"), typed.field("password"));
    match credential_problem(&username, &password) {
        Some(why) => {
            problem.set(Some(p().problem(why)));
            None
        }
        None => Some((username, password)),
    }
}

#[component]
pub fn SetUpForm(changed: Callback<()>) -> impl IntoView {
    let problem = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = Submitted::of(&ev);
        let token = typed.field("token");
        if let Some((username, password)) = fits(&typed, problem) {
            let body = SetUp {
                token,
                username,
                password,
            };
            send("/api/admin/setup", body, problem, changed);
        }
    };
    view! {
        <form class="admin-login" on:submit=submit>
            <h1>{p().set_up_title}</h1>
            <p>{p().set_up_note}</p>
            <label for="admin-token">{t().token}</label>
            <input id="admin-token" name="token" type="password" autocomplete="off" required />
            {new_credentials()}
            {problem_line(problem)}
            <button type="submit" class="button primary">{p().set_up}</button>
        </form>
    }
}

#[component]
pub fn JoinForm(code: String, changed: Callback<()>) -> impl IntoView {
    let problem = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = Submitted::of(&ev);
        if let Some((username, password)) = fits(&typed, problem) {
            let body = Join {
                code: code.clone(),
                username,
                password,
            };
            send("/api/admin/join", body, problem, changed);
        }
    };
    view! {
        <form class="admin-login" on:submit=submit>
            <h1>{p().join_title}</h1>
            {new_credentials()}
            {problem_line(problem)}
            <button type="submit" class="button primary">{p().join}</button>
        </form>
    }
}

/// A new password through a reset link. The server checks it against the account's name,
/// which only it knows from the link. An account with a second factor is not signed in by the
/// link (decision 0015): the form then says so and offers the sign-in form.
#[component]
pub fn ResetForm(code: String, changed: Callback<()>) -> impl IntoView {
    let problem = RwSignal::new(None::<String>);
    let set_sign_in = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let password = Submitted::of(&ev).field("password");
        let body = Reset {
            code: code.clone(),
            password,
        };
        spawn_local(async move {
            let answer = post("/api/admin/reset", &body).await;
            match answer.and_then(crate::api::decode::<SignedIn>) {
                Ok(SignedIn { signed_in }) => {
                    forget_code();
                    if signed_in {
                        changed.run(());
                    } else {
                        set_sign_in.set(true);
                    }
                }
                Err(e) => problem.set(Some(said(&e))),
            }
        });
    };
    move || {
        if set_sign_in.get() {
            return view! {
                <p class="form-notice" role="status">{p().password_set_sign_in}</p>
                <button type="button" class="button primary" on:click=move |_| changed.run(())>
                    {t().sign_in}
                </button>
            }
            .into_any();
        }
        let submit = submit.clone();
        view! {
            <form class="admin-login" on:submit=submit>
                <h1>{p().reset_title}</h1>
                <label for="admin-password">{p().new_password}</label>
                <input id="admin-password" name="password" type="password" autocomplete="new-password"
                    required minlength="10" />
                {problem_line(problem)}
                <button type="submit" class="button primary">{p().reset}</button>
            </form>
        }
        .into_any()
    }
}

#[component]
pub fn SignInForm(changed: Callback<()>) -> impl IntoView {
    let problem = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = Submitted::of(&ev);
        let code = Some(typed.field("code")).filter(|c| !c.trim().is_empty());
        let body = SignIn {
            username: typed.field("username"),
            password: typed.field("password"),
            code,
        };
        send("/api/admin/login", body, problem, changed);
    };
    view! {
        <form class="admin-login" on:submit=submit>
            <label for="admin-username">{p().username}</label>
            <input id="admin-username" name="username" autocomplete="username" required />
            <label for="admin-password">{p().password}</label>
            <input id="admin-password" name="password" type="password" autocomplete="current-password" required />
            <label for="admin-code">{p().code}</label>
            <input id="admin-code" name="code" inputmode="numeric" autocomplete="one-time-code"
                pattern="[0-9 ]{6,7}" />
            {problem_line(problem)}
            <button type="submit" class="button primary">{t().sign_in}</button>
        </form>
    }
}
