//! What a search engine or a messenger's link preview reads in the page the server sends,
//! without running the app: title, description, canonical address, Open Graph, JSON-LD.

use crate::common;

use infoshos_server::storage::NewArticle;

const ORIGIN: &str = "http://127.0.0.1:8080";

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The content of `<meta {attr}="{name}" content="…">`, unescaped.
fn meta(page: &str, attr: &str, name: &str) -> Option<String> {
    let start = format!("<meta {attr}=\"{name}\" content=\"");
    let from = page.find(&start)? + start.len();
    let len = page[from..].find('"')?;
    Some(unescape(&page[from..from + len]))
}

fn between<'a>(page: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let from = page.find(open)? + open.len();
    Some(&page[from..from + page[from..].find(close)?])
}

fn json_ld(page: &str) -> serde_json::Value {
    let text =
        between(page, "<script type=\"application/ld+json\">", "</script>").expect("JSON-LD");
    serde_json::from_str(text).expect("JSON-LD parses")
}

#[tokio::test]
async fn an_article_page_carries_its_title_summary_dates_and_a_news_article() {
    let s = common::server().await;
    let slug = "rates-table-explained";
    let api = s.get(&format!("/api/articles/{slug}")).await.json();
    let (title, summary) = (
        api["title"].as_str().unwrap(),
        api["summary"].as_str().unwrap(),
    );
    let page = String::from_utf8(s.get(&format!("/en/article/{slug}")).await.body).unwrap();

    assert_eq!(
        between(&page, "<title>", "</title>").map(unescape),
        Some(format!("{title} — Infoshos"))
    );
    assert_eq!(page.matches("<title>").count(), 1);
    assert_eq!(meta(&page, "name", "description").as_deref(), Some(summary));
    assert_eq!(page.matches("name=\"description\"").count(), 1);
    let canonical = format!("{ORIGIN}/en/article/{slug}");
    assert!(page.contains(&format!("<link rel=\"canonical\" href=\"{canonical}\">")));
    for (property, value) in [
        ("og:type", "article"),
        ("og:title", title),
        ("og:description", summary),
        ("og:url", &canonical),
        ("og:site_name", "Infoshos"),
        ("og:locale", "en_GB"),
    ] {
        assert_eq!(
            meta(&page, "property", property).as_deref(),
            Some(value),
            "{property}"
        );
    }
    let image = meta(&page, "property", "og:image").unwrap();
    assert_eq!(image, format!("{ORIGIN}/icons/card.png"));
    assert_eq!(
        meta(&page, "property", "og:image:width").as_deref(),
        Some("1200")
    );
    assert_eq!(
        meta(&page, "property", "og:image:height").as_deref(),
        Some("630")
    );
    let card = meta(&page, "name", "twitter:card");
    assert_eq!(card.as_deref(), Some("summary_large_image"));
    let published = api["publishedAt"].as_str().unwrap();
    let when = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap();
    let tag = meta(&page, "property", "article:published_time").unwrap();
    assert_eq!(when(&tag), when(published));

    let ld = json_ld(&page);
    assert_eq!(ld["@type"], "NewsArticle");
    assert_eq!(ld["headline"], title);
    assert_eq!(ld["inLanguage"], "en");
    assert_eq!(ld["publisher"]["name"], "Infoshos");
    assert_eq!(when(ld["datePublished"].as_str().unwrap()), when(published));
    assert_eq!(ld["dateModified"], ld["datePublished"]);

    // Put back on the portal a day later: that is when it last changed.
    let later = when(published).timestamp_millis() + 86_400_000;
    s.storage
        .set_article_visible(slug, false, "test", later - 1)
        .await
        .unwrap();
    s.storage
        .set_article_visible(slug, true, "test", later)
        .await
        .unwrap();
    let page = String::from_utf8(s.get(&format!("/en/article/{slug}")).await.body).unwrap();
    let modified = json_ld(&page)["dateModified"].as_str().unwrap().to_string();
    assert_eq!(when(&modified).timestamp_millis(), later);
}

#[tokio::test]
async fn a_hostile_headline_stays_text_in_the_head_and_its_json() {
    let s = common::server().await;
    let title = r#"</title></script><script>alert(1)</script> "quoted" & <b>bold</b>"#;
    s.storage
        .insert_article(&NewArticle {
            slug: "hostile-headline".into(),
            lang: infoshos_model::Lang::En,
            title: title.into(),
            summary: "<img src=x onerror=alert(1)>".into(),
            body_html: "<p>Body.</p>".into(),
            published_at_ms: 1_700_000_000_000,
            countries: vec!["KZ".into()],
            section: Some(infoshos_model::Section::Economy),
            lead: None,
        })
        .await
        .unwrap();
    let page = String::from_utf8(s.get("/en/article/hostile-headline").await.body).unwrap();
    assert!(
        !page.contains("<script>alert") && !page.contains("<img src=x"),
        "{page}"
    );
    assert_eq!(page.matches("</title>").count(), 1);
    assert_eq!(json_ld(&page)["headline"], title);
    assert_eq!(meta(&page, "property", "og:title").as_deref(), Some(title));
}

#[tokio::test]
async fn other_pages_name_their_canonical_address_as_a_website() {
    let s = common::server().await;
    for (path, canonical) in [
        ("/en/", format!("{ORIGIN}/en/")),
        ("/en", format!("{ORIGIN}/en/")),
        ("/en/country/KZ/", format!("{ORIGIN}/en/country/KZ")),
    ] {
        let page = String::from_utf8(s.get(path).await.body).unwrap();
        assert_eq!(
            meta(&page, "property", "og:type").as_deref(),
            Some("website"),
            "{path}"
        );
        assert_eq!(
            meta(&page, "property", "og:url"),
            Some(canonical.clone()),
            "{path}"
        );
        assert!(page.contains(&format!("<link rel=\"canonical\" href=\"{canonical}\">")));
        // The built page's own title and description stay.
        assert_eq!(
            between(&page, "<title>", "</title>"),
            Some("Infoshos"),
            "{path}"
        );
        assert!(!page.contains("application/ld+json"));
    }
    // A page that does not exist has no canonical address.
    let missing = String::from_utf8(s.get("/en/article/nope").await.body).unwrap();
    assert!(!missing.contains("rel=\"canonical\""));
}
