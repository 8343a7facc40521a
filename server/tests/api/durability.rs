//! The real binary: an acknowledged comment (201) survives a kill -9 right after the answer.

use std::time::Duration;

use crate::common::process;

// One client posting 20 comments at once: no pace here, that is not what is tested.
const NO_PACE: &[(&str, &str)] = &[
    ("INFOSHOS_COMMENT_BURST", "1000"),
    ("INFOSHOS_MODERATION", "post"),
];

fn start(db: &str, port: u16, dist: &std::path::Path) -> std::process::Child {
    process::start(
        env!("CARGO_BIN_EXE_infoshos-server"),
        db,
        port,
        dist,
        NO_PACE,
    )
}

use process::wait_healthy;

#[tokio::test]
async fn acknowledged_comments_survive_kill_9() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("kill.db").display());
    let port = process::free_port();
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();
    let url = format!("{base}/api/articles/laos-becomes-partner/comments");

    let mut server = start(&db, port, dir.path());
    wait_healthy(&client, &base).await;
    // The form token comes with the article; a reader takes more than two seconds to write.
    let token = process::form_token(&client, &base, "laos-becomes-partner").await;
    tokio::time::sleep(Duration::from_millis(2_100)).await;
    let mut acknowledged = Vec::new();
    for i in 0..20 {
        let body = serde_json::json!({
            "name": format!("Reader {i}"),
            "text": format!("Comment number {i} before the crash."),
            "token": token,
        })
        .to_string();
        let r = client
            .post(&url)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 201);
        acknowledged.push(format!("Comment number {i} before the crash."));
    }
    // SIGKILL: no shutdown, no flush, no chance to tidy up.
    server.kill().unwrap();
    server.wait().unwrap();

    let mut server = start(&db, port, dir.path());
    wait_healthy(&client, &base).await;
    let list: serde_json::Value = client.get(&url).send().await.unwrap().json().await.unwrap();
    let texts: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["text"].as_str().unwrap())
        .collect();
    for text in &acknowledged {
        assert_eq!(texts.iter().filter(|t| *t == text).count(), 1, "{text}");
    }
    server.kill().unwrap();
    server.wait().unwrap();
}
