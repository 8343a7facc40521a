//! `infoshos-server backup FILE` while the portal serves and takes comments: the copy is a
//! database of its own that holds every comment acknowledged before the backup began.

use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

#[path = "common/process.rs"]
mod process;

const BIN: &str = env!("CARGO_BIN_EXE_infoshos-server");
const SLUG: &str = "laos-becomes-partner";
const NO_PACE: &[(&str, &str)] = &[
    ("INFOSHOS_COMMENT_BURST", "100000"),
    ("INFOSHOS_MODERATION", "post"),
];

fn backup(db: &str, to: &std::path::Path) -> std::process::Output {
    Command::new(BIN)
        .env("INFOSHOS_DATABASE_URL", db)
        .env("RUST_LOG", "error")
        .arg("backup")
        .arg(to)
        .output()
        .unwrap()
}

#[tokio::test]
async fn a_backup_taken_while_comments_arrive_holds_every_one_acknowledged_before_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("live.db").display());
    let port = process::free_port();
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();
    let mut server = process::start(BIN, &db, port, dir.path(), NO_PACE);
    process::wait_healthy(&client, &base).await;
    let token = process::form_token(&client, &base, SLUG).await;
    tokio::time::sleep(Duration::from_millis(2_100)).await;

    // Comments keep arriving, one after another, before, during and after the backup.
    let url = format!("{base}/api/articles/{SLUG}/comments");
    let stop = Arc::new(AtomicBool::new(false));
    let writer = tokio::spawn({
        let (client, stop) = (client.clone(), stop.clone());
        async move {
            let mut acknowledged = Vec::new();
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                let text = format!("Comment {n} while the backup runs.");
                let body = serde_json::json!({"name": "Reader", "text": text, "token": token});
                let r = client.post(&url).json(&body).send().await.unwrap();
                assert_eq!(r.status(), 201);
                acknowledged.push((std::time::Instant::now(), text));
                n += 1;
            }
            acknowledged
        }
    });
    tokio::time::sleep(Duration::from_millis(500)).await;
    let copy = dir.path().join("copy.db");
    let began = std::time::Instant::now();
    let out = backup(&db, &copy);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    stop.store(true, Ordering::Relaxed);
    let acknowledged = writer.await.unwrap();
    server.kill().unwrap();
    server.wait().unwrap();

    let before: Vec<&String> = acknowledged
        .iter()
        .filter(|(at, _)| *at < began)
        .map(|(_, t)| t)
        .collect();
    assert!(before.len() >= 5, "comments arrived before the backup");
    assert!(before.len() < acknowledged.len(), "and after it began");
    // The copy opens as a database of its own, the way a restore would use it.
    let restored = infoshos_server::storage::Storage::open(&format!("sqlite://{}", copy.display()))
        .await
        .unwrap();
    let id = restored.article_id(SLUG).await.unwrap().unwrap();
    let texts: Vec<String> = restored
        .comments(id, &[])
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.text)
        .collect();
    for text in before {
        assert!(texts.contains(text), "{text} is in the copy");
    }
}

#[test]
fn a_backup_never_overwrites_a_file_and_says_what_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let taken = dir.path().join("taken.db");
    std::fs::write(&taken, b"keep me").unwrap();
    let missing_db = format!("sqlite://{}", dir.path().join("none.db").display());
    let out = backup(&missing_db, &dir.path().join("copy.db"));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("there is no database at"));
    assert!(!dir.path().join("none.db").exists(), "nothing created");

    let live = dir.path().join("live.db");
    std::fs::write(&live, b"").unwrap();
    let out = backup(&format!("sqlite://{}", live.display()), &taken);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exists"));
    assert_eq!(std::fs::read(&taken).unwrap(), b"keep me");
}
