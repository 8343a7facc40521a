#![allow(dead_code)] // each test file uses a different part of these helpers
//! A server on a fresh temporary database, driven through `Router::oneshot`.

pub mod article_form;
pub mod authenticator;
pub mod built;
pub mod editors;
pub mod events;
pub mod links;
pub mod photos;
pub mod process;
pub mod search;

use std::path::Path;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use infoshos_server::router::app;
use infoshos_server::state::AppState;
use infoshos_server::storage::Storage;
use infoshos_server::{rates, seed};
use serde_json::Value;
use tower::ServiceExt;

pub const UNLIMITED: infoshos_server::middleware::rate_limit::Quota =
    infoshos_server::middleware::rate_limit::Quota {
        every_ms: 1,
        burst: 10_000,
    };

pub struct TestServer {
    pub router: Router,
    /// The router's form-signing key, to give test comments a valid form token.
    pub secret: std::sync::Arc<Vec<u8>>,
    pub storage: Storage,
    /// Shared with its replicas (`replica`).
    pub dir: std::sync::Arc<tempfile::TempDir>,
}

/// One server for the property tests, which ask many generated questions (seeding a database per
/// case would take most of the run), with the runtime it answers on.
pub fn shared() -> &'static (tokio::runtime::Runtime, TestServer) {
    static SHARED: std::sync::OnceLock<(tokio::runtime::Runtime, TestServer)> =
        std::sync::OnceLock::new();
    SHARED.get_or_init(|| {
        let runtime = tokio::runtime::Runtime::new().unwrap();
        let server = runtime.block_on(server());
        (runtime, server)
    })
}

pub async fn server() -> TestServer {
    let dir = tempfile::tempdir().unwrap();
    let storage = open(dir.path()).await;
    seed::seed_if_empty(&storage).await.unwrap();
    seed::load_states(&storage).await.unwrap();
    rates::ensure_some_rates(&storage).await.unwrap();
    let dist = dir.path().join("dist");
    built::write_pages(&dist);
    // Tests post many comments from one "client"; the pace has a test of its own.
    // Comments go up at once here; premoderation has tests of its own (admin_api.rs).
    let state = AppState::new(storage.clone(), &dist)
        .with_comment_quota(UNLIMITED)
        .with_premoderation(false);
    let secret = state.form_secret.clone();
    let router = app(state);
    TestServer {
        router,
        secret,
        storage,
        dir: dir.into(),
    }
}

/// The test's database: a SQLite file in `dir`, or, when `INFOSHOS_TEST_POSTGRES` names a
/// PostgreSQL server (`make test` starts one with `scripts/with-postgres.sh`), a new database
/// of its own there. Opened again with the same `dir`, it is the same database.
pub async fn open(dir: &Path) -> Storage {
    Storage::open(&database_url(dir).await).await.unwrap()
}

/// The address of `dir`'s database (see `open`), creating it on the PostgreSQL server if new.
pub async fn database_url(dir: &Path) -> String {
    let Ok(server) = std::env::var("INFOSHOS_TEST_POSTGRES") else {
        return format!("sqlite://{}", dir.join("test.db").display());
    };
    let kept = dir.join("postgres-url");
    if let Ok(url) = std::fs::read_to_string(&kept) {
        return url;
    }
    let name = format!(
        "test_{}",
        dir.file_name()
            .unwrap()
            .to_string_lossy()
            .to_lowercase()
            .replace(|c: char| !c.is_ascii_alphanumeric(), "_")
    );
    let url = process::new_postgres_database(&server, &name).await;
    std::fs::write(&kept, &url).unwrap();
    url
}

/// Whether the tests run on PostgreSQL (`database_url`).
pub fn on_postgres() -> bool {
    std::env::var_os("INFOSHOS_TEST_POSTGRES").is_some()
}

#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: Vec<u8>,
}

/// The HTML a server-rendered page's app was rendered into: between `<div id="app">` and the
/// answers it carries.
pub fn app_html(page: &str) -> &str {
    let from = page.find("<div id=\"app\">").expect("the app's root");
    let to = page
        .find("<script type=\"application/json\"")
        .unwrap_or(page.len());
    &page[from..to]
}

impl Answer {
    pub fn text(&self) -> String {
        String::from_utf8(self.body.clone()).unwrap()
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
    pub fn header(&self, name: header::HeaderName) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    }
}

impl TestServer {
    /// A state on this server's database and app folder with every setting at its default,
    /// for a test that changes one of them.
    /// Waits until the storage's change count stays put: PostgreSQL tells the storage of the
    /// set-up's own writes a moment after they commit, and each moves the count on, so an
    /// answer or page kept just before is made again.
    pub async fn settled(&self) {
        let mut last = self.storage.change_count();
        for _ in 0..50 {
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            let now = self.storage.change_count();
            if now == last {
                return;
            }
            last = now;
        }
    }

    pub fn state(&self) -> AppState {
        AppState::new(self.storage.clone(), &self.dir.path().join("dist"))
    }

    /// Another server process on the same database and app folder, as a second replica behind
    /// a load balancer would be: its own pool, its own memory, the signing key from the database
    /// (as `main` loads it). Both this server and the replica are set to that key.
    pub async fn replica(&mut self) -> TestServer {
        let storage = open(self.dir.path()).await;
        let secret = storage.form_secret().await.unwrap();
        self.serve(
            self.state()
                .with_form_secret(secret.clone())
                .with_comment_quota(UNLIMITED)
                .with_premoderation(false),
        );
        let mut replica = TestServer {
            router: self.router.clone(),
            secret: self.secret.clone(),
            storage,
            dir: self.dir.clone(),
        };
        replica.serve(
            replica
                .state()
                .with_form_secret(secret)
                .with_comment_quota(UNLIMITED)
                .with_premoderation(false),
        );
        replica
    }

    /// Serves `state` from now on (with its form-signing key).
    pub fn serve(&mut self, state: AppState) {
        self.secret = state.form_secret.clone();
        self.router = app(state);
    }

    pub async fn send(&self, request: Request<Body>) -> Answer {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = response
            .into_body()
            .collect()
            .await
            .unwrap()
            .to_bytes()
            .to_vec();
        Answer {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&self, uri: &str) -> Answer {
        self.send(Request::get(uri).body(Body::empty()).unwrap())
            .await
    }

    /// A GET with the browser's headers (`Cookie`, `Accept-Language`…).
    pub async fn get_with(&self, uri: &str, headers: &[(header::HeaderName, &str)]) -> Answer {
        let mut request = Request::get(uri);
        for (name, value) in headers {
            request = request.header(name, *value);
        }
        self.send(request.body(Body::empty()).unwrap()).await
    }

    /// A form token for the article, issued ten seconds ago (as if a reader had typed).
    pub fn form_token(&self, slug: &str) -> String {
        let issued = chrono::Utc::now().timestamp_millis() - 10_000;
        infoshos_server::form_token::issue(&self.secret, slug, issued)
    }

    /// Posts JSON; a comment without a `token` field gets a valid one, as the form sends.
    pub async fn post_json(&self, uri: &str, body: &Value) -> Answer {
        let mut body = body.clone();
        if let (Some(slug), Some(fields)) = (
            uri.strip_prefix("/api/articles/")
                .and_then(|rest| rest.strip_suffix("/comments")),
            body.as_object_mut(),
        ) && !fields.contains_key("token")
        {
            fields.insert("token".into(), Value::String(self.form_token(slug)));
        }
        self.send(
            Request::post(uri)
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(body.to_string()))
                .unwrap(),
        )
        .await
    }
}
