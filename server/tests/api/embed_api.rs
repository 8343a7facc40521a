//! Widgets and oEmbed: who may frame what, the oEmbed answers, and the discovery links.

use crate::common;

use axum::http::{StatusCode, header};
use common::server;
use infoshos_model::widgets::FRAME_SANDBOX;

const ARTICLE: &str = "http://127.0.0.1:8080/en/article/rates-table-explained";

fn oembed(url: &str) -> String {
    let query = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("url", url)
        .finish();
    format!("/api/oembed?{query}")
}

#[tokio::test]
async fn widgets_may_be_framed_by_partners_and_nothing_else_by_anyone_but_us() {
    let s = server().await;
    let widget = s.get("/embed/feed?limit=3").await;
    assert_eq!(widget.status, StatusCode::OK);
    assert!(String::from_utf8_lossy(&widget.body).contains("id=widget"));
    assert!(
        widget
            .header(header::CONTENT_SECURITY_POLICY)
            .ends_with("frame-ancestors *")
    );
    assert_eq!(widget.header(header::X_FRAME_OPTIONS), "");
    for page in ["/en/", "/en/article/rates-table-explained", "/api/states"] {
        let a = s.get(page).await;
        assert!(
            a.header(header::CONTENT_SECURITY_POLICY)
                .ends_with("frame-ancestors 'self'"),
            "{page}"
        );
        assert_eq!(a.header(header::X_FRAME_OPTIONS), "SAMEORIGIN", "{page}");
    }
}

#[tokio::test]
async fn the_operator_names_the_partner_origins() {
    let mut s = server().await;
    let state = s
        .state()
        .with_embed_origins("https://partner.example http://127.0.0.2:9000")
        .unwrap();
    s.serve(state);
    let a = s.get("/embed/rates").await;
    let csp = a.header(header::CONTENT_SECURITY_POLICY);
    assert!(
        csp.ends_with("frame-ancestors https://partner.example http://127.0.0.2:9000"),
        "{csp}"
    );
}

#[tokio::test]
async fn oembed_answers_for_an_article_with_a_sandboxed_iframe() {
    let s = server().await;
    let a = s
        .get(&format!("{}&maxwidth=400&format=json", oembed(ARTICLE)))
        .await;
    assert_eq!(a.status, StatusCode::OK);
    let body = a.json();
    assert_eq!(body["version"], "1.0");
    assert_eq!(body["type"], "rich");
    assert_eq!(body["provider_name"], "Infoshos");
    assert_eq!(body["width"], 400);
    let title = body["title"].as_str().unwrap();
    assert!(!title.is_empty());
    let html = body["html"].as_str().unwrap();
    assert!(html.starts_with(
        "<iframe src=\"http://127.0.0.1:8080/embed/article?slug=rates-table-explained&amp;lang=en&amp;theme=light\""
    ));
    assert!(html.contains(&format!("sandbox=\"{FRAME_SANDBOX}\"")));
    // The loader partners include writes the same frame.
    let loader =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../public/embed.js"));
    assert!(loader.unwrap().contains(&format!("'{FRAME_SANDBOX}'")));
    assert!(html.contains("loading=\"lazy\""));

    let w = s
        .get(&oembed(
            "http://127.0.0.1:8080/embed/feed?limit=3&country=KZ&theme=dark",
        ))
        .await;
    assert_eq!(w.status, StatusCode::OK);
    let html = w.json()["html"].as_str().unwrap().to_string();
    assert!(
        html.contains("/embed/feed?limit=3&amp;country=KZ&amp;lang=en&amp;theme=dark"),
        "{html}"
    );
}

#[tokio::test]
async fn oembed_refuses_foreign_unknown_and_bad_addresses() {
    let s = server().await;
    for url in [
        "https://evil.example/en/article/rates-table-explained",
        "http://127.0.0.1:8080/en/article/no-such-article",
        "http://127.0.0.1:8080/en/",
        "http://127.0.0.1:8080/embed/feed?limit=500",
        "http://127.0.0.1:8080/embed/feed?country=XX",
        "javascript:alert(1)",
    ] {
        let a = s.get(&oembed(url)).await;
        assert_eq!(a.status, StatusCode::NOT_FOUND, "{url}");
        assert!(a.json()["error"].is_string());
    }
    let xml = s.get(&format!("{}&format=xml", oembed(ARTICLE))).await;
    assert_eq!(xml.status, StatusCode::NOT_IMPLEMENTED);
    assert!(xml.json()["error"].as_str().unwrap().contains("json"));
    assert_eq!(s.get("/api/oembed").await.status, StatusCode::BAD_REQUEST);
    let bad_width = s.get(&format!("{}&maxwidth=wide", oembed(ARTICLE))).await;
    assert_eq!(bad_width.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn articles_and_widgets_carry_the_discovery_link_other_pages_do_not() {
    let s = server().await;
    let page = s.get("/en/article/rates-table-explained").await;
    let html = String::from_utf8_lossy(&page.body);
    assert!(html.contains("<link rel=\"alternate\" type=\"application/json+oembed\" href=\"http://127.0.0.1:8080/api/oembed?url=http%3A%2F%2F127.0.0.1%3A8080%2Fen%2Farticle%2Frates-table-explained&amp;format=json\""), "{html}");
    let widget =
        String::from_utf8_lossy(&s.get("/embed/clocks?group=members").await.body).to_string();
    assert!(widget.contains("application/json+oembed"));
    assert!(!String::from_utf8_lossy(&s.get("/en/").await.body).contains("oembed"));
    // A hostile query is never written into the page as markup.
    let hostile = s
        .get("/embed/feed?x=%22%3E%3Cscript%3Ealert(1)%3C/script%3E")
        .await;
    assert!(!String::from_utf8_lossy(&hostile.body).contains("<script>alert"));
}
