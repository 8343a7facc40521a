//! Premoderation and the editors' API: a new comment waits, an editor signs in with the token,
//! approves it and readers see it; every action is in the audit; sign-ins are paced.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::{TestServer, server};
use infoshos_server::app::{AppState, app};
use serde_json::{Value, json};

const TOKEN: &str = "editors-test-token-0123456789";
const URI: &str = "/api/articles/rates-table-explained/comments";

/// The test server in the default mode: premoderation on, an editors' token set.
async fn premoderated(tls: bool) -> TestServer {
    let mut s = server().await;
    infoshos_server::admin::ensure_token(&s.storage, Some(TOKEN))
        .await
        .unwrap();
    let state = AppState::new(s.storage.clone(), &s.dir.path().join("dist"))
        .with_comment_quota(common::UNLIMITED)
        .with_tls(tls);
    s.secret = state.form_secret.clone();
    s.router = app(state);
    s
}

async fn call(
    s: &TestServer,
    method: &str,
    uri: &str,
    cookie: Option<&str>,
    body: Option<Value>,
) -> common::Answer {
    let mut request = Request::builder().method(method).uri(uri);
    if let Some(c) = cookie {
        request = request.header(header::COOKIE, c);
    }
    let body = match body {
        Some(b) => {
            request = request.header(header::CONTENT_TYPE, "application/json");
            Body::from(b.to_string())
        }
        None => Body::empty(),
    };
    s.send(request.body(body).unwrap()).await
}

/// An editor's action on comments (`{ids, action}`), with the session cookie.
async fn moderate(s: &TestServer, cookie: &str, body: Value) -> common::Answer {
    call(s, "POST", "/api/admin/comments", Some(cookie), Some(body)).await
}

async fn sign_in(s: &TestServer) -> String {
    let a = call(
        s,
        "POST",
        "/api/admin/login",
        None,
        Some(json!({"token": TOKEN})),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK);
    let cookie = a.header(header::SET_COOKIE).to_string();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    cookie.split(';').next().unwrap().to_string()
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
    let actions: Vec<&str> = audit.iter().map(|(_, _, a, _)| a.as_str()).collect();
    assert_eq!(actions, ["reject", "approve"]);
    assert!(
        audit
            .iter()
            .all(|(_, who, _, c)| who.starts_with("editor session ") && *c == Some(id))
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
