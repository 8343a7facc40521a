//! What an operator sees of the real binary (issue 28): JSON log lines naming each request's
//! id, which the answer carries back; Prometheus metrics on an address of their own, by route
//! template; readiness that fails while the database is down, liveness that does not.

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::common::process;

const BIN: &str = env!("CARGO_BIN_EXE_infoshos-server");

struct Running {
    server: std::process::Child,
    base: String,
    client: reqwest::Client,
    _dir: tempfile::TempDir,
    log: std::path::PathBuf,
}

async fn run(extra: &[(&str, &str)], db: Option<String>) -> Running {
    let dir = tempfile::tempdir().unwrap();
    let db = db.unwrap_or_else(|| format!("sqlite://{}", dir.path().join("ops.db").display()));
    let log = dir.path().join("server.log");
    let port = process::free_port();
    let server = process::start_logged(BIN, &db, port, dir.path(), extra, &log);
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();
    process::wait_healthy(&client, &base).await;
    Running {
        server,
        base,
        client,
        _dir: dir,
        log,
    }
}

impl Running {
    fn stop(&mut self) -> String {
        self.server.kill().unwrap();
        self.server.wait().unwrap();
        std::fs::read_to_string(&self.log).unwrap()
    }
}

#[tokio::test]
async fn json_log_lines_name_the_request_id_the_answer_carries() {
    let mut r = run(
        &[("INFOSHOS_LOG_FORMAT", "json"), ("RUST_LOG", "info")],
        None,
    )
    .await;
    let body = json!({"username": "nobody", "password": "a wrong password"});
    let refused = r
        .client
        .post(format!("{}/api/admin/login", r.base))
        .header("x-request-id", "probe-7f3a")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 401);
    assert_eq!(refused.headers()["x-request-id"], "probe-7f3a");
    // An id that is not a plain token is replaced by one of ours.
    let odd = r
        .client
        .get(format!("{}/api/states", r.base))
        .header("x-request-id", "two words")
        .send()
        .await
        .unwrap();
    let made = odd.headers()["x-request-id"].to_str().unwrap().to_string();
    assert_eq!(made.len(), 16, "{made}");
    assert!(made.bytes().all(|b| b.is_ascii_hexdigit()), "{made}");

    let logged = r.stop();
    let lines: Vec<Value> = logged
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert!(!lines.is_empty(), "{logged}");
    let refusal = lines
        .iter()
        .find(|l| l["fields"]["message"] == "failed editor sign-in")
        .unwrap_or_else(|| panic!("no refusal logged:\n{logged}"));
    assert_eq!(refusal["span"]["request_id"], "probe-7f3a", "{refusal}");
    assert_eq!(refusal["level"], "WARN");
}

/// The value of the metric line that starts with `series` (name and labels), if any.
fn metric(text: &str, series: &str) -> Option<f64> {
    text.lines()
        .find_map(|l| l.strip_prefix(series)?.trim().parse().ok())
}

#[tokio::test]
async fn metrics_are_served_apart_and_count_by_route_template() {
    let metrics_port = process::free_port();
    let metrics_addr = format!("127.0.0.1:{metrics_port}");
    let mut r = run(&[("INFOSHOS_METRICS_ADDR", &metrics_addr)], None).await;
    for slug in [
        "rates-table-explained",
        "rates-table-explained",
        "no-such-article",
    ] {
        let uri = format!("{}/api/articles/{slug}", r.base);
        r.client.get(uri).send().await.unwrap();
    }
    let body = json!({"username": "nobody", "password": "a wrong password"});
    let login = r
        .client
        .post(format!("{}/api/admin/login", r.base))
        .json(&body);
    assert_eq!(login.send().await.unwrap().status(), 401);

    let text = r
        .client
        .get(format!("http://{metrics_addr}/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let requests = "infoshos_http_requests_total";
    let article = r#"route="/api/articles/{slug}""#;
    assert_eq!(
        metric(
            &text,
            &format!(r#"{requests}{{method="GET",{article},status="2xx"}}"#)
        ),
        Some(2.0),
        "{text}"
    );
    assert_eq!(
        metric(
            &text,
            &format!(r#"{requests}{{method="GET",{article},status="4xx"}}"#)
        ),
        Some(1.0),
        "{text}"
    );
    assert!(
        !text.contains("rates-table-explained"),
        "a raw path: {text}"
    );
    assert_eq!(
        metric(
            &text,
            r#"infoshos_sign_in_refusals_total{reason="wrong_password"}"#
        ),
        Some(1.0)
    );
    assert!(
        text.contains("infoshos_http_request_duration_seconds_bucket"),
        "{text}"
    );
    assert_eq!(metric(&text, "infoshos_database_up"), Some(1.0));
    assert_eq!(metric(&text, "infoshos_comments_waiting"), Some(0.0));
    assert_eq!(
        metric(&text, "infoshos_scheduled_articles_overdue"),
        Some(0.0)
    );
    assert!(
        metric(&text, "infoshos_rates_age_seconds").is_some(),
        "{text}"
    );
    assert!(
        metric(&text, "infoshos_db_pool_connections").is_some(),
        "{text}"
    );

    // Not on the portal's own address.
    let public = r
        .client
        .get(format!("{}/metrics", r.base))
        .send()
        .await
        .unwrap();
    assert!(!public.text().await.unwrap().contains(requests));
    r.stop();
}

#[tokio::test]
async fn readiness_fails_while_the_database_is_down_and_liveness_does_not() {
    let Some(pg) = process::OwnPostgres::start() else {
        panic!("no PostgreSQL server here: scripts/install-tools.sh installs it");
    };
    let mut r = run(&[], Some(pg.url())).await;
    let status = |path: &'static str| {
        let request = r.client.get(format!("{}{path}", r.base)).send();
        async move { request.await.unwrap().status().as_u16() }
    };
    assert_eq!(status("/api/ready").await, 200);
    pg.stop();
    assert_eq!(status("/api/ready").await, 503);
    assert_eq!(status("/api/health").await, 200);
    pg.start_again();
    let deadline = Instant::now() + Duration::from_secs(30);
    while status("/api/ready").await != 200 {
        assert!(
            Instant::now() < deadline,
            "not ready again after the database came back"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    r.stop();
}
