//! Sections: every story belongs to one, in each of its editions; a section's feed, page and
//! RSS carry only its stories; the newsroom cannot publish without picking one; a database
//! filled before sections existed has its demo stories filed at the next start.

use crate::common;

use axum::http::StatusCode;
use common::editors::{call, premoderated, publish, sign_in};
use serde_json::{Value, json};

const ORIGIN: &str = "http://127.0.0.1:8080";
const SECTIONS: [&str; 5] = ["politics", "economy", "culture", "science", "sco"];

async fn feed(s: &common::TestServer, query: &str) -> Vec<Value> {
    let page = s.get(&format!("/api/articles?limit=50&{query}")).await;
    assert_eq!(page.status, StatusCode::OK, "{query}");
    page.json()["items"].as_array().unwrap().clone()
}

#[tokio::test]
async fn every_demo_story_has_a_section_in_each_edition_and_every_section_has_stories() {
    let s = common::server().await;
    for lang in ["en", "ru", "zh"] {
        let items = feed(&s, &format!("lang={lang}")).await;
        assert!(items.len() >= 20, "{lang}");
        for item in &items {
            assert!(
                SECTIONS.contains(&item["section"].as_str().unwrap_or("none")),
                "{lang}: {}",
                item["slug"]
            );
        }
        for section in SECTIONS {
            assert!(
                items.iter().any(|i| i["section"] == section),
                "{lang} has nothing in {section}"
            );
        }
    }
    // A story's editions share its section.
    let english = s.get("/api/articles/laos-becomes-partner").await.json();
    assert_eq!(english["section"], "sco");
    let russian = feed(&s, "lang=ru&section=sco").await;
    assert!(
        russian
            .iter()
            .any(|a| a["title"].as_str().unwrap().contains("Лаос")),
        "{russian:?}"
    );
}

#[tokio::test]
async fn a_sections_feed_has_only_its_stories_and_an_unknown_section_is_a_400() {
    let s = common::server().await;
    let economy = feed(&s, "lang=en&section=economy").await;
    assert!(economy.iter().all(|a| a["section"] == "economy"));
    let slugs: Vec<&str> = economy
        .iter()
        .map(|a| a["slug"].as_str().unwrap())
        .collect();
    assert!(slugs.contains(&"rates-table-explained"), "{slugs:?}");
    assert!(!slugs.contains(&"laos-becomes-partner"), "{slugs:?}");

    // With a state too: both hold for every row.
    let both = feed(&s, "lang=en&section=politics&country=KG").await;
    assert!(!both.is_empty());
    for a in &both {
        assert_eq!(a["section"], "politics");
        assert!(a["countries"].as_array().unwrap().contains(&json!("KG")));
    }

    for bad in ["sport", "Economy", ""] {
        let answer = s.get(&format!("/api/articles?section={bad}")).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{bad:?}");
        assert_eq!(
            answer.json()["error"],
            "section must be one of politics, economy, culture, science, sco."
        );
    }
}

