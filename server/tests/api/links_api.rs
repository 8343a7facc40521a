//! Invitations and reset links die with their maker's access and with each other, and admins
//! list and revoke them (issue 28, decision 0015).

use crate::common;

use axum::http::StatusCode;
use common::TestServer;
use common::editors::{PASSWORD, call, log_in, premoderated, set_disabled, sign_in, sign_in_as};
use common::links::{invite, join, reset, reset_link};
use serde_json::{Value, json};

/// The audit's (actor, action, subject) lines of `action`, newest first.
async fn audited(s: &TestServer, admin: &str, action: &str) -> Vec<(String, String)> {
    let uri = format!("/api/admin/audit?action={action}");
    let lines = call(s, "GET", &uri, Some(admin), None).await.json();
    lines
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let text = |k: &str| e[k].as_str().unwrap_or_default().to_string();
            (text("actor"), text("subject"))
        })
        .collect()
}

async fn open_links(s: &TestServer, admin: &str) -> Vec<Value> {
    let list = call(s, "GET", "/api/admin/invitations", Some(admin), None).await;
    assert_eq!(list.status, StatusCode::OK);
    list.json().as_array().unwrap().clone()
}

#[tokio::test]
async fn an_admins_invitations_and_reset_links_die_when_the_admin_is_disabled_or_lowered() {
    let s = premoderated(false).await;
    let chief = sign_in(&s).await;
    sign_in_as(&s, "moderator", "mila").await;
    let oleg = sign_in_as(&s, "admin", "oleg").await;
    let for_an_admin = invite(&s, &oleg, "admin").await;
    let milas_reset = reset_link(&s, &oleg, "mila").await;
    assert_eq!(set_disabled(&s, &chief, "oleg", true).await, StatusCode::OK);

    assert_eq!(
        join(&s, &for_an_admin, "intruder").await.status,
        StatusCode::GONE
    );
    let a = reset(&s, &milas_reset, "a password oleg chose").await;
    assert_eq!(a.status, StatusCode::GONE);
    assert_eq!(log_in(&s, "mila", PASSWORD).await.status, StatusCode::OK);
    assert_eq!(
        audited(&s, &chief, "revoke-invitation").await,
        [("chief".to_string(), "admin".to_string())]
    );
    assert_eq!(
        audited(&s, &chief, "revoke-reset-link").await,
        [("chief".to_string(), "mila".to_string())]
    );

    // An admin made an editor keeps the account but not the links made as an admin.
    let dana = sign_in_as(&s, "admin", "dana").await;
    let for_an_editor = invite(&s, &dana, "editor").await;
    let lowered = call(
        &s,
        "PUT",
        "/api/admin/accounts/dana",
        Some(&chief),
        Some(json!({"role": "editor"})),
    )
    .await;
    assert_eq!(lowered.status, StatusCode::OK);
    assert_eq!(
        join(&s, &for_an_editor, "eve").await.status,
        StatusCode::GONE
    );
}

#[tokio::test]
async fn an_account_has_one_live_reset_link_at_most() {
    let s = premoderated(false).await;
    let chief = sign_in(&s).await;
    let mila = sign_in_as(&s, "editor", "mila").await;
    let older = reset_link(&s, &chief, "mila").await;
    let newer = reset_link(&s, &chief, "mila").await;
    assert_eq!(
        reset(&s, &older, "the older link's own passphrase")
            .await
            .status,
        StatusCode::GONE
    );
    for _ in 0..30 {
        reset_link(&s, &chief, "mila").await;
    }
    let links = open_links(&s, &chief).await;
    assert_eq!(links.len(), 1, "{links:?}");
    assert_eq!(links[0]["kind"], "reset");
    assert_eq!(links[0]["account"], "mila");
    assert_eq!(links[0]["madeBy"], "chief");
    assert_eq!(
        reset(&s, &newer, "the newer link's passphrase")
            .await
            .status,
        StatusCode::GONE
    );

    // Her own password change voids the link an admin made for her.
    let pending = reset_link(&s, &chief, "mila").await;
    let body = json!({"current": PASSWORD, "new": "her own new passphrase"});
    let changed = call(&s, "POST", "/api/admin/password", Some(&mila), Some(body)).await;
    assert_eq!(changed.status, StatusCode::OK);
    assert_eq!(
        reset(&s, &pending, "someone else's passphrase")
            .await
            .status,
        StatusCode::GONE
    );
    assert!(open_links(&s, &chief).await.is_empty());
}

#[tokio::test]
async fn admins_list_open_links_and_revoke_one_with_an_audit_line() {
    let s = premoderated(false).await;
    let chief = sign_in(&s).await;
    let mila = sign_in_as(&s, "editor", "mila").await;
    let invitation = invite(&s, &chief, "moderator").await;
    let links = open_links(&s, &chief).await;
    assert_eq!(
        links.len(),
        1,
        "mila's own invitation is used; this one is open"
    );
    let open = links.iter().find(|l| l["kind"] == "invitation").unwrap();
    assert_eq!(open["role"], "moderator");
    assert_eq!(open["madeBy"], "chief");
    assert!(!invitation.starts_with(open["id"].as_str().unwrap()));

    let refused = call(&s, "GET", "/api/admin/invitations", Some(&mila), None).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let uri = format!("/api/admin/invitations/{}", open["id"].as_str().unwrap());
    let by_editor = call(&s, "DELETE", &uri, Some(&mila), None).await;
    assert_eq!(by_editor.status, StatusCode::FORBIDDEN);
    assert_eq!(
        call(&s, "DELETE", &uri, Some(&chief), None).await.status,
        StatusCode::OK
    );
    assert_eq!(
        call(&s, "DELETE", &uri, Some(&chief), None).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(join(&s, &invitation, "late").await.status, StatusCode::GONE);
    assert_eq!(
        audited(&s, &chief, "revoke-invitation").await,
        [("chief".to_string(), "moderator".to_string())]
    );
}
