//! Drafts kept on the server as an editor writes them: saved with only a headline, saved
//! again, listed as drafts and seen by no reader; publishing one checks it in full and makes
//! it the article, under its real address.

use crate::common;

use axum::http::StatusCode;
use common::TestServer;
use common::editors::{CHIEF, call, premoderated, sign_in};
use serde_json::{Value, json};

async fn drafts(s: &TestServer, cookie: &str) -> Value {
    let uri = "/api/admin/articles?status=draft";
    call(s, "GET", uri, Some(cookie), None).await.json()
}

#[tokio::test]
async fn a_draft_is_kept_with_only_a_headline_and_no_reader_sees_it() {
    let s = premoderated(false).await;
    let chief = sign_in(&s).await;
    let untitled = call(
        &s,
        "POST",
        "/api/admin/drafts",
        Some(&chief),
        Some(json!({})),
    )
    .await;
    assert_eq!(untitled.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(untitled.json()["fields"]["title"].is_string());

    let first = json!({"title": "Working title", "lang": "en"});
    let made = call(&s, "POST", "/api/admin/drafts", Some(&chief), Some(first)).await;
    assert_eq!(made.status, StatusCode::CREATED, "{:?}", made.json());
    let id = made.json()["id"].as_i64().unwrap();
    let again = json!({"title": "Better title", "summary": "A lead.", "lang": "en",
                       "body": "<p>Half written.</p><script>x</script>"});
    let uri = format!("/api/admin/drafts/{id}");
    let saved = call(&s, "PUT", &uri, Some(&chief), Some(again)).await;
    assert_eq!(saved.status, StatusCode::OK);

    let listed = drafts(&s, &chief).await;
    assert_eq!(listed["total"], 1);
    let item = &listed["items"][0];
    assert_eq!(item["article"]["title"], "Better title");
    assert_eq!(
        (item["draft"].clone(), item["hidden"].clone()),
        (json!(true), json!(true))
    );
    let placeholder = item["article"]["slug"].as_str().unwrap().to_string();
    assert!(placeholder.starts_with("draft-"), "{placeholder}");
    let opened = call(
        &s,
        "GET",
        &format!("/api/admin/articles/{placeholder}"),
        Some(&chief),
        None,
    )
    .await
    .json();
    assert_eq!(opened["draft"], true);
    assert_eq!(
        opened["body"], "<p>Half written.</p>",
        "cleaned as on publishing"
    );

    // No reader sees it: not in the feed, its placeholder address is no page.
    let feed = s.get("/api/articles?lang=en&limit=50").await.text();
    assert!(!feed.contains("Better title"));
    assert_eq!(
        s.get(&format!("/en/article/{placeholder}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        s.get(&format!("/api/articles/{placeholder}")).await.status,
        StatusCode::NOT_FOUND
    );
    // Nor is it "taken down": it never was on the portal.
    let down = call(
        &s,
        "GET",
        "/api/admin/articles?status=taken-down",
        Some(&chief),
        None,
    )
    .await;
    assert!(!down.text().contains("Better title"));
    for bad in ["/api/admin/drafts/999999", "/api/admin/drafts/not-a-number"] {
        let a = call(&s, "PUT", bad, Some(&chief), Some(json!({"title": "x"}))).await;
        assert_eq!(a.status, StatusCode::NOT_FOUND, "{bad}");
    }
}

#[tokio::test]
async fn publishing_a_draft_checks_it_in_full_and_makes_it_the_article() {
    let s = premoderated(false).await;
    let chief = sign_in(&s).await;
    let first = json!({"title": "Rail link to Tashkent", "lang": "en"});
    let made = call(&s, "POST", "/api/admin/drafts", Some(&chief), Some(first)).await;
    let id = made.json()["id"].as_i64().unwrap();

    let mut article = json!({"title": "Rail link to Tashkent", "lang": "en", "draftId": id});
    let refused = call(
        &s,
        "POST",
        "/api/admin/articles",
        Some(&chief),
        Some(article.clone()),
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.json()["fields"]["body"].is_string());
    // Kept without a section, it needs one to go out.
    assert!(refused.json()["fields"]["section"].is_string());
    assert_eq!(drafts(&s, &chief).await["total"], 1, "still a draft");

    article["summary"] = json!("Trains from spring.");
    article["body"] = json!("<p>The line opens in March.</p>");
    article["countries"] = json!(["UZ", "KZ"]);
    article["section"] = json!("economy");
    article["slug"] = json!("rail-link-to-tashkent");
    let published = call(
        &s,
        "POST",
        "/api/admin/articles",
        Some(&chief),
        Some(article),
    )
    .await;
    assert_eq!(
        published.status,
        StatusCode::CREATED,
        "{:?}",
        published.json()
    );
    assert_eq!(published.json()["id"], id, "the draft became the article");
    assert_eq!(published.json()["slug"], "rail-link-to-tashkent");
    let feed = s.get("/api/articles?lang=en&limit=1").await.json();
    assert_eq!(feed["items"][0]["slug"], "rail-link-to-tashkent");
    assert_eq!(drafts(&s, &chief).await["total"], 0);
    let audit = s.storage.audit().await.unwrap();
    assert_eq!(
        (audit[0].action.as_str(), audit[0].actor.as_str()),
        ("publish", CHIEF)
    );
    assert_eq!(audit[0].article_id, Some(id));
    // It is no draft any more: a late save of the draft finds none.
    let uri = format!("/api/admin/drafts/{id}");
    let late = call(
        &s,
        "PUT",
        &uri,
        Some(&chief),
        Some(json!({"title": "Late"})),
    )
    .await;
    assert_eq!(late.status, StatusCode::NOT_FOUND);
    assert_eq!(
        s.get("/api/articles/rail-link-to-tashkent").await.json()["title"],
        "Rail link to Tashkent"
    );
}