#[tokio::test]
async fn a_sections_page_and_rss_come_from_the_server_in_each_edition() {
    let s = common::server().await;
    for (lang, name) in [
        ("en", "Economy and finance"),
        ("ru", "Экономика и финансы"),
        ("zh", "经济与金融"),
    ] {
        let page = s.get(&format!("/{lang}/section/economy")).await;
        assert_eq!(page.status, StatusCode::OK, "{lang}");
        let html = page.text();
        assert!(
            html.contains(&format!("<h1 class=\"page-title\">{name}</h1>")),
            "{lang}"
        );
        assert!(html.contains(&format!("href=\"/{lang}/section/economy/rss.xml\"")));
        assert!(html.contains(&format!(
            "hreflang=\"ru\" href=\"{ORIGIN}/ru/section/economy\""
        )));
        // The server's copy already lists the section's stories, each marked with it.
        let marked = format!("href=\"/{lang}/section/economy\" class=\"section-link\"");
        assert!(html.contains(&marked), "{html}");
    }
    let en = s.get("/en/section/economy").await.text();
    assert!(en.contains("How to read the currency table on Infoshos"));
    assert!(
        !en.contains("Laos joins as the newest SCO partner"),
        "another section's"
    );
    assert_eq!(
        s.get("/en/section/sport").await.status,
        StatusCode::NOT_FOUND
    );

    let rss = s.get("/en/section/culture/rss.xml").await;
    assert_eq!(rss.status, StatusCode::OK);
    let channel = rss::Channel::read_from(&rss.body[..]).unwrap();
    assert_eq!(channel.title, "Infoshos: Culture and people");
    assert_eq!(channel.link, format!("{ORIGIN}/en/section/culture"));
    assert!(!channel.items.is_empty());
    for item in &channel.items {
        assert_eq!(item.categories[0].name, "Culture and people");
    }
    assert_eq!(
        s.get("/en/section/sport/rss.xml").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn an_article_names_its_section_to_search_engines_and_the_sitemap_lists_sections() {
    let s = common::server().await;
    // Named in the article's own edition.
    let russian = s.get("/ru/article/laos-novyy-partner").await.text();
    assert!(russian.contains("\"articleSection\":\"Организация\""));
    let english = s.get("/en/article/rates-table-explained").await.text();
    assert!(english.contains("\"articleSection\":\"Economy and finance\""));
    assert!(
        english.contains("<meta property=\"article:section\" content=\"Economy and finance\">")
    );

    let sitemap = s.get("/sitemap.xml").await.text();
    for lang in ["en", "ru", "zh"] {
        for section in SECTIONS {
            let loc = format!("<loc>{ORIGIN}/{lang}/section/{section}</loc>");
            assert!(sitemap.contains(&loc), "{loc}");
        }
    }
}

#[tokio::test]
async fn the_newsroom_publishes_only_with_a_section_and_may_move_a_story_to_another() {
    let s = premoderated(false).await;
    let cookie = sign_in(&s).await;
    let mut draft = json!({"title": "Water council meets", "summary": "A lead.",
                           "body": "<p>Text.</p>", "countries": ["UZ"]});
    let refused = publish(&s, &cookie, draft.clone()).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        refused.json()["fields"]["section"],
        "Please fill in this field."
    );
    draft["section"] = json!("sport");
    let unknown = publish(&s, &cookie, draft.clone()).await;
    assert!(unknown.status.is_client_error(), "{}", unknown.status);

    draft["section"] = json!("science");
    let made = publish(&s, &cookie, draft.clone()).await;
    assert_eq!(made.status, StatusCode::CREATED, "{:?}", made.json());
    let slug = made.json()["slug"].as_str().unwrap().to_string();
    assert_eq!(feed(&s, "lang=en&section=science").await[0]["slug"], slug);

    // Corrected into another section: it leaves the first one's feed.
    draft["section"] = json!("economy");
    let uri = format!("/api/admin/articles/{slug}");
    let fixed = call(&s, "PUT", &uri, Some(&cookie), Some(draft)).await;
    assert_eq!(fixed.status, StatusCode::OK, "{:?}", fixed.json());
    assert_eq!(feed(&s, "lang=en&section=economy").await[0]["slug"], slug);
    assert!(
        feed(&s, "lang=en&section=science")
            .await
            .iter()
            .all(|a| a["slug"] != slug.as_str())
    );
    let opened = call(&s, "GET", &uri, Some(&cookie), None).await.json();
    assert_eq!(opened["section"], "economy");
}

#[tokio::test]
async fn a_database_filled_before_sections_has_its_demo_stories_filed_at_the_next_start() {
    let s = common::server().await;
    let url = common::database_url(s.dir.path()).await;
    let forget = "UPDATE articles SET section = NULL";
    if common::on_postgres() {
        use sqlx::Connection;
        let mut db = sqlx::PgConnection::connect(&url).await.unwrap();
        sqlx::query(forget).execute(&mut db).await.unwrap();
    } else {
        let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
        sqlx::query(forget).execute(&pool).await.unwrap();
    }
    s.storage.changed();
    assert!(feed(&s, "lang=zh&section=economy").await.is_empty());

    infoshos_server::seed::seed_if_empty(&s.storage)
        .await
        .unwrap();
    let zh = feed(&s, "lang=zh").await;
    assert!(zh.iter().all(|a| a["section"].is_string()), "{zh:?}");
    let laos = s.get("/api/articles/laos-becomes-partner").await.json();
    assert_eq!(laos["section"], "sco");
}
