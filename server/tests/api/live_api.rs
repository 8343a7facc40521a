//! New stories as they land: an open front, section or country page's stream tells of each
//! story that joins its feed within seconds and of no other, resumes after the last event it
//! told, is never kept, compressed or tagged, ends when the server stops, and on PostgreSQL
//! hears a story published through another replica. Feed pages name their stream on the
//! status bar, with its words in the page's language.

use std::time::Duration;

use crate::common;
use crate::common::events::{Event, Events};
use crate::common::search::article_at;

use axum::http::StatusCode;
use infoshos_model::{Lang, Section};
use infoshos_server::live::desk::{Desk, spawn_desk};
use infoshos_server::state::AppState;

/// Long enough for the desk (looking every 50 ms here) on a busy machine.
const WAIT: Duration = Duration::from_secs(10);
/// How long a stream is watched for an event that must not come.
const QUIET: Duration = Duration::from_millis(800);

/// A server whose desk looks for new stories every 50 ms.
async fn live_server() -> (common::TestServer, Desk) {
    let mut s = common::server().await;
    let state = s.state().with_premoderation(false);
    let desk = watched(&s, &state);
    s.serve(state);
    (s, desk)
}

fn watched(s: &common::TestServer, state: &AppState) -> Desk {
    spawn_desk(
        s.storage.clone(),
        state.live.clone(),
        Duration::from_millis(50),
    );
    state.live.clone()
}

/// Publishes a story now (`n` ms on, so each is newer than the last); the event id it is told
/// with.
async fn publish(
    s: &common::TestServer,
    n: i64,
    lang: Lang,
    section: Section,
    country: &str,
) -> String {
    let at = chrono::Utc::now().timestamp_millis() + n;
    let mut story = article_at(
        &format!("landed-{n}"),
        lang,
        "A story lands",
        "Its text.",
        at,
    );
    story.section = Some(section);
    story.countries = vec![country.into()];
    let id = s.storage.insert_article(&story).await.unwrap();
    format!("v1.{at}.{id}")
}

async fn opened(s: &common::TestServer, uri: &str) -> Events {
    let mut events = Events::open(s, uri, &[]).await;
    assert_eq!(events.status, StatusCode::OK, "{uri}");
    let first = events.within(WAIT).await.unwrap();
    assert_eq!(first.data, "0", "{uri}: nothing landed yet");
    events
}

fn told(id: &str, count: &str) -> Option<Event> {
    Some(Event {
        id: id.into(),
        data: count.into(),
    })
}

#[tokio::test]
async fn an_open_feed_hears_each_new_story_of_its_own_within_seconds_and_no_other() {
    let (s, _desk) = live_server().await;
    let mut front = opened(&s, "/api/live?lang=en").await;
    let mut economy = opened(&s, "/api/live?lang=en&section=economy").await;
    let mut kazakhstan = opened(&s, "/api/live?lang=en&country=KZ").await;
    let mut russian = opened(&s, "/api/live?lang=ru").await;

    let a = publish(&s, 1, Lang::En, Section::Economy, "KZ").await;
    assert_eq!(front.within(WAIT).await, told(&a, "1"));
    assert_eq!(economy.within(WAIT).await, told(&a, "1"));
    assert_eq!(kazakhstan.within(WAIT).await, told(&a, "1"));

    let b = publish(&s, 2, Lang::En, Section::Politics, "CN").await;
    assert_eq!(front.within(WAIT).await, told(&b, "1"));
    assert_eq!(economy.within(QUIET).await, None, "another section");
    assert_eq!(kazakhstan.within(QUIET).await, None, "another state");

    let c = publish(&s, 3, Lang::Ru, Section::Economy, "KZ").await;
    assert_eq!(russian.within(WAIT).await, told(&c, "1"));
    assert_eq!(front.within(QUIET).await, None, "another edition");
    assert_eq!(economy.within(QUIET).await, None, "another edition");
}

#[tokio::test]
async fn a_dropped_stream_resumes_after_the_last_event_it_told() {
    let (s, _desk) = live_server().await;
    let mut first = Events::open(&s, "/api/live?lang=en&section=economy", &[]).await;
    let last = first.within(WAIT).await.unwrap();
    drop(first);
    publish(&s, 1, Lang::En, Section::Economy, "KZ").await;
    publish(&s, 2, Lang::En, Section::Politics, "KZ").await;
    let newest = publish(&s, 3, Lang::En, Section::Economy, "UZ").await;

    // As a browser reconnects by itself, and as the page reopens a stream it closed.
    let by_header = [("last-event-id", last.id.as_str())];
    let mut again = Events::open(&s, "/api/live?lang=en&section=economy", &by_header).await;
    assert_eq!(again.within(WAIT).await, told(&newest, "2"));
    let reopened = format!("/api/live?lang=en&section=economy&after={}", last.id);
    let mut reopened = Events::open(&s, &reopened, &[]).await;
    assert_eq!(reopened.within(WAIT).await, told(&newest, "2"));
}

