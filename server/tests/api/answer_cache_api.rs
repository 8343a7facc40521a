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

/// Writes `sql` as another program would, unheard by the server: no change count moves (on
/// PostgreSQL the change trigger is switched off for this one session).
async fn write_unheard(s: &common::TestServer, sql: &str) {
    let url = common::database_url(s.dir.path()).await;
    if common::on_postgres() {
        use sqlx::Connection;
        let mut db = sqlx::PgConnection::connect(&url).await.unwrap();
        sqlx::query("SET session_replication_role = replica")
            .execute(&mut db)
            .await
            .unwrap();
        sqlx::query(sql).execute(&mut db).await.unwrap();
    } else {
        let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
        sqlx::query(sql).execute(&pool).await.unwrap();
    }
}

#[tokio::test]
async fn the_lists_declared_kept_answer_from_memory_until_a_write_and_an_article_never_does() {
    let s = common::server().await;
    let feed = "/api/articles?lang=en&limit=50";
    let comments = format!("/api/articles/{SLUG}/comments");
    let article = format!("/api/articles/{SLUG}");
    let posted = s
        .post_json(
            &comments,
            &json!({"name": "Ada", "text": "As first written."}),
        )
        .await;
    assert_eq!(posted.status, StatusCode::CREATED);
    s.settled().await;
    let title_in_feed = |feed: serde_json::Value| {
        let items = feed["items"].as_array().unwrap().clone();
        let item = items
            .iter()
            .find(|i| i["slug"] == SLUG)
            .expect("in the feed");
        item["title"].as_str().unwrap().to_string()
    };
    let texts = |list: serde_json::Value| -> Vec<String> {
        let list = list.as_array().unwrap().clone();
        list.iter()
            .map(|c| c["text"].as_str().unwrap().to_string())
            .collect()
    };
    let feed_before = title_in_feed(s.get(feed).await.json());
    let comments_before = texts(s.get(&comments).await.json());
    assert_eq!(comments_before.last().unwrap(), "As first written.");

    write_unheard(
        &s,
        "UPDATE articles SET title = 'Retitled behind the server' \
         WHERE slug = 'rates-table-explained'",
    )
    .await;
    write_unheard(
        &s,
        "UPDATE comments SET text = 'Rewritten behind the server'",
    )
    .await;

    // Kept: what was answered before, until a write the server hears of (or a minute).
    assert_eq!(title_in_feed(s.get(feed).await.json()), feed_before);
    assert_eq!(texts(s.get(&comments).await.json()), comments_before);
    // Never kept: each reading of the article has a comment form token of its own.
    let token = |a: serde_json::Value| a["formToken"].as_str().unwrap().to_string();
    let first = token(s.get(&article).await.json());
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    assert_ne!(token(s.get(&article).await.json()), first);
    // A write the server makes moves every kept answer on.
    s.storage.changed();
    assert_eq!(
        title_in_feed(s.get(feed).await.json()),
        "Retitled behind the server"
    );
    let rewritten = texts(s.get(&comments).await.json());
    assert_eq!(rewritten.len(), comments_before.len());
    assert!(
        rewritten.iter().all(|t| t == "Rewritten behind the server"),
        "{rewritten:?}"
    );
}
