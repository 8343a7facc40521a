use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::Utc;
use infoshos_model::{Comment, CommentCreated, CommentStatus, NewComment, validate_comment};

use crate::app::AppState;
use crate::error::AppError;

pub async fn list(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<Json<Vec<Comment>>, AppError> {
    let id = state
        .storage
        .article_id(&slug)
        .await?
        .ok_or(AppError::NotFound("Article"))?;
    Ok(Json(state.storage.comments(id).await?))
}

pub async fn create(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    body: Result<Json<NewComment>, JsonRejection>,
) -> Result<(StatusCode, Json<CommentCreated>), AppError> {
    let id = state
        .storage
        .article_id(&slug)
        .await?
        .ok_or(AppError::NotFound("Article"))?;
    let Json(comment) = body?;
    // A filled honeypot is a bot: it gets the answer a person would, and nothing is stored.
    if !comment.website.trim().is_empty() {
        tracing::info!(slug, "honeypot comment dropped");
        return Ok((
            StatusCode::CREATED,
            Json(CommentCreated {
                id: 0,
                status: CommentStatus::Pending,
            }),
        ));
    }
    validate_comment(&comment).map_err(AppError::InvalidComment)?;
    let status = CommentStatus::Published;
    let comment_id = state
        .storage
        .insert_comment(id, &comment, status, Utc::now().timestamp_millis())
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(CommentCreated {
            id: comment_id,
            status,
        }),
    ))
}
