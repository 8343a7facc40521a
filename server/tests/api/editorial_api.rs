//! Editors publish and correct articles: only when signed in, with every field checked at once, a body
//! cleaned by the allowlist before it is stored, a title kept as plain text, and a row in the
//! audit. A database from before article bodies were HTML keeps its articles readable.

use crate::common;

use axum::http::StatusCode;
use common::TestServer;
use common::editors::{call, premoderated, sign_in};
use serde_json::{Value, json};

const HOSTILE_BODY: &str = "<p onclick=\"alert(1)\">The <em>council</em> met.<script>alert(2)</script></p>\
    <img src=x onerror=alert(3)><a href=\"javascript:alert(4)\">bad link</a>\
    <a href=\"https://example.org/report\">the report</a><iframe src=\"https://evil.example\"></iframe>";

/// Sends a draft to the publishing endpoint, as the editor with `cookie` (or signed out).
async fn publish(s: &TestServer, cookie: Option<&str>, draft: Value) -> common::Answer {
    call(s, "POST", "/api/admin/articles", cookie, Some(draft)).await
}

fn draft(title: &str, body: &str) -> Value {
    json!({"title": title, "summary": "A short lead.", "body": body, "countries": ["UZ", "KZ"], "section": "politics"})
}

#[tokio::test]
async fn only_a_signed_in_editor_publishes() {
    let s = premoderated(false).await;
    let before = s.storage.article_count().await.unwrap();
    let a = publish(&s, None, draft("Not signed in", "<p>x</p>")).await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
    let forged = publish(
        &s,
        Some("infoshos_admin=made-up"),
        draft("Forged cookie", "<p>x</p>"),
    )
    .await;
    assert_eq!(forged.status, StatusCode::UNAUTHORIZED);
    assert_eq!(s.storage.article_count().await.unwrap(), before);
}

#[tokio::test]
async fn a_published_body_is_cleaned_and_the_title_stays_text() {
    let s = premoderated(false).await;
    let cookie = sign_in(&s).await;
    let title = "Council <img src=x onerror=alert(5)> meets & agrees";
    let a = publish(&s, Some(&cookie), draft(title, HOSTILE_BODY)).await;
    assert_eq!(a.status, StatusCode::CREATED, "{:?}", a.json());
    let slug = a.json()["slug"].as_str().unwrap().to_string();
    assert_eq!(slug, "council-img-src-x-onerror-alert-5-meets-agrees");

    let article = s.get(&format!("/api/articles/{slug}")).await.json();
    let body = article["body"].as_str().unwrap();
    for gone in [
        "alert",
        "onclick",
        "<script",
        "<img",
        "<iframe",
        "javascript",
    ] {
        assert!(!body.contains(gone), "{gone} in {body}");
    }
    assert!(body.contains("<em>council</em>"), "{body}");
    assert!(
        body.contains("href=\"https://example.org/report\""),
        "{body}"
    );
    assert!(
        body.contains("bad link"),
        "the words of a refused link stay: {body}"
    );
    assert_eq!(
        a.json()["body"],
        article["body"],
        "the editor sees what was stored"
    );
    // Titles are text everywhere: stored exactly as typed, never cleaned into something else.
    assert_eq!(article["title"], title);

    // Newest first in the feed of its language.
    let feed = s.get("/api/articles?lang=en&limit=1").await.json();
    assert_eq!(feed["items"][0]["slug"], slug.as_str());

    let audit = s.storage.audit().await.unwrap();
    assert_eq!(audit[0].action, "publish");
    assert_eq!(audit[0].article_id, article["id"].as_i64());
    assert_eq!(audit[0].article_slug.as_deref(), Some(slug.as_str()));
    assert_eq!(audit[0].actor, common::editors::CHIEF);
}

#[tokio::test]
async fn every_problem_is_named_at_once_and_nothing_is_stored() {
    let s = premoderated(false).await;
    let cookie = sign_in(&s).await;
    let before = s.storage.article_count().await.unwrap();
    let bad = json!({"slug": "Bad Slug", "title": "", "summary": "Lead", "body": "<p>x</p>",
                     "countries": ["uz"], "section": "politics"});
    let a = publish(&s, Some(&cookie), bad).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields = a.json()["fields"].clone();
    for field in ["slug", "title", "countries"] {
        assert!(fields[field].is_string(), "{field}: {fields}");
    }

    // A state we don't know, and a body that is nothing but script.
    let unknown = json!({"title": "T", "summary": "Lead", "body": "<script>alert(1)</script>",
                         "countries": ["US"], "section": "politics"});
    let a = publish(&s, Some(&cookie), unknown).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields = a.json()["fields"].clone();
    assert!(
        fields["countries"].as_str().unwrap().contains("US"),
        "{fields}"
    );
    assert!(
        fields["body"]
            .as_str()
            .unwrap()
            .contains("Nothing readable"),
        "{fields}"
    );
    assert_eq!(s.storage.article_count().await.unwrap(), before);
}

#[tokio::test]
async fn a_taken_address_is_a_conflict_and_a_title_without_latin_letters_gets_one() {
    let s = premoderated(false).await;
    let cookie = sign_in(&s).await;
    let taken = json!({"slug": "laos-becomes-partner", "title": "Again", "summary": "Lead",
                       "body": "<p>x</p>", "countries": [], "section": "politics"});
    let a = publish(&s, Some(&cookie), taken).await;
    assert_eq!(a.status, StatusCode::CONFLICT);
    assert!(a.json()["fields"]["slug"].is_string());

    let russian = json!({"lang": "ru", "title": "Саммит ШОС", "summary": "Коротко.",
                         "body": "<p>Текст</p>", "countries": ["RU"], "section": "politics"});
    let a = publish(&s, Some(&cookie), russian).await;
    assert_eq!(a.status, StatusCode::CREATED);
    let slug = a.json()["slug"].as_str().unwrap().to_string();
    assert!(slug.starts_with("article-"), "{slug}");
    let feed = s.get("/api/articles?lang=ru").await.json();
    assert_eq!(feed["items"][0]["title"], "Саммит ШОС");
}