#[tokio::test]
async fn bad_questions_get_a_clear_400_and_the_stream_is_never_kept_compressed_or_tagged() {
    let (s, desk) = live_server().await;
    for (uri, said) in [
        ("/api/live?lang=fr", "lang must be one of en, ru, zh."),
        (
            "/api/live?lang=en&country=kz",
            "country must be a two-letter",
        ),
        (
            "/api/live?lang=en&section=sport",
            "section must be one of politics",
        ),
        (
            "/api/live?lang=en&after=tomorrow",
            "after is not a place this server gave",
        ),
    ] {
        let answer = s.get(uri).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{uri}");
        let error = answer.json()["error"].as_str().unwrap().to_string();
        assert!(error.contains(said), "{uri}: {error}");
    }
    let stale = [("last-event-id", "v2.1.1")];
    assert_eq!(
        Events::open(&s, "/api/live?lang=en", &stale).await.status,
        StatusCode::BAD_REQUEST
    );

    let asked = [("accept-encoding", "br, gzip"), ("if-none-match", "\"x\"")];
    let mut stream = Events::open(&s, "/api/live?lang=zh", &asked).await;
    assert_eq!(stream.status, StatusCode::OK);
    let header = |name: &str| {
        stream
            .headers
            .get(name)
            .map(|v| v.to_str().unwrap().to_string())
    };
    assert_eq!(header("content-type").as_deref(), Some("text/event-stream"));
    assert_eq!(header("cache-control").as_deref(), Some("no-store"));
    assert_eq!(header("content-encoding"), None);
    assert_eq!(header("etag"), None);
    assert!(stream.within(WAIT).await.is_some());

    // The server stopping ends every stream, so its drain waits for none.
    desk.stop();
    assert!(stream.ends_within(WAIT).await);
}

#[tokio::test]
async fn on_postgresql_a_story_published_through_one_replica_reaches_a_page_open_on_another() {
    if !common::on_postgres() {
        return; // SQLite is one process: there is no other replica.
    }
    let (s, _desk) = live_server().await;
    let storage = common::open(s.dir.path()).await;
    let other = common::TestServer {
        router: s.router.clone(),
        secret: s.secret.clone(),
        storage,
        dir: s.dir.clone(),
    };
    let state = other.state().with_premoderation(false);
    watched(&other, &state);
    let other = common::TestServer {
        router: infoshos_server::router::app(state),
        ..other
    };
    let mut page = opened(&other, "/api/live?lang=en").await;
    let story = publish(&s, 1, Lang::En, Section::Sco, "KZ").await;
    assert_eq!(page.within(WAIT).await, told(&story, "1"));
}

#[tokio::test]
async fn feed_pages_name_their_stream_on_the_status_bar_with_its_words_in_their_language() {
    let (s, _desk) = live_server().await;
    let bar = |page: &str| {
        let at = page.find("id=\"pwa-status\"").expect("the status bar");
        page[at..at + page[at..].find('>').unwrap()].to_string()
    };
    let section = bar(&s.get("/ru/section/economy").await.text());
    assert!(section.contains(r#"data-stream="/api/live?lang=ru&amp;section=economy""#));
    assert!(section.contains(r#"data-page="/ru/section/economy""#));
    assert!(section.contains(r##"data-landed-many="# новых материалов""##));
    assert!(section.contains(r#"data-show="Показать""#));
    let front = bar(&s.get("/zh/").await.text());
    assert!(front.contains(r#"data-stream="/api/live?lang=zh""#));
    assert!(front.contains(r##"data-landed-other="#篇新报道""##));
    let state = bar(&s.get("/en/country/KZ").await.text());
    assert!(state.contains(r#"data-stream="/api/live?lang=en&amp;country=KZ""#));

    // Other pages, a missing one and an edition's offline shell: the words, no stream.
    for (path, offline) in [
        ("/en/article/laos-becomes-partner", "You are offline."),
        ("/en/country/XX", "You are offline."),
        ("/edition-ru/index.html", "Нет подключения к сети."),
    ] {
        let page = bar(&s.get(path).await.text());
        assert!(
            page.contains(&format!("data-offline=\"{offline}\"")),
            "{path}: {page}"
        );
        assert!(!page.contains("data-stream"), "{path}");
    }
}
