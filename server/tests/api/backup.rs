//! A backup taken while the portal serves and takes comments is a database of its own that
//! holds every comment acknowledged before the backup began: `infoshos-server backup FILE` on
//! SQLite, `deploy/pg-backup.sh` (pg_dump, then pg_restore into a new database, the commands
//! docs/deploy.md gives) on PostgreSQL (`make test-postgres`).

use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crate::common;
use common::process;

/// The PostgreSQL backup and restore commands the deployment guide gives.
const PG_BACKUP: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../deploy/pg-backup.sh");

use infoshos_server::storage::Storage;

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

/// The engine's own way to back up `db` into `to`.
fn take_backup(db: &str, to: &std::path::Path) -> std::process::Output {
    if !db.starts_with("postgres") {
        return backup(db, to);
    }
    Command::new(PG_BACKUP)
        .arg("backup")
        .arg(db)
        .arg(to)
        .output()
        .unwrap()
}

/// The copy, restored as the guide says and opened as the portal would open it.
async fn restore(copy: &std::path::Path, dir: &std::path::Path) -> Storage {
    if !common::on_postgres() {
        return Storage::open(&format!("sqlite://{}", copy.display()))
            .await
            .unwrap();
    }
    let empty = dir.join("restored");
    std::fs::create_dir(&empty).unwrap();
    let url = common::database_url(&empty).await;
    let out = Command::new(PG_BACKUP)
        .arg("restore")
        .arg(&url)
        .arg(copy)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Storage::open(&url).await.unwrap()
}

#[tokio::test]
async fn a_backup_taken_while_comments_arrive_holds_every_one_acknowledged_before_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::database_url(dir.path()).await;
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
    let out = take_backup(&db, &copy);
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
    let restored = restore(&copy, dir.path()).await;
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

    // A PostgreSQL database is PostgreSQL's to copy: the command says so and touches nothing.
    let out = backup(
        "postgres://infoshos:secret@db.example/infoshos",
        &dir.path().join("pg.db"),
    );
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("pg_dump") && !said.contains("secret"),
        "{said}"
    );
    assert!(!dir.path().join("pg.db").exists());
}
