//! The state every handler shares: the storage, the settings checked at start and what is
//! kept in memory. A leaf: it names what it holds and imports no handler or router.

use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::extract::FromRef;

use crate::middleware::framing;
use crate::middleware::rate_limit::Quota;
use crate::storage::Storage;

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
    pub account_sign_ins: crate::middleware::rate_limit::Pace,
    /// A signed-in person's own checks (the current password to change it, a code and the
    /// password to turn the second factor off), per account: apart from sign-ins, so nobody
    /// else's failed sign-ins block them.
    pub account_checks: crate::middleware::rate_limit::Pace,
    /// Photos being processed, one per core (`media::process`).
    pub photo_workers: crate::media::process::Workers,
    /// Photo variants kept in memory (`media::serve`).
    pub served: crate::media::serve::Served,
    /// Readings of articles counted since the last batch (`most_read`).
    pub reads: crate::most_read::tally::Tally,
    /// New stories as they land, told to the open feed pages (`live`).
    pub live: crate::live::desk::Desk,
    /// Asks other sites what a link in an article leads to (`api::newsroom::link_check`).
    pub link_check: crate::api::newsroom::link_check::Checker,
}

fn account_pace(
    storage: &Storage,
    quota: Quota,
    bucket: &'static str,
    what: &'static str,
) -> crate::middleware::rate_limit::Pace {
    let clients = crate::middleware::rate_limit::ClientIp::default();
    crate::middleware::rate_limit::Pace::new(storage, quota, clients, bucket, what)
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
            reads: Default::default(),
            live: Default::default(),
            link_check: crate::api::newsroom::link_check::Checker::new(false),
        }
    }

    /// Lets the link check ask addresses inside the network (the tests' own small servers).
    pub fn with_private_links_checked(mut self) -> AppState {
        self.link_check = crate::api::newsroom::link_check::Checker::new(true);
        self
    }

    /// Counts no readings (`INFOSHOS_NO_READ_COUNTS`, for `make bench`'s comparison).
    pub fn without_read_counts(mut self) -> AppState {
        self.reads = crate::most_read::tally::Tally::off();
        self
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

// What each middleware is given of the state: only what it reads.
impl FromRef<AppState> for crate::middleware::framing::Ancestors {
    fn from_ref(state: &AppState) -> Self {
        Self(state.embed_ancestors.clone())
    }
}

impl FromRef<AppState> for crate::middleware::security::PublicUrl {
    fn from_ref(state: &AppState) -> Self {
        Self(state.public_url.clone())
    }
}

impl FromRef<AppState> for crate::answer_cache::Answers {
    fn from_ref(state: &AppState) -> Self {
        Self {
            storage: state.storage.clone(),
            kept: state.answers.clone(),
        }
    }
}
