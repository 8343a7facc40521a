//! The editors' side of the test server: premoderation on, an editors' token, a signed-in
//! session, and requests that carry its cookie.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::{Value, json};

use super::{Answer, TestServer, UNLIMITED, server};

pub const TOKEN: &str = "editors-test-token-0123456789";

/// The test server in the default mode: premoderation on, an editors' token set.
pub async fn premoderated(tls: bool) -> TestServer {
    let mut s = server().await;
    infoshos_server::admin::ensure_token(&s.storage, Some(TOKEN))
        .await
        .unwrap();
    s.serve(s.state().with_comment_quota(UNLIMITED).with_tls(tls));
    s
}

pub async fn call(
    s: &TestServer,
    method: &str,
    uri: &str,
    cookie: Option<&str>,
    body: Option<Value>,
) -> Answer {
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

pub async fn sign_in(s: &TestServer) -> String {
    let a = call(
        s,
        "POST",
        "/api/admin/login",
        None,
        Some(json!({"token": TOKEN})),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(a.json(), json!({"signedIn": true}));
    let cookie = a.header(header::SET_COOKIE).to_string();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    cookie.split(';').next().unwrap().to_string()
}
