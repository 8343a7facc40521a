//! The real binary, logging at `debug`: through set-up, a wrong guess, sign-in, an invitation,
//! joining, a second factor, a password changed and one reset, no password, token, link's code
//! or secret reaches the log.

use serde_json::{Value, json};

#[path = "common/process.rs"]
mod process;

const TOKEN: &str = "first-start-token-for-the-log-test";
const CHIEF_PASSWORD: &str = "correct-horse-of-the-first-admin";
const GUESS: &str = "a-guess-at-the-admins-password";
const JOINER_PASSWORD: &str = "the-invited-moderators-passphrase";
const CHANGED_PASSWORD: &str = "the-moderators-second-passphrase";
const RESET_PASSWORD: &str = "the-moderators-third-passphrase";

#[tokio::test]
async fn no_password_token_code_or_secret_is_ever_logged() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("log.db").display());
    let log = dir.path().join("server.log");
    let port = process::free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut server = process::start_logged(
        env!("CARGO_BIN_EXE_infoshos-server"),
        &db,
        port,
        dir.path(),
        &[("INFOSHOS_ADMIN_TOKEN", TOKEN)],
        &log,
    );
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
