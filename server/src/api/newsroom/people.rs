//! The newsroom's people: accounts and invitations (admins), open sessions (one's own, or
//! anyone's for admins) and one's own second factor.

use axum::Json;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use infoshos_i18n::admin::people::people_ui;
use infoshos_model::accounts::{
    Account, AccountChange, Code, FactorOff, INVITE_FRAGMENT, Invitation, Invite, OpenLink,
    OpenSession, Power, SecondFactorSetUp,
};
use infoshos_model::admin::Changed;
use serde::Deserialize;

use super::now_ms;
use super::sign_in::code_spent;
use crate::auth::credentials::{self, INVITATION_MS, code_step};
use crate::auth::session::{self, Editor, May, ToManagePeople};
use crate::error::{AppError, JsonBody, QueryParams};
use crate::pages::edition::Speaks;
use crate::state::AppState;
use crate::storage::Outcome;

/// Every account, with its role, state and open sessions.
pub async fn list(
    State(state): State<AppState>,
    _admin: May<ToManagePeople>,
) -> Result<Json<Vec<Account>>, AppError> {
    Ok(Json(state.storage.accounts(now_ms()).await?))
}

/// A new role, or disabled (its sessions end at once) or enabled again.
pub async fn change(
    State(state): State<AppState>,
    May { editor: admin, .. }: May<ToManagePeople>,
    Speaks(lang): Speaks,
    Path(username): Path<String>,
    JsonBody(change): JsonBody<AccountChange>,
) -> Result<Json<Changed>, AppError> {
    let outcome = state
        .storage
        .change_account(&username, &change, &admin.actor, now_ms())
        .await?;
    match outcome {
        Outcome::Done => Ok(Json(Changed { changed: 1 })),
        Outcome::LastAdmin => Err(AppError::Conflict(people_ui(lang).last_admin)),
        _ => Err(AppError::NotFound("account")),
    }
}

/// An invitation link for a role: good once, for `INVITATION_MS`. Only the code's hash is
/// kept, so the link is shown this once.
pub async fn invite(
    State(state): State<AppState>,
    May { editor: admin, .. }: May<ToManagePeople>,
    JsonBody(invite): JsonBody<Invite>,
) -> Result<Json<Invitation>, AppError> {
    let code = hex::encode(crate::form_token::new_secret());
    let now = now_ms();
    let expires = now + INVITATION_MS;
    state
        .storage
        .add_invitation(
            &session::sha256_hex(&code),
            invite.role,
            &admin.actor,
            now,
            expires,
        )
        .await?;
    Ok(Json(Invitation {
        link: format!("{}/admin/{INVITE_FRAGMENT}{code}", state.public_url),
        role: invite.role,
        expires_at: crate::storage::millis_to_utc(expires),
    }))
}

#[derive(Deserialize)]
pub struct SessionsParams {
    account: Option<String>,
}

/// Open sessions: one's own; an admin may ask for anyone's (`?account=`), or everyone's
/// (`?account=` empty).
pub async fn sessions(
    State(state): State<AppState>,
    editor: Editor,
    QueryParams(p): QueryParams<SessionsParams>,
) -> Result<Json<Vec<OpenSession>>, AppError> {
    let whose = match p.account {
        None => Some(editor.actor.clone()),
        Some(other) if other == editor.actor => Some(other),
        Some(other) if editor.role.may(Power::People) => Some(other).filter(|o| !o.is_empty()),
        Some(_) => return Err(AppError::Forbidden("Your role does not allow this.")),
    };
    Ok(Json(
        state
            .storage
            .sessions(whose.as_deref(), &editor.session_hash, now_ms())
            .await?,
    ))
}

