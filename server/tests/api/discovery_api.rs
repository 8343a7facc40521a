//! What crawlers, feed readers and caches see: RSS per edition and per state, the sitemap,
//! robots.txt, honest 404s for pages that do not exist, and ETags that change with the content.

use crate::common;

use std::collections::BTreeSet;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::json;

const ORIGIN: &str = "http://127.0.0.1:8080";

fn channel(body: &[u8]) -> rss::Channel {
    rss::Channel::read_from(body).unwrap_or_else(|e| panic!("not RSS ({e})"))
}

/// Every article of an edition through the public API, newest first.
async fn all_articles(s: &common::TestServer, lang: &str) -> Vec<serde_json::Value> {
    let mut items = Vec::new();
    let mut cursor = String::new();
    loop {
        let page = s
            .get(&format!("/api/articles?lang={lang}&limit=50{cursor}"))
            .await
            .json();
        items.extend(page["items"].as_array().unwrap().iter().cloned());
        match page["nextCursor"].as_str() {
            Some(next) => cursor = format!("&cursor={next}"),
            None => return items,
        }
    }
}

#[tokio::test]
async fn an_editions_rss_carries_its_latest_fifty_articles_as_the_feed_shows_them() {
    let s = common::server().await;
    let answer = s.get("/en/rss.xml").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(
        answer
            .header(header::CONTENT_TYPE)
            .starts_with("application/rss+xml")
    );
    let feed = channel(&answer.body);
    assert_eq!(feed.link, format!("{ORIGIN}/en/"));
    assert_eq!(feed.language.as_deref(), Some("en"));
    let expected: Vec<_> = all_articles(&s, "en").await.into_iter().take(50).collect();
    assert_eq!(feed.items.len(), expected.len());
    for (item, article) in feed.items.iter().zip(&expected) {
        let link = format!("{ORIGIN}/en/article/{}", article["slug"].as_str().unwrap());
        assert_eq!(item.title.as_deref(), article["title"].as_str());
        assert_eq!(item.description.as_deref(), article["summary"].as_str());
        assert_eq!(item.link.as_deref(), Some(link.as_str()));
        assert_eq!(
            item.guid.as_ref().map(|g| g.value.as_str()),
            Some(link.as_str())
        );
        let published = chrono::DateTime::parse_from_rfc2822(item.pub_date.as_deref().unwrap());
        let wire = chrono::DateTime::parse_from_rfc3339(article["publishedAt"].as_str().unwrap());
        assert_eq!(published.unwrap(), wire.unwrap());
        // Its section first, then a category per state.
        assert_eq!(
            item.categories.len(),
            1 + article["countries"].as_array().unwrap().len()
        );
    }
    // Categories are the states' names, not their codes.
    let names: BTreeSet<_> = feed
        .items
        .iter()
        .flat_map(|i| &i.categories)
        .map(|c| c.name.as_str())
        .collect();
    assert!(names.contains("Kazakhstan"), "{names:?}");
    assert!(names.contains("Economy and finance"), "{names:?}");
}

#[tokio::test]
async fn a_states_rss_has_only_its_news_and_unknown_feeds_are_404() {
    let s = common::server().await;
    let feed = channel(&s.get("/en/country/KZ/rss.xml").await.body);
    assert!(!feed.items.is_empty());
    assert!(feed.title.contains("Kazakhstan"));
    assert_eq!(feed.link, format!("{ORIGIN}/en/country/KZ"));
    for item in &feed.items {
        assert!(
            item.categories.iter().any(|c| c.name == "Kazakhstan"),
            "{:?}",
            item.title
        );
    }
    for missing in [
        "/en/country/XX/rss.xml",
        "/xx/rss.xml",
        "/en/country/kz/rss.xml",
    ] {
        assert_eq!(
            s.get(missing).await.status,
            StatusCode::NOT_FOUND,
            "{missing}"
        );
    }
}

fn sitemap_locations(body: &[u8]) -> BTreeSet<String> {
    let mut reader = quick_xml::Reader::from_reader(body);
    let mut locations = BTreeSet::new();
    let mut in_loc = false;
    let mut buf = Vec::new();
    loop {
        match reader
            .read_event_into(&mut buf)
            .expect("well-formed sitemap")
        {
            quick_xml::events::Event::Start(e) => in_loc = e.name().as_ref() == b"loc",
            quick_xml::events::Event::Text(t) if in_loc => {
                locations.insert(t.decode().unwrap().into_owned());
            }
            quick_xml::events::Event::End(_) => in_loc = false,
            quick_xml::events::Event::Eof => return locations,
            _ => {}
        }
        buf.clear();
    }
}

