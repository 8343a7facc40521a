//! Premoderation and the editors' API: a new comment waits, an editor signs in with the token,
//! approves it and readers see it; every action is in the audit; sign-ins are paced.

mod common;

use axum::http::{StatusCode, header};
use common::TestServer;
use common::editors::{TOKEN, call, premoderated, sign_in};
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
    let wrong = call(
        &s,
        "POST",
        "/api/admin/login",
        None,
        Some(json!({"token": "guess"})),
    )
    .await;
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

    let audit = s.storage.audit().await.unwrap();
    let actions: Vec<&str> = audit.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["reject", "approve"]);
    assert!(
        audit
            .iter()
            .all(|e| e.actor.starts_with("editor session ") && e.comment_id == Some(id))
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
    assert_eq!(s.storage.audit().await.unwrap().len(), 3);
}

#[tokio::test]
async fn sign_ins_are_paced_and_the_cookie_is_secure_behind_tls() {
    let s = premoderated(true).await;
    let cookie = call(
        &s,
        "POST",
        "/api/admin/login",
        None,
        Some(json!({"token": TOKEN})),
    )
    .await;
    assert!(cookie.header(header::SET_COOKIE).contains("; Secure"));
    let mut last = StatusCode::OK;
    for _ in 0..6 {
        last = call(
            &s,
            "POST",
            "/api/admin/login",
            None,
            Some(json!({"token": "guess"})),
        )
        .await
        .status;
    }
    assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
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
