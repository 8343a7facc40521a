use std::convert::Infallible;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use axum::{Extension, Router};
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{DefaultPredicate, Predicate};
use tower_http::request_id::{PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::services::ServeDir;
use tower_http::trace::TraceLayer;

use crate::middleware::{body_limit, cache_control, deadline};
use crate::pages::send;
use crate::rate_limit::Quota;
use crate::storage::Storage;
use crate::telemetry::{metrics, request_id};
use crate::{comment_post, discovery, etag, framing, routes, security};

#[derive(Clone, Debug)]
pub struct AppState {
    pub storage: Storage,
    pub dist: PathBuf,
    /// The portal's origin, without a trailing slash (oEmbed, discovery links).
    pub public_url: String,
    /// The `frame-ancestors` sources for `/embed/` (see `framing`).
    pub embed_ancestors: String,
    /// Served over TLS (by a proxy in front): send HSTS.
    pub tls: bool,
    /// How many comments one client may post (see `rate_limit`).
    pub comment_quota: Quota,
    /// Proxies whose `X-Forwarded-For` names the client.
    pub trusted_proxies: Arc<Vec<IpAddr>>,
    /// Signs comment forms (see `form_token`); the stored one in production.
    pub form_secret: Arc<Vec<u8>>,
    /// New comments wait for an editor (`INFOSHOS_MODERATION=pre`, the default).
    pub premoderation: bool,
    /// The public API's repeated reads, answered from memory (`answer_cache`).
    pub answers: crate::answer_cache::AnswerCache,
    /// Reader pages as sent, in each encoding, kept a few seconds (`pages::finished`).
    pub pages: crate::pages::finished::FinishedPages,
    /// The built pages, read once each (`pages::shell`).
    pub shells: crate::pages::shell::Shells,
    /// How many sign-in attempts one client may make (each account has its own pace too).
    pub login_quota: Quota,
    /// Sign-in attempts per account, beside the per-client pace on the route: guessing one
    /// editor's password from many addresses is paced too (not from a browser the account
    /// signed in from before: `auth::device`).
    pub account_sign_ins: crate::rate_limit::Pace,
    /// A signed-in person's own checks (the current password to change it, a code and the
    /// password to turn the second factor off), per account: apart from sign-ins, so nobody
    /// else's failed sign-ins block them.
    pub account_checks: crate::rate_limit::Pace,
    /// Photos being processed, one per core (`media::process`).
    pub photo_workers: crate::media::process::Workers,
    /// Photo variants kept in memory (`media::serve`).
    pub served: crate::media::serve::Served,
}

fn account_pace(
    storage: &Storage,
    quota: Quota,
    bucket: &'static str,
    what: &'static str,
) -> crate::rate_limit::Pace {
    let clients = crate::rate_limit::ClientIp::default();
    crate::rate_limit::Pace::new(storage, quota, clients, bucket, what)
}

const SIGN_INS: (&str, &str) = ("account-logins", "sign-in attempts for this account");
const CHECKS: (&str, &str) = ("account-checks", "tries for this account");

impl AppState {
    pub fn new(storage: Storage, dist: &Path) -> AppState {
        AppState {
            storage: storage.clone(),
            dist: dist.to_path_buf(),
            public_url: "http://127.0.0.1:8080".into(),
            embed_ancestors: "*".into(),
            tls: false,
            comment_quota: Quota::COMMENTS,
            trusted_proxies: Arc::default(),
            form_secret: Arc::new(crate::form_token::new_secret()),
            premoderation: true,
            answers: crate::answer_cache::new_cache(),
            pages: crate::pages::finished::new_pages(),
            shells: Default::default(),
            login_quota: Quota::LOGINS,
            account_sign_ins: account_pace(&storage, Quota::LOGINS, SIGN_INS.0, SIGN_INS.1),
            account_checks: account_pace(&storage, Quota::LOGINS, CHECKS.0, CHECKS.1),
            photo_workers: Default::default(),
            served: Default::default(),
        }
    }

    pub fn with_premoderation(mut self, on: bool) -> AppState {
        self.premoderation = on;
        self
    }

    pub fn with_form_secret(mut self, secret: Vec<u8>) -> AppState {
        self.form_secret = Arc::new(secret);
        self
    }

    /// Sign-in attempts per client.
    pub fn with_login_quota(mut self, quota: Quota) -> AppState {
        self.login_quota = quota;
        self
    }

    /// Sign-in attempts per account, and each person's own checks (their own allowance of
    /// the same size).
    pub fn with_account_quota(mut self, quota: Quota) -> AppState {
        self.account_sign_ins = account_pace(&self.storage, quota, SIGN_INS.0, SIGN_INS.1);
        self.account_checks = account_pace(&self.storage, quota, CHECKS.0, CHECKS.1);
        self
    }

    pub fn with_comment_quota(mut self, quota: Quota) -> AppState {
        self.comment_quota = quota;
        self
    }

    pub fn with_trusted_proxies(mut self, proxies: Vec<IpAddr>) -> AppState {
        self.trusted_proxies = Arc::new(proxies);
        self
    }

    pub fn with_tls(mut self, tls: bool) -> AppState {
        self.tls = tls;
        self
    }

    pub fn with_public_url(mut self, url: &str) -> AppState {
        self.public_url = url.trim_end_matches('/').to_string();
        self
    }

    /// Fails on anything that is not `*` or an origin: the list goes into a header.
    pub fn with_embed_origins(mut self, origins: &str) -> Result<AppState, String> {
        self.embed_ancestors = framing::ancestors(origins)?;
        Ok(self)
    }
}

/// The whole server: the JSON API under `/api`, the built reader app everywhere else.
pub fn app(state: AppState) -> Router {
    let index = axum::handler::Handler::with_state(send::spa_index, state.clone());
    // Files trunk hashed are served precompressed when the build made .br/.gz copies.
    let assets = ServeDir::new(&state.dist)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(index);
    // The page itself always comes with its own CSP (see `security::page_policy`), also when
    // asked for by its file name (the service worker precaches /index.html).
    let page = axum::routing::get(send::spa_index);
    // One API router, built once: a comment sent by the app (JSON) and one sent by a page's
    // form without JavaScript (`comment_post`) count against the same allowance, and a page
    // being drawn asks it what it shows (`pages::render`).
    let api = routes::api(&state);
    let api_served = comment_post::Api(
        Router::new()
            .nest("/api", api.clone())
            .with_state(state.clone()),
    );
    let article = get(send::spa_index)
        .post(comment_post::post)
        .layer::<_, Infallible>(DefaultBodyLimit::max(routes::MAX_COMMENT_BODY));
    Router::new()
        .nest("/api", api)
        .route("/", page.clone())
        .route("/index.html", page.clone())
        .route("/edition-ru/", page.clone())
        .route("/edition-ru/index.html", page.clone())
        .route("/edition-zh/", page.clone())
        .route("/edition-zh/index.html", page.clone())
        .route("/occasional/", page.clone())
        .route("/occasional/index.html", page.clone())
        .route("/embed/index.html", page.clone())
        .route("/admin", page.clone())
        // Not left to `ServeDir`'s folder index: the page needs its own CSP and language.
        .route("/admin/", page.clone())
        .route("/admin/index.html", page)
        .route("/{lang}/article/{slug}", article)
        .route("/{lang}/rss.xml", get(discovery::edition_rss))
        .route(
            "/{lang}/country/{code}/rss.xml",
            get(discovery::country_rss),
        )
        .route("/edition/{lang}", get(crate::pages::edition::choose))
        .route("/media/{name}", get(crate::media::serve::variant))
        .route("/sitemap.xml", get(discovery::sitemap))
        .route("/robots.txt", get(discovery::robots))
        // Each matched route's template goes with its answer to the metrics (`track`).
        .route_layer(axum::middleware::from_fn(metrics::route_of))
        .fallback_service(assets)
        .layer(Extension(api_served))
        .layer(axum::middleware::from_fn(cache_control::cache_headers))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            framing::frame_policy,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            security::common_headers,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            security::same_origin_writes,
        ))
        // Nobody holds a connection or sends a large body for long (`body_limit`).
        .layer(axum::middleware::from_fn(body_limit::limit))
        .layer(axum::middleware::from_fn(deadline::deadline))
        // A finished page comes with its own encodings (`pages::finished`).
        .layer(CompressionLayer::new().compress_when(DefaultPredicate::new().and(not_tagged)))
        // Outside compression: each encoding of an answer gets its own strong tag.
        .layer(axum::middleware::from_fn(etag::etag))
        .layer(axum::middleware::from_fn(metrics::track))
        // Every log line of a request names its id, which the answer carries back.
        .layer(TraceLayer::new_for_http().make_span_with(request_id::span))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(request_id::NewId))
        .layer(axum::middleware::from_fn(request_id::drop_odd))
        .with_state(state)
}

/// An answer that carries its tag was finished with its encodings (`pages::finished`): the
/// tag names the bytes as they are.
fn not_tagged(
    _: axum::http::StatusCode,
    _: axum::http::Version,
    headers: &axum::http::HeaderMap,
    _: &axum::http::Extensions,
) -> bool {
    !headers.contains_key(axum::http::header::ETAG)
}
