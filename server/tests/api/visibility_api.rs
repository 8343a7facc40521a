//! Editors take an article off the portal and put it back: while it is away it is in no
//! feed and no related list, its page, comments and oEmbed answer 404, editors still open
//! it; back, it has its comments again. Both moves are in the audit.

use crate::common;

use axum::http::StatusCode;
use common::TestServer;
use common::editors::{call, premoderated, sign_in};
use serde_json::{Value, json};

async fn in_feed(s: &TestServer, slug: &str) -> bool {
    let feed = s.get("/api/articles?limit=50").await.json();
    feed["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["slug"] == slug)
}

fn relates_to(article: &Value, slug: &str) -> bool {
    article["related"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["slug"] == slug)
}

#[tokio::test]
async fn an_unpublished_article_leaves_every_reader_view_and_comes_back_with_its_comments() {
    let s = premoderated(false).await;
    // The newest article: the next one lists it among its related ones.
    let feed = s.get("/api/articles?limit=2").await.json();
    let slug = feed["items"][0]["slug"].as_str().unwrap().to_string();
    let neighbour = format!(
        "/api/articles/{}",
        feed["items"][1]["slug"].as_str().unwrap()
    );
    let page = format!("/api/articles/{slug}");
    let comments = format!("{page}/comments");
    let visibility = format!("/api/admin/articles/{slug}/visibility");

    let cookie = sign_in(&s).await;
    let posted = s
        .post_json(
            &comments,
            &json!({"name": "Aru", "text": "Kept while it is away."}),
        )
        .await;
    let id = posted.json()["id"].as_i64().unwrap();
    let approve = json!({"ids": [id], "action": "approve"});
    call(
        &s,
        "POST",
        "/api/admin/comments",
        Some(&cookie),
        Some(approve),
    )
    .await;
    let before = s.get(&comments).await.json().as_array().unwrap().len();
    assert!(before > 0);
    assert!(in_feed(&s, &slug).await);
    assert!(relates_to(&s.get(&neighbour).await.json(), &slug));

    let off = json!({"visible": false});
    let a = call(&s, "POST", &visibility, None, Some(off.clone())).await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
    assert!(
        in_feed(&s, &slug).await,
        "a refused request changes nothing"
    );
    let a = call(&s, "POST", &visibility, Some(&cookie), Some(off)).await;
    assert_eq!(a.status, StatusCode::OK);

    assert_eq!(s.get(&page).await.status, StatusCode::NOT_FOUND);
    assert_eq!(s.get(&comments).await.status, StatusCode::NOT_FOUND);
    assert!(!in_feed(&s, &slug).await);
    assert!(!relates_to(&s.get(&neighbour).await.json(), &slug));
    let oembed = format!("/api/oembed?url=http://127.0.0.1:8080/en/article/{slug}");
    assert_eq!(s.get(&oembed).await.status, StatusCode::NOT_FOUND);
    // Editors still open it, marked as away.
    let editors = format!("/api/admin/articles/{slug}");
    let opened = call(&s, "GET", &editors, Some(&cookie), None).await;
    assert_eq!(opened.json()["hidden"], true);
    assert_eq!(
        call(&s, "GET", &editors, None, None).await.status,
        StatusCode::UNAUTHORIZED
    );

    let on = json!({"visible": true});
    let a = call(&s, "POST", &visibility, Some(&cookie), Some(on)).await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(
        s.get(&comments).await.json().as_array().unwrap().len(),
        before
    );
    assert!(in_feed(&s, &slug).await);
    let audit: Vec<String> = s
        .storage
        .audit()
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(audit[..3], ["republish", "unpublish", "approve"]);

    let missing = call(
        &s,
        "POST",
        "/api/admin/articles/nope/visibility",
        Some(&cookie),
        Some(json!({"visible": false})),
    )
    .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_audit_is_narrowed_by_action_article_and_who() {
    let s = premoderated(false).await;
    let cookie = sign_in(&s).await;
    let feed = s.get("/api/articles?limit=2").await.json();
    let [a, b] = [0, 1].map(|i| feed["items"][i]["slug"].as_str().unwrap().to_string());
    for (slug, visible) in [(&a, false), (&a, true), (&b, false)] {
        let uri = format!("/api/admin/articles/{slug}/visibility");
        let answer = call(
            &s,
            "POST",
            &uri,
            Some(&cookie),
            Some(json!({"visible": visible})),
        )
        .await;
        assert_eq!(answer.status, StatusCode::OK);
    }
    let audit = |query: String| {
        let s = &s;
        let cookie = cookie.clone();
        async move {
            let answer = call(
                s,
                "GET",
                &format!("/api/admin/audit{query}"),
                Some(&cookie),
                None,
            )
            .await;
            assert_eq!(answer.status, StatusCode::OK, "{query}");
            answer.json().as_array().unwrap().clone()
        }
    };
    let taken_off = audit("?action=unpublish".into()).await;
    let slugs: Vec<&str> = taken_off
        .iter()
        .map(|e| e["articleSlug"].as_str().unwrap())
        .collect();
    assert_eq!(slugs, [b.as_str(), a.as_str()], "newest first");
    let of_a = audit(format!("?article={a}")).await;
    let actions: Vec<&str> = of_a.iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["republish", "unpublish"]);
    let both = audit(format!("?article={a}&action=republish")).await;
    assert_eq!(both.len(), 1);
    let who = infoshos_model::links::encode(of_a[0]["actor"].as_str().unwrap());
    assert_eq!(
        audit(format!("?actor={who}")).await.len(),
        4,
        "one person set up the newsroom and did all three"
    );
    assert!(audit("?action=no-such-action".into()).await.is_empty());

    let bad = call(
        &s,
        "GET",
        "/api/admin/audit?article=..%2Fadmin",
        Some(&cookie),
        None,
    )
    .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.json()["error"].as_str().unwrap().contains("“../admin”"));
}
