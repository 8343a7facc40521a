//! When no admin can sign in any more, the operator's recovery token (made on the server with
//! `infoshos-server recovery-token`) opens the set-up page for one more admin: once, within the
//! hour, and never for a name already taken.

use crate::common;

use axum::http::StatusCode;
use common::editors::{call, premoderated, session_of, sign_in};
use infoshos_server::auth::recovery::{RECOVERY_MS, make_token};
use serde_json::json;

fn now() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

#[tokio::test]
async fn a_recovery_token_makes_one_more_admin_once() {
    let s = premoderated(false).await;
    sign_in(&s).await;
    let state = || call(&s, "GET", "/api/admin/session", None, None);
    assert_eq!(state().await.json()["setUpNeeded"], false);

    let token = make_token(&s.storage, now()).await.unwrap();
    assert_eq!(state().await.json()["setUpNeeded"], true);
    let set_up = |token: &str, username: &str| {
        let body = json!({"token": token, "username": username, "password": "an operator-made passphrase"});
        call(&s, "POST", "/api/admin/setup", None, Some(body))
    };
    assert_eq!(
        set_up("not it", "rescue").await.status,
        StatusCode::UNAUTHORIZED
    );
    // A name already taken is refused, and the token stays good for another.
    assert_eq!(set_up(&token, "chief").await.status, StatusCode::CONFLICT);
    let rescue = session_of(&set_up(&token, "rescue").await);
    let me = call(&s, "GET", "/api/admin/session", Some(&rescue), None)
        .await
        .json();
    assert_eq!(me["me"]["role"], "admin");
    // Spent: the page is closed again, and the token makes nobody.
    assert_eq!(state().await.json()["setUpNeeded"], false);
    assert_eq!(set_up(&token, "second").await.status, StatusCode::CONFLICT);
    let audit = s.storage.audit().await.unwrap();
    assert_eq!(
        (audit[0].action.as_str(), audit[0].actor.as_str()),
        ("set-up", "rescue")
    );
}

#[tokio::test]
async fn a_recovery_token_an_hour_old_opens_nothing() {
    let s = premoderated(false).await;
    sign_in(&s).await;
    let token = make_token(&s.storage, now() - RECOVERY_MS - 1)
        .await
        .unwrap();
    let state = call(&s, "GET", "/api/admin/session", None, None)
        .await
        .json();
    assert_eq!(state["setUpNeeded"], false);
    let body =
        json!({"token": token, "username": "late", "password": "an operator-made passphrase"});
    let late = call(&s, "POST", "/api/admin/setup", None, Some(body)).await;
    assert_eq!(late.status, StatusCode::CONFLICT);
}
