//! Named accounts: the first admin set up once with the first-start token, people joining
//! from one-time invitation links, disabling an account (its open sessions stop at once), the
//! last admin kept, and the audit naming the person.

use crate::common;

use axum::http::StatusCode;
use common::editors::{
    CHIEF, CHIEF_PASSWORD, PASSWORD, TOKEN, call, invitation, log_in, premoderated, session_of,
    set_disabled, sign_in, sign_in_as,
};
use infoshos_model::accounts::Role;
use serde_json::json;

#[tokio::test]
async fn the_first_start_token_makes_the_first_admin_once() {
    let s = premoderated(false).await;
    let state = call(&s, "GET", "/api/admin/session", None, None).await;
    assert_eq!(state.json(), json!({"me": null, "setUpNeeded": true}));

    // A wrong token, or a password that breaks the rules, makes nobody.
    let wrong = json!({"token": "not-it", "username": "lena", "password": "a long passphrase"});
    let a = call(&s, "POST", "/api/admin/setup", None, Some(wrong)).await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
    let short = json!({"token": TOKEN, "username": "lena", "password": "short"});
    let a = call(&s, "POST", "/api/admin/setup", None, Some(short)).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(a.json()["error"].as_str().unwrap().contains("10"));
    assert!(s.storage.set_up_needed().await.unwrap());

    let chief = sign_in(&s).await;
    let state = call(&s, "GET", "/api/admin/session", Some(&chief), None).await;
    assert_eq!(
        state.json(),
        json!({"me": {"username": CHIEF, "role": "admin", "secondFactor": false}, "setUpNeeded": false})
    );
    // The token is spent: it makes no second admin, and is no longer kept at all.
    let again = json!({"token": TOKEN, "username": "lena", "password": "a long passphrase"});
    let a = call(&s, "POST", "/api/admin/setup", None, Some(again)).await;
    assert_eq!(a.status, StatusCode::CONFLICT);
    assert_eq!(
        s.storage
            .setting(infoshos_server::auth::session::TOKEN_SETTING)
            .await
            .unwrap(),
        None
    );
    // Nor does a restart with the token set bring it back.
    let made = infoshos_server::auth::session::ensure_token(&s.storage, Some(TOKEN))
        .await
        .unwrap();
    assert_eq!(made, None);
    assert!(
        !infoshos_server::auth::session::token_matches(&s.storage, TOKEN)
            .await
            .unwrap()
    );
    let signed_out = call(&s, "GET", "/api/admin/session", None, None).await;
    assert_eq!(signed_out.json(), json!({"me": null, "setUpNeeded": false}));
}

#[tokio::test]
async fn an_invitation_works_once_and_not_after_it_expires() {
    let s = premoderated(false).await;
    let code = invitation(&s, "moderator").await;
    let join = |code: &str, username: &str| json!({"code": code, "username": username, "password": PASSWORD});
    // A name already taken leaves the invitation good for another try.
    let taken = call(
        &s,
        "POST",
        "/api/admin/join",
        None,
        Some(join(&code, CHIEF)),
    )
    .await;
    assert_eq!(taken.status, StatusCode::CONFLICT);
    let mila = session_of(
        &call(
            &s,
            "POST",
            "/api/admin/join",
            None,
            Some(join(&code, "mila")),
        )
        .await,
    );
    let me = call(&s, "GET", "/api/admin/session", Some(&mila), None).await;
    assert_eq!(me.json()["me"]["role"], "moderator");

    let twice = call(
        &s,
        "POST",
        "/api/admin/join",
        None,
        Some(join(&code, "oleg")),
    )
    .await;
    assert_eq!(twice.status, StatusCode::GONE);
    assert!(s.storage.account("oleg").await.unwrap().is_none());

    // An invitation made three days and a minute ago has expired.
    let now = chrono::Utc::now().timestamp_millis();
    let late_code = "late-invitation-code";
    let made = now - infoshos_server::auth::credentials::INVITATION_MS - 60_000;
    let hash = infoshos_server::auth::session::sha256_hex(late_code);
    s.storage
        .add_invitation(
            &hash,
            Role::Editor,
            CHIEF,
            made,
            made + infoshos_server::auth::credentials::INVITATION_MS,
        )
        .await
        .unwrap();
    let late = call(
        &s,
        "POST",
        "/api/admin/join",
        None,
        Some(join(late_code, "oleg")),
    )
    .await;
    assert_eq!(late.status, StatusCode::GONE);
    assert!(late.json()["error"].as_str().unwrap().contains("expired"));
    assert!(s.storage.account("oleg").await.unwrap().is_none());
}