#[tokio::test]
async fn an_editor_corrects_an_article_which_keeps_its_address_and_time() {
    let s = premoderated(false).await;
    let uri = "/api/admin/articles/laos-becomes-partner";
    let before = s.get("/api/articles/laos-becomes-partner").await.json();
    let fix = json!({"title": "Laos becomes a partner (corrected)", "summary": "New lead.",
                     "body": "<p>Fixed <em>text</em>.</p><script>alert(1)</script>",
                     "countries": ["LA", "CN", "LA"], "section": "politics"});
    let a = call(&s, "PUT", uri, None, Some(fix.clone())).await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);

    let cookie = sign_in(&s).await;
    let a = call(&s, "PUT", uri, Some(&cookie), Some(fix.clone())).await;
    assert_eq!(a.status, StatusCode::OK, "{:?}", a.json());
    let after = s.get("/api/articles/laos-becomes-partner").await.json();
    assert_eq!(after["title"], "Laos becomes a partner (corrected)");
    assert_eq!(after["body"], "<p>Fixed <em>text</em>.</p>");
    assert_eq!(after["countries"].as_array().unwrap().len(), 2);
    assert_eq!(after["publishedAt"], before["publishedAt"]);
    assert_eq!(after["id"], before["id"]);
    let audit = s.storage.audit().await.unwrap();
    assert_eq!(audit[0].action, "edit");
    assert_eq!(
        audit[0].article_slug.as_deref(),
        Some("laos-becomes-partner")
    );

    let bad = json!({"title": "", "summary": "x", "body": "<p>x</p>", "countries": ["US"], "section": "politics"});
    let a = call(&s, "PUT", uri, Some(&cookie), Some(bad)).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(a.json()["fields"]["countries"].is_string());
    let still = s.get("/api/articles/laos-becomes-partner").await.json();
    assert_eq!(
        still["title"], after["title"],
        "a refused correction changes nothing"
    );

    let missing = call(
        &s,
        "PUT",
        "/api/admin/articles/no-such-article",
        Some(&cookie),
        Some(fix),
    )
    .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn bodies_stored_as_plain_text_before_become_the_same_html_the_cleaner_makes() {
    use sqlx::migrate::Migrator;
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("old.db").display());
    // The schema as it was before 0005, with an article in the old shape.
    {
        let pool = sqlx::SqlitePool::connect(&format!("{url}?mode=rwc"))
            .await
            .unwrap();
        let mut old = Migrator::new(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src/storage/migrations"
        )))
        .await
        .unwrap();
        old.migrations = old
            .migrations
            .iter()
            .filter(|m| m.version < 5)
            .cloned()
            .collect::<Vec<_>>()
            .into();
        old.run(&pool).await.unwrap();
        sqlx::query(
            "INSERT INTO articles (slug, lang, title, summary, body, published_at)
             VALUES ('old', 'en', 'Old', 'Lead', ?, 0)",
        )
        .bind("GDP < 2% & \"rising\"\n\n<b>not markup</b>")
        .execute(&pool)
        .await
        .unwrap();
        pool.close().await;
    }
    let storage = infoshos_server::storage::Storage::open(&url).await.unwrap();
    let body = storage.article("old").await.unwrap().unwrap().body;
    let paragraphs = [
        "GDP < 2% & \"rising\"".to_string(),
        "<b>not markup</b>".to_string(),
    ];
    assert_eq!(
        body,
        infoshos_server::sanitize::paragraphs_html(&paragraphs)
    );
}

#[tokio::test]
async fn a_preview_is_the_body_publishing_would_store_and_stores_nothing() {
    let s = premoderated(false).await;
    let preview = |cookie: Option<String>, draft: Value| {
        let s = &s;
        async move {
            call(
                s,
                "POST",
                "/api/admin/preview",
                cookie.as_deref(),
                Some(draft),
            )
            .await
        }
    };
    let signed_out = preview(None, draft("Preview", "<p>x</p>")).await;
    assert_eq!(signed_out.status, StatusCode::UNAUTHORIZED);

    let cookie = sign_in(&s).await;
    let (articles, audit) = (
        s.storage.article_count().await.unwrap(),
        s.storage.audit().await.unwrap().len(),
    );
    let title = "  Council <b>meets</b>  ";
    let a = preview(Some(cookie.clone()), draft(title, HOSTILE_BODY)).await;
    assert_eq!(a.status, StatusCode::OK, "{:?}", a.json());
    let shown = a.json();
    assert_eq!(
        shown["title"], "Council <b>meets</b>",
        "plain text, trimmed"
    );
    // The same cleaning as publishing: what the published copy of this body keeps.
    let published = publish(&s, Some(&cookie), draft("Council meets", HOSTILE_BODY)).await;
    assert_eq!(shown["body"], published.json()["body"]);
    assert!(!shown["body"].as_str().unwrap().contains("alert"));
    assert_eq!(
        s.storage.article_count().await.unwrap(),
        articles + 1,
        "only the publish"
    );
    assert_eq!(
        s.storage.audit().await.unwrap().len(),
        audit + 1,
        "only the publish"
    );

    // A draft publishing would refuse is refused with the same reasons.
    let bad = preview(
        Some(cookie),
        json!({"title": "", "summary": "", "body": "", "countries": ["XX"], "section": "politics"}),
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.json()["fields"]["title"].is_string(),
        "{:?}",
        bad.json()
    );
}
