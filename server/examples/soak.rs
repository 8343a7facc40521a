//! `make soak`: many clients post comments to the real server on loopback for a minute while
//! readers keep reading; halfway through the server is killed with SIGKILL and started again.
//! Afterwards every comment that got a 201 must be in the database exactly once, a SQLite
//! database must pass `PRAGMA integrity_check`, and the figures are printed. Exits 1 when any
//! fails.
//!
//! `make soak DB=postgres REPLICAS=2` runs it on a throwaway PostgreSQL (scripts/with-postgres.sh
//! sets INFOSHOS_TEST_POSTGRES) with that many servers on one database: the clients are spread
//! over them and the first is the one killed, while the others keep serving.
//!
//! SOAK_SECONDS (60), SOAK_CLIENTS (32), SOAK_MIN_RATE (200 acknowledged posts a second),
//! SOAK_DB (sqlite or postgres), SOAK_REPLICAS (1) and INFOSHOS_SERVER_BIN
//! (target/server/infoshos-server) change the run.

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

#[path = "../tests/api/common/process.rs"]
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

    let replicas: usize = env_or("SOAK_REPLICAS", 1).max(1);
    let on_postgres = env_or("SOAK_DB", "sqlite".to_string()) == "postgres";
    if replicas > 1 && !on_postgres {
        eprintln!("soak: replicas share PostgreSQL; SQLite serves one process (DB=postgres)");
        std::process::exit(2);
    }

    let dir = tempfile::tempdir().unwrap();
    let db = if on_postgres {
        postgres_database().await
    } else {
        format!("sqlite://{}", dir.path().join("soak.db").display())
    };
    let ports: Vec<u16> = (0..replicas).map(|_| process::free_port()).collect();
    let bases: Vec<String> = ports
        .iter()
        .map(|port| format!("http://127.0.0.1:{port}"))
        .collect();
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();

    let mut servers: Vec<_> = ports
        .iter()
        .map(|port| start(&bin, &db, *port, dir.path()))
        .collect();
    for base in &bases {
        wait_healthy(&client, base).await;
    }
    // The one killed halfway; the clients of the others never see it go.
    let (port, base) = (ports[0], bases[0].clone());
    // Each article's form token, as a reader's page gets it; good from 2 s after issue, and
    // after the restart too (the signing key is kept in the database).
    let mut tokens = Vec::new();
    for slug in ARTICLES {
        tokens.push(process::form_token(&client, &base, slug).await);
    }
    let tokens = Arc::new(tokens);
    tokio::time::sleep(Duration::from_millis(2_100)).await;
    println!(
        "soak: {clients} clients for {seconds} s on {} ({}), SIGKILL of {base} at {} s",
        bases.join(", "),
        if on_postgres { "PostgreSQL" } else { "SQLite" },
        seconds / 2
    );

    let stop = Arc::new(AtomicBool::new(false));
    let sent = Arc::new(AtomicU64::new(0));
    let failed = Arc::new(AtomicU64::new(0));
    let acked: Arc<Mutex<Vec<(String, Duration)>>> = Arc::default();
    let mut tasks = Vec::new();
    for c in 0..clients {
        // Client c talks to replica c mod n, as a load balancer would spread them.
        let (client, base, stop) = (client.clone(), bases[c % replicas].clone(), stop.clone());
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
    // Readers, one per replica: the feed must keep answering whenever its server is up (the
    // others are up all along).
    let (reads_ok, reads_failed) = (Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0)));
    let up = Arc::new(AtomicBool::new(true));
    for (r, base) in bases.iter().enumerate() {
        let always = Arc::new(AtomicBool::new(true));
        let up = if r == 0 { up.clone() } else { always };
        let (client, base, stop) = (client.clone(), base.clone(), stop.clone());
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
    servers[0].kill().unwrap(); // SIGKILL
    servers[0].wait().unwrap();
    let killed_at = acked.lock().await.len();
    servers[0] = start(&bin, &db, port, dir.path());
    wait_healthy(&client, &base).await;
    up.store(true, Ordering::Relaxed);
    let remaining = Duration::from_secs(seconds).saturating_sub(began.elapsed());
    tokio::time::sleep(remaining).await;
    stop.store(true, Ordering::Relaxed);
    for t in tasks {
        let _ = t.await;
    }
    let elapsed = began.elapsed();
    for server in &mut servers {
        server.kill().unwrap();
        server.wait().unwrap();
    }

    // What the database holds, read directly.
    const STORED: &str =
        "SELECT text, COUNT(*) FROM comments WHERE text LIKE 'soak %' GROUP BY text";
    let (rows, integrity): (Vec<(String, i64)>, String) = if on_postgres {
        let pool = sqlx::PgPool::connect(&db).await.unwrap();
        let rows = sqlx::query_as(STORED).fetch_all(&pool).await.unwrap();
        // PostgreSQL has no integrity_check; its own crash recovery is what it has.
        (rows, "ok (PostgreSQL: not applicable)".into())
    } else {
        let pool = sqlx::SqlitePool::connect(&db).await.unwrap();
        let rows = sqlx::query_as(STORED).fetch_all(&pool).await.unwrap();
        let integrity = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_one(&pool)
            .await
            .unwrap();
        (rows, integrity)
    };
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
        && integrity.starts_with("ok")
        && rate >= min_rate
        && reads_failed.load(Ordering::Relaxed) == 0;
    if !ok {
        eprintln!("soak: FAILED");
        std::process::exit(1);
    }
    println!("soak: passed");
}

/// A new database on the PostgreSQL that INFOSHOS_TEST_POSTGRES names.
async fn postgres_database() -> String {
    let server = std::env::var("INFOSHOS_TEST_POSTGRES")
        .expect("SOAK_DB=postgres runs under scripts/with-postgres.sh (make soak DB=postgres)");
    process::new_postgres_database(&server, &format!("soak_{}", std::process::id())).await
}
