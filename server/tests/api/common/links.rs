//! Invitations and reset links as an admin makes and a person uses them, through the API.

use axum::http::StatusCode;
use serde_json::json;

use super::editors::{PASSWORD, call};
use super::{Answer, TestServer};

/// The code in a link's fragment (`#invite=…`, `#reset=…`).
pub fn code_of(made: &Answer) -> String {
    assert_eq!(made.status, StatusCode::OK, "{:?}", made.json());
    let link = made.json()["link"].as_str().unwrap().to_string();
    link.split('=').nth(1).unwrap().to_string()
}

pub async fn invite(s: &TestServer, admin: &str, role: &str) -> String {
    let body = json!({ "role": role });
    code_of(&call(s, "POST", "/api/admin/invitations", Some(admin), Some(body)).await)
}

pub async fn reset_link(s: &TestServer, admin: &str, username: &str) -> String {
    let uri = format!("/api/admin/accounts/{username}/reset-link");
    code_of(&call(s, "POST", &uri, Some(admin), None).await)
}

pub async fn join(s: &TestServer, code: &str, username: &str) -> Answer {
    let body = json!({"code": code, "username": username, "password": PASSWORD});
    call(s, "POST", "/api/admin/join", None, Some(body)).await
}

pub async fn reset(s: &TestServer, code: &str, password: &str) -> Answer {
    let body = json!({"code": code, "password": password});
    call(s, "POST", "/api/admin/reset", None, Some(body)).await
}
