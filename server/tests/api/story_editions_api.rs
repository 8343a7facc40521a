//! One story in three editions (issue 33): an article published as another edition of one
//! already out joins its story, so each edition's language switcher leads to the other; an
//! edition the story already has, or a story that is not there, is refused in the editor's
//! language with nothing published.

use crate::common;

use axum::http::{StatusCode, header};
use common::editors::{call, premoderated, sign_in};
use serde_json::{Value, json};

fn draft(title: &str, lang: &str, slug: &str, story: Option<&str>) -> Value {
    let mut d = json!({"title": title, "summary": "A short lead.", "body": "<p>Text.</p>",
                       "countries": ["KZ"], "section": "economy", "lang": lang, "slug": slug});
    if let Some(story) = story {
        d["story"] = json!(story);
    }
    d
}

#[tokio::test]
async fn an_edition_written_from_an_article_joins_its_story_and_the_switchers_lead_between_them() {
    let s = premoderated(false).await;
    let cookie = sign_in(&s).await;
    let english = draft(
        "A night train joins two capitals",
        "en",
        "night-train",
        None,
    );
    let a = call(
        &s,
        "POST",
        "/api/admin/articles",
        Some(&cookie),
        Some(english),
    )
    .await;
    assert_eq!(a.status, StatusCode::CREATED, "{:?}", a.json());
    let russian = draft(
        "Ночной поезд связал две столицы",
        "ru",
        "nochnoy-poezd",
        Some("night-train"),
    );
    let a = call(
        &s,
        "POST",
        "/api/admin/articles",
        Some(&cookie),
        Some(russian),
    )
    .await;
    assert_eq!(a.status, StatusCode::CREATED, "{:?}", a.json());

    // The Russian switcher's link on the English article, and the English one on the Russian.
    for (asked, to) in [
        ("/ru/article/night-train", "/ru/article/nochnoy-poezd"),
        ("/en/article/nochnoy-poezd", "/en/article/night-train"),
    ] {
        let answer = s.get(asked).await;
        assert_eq!(answer.status, StatusCode::FOUND, "{asked}");
        assert_eq!(answer.header(header::LOCATION), to, "{asked}");
    }
    // The Chinese edition is still to be written: the switcher leads to that front page.
    assert_eq!(
        s.get("/zh/article/night-train")
            .await
            .header(header::LOCATION),
        "/zh/"
    );
}

#[tokio::test]
async fn an_edition_the_story_has_or_a_story_not_there_is_refused_and_nothing_is_published() {
    let s = premoderated(false).await;
    let cookie = sign_in(&s).await;
    let before = s.storage.article_count().await.unwrap();
    // The demo's Astana summit of 2017 has its Russian edition already.
    let source = "astana-2017-summit-welcomes-india-and-pakistan";
    for (d, message) in [
        (
            draft("Второй русский текст", "ru", "vtoroy-tekst", Some(source)),
            "This story already has an article in this edition: astana-2017-indiya-i-pakistan.",
        ),
        (
            draft("The same edition again", "en", "same-edition", Some(source)),
            &format!("This story already has an article in this edition: {source}.") as &str,
        ),
        (
            draft(
                "From nothing",
                "zh",
                "from-nothing",
                Some("no-such-article"),
            ),
            "The article this edition is written from is no longer there.",
        ),
    ] {
        let a = call(&s, "POST", "/api/admin/articles", Some(&cookie), Some(d)).await;
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{message}");
        assert_eq!(a.json()["fields"]["story"], message);
    }
    assert_eq!(s.storage.article_count().await.unwrap(), before);
}

#[tokio::test]
async fn a_draft_of_another_edition_opened_again_names_the_article_it_is_written_from() {
    let s = premoderated(false).await;
    let cookie = sign_in(&s).await;
    let source = "chess-festival-tashkent-2025";
    let mut kept = draft("Шахматы в Ташкенте", "ru", "", Some(source));
    kept["slug"] = Value::Null;
    let made = call(
        &s,
        "POST",
        "/api/admin/drafts",
        Some(&cookie),
        Some(kept.clone()),
    )
    .await;
    assert_eq!(made.status, StatusCode::CREATED, "{:?}", made.json());
    let id = made.json()["id"].as_i64().unwrap();
    // Saved again, as the autosave does, then found in the list and opened.
    kept["title"] = json!("Юные шахматисты в Ташкенте");
    let saved = call(
        &s,
        "PUT",
        &format!("/api/admin/drafts/{id}"),
        Some(&cookie),
        Some(kept),
    )
    .await;
    assert_eq!(saved.status, StatusCode::OK);
    let list = call(
        &s,
        "GET",
        "/api/admin/articles?status=draft",
        Some(&cookie),
        None,
    )
    .await
    .json();
    let row = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["article"]["title"] == "Юные шахматисты в Ташкенте")
        .expect("the draft is listed")
        .clone();
    let slug = row["article"]["slug"].as_str().unwrap();
    let opened = call(
        &s,
        "GET",
        &format!("/api/admin/articles/{slug}"),
        Some(&cookie),
        None,
    )
    .await
    .json();
    assert_eq!(opened["writtenFrom"], source);
    // A published article names none.
    let published = call(
        &s,
        "GET",
        &format!("/api/admin/articles/{source}"),
        Some(&cookie),
        None,
    )
    .await
    .json();
    assert!(published.get("writtenFrom").is_none());
}
