//! Lists are answered from memory (`answer_cache`), yet every write reaches the next reader at
//! once: the same address asked before and after a write gets the new answer.

use crate::common;

use axum::http::StatusCode;
use chrono::NaiveDate;
use infoshos_server::storage::{DayRates, StoredRate};
use serde_json::json;

const SLUG: &str = "rates-table-explained";

#[tokio::test]
async fn a_new_comment_is_in_the_list_asked_for_just_before_it() {
    let s = common::server().await;
    let uri = format!("/api/articles/{SLUG}/comments");
    let before = s.get(&uri).await.json().as_array().unwrap().len();
    assert_eq!(s.get(&uri).await.json().as_array().unwrap().len(), before);
    let posted = s
        .post_json(
            &uri,
            &json!({"name": "Ada", "text": "Seen at once, not a minute later."}),
        )
        .await;
    assert_eq!(posted.status, StatusCode::CREATED);
    assert_eq!(
        s.get(&uri).await.json().as_array().unwrap().len(),
        before + 1
    );
}

#[tokio::test]
async fn an_article_taken_down_leaves_the_feed_page_asked_for_just_before() {
    let s = common::server().await;
    let feed = "/api/articles?lang=en&limit=5";
    let first = s.get(feed).await.json()["items"][0]["slug"]
        .as_str()
        .unwrap()
        .to_string();
    s.storage
        .set_article_visible(&first, false, "test", 1)
        .await
        .unwrap();
    let now = s.get(feed).await.json();
    assert_ne!(now["items"][0]["slug"], first.as_str());
}

#[tokio::test]
async fn a_new_day_of_rates_is_shown_at_once() {
    let s = common::server().await;
    let before = s.get("/api/rates").await.json()["date"].clone();
    let day = DayRates {
        date: NaiveDate::from_ymd_opt(2030, 1, 2).unwrap(),
        source: "cbr".into(),
        fetched_at_ms: 1,
        rates: vec![StoredRate {
            currency: "KZT".into(),
            name: "Tenge".into(),
            nominal: 100,
            value: 20.0,
            per_unit: 0.2,
        }],
    };
    s.storage.store_rates(&day).await.unwrap();
    let after = s.get("/api/rates").await.json();
    assert_ne!(after["date"], before);
    assert_eq!(after["date"], "2030-01-02");
}

#[tokio::test]
async fn an_article_page_drawn_just_before_a_comment_shows_it_when_drawn_again() {
    let s = common::server().await;
    let page = format!("/en/article/{SLUG}");
    let said = "Drawn again with this comment in it.";
    for _ in 0..2 {
        let before = String::from_utf8(s.get(&page).await.body).unwrap();
        assert!(!before.contains(said));
    }
    let uri = format!("/api/articles/{SLUG}/comments");
    let posted = s
        .post_json(&uri, &json!({"name": "Ada", "text": said}))
        .await;
    assert_eq!(posted.status, StatusCode::CREATED);
    let after = String::from_utf8(s.get(&page).await.body).unwrap();
    assert!(after.contains(said));
}

#[tokio::test]
async fn a_list_too_large_to_keep_is_still_sent_whole() {
    let s = common::server().await;
    let id = s.storage.article_id(SLUG).await.unwrap().unwrap();
    let text = "A long comment that fills the list well past what is kept in memory. ".repeat(5);
    for n in 0..1_800 {
        let comment = infoshos_model::NewComment {
            name: format!("Reader {n}"),
            text: text.clone(),
            ..Default::default()
        };
        s.storage
            .insert_comment(id, &comment, infoshos_model::CommentStatus::Published, n)
            .await
            .unwrap();
    }
    let uri = format!("/api/articles/{SLUG}/comments");
    for _ in 0..2 {
        let list = s.get(&uri).await;
        assert_eq!(list.status, StatusCode::OK);
        assert!(list.body.len() > 512 * 1024, "{} bytes", list.body.len());
        assert!(list.json().as_array().unwrap().len() >= 1_800);
    }
}
