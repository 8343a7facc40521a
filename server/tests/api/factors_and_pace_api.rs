//! The second factor is turned off only with the password and an unspent code, a reset link is
//! no way around it, and nobody can lock an editor out by trying her name (issue 28, decision
//! 0015).

use crate::common;

use axum::http::{StatusCode, header};
use common::authenticator::Authenticator;
use common::editors::{
    CHIEF, CHIEF_PASSWORD, PASSWORD, call, log_in, premoderated, session_of, sign_in, sign_in_as,
    turn_on_factor,
};
use common::links::{invite, join, reset, reset_link};
use common::{Answer, TestServer, UNLIMITED};
use infoshos_server::middleware::rate_limit::Quota;
use serde_json::json;

/// Mila, an editor with a second factor: her session and her authenticator app.
async fn with_second_factor(s: &TestServer) -> (String, Authenticator) {
    let mila = sign_in_as(s, "editor", "mila").await;
    let app = turn_on_factor(s, &mila).await;
    (mila, app)
}

#[tokio::test]
async fn turning_the_second_factor_off_takes_the_password_and_an_unused_code() {
    let s = premoderated(false).await;
    let (mila, app) = with_second_factor(&s).await;
    let body = json!({"username": "mila", "password": PASSWORD, "code": app.code(0)});
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
        off(app.code(0), PASSWORD).await.status,
        StatusCode::BAD_REQUEST
    );
    let no_password = off(app.code(1), "not her password").await;
    assert_eq!(no_password.status, StatusCode::BAD_REQUEST);
    let only_code = json!({"code": app.code(1)});
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
    assert_eq!(off(app.code(1), PASSWORD).await.status, StatusCode::OK);
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
    let (_, app) = with_second_factor(&s).await;
    let link = reset_link(&s, &chief, "mila").await;
    const NEW: &str = "a passphrase after the reset";
    let done = reset(&s, &link, NEW).await;
    assert_eq!(done.status, StatusCode::OK);
    assert_eq!(done.json(), json!({"signedIn": false}));
    assert!(done.headers.get(header::SET_COOKIE).is_none());

    let bare = log_in(&s, "mila", NEW).await;
    assert_eq!(bare.status, StatusCode::UNAUTHORIZED);
    assert!(bare.json()["error"].as_str().unwrap().contains("six-digit"));
    let body = json!({"username": "mila", "password": NEW, "code": app.code(0)});
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
    let app = turn_on_factor(&s, &mila).await;
    let password = "her second passphrase";
    let wrong_code = log_in_from(&s, "", password, Some("000000".into())).await;
    assert_eq!(wrong_code.status, StatusCode::TOO_MANY_REQUESTS);
    session_of(&log_in_from(&s, "", password, Some(app.code(0))).await);
}