/// Ends one session: one's own, or, for an admin, anyone's.
pub async fn end_session(
    State(state): State<AppState>,
    editor: Editor,
    Path(id): Path<String>,
) -> Result<Json<Changed>, AppError> {
    let owner = (!editor.role.may(Power::People)).then_some(editor.account_id);
    let ended = state
        .storage
        .end_session_shown(&id, owner, &editor.actor, now_ms())
        .await?;
    if ended {
        Ok(Json(Changed { changed: 1 }))
    } else {
        Err(AppError::NotFound("session"))
    }
}

/// Begins setting up one's second factor: a new secret, counted once a code from it is
/// confirmed. Asking again replaces a secret not yet confirmed.
pub async fn second_factor_begin(
    State(state): State<AppState>,
    editor: Editor,
) -> Result<Json<SecondFactorSetUp>, AppError> {
    let (secret, uri) = credentials::new_second_factor(&editor.actor).ok_or(AppError::Internal)?;
    state
        .storage
        .set_totp_pending(editor.account_id, &secret)
        .await?;
    Ok(Json(SecondFactorSetUp { secret, uri }))
}

/// Turns one's second factor on, with a code from the new secret.
pub async fn second_factor_on(
    State(state): State<AppState>,
    editor: Editor,
    Speaks(lang): Speaks,
    JsonBody(code): JsonBody<Code>,
) -> Result<Json<Changed>, AppError> {
    let account = state
        .storage
        .account(&editor.actor)
        .await?
        .ok_or(AppError::Internal)?;
    let now_s = u64::try_from(chrono::Utc::now().timestamp()).unwrap_or_default();
    let step = account
        .totp_pending
        .as_deref()
        .and_then(|s| code_step(s, &editor.actor, &code.code, now_s))
        .ok_or(AppError::BadRequest(people_ui(lang).code_wrong.into()))?;
    state
        .storage
        .set_second_factor(editor.account_id, true, step, &editor.actor, now_ms())
        .await?;
    Ok(Json(Changed { changed: 1 }))
}

/// Turns one's second factor off: the current password and a code not used before (at
/// sign-in or here), paced per client (the route's layer) and per account (`account_checks`).
pub async fn second_factor_off(
    State(state): State<AppState>,
    editor: Editor,
    Speaks(lang): Speaks,
    JsonBody(off): JsonBody<FactorOff>,
) -> Result<Response, AppError> {
    let words = people_ui(lang);
    if let Some(wait) = state.account_checks.take(&editor.actor).await? {
        return Ok(crate::middleware::rate_limit::too_many(
            wait,
            "tries for this account",
        ));
    }
    let account = state
        .storage
        .account(&editor.actor)
        .await?
        .ok_or(AppError::Internal)?;
    let stored = Some(account.password_hash.clone());
    if !credentials::password_matches(off.password, stored).await {
        tracing::warn!(account = %editor.actor, "wrong password to turn the second factor off");
        return Err(AppError::BadRequest(words.wrong_current.into()));
    }
    if !code_spent(&state, &account, Some(&off.code)).await? {
        tracing::warn!(account = %editor.actor, "wrong code to turn the second factor off");
        return Err(AppError::BadRequest(words.code_wrong.into()));
    }
    state
        .storage
        .set_second_factor(editor.account_id, false, 0, &editor.actor, now_ms())
        .await?;
    Ok(Json(Changed { changed: 1 }).into_response())
}

/// Every invitation and reset link that can still be used.
pub async fn open_links(
    State(state): State<AppState>,
    _admin: May<ToManagePeople>,
) -> Result<Json<Vec<OpenLink>>, AppError> {
    Ok(Json(state.storage.open_links(now_ms()).await?))
}

/// Revokes an open invitation or reset link (with its audit line).
pub async fn revoke(
    State(state): State<AppState>,
    May { editor: admin, .. }: May<ToManagePeople>,
    Path(id): Path<String>,
) -> Result<Json<Changed>, AppError> {
    if state
        .storage
        .revoke_link(&id, &admin.actor, now_ms())
        .await?
    {
        Ok(Json(Changed { changed: 1 }))
    } else {
        Err(AppError::NotFound("invitation or reset link"))
    }
}
