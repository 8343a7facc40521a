//! The editors' side of the test server: premoderation on, a first-start token, the first
//! admin set up with it, people invited in each role, and requests that carry their cookies.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::{Value, json};

use super::authenticator::Authenticator;
use super::{Answer, TestServer, UNLIMITED, server};

pub const TOKEN: &str = "editors-test-token-0123456789";
/// The first admin, set up with `TOKEN`.
pub const CHIEF: &str = "chief";
pub const CHIEF_PASSWORD: &str = "the first admin's long passphrase";
/// Everyone invited by `sign_in_as` has this password.
pub const PASSWORD: &str = "an invited editor's passphrase";

/// The test server in the default mode: premoderation on, an editors' token set.
pub async fn premoderated(tls: bool) -> TestServer {
    let mut s = server().await;
    infoshos_server::auth::session::ensure_token(&s.storage, Some(TOKEN))
        .await
        .unwrap();
    // Tests sign in more often than people do: the pace of sign-ins has tests of its own.
    s.serve(
        s.state()
            .with_comment_quota(UNLIMITED)
            .with_login_quota(UNLIMITED)
            .with_account_quota(UNLIMITED)
            .with_tls(tls),
    );
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

/// The session cookie (`name=value`) a sign-in, set-up or join answer sets.
/// Publishes `draft` as `cookie` (`POST /api/admin/articles`).
pub async fn publish(s: &TestServer, cookie: &str, draft: serde_json::Value) -> Answer {
    call(s, "POST", "/api/admin/articles", Some(cookie), Some(draft)).await
}

/// `publish`, which must succeed.
pub async fn published(s: &TestServer, cookie: &str, draft: serde_json::Value) -> Answer {
    let answer = publish(s, cookie, draft).await;
    assert_eq!(answer.status, StatusCode::CREATED, "{:?}", answer.json());
    answer
}

pub fn session_of(a: &Answer) -> String {
    assert_eq!(a.status, StatusCode::OK, "{:?}", a.json());
    assert_eq!(a.json(), json!({"signedIn": true}));
    let cookie = a.header(header::SET_COOKIE).to_string();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    cookie.split(';').next().unwrap().to_string()
}

/// Signs in by name and password.
pub async fn log_in(s: &TestServer, username: &str, password: &str) -> Answer {
    let body = json!({"username": username, "password": password});
    call(s, "POST", "/api/admin/login", None, Some(body)).await
}

/// The first admin's session: set up with the token the first time, signed in after.
pub async fn sign_in(s: &TestServer) -> String {
    let body = json!({"token": TOKEN, "username": CHIEF, "password": CHIEF_PASSWORD});
    let set_up = call(s, "POST", "/api/admin/setup", None, Some(body)).await;
    if set_up.status == StatusCode::CONFLICT {
        return session_of(&log_in(s, CHIEF, CHIEF_PASSWORD).await);
    }
    session_of(&set_up)
}

/// An invitation link's code for `role`, made by the first admin.
pub async fn invitation(s: &TestServer, role: &str) -> String {
    let chief = sign_in(s).await;
    let body = json!({"role": role});
    let made = call(
        s,
        "POST",
        "/api/admin/invitations",
        Some(&chief),
        Some(body),
    )
    .await;
    assert_eq!(made.status, StatusCode::OK, "{:?}", made.json());
    let link = made.json()["link"].as_str().unwrap().to_string();
    link.split("#invite=").nth(1).unwrap().to_string()
}

/// A new person in `role`, invited by the first admin: their session.
pub async fn sign_in_as(s: &TestServer, role: &str, username: &str) -> String {
    let code = invitation(s, role).await;
    let body = json!({"code": code, "username": username, "password": PASSWORD});
    session_of(&call(s, "POST", "/api/admin/join", None, Some(body)).await)
}

/// An admin disables (`true`) or enables the account `username`.
pub async fn set_disabled(
    s: &TestServer,
    admin: &str,
    username: &str,
    disabled: bool,
) -> StatusCode {
    let uri = format!("/api/admin/accounts/{username}");
    let body = json!({ "disabled": disabled });
    call(s, "PUT", &uri, Some(admin), Some(body)).await.status
}

/// Turns the second factor on for the person signed in with `session`, with the code one step
/// before the app's (so the codes of its step and the next are still unused): her app.
pub async fn turn_on_factor(s: &TestServer, session: &str) -> Authenticator {
    let begun = call(s, "POST", "/api/admin/second-factor", Some(session), None).await;
    let app = Authenticator::new(begun.json()["secret"].as_str().unwrap()).await;
    let body = json!({"code": app.code(-1)});
    let on = call(
        s,
        "POST",
        "/api/admin/second-factor/on",
        Some(session),
        Some(body),
    )
    .await;
    assert_eq!(on.status, StatusCode::OK);
    app
}
