//! The editors' API: sign in and out, the moderation queue, and actions on comments.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use infoshos_model::CommentStatus;
use infoshos_model::admin::{AuditFilter, Changed, Login, Moderation, QueuedComment, SignedIn};
use serde::Deserialize;

use crate::admin::{self, Editor};
use crate::app::AppState;
use crate::edition::Speaks;
use crate::error::{AppError, JsonBody, QueryParams};
use infoshos::i18n::admin::admin_ui;

fn with_cookie(signed_in: bool, cookie: &str) -> Response {
    let mut response = Json(SignedIn { signed_in }).into_response();
    if let Ok(value) = HeaderValue::from_str(cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

pub async fn login(
    State(state): State<AppState>,
    Speaks(lang): Speaks,
    JsonBody(login): JsonBody<Login>,
) -> Result<Response, AppError> {
    if !admin::token_matches(&state.storage, &login.token).await? {
        tracing::warn!("failed editor sign-in");
        return Err(AppError::Unauthorized(admin_ui(lang).wrong_token));
    }
    let now = chrono::Utc::now().timestamp_millis();
    let cookie = admin::open_session(&state.storage, state.tls, now).await?;
    Ok(with_cookie(true, &cookie))
}

pub async fn logout(State(state): State<AppState>, editor: Editor) -> Result<Response, AppError> {
    state.storage.end_session(&editor.session_hash).await?;
    Ok(with_cookie(false, &admin::closed_cookie()))
}

#[derive(Deserialize)]
pub struct QueueQuery {
    status: Option<String>,
}

/// Comments with a status (pending by default), newest first.
pub async fn queue(
    State(state): State<AppState>,
    _editor: Editor,
    QueryParams(q): QueryParams<QueueQuery>,
) -> Result<Json<Vec<QueuedComment>>, AppError> {
    let status = match q.status.as_deref() {
        None | Some("pending") => CommentStatus::Pending,
        Some("published") => CommentStatus::Published,
        Some("rejected") => CommentStatus::Rejected,
        Some(_) => {
            return Err(AppError::BadRequest(
                "status must be pending, published or rejected.".into(),
            ));
        }
    };
    Ok(Json(state.storage.queue(status).await?))
}

/// Approve, reject or delete one or many comments; every change goes into the audit.
pub async fn moderate(
    State(state): State<AppState>,
    editor: Editor,
    JsonBody(m): JsonBody<Moderation>,
) -> Result<Json<Changed>, AppError> {
    if m.ids.is_empty() || m.ids.len() > 500 {
        return Err(AppError::BadRequest("Give 1 to 500 comment ids.".into()));
    }
    let now = chrono::Utc::now().timestamp_millis();
    let changed = state
        .storage
        .moderate(&m.ids, m.action, &editor.actor, now)
        .await?;
    Ok(Json(Changed { changed }))
}

#[derive(Deserialize)]
pub struct AuditParams {
    action: Option<String>,
    article: Option<String>,
    actor: Option<String>,
}

/// What editors did, newest first, narrowed by action, article and who.
pub async fn audit(
    State(state): State<AppState>,
    _editor: Editor,
    QueryParams(p): QueryParams<AuditParams>,
) -> Result<Json<Vec<infoshos_model::admin::AuditEntry>>, AppError> {
    let filter = AuditFilter::parse(
        p.action.as_deref(),
        p.article.as_deref(),
        p.actor.as_deref(),
    )
    .map_err(AppError::BadRequest)?;
    Ok(Json(state.storage.audit_where(&filter).await?))
}
