//! Scheduled publishing, with the clock in the test's hands (`schedule::look` at a chosen
//! instant): a scheduled article is nowhere readers look until its minute, then in the feed,
//! its page, RSS, the sitemap and search at once, with nothing kept from before standing in the way;
//! on PostgreSQL, through the other replica too.

use crate::common;

use std::time::{Duration, Instant};

use axum::http::StatusCode;
use common::TestServer;
use common::editors::{CHIEF, call, premoderated, sign_in};
use infoshos_server::schedule::look;
use serde_json::{Value, json};

const SLUG: &str = "council-meets-at-noon";

/// Schedules an article for `minutes` from now; the answer, and the minute in Unix ms.
async fn schedule(s: &TestServer, cookie: &str, minutes: i64) -> (common::Answer, i64) {
    let at = chrono::Utc::now() + chrono::Duration::minutes(minutes);
    let draft = json!({
        "title": "Council meets at noon", "summary": "A scheduled article.",
        "body": "<p>It goes on the portal at its minute.</p>", "countries": ["KZ"], "section": "politics",
        "lang": "en", "slug": SLUG, "publishAt": at.to_rfc3339(),
    });
    let answer = call(s, "POST", "/api/admin/articles", Some(cookie), Some(draft)).await;
    (answer, at.timestamp_millis())
}

/// Where readers would find the article: feed, page, RSS, sitemap, search.
async fn seen_by_readers(s: &TestServer) -> [bool; 5] {
    let feed = s.get("/api/articles?lang=en&limit=5").await.json();
    let in_feed = feed["items"][0]["slug"] == SLUG;
    let page = s.get(&format!("/en/article/{SLUG}")).await.status == StatusCode::OK;
    let rss = s.get("/en/rss.xml").await.text().contains(SLUG);
    let sitemap = s.get("/sitemap.xml").await.text().contains(SLUG);
    let search = s
        .get("/api/search?lang=en&q=noon")
        .await
        .text()
        .contains(SLUG);
    [in_feed, page, rss, sitemap, search]
}

#[tokio::test]
async fn a_scheduled_article_goes_on_the_portal_at_its_minute_and_not_before() {
    let s = premoderated(false).await;
    let chief = sign_in(&s).await;
    let (answer, at) = schedule(&s, &chief, 30).await;
    assert_eq!(answer.status, StatusCode::CREATED, "{:?}", answer.json());
    assert!(answer.json()["scheduledFor"].is_string());
    assert_eq!(seen_by_readers(&s).await, [false; 5]);
    let listed = call(
        &s,
        "GET",
        "/api/admin/articles?status=scheduled",
        Some(&chief),
        None,
    )
    .await
    .json();
    assert_eq!(listed["total"], 1);
    assert_eq!(listed["items"][0]["article"]["slug"], SLUG);

    // A millisecond before its minute, still nothing; the clock says when to look again.
    let sleep = look(&s.storage, at - 1).await.unwrap();
    assert_eq!(sleep, Duration::from_millis(1));
    assert_eq!(seen_by_readers(&s).await, [false; 5]);
    // At its minute: everywhere at once, newest in the feed, dated by its minute.
    look(&s.storage, at).await.unwrap();
    assert_eq!(seen_by_readers(&s).await, [true; 5]);
    let article = s.get(&format!("/api/articles/{SLUG}")).await.json();
    let published = chrono::DateTime::parse_from_rfc3339(article["publishedAt"].as_str().unwrap());
    assert_eq!(published.unwrap().timestamp_millis(), at);
    // Once: the next look puts nothing on again.
    look(&s.storage, at + 60_000).await.unwrap();
    let audit = s.storage.audit().await.unwrap();
    let lines: Vec<(&str, &str)> = audit
        .iter()
        .filter(|e| e.article_slug.as_deref() == Some(SLUG))
        .map(|e| (e.action.as_str(), e.actor.as_str()))
        .collect();
    assert_eq!(lines, [("publish", CHIEF), ("schedule", CHIEF)]);
}

#[tokio::test]
async fn a_past_or_far_minute_is_refused_and_a_scheduled_article_can_be_moved_or_put_on_now() {
    let s = premoderated(false).await;
    let chief = sign_in(&s).await;
    for minutes in [-1, 60 * 24 * 400] {
        let (answer, _) = schedule(&s, &chief, minutes).await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            answer.json()["fields"]["publishAt"].is_string(),
            "{:?}",
            answer.json()
        );
    }
    let (_, at) = schedule(&s, &chief, 30).await;
    // Moved an hour later: not on at the old minute.
    let later = chrono::DateTime::from_timestamp_millis(at + 3_600_000).unwrap();
    let opened: Value = call(
        &s,
        "GET",
        &format!("/api/admin/articles/{SLUG}"),
        Some(&chief),
        None,
    )
    .await
    .json();
    assert!(opened["scheduledFor"].is_string());
    let mut draft = opened.clone();
    draft["publishAt"] = json!(later.to_rfc3339());
    let uri = format!("/api/admin/articles/{SLUG}");
    let moved = call(&s, "PUT", &uri, Some(&chief), Some(draft)).await;
    assert_eq!(moved.status, StatusCode::OK, "{:?}", moved.json());
    look(&s.storage, at).await.unwrap();
    assert_eq!(seen_by_readers(&s).await, [false; 5]);
    // Put on the portal by hand: on now, and no longer scheduled.
    let uri = format!("/api/admin/articles/{SLUG}/visibility");
    let on = call(
        &s,
        "POST",
        &uri,
        Some(&chief),
        Some(json!({"visible": true})),
    )
    .await;
    assert_eq!(on.status, StatusCode::OK);
    assert_eq!(seen_by_readers(&s).await, [true; 5]);
    assert_eq!(s.storage.next_due().await.unwrap(), None);
}

#[tokio::test]
async fn the_other_replica_shows_a_scheduled_article_at_its_minute_too() {
    if !common::on_postgres() {
        eprintln!("replicas share PostgreSQL; this runs in `make test-postgres`");
        return;
    }
    let mut a = premoderated(false).await;
    let b = a.replica().await;
    let chief = sign_in(&a).await;
    let (_, at) = schedule(&a, &chief, 30).await;
    // B has read (and keeps) the feed before the minute.
    let feed = "/api/articles?lang=en&limit=5";
    assert_ne!(b.get(feed).await.json()["items"][0]["slug"], SLUG);
    look(&a.storage, at).await.unwrap();
    let deadline = Instant::now() + Duration::from_secs(5);
    while b.get(feed).await.json()["items"][0]["slug"] != SLUG {
        assert!(Instant::now() < deadline, "replica B never showed it");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(seen_by_readers(&b).await, [true; 5]);
}
