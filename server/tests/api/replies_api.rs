//! Replies: a reader answers a comment, one level deep. The answer is listed under the
//! comment that starts its thread, with the name it answers, counted with the article's
//! comments, refused when what it answers is not shown, and shown to editors beside what it
//! answers. On both engines (`scripts/with-postgres.sh`).

use crate::common;

use axum::http::StatusCode;
use common::editors::{call, premoderated, sign_in};
use common::{TestServer, server};
use infoshos_model::admin::ModerationAction;
use serde_json::{Value, json};

const SLUG: &str = "kazakhstan-switches-to-single-time-zone";
const URI: &str = "/api/articles/kazakhstan-switches-to-single-time-zone/comments";

/// Posts a comment (a reply with `reply_to`) and gives back its id.
async fn comment(s: &TestServer, name: &str, text: &str, reply_to: Option<i64>) -> i64 {
    let mut body = json!({"name": name, "text": text});
    if let Some(id) = reply_to {
        body["replyTo"] = json!(id);
    }
    let posted = s.post_json(URI, &body).await;
    assert!(posted.status.is_success(), "{:?}", posted.text());
    posted.json()["id"].as_i64().unwrap()
}

async fn listed(s: &TestServer) -> Vec<Value> {
    s.get(URI).await.json().as_array().unwrap().clone()
}

/// Each listed comment as (name, thread, the name it answers).
fn shape(list: &[Value]) -> Vec<(String, Option<i64>, Option<String>)> {
    list.iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap().to_string(),
                c["thread"].as_i64(),
                c["answers"].as_str().map(str::to_string),
            )
        })
        .collect()
}

async fn comment_count(s: &TestServer) -> u64 {
    let article = s.get(&format!("/api/articles/{SLUG}")).await.json();
    article["commentCount"].as_u64().unwrap()
}

#[tokio::test]
async fn a_reply_comes_under_the_comment_it_answers_with_that_readers_name_and_is_counted() {
    let s = server().await;
    let asel = comment(&s, "Asel", "The old offset confused my parents.", None).await;
    comment(&s, "Bolat", "A separate thought on the clocks.", None).await;
    let chen = comment(&s, "Chen", "Same here, it took a week.", Some(asel)).await;
    comment(&s, "Dina", "A week seems long to me, Chen.", Some(chen)).await;

    // The demo's comment first; a reply to a reply stays in the first comment's thread.
    let some = |name: &str| Some(name.to_string());
    assert_eq!(
        shape(&listed(&s).await),
        [
            ("Dmitry".into(), None, None),
            ("Asel".into(), None, None),
            ("Chen".into(), Some(asel), some("Asel")),
            ("Dina".into(), Some(asel), some("Chen")),
            ("Bolat".into(), None, None),
        ]
    );
    assert_eq!(comment_count(&s).await, 5, "replies are counted too");
}

#[tokio::test]
async fn the_demo_content_has_a_thread() {
    let s = server().await;
    let list = s
        .get("/api/articles/bishkek-summit-2026-declaration/comments")
        .await
        .json();
    let list = list.as_array().unwrap();
    let rahul = list.iter().find(|c| c["name"] == "Rahul").unwrap();
    let reply = list.iter().find(|c| c["answers"] == "Rahul").unwrap();
    assert_eq!(reply["name"], "Aizada");
    assert_eq!(reply["thread"], rahul["id"]);
}

#[tokio::test]
async fn a_reply_to_a_comment_that_is_not_shown_is_refused_in_the_articles_language() {
    let mut s = server().await;
    let elsewhere = s
        .get("/api/articles/rates-table-explained/comments")
        .await
        .json()[0]["id"]
        .as_i64()
        .unwrap();
    s.serve(
        s.state()
            .with_premoderation(true)
            .with_comment_quota(common::UNLIMITED),
    );
    let waiting = comment(&s, "Erlan", "Still waiting for the editors.", None).await;
    let before = listed(&s).await.len();
    for (answered, what) in [
        (json!(elsewhere), "a comment of another article"),
        (json!(waiting), "a comment waiting for the editors"),
        (json!(987_654), "a comment that never was"),
    ] {
        let body = json!({"name": "Farida", "text": "An answer to nothing.", "replyTo": answered});
        let refused = s.post_json(URI, &body).await;
        assert_eq!(refused.status, StatusCode::CONFLICT, "{what}");
        assert_eq!(
            refused.json()["error"],
            "The comment you are replying to is no longer shown. Your text is still here: send it as a comment of its own.",
            "{what}"
        );
    }
    assert_eq!(listed(&s).await.len(), before, "nothing was stored");

    let ru = "/api/articles/astana-2017-indiya-i-pakistan/comments";
    let body = json!({"name": "Фарида", "text": "Ответ в пустоту.", "replyTo": 987_654});
    let refused = s.post_json(ru, &body).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert!(
        refused.json()["error"]
            .as_str()
            .unwrap()
            .starts_with("Комментарий, на который вы отвечаете, больше не показан."),
        "{}",
        refused.text()
    );
}

#[tokio::test]
async fn a_reply_whose_comment_an_editor_removed_stands_as_a_comment_of_its_own() {
    let s = server().await;
    let rejected = comment(&s, "Gulnara", "A comment an editor will reject.", None).await;
    let kept = comment(&s, "Hasan", "An answer that stays.", Some(rejected)).await;
    let deleted = comment(&s, "Ilya", "A comment an editor will delete.", None).await;
    comment(&s, "Jamal", "Another answer that stays.", Some(deleted)).await;
    let now = chrono::Utc::now().timestamp_millis();
    for (id, action) in [
        (rejected, ModerationAction::Reject),
        (deleted, ModerationAction::Delete),
    ] {
        s.storage
            .moderate(&[id], action, "chief", now)
            .await
            .unwrap();
    }
    // Answering the reply that now stands alone starts a thread under it.
    comment(&s, "Kamila", "Answering Hasan directly.", Some(kept)).await;

    let list = listed(&s).await;
    let some = |name: &str| Some(name.to_string());
    assert_eq!(
        shape(&list),
        [
            ("Dmitry".into(), None, None),
            ("Hasan".into(), None, None),
            ("Kamila".into(), Some(kept), some("Hasan")),
            ("Jamal".into(), None, None),
        ]
    );
    assert_eq!(comment_count(&s).await, list.len() as u64);
}

#[tokio::test]
async fn an_editor_sees_a_waiting_reply_beside_the_comment_it_answers() {
    let s = premoderated(false).await;
    let cookie = sign_in(&s).await;
    let first = comment(&s, "Lola", "The comment being answered.", None).await;
    let approve = json!({"ids": [first], "action": "approve"});
    call(
        &s,
        "POST",
        "/api/admin/comments",
        Some(&cookie),
        Some(approve),
    )
    .await;
    let reply = comment(&s, "Marat", "A reply the editors read first.", Some(first)).await;

    let queue = call(&s, "GET", "/api/admin/comments", Some(&cookie), None)
        .await
        .json();
    let waiting = &queue.as_array().unwrap()[0];
    assert_eq!(waiting["id"], reply);
    assert_eq!(
        waiting["answers"],
        json!({"name": "Lola", "text": "The comment being answered."})
    );
}
