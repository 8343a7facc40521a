//! The editors' API: the moderation queue, actions on comments, and the audit.

use axum::Json;
use axum::extract::State;
use infoshos_model::CommentStatus;
use infoshos_model::admin::{AuditFilter, Changed, Moderation, QueuedComment};
use serde::Deserialize;

use crate::auth::session::{Editor, May, ToModerate};
use crate::error::{AppError, JsonBody, QueryParams};
use crate::state::AppState;

#[derive(Deserialize)]
pub struct QueueQuery {
    status: Option<String>,
}

/// Comments with a status (pending by default), newest first.
pub async fn queue(
    State(state): State<AppState>,
    _moderator: May<ToModerate>,
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
    May { editor, .. }: May<ToModerate>,
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
