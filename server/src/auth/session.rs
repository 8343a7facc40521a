//! Editors' sessions and who may do what. Each editor has a named account (`accounts`); a
//! session lives in an HttpOnly, SameSite=Strict cookie (Secure behind TLS) whose value is kept
//! only as a hash. The first-start token (from `INFOSHOS_ADMIN_TOKEN`, or made at first start
//! and printed once; only its SHA-256 is kept, compared in constant time) makes the first admin
//! on the set-up page, once.

use std::marker::PhantomData;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum_extra::extract::cookie::CookieJar;
use cookie::time::Duration;
use cookie::{Cookie, CookieBuilder, SameSite};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use infoshos_model::accounts::{Power, Role};

use crate::error::AppError;
use crate::state::AppState;
use crate::storage::Storage;

pub const COOKIE: &str = "infoshos_admin";
pub const SESSION_MS: i64 = 12 * 60 * 60 * 1000;
pub const TOKEN_SETTING: &str = "admin_token_sha256";

pub fn sha256_hex(s: &str) -> String {
    hex::encode(Sha256::digest(s.as_bytes()))
}

fn random_hex() -> String {
    hex::encode(crate::form_token::new_secret())
}

/// Makes sure there is a first-start token while the portal has no account. Returns a newly
/// made one, to be shown once. Once the first admin is set up there is no token: a given one
/// is ignored (and the log says so).
pub async fn ensure_token(
    storage: &Storage,
    given: Option<&str>,
) -> Result<Option<String>, sqlx::Error> {
    if !storage.set_up_needed().await? {
        if given.is_some_and(|t| !t.is_empty()) {
            tracing::info!("INFOSHOS_ADMIN_TOKEN is not needed: the first admin is set up");
        }
        return Ok(None);
    }
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

/// Whether `token` is the first-start token; the digests are compared in constant time.
pub async fn token_matches(storage: &Storage, token: &str) -> Result<bool, sqlx::Error> {
    let Some(stored) = storage.setting(TOKEN_SETTING).await? else {
        return Ok(false);
    };
    let given = Sha256::digest(token.as_bytes());
    Ok(bool::from(given.as_slice().ct_eq(&stored)))
}

/// The longest browser description kept with a session (to tell sessions apart in a list).
const USER_AGENT_MAX: usize = 200;

/// Starts a session for the account: returns the cookie to set.
pub async fn open_session(
    storage: &Storage,
    account_id: i64,
    user_agent: &str,
    tls: bool,
    now_ms: i64,
) -> Result<String, sqlx::Error> {
    let id = random_hex();
    let user_agent: String = user_agent.chars().take(USER_AGENT_MAX).collect();
    storage
        .add_session(
            &sha256_hex(&id),
            account_id,
            &user_agent,
            now_ms,
            now_ms + SESSION_MS,
        )
        .await?;
    Ok(session_cookie(id, SESSION_MS / 1000)
        .secure(tls)
        .build()
        .to_string())
}

/// The cookie that ends a session in the browser: Secure behind TLS like the one it replaces
/// (a browser keeps a Secure cookie from being overwritten by one that is not).
pub fn closed_cookie(tls: bool) -> String {
    session_cookie(String::new(), 0)
        .secure(tls)
        .build()
        .to_string()
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

/// A signed-in person on an enabled account, or a 401.
pub struct Editor {
    pub account_id: i64,
    /// How the audit names them: their account's name.
    pub actor: String,
    pub role: Role,
    pub second_factor: bool,
    pub session_hash: String,
}

impl FromRequestParts<AppState> for Editor {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let signed_out = || AppError::Unauthorized("Please sign in as an editor.");
        let id = session_id(parts).ok_or_else(signed_out)?;
        let hash = sha256_hex(&id);
        let now = chrono::Utc::now().timestamp_millis();
        let owner = state
            .storage
            .session_owner(&hash, now)
            .await?
            .ok_or_else(signed_out)?;
        Ok(Editor {
            account_id: owner.account_id,
            actor: owner.username,
            role: owner.role,
            second_factor: owner.second_factor,
            session_hash: hash,
        })
    }
}

/// The kind of action a route is for (`May<ToWrite>` in a handler's arguments).
pub trait Needs: Send + Sync {
    const POWER: Power;
}

pub struct ToModerate;
pub struct ToWrite;
pub struct ToManagePeople;

impl Needs for ToModerate {
    const POWER: Power = Power::Moderate;
}
impl Needs for ToWrite {
    const POWER: Power = Power::Write;
}
impl Needs for ToManagePeople {
    const POWER: Power = Power::People;
}

/// A signed-in person whose role allows the route's kind of action (`Role::may`); a 401 when
/// signed out, a 403 when the role does not allow it. A handler cannot run without it, so no
/// route relies on `/admin` hiding a button.
pub struct May<N: Needs> {
    pub editor: Editor,
    needs: PhantomData<N>,
}

impl<N: Needs> FromRequestParts<AppState> for May<N> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let editor = Editor::from_request_parts(parts, state).await?;
        if editor.role.may(N::POWER) {
            Ok(May {
                editor,
                needs: PhantomData,
            })
        } else {
            Err(AppError::Forbidden("Your role does not allow this."))
        }
    }
}
