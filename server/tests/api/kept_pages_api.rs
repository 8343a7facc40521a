//! A reader page is drawn once and kept as it is sent, in brotli, gzip and plain, until the
//! next write: every reader gets the same page in the encoding their browser accepts, with a
//! tag that turns a second visit into a 304, and nobody gets another reader's theme or time.

use std::io::Read;

use crate::common;

use axum::http::{StatusCode, header};
use serde_json::json;

fn decoded(answer: &common::Answer) -> String {
    let mut page = String::new();
    match answer
        .headers
        .get(header::CONTENT_ENCODING)
        .map(|v| v.to_str().unwrap())
    {
        Some("br") => brotli::Decompressor::new(&answer.body[..], 4096)
            .read_to_string(&mut page)
            .map(|_| ())
            .unwrap(),
        Some("gzip") => flate2::read::GzDecoder::new(&answer.body[..])
            .read_to_string(&mut page)
            .map(|_| ())
            .unwrap(),
        None => page = String::from_utf8(answer.body.clone()).unwrap(),
        Some(other) => panic!("unexpected encoding {other}"),
    }
    page
}

#[tokio::test]
async fn a_page_comes_in_the_encoding_the_browser_accepts_and_is_the_same_page_in_each() {
    let s = common::server().await;
    s.settled().await;
    let plain = s.get("/en/").await;
    assert_eq!(plain.status, StatusCode::OK);
    assert!(plain.headers.get(header::CONTENT_ENCODING).is_none());
    let page = decoded(&plain);
    assert!(page.contains("<div id=\"app\">") && page.contains("id=\"carried\""));
    for (accepts, encoding) in [
        ("gzip, deflate, br, zstd", "br"),
        ("gzip, deflate", "gzip"),
        ("br;q=0, gzip", "gzip"),
    ] {
        let answer = s
            .get_with("/en/", &[(header::ACCEPT_ENCODING, accepts)])
            .await;
        assert_eq!(answer.status, StatusCode::OK, "{accepts}");
        assert_eq!(
            answer.header(header::CONTENT_ENCODING),
            encoding,
            "{accepts}"
        );
        assert_eq!(answer.header(header::VARY), "Cookie, Accept-Encoding");
        assert!(
            answer.body.len() * 3 < plain.body.len(),
            "{encoding} is smaller"
        );
        assert_eq!(decoded(&answer), page, "{accepts}: the same page");
        assert!(!answer.header(header::CONTENT_SECURITY_POLICY).is_empty());
    }
}

#[tokio::test]
async fn a_browser_holding_the_current_page_gets_a_304_until_a_write_changes_it() {
    let s = common::server().await;
    s.settled().await;
    let uri = "/en/article/rates-table-explained";
    let br = [(header::ACCEPT_ENCODING, "br")];
    let first = s.get_with(uri, &br).await;
    let tag = first.header(header::ETAG).to_string();
    // Weak: an article's bytes differ at every drawing by its form token, not its content.
    assert!(tag.starts_with("W/\"") && tag.len() > 10, "weak tag: {tag}");
    let plain_tag = s.get(uri).await.header(header::ETAG).to_string();
    assert_ne!(plain_tag, tag, "each encoding has its own tag");

    let with_tag = [
        (header::ACCEPT_ENCODING, "br"),
        (header::IF_NONE_MATCH, tag.as_str()),
    ];
    let again = s.get_with(uri, &with_tag).await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.body.is_empty());
    assert_eq!(again.header(header::ETAG), tag);

    let posted = s
        .post_json(
            "/api/articles/rates-table-explained/comments",
            &json!({"name": "Dilnoza", "text": "A comment that the kept page must show."}),
        )
        .await;
    assert_eq!(posted.status, StatusCode::CREATED);
    let after = s.get_with(uri, &with_tag).await;
    assert_eq!(
        after.status,
        StatusCode::OK,
        "the write made the kept page stale"
    );
    assert_ne!(after.header(header::ETAG), tag);
    assert!(decoded(&after).contains("Dilnoza"));
}

#[tokio::test]
async fn an_article_drawn_again_unchanged_keeps_its_tag_and_the_browser_its_page() {
    let s = common::server().await;
    s.settled().await;
    // The page's clocks show minutes: start well inside one, so nothing but the token changes.
    use chrono::Timelike;
    let second = chrono::Utc::now().second();
    if second >= 45 {
        tokio::time::sleep(std::time::Duration::from_secs(u64::from(61 - second))).await;
    }
    let uri = "/en/article/rates-table-explained";
    let br = [(header::ACCEPT_ENCODING, "br")];
    let first = s.get_with(uri, &br).await;
    let tag = first.header(header::ETAG).to_string();
    // Something was written (nothing on this page): the page is drawn again, with a new token.
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    s.storage.changed();
    let drawn_again = s.get_with(uri, &br).await;
    assert_ne!(decoded(&drawn_again), decoded(&first), "a new form token");
    assert_eq!(drawn_again.header(header::ETAG), tag);
    s.storage.changed();
    let with_tag = [
        (header::ACCEPT_ENCODING, "br"),
        (header::IF_NONE_MATCH, tag.as_str()),
    ];
    let again = s.get_with(uri, &with_tag).await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    // The front page has no token: its tag is its bytes', strong.
    let home = s.get_with("/en/", &br).await;
    assert!(
        home.header(header::ETAG).starts_with('"'),
        "{}",
        home.header(header::ETAG)
    );
}

#[tokio::test]
async fn each_reader_gets_the_page_in_their_own_theme_and_time_from_the_kept_pages() {
    let s = common::server().await;
    s.settled().await;
    let page = |cookie: &'static str| {
        let s = &s;
        async move {
            let headers = [(header::ACCEPT_ENCODING, "br"), (header::COOKIE, cookie)];
            decoded(&s.get_with("/ru/", &headers).await)
        }
    };
    let system = page("").await;
    assert!(!system.contains("data-theme"));
    assert!(
        page("theme=dark")
            .await
            .contains("<html data-theme=\"dark\"")
    );
    assert!(
        page("theme=light")
            .await
            .contains("<html data-theme=\"light\"")
    );
    assert!(
        !page("").await.contains("data-theme"),
        "the dark page was not given"
    );
    let almaty = page("tz=300").await;
    assert_ne!(almaty, system, "another time zone, another page");
    assert_eq!(page("").await, system);
}

#[tokio::test]
async fn a_page_carries_none_of_the_notes_its_shell_was_written_with() {
    let s = common::server().await;
    s.settled().await;
    for uri in ["/en/", "/index.html"] {
        let page = decoded(&s.get(uri).await);
        assert!(!page.contains("A note for the shell"), "{uri}: {page}");
        assert!(!page.contains("\n  "), "{uri}: no indentation");
    }
}
