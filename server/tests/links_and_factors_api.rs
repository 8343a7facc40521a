//! What an attack on the newsroom found (issue 28), closed: invitations and reset links die
//! with their maker's access and with each other, admins list and revoke them, the second
//! factor is turned off only with the password and an unspent code, a reset link is no way
//! around the second factor, and nobody can lock an editor out by trying her name.

mod common;

use axum::http::{StatusCode, header};
use common::editors::{
    CHIEF, CHIEF_PASSWORD, PASSWORD, call, log_in, premoderated, session_of, set_disabled, sign_in,
    sign_in_as,
};
use common::{Answer, TestServer, UNLIMITED};
use infoshos_server::rate_limit::Quota;
use serde_json::{Value, json};
use totp_rs::{Algorithm, Secret, TOTP};

/// The code an authenticator app shows for `secret` at `at` seconds from now.
fn code(secret: &str, at: i64) -> String {
    let bytes = Secret::Encoded(secret.into()).to_bytes().unwrap();
    let totp = TOTP::new(Algorithm::SHA1, 6, 1, 30, bytes, None, "x".into()).unwrap();
    totp.generate(u64::try_from(chrono::Utc::now().timestamp() + at).unwrap())
}

/// The code in a link's fragment (`#invite=…`, `#reset=…`).
fn code_of(made: &Answer) -> String {
    assert_eq!(made.status, StatusCode::OK, "{:?}", made.json());
    let link = made.json()["link"].as_str().unwrap().to_string();
    link.split('=').nth(1).unwrap().to_string()
}

async fn invite(s: &TestServer, admin: &str, role: &str) -> String {
    let body = json!({ "role": role });
    code_of(&call(s, "POST", "/api/admin/invitations", Some(admin), Some(body)).await)
}

async fn reset_link(s: &TestServer, admin: &str, username: &str) -> String {
    let uri = format!("/api/admin/accounts/{username}/reset-link");
    code_of(&call(s, "POST", &uri, Some(admin), None).await)
}

async fn join(s: &TestServer, code: &str, username: &str) -> Answer {
    let body = json!({"code": code, "username": username, "password": PASSWORD});
    call(s, "POST", "/api/admin/join", None, Some(body)).await
}

async fn reset(s: &TestServer, code: &str, password: &str) -> Answer {
    let body = json!({"code": code, "password": password});
    call(s, "POST", "/api/admin/reset", None, Some(body)).await
}

/// The audit's (actor, action, subject) lines of `action`, newest first.
async fn audited(s: &TestServer, admin: &str, action: &str) -> Vec<(String, String)> {
    let uri = format!("/api/admin/audit?action={action}");
    let lines = call(s, "GET", &uri, Some(admin), None).await.json();
    lines
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let text = |k: &str| e[k].as_str().unwrap_or_default().to_string();
            (text("actor"), text("subject"))
        })
        .collect()
}

async fn open_links(s: &TestServer, admin: &str) -> Vec<Value> {
    let list = call(s, "GET", "/api/admin/invitations", Some(admin), None).await;
    assert_eq!(list.status, StatusCode::OK);
    list.json().as_array().unwrap().clone()
}

