//! `make soak`: many clients post comments to the real server on loopback for a minute while
//! readers keep reading; halfway through the server is killed with SIGKILL and started again.
//! Afterwards every comment that got a 201 must be in the database exactly once, the database
//! must pass `PRAGMA integrity_check`, and the figures are printed. Exits 1 when any fails.
//!
//! SOAK_SECONDS (60), SOAK_CLIENTS (32), SOAK_MIN_RATE (200 acknowledged posts a second) and
//! INFOSHOS_SERVER_BIN (target/server/infoshos-server) change the run.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use tokio::sync::Mutex;

const ARTICLES: [&str; 4] = [
    "laos-becomes-partner",
    "rates-table-explained",
    "astana-2017-summit-welcomes-india-and-pakistan",
    "sco-film-week-opens-in-beijing",
];

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[path = "../tests/common/process.rs"]
mod process;

use process::wait_healthy;

// All the clients share one address here: the pace per client would be the test.
const NO_PACE: &[(&str, &str)] = &[
    ("INFOSHOS_COMMENTS_PER_MINUTE", "60000"),
    ("INFOSHOS_COMMENT_BURST", "1000000"),
];

fn start(bin: &str, db: &str, port: u16, dir: &std::path::Path) -> std::process::Child {
    process::start(bin, db, port, dir, NO_PACE)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

#[tokio::main]
async fn main() {
    let seconds: u64 = env_or("SOAK_SECONDS", 60);
    let clients: usize = env_or("SOAK_CLIENTS", 32);
    let min_rate: f64 = env_or("SOAK_MIN_RATE", 200.0);
    let bin: String = env_or(
        "INFOSHOS_SERVER_BIN",
        "target/server/infoshos-server".to_string(),
    );

    let dir = tempfile::tempdir().unwrap();
    let db_path = dir.path().join("soak.db");
    let db = format!("sqlite://{}", db_path.display());
    let port = process::free_port();
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();

    let mut server = start(&bin, &db, port, dir.path());
    wait_healthy(&client, &base).await;
    // Each article's form token, as a reader's page gets it; good from 2 s after issue, and
    // after the restart too (the signing key is kept in the database).
    let mut tokens = Vec::new();
    for slug in ARTICLES {
        tokens.push(process::form_token(&client, &base, slug).await);
    }
    let tokens = Arc::new(tokens);
    tokio::time::sleep(Duration::from_millis(2_100)).await;
    println!(
        "soak: {clients} clients for {seconds} s on {base}, SIGKILL at {} s",
        seconds / 2
    );

    let stop = Arc::new(AtomicBool::new(false));
    let sent = Arc::new(AtomicU64::new(0));
    let failed = Arc::new(AtomicU64::new(0));
    let acked: Arc<Mutex<Vec<(String, Duration)>>> = Arc::default();
    let mut tasks = Vec::new();
    for c in 0..clients {
        let (client, base, stop) = (client.clone(), base.clone(), stop.clone());
        let (sent, failed, acked) = (sent.clone(), failed.clone(), acked.clone());
        let tokens = tokens.clone();
        tasks.push(tokio::spawn(async move {
            let mut n = 0u64;
            while !stop.load(Ordering::Relaxed) {
                n += 1;
                let text = format!("soak {c} {n}: a comment under load.");
                let which = (n as usize + c) % ARTICLES.len();
                let (slug, token) = (ARTICLES[which], &tokens[which]);
                let began = Instant::now();
                sent.fetch_add(1, Ordering::Relaxed);
                let answer = client
                    .post(format!("{base}/api/articles/{slug}/comments"))
                    .header("content-type", "application/json")
                    .body(
                        serde_json::json!({"name": format!("Client {c}"), "text": text, "token": token})
                            .to_string(),
                    )
                    .send()
                    .await;
                match answer {
                    Ok(r) if r.status() == reqwest::StatusCode::CREATED => {
                        acked.lock().await.push((text, began.elapsed()));
                    }
                    _ => {
                        failed.fetch_add(1, Ordering::Relaxed);
                        // The server is down: don't spin.
                        tokio::time::sleep(Duration::from_millis(20)).await;
                    }
                }
            }
        }));
    }
    // Readers: the feed must keep answering whenever the server is up.
    let (reads_ok, reads_failed) = (Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0)));
    let up = Arc::new(AtomicBool::new(true));
    {
        let (client, base, stop, up) = (client.clone(), base.clone(), stop.clone(), up.clone());
        let (ok, bad) = (reads_ok.clone(), reads_failed.clone());
        tasks.push(tokio::spawn(async move {
            while !stop.load(Ordering::Relaxed) {
                let was_up = up.load(Ordering::Relaxed);
                let r = client
                    .get(format!("{base}/api/articles?limit=20"))
                    .send()
                    .await;
                match r {
                    Ok(r) if r.status().is_success() => ok.fetch_add(1, Ordering::Relaxed),
                    _ if was_up && up.load(Ordering::Relaxed) => {
                        bad.fetch_add(1, Ordering::Relaxed)
                    }
                    _ => 0,
                };
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        }));
    }

    let began = Instant::now();
    tokio::time::sleep(Duration::from_secs(seconds / 2)).await;
    up.store(false, Ordering::Relaxed);
    server.kill().unwrap(); // SIGKILL
    server.wait().unwrap();
    let killed_at = acked.lock().await.len();
    server = start(&bin, &db, port, dir.path());
    wait_healthy(&client, &base).await;
    up.store(true, Ordering::Relaxed);
    let remaining = Duration::from_secs(seconds).saturating_sub(began.elapsed());
    tokio::time::sleep(remaining).await;
    stop.store(true, Ordering::Relaxed);
    for t in tasks {
        let _ = t.await;
    }
    let elapsed = began.elapsed();
    server.kill().unwrap();
    server.wait().unwrap();

    // What the database holds, read directly.
    let pool = sqlx::SqlitePool::connect(&db).await.unwrap();
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT text, COUNT(*) FROM comments WHERE text LIKE 'soak %' GROUP BY text",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&pool)
        .await
        .unwrap();
    let stored: HashMap<String, i64> = rows.into_iter().collect();

    let acked = acked.lock().await;
    let lost = acked
        .iter()
        .filter(|(t, _)| !stored.contains_key(t))
        .count();
    let twice = stored.values().filter(|n| **n > 1).count();
    let mut latencies: Vec<Duration> = acked.iter().map(|(_, d)| *d).collect();
    latencies.sort();
    let rate = acked.len() as f64 / elapsed.as_secs_f64();
    println!("requests sent:        {}", sent.load(Ordering::Relaxed));
    println!(
        "201 acknowledged:     {} ({killed_at} before the SIGKILL)",
        acked.len()
    );
    println!("failed (server down): {}", failed.load(Ordering::Relaxed));
    println!("acknowledged rate:    {rate:.0} per second");
    println!("stored (soak rows):   {}", stored.len());
    println!("lost:                 {lost}");
    println!("stored twice:         {twice}");
    println!("integrity_check:      {integrity}");
    println!(
        "reads ok / failed while up: {} / {}",
        reads_ok.load(Ordering::Relaxed),
        reads_failed.load(Ordering::Relaxed)
    );
    println!(
        "latency of 201s:      p50 {:.1} ms, p99 {:.1} ms",
        percentile(&latencies, 0.50).as_secs_f64() * 1000.0,
        percentile(&latencies, 0.99).as_secs_f64() * 1000.0
    );
    let ok = lost == 0
        && twice == 0
        && integrity == "ok"
        && rate >= min_rate
        && reads_failed.load(Ordering::Relaxed) == 0;
    if !ok {
        eprintln!("soak: FAILED");
        std::process::exit(1);
    }
    println!("soak: passed");
}
