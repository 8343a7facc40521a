//! Premoderation and the editors' API: a new comment waits, an editor signs in by name,
//! approves it and readers see it; every action is in the audit under their name; sign-ins are
//! paced per client and per account.

use crate::common;

use axum::http::{StatusCode, header};
use common::editors::{CHIEF, CHIEF_PASSWORD, PASSWORD, TOKEN, call, log_in, premoderated};
use common::editors::{sign_in, sign_in_as};
use common::{TestServer, server};
use serde_json::{Value, json};

const URI: &str = "/api/articles/rates-table-explained/comments";

/// An editor's action on comments (`{ids, action}`), with the session cookie.
async fn moderate(s: &TestServer, cookie: &str, body: Value) -> common::Answer {
    call(s, "POST", "/api/admin/comments", Some(cookie), Some(body)).await
}

#[tokio::test]
async fn a_new_comment_waits_until_an_editor_approves_it() {
    let s = premoderated(false).await;
    let before = s.get(URI).await.json().as_array().unwrap().len();
    let posted = s
        .post_json(
            URI,
            &json!({"name": "Dana", "text": "Waiting for the editors."}),
        )
        .await;
    assert_eq!(posted.status, StatusCode::CREATED);
    assert_eq!(posted.json()["status"], "pending");
    let id = posted.json()["id"].as_i64().unwrap();
    assert_eq!(s.get(URI).await.json().as_array().unwrap().len(), before);

    // Not for readers.
    assert_eq!(
        call(&s, "GET", "/api/admin/comments", None, None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    let wrong = log_in(&s, CHIEF, "guess").await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert_eq!(wrong.header(header::SET_COOKIE), "");

    let cookie = sign_in(&s).await;
    let queue = call(&s, "GET", "/api/admin/comments", Some(&cookie), None)
        .await
        .json();
    let first = &queue.as_array().unwrap()[0];
    assert_eq!(first["id"], id);
    assert_eq!(first["articleSlug"], "rates-table-explained");
    assert_eq!(first["status"], "pending");

    let done = moderate(&s, &cookie, json!({"ids": [id], "action": "approve"})).await;
    assert_eq!(done.json()["changed"], 1);
    let texts: Vec<Value> = s
        .get(URI)
        .await
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["text"].clone())
        .collect();
    assert!(texts.contains(&json!("Waiting for the editors.")));

    // Taken down again: a published comment can be rejected.
    moderate(&s, &cookie, json!({"ids": [id], "action": "reject"})).await;
    assert_eq!(s.get(URI).await.json().as_array().unwrap().len(), before);

    // The comment's lines (the set-up of the first admin has its own).
    let audit: Vec<_> = s
        .storage
        .audit()
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.comment_id.is_some())
        .collect();
    let actions: Vec<&str> = audit.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["reject", "approve"]);
    assert!(
        audit
            .iter()
            .all(|e| e.actor == CHIEF && e.comment_id == Some(id))
    );

    // Signed out, the cookie is worthless.
    call(&s, "POST", "/api/admin/logout", Some(&cookie), None).await;
    assert_eq!(
        call(&s, "GET", "/api/admin/comments", Some(&cookie), None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn bulk_actions_change_each_comment_once() {
    let s = premoderated(false).await;
    let mut ids = Vec::new();
    for n in 0..3 {
        let a = s
            .post_json(
                URI,
                &json!({"name": "Bulk", "text": format!("Bulk comment {n}.")}),
            )
            .await;
        ids.push(a.json()["id"].as_i64().unwrap());
    }
    let cookie = sign_in(&s).await;
    let deleted = moderate(&s, &cookie, json!({"ids": ids, "action": "delete"})).await;
    assert_eq!(deleted.json()["changed"], 3);
    let again = moderate(&s, &cookie, json!({"ids": ids, "action": "delete"})).await;
    assert_eq!(again.json()["changed"], 0);
    let bad = moderate(&s, &cookie, json!({"ids": [], "action": "approve"})).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    let audit = s.storage.audit().await.unwrap();
    assert_eq!(audit.iter().filter(|e| e.comment_id.is_some()).count(), 3);
}

/// A server with the real pace of sign-ins (the other tests' is unlimited), behind TLS.
async fn paced() -> TestServer {
    let mut s = server().await;
    infoshos_server::auth::session::ensure_token(&s.storage, Some(TOKEN))
        .await
        .unwrap();
    let state = s.state().with_tls(true);
    s.serve(state);
    s
}

#[tokio::test]
async fn sign_ins_are_paced_per_client_and_the_cookie_is_secure_behind_tls() {
    let s = paced().await;
    let cookie = sign_in(&s).await;
    assert!(!cookie.is_empty());
    let again = log_in(&s, CHIEF, CHIEF_PASSWORD).await;
    assert!(again.header(header::SET_COOKIE).contains("; Secure"));
    // Guesses at names that do not exist still count against the client.
    let mut last = StatusCode::OK;
    for n in 0..6 {
        last = log_in(&s, &format!("nobody{n}"), "guess").await.status;
    }
    assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn guessing_one_accounts_password_is_paced_for_that_account_whatever_the_client() {
    let mut s = premoderated(false).await;
    let mila = sign_in_as(&s, "editor", "mila").await;
    assert!(!mila.is_empty());
    // Clients unlimited: only the account's own pace is left to stop the guesses.
    let state = s.state().with_login_quota(common::UNLIMITED);
    s.serve(state.with_comment_quota(common::UNLIMITED));
    let statuses = {
        let mut all = Vec::new();
        for _ in 0..6 {
            all.push(log_in(&s, "mila", "guess").await.status);
        }
        all
    };
    assert_eq!(statuses[..5], [StatusCode::UNAUTHORIZED; 5]);
    assert_eq!(statuses[5], StatusCode::TOO_MANY_REQUESTS);
    // Now even the right password waits, and the answer says for how long…
    let right = log_in(&s, "mila", PASSWORD).await;
    assert_eq!(right.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(!right.header(header::RETRY_AFTER).is_empty());
    assert!(!right.json()["error"].as_str().unwrap().contains(PASSWORD));
    // …while another account, from the same client, is not held back.
    let chief = log_in(&s, CHIEF, CHIEF_PASSWORD).await;
    assert_eq!(chief.status, StatusCode::OK);
}

#[tokio::test]
async fn the_editors_area_is_its_own_page_and_never_framed() {
    let s = premoderated(false).await;
    for uri in ["/admin", "/admin/index.html"] {
        let a = s.get(uri).await;
        assert_eq!(a.status, StatusCode::OK, "{uri}");
        assert!(
            String::from_utf8_lossy(&a.body).contains("id=admin"),
            "{uri}"
        );
        assert!(
            a.header(header::CONTENT_SECURITY_POLICY)
                .ends_with("frame-ancestors 'self'")
        );
    }
}

#[tokio::test]
async fn a_waiting_comment_is_listed_only_for_the_key_it_was_sent_under() {
    let s = premoderated(false).await;
    let key = "ckey-author-0001";
    let posted = s
        .post_json(
            URI,
            &json!({"name": "Ola", "text": "Mine alone.", "key": key}),
        )
        .await;
    assert_eq!(posted.json()["status"], "pending");
    let id = posted.json()["id"].as_i64().unwrap();
    let listed = |v: Value| {
        v.as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .cloned()
    };

    assert_eq!(listed(s.get(URI).await.json()), None, "others never see it");
    let other = format!("{URI}?mine=ckey-someone-else");
    assert_eq!(listed(s.get(&other).await.json()), None);
    let mine = format!("{URI}?mine=ckey-someone-else,{key}");
    let own = listed(s.get(&mine).await.json()).expect("the author sees it");
    assert_eq!(own["pending"], true);
    assert!(own.get("email").is_none() && own.get("key").is_none());

    let cookie = sign_in(&s).await;
    moderate(&s, &cookie, json!({"ids": [id], "action": "approve"})).await;
    let approved = listed(s.get(&mine).await.json()).unwrap();
    assert!(approved.get("pending").is_none(), "{approved}");
    moderate(&s, &cookie, json!({"ids": [id], "action": "reject"})).await;
    assert_eq!(listed(s.get(&mine).await.json()), None, "rejected: gone");

    for bad in [
        "?mine=short",
        "?mine=has%20space1",
        &format!("?mine={}", ["ckey-0000001"; 21].join(",")),
    ] {
        let a = s.get(&format!("{URI}{bad}")).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{bad}");
        assert!(a.json()["error"].as_str().unwrap().contains("mine"));
    }
}
