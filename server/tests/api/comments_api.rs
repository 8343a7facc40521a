use crate::common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::server;
use serde_json::json;

const URI: &str = "/api/articles/rates-table-explained/comments";

#[tokio::test]
async fn a_valid_comment_is_stored_and_listed_without_its_email() {
    let s = server().await;
    let before = s.get(URI).await.json().as_array().unwrap().len();
    let a = s.post_json(URI, &json!({"name": "  Saule ", "email": "saule@example.kz", "text": "Very clear, thank you.", "website": ""})).await;
    assert_eq!(a.status, StatusCode::CREATED);
    let created = a.json();
    assert_eq!(created["status"], "published");
    let id = created["id"].as_i64().unwrap();

    let list = s.get(URI).await.json();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), before + 1);
    let last = list.last().unwrap();
    assert_eq!(last["id"], id);
    assert_eq!(last["name"], "Saule");
    assert!(last.get("email").is_none());
    assert!(!String::from_utf8_lossy(&s.get(URI).await.body).contains("saule@example.kz"));
    // Stored all the same, for the editors.
    assert_eq!(
        s.storage.comment_email(id).await.unwrap().as_deref(),
        Some("saule@example.kz")
    );
    // And counted in the feed.
    let article = s.get("/api/articles/rates-table-explained").await.json();
    assert_eq!(
        article["commentCount"].as_u64().unwrap() as usize,
        before + 1
    );
}

#[tokio::test]
async fn an_invalid_comment_gets_every_field_message_and_is_not_stored() {
    let s = server().await;
    let before = s.get(URI).await.json().as_array().unwrap().len();
    let a = s
        .post_json(
            URI,
            &json!({"name": " ", "email": "not-an-email", "text": "hi"}),
        )
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    let body = a.json();
    assert!(body["error"].is_string());
    for field in ["name", "email", "text"] {
        assert!(
            body["fields"][field]
                .as_str()
                .is_some_and(|m| !m.is_empty()),
            "no message for {field}"
        );
    }
    // A missing field is reported like an empty one, not as a parse failure.
    let a = s
        .post_json(URI, &json!({"text": "A comment without a name."}))
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(a.json()["fields"]["name"].is_string());
    assert_eq!(s.get(URI).await.json().as_array().unwrap().len(), before);
}

