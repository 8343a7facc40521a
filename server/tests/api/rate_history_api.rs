//! The rates' history: every daily fetch files its day, the backfill asks the CBR's dynamic
//! service for the last 90 days of each SCO currency (one at a time, pausing, only what is
//! missing, again after a failure), and `GET /api/rates/{code}/history` serves the series.
//! The dynamic answers here are written for the tests in the CBR's shape (made-up numbers).

use crate::common;

use std::path::Path;
use std::time::{Duration, Instant};

use axum::http::StatusCode;
use chrono::{NaiveDate, Utc};
use infoshos_server::rates::backfill::{Pass, backfill_pass, spawn_backfill};

/// The CBR's ids of three SCO currencies, as the shipped snapshot's daily feed lists them.
const TENGE: (&str, &str) = ("KZT", "R01335");
const YUAN: (&str, &str) = ("CNY", "R01375");
const RUPEE: (&str, &str) = ("INR", "R01270");

fn today() -> NaiveDate {
    Utc::now().date_naive()
}

/// A dynamic answer for `id` with one record on each of `days_ago`, per unit `base + n / 100`.
fn write_answer(dir: &Path, id: &str, days_ago: &[i64], base: f64) {
    let records: String = days_ago
        .iter()
        .enumerate()
        .map(|(n, ago)| {
            let date = today() - chrono::Duration::days(*ago);
            let unit = base + n as f64 / 100.0;
            format!(
                "<Record Date=\"{}\" Id=\"{id}\"><Nominal>1</Nominal><Value>{}</Value>\
                 <VunitRate>{}</VunitRate></Record>",
                date.format("%d.%m.%Y"),
                format!("{unit:.4}").replace('.', ","),
                format!("{unit}").replace('.', ",")
            )
        })
        .collect();
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"windows-1251\"?><ValCurs ID=\"{id}\" \
         name=\"Foreign Currency Market Dynamic\">{records}</ValCurs>"
    );
    std::fs::write(dir.join(format!("{id}.xml")), xml).unwrap();
}

fn codes(list: &[(&str, &str)]) -> Vec<String> {
    list.iter().map(|(code, _)| code.to_string()).collect()
}