#[tokio::test]
async fn a_disabled_editors_open_session_stops_at_its_next_request() {
    let s = premoderated(false).await;
    let chief = sign_in(&s).await;
    let mila = sign_in_as(&s, "editor", "mila").await;
    let articles = |cookie: String| {
        let s = &s;
        async move {
            call(s, "GET", "/api/admin/articles", Some(&cookie), None)
                .await
                .status
        }
    };
    assert_eq!(articles(mila.clone()).await, StatusCode::OK);

    assert_eq!(set_disabled(&s, &chief, "mila", true).await, StatusCode::OK);
    assert_eq!(articles(mila.clone()).await, StatusCode::UNAUTHORIZED);
    // Her password no longer opens a session either.
    let again = log_in(&s, "mila", PASSWORD).await;
    assert_eq!(again.status, StatusCode::FORBIDDEN);

    // Enabled again, she signs in anew: the old session stays ended.
    set_disabled(&s, &chief, "mila", false).await;
    assert_eq!(articles(mila).await, StatusCode::UNAUTHORIZED);
    let fresh = session_of(&log_in(&s, "mila", PASSWORD).await);
    assert_eq!(articles(fresh).await, StatusCode::OK);
}

#[tokio::test]
async fn the_last_admin_who_can_sign_in_keeps_the_role() {
    let s = premoderated(false).await;
    let chief = sign_in(&s).await;
    let change = |who: &'static str, body: serde_json::Value| {
        let (s, chief) = (&s, chief.clone());
        async move {
            let uri = format!("/api/admin/accounts/{who}");
            call(s, "PUT", &uri, Some(&chief), Some(body)).await.status
        }
    };
    assert_eq!(
        change(CHIEF, json!({"disabled": true})).await,
        StatusCode::CONFLICT
    );
    assert_eq!(
        change(CHIEF, json!({"role": "editor"})).await,
        StatusCode::CONFLICT
    );
    assert_eq!(
        change("nobody", json!({"role": "editor"})).await,
        StatusCode::NOT_FOUND
    );
    // With a second admin, the first may step down.
    sign_in_as(&s, "admin", "aigerim").await;
    assert_eq!(
        change(CHIEF, json!({"role": "editor"})).await,
        StatusCode::OK
    );
    let list = call(&s, "GET", "/api/admin/accounts", Some(&chief), None).await;
    assert_eq!(list.status, StatusCode::FORBIDDEN, "an editor now");
}

#[tokio::test]
async fn the_audit_names_the_person_for_every_action() {
    let s = premoderated(false).await;
    let chief = sign_in(&s).await;
    let mila = sign_in_as(&s, "moderator", "mila").await;
    let posted = s
        .post_json(
            "/api/articles/rates-table-explained/comments",
            &json!({"name": "Dana", "text": "For the audit."}),
        )
        .await;
    let id = posted.json()["id"].as_i64().unwrap();
    let body = json!({"ids": [id], "action": "approve"});
    call(&s, "POST", "/api/admin/comments", Some(&mila), Some(body)).await;
    set_disabled(&s, &chief, "mila", true).await;

    let audit = call(&s, "GET", "/api/admin/audit", Some(&chief), None)
        .await
        .json();
    let lines: Vec<(String, String, String)> = audit
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let text = |k: &str| e[k].as_str().unwrap_or_default().to_string();
            (text("actor"), text("action"), text("subject"))
        })
        .collect();
    let line = |a: &str, b: &str, c: &str| (a.to_string(), b.to_string(), c.to_string());
    assert_eq!(
        lines,
        [
            line("chief", "disable", "mila"),
            line("mila", "approve", ""),
            line("mila", "join", "chief"),
            line("chief", "invite", "moderator"),
            line("chief", "set-up", "chief"),
        ]
    );
    let hers = call(&s, "GET", "/api/admin/audit?actor=mila", Some(&chief), None).await;
    assert_eq!(hers.json().as_array().unwrap().len(), 2);
    // The chief's password and its hash are in no answer.
    let people = call(&s, "GET", "/api/admin/accounts", Some(&chief), None)
        .await
        .text();
    for text in [people, audit.to_string()] {
        assert!(
            !text.contains(CHIEF_PASSWORD) && !text.contains("$argon2"),
            "{text}"
        );
    }
}
