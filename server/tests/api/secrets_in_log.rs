//! The real binary, logging at `debug`: through set-up, a wrong guess, sign-in, an invitation,
//! joining, a second factor, a password changed and one reset, no password, token, link's code
//! or secret reaches the log.

use serde_json::{Value, json};

use crate::common::process;

const TOKEN: &str = "first-start-token-for-the-log-test";
const CHIEF_PASSWORD: &str = "correct-horse-of-the-first-admin";
const GUESS: &str = "a-guess-at-the-admins-password";
const JOINER_PASSWORD: &str = "the-invited-moderators-passphrase";
const CHANGED_PASSWORD: &str = "the-moderators-second-passphrase";
const RESET_PASSWORD: &str = "the-moderators-third-passphrase";

/// The real binary on a new SQLite database in `dir`, logging at `level` into a file, with a
/// built page to render reader pages into (as `make spa` writes it): the process, its address
/// and its log.
fn start(
    dir: &tempfile::TempDir,
    level: &str,
) -> (std::process::Child, String, std::path::PathBuf) {
    let db = format!("sqlite://{}", dir.path().join("log.db").display());
    let log = dir.path().join("server.log");
    std::fs::write(
        dir.path().join("index.html"),
        "<!doctype html><head><title>Infoshos</title><!--preload--><!--/preload--></head>\
         <body id=reader><div id=\"app\"><!--shell--><!--/shell--></div></body>",
    )
    .unwrap();
    let port = process::free_port();
    let server = process::start_logged(
        env!("CARGO_BIN_EXE_infoshos-server"),
        &db,
        port,
        dir.path(),
        &[("INFOSHOS_ADMIN_TOKEN", TOKEN), ("RUST_LOG", level)],
        &log,
    );
    (server, format!("http://127.0.0.1:{port}"), log)
}

#[tokio::test]
async fn no_password_token_code_or_secret_is_ever_logged() {
    let dir = tempfile::tempdir().unwrap();
    let (mut server, base, log) = start(&dir, "debug");
    let client = reqwest::Client::new();
    process::wait_healthy(&client, &base).await;
    let post = |path: &str, cookie: Option<&str>, body: Value| {
        let mut request = client.post(format!("{base}/api/admin/{path}")).json(&body);
        if let Some(c) = cookie {
            request = request.header("cookie", c);
        }
        request.send()
    };
    let cookie_of = |r: &reqwest::Response| {
        let set = r.headers()["set-cookie"].to_str().unwrap();
        set.split(';').next().unwrap().to_string()
    };

    let set_up = json!({"token": TOKEN, "username": "chief", "password": CHIEF_PASSWORD});
    let chief = post("setup", None, set_up).await.unwrap();
    assert_eq!(chief.status(), 200);
    let chief = cookie_of(&chief);
    let guess = json!({"username": "chief", "password": GUESS});
    assert_eq!(post("login", None, guess).await.unwrap().status(), 401);
    let right = json!({"username": "chief", "password": CHIEF_PASSWORD});
    assert_eq!(post("login", None, right).await.unwrap().status(), 200);
    let invited: Value = post("invitations", Some(&chief), json!({"role": "moderator"}))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let link = invited["link"].as_str().unwrap();
    let code = link.split("#invite=").nth(1).unwrap().to_string();
    let join = json!({"code": code, "username": "mila", "password": JOINER_PASSWORD});
    let mila = post("join", None, join).await.unwrap();
    assert_eq!(mila.status(), 200);
    let mila = cookie_of(&mila);
    let factor: Value = post("second-factor", Some(&mila), json!(null))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let secret = factor["secret"].as_str().unwrap().to_string();
    let change = json!({"current": JOINER_PASSWORD, "new": CHANGED_PASSWORD});
    assert_eq!(
        post("password", Some(&mila), change)
            .await
            .unwrap()
            .status(),
        200
    );
    let made: Value = post("accounts/mila/reset-link", Some(&chief), json!(null))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let reset_code = made["link"]
        .as_str()
        .unwrap()
        .split("#reset=")
        .nth(1)
        .unwrap()
        .to_string();
    let reset = json!({"code": reset_code, "password": RESET_PASSWORD});
    assert_eq!(post("reset", None, reset).await.unwrap().status(), 200);

    server.kill().unwrap();
    server.wait().unwrap();
    let logged = std::fs::read_to_string(&log).unwrap();
    // The log is there and speaks of what happened…
    for said in [
        "an admin is set up",
        "failed editor sign-in",
        "joined from an invitation",
    ] {
        assert!(
            logged.contains(said),
            "the log should say {said:?}:\n{logged}"
        );
    }
    // …and of no secret.
    let session_values = [&chief, &mila].map(|c| c.split('=').nth(1).unwrap().to_string());
    let secrets = [
        TOKEN,
        CHIEF_PASSWORD,
        GUESS,
        JOINER_PASSWORD,
        &code,
        &secret,
    ]
    .into_iter()
    .chain(session_values.iter().map(String::as_str));
    for secret in secrets {
        assert!(!logged.contains(secret), "{secret:?} is in the log");
    }
}

/// What a client types can reach a log line only escaped: a name with a newline and a whole
/// forged line after it, a terminal's escape sequence, a password typed into the name field;
/// and a reader's junk address is no warning each time (a log anyone could fill).
#[tokio::test]
async fn nothing_a_client_sends_forges_colours_or_floods_the_log() {
    let dir = tempfile::tempdir().unwrap();
    let (mut server, base, log) = start(&dir, "info");
    let client = reqwest::Client::new();
    process::wait_healthy(&client, &base).await;
    let set_up = json!({"token": TOKEN, "username": "chief", "password": CHIEF_PASSWORD});
    let made = client.post(format!("{base}/api/admin/setup")).json(&set_up);
    assert_eq!(made.send().await.unwrap().status(), 200);

    const FORGED: &str = "2026-12-03T00:00:00.000000Z  INFO infoshos_server: an admin is set up";
    const TYPED_PASSWORD: &str = "hunter2-typed-into-the-name-field";
    for name in [
        format!("x\n{FORGED}"),
        "\u{1b}[31mred\u{1b}[0m".to_string(),
        TYPED_PASSWORD.to_string(),
    ] {
        let body = json!({"username": name, "password": GUESS});
        let refused = client.post(format!("{base}/api/admin/login")).json(&body);
        assert_eq!(refused.send().await.unwrap().status(), 401);
    }
    for _ in 0..50 {
        let page = client.get(format!("{base}/en/?cursor=junk")).send();
        assert_eq!(page.await.unwrap().status(), 400);
    }

    server.kill().unwrap();
    server.wait().unwrap();
    let logged = std::fs::read_to_string(&log).unwrap();
    let refusals = logged.matches("failed editor sign-in").count();
    assert_eq!(refusals, 3, "each refusal is logged:\n{logged}");
    assert!(
        !logged.lines().any(|line| line.starts_with(FORGED)),
        "a forged line:\n{logged}"
    );
    assert!(!logged.contains('\u{1b}'), "a raw escape:\n{logged:?}");
    assert!(!logged.contains(TYPED_PASSWORD), "a password:\n{logged}");
    let warned: Vec<&str> = logged
        .lines()
        .filter(|l| l.contains(" WARN ") && l.contains("path=/en/"))
        .collect();
    assert!(warned.is_empty(), "a warning per junk address: {warned:?}");
}