#[tokio::test]
async fn the_backfill_fills_each_currency_once_pausing_between_requests_and_resumes_after_a_failure()
 {
    let s = common::server().await;
    let feeds = s.dir.path().join("dynamic");
    std::fs::create_dir(&feeds).unwrap();
    let template = format!("file://{}/{{id}}.xml", feeds.display());
    write_answer(&feeds, TENGE.1, &[60, 30, 2, 1], 0.17);
    write_answer(&feeds, YUAN.1, &[89, 3], 11.2);
    // No answer for the rupee: its request fails.
    let wanted = codes(&[TENGE, YUAN, RUPEE]);
    let pause = Duration::from_millis(300);

    let began = Instant::now();
    let first = backfill_pass(&s.storage, &template, &wanted, today(), pause)
        .await
        .unwrap();
    assert_eq!(
        first,
        Pass {
            filled: codes(&[YUAN, TENGE]),
            failed: codes(&[RUPEE])
        }
    );
    assert!(
        began.elapsed() >= 2 * pause,
        "one request at a time, pausing between them"
    );

    let tenge = s.get("/api/rates/KZT/history?days=90").await;
    assert_eq!(tenge.status, StatusCode::OK);
    let days = tenge.json()["days"].as_array().unwrap().clone();
    assert_eq!(days.len(), 4, "{days:?}");
    assert_eq!(days[0]["perUnit"], 0.17, "oldest first");
    assert_eq!(
        days[0]["date"],
        (today() - chrono::Duration::days(60)).to_string()
    );
    let month = s.get("/api/rates/KZT/history?days=30").await.json();
    assert_eq!(month["days"].as_array().unwrap().len(), 3);

    // Complete up to today: the tenge and the yuan are not asked again (their answers are gone,
    // asking would fail); the rupee is, and now its answer is there.
    std::fs::remove_file(feeds.join(format!("{}.xml", TENGE.1))).unwrap();
    std::fs::remove_file(feeds.join(format!("{}.xml", YUAN.1))).unwrap();
    write_answer(&feeds, RUPEE.1, &[5], 0.95);
    let second = backfill_pass(&s.storage, &template, &wanted, today(), pause)
        .await
        .unwrap();
    assert_eq!(
        second,
        Pass {
            filled: codes(&[RUPEE]),
            failed: vec![]
        }
    );
    let rupee = s.get("/api/rates/INR/history").await.json();
    assert_eq!(rupee["days"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn a_currency_that_failed_is_asked_again_at_the_next_pass_with_the_daily_feed_down() {
    // The portal runs on its shipped snapshot (no daily fetch ever succeeds here): the CBR's
    // ids come from it, and the backfill's own schedule retries what failed.
    let s = common::server().await;
    let feeds = s.dir.path().join("dynamic");
    std::fs::create_dir(&feeds).unwrap();
    let template = format!("file://{}/{{id}}.xml", feeds.display());
    let every = Duration::from_millis(200);
    let task = spawn_backfill(s.storage.clone(), template, Duration::ZERO, every);
    // The first pass finds no answer for the tenge; the answer appears after it.
    tokio::time::sleep(5 * every).await;
    write_answer(&feeds, TENGE.1, &[3, 2], 0.17);
    let deadline = Instant::now() + Duration::from_secs(30);
    let days = loop {
        let days = s.get("/api/rates/KZT/history").await.json()["days"].clone();
        if days.as_array().is_some_and(|d| d.len() == 2) || Instant::now() > deadline {
            break days;
        }
        tokio::time::sleep(every).await;
    };
    task.abort();
    assert_eq!(days.as_array().map(Vec::len), Some(2), "{days}");
}

#[tokio::test]
async fn a_daily_fetch_files_its_day_in_the_history() {
    let s = common::server().await;
    let feed = s.dir.path().join("daily.xml");
    let day = today() - chrono::Duration::days(1);
    std::fs::write(
        &feed,
        format!(
            "<?xml version=\"1.0\" encoding=\"windows-1251\"?><ValCurs Date=\"{}\" name=\"Foreign Currency Market\">\
             <Valute ID=\"R01335\"><NumCode>398</NumCode><CharCode>KZT</CharCode><Nominal>100</Nominal>\
             <Name>Kazakhstan Tenge</Name><Value>17,1234</Value><VunitRate>0,171234</VunitRate></Valute></ValCurs>",
            day.format("%d.%m.%Y")
        ),
    )
    .unwrap();
    infoshos_server::rates::refresh_once(&s.storage, &format!("file://{}", feed.display()))
        .await
        .unwrap();
    let history = s.get("/api/rates/KZT/history?days=7").await.json();
    assert_eq!(
        history["days"],
        serde_json::json!([{"date": day.to_string(), "nominal": 100, "value": 17.1234, "perUnit": 0.171234}])
    );
}

#[tokio::test]
async fn the_history_api_says_what_it_cannot_answer() {
    let s = common::server().await;
    for bad in ["0", "367", "-5", "ninety", ""] {
        let answer = s.get(&format!("/api/rates/KZT/history?days={bad}")).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "days={bad}");
        assert_eq!(
            answer.json()["error"],
            "days is a whole number from 1 to 366."
        );
    }
    for not_sco in ["RUB", "USD", "kzt", "XXX"] {
        let answer = s.get(&format!("/api/rates/{not_sco}/history")).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{not_sco}");
    }
    // A currency with no day held yet: an empty series, not an error.
    let none = s.get("/api/rates/MNT/history").await;
    assert_eq!(none.status, StatusCode::OK);
    assert_eq!(
        none.json(),
        serde_json::json!({"currency": "MNT", "days": []})
    );
}

#[tokio::test]
async fn a_sparkline_draws_the_last_thirty_days_as_an_svg_image_rising_as_the_rate_rises() {
    let s = common::server().await;
    let feeds = s.dir.path().join("dynamic");
    std::fs::create_dir(&feeds).unwrap();
    let template = format!("file://{}/{{id}}.xml", feeds.display());
    // Five days: 60 days ago (outside the sparkline's 30), then 20, 10, 5 and 1 days ago
    // (per unit 0.17 + n / 100: 0.18, 0.19, 0.20, 0.21) ...
    write_answer(&feeds, TENGE.1, &[60, 20, 10, 5, 1], 0.17);
    backfill_pass(
        &s.storage,
        &template,
        &codes(&[TENGE]),
        today(),
        Duration::ZERO,
    )
    .await
    .unwrap();
    let answer = s.get("/api/rates/KZT/sparkline.svg").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(
        answer.header(axum::http::header::CONTENT_TYPE),
        "image/svg+xml"
    );
    let svg = answer.text();
    assert!(
        svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
        "{svg}"
    );
    assert!(svg.contains("data-points=\"4\""), "{svg}");
    let points = svg.split("<polyline points=\"").nth(1).unwrap();
    let points: Vec<(i32, i32)> = points[..points.find('"').unwrap()]
        .split(' ')
        .map(|p| {
            let (x, y) = p.split_once(',').unwrap();
            (x.parse().unwrap(), y.parse().unwrap())
        })
        .collect();
    assert_eq!(points.len(), 4);
    // ... rising day by day: left to right, each higher (a smaller y) than the one before.
    assert!(
        points
            .windows(2)
            .all(|w| w[0].0 < w[1].0 && w[0].1 > w[1].1),
        "{points:?}"
    );

    // A currency with one day or none draws an empty box; the rouble and others are not found.
    let empty = s.get("/api/rates/MNT/sparkline.svg").await;
    assert_eq!(empty.status, StatusCode::OK);
    assert!(!empty.text().contains("polyline"));
    for code in ["RUB", "USD"] {
        let path = format!("/api/rates/{code}/sparkline.svg");
        assert_eq!(s.get(&path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
}
