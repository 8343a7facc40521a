//! Getting in and out of `/admin`: who is signed in, the one-time set-up of the first admin,
//! sign-in by name and password (and the second factor's code), joining from an invitation,
//! signing out. Passwords are never logged: a failure names the account at most.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use infoshos_i18n::admin::admin_ui;
use infoshos_i18n::admin::people::people_ui;
use infoshos_model::Lang;
use infoshos_model::accounts::{Join, Me, SessionState, SetUp, SignIn, credential_problem};
use infoshos_model::admin::SignedIn;

use super::now_ms;
use crate::auth::credentials::{self, code_step};
use crate::auth::device;
use crate::auth::recovery;
use crate::auth::session::{self, Editor};
use crate::error::{AppError, JsonBody};
use crate::pages::edition::Speaks;
use crate::state::AppState;
use crate::storage::{Outcome, StoredAccount};
use crate::telemetry::metrics;

fn with_cookies(signed_in: bool, cookies: &[String]) -> Response {
    let mut response = Json(SignedIn { signed_in }).into_response();
    for cookie in cookies {
        if let Ok(value) = HeaderValue::from_str(cookie) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

fn user_agent(headers: &HeaderMap) -> &str {
    headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

/// Opens a session for the account and answers with its cookie, and the cookie that marks
/// this browser as one the account signed in from (`auth::device`).
pub(super) async fn signed_in(
    state: &AppState,
    account: &StoredAccount,
    headers: &HeaderMap,
) -> Result<Response, AppError> {
    let now = now_ms();
    let session = session::open_session(
        &state.storage,
        account.id,
        user_agent(headers),
        state.tls,
        now,
    )
    .await?;
    let device = device::cookie(&state.form_secret, &account.username, state.tls, now);
    Ok(with_cookies(true, &[session, device]))
}

/// The stored account named `username`, which a handler has just made or changed.
async fn just_made(state: &AppState, username: &str) -> Result<StoredAccount, AppError> {
    state
        .storage
        .account(username)
        .await?
        .ok_or(AppError::Internal)
}

/// A new account's name and password, or why not, in the editor's language.
pub(super) fn checked(lang: Lang, username: &str, password: &str) -> Result<(), AppError> {
    match credential_problem(username, password) {
        Some(problem) => Err(AppError::BadRequest(people_ui(lang).problem(problem))),
        None => Ok(()),
    }
}

/// Who is signed in (if anyone), and whether the set-up page is open: for the first admin,
/// or for one more with a recovery token (`recovery`).
pub async fn session(
    State(state): State<AppState>,
    editor: Result<Editor, AppError>,
) -> Result<Json<SessionState>, AppError> {
    // Signed out is an answer; a storage that cannot be read is an error, not "signed out".
    let me = match editor {
        Ok(e) => Some(Me {
            username: e.actor,
            role: e.role,
            second_factor: e.second_factor,
        }),
        Err(AppError::Unauthorized(_)) => None,
        Err(other) => return Err(other),
    };
    let set_up_needed = me.is_none()
        && (state.storage.set_up_needed().await?
            || recovery::open(&state.storage, now_ms()).await?);
    Ok(Json(SessionState { me, set_up_needed }))
}

/// An admin made with a token, once: the first-start token while there is no account, else
/// a recovery token the operator made on the server.
pub async fn set_up(
    State(state): State<AppState>,
    Speaks(lang): Speaks,
    headers: HeaderMap,
    JsonBody(form): JsonBody<SetUp>,
) -> Result<Response, AppError> {
    let words = people_ui(lang);
    let now = now_ms();
    let first = state.storage.set_up_needed().await?;
    let (token_ok, setting) = if first {
        let ok = session::token_matches(&state.storage, &form.token).await?;
        (ok, session::TOKEN_SETTING)
    } else if recovery::open(&state.storage, now).await? {
        let ok = recovery::matches(&state.storage, &form.token, now).await?;
        (ok, recovery::RECOVERY_SETTING)
    } else {
        return Err(AppError::Conflict(words.set_up_done));
    };
    if !token_ok {
        tracing::warn!("failed set-up: not the token");
        return Err(AppError::Unauthorized(admin_ui(lang).wrong_token));
    }
    checked(lang, &form.username, &form.password)?;
    let hash = credentials::hash_password(form.password).await?;
    let outcome = state
        .storage
        .set_up(&form.username, &hash, setting, now, first)
        .await?;
    match outcome {
        Outcome::Done => {}
        Outcome::NameTaken => return Err(AppError::Conflict(words.name_taken)),
        _ => return Err(AppError::Conflict(words.set_up_done)),
    }
    tracing::info!(username = %form.username, first, "an admin is set up");
    signed_in(&state, &just_made(&state, &form.username).await?, &headers).await
}

/// Sign-in by name and password, and the second factor's code for those who have one. Paced
/// per client (the route's layer) and per account (here), except from a browser the account
/// signed in from before (`auth::device`). Past the account's pace only a correct password
/// with a valid second factor gets in; any other try gets the same 429, so the pace tells a
/// guesser nothing about the password.
pub async fn login(
    State(state): State<AppState>,
    Speaks(lang): Speaks,
    headers: HeaderMap,
    JsonBody(form): JsonBody<SignIn>,
) -> Result<Response, AppError> {
    let words = people_ui(lang);
    let name = form.username.trim().to_lowercase();
    let now = now_ms();
    let paced = if device::known(&headers, &state.form_secret, &name, now) {
        None
    } else {
        state.account_sign_ins.take(&name).await?
    };
    let account = state.storage.account(&name).await?;
    let stored = account.as_ref().map(|a| a.password_hash.clone());
    let password_right = credentials::password_matches(form.password, stored).await;
    if let Some(wait) = paced {
        let through = match &account {
            Some(a) if password_right && a.totp_secret.is_some() && !a.disabled => {
                code_spent(&state, a, form.code.as_deref()).await?
            }
            _ => false,
        };
        if !through {
            metrics::sign_in_refused("paced");
            let who = logged_name(account.as_ref(), &name);
            tracing::warn!(account = %who, "sign-in paced for this account");
            return Ok(crate::middleware::rate_limit::too_many(
                wait,
                "sign-in attempts for this account",
            ));
        }
        return signed_in(
            &state,
            account.as_ref().ok_or(AppError::Internal)?,
            &headers,
        )
        .await;
    }
    let who = logged_name(account.as_ref(), &name);
    let Some(account) = account.filter(|_| password_right) else {
        metrics::sign_in_refused("wrong_password");
        tracing::warn!(account = %who, "failed editor sign-in");
        return Err(AppError::Unauthorized(words.wrong_password));
    };
    if account.disabled {
        metrics::sign_in_refused("disabled");
        return Err(AppError::Forbidden(words.account_disabled));
    }
    if account.totp_secret.is_some() {
        if form.code.as_deref().unwrap_or_default().trim().is_empty() {
            metrics::sign_in_refused("code_needed");
            return Err(AppError::Unauthorized(words.code_needed));
        }
        if !code_spent(&state, &account, form.code.as_deref()).await? {
            metrics::sign_in_refused("code_wrong");
            tracing::warn!(account = %account.username, "wrong second-factor code");
            return Err(AppError::Unauthorized(words.code_wrong));
        }
    }
    signed_in(&state, &account, &headers).await
}

/// Whether `code` is the account's current second-factor code, spending its time step (each
/// code works once: RFC 6238 §5.2). False for an account without a second factor.
pub(super) async fn code_spent(
    state: &AppState,
    account: &StoredAccount,
    code: Option<&str>,
) -> Result<bool, AppError> {
    let (Some(secret), Some(code)) = (&account.totp_secret, code) else {
        return Ok(false);
    };
    let now_s = u64::try_from(chrono::Utc::now().timestamp()).unwrap_or_default();
    Ok(match code_step(secret, &account.username, code, now_s) {
        Some(step) => state.storage.spend_totp_step(account.id, step).await?,
        None => false,
    })
}

/// How a failed sign-in names who it was for: an account's name (names are plain letters,
/// digits and dots: `credential_problem`), or for a name that matches no account, a short hash
/// of what was typed, which may be a password typed into the wrong field.
fn logged_name(account: Option<&StoredAccount>, typed: &str) -> String {
    match account {
        Some(a) => a.username.clone(),
        None => format!("unknown:{}", &session::sha256_hex(typed)[..8]),
    }
}

/// An account from an invitation link: the code works once, until it expires.
pub async fn join(
    State(state): State<AppState>,
    Speaks(lang): Speaks,
    headers: HeaderMap,
    JsonBody(form): JsonBody<Join>,
) -> Result<Response, AppError> {
    let words = people_ui(lang);
    checked(lang, &form.username, &form.password)?;
    let hash = credentials::hash_password(form.password).await?;
    let code_hash = session::sha256_hex(form.code.trim());
    match state
        .storage
        .join(&code_hash, &form.username, &hash, now_ms())
        .await?
    {
        Outcome::Done => {}
        Outcome::NameTaken => return Err(AppError::Conflict(words.name_taken)),
        _ => return Err(AppError::Gone(words.invitation_spent)),
    }
    tracing::info!(username = %form.username, "joined from an invitation");
    signed_in(&state, &just_made(&state, &form.username).await?, &headers).await
}

pub async fn logout(State(state): State<AppState>, editor: Editor) -> Result<Response, AppError> {
    state.storage.end_session(&editor.session_hash).await?;
    Ok(with_cookies(false, &[session::closed_cookie(state.tls)]))
}
