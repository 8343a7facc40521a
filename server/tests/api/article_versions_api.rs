//! Corrections keep what they replaced: editors list the earlier versions of an article,
//! newest first, with when and who; readers see that it was corrected, and when.

use crate::common;

use axum::http::StatusCode;
use common::editors::{call, premoderated, sign_in};
use serde_json::json;

#[tokio::test]
async fn each_correction_keeps_what_it_replaced_and_the_article_says_when_it_was_corrected() {
    let s = premoderated(false).await;
    let slug = "laos-becomes-partner";
    let (uri, versions) = (
        format!("/api/admin/articles/{slug}"),
        format!("/api/admin/articles/{slug}/versions"),
    );
    let original = s.get(&format!("/api/articles/{slug}")).await.json();
    assert!(original.get("correctedAt").is_none(), "never corrected");
    assert_eq!(
        call(&s, "GET", &versions, None, None).await.status,
        StatusCode::UNAUTHORIZED
    );
    let cookie = sign_in(&s).await;
    let none = call(&s, "GET", &versions, Some(&cookie), None).await;
    assert_eq!(none.json(), json!([]));

    for title in ["Laos joins as a partner", "Laos joins the SCO as a partner"] {
        let fix = json!({"title": title, "summary": "A lead.", "body": "<p>Text.</p>", "countries": ["LA"], "section": "politics"});
        let a = call(&s, "PUT", &uri, Some(&cookie), Some(fix)).await;
        assert_eq!(a.status, StatusCode::OK, "{:?}", a.json());
    }
    let kept = call(&s, "GET", &versions, Some(&cookie), None).await.json();
    let titles: Vec<&str> = kept
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["title"].as_str().unwrap())
        .collect();
    // Newest first: the first correction's text, then the original.
    assert_eq!(
        titles,
        [
            "Laos joins as a partner",
            original["title"].as_str().unwrap()
        ]
    );
    assert_eq!(kept[1]["body"], original["body"]);
    assert!(kept[0]["actor"].is_string());

    let corrected = s.get(&format!("/api/articles/{slug}")).await.json();
    assert_eq!(corrected["correctedAt"], kept[0]["replacedAt"]);
    assert_eq!(corrected["publishedAt"], original["publishedAt"]);
    let page = s.get(&format!("/en/article/{slug}")).await.text();
    assert!(
        common::app_html(&page).contains("corrected on"),
        "the reader's page says so"
    );

    let missing = "/api/admin/articles/no-such-article/versions";
    assert_eq!(
        call(&s, "GET", missing, Some(&cookie), None).await.status,
        StatusCode::NOT_FOUND
    );
}
