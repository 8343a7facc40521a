//! Passwords after sign-up: one's own changed with the current one (the other sessions end,
//! this one stays), and a one-time reset link an admin makes for someone who forgot theirs
//! (once, only for that account; every session of theirs ends).

use crate::common;

use axum::http::StatusCode;
use common::editors::{PASSWORD, call, log_in, premoderated, session_of, sign_in, sign_in_as};
use serde_json::json;

const NEW: &str = "a brand new passphrase";

#[tokio::test]
async fn changing_ones_password_needs_the_current_one_and_ends_the_other_sessions() {
    let s = premoderated(false).await;
    let here = sign_in_as(&s, "editor", "mila").await;
    let elsewhere = session_of(&log_in(&s, "mila", PASSWORD).await);
    let change = |current: &str, new: &str| {
        let (s, here) = (&s, here.clone());
        let body = json!({"current": current, "new": new});
        async move { call(s, "POST", "/api/admin/password", Some(&here), Some(body)).await }
    };
    let wrong = change("not it", NEW).await;
    assert_eq!(wrong.status, StatusCode::BAD_REQUEST);
    assert_eq!(wrong.json()["error"], "That is not your current password.");
    let weak = change(PASSWORD, "short").await;
    assert_eq!(weak.status, StatusCode::BAD_REQUEST);
    assert!(weak.json()["error"].as_str().unwrap().contains("10"));
    assert_eq!(change(PASSWORD, NEW).await.status, StatusCode::OK);

    let audit = |cookie: String| {
        let s = &s;
        async move { call(s, "GET", "/api/admin/audit", Some(&cookie), None).await }
    };
    let stays = audit(here.clone()).await.status;
    assert_eq!(stays, StatusCode::OK, "this session stays");
    assert_eq!(audit(elsewhere).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        log_in(&s, "mila", PASSWORD).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(log_in(&s, "mila", NEW).await.status, StatusCode::OK);
    let lines = audit(here).await.json();
    assert_eq!(lines[0]["action"], "password");
    assert_eq!(lines[0]["actor"], "mila");
}

#[tokio::test]
async fn a_reset_link_sets_a_new_password_once_and_ends_every_session() {
    let s = premoderated(false).await;
    let chief = sign_in(&s).await;
    let open = sign_in_as(&s, "moderator", "mila").await;
    let made = call(
        &s,
        "POST",
        "/api/admin/accounts/mila/reset-link",
        Some(&chief),
        None,
    )
    .await;
    assert_eq!(made.status, StatusCode::OK);
    let link = made.json()["link"].as_str().unwrap().to_string();
    let code = link.split("#reset=").nth(1).unwrap().to_string();
    // Not someone else's to make, and not an invitation to join.
    let theirs = call(
        &s,
        "POST",
        "/api/admin/accounts/chief/reset-link",
        Some(&open),
        None,
    )
    .await;
    assert_eq!(theirs.status, StatusCode::FORBIDDEN);
    let join = json!({"code": code, "username": "oleg", "password": PASSWORD});
    let joined = call(&s, "POST", "/api/admin/join", None, Some(join)).await;
    assert_eq!(joined.status, StatusCode::GONE);

    let reset = |password: &str| {
        let s = &s;
        let body = json!({"code": code, "password": password});
        async move { call(s, "POST", "/api/admin/reset", None, Some(body)).await }
    };
    let named = reset("mila's new passphrase").await;
    assert_eq!(
        named.status,
        StatusCode::BAD_REQUEST,
        "no name in the password"
    );
    let fresh = session_of(&reset(NEW).await);
    assert_eq!(
        reset("another new passphrase").await.status,
        StatusCode::GONE
    );
    let status = call(&s, "GET", "/api/admin/audit", Some(&open), None)
        .await
        .status;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "her old session ended");
    let me = call(&s, "GET", "/api/admin/session", Some(&fresh), None)
        .await
        .json();
    assert_eq!(me["me"]["username"], "mila");
    assert_eq!(log_in(&s, "mila", NEW).await.status, StatusCode::OK);
    let nobody = call(
        &s,
        "POST",
        "/api/admin/accounts/nobody/reset-link",
        Some(&chief),
        None,
    )
    .await;
    assert_eq!(nobody.status, StatusCode::NOT_FOUND);
}
