use crate::common;

use std::collections::HashSet;

use axum::http::StatusCode;
use common::server;

#[tokio::test]
async fn the_feed_gives_twenty_items_and_a_cursor() {
    let s = server().await;
    let page = s.get("/api/articles").await;
    assert_eq!(page.status, StatusCode::OK);
    let json = page.json();
    let items = json["items"].as_array().unwrap();
    assert_eq!(items.len(), 20);
    assert!(json["nextCursor"].is_string());
    let first = &items[0];
    for field in [
        "id",
        "slug",
        "title",
        "summary",
        "publishedAt",
        "lang",
        "countries",
        "commentCount",
    ] {
        assert!(!first[field].is_null(), "missing {field}");
    }
    assert_eq!(first["lang"], "en");
}

#[tokio::test]
async fn walking_the_cursors_returns_every_article_once_newest_first() {
    let s = server().await;
    // The English edition, the API's default.
    let total = infoshos_server::seed::demo_content().unwrap().article.len();
    assert!(total >= 40);
    let mut seen = HashSet::new();
    let mut dates = Vec::new();
    let mut uri = "/api/articles?limit=7".to_string();
    loop {
        let json = s.get(&uri).await.json();
        for item in json["items"].as_array().unwrap() {
            assert!(
                seen.insert(item["id"].as_i64().unwrap()),
                "seen twice: {}",
                item["slug"]
            );
            dates.push(item["publishedAt"].as_str().unwrap().to_string());
        }
        match json["nextCursor"].as_str() {
            Some(c) => uri = format!("/api/articles?limit=7&cursor={c}"),
            None => break,
        }
    }
    assert_eq!(seen.len(), total);
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted, "not newest first");
}

#[tokio::test]
async fn bad_limit_cursor_lang_or_country_or_a_twice_given_parameter_is_a_400_with_a_message() {
    let s = server().await;
    for uri in [
        "/api/articles?limit=0",
        "/api/articles?limit=51",
        "/api/articles?limit=ten",
        "/api/articles?cursor=garbage",
        "/api/articles?lang=fr",
        "/api/articles?country=Kazakhstan",
        // Which one? The query is refused as a whole, in the API's own JSON.
        "/api/articles?lang=en&lang=ru",
        "/api/search?q=sco&q=summit",
        "/api/rates/KZT/history?days=30&days=90",
    ] {
        let a = s.get(uri).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(!a.json()["error"].as_str().unwrap().is_empty(), "{uri}");
    }
    assert_eq!(s.get("/api/articles?limit=50").await.status, StatusCode::OK);
}

#[tokio::test]
async fn each_edition_lists_only_its_own_articles() {
    let s = server().await;
    for lang in ["en", "ru", "zh"] {
        let json = s
            .get(&format!("/api/articles?lang={lang}&limit=50"))
            .await
            .json();
        let items = json["items"].as_array().unwrap();
        assert!(items.len() >= 20, "{lang}");
        assert!(items.iter().all(|a| a["lang"] == lang), "{lang}");
    }
}

#[tokio::test]
async fn the_country_filter_keeps_only_articles_about_that_state() {
    let s = server().await;
    // Codes are written in capitals everywhere (widgets, drafts, the API): `la` is refused.
    let lower = s.get("/api/articles?country=la").await;
    assert_eq!(lower.status, axum::http::StatusCode::BAD_REQUEST);
    assert!(lower.json()["error"].as_str().unwrap().contains("capitals"));
    let json = s.get("/api/articles?country=LA&limit=50").await.json();
    let items = json["items"].as_array().unwrap();
    assert!(!items.is_empty());
    for item in items {
        assert!(
            item["countries"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c == "LA")
        );
    }
}

#[tokio::test]
async fn an_article_has_a_body_of_paragraphs_and_related_news_sharing_states_first() {
    let s = server().await;
    let a = s.get("/api/articles/laos-becomes-partner").await;
    assert_eq!(a.status, StatusCode::OK);
    let json = a.json();
    // The demo text arrives as cleaned HTML: one <p> per paragraph, nothing else.
    let body = json["body"].as_str().unwrap();
    assert!((3..=8).contains(&body.matches("<p>").count()), "{body}");
    assert_eq!(
        body.matches('<').count(),
        2 * body.matches("<p>").count(),
        "{body}"
    );
    let countries: Vec<&str> = json["countries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    let related = json["related"].as_array().unwrap();
    assert_eq!(related.len(), 6);
    assert!(related.iter().all(|r| r["slug"] != "laos-becomes-partner"));
    // Laos, Cambodia, Myanmar and China: the articles sharing one of them come before the rest.
    let shares = |r: &serde_json::Value| {
        r["countries"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| countries.contains(&c.as_str().unwrap()))
    };
    let flags: Vec<bool> = related.iter().map(shares).collect();
    let mut sorted = flags.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(flags, sorted);
    assert!(flags[0]);
}

#[tokio::test]
async fn an_unknown_slug_is_a_json_404() {
    let s = server().await;
    let a = s.get("/api/articles/no-such-article").await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    assert_eq!(a.json()["error"], "Article not found.");
}

#[tokio::test]
async fn unknown_api_paths_are_json_404s_and_wrong_methods_405s() {
    let s = server().await;
    let a = s.get("/api/nothing/here").await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    assert!(a.json()["error"].is_string());
    let a = s.post_json("/api/states", &serde_json::json!({})).await;
    assert_eq!(a.status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(a.json()["error"].is_string());
}
