//! Two replicas of the server on one database serve one portal: what one is told, the other
//! shows at once; an editor's session and a client's allowance hold on both; the rates are
//! fetched once a period whichever replica's turn comes first. A replica here is a second
//! `Storage` and router on the same database, with its own pool and its own memory.
//!
//! Replicas share PostgreSQL (`make test-postgres`); the tests that need what only it does
//! (telling other replicas of a write, the allowance kept in the database) say so and stop on
//! SQLite, which serves one process. The session and lease tests run on both engines.

use crate::common;

use std::time::{Duration, Instant};

use axum::http::StatusCode;
use infoshos_server::middleware::rate_limit::Quota;
use infoshos_server::rates::{Turn, refresh_turn};
use serde_json::{Value, json};

const SLUG: &str = "rates-table-explained";
const COMMENTS: &str = "/api/articles/rates-table-explained/comments";

fn needs_postgres(what: &str) -> bool {
    if !common::on_postgres() {
        eprintln!("{what}: replicas share PostgreSQL; this runs in `make test-postgres`");
    }
    common::on_postgres()
}

/// Asks `replica` for `uri` until `seen` holds of its answer, for at most five seconds (the
/// other replica's write reaches it as a notification, a few milliseconds later).
async fn eventually(
    replica: &common::TestServer,
    uri: &str,
    seen: impl Fn(&Value) -> bool,
) -> bool {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        if seen(&replica.get(uri).await.json()) {
            return true;
        }
        if Instant::now() > deadline {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn a_comment_posted_through_one_replica_is_listed_through_the_other() {
    if !needs_postgres("a_comment_posted_through_one_replica_is_listed_through_the_other") {
        return;
    }
    let mut a = common::server().await;
    let b = a.replica().await;
    // B has read (and keeps) the comments and the feed before the comment arrives.
    let before = b.get(COMMENTS).await.json().as_array().unwrap().len();
    let count = |feed: &Value| {
        feed["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["slug"] == SLUG)
            .map(|i| i["commentCount"].as_i64().unwrap())
    };
    let counted = count(&b.get("/api/articles?lang=en&limit=50").await.json());
    let posted = a
        .post_json(
            COMMENTS,
            &json!({"name": "Aigerim", "text": "Posted through A."}),
        )
        .await;
    assert_eq!(posted.status, StatusCode::CREATED);
    assert!(
        eventually(&b, COMMENTS, |list| list.as_array().unwrap().len()
            == before + 1)
        .await,
        "B lists the comment A stored"
    );
    assert!(
        eventually(&b, "/api/articles?lang=en&limit=50", |feed| count(feed)
            == counted.map(|n| n + 1))
        .await,
        "and counts it in its feed"
    );
}

#[tokio::test]
async fn an_editor_signed_in_on_one_replica_approves_on_the_other() {
    let mut a = common::editors::premoderated(false).await;
    let mut b = a.replica().await;
    a.serve(a.state().with_premoderation(true));
    b.serve(b.state().with_premoderation(true));
    let cookie = common::editors::sign_in(&a).await;
    let posted = a
        .post_json(
            COMMENTS,
            &json!({"name": "Dilnoza", "text": "Waiting for an editor."}),
        )
        .await;
    assert_eq!(posted.json()["status"], "pending");
    let id = posted.json()["id"].as_i64().unwrap();

    let approved = common::editors::call(
        &b,
        "POST",
        "/api/admin/comments",
        Some(&cookie),
        Some(json!({"ids": [id], "action": "approve"})),
    )
    .await;
    assert_eq!(approved.status, StatusCode::OK, "B knows A's session");
    // Signed out on B, the session is gone on A too.
    common::editors::call(&b, "POST", "/api/admin/logout", Some(&cookie), None).await;
    let queue = common::editors::call(&a, "GET", "/api/admin/comments", Some(&cookie), None).await;
    assert_eq!(queue.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn two_replicas_give_a_client_one_allowance_not_one_each() {
    if !needs_postgres("two_replicas_give_a_client_one_allowance_not_one_each") {
        return;
    }
    let mut a = common::server().await;
    let mut b = a.replica().await;
    a.serve(a.state().with_comment_quota(Quota::COMMENTS));
    b.serve(b.state().with_comment_quota(Quota::COMMENTS));
    let comment =
        |n: u32| json!({"name": "Bakhyt", "text": format!("Comment {n} from one client.")});
    // Two at once (the burst), taken through different replicas; a third anywhere waits.
    assert_eq!(
        a.post_json(COMMENTS, &comment(1)).await.status,
        StatusCode::CREATED
    );
    assert_eq!(
        b.post_json(COMMENTS, &comment(2)).await.status,
        StatusCode::CREATED
    );
    for s in [&a, &b] {
        let refused = s.post_json(COMMENTS, &comment(3)).await;
        assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
        assert!(!refused.header(axum::http::header::RETRY_AFTER).is_empty());
    }
}

#[tokio::test]
async fn the_rates_are_fetched_once_a_period_whichever_replica_asks() {
    let mut a = common::server().await;
    let b = a.replica().await;
    let feed = a.dir.path().join("daily.xml");
    std::fs::write(&feed, infoshos_server::rates::SNAPSHOT).unwrap();
    let url = format!("file://{}", feed.display());
    let period = Duration::from_millis(1_500);

    // Both replicas' turns come at the same moment: one fetches.
    let (first, second) = tokio::join!(
        refresh_turn(&a.storage, &url, "replica-a", period),
        refresh_turn(&b.storage, &url, "replica-b", period),
    );
    let mut turns = [first, second];
    turns.sort_by_key(|t| format!("{t:?}"));
    assert_eq!(turns, [Turn::Fetched, Turn::Skipped]);
    let holder = if first == Turn::Fetched {
        "replica-a"
    } else {
        "replica-b"
    };
    let other = if holder == "replica-a" {
        (&b, "replica-b")
    } else {
        (&a, "replica-a")
    };
    // Within the period the other replica leaves it; its holder renews at its own next turn.
    assert_eq!(
        refresh_turn(&other.0.storage, &url, other.1, period).await,
        Turn::Skipped
    );
    // The holder stopped (its lease runs out): the other replica's next turn fetches.
    tokio::time::sleep(period + Duration::from_millis(100)).await;
    assert_eq!(
        refresh_turn(&other.0.storage, &url, other.1, period).await,
        Turn::Fetched
    );
}

#[tokio::test]
async fn a_failed_fetch_leaves_the_turn_to_another_replica() {
    let mut a = common::server().await;
    let b = a.replica().await;
    let missing = format!("file://{}", a.dir.path().join("missing.xml").display());
    let period = Duration::from_secs(3600);
    assert_eq!(
        refresh_turn(&a.storage, &missing, "replica-a", period).await,
        Turn::Failed
    );
    let feed = a.dir.path().join("daily.xml");
    std::fs::write(&feed, infoshos_server::rates::SNAPSHOT).unwrap();
    let url = format!("file://{}", feed.display());
    assert_eq!(
        refresh_turn(&b.storage, &url, "replica-b", period).await,
        Turn::Fetched
    );
}
