//! Passwords after sign-up: one's own changed (the other sessions end), and a one-time reset
//! link an admin makes for someone who forgot theirs (every session of theirs ends when it is
//! used). Neither password is ever logged.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use infoshos_i18n::admin::people::people_ui;
use infoshos_model::accounts::{Invitation, PasswordChange, RESET_FRAGMENT, Reset};
use infoshos_model::admin::{Changed, SignedIn};

use super::now_ms;
use super::sign_in::{checked, signed_in};
use crate::auth::credentials::{self, INVITATION_MS};
use crate::auth::session::{self, Editor, May, ToManagePeople};
use crate::error::{AppError, JsonBody};
use crate::pages::edition::Speaks;
use crate::state::AppState;

/// One's own password, with the current one; paced per account on its own allowance
/// (`account_checks`), so others' failed sign-ins never block it.
pub async fn change(
    State(state): State<AppState>,
    editor: Editor,
    Speaks(lang): Speaks,
    JsonBody(change): JsonBody<PasswordChange>,
) -> Result<Response, AppError> {
    let words = people_ui(lang);
    if let Some(wait) = state.account_checks.take(&editor.actor).await? {
        return Ok(crate::middleware::rate_limit::too_many(
            wait,
            "tries for this account",
        ));
    }
    let account = state.storage.account(&editor.actor).await?;
    let stored = account.map(|a| a.password_hash);
    if !credentials::password_matches(change.current, stored).await {
        tracing::warn!(username = %editor.actor, "wrong current password");
        return Err(AppError::BadRequest(words.wrong_current.into()));
    }
    checked(lang, &editor.actor, &change.new)?;
    let hash = credentials::hash_password(change.new).await?;
    state
        .storage
        .change_password(
            editor.account_id,
            &hash,
            &editor.session_hash,
            &editor.actor,
            now_ms(),
        )
        .await?;
    tracing::info!(username = %editor.actor, "password changed");
    Ok(Json(Changed { changed: 1 }).into_response())
}

/// A one-time link that sets a new password for `username`, good for `INVITATION_MS`.
pub async fn reset_link(
    State(state): State<AppState>,
    May { editor: admin, .. }: May<ToManagePeople>,
    Path(username): Path<String>,
) -> Result<Json<Invitation>, AppError> {
    let code = hex::encode(crate::form_token::new_secret());
    let (now, hash) = (now_ms(), session::sha256_hex(&code));
    let expires = now + INVITATION_MS;
    let filed = state
        .storage
        .add_reset_link(&hash, &username, &admin.actor, now, expires)
        .await?;
    let role = match state.storage.account(&username).await? {
        Some(account) if filed => account.role,
        _ => return Err(AppError::NotFound("account")),
    };
    Ok(Json(Invitation {
        link: format!("{}/admin/{RESET_FRAGMENT}{code}", state.public_url),
        role,
        expires_at: crate::storage::millis_to_utc(expires),
    }))
}

/// A new password through a reset link: once, until it expires; then signed in, unless the
/// account has a second factor: then the person signs in with the new password and a code
/// (decision 0015: a link sent by mail is one factor, not two).
pub async fn reset(
    State(state): State<AppState>,
    Speaks(lang): Speaks,
    headers: HeaderMap,
    JsonBody(form): JsonBody<Reset>,
) -> Result<Response, AppError> {
    let words = people_ui(lang);
    let code_hash = session::sha256_hex(form.code.trim());
    let Some(owner) = state.storage.reset_link_owner(&code_hash, now_ms()).await? else {
        return Err(AppError::Gone(words.invitation_spent));
    };
    checked(lang, &owner, &form.password)?;
    let hash = credentials::hash_password(form.password).await?;
    let Some(id) = state
        .storage
        .reset_password(&code_hash, &hash, now_ms())
        .await?
    else {
        return Err(AppError::Gone(words.invitation_spent));
    };
    tracing::info!(account = %owner, "password set through a reset link");
    let account = state.storage.account(&owner).await?;
    match account {
        Some(a) if a.id == id && a.totp_secret.is_none() => signed_in(&state, &a, &headers).await,
        _ => Ok(Json(SignedIn { signed_in: false }).into_response()),
    }
}