#[tokio::test]
async fn an_admins_invitations_and_reset_links_die_when_the_admin_is_disabled_or_lowered() {
    let s = premoderated(false).await;
    let chief = sign_in(&s).await;
    sign_in_as(&s, "moderator", "mila").await;
    let oleg = sign_in_as(&s, "admin", "oleg").await;
    let for_an_admin = invite(&s, &oleg, "admin").await;
    let milas_reset = reset_link(&s, &oleg, "mila").await;
    assert_eq!(set_disabled(&s, &chief, "oleg", true).await, StatusCode::OK);

    assert_eq!(
        join(&s, &for_an_admin, "intruder").await.status,
        StatusCode::GONE
    );
    let a = reset(&s, &milas_reset, "a password oleg chose").await;
    assert_eq!(a.status, StatusCode::GONE);
    assert_eq!(log_in(&s, "mila", PASSWORD).await.status, StatusCode::OK);
    assert_eq!(
        audited(&s, &chief, "revoke-invitation").await,
        [("chief".to_string(), "admin".to_string())]
    );
    assert_eq!(
        audited(&s, &chief, "revoke-reset-link").await,
        [("chief".to_string(), "mila".to_string())]
    );

    // An admin made an editor keeps the account but not the links made as an admin.
    let dana = sign_in_as(&s, "admin", "dana").await;
    let for_an_editor = invite(&s, &dana, "editor").await;
    let lowered = call(
        &s,
        "PUT",
        "/api/admin/accounts/dana",
        Some(&chief),
        Some(json!({"role": "editor"})),
    )
    .await;
    assert_eq!(lowered.status, StatusCode::OK);
    assert_eq!(
        join(&s, &for_an_editor, "eve").await.status,
        StatusCode::GONE
    );
}

#[tokio::test]
async fn an_account_has_one_live_reset_link_at_most() {
    let s = premoderated(false).await;
    let chief = sign_in(&s).await;
    let mila = sign_in_as(&s, "editor", "mila").await;
    let older = reset_link(&s, &chief, "mila").await;
    let newer = reset_link(&s, &chief, "mila").await;
    assert_eq!(
        reset(&s, &older, "the older link's own passphrase")
            .await
            .status,
        StatusCode::GONE
    );
    for _ in 0..30 {
        reset_link(&s, &chief, "mila").await;
    }
    let links = open_links(&s, &chief).await;
    assert_eq!(links.len(), 1, "{links:?}");
    assert_eq!(links[0]["kind"], "reset");
    assert_eq!(links[0]["account"], "mila");
    assert_eq!(links[0]["madeBy"], "chief");
    assert_eq!(
        reset(&s, &newer, "the newer link's passphrase")
            .await
            .status,
        StatusCode::GONE
    );

    // Her own password change voids the link an admin made for her.
    let pending = reset_link(&s, &chief, "mila").await;
    let body = json!({"current": PASSWORD, "new": "her own new passphrase"});
    let changed = call(&s, "POST", "/api/admin/password", Some(&mila), Some(body)).await;
    assert_eq!(changed.status, StatusCode::OK);
    assert_eq!(
        reset(&s, &pending, "someone else's passphrase")
            .await
            .status,
        StatusCode::GONE
    );
    assert!(open_links(&s, &chief).await.is_empty());
}