#[tokio::test]
async fn the_sitemap_lists_exactly_the_articles_and_their_editions_and_sections_pages() {
    let s = common::server().await;
    let mut expected: BTreeSet<String> = BTreeSet::new();
    for lang in ["en", "ru", "zh"] {
        let articles = all_articles(&s, lang).await;
        if !articles.is_empty() {
            expected.insert(format!("{ORIGIN}/{lang}/"));
        }
        for a in articles {
            expected.insert(format!(
                "{ORIGIN}/{lang}/article/{}",
                a["slug"].as_str().unwrap()
            ));
            // Each section with a story in the edition has its page listed.
            let section = a["section"].as_str().unwrap();
            expected.insert(format!("{ORIGIN}/{lang}/section/{section}"));
        }
    }
    let answer = s.get("/sitemap.xml").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(String::from_utf8_lossy(&answer.body).contains("<lastmod>"));
    assert_eq!(sitemap_locations(&answer.body), expected);

    // Taken off the portal: gone from the sitemap; put back: listed again.
    let slug = "rates-table-explained";
    let url = format!("{ORIGIN}/en/article/{slug}");
    s.storage
        .set_article_visible(slug, false, "test", 1)
        .await
        .unwrap();
    assert!(!sitemap_locations(&s.get("/sitemap.xml").await.body).contains(&url));
    s.storage
        .set_article_visible(slug, true, "test", 2)
        .await
        .unwrap();
    assert!(sitemap_locations(&s.get("/sitemap.xml").await.body).contains(&url));
}

#[tokio::test]
async fn robots_keep_crawlers_out_of_the_editors_area_and_name_the_sitemap() {
    let s = common::server().await;
    let text = String::from_utf8(s.get("/robots.txt").await.body).unwrap();
    assert!(text.contains("Disallow: /admin\n") && text.contains("Disallow: /api/admin\n"));
    // An article answering a comment is the article again, once per comment.
    assert!(text.contains("Disallow: /*?reply=\n"));
    assert!(text.contains(&format!("Sitemap: {ORIGIN}/sitemap.xml")));
}

#[tokio::test]
async fn pages_that_do_not_exist_are_sent_with_404_and_name_their_feed_when_they_do() {
    let s = common::server().await;
    let slug = "rates-table-explained";
    for (path, status) in [
        ("/en/", StatusCode::OK),
        (&format!("/en/article/{slug}") as &str, StatusCode::OK),
        ("/en/country/KZ", StatusCode::OK),
        ("/en/saved", StatusCode::OK),
        ("/en/article/no-such-article", StatusCode::NOT_FOUND),
        ("/en/country/XX", StatusCode::NOT_FOUND),
        ("/xx/", StatusCode::NOT_FOUND),
        ("/en/nothing/here", StatusCode::NOT_FOUND),
    ] {
        let answer = s.get(path).await;
        assert_eq!(answer.status, status, "{path}");
        // Either way the reader app's page comes, to say "not found" in its own words.
        assert!(
            String::from_utf8_lossy(&answer.body).contains("id=reader"),
            "{path}"
        );
    }
    s.storage
        .set_article_visible(slug, false, "test", 1)
        .await
        .unwrap();
    assert_eq!(
        s.get(&format!("/en/article/{slug}")).await.status,
        StatusCode::NOT_FOUND
    );

    let home = String::from_utf8(s.get("/en/").await.body).unwrap();
    assert!(home.contains(r#"type="application/rss+xml" title="Infoshos RSS" href="/en/rss.xml""#));
    let country = String::from_utf8(s.get("/en/country/KZ").await.body).unwrap();
    assert!(
        country.contains(r#"href="/en/country/KZ/rss.xml""#),
        "{country}"
    );
}

async fn get_if_none_match(s: &common::TestServer, uri: &str, tag: &str) -> common::Answer {
    s.send(
        Request::get(uri)
            .header(header::IF_NONE_MATCH, tag)
            .body(Body::empty())
            .unwrap(),
    )
    .await
}

#[tokio::test]
async fn an_unchanged_answer_is_a_304_and_a_new_comment_changes_its_etag() {
    let s = common::server().await;
    let uri = "/api/articles/rates-table-explained/comments";
    let first = s.get(uri).await;
    let tag = first.header(header::ETAG).to_string();
    assert!(tag.starts_with('"') && tag.len() > 10, "strong tag: {tag}");

    let again = get_if_none_match(&s, uri, &tag).await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.body.is_empty());
    assert_eq!(again.header(header::ETAG), tag);

    let posted = s
        .post_json(
            uri,
            &json!({"name": "Aigerim", "text": "A new comment changes the tag."}),
        )
        .await;
    assert_eq!(posted.status, StatusCode::CREATED);
    let after = get_if_none_match(&s, uri, &tag).await;
    assert_eq!(after.status, StatusCode::OK);
    assert_ne!(after.header(header::ETAG), tag);
    assert!(String::from_utf8_lossy(&after.body).contains("Aigerim"));

    // Pages and feeds too; a page may be kept a minute and shown stale while revalidating.
    for uri in ["/en/", "/en/rss.xml", "/sitemap.xml", "/api/states"] {
        let answer = s.get(uri).await;
        let tag = answer.header(header::ETAG).to_string();
        assert!(!tag.is_empty(), "{uri}");
        assert_eq!(
            get_if_none_match(&s, uri, &tag).await.status,
            StatusCode::NOT_MODIFIED,
            "{uri}"
        );
    }
    let page = s.get("/en/").await;
    assert!(
        page.header(header::CACHE_CONTROL)
            .contains("stale-while-revalidate")
    );
    assert!(
        s.get("/api/states")
            .await
            .header(header::CACHE_CONTROL)
            .contains("no-cache")
    );
}
