//! Every editors' route checks the role on the server: for each role and each action, a 403
//! exactly where the table below says no, whatever `/admin` shows; signed out, a 401
//! everywhere. The table states each cell itself (it never asks `Role::may`), so a wrong rule
//! in the model fails here too.

use crate::common;

use axum::http::StatusCode;
use common::editors::{call, premoderated, sign_in, sign_in_as};
use infoshos_model::accounts::Role;
use serde_json::{Value, json};

/// Whether a role may do an action: [moderator, editor, admin].
type Cells = [bool; 3];
const EVERYONE: Cells = [true, true, true];
const WRITERS: Cells = [false, true, true];
const ADMINS: Cells = [false, false, true];

/// Each editors' action: method, address, body, and who may do it.
fn actions() -> Vec<(&'static str, &'static str, Option<Value>, Cells)> {
    let slug = "/api/admin/articles/laos-becomes-partner";
    vec![
        ("GET", "/api/admin/comments", None, EVERYONE),
        (
            "POST",
            "/api/admin/comments",
            Some(json!({"ids": [1], "action": "approve"})),
            EVERYONE,
        ),
        ("GET", "/api/admin/articles", None, WRITERS),
        ("POST", "/api/admin/articles", Some(json!({})), WRITERS),
        ("POST", "/api/admin/preview", Some(json!({})), WRITERS),
        ("GET", "/api/admin/link-check?url=/en/", None, WRITERS),
        ("GET", slug, None, WRITERS),
        ("PUT", slug, Some(json!({})), WRITERS),
        (
            "POST",
            "/api/admin/articles/laos-becomes-partner/visibility",
            Some(json!({"hidden": false})),
            WRITERS,
        ),
        (
            "GET",
            "/api/admin/articles/laos-becomes-partner/versions",
            None,
            WRITERS,
        ),
        ("GET", "/api/admin/accounts", None, ADMINS),
        ("POST", "/api/admin/accounts/chief/reset-link", None, ADMINS),
        (
            "PUT",
            "/api/admin/accounts/chief",
            Some(json!({"role": "admin"})),
            ADMINS,
        ),
        (
            "POST",
            "/api/admin/invitations",
            Some(json!({"role": "admin"})),
            ADMINS,
        ),
        ("GET", "/api/admin/invitations", None, ADMINS),
        (
            "DELETE",
            "/api/admin/invitations/0123456789abcdef",
            None,
            ADMINS,
        ),
        ("GET", "/api/admin/sessions?account=", None, ADMINS),
        ("GET", "/api/admin/sessions?account=chief", None, ADMINS),
        ("GET", "/api/admin/audit", None, EVERYONE),
        ("GET", "/api/admin/photos", None, WRITERS),
        ("POST", "/api/admin/photos", None, WRITERS),
        ("GET", "/api/admin/sessions", None, EVERYONE),
        ("POST", "/api/admin/second-factor", None, EVERYONE),
        (
            "POST",
            "/api/admin/second-factor/off",
            Some(json!({"code": "000000", "password": "not it"})),
            EVERYONE,
        ),
        (
            "POST",
            "/api/admin/password",
            Some(json!({"current": "not it", "new": "x"})),
            EVERYONE,
        ),
    ]
}

#[tokio::test]
async fn each_role_is_refused_exactly_the_actions_it_may_not_do() {
    let s = premoderated(false).await;
    sign_in(&s).await;
    let mut checked = 0;
    for (column, role) in [Role::Moderator, Role::Editor, Role::Admin]
        .into_iter()
        .enumerate()
    {
        let name = format!("{}-person", role.as_str());
        let cookie = sign_in_as(&s, role.as_str(), &name).await;
        for (method, uri, body, cells) in actions() {
            let status = call(&s, method, uri, Some(&cookie), body).await.status;
            if cells[column] {
                assert!(
                    status != StatusCode::FORBIDDEN && status != StatusCode::UNAUTHORIZED,
                    "{role:?} {method} {uri}: {status}"
                );
            } else {
                assert_eq!(status, StatusCode::FORBIDDEN, "{role:?} {method} {uri}");
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 3 * actions().len());
}

#[tokio::test]
async fn signed_out_every_editors_action_is_a_401() {
    let s = premoderated(false).await;
    for (method, uri, body, _) in actions() {
        let status = call(&s, method, uri, None, body).await.status;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{method} {uri}");
    }
    // A made-up cookie is no better.
    let forged = "infoshos_admin=00112233445566778899aabbccddeeff";
    let status = call(&s, "GET", "/api/admin/audit", Some(forged), None)
        .await
        .status;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}
