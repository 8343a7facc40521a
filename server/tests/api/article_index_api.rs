//! The editors' list of articles: only for a signed-in editor; every article, taken down ones
//! too, newest first, narrowed by edition, state, status and words of the title or address,
//! with how many match; a value it cannot use is a 400 that names it.

use crate::common;

use axum::http::StatusCode;
use common::TestServer;
use common::editors::{call, premoderated, sign_in};
use serde_json::{Value, json};

async fn list(s: &TestServer, cookie: &str, query: &str) -> Value {
    let a = call(
        s,
        "GET",
        &format!("/api/admin/articles{query}"),
        Some(cookie),
        None,
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{query}");
    a.json()
}

fn slugs(list: &Value) -> Vec<String> {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["article"]["slug"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn editors_list_every_article_narrowed_by_edition_state_status_and_words() {
    let s = premoderated(false).await;
    assert_eq!(
        call(&s, "GET", "/api/admin/articles", None, None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    let cookie = sign_in(&s).await;

    // Everything, newest first, with the count of all.
    let all = list(&s, &cookie, "").await;
    let total = all["total"].as_i64().unwrap();
    let stored: i64 = s.storage.article_count().await.unwrap();
    assert_eq!(total, stored);
    let times: Vec<&str> = all["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["article"]["publishedAt"].as_str().unwrap())
        .collect();
    assert!(times.windows(2).all(|w| w[0] >= w[1]), "newest first");

    // One edition: as the readers' feed of that edition has it (its first page).
    let russian = list(&s, &cookie, "?lang=ru").await;
    let feed = s.get("/api/articles?lang=ru&limit=50").await.json();
    let fed: Vec<&str> = feed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["slug"].as_str().unwrap())
        .collect();
    assert_eq!(slugs(&russian), fed);
    assert_eq!(russian["total"].as_i64().unwrap() as usize, fed.len());

    // One state: every row names it.
    let kazakh = list(&s, &cookie, "?country=KZ").await;
    assert!(!slugs(&kazakh).is_empty());
    assert!(kazakh["items"].as_array().unwrap().iter().all(|i| {
        i["article"]["countries"]
            .as_array()
            .unwrap()
            .contains(&json!("KZ"))
    }));

    // Taken down: still listed, marked, and found under its status alone.
    let slug = slugs(&russian)[0].clone();
    let visibility = format!("/api/admin/articles/{slug}/visibility");
    let off = call(
        &s,
        "POST",
        &visibility,
        Some(&cookie),
        Some(json!({"visible": false})),
    )
    .await;
    assert_eq!(off.status, StatusCode::OK);
    let down = list(&s, &cookie, "?status=taken-down").await;
    assert_eq!(slugs(&down), std::slice::from_ref(&slug));
    assert_eq!(down["items"][0]["hidden"], true);
    let up = list(&s, &cookie, "?lang=ru&status=published").await;
    assert!(!slugs(&up).contains(&slug));
    assert_eq!(
        up["total"].as_i64().unwrap(),
        russian["total"].as_i64().unwrap() - 1
    );

    // Words of the title, in another case, or of the address; `%` is a character, not "any".
    let title = russian["items"][1]["article"]["title"].as_str().unwrap();
    let word: String = title
        .split_whitespace()
        .find(|w| w.chars().count() > 3)
        .unwrap()
        .into();
    let found = list(&s, &cookie, &format!("?q={}", urlencoding(&word))).await;
    assert!(slugs(&found).contains(&slugs(&russian)[1]), "{word}");
    let english = slugs(&list(&s, &cookie, "?lang=en").await);
    let part = &english[0][..english[0].len().min(8)];
    let by_address = list(&s, &cookie, &format!("?q={}", part.to_uppercase())).await;
    assert!(slugs(&by_address).contains(&english[0]), "{part}");
    assert_eq!(list(&s, &cookie, "?q=%25_%25").await["total"], 0);
}

/// Percent-encodes a query value (the test's words are Cyrillic or Latin).
fn urlencoding(s: &str) -> String {
    infoshos_model::links::encode(s)
}

#[tokio::test]
async fn a_value_the_list_or_the_queue_cannot_use_is_a_400_that_names_it() {
    let s = premoderated(false).await;
    let cookie = sign_in(&s).await;
    for (query, named) in [
        ("?lang=fr", "“fr”"),
        ("?country=kz", "“kz”"),
        ("?status=drafts", "“drafts”"),
        ("?lang=en&lang=ru", "lang"),
    ] {
        let uri = format!("/api/admin/articles{query}");
        let a = call(&s, "GET", &uri, Some(&cookie), None).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{query}");
        let error = a.json()["error"].as_str().unwrap().to_string();
        assert!(error.contains(named), "{query}: {error}");
    }
    // The queue refuses a query that is not pairs the same way, in JSON.
    let queue = "/api/admin/comments?status=pending&status=rejected";
    let a = call(&s, "GET", queue, Some(&cookie), None).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(a.json()["error"].as_str().unwrap().contains("status"));
}
