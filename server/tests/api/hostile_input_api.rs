//! What an attack on the portal found (issue 28), closed: two admins changing one account at
//! once, a summary written as HTML into the RSS, editors' answers a cache may keep, shells
//! without a CSP, a junk cursor, a logout cookie that is not Secure behind TLS, a name turned
//! around by a direction mark, and a year of rates that was a day longer.

use crate::common;

use axum::http::{StatusCode, header};
use common::editors::{call, premoderated, sign_in, sign_in_as};
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_admins_changing_one_account_at_once_both_finish() {
    let s = premoderated(false).await;
    let chief = sign_in(&s).await;
    let oleg = sign_in_as(&s, "admin", "oleg").await;
    sign_in_as(&s, "moderator", "mila").await;
    let mut changes = tokio::task::JoinSet::new();
    for i in 0..40 {
        let router = s.router.clone();
        let (who, role) = if i % 2 == 0 {
            (chief.clone(), "editor")
        } else {
            (oleg.clone(), "moderator")
        };
        changes.spawn(async move {
            let request = axum::http::Request::put("/api/admin/accounts/mila")
                .header(header::COOKIE, who)
                .header(header::CONTENT_TYPE, "application/json")
                .body(axum::body::Body::from(json!({ "role": role }).to_string()))
                .unwrap();
            tower::ServiceExt::oneshot(router, request)
                .await
                .unwrap()
                .status()
        });
    }
    let statuses = changes.join_all().await;
    let failed: Vec<_> = statuses.iter().filter(|s| **s != StatusCode::OK).collect();
    assert!(failed.is_empty(), "{failed:?} of 40");
}

/// The `<description>` of the feed's item titled `title` once the XML is parsed (CDATA or
/// escaped text alike): the HTML a feed reader renders.
fn description_of(feed: &str, title: &str) -> String {
    let channel = rss::Channel::read_from(feed.as_bytes()).unwrap();
    let item = channel
        .items
        .iter()
        .find(|i| i.title.as_deref() == Some(title));
    let item = item.unwrap_or_else(|| panic!("no item titled {title:?} in the feed"));
    item.description.clone().unwrap_or_default()
}

#[tokio::test]
async fn a_summary_in_the_rss_is_text_a_feed_reader_shows_as_written() {
    let s = premoderated(false).await;
    let chief = sign_in(&s).await;
    const SUMMARY: &str = "\"><img src=x onerror=alert(12)> & <b>bold</b> claims";
    let draft = json!({"title": "A summary that looks like markup", "summary": SUMMARY,
        "body": "<p>Plain.</p>", "countries": ["KZ"], "section": "politics"});
    let published = call(&s, "POST", "/api/admin/articles", Some(&chief), Some(draft)).await;
    assert_eq!(
        published.status,
        StatusCode::CREATED,
        "{:?}",
        published.json()
    );

    let feed = s.get("/en/rss.xml").await.text();
    let html = description_of(&feed, "A summary that looks like markup");
    // What the reader renders holds no element at all, and its text is the summary.
    assert!(!html.contains('<'), "markup reaches feed readers: {html}");
    assert_eq!(
        html,
        "\"&gt;&lt;img src=x onerror=alert(12)&gt; &amp; &lt;b&gt;bold&lt;/b&gt; claims"
    );
}

#[tokio::test]
async fn editors_answers_are_never_stored_and_every_shell_has_a_csp() {
    let s = premoderated(false).await;
    let chief = sign_in(&s).await;
    for uri in [
        "/api/admin/session",
        "/api/admin/accounts",
        "/api/admin/articles",
        "/api/admin/nothing-here",
    ] {
        let a = call(&s, "GET", uri, Some(&chief), None).await;
        assert_eq!(a.header(header::CACHE_CONTROL), "no-store", "{uri}");
    }
    let signed_out = call(&s, "GET", "/api/admin/accounts", None, None).await;
    assert_eq!(signed_out.header(header::CACHE_CONTROL), "no-store");
    for uri in [
        "/edition-ru/index.html",
        "/edition-zh/",
        "/occasional/index.html",
        "/index.html",
    ] {
        let a = s.get(uri).await;
        assert_eq!(a.status, StatusCode::OK, "{uri}");
        let csp = a.header(header::CONTENT_SECURITY_POLICY);
        assert!(
            csp.contains("script-src") && csp.contains("frame-ancestors 'self'"),
            "{uri}: {csp:?}"
        );
    }
    let russian = s.get("/edition-ru/index.html").await.text();
    assert!(russian.contains("id=reader-ru"), "the Russian shell itself");
}

#[tokio::test]
async fn a_junk_cursor_in_a_page_address_is_a_400() {
    let s = common::server().await;
    let a = s.get("/en/?cursor=junk").await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert_eq!(s.get("/en/").await.status, StatusCode::OK);
}

#[tokio::test]
async fn signing_out_behind_tls_sends_a_secure_cookie() {
    let s = premoderated(true).await;
    let chief = sign_in(&s).await;
    let out = call(&s, "POST", "/api/admin/logout", Some(&chief), None).await;
    assert_eq!(out.status, StatusCode::OK);
    let cookie = out.header(header::SET_COOKIE);
    assert!(cookie.starts_with("infoshos_admin=;"), "{cookie}");
    assert!(
        cookie.contains("Secure") && cookie.contains("Max-Age=0"),
        "{cookie}"
    );
}

#[tokio::test]
async fn a_commenters_name_with_a_direction_mark_is_refused() {
    let s = common::server().await;
    let slug = "rates-table-explained";
    let uri = format!("/api/articles/{slug}/comments");
    for name in ["Dana\u{202e}nimda", "\u{2066}Oleg\u{2069}"] {
        let a = s
            .post_json(&uri, &json!({"name": name, "text": "A comment."}))
            .await;
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{name:?}");
        assert!(a.json()["fields"]["name"].is_string(), "{:?}", a.json());
    }
}

#[tokio::test]
async fn a_year_of_rates_is_at_most_as_many_days_as_asked_for() {
    let s = common::server().await;
    let today = chrono::Utc::now().date_naive();
    // Every day from 366 days ago to tomorrow (the CBR dates a rate for the next day).
    let days: Vec<_> = (-1..=366)
        .map(|back| infoshos_server::storage::DayRate {
            date: today - chrono::Duration::days(back),
            nominal: 100,
            value: 17.0,
            per_unit: 0.17,
        })
        .collect();
    s.storage.store_history("KZT", &days, today).await.unwrap();
    for (asked, expected) in [(366, 366), (30, 30), (1, 1)] {
        let answer = s
            .get(&format!("/api/rates/KZT/history?days={asked}"))
            .await
            .json();
        let held = answer["days"].as_array().unwrap();
        assert_eq!(held.len(), expected, "days={asked}");
        let tomorrow = (today + chrono::Duration::days(1)).to_string();
        assert_eq!(held.last().unwrap()["date"], tomorrow.as_str());
    }
}
