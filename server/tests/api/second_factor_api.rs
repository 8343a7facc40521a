//! Sessions listed per person and ended from another browser, and the second factor (RFC 6238):
//! turned on with a code from the new secret, then asked for at every sign-in, each code once.

use crate::common;

use axum::http::StatusCode;
use common::authenticator::Authenticator;
use common::editors::{PASSWORD, call, log_in, premoderated, session_of, sign_in, sign_in_as};
use serde_json::json;

#[tokio::test]
async fn a_second_factor_is_asked_for_at_sign_in_and_each_code_works_once() {
    let s = premoderated(false).await;
    let mila = sign_in_as(&s, "editor", "mila").await;
    let begun = call(&s, "POST", "/api/admin/second-factor", Some(&mila), None).await;
    let app = Authenticator::new(begun.json()["secret"].as_str().unwrap()).await;
    assert!(
        begun.json()["uri"]
            .as_str()
            .unwrap()
            .starts_with("otpauth://totp/Infoshos:mila?")
    );

    // Not on until a code from the new secret is confirmed.
    let wrong = json!({"code": "000000"});
    let a = call(
        &s,
        "POST",
        "/api/admin/second-factor/on",
        Some(&mila),
        Some(wrong),
    )
    .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert_eq!(log_in(&s, "mila", PASSWORD).await.status, StatusCode::OK);
    let now = json!({"code": app.code(0)});
    let a = call(
        &s,
        "POST",
        "/api/admin/second-factor/on",
        Some(&mila),
        Some(now),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK);

    let with = |code: Option<String>| {
        let s = &s;
        async move {
            let body = json!({"username": "mila", "password": PASSWORD, "code": code});
            call(s, "POST", "/api/admin/login", None, Some(body)).await
        }
    };
    let bare = with(None).await;
    assert_eq!(bare.status, StatusCode::UNAUTHORIZED);
    assert!(bare.json()["error"].as_str().unwrap().contains("six-digit"));
    // The code just used to confirm is spent; the next step's code (within the one step of
    // drift allowed) opens a session, once.
    assert_eq!(
        with(Some(app.code(0))).await.status,
        StatusCode::UNAUTHORIZED
    );
    let next = app.code(1);
    session_of(&with(Some(next.clone())).await);
    assert_eq!(with(Some(next)).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        with(Some(app.code(3))).await.status,
        StatusCode::UNAUTHORIZED
    );

    let me = call(&s, "GET", "/api/admin/session", Some(&mila), None).await;
    assert_eq!(me.json()["me"]["secondFactor"], true);
}

#[tokio::test]
async fn a_person_sees_and_ends_their_own_sessions_and_an_admin_anyones() {
    let s = premoderated(false).await;
    let chief = sign_in(&s).await;
    let first = sign_in_as(&s, "moderator", "mila").await;
    let second = session_of(&log_in(&s, "mila", PASSWORD).await);
    let list = call(&s, "GET", "/api/admin/sessions", Some(&second), None)
        .await
        .json();
    let sessions = list.as_array().unwrap();
    assert_eq!(sessions.len(), 2);
    assert!(sessions.iter().all(|x| x["username"] == "mila"));
    assert_eq!(sessions[0]["current"], true, "newest first, this one");
    let older = sessions[1]["id"].as_str().unwrap().to_string();

    // Not someone else's, not as a moderator.
    let others = call(
        &s,
        "GET",
        "/api/admin/sessions?account=chief",
        Some(&second),
        None,
    )
    .await;
    assert_eq!(others.status, StatusCode::FORBIDDEN);
    let chiefs = call(&s, "GET", "/api/admin/sessions", Some(&chief), None)
        .await
        .json();
    let chiefs_id = chiefs[0]["id"].as_str().unwrap().to_string();
    let uri = format!("/api/admin/sessions/{chiefs_id}");
    assert_eq!(
        call(&s, "DELETE", &uri, Some(&second), None).await.status,
        StatusCode::NOT_FOUND
    );

    // Her own older session, ended from the newer one, stops working.
    let uri = format!("/api/admin/sessions/{older}");
    assert_eq!(
        call(&s, "DELETE", &uri, Some(&second), None).await.status,
        StatusCode::OK
    );
    let status = call(&s, "GET", "/api/admin/audit", Some(&first), None)
        .await
        .status;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // An admin sees everyone's and ends hers.
    let all = call(
        &s,
        "GET",
        "/api/admin/sessions?account=",
        Some(&chief),
        None,
    )
    .await
    .json();
    let hers: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["username"] == "mila")
        .map(|x| x["id"].as_str().unwrap())
        .collect();
    assert_eq!(hers.len(), 1);
    let uri = format!("/api/admin/sessions/{}", hers[0]);
    assert_eq!(
        call(&s, "DELETE", &uri, Some(&chief), None).await.status,
        StatusCode::OK
    );
    let status = call(&s, "GET", "/api/admin/audit", Some(&second), None)
        .await
        .status;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let bad = call(
        &s,
        "DELETE",
        "/api/admin/sessions/not-an-id",
        Some(&chief),
        None,
    )
    .await;
    assert_eq!(bad.status, StatusCode::NOT_FOUND);
}