#[tokio::test]
async fn admins_list_open_links_and_revoke_one_with_an_audit_line() {
    let s = premoderated(false).await;
    let chief = sign_in(&s).await;
    let mila = sign_in_as(&s, "editor", "mila").await;
    let invitation = invite(&s, &chief, "moderator").await;
    let links = open_links(&s, &chief).await;
    assert_eq!(
        links.len(),
        1,
        "mila's own invitation is used; this one is open"
    );
    let open = links.iter().find(|l| l["kind"] == "invitation").unwrap();
    assert_eq!(open["role"], "moderator");
    assert_eq!(open["madeBy"], "chief");
    assert!(!invitation.starts_with(open["id"].as_str().unwrap()));

    let refused = call(&s, "GET", "/api/admin/invitations", Some(&mila), None).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let uri = format!("/api/admin/invitations/{}", open["id"].as_str().unwrap());
    let by_editor = call(&s, "DELETE", &uri, Some(&mila), None).await;
    assert_eq!(by_editor.status, StatusCode::FORBIDDEN);
    assert_eq!(
        call(&s, "DELETE", &uri, Some(&chief), None).await.status,
        StatusCode::OK
    );
    assert_eq!(
        call(&s, "DELETE", &uri, Some(&chief), None).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(join(&s, &invitation, "late").await.status, StatusCode::GONE);
    assert_eq!(
        audited(&s, &chief, "revoke-invitation").await,
        [("chief".to_string(), "moderator".to_string())]
    );
}

/// Turns the second factor on for the person signed in with `session`, with the code one step
/// back (so the codes of now and the next step are still unused): its secret.
async fn turn_on_factor(s: &TestServer, session: &str) -> String {
    let begun = call(s, "POST", "/api/admin/second-factor", Some(session), None).await;
    let secret = begun.json()["secret"].as_str().unwrap().to_string();
    let body = json!({"code": code(&secret, -30)});
    let on = call(
        s,
        "POST",
        "/api/admin/second-factor/on",
        Some(session),
        Some(body),
    )
    .await;
    assert_eq!(on.status, StatusCode::OK);
    secret
}

/// Mila, an editor with a second factor: her session and secret.
async fn with_second_factor(s: &TestServer) -> (String, String) {
    let mila = sign_in_as(s, "editor", "mila").await;
    let secret = turn_on_factor(s, &mila).await;
    (mila, secret)
}

#[tokio::test]
async fn turning_the_second_factor_off_takes_the_password_and_an_unused_code() {
    let s = premoderated(false).await;
    let (mila, secret) = with_second_factor(&s).await;
    let body = json!({"username": "mila", "password": PASSWORD, "code": code(&secret, 0)});
    session_of(&call(&s, "POST", "/api/admin/login", None, Some(body)).await);

    let off = |code: String, password: &str| {
        let body = json!({"code": code, "password": password});
        call(
            &s,
            "POST",
            "/api/admin/second-factor/off",
            Some(&mila),
            Some(body),
        )
    };
    // The code just used to sign in; a code without the password; an old code form.
    assert_eq!(
        off(code(&secret, 0), PASSWORD).await.status,
        StatusCode::BAD_REQUEST
    );
    let no_password = off(code(&secret, 30), "not her password").await;
    assert_eq!(no_password.status, StatusCode::BAD_REQUEST);
    let only_code = json!({"code": code(&secret, 30)});
    let old_form = call(
        &s,
        "POST",
        "/api/admin/second-factor/off",
        Some(&mila),
        Some(only_code),
    );
    assert_eq!(old_form.await.status, StatusCode::UNPROCESSABLE_ENTITY);
    let me = call(&s, "GET", "/api/admin/session", Some(&mila), None).await;
    assert_eq!(me.json()["me"]["secondFactor"], true);
    assert_eq!(
        off(code(&secret, 30), PASSWORD).await.status,
        StatusCode::OK
    );
    let me = call(&s, "GET", "/api/admin/session", Some(&mila), None).await;
    assert_eq!(me.json()["me"]["secondFactor"], false);
}

#[tokio::test]
async fn wrong_codes_to_turn_the_second_factor_off_are_paced() {
    let mut s = premoderated(false).await;
    let (mila, _) = with_second_factor(&s).await;
    let three = Quota {
        every_ms: 60_000,
        burst: 3,
    };
    s.serve(
        s.state()
            .with_comment_quota(UNLIMITED)
            .with_login_quota(three),
    );
    let mut statuses = Vec::new();
    for _ in 0..5 {
        let body = json!({"code": "000000", "password": PASSWORD});
        let a = call(
            &s,
            "POST",
            "/api/admin/second-factor/off",
            Some(&mila),
            Some(body),
        )
        .await;
        statuses.push(a.status);
    }
    assert_eq!(
        statuses,
        [
            StatusCode::BAD_REQUEST,
            StatusCode::BAD_REQUEST,
            StatusCode::BAD_REQUEST,
            StatusCode::TOO_MANY_REQUESTS,
            StatusCode::TOO_MANY_REQUESTS
        ]
    );
}

#[tokio::test]
async fn a_reset_link_sets_the_password_but_signing_in_still_asks_for_the_code() {
    let s = premoderated(false).await;
    let chief = sign_in(&s).await;
    let (_, secret) = with_second_factor(&s).await;
    let link = reset_link(&s, &chief, "mila").await;
    const NEW: &str = "a passphrase after the reset";
    let done = reset(&s, &link, NEW).await;
    assert_eq!(done.status, StatusCode::OK);
    assert_eq!(done.json(), json!({"signedIn": false}));
    assert!(done.headers.get(header::SET_COOKIE).is_none());

    let bare = log_in(&s, "mila", NEW).await;
    assert_eq!(bare.status, StatusCode::UNAUTHORIZED);
    assert!(bare.json()["error"].as_str().unwrap().contains("six-digit"));
    let body = json!({"username": "mila", "password": NEW, "code": code(&secret, 0)});
    session_of(&call(&s, "POST", "/api/admin/login", None, Some(body)).await);
}

/// The `name=value` of every cookie an answer sets.
fn cookies(a: &Answer) -> Vec<String> {
    a.headers
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().split(';').next().unwrap().to_string())
        .collect()
}

