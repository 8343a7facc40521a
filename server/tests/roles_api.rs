//! Every editors' route checks the role on the server: for each role and each action, a 403
//! exactly where `Role::may` says no, whatever `/admin` shows; signed out, a 401 everywhere.

mod common;

use axum::http::StatusCode;
use common::editors::{call, premoderated, sign_in, sign_in_as};
use infoshos_model::accounts::{Power, Role};
use serde_json::{Value, json};

/// Each editors' action: method, address, body, and the power it needs (`None`: anyone
/// signed in).
fn actions() -> Vec<(&'static str, &'static str, Option<Value>, Option<Power>)> {
    let slug = "/api/admin/articles/laos-becomes-partner";
    vec![
        ("GET", "/api/admin/comments", None, Some(Power::Moderate)),
        (
            "POST",
            "/api/admin/comments",
            Some(json!({"ids": [1], "action": "approve"})),
            Some(Power::Moderate),
        ),
        ("GET", "/api/admin/articles", None, Some(Power::Write)),
        (
            "POST",
            "/api/admin/articles",
            Some(json!({})),
            Some(Power::Write),
        ),
        (
            "POST",
            "/api/admin/preview",
            Some(json!({})),
            Some(Power::Write),
        ),
        ("GET", slug, None, Some(Power::Write)),
        ("PUT", slug, Some(json!({})), Some(Power::Write)),
        (
            "POST",
            "/api/admin/articles/laos-becomes-partner/visibility",
            Some(json!({"hidden": false})),
            Some(Power::Write),
        ),
        (
            "GET",
            "/api/admin/articles/laos-becomes-partner/versions",
            None,
            Some(Power::Write),
        ),
        ("GET", "/api/admin/accounts", None, Some(Power::People)),
        (
            "POST",
            "/api/admin/accounts/chief/reset-link",
            None,
            Some(Power::People),
        ),
        (
            "PUT",
            "/api/admin/accounts/chief",
            Some(json!({"role": "admin"})),
            Some(Power::People),
        ),
        (
            "POST",
            "/api/admin/invitations",
            Some(json!({"role": "admin"})),
            Some(Power::People),
        ),
        (
            "GET",
            "/api/admin/sessions?account=",
            None,
            Some(Power::People),
        ),
        (
            "GET",
            "/api/admin/sessions?account=chief",
            None,
            Some(Power::People),
        ),
        ("GET", "/api/admin/audit", None, None),
        ("GET", "/api/admin/sessions", None, None),
        ("POST", "/api/admin/second-factor", None, None),
        (
            "POST",
            "/api/admin/password",
            Some(json!({"current": "not it", "new": "x"})),
            None,
        ),
    ]
}

#[tokio::test]
async fn each_role_is_refused_exactly_the_actions_it_may_not_do() {
    let s = premoderated(false).await;
    sign_in(&s).await;
    let mut checked = 0;
    for role in Role::ALL {
        let name = format!("{}-person", role.as_str());
        let cookie = sign_in_as(&s, role.as_str(), &name).await;
        for (method, uri, body, needs) in actions() {
            let allowed = needs.is_none_or(|power| role.may(power));
            let status = call(&s, method, uri, Some(&cookie), body).await.status;
            if allowed {
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
