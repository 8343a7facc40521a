//! Editors: one shared token (from `INFOSHOS_ADMIN_TOKEN`, or made at first start and printed
//! once; only its SHA-256 is kept), checked in constant time, and a session in an HttpOnly,
//! SameSite=Strict cookie (Secure behind TLS) whose value is also kept only as a hash.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum_extra::extract::cookie::CookieJar;
use cookie::time::Duration;
use cookie::{Cookie, CookieBuilder, SameSite};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::app::AppState;
use crate::error::AppError;
use crate::storage::Storage;

pub const COOKIE: &str = "infoshos_admin";
pub const SESSION_MS: i64 = 12 * 60 * 60 * 1000;
const TOKEN_SETTING: &str = "admin_token_sha256";

pub fn sha256_hex(s: &str) -> String {
    hex::encode(Sha256::digest(s.as_bytes()))
}

fn random_hex() -> String {
    hex::encode(crate::form_token::new_secret())
}

/// Makes sure there is an editors' token. Returns a newly made one, to be shown once.
pub async fn ensure_token(
    storage: &Storage,
    given: Option<&str>,
) -> Result<Option<String>, sqlx::Error> {
    if let Some(token) = given.filter(|t| !t.is_empty()) {
        storage
            .set_setting(TOKEN_SETTING, &Sha256::digest(token.as_bytes()))
            .await?;
        return Ok(None);
    }
    if storage.setting(TOKEN_SETTING).await?.is_some() {
        return Ok(None);
    }
    let token = random_hex();
    storage
        .set_setting(TOKEN_SETTING, &Sha256::digest(token.as_bytes()))
        .await?;
    Ok(Some(token))
}

/// Whether `token` is the editors' token; the digests are compared in constant time.
pub async fn token_matches(storage: &Storage, token: &str) -> Result<bool, sqlx::Error> {
    let Some(stored) = storage.setting(TOKEN_SETTING).await? else {
        return Ok(false);
    };
    let given = Sha256::digest(token.as_bytes());
    Ok(bool::from(given.as_slice().ct_eq(&stored)))
}

/// Starts a session: returns the cookie to set.
pub async fn open_session(
    storage: &Storage,
    tls: bool,
    now_ms: i64,
) -> Result<String, sqlx::Error> {
    let id = random_hex();
    storage
        .add_session(&sha256_hex(&id), now_ms, now_ms + SESSION_MS)
        .await?;
    Ok(session_cookie(id, SESSION_MS / 1000)
        .secure(tls)
        .build()
        .to_string())
}

/// The cookie that ends a session in the browser.
pub fn closed_cookie() -> String {
    session_cookie(String::new(), 0).build().to_string()
}

/// The session cookie: only for the editors' API, never readable by scripts or sent from
/// another site.
fn session_cookie(value: String, max_age_s: i64) -> CookieBuilder<'static> {
    Cookie::build((COOKIE, value))
        .http_only(true)
        .same_site(SameSite::Strict)
        .path("/api/admin")
        .max_age(Duration::seconds(max_age_s))
}

fn session_id(parts: &Parts) -> Option<String> {
    CookieJar::from_headers(&parts.headers)
        .get(COOKIE)
        .map(|c| c.value().to_owned())
        .filter(|id| !id.is_empty())
}

/// A signed-in editor, or a 401.
pub struct Editor {
    /// How the audit names this editor: the session's hash, shortened.
    pub actor: String,
    pub session_hash: String,
}

impl FromRequestParts<AppState> for Editor {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let signed_out = || AppError::Unauthorized("Please sign in as an editor.");
        let id = session_id(parts).ok_or_else(signed_out)?;
        let hash = sha256_hex(&id);
        let now = chrono::Utc::now().timestamp_millis();
        if state.storage.session_alive(&hash, now).await? {
            Ok(Editor {
                actor: format!("editor session {}", &hash[..8]),
                session_hash: hash,
            })
        } else {
            Err(signed_out())
        }
    }
}