#[tokio::test]
async fn comments_on_an_unknown_article_are_404() {
    let s = server().await;
    let body = json!({"name": "A", "text": "Hello there"});
    assert_eq!(
        s.post_json("/api/articles/nope/comments", &body)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        s.get("/api/articles/nope/comments").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn oversized_non_json_and_malformed_bodies_are_refused_with_json_errors() {
    let s = server().await;
    let huge = json!({"name": "A", "text": "x".repeat(17 * 1024)});
    let a = s.post_json(URI, &huge).await;
    assert_eq!(a.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(a.json()["error"].is_string());

    let form = Request::post(URI)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("name=A&text=Hello"))
        .unwrap();
    let a = s.send(form).await;
    assert_eq!(a.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(a.json()["error"].is_string());

    let broken = Request::post(URI)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from("{\"name\": \"A\", \"text\": "))
        .unwrap();
    let a = s.send(broken).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(a.json()["error"].is_string());

    let wrong_type = s.post_json(URI, &json!({"name": 5, "text": "Hello"})).await;
    assert_eq!(wrong_type.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong_type.json()["error"].is_string());
}

#[tokio::test]
async fn a_comment_sent_again_with_its_key_is_stored_once() {
    let s = server().await;
    let before = s.get(URI).await.json().as_array().unwrap().len();
    let body = json!({"name": "Aigerim", "text": "Sent from a train.", "key": "k-0f3a9c2e71"});
    let first = s.post_json(URI, &body).await;
    assert_eq!(first.status, StatusCode::CREATED);
    // The answer was lost; the browser sends the same comment again.
    let again = s.post_json(URI, &body).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.json()["id"], first.json()["id"]);
    assert_eq!(
        s.get(URI).await.json().as_array().unwrap().len(),
        before + 1
    );

    // Another key is another comment: new words are stored, the same words are a duplicate.
    let other = json!({"name": "Aigerim", "text": "Sent from a bus.", "key": "k-77d1b04e5a"});
    assert_eq!(s.post_json(URI, &other).await.status, StatusCode::CREATED);
    let copy = json!({"name": "Aigerim", "text": "Sent from a train.", "key": "k-5e0c33aa19"});
    assert_eq!(
        s.post_json(URI, &copy).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    // The same key on another article is that article's own.
    let elsewhere = "/api/articles/astana-2017-summit-welcomes-india-and-pakistan/comments";
    assert_eq!(
        s.post_json(elsewhere, &body).await.status,
        StatusCode::CREATED
    );

    let bad = json!({"name": "Aigerim", "text": "Hello there", "key": "<script>"});
    let refused = s.post_json(URI, &bad).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert!(refused.json()["error"].as_str().unwrap().contains("key"));
    assert_eq!(
        s.get(URI).await.json().as_array().unwrap().len(),
        before + 2
    );
}

#[tokio::test]
async fn the_same_text_again_is_refused_and_many_links_wait_for_an_editor() {
    let s = server().await;
    let before = s.get(URI).await.json().as_array().unwrap().len();
    let first = json!({"name": "Timur", "text": "  Great analysis of the rates.  "});
    assert_eq!(s.post_json(URI, &first).await.status, StatusCode::CREATED);
    let again = json!({"name": "Someone else", "text": "Great analysis of the rates."});
    let refused = s.post_json(URI, &again).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        refused.json()["fields"]["text"],
        "You have just posted this same comment here."
    );
    // The same words on another article are that article's own.
    let other = "/api/articles/astana-2017-summit-welcomes-india-and-pakistan/comments";
    assert_eq!(s.post_json(other, &again).await.status, StatusCode::CREATED);

    let links =
        json!({"name": "Promo", "text": "Cheap https://a.example www.b.example http://c.example"});
    let held = s.post_json(URI, &links).await;
    assert_eq!(held.status, StatusCode::CREATED);
    assert_eq!(held.json()["status"], "pending");
    let two =
        json!({"name": "Reader", "text": "Sources: https://cbr.ru and https://www.sectsco.org"});
    assert_eq!(s.post_json(URI, &two).await.json()["status"], "published");
    // Readers see the published ones only.
    let texts: Vec<String> = s
        .get(URI)
        .await
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["text"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(texts.len(), before + 2);
    assert!(!texts.iter().any(|t| t.starts_with("Cheap")));
}

#[tokio::test]
async fn a_filled_honeypot_looks_accepted_but_stores_nothing() {
    let s = server().await;
    let before = s.get(URI).await.json().as_array().unwrap().len();
    let a = s
        .post_json(
            URI,
            &json!({"name": "Bot", "text": "Buy now!!!", "website": "http://spam.example"}),
        )
        .await;
    assert_eq!(a.status, StatusCode::CREATED);
    assert_eq!(a.json()["status"], "pending");
    assert_eq!(s.get(URI).await.json().as_array().unwrap().len(), before);
}

#[tokio::test]
async fn an_acknowledged_comment_is_there_after_the_database_is_reopened() {
    let s = server().await;
    let a = s
        .post_json(
            URI,
            &json!({"name": "Timur", "text": "Still here after a restart?"}),
        )
        .await;
    assert_eq!(a.status, StatusCode::CREATED);
    let dir = s.dir.path().to_path_buf();
    let reopened = common::open(&dir).await;
    let id = reopened
        .article_id("rates-table-explained")
        .await
        .unwrap()
        .unwrap();
    let comments = reopened.comments(id, &[]).await.unwrap();
    assert!(comments.iter().any(|c| c.name == "Timur"));
}

#[tokio::test]
async fn the_form_token_is_issued_with_the_article_and_checked_on_post() {
    let s = server().await;
    let slug = "rates-table-explained";
    let before = s.get(URI).await.json().as_array().unwrap().len();
    let article = s.get(&format!("/api/articles/{slug}")).await.json();
    let fresh = article["formToken"].as_str().unwrap().to_string();
    let post = |token: Option<&str>, n: u32| {
        let mut body = json!({"name": "Nodira", "text": format!("Attempt {n} at a comment.")});
        body["token"] = token.map_or(serde_json::Value::Null, |t| json!(t));
        body
    };
    let refused = |a: &common::Answer, words: &str| {
        assert_eq!(a.status, StatusCode::BAD_REQUEST);
        let error = a.json()["error"].as_str().unwrap().to_string();
        assert!(error.contains(words), "{error}");
    };
    // Straight after the form appeared: a bot's speed.
    refused(
        &s.post_json(URI, &post(Some(&fresh), 1)).await,
        "very quickly",
    );
    refused(
        &s.post_json(URI, &post(None, 2)).await,
        "missing its security token",
    );
    // One character changed (never to itself: a token ending in 0 gets a 1).
    let last = if fresh.ends_with('0') { '1' } else { '0' };
    let forged = format!("{}{last}", &fresh[..fresh.len() - 1]);
    refused(
        &s.post_json(URI, &post(Some(&forged), 3)).await,
        "not valid",
    );
    let other = s.form_token("astana-2017-summit-welcomes-india-and-pakistan");
    refused(&s.post_json(URI, &post(Some(&other), 4)).await, "not valid");
    let old = infoshos_server::form_token::issue(
        &s.secret,
        slug,
        chrono::Utc::now().timestamp_millis() - 25 * 60 * 60 * 1000,
    );
    refused(
        &s.post_json(URI, &post(Some(&old), 5)).await,
        "more than a day old",
    );
    assert_eq!(s.get(URI).await.json().as_array().unwrap().len(), before);

    let good = s.form_token(slug);
    assert_eq!(
        s.post_json(URI, &post(Some(&good), 6)).await.status,
        StatusCode::CREATED
    );
}
