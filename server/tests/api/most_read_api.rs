//! "Most read": a reader's opening of an article counts once, by the server, with no cookie
//! set and nothing of theirs stored; crawlers and prefetches do not count; every replica adds
//! to the same counts; the list ranks an edition's articles over the last day or week.

use crate::common;

use axum::http::{StatusCode, header};
use infoshos_server::state::AppState;

const FIREFOX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
const HOUR_MS: i64 = 3_600_000;

/// The server, serving a state whose tally the test can flush.
async fn counting() -> (common::TestServer, AppState) {
    let mut s = common::server().await;
    let state = s.state();
    s.serve(state.clone());
    (s, state)
}

async fn read_as(s: &common::TestServer, uri: &str, headers: &[(header::HeaderName, &str)]) {
    let answer = s.get_with(uri, headers).await;
    assert!(answer.status.is_success(), "{uri}: {}", answer.status);
    assert!(
        answer.headers.get(header::SET_COOKIE).is_none(),
        "no cookie is set for counting"
    );
}

async fn most_read(s: &common::TestServer, query: &str) -> Vec<String> {
    let answer = s.get(&format!("/api/articles/most-read?{query}")).await;
    assert_eq!(answer.status, StatusCode::OK, "{query}");
    answer
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["slug"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn a_page_load_or_an_opening_in_the_app_counts_once_and_crawlers_and_prefetches_not_at_all() {
    let (s, state) = counting().await;
    let browser = [(header::USER_AGENT, FIREFOX)];
    // A page load: the server's own request to its API for the page does not count again.
    read_as(&s, "/en/article/laos-becomes-partner", &browser).await;
    // Opened in the app: the API, asked by the browser.
    read_as(&s, "/api/articles/laos-becomes-partner", &browser).await;
    read_as(&s, "/api/articles/rates-table-explained", &browser).await;
    // Not readers.
    let bot = [(
        header::USER_AGENT,
        "Mozilla/5.0 (compatible; Googlebot/2.1)",
    )];
    for _ in 0..5 {
        read_as(&s, "/en/article/rates-table-explained", &bot).await;
    }
    let ahead = header::HeaderName::from_static("sec-purpose");
    read_as(
        &s,
        "/en/article/rates-table-explained",
        &[browser[0].clone(), (ahead, "prefetch")],
    )
    .await;
    read_as(&s, "/api/articles/rates-table-explained", &[]).await;
    // Not an article.
    let missing = s.get_with("/en/article/no-such-story", &browser).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);

    assert_eq!(
        state.reads.flush(&s.storage).await.unwrap(),
        2,
        "two articles"
    );
    assert_eq!(
        most_read(&s, "lang=en&period=day").await,
        ["laos-becomes-partner", "rates-table-explained"]
    );
    assert!(most_read(&s, "lang=ru&period=day").await.is_empty());
    // Nothing read in an edition this week: no box at all.
    let page = s.get("/ru/").await.text();
    assert!(page.contains("id=\"most-read\""));
    assert!(!page.contains("Самое читаемое"), "an empty box");
    // Flushed once: nothing is added twice.
    assert_eq!(state.reads.flush(&s.storage).await.unwrap(), 0);
}

#[tokio::test]
async fn the_list_ranks_an_editions_readings_over_the_last_day_or_week() {
    let s = common::server().await;
    let now_hour = chrono::Utc::now().timestamp_millis() / HOUR_MS;
    let batch = [
        ("samarkand-summit-2022", now_hour - 3 * 24, 40),
        ("laos-becomes-partner", now_hour, 4),
        ("laos-becomes-partner", now_hour - 23, 3),
        ("rates-table-explained", now_hour - 1, 5),
        ("chess-festival-tashkent-2025", now_hour - 8 * 24, 99),
        ("laos-novyy-partner", now_hour, 1),
    ]
    .map(|(slug, hour, views)| (slug.to_string(), hour, views));
    s.storage.add_views(&batch).await.unwrap();
    // The day: the last 24 hours, this one included.
    assert_eq!(
        most_read(&s, "lang=en&period=day").await,
        ["laos-becomes-partner", "rates-table-explained"]
    );
    // The week: an older reading too; one of eight days ago is out.
    assert_eq!(
        most_read(&s, "lang=en&period=week").await,
        [
            "samarkand-summit-2022",
            "laos-becomes-partner",
            "rates-table-explained"
        ]
    );
    assert_eq!(most_read(&s, "lang=ru").await, ["laos-novyy-partner"]);
    // The server draws the box into every page (no JavaScript needed) and carries none of its
    // answers for the app, which keeps the server's box as it is.
    let page = s.get("/en/section/culture").await.text();
    let title = "Laos joins as the newest SCO partner";
    assert!(page.contains("<h2>Most read</h2>"), "{page}");
    assert!(page.contains(&format!(">{title}</a>")));
    assert!(page.contains("<h3>Today</h3>") && page.contains("<h3>This week</h3>"));
    assert!(!page.contains("/api/articles/most-read"));
    // Taken off the portal: off the list.
    s.storage
        .set_article_visible("laos-becomes-partner", false, "test", 1)
        .await
        .unwrap();
    assert_eq!(
        most_read(&s, "lang=en&period=day").await,
        ["rates-table-explained"]
    );
    for bad in ["period=month", "lang=fr", "period="] {
        let answer = s.get(&format!("/api/articles/most-read?{bad}")).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{bad}");
        assert!(answer.json()["error"].as_str().unwrap().ends_with('.'));
    }
}

#[tokio::test]
async fn two_replicas_add_their_readings_to_the_same_counts() {
    let mut s = common::server().await;
    let mut other = s.replica().await;
    let (first, second) = (s.state(), other.state());
    s.serve(first.clone());
    other.serve(second.clone());
    let browser = [(header::USER_AGENT, FIREFOX)];
    read_as(&s, "/api/articles/rates-table-explained", &browser).await;
    for _ in 0..2 {
        read_as(&other, "/api/articles/laos-becomes-partner", &browser).await;
        read_as(&other, "/api/articles/rates-table-explained", &browser).await;
    }
    first.reads.flush(&s.storage).await.unwrap();
    second.reads.flush(&other.storage).await.unwrap();
    // 3 readings against 2, counted on two replicas.
    assert_eq!(
        most_read(&s, "lang=en").await,
        ["rates-table-explained", "laos-becomes-partner"]
    );
}

#[tokio::test]
async fn no_article_may_take_the_lists_address() {
    let s = common::editors::premoderated(false).await;
    let cookie = common::editors::sign_in(&s).await;
    let draft = serde_json::json!({"slug": "most-read", "title": "Most read", "summary": "A lead.",
        "body": "<p>Text.</p>", "countries": ["KZ"], "section": "sco"});
    let refused = common::editors::publish(&s, &cookie, draft).await;
    // As an address another article has.
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert!(refused.json()["fields"]["slug"].is_string());
}