async fn log_in_from(
    s: &TestServer,
    browser: &str,
    password: &str,
    code: Option<String>,
) -> Answer {
    let body = json!({"username": "mila", "password": password, "code": code});
    let cookie = Some(browser).filter(|c| !c.is_empty());
    call(s, "POST", "/api/admin/login", cookie, Some(body)).await
}

#[tokio::test]
async fn nobody_locks_an_editor_out_by_trying_her_name_from_elsewhere() {
    let mut s = premoderated(false).await;
    let chief = sign_in(&s).await;
    let two = Quota {
        every_ms: 60_000,
        burst: 2,
    };
    s.serve(
        s.state()
            .with_comment_quota(UNLIMITED)
            .with_login_quota(UNLIMITED)
            .with_account_quota(two),
    );
    let code_for_mila = invite(&s, &chief, "editor").await;
    let joined = join(&s, &code_for_mila, "mila").await;
    let set = cookies(&joined);
    assert_eq!(set.len(), 2, "a session and the browser's mark: {set:?}");
    let her_browser = set[1].clone();
    assert!(
        her_browser.starts_with("infoshos_device=mila."),
        "{her_browser}"
    );

    // Someone elsewhere tries her name until the account's pace stops them.
    let mut tries = Vec::new();
    for _ in 0..4 {
        tries.push(
            log_in_from(&s, "", "a guess at her password", None)
                .await
                .status,
        );
    }
    assert_eq!(tries[3], StatusCode::TOO_MANY_REQUESTS, "{tries:?}");
    // Her right password from a new browser is paced too: it has no second factor.
    let new_browser = log_in_from(&s, "", PASSWORD, None).await;
    assert_eq!(new_browser.status, StatusCode::TOO_MANY_REQUESTS);
    // From her own browser she signs in, and her password change has its own allowance.
    let mila = session_of(&log_in_from(&s, &her_browser, PASSWORD, None).await);
    let body = json!({"current": PASSWORD, "new": "her second passphrase"});
    let changed = call(&s, "POST", "/api/admin/password", Some(&mila), Some(body)).await;
    assert_eq!(changed.status, StatusCode::OK);
    // A mark made for another account vouches for nobody else.
    let chiefs = log_in(&s, CHIEF, CHIEF_PASSWORD).await;
    let chiefs_browser = cookies(&chiefs)[1].clone();
    let wrong_mark = log_in_from(&s, &chiefs_browser, "her second passphrase", None).await;
    assert_eq!(wrong_mark.status, StatusCode::TOO_MANY_REQUESTS);

    // With a second factor, a right password and a valid code get in from anywhere; a right
    // password with a wrong code gets the same 429 as any guess.
    let secret = turn_on_factor(&s, &mila).await;
    let password = "her second passphrase";
    let wrong_code = log_in_from(&s, "", password, Some("000000".into())).await;
    assert_eq!(wrong_code.status, StatusCode::TOO_MANY_REQUESTS);
    session_of(&log_in_from(&s, "", password, Some(code(&secret, 0))).await);
}
