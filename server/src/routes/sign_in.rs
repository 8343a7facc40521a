//! Getting in and out of `/admin`: who is signed in, the one-time set-up of the first admin,
//! sign-in by name and password (and the second factor's code), joining from an invitation,
//! signing out. Passwords are never logged: a failure names the account at most.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use infoshos::i18n::admin::admin_ui;
use infoshos::i18n::admin::people::people_ui;
use infoshos_model::Lang;
use infoshos_model::accounts::{Join, Me, SessionState, SetUp, SignIn, credential_problem};
use infoshos_model::admin::SignedIn;

use super::now_ms;
use crate::accounts::{self, code_step};
use crate::admin::{self, Editor};
use crate::app::AppState;
use crate::edition::Speaks;
use crate::error::{AppError, JsonBody};
use crate::recovery;
use crate::storage::Outcome;

fn with_cookie(signed_in: bool, cookie: &str) -> Response {
    let mut response = Json(SignedIn { signed_in }).into_response();
    if let Ok(value) = HeaderValue::from_str(cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

fn user_agent(headers: &HeaderMap) -> &str {
    headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

/// Opens a session for the account and answers with its cookie.
pub(super) async fn signed_in(
    state: &AppState,
    account_id: i64,
    headers: &HeaderMap,
) -> Result<Response, AppError> {
    let cookie = admin::open_session(
        &state.storage,
        account_id,
        user_agent(headers),
        state.tls,
        now_ms(),
    )
    .await?;
    Ok(with_cookie(true, &cookie))
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
        let ok = admin::token_matches(&state.storage, &form.token).await?;
        (ok, admin::TOKEN_SETTING)
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
    let hash = accounts::hash_password(form.password).await?;
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
    let account = state.storage.account(&form.username).await?;
    let id = account.map(|a| a.id).ok_or(AppError::Internal)?;
    signed_in(&state, id, &headers).await
}

/// Sign-in by name and password, and the second factor's code for those who have one. Paced
/// per client (the route's layer) and per account (here).
pub async fn login(
    State(state): State<AppState>,
    Speaks(lang): Speaks,
    headers: HeaderMap,
    JsonBody(form): JsonBody<SignIn>,
) -> Result<Response, AppError> {
    let words = people_ui(lang);
    let name = form.username.trim().to_lowercase();
    if let Some(wait) = state.account_sign_ins.take(&name).await? {
        tracing::warn!(username = %name, "sign-in paced for this account");
        return Ok(crate::rate_limit::too_many(
            wait,
            "sign-in attempts for this account",
        ));
    }
    let account = state.storage.account(&name).await?;
    let stored = account.as_ref().map(|a| a.password_hash.clone());
    if !accounts::password_matches(form.password, stored).await {
        tracing::warn!(username = %name, "failed editor sign-in");
        return Err(AppError::Unauthorized(words.wrong_password));
    }
    let Some(account) = account else {
        return Err(AppError::Unauthorized(words.wrong_password));
    };
    if account.disabled {
        return Err(AppError::Forbidden(words.account_disabled));
    }
    if let Some(secret) = &account.totp_secret {
        let code = form.code.as_deref().unwrap_or_default();
        if code.trim().is_empty() {
            return Err(AppError::Unauthorized(words.code_needed));
        }
        let now_s = u64::try_from(chrono::Utc::now().timestamp()).unwrap_or_default();
        let fresh = match code_step(secret, &account.username, code, now_s) {
            Some(step) => state.storage.spend_totp_step(account.id, step).await?,
            None => false,
        };
        if !fresh {
            tracing::warn!(username = %name, "wrong second-factor code");
            return Err(AppError::Unauthorized(words.code_wrong));
        }
    }
    signed_in(&state, account.id, &headers).await
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
    let hash = accounts::hash_password(form.password).await?;
    let code_hash = admin::sha256_hex(form.code.trim());
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
    let account = state.storage.account(&form.username).await?;
    let id = account.map(|a| a.id).ok_or(AppError::Internal)?;
    signed_in(&state, id, &headers).await
}

pub async fn logout(State(state): State<AppState>, editor: Editor) -> Result<Response, AppError> {
    state.storage.end_session(&editor.session_hash).await?;
    Ok(with_cookie(false, &admin::closed_cookie()))
}
