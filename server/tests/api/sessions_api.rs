//! An editor's session: its cookie's attributes, its end after twelve hours, and signing out.

use crate::common;

use axum::http::{StatusCode, header};
use common::TestServer;
use common::editors::{CHIEF, call, premoderated, sign_in};
use infoshos_server::auth::session::{SESSION_MS, open_session};

/// The first admin's account, set up through the API.
async fn chief(s: &TestServer) -> i64 {
    sign_in(s).await;
    s.storage.account(CHIEF).await.unwrap().unwrap().id
}

fn now() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// `name=value` of a Set-Cookie line, as a browser sends it back.
fn pair(set_cookie: &str) -> String {
    set_cookie.split(';').next().unwrap().to_string()
}

#[tokio::test]
async fn the_session_cookie_is_for_the_editors_api_only_and_lasts_twelve_hours() {
    for tls in [false, true] {
        let s = premoderated(tls).await;
        let id = chief(&s).await;
        let cookie = open_session(&s.storage, id, "test", tls, now())
            .await
            .unwrap();
        for attribute in [
            "HttpOnly",
            "SameSite=Strict",
            "Path=/api/admin",
            "Max-Age=43200",
        ] {
            assert!(cookie.contains(attribute), "{cookie}");
        }
        assert_eq!(cookie.contains("Secure"), tls, "{cookie}");
        assert_eq!(
            call(&s, "GET", "/api/admin/audit", Some(&pair(&cookie)), None)
                .await
                .status,
            StatusCode::OK
        );
    }
}

#[tokio::test]
async fn a_session_ends_twelve_hours_after_it_began() {
    let s = premoderated(false).await;
    let id = chief(&s).await;
    let almost = open_session(&s.storage, id, "test", false, now() - SESSION_MS + 60_000)
        .await
        .unwrap();
    let over = open_session(&s.storage, id, "test", false, now() - SESSION_MS - 1)
        .await
        .unwrap();
    let audit = |cookie: String| {
        let s = &s;
        async move {
            call(s, "GET", "/api/admin/audit", Some(&pair(&cookie)), None)
                .await
                .status
        }
    };
    assert_eq!(audit(almost).await, StatusCode::OK);
    assert_eq!(audit(over).await, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn signing_out_ends_the_session_on_the_server_and_clears_the_cookie() {
    let s = premoderated(false).await;
    let cookie = sign_in(&s).await;
    let out = call(&s, "POST", "/api/admin/logout", Some(&cookie), None).await;
    assert_eq!(out.status, StatusCode::OK);
    assert_eq!(out.json()["signedIn"], false);
    let cleared = out.header(header::SET_COOKIE);
    assert!(
        cleared.starts_with("infoshos_admin=;") && cleared.contains("Max-Age=0"),
        "{cleared}"
    );
    // The old cookie, sent again, no longer opens anything.
    let again = call(&s, "GET", "/api/admin/audit", Some(&cookie), None).await;
    assert_eq!(again.status, StatusCode::UNAUTHORIZED);
    // A cookie jar with other cookies around ours still finds it.
    let fresh = sign_in(&s).await;
    let jar = format!("theme=dark; {fresh}; other=1");
    assert_eq!(
        call(&s, "GET", "/api/admin/audit", Some(&jar), None)
            .await
            .status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_session_store_that_cannot_be_read_is_a_server_error_not_signed_out() {
    let s = premoderated(false).await;
    let cookie = sign_in(&s).await;
    let url = common::database_url(s.dir.path()).await;
    let gone = "ALTER TABLE admin_sessions RENAME TO admin_sessions_gone";
    if common::on_postgres() {
        let pool = sqlx::PgPool::connect(&url).await.unwrap();
        sqlx::query(gone).execute(&pool).await.unwrap();
    } else {
        let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
        sqlx::query(gone).execute(&pool).await.unwrap();
    }
    let a = call(&s, "GET", "/api/admin/session", Some(&cookie), None).await;
    assert_eq!(a.status, StatusCode::INTERNAL_SERVER_ERROR, "{}", a.text());
    assert!(
        !a.text().contains("admin_sessions"),
        "no internals: {}",
        a.text()
    );
}
