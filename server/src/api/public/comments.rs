use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use chrono::Utc;
use infoshos_model::comments::{MINE_MAX, is_valid_key};
use infoshos_model::{Comment, CommentCreated, CommentStatus, NewComment, validate_comment};
use infoshos_model::{CommentProblems, Problem, spam};

use serde::Deserialize;

use crate::error::{AppError, JsonBody};
use crate::form_token;
use crate::state::AppState;

#[derive(Deserialize)]
pub struct ListQuery {
    /// Comma-separated keys of the reader's own comments: those still waiting come back too.
    mine: Option<String>,
}

pub async fn list(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(q): Query<ListQuery>,
) -> Result<Json<Vec<Comment>>, AppError> {
    let mine: Vec<String> = q
        .mine
        .as_deref()
        .unwrap_or_default()
        .split(',')
        .filter(|k| !k.is_empty())
        .map(str::to_string)
        .collect();
    if mine.len() > MINE_MAX || !mine.iter().all(|k| is_valid_key(k)) {
        return Err(AppError::BadRequest(format!(
            "mine takes up to {MINE_MAX} comment keys, separated by commas."
        )));
    }
    let id = state
        .storage
        .article_id(&slug)
        .await?
        .ok_or(AppError::NotFound("Article"))?;
    Ok(Json(state.storage.comments(id, &mine).await?))
}

pub async fn create(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    JsonBody(comment): JsonBody<NewComment>,
) -> Result<(StatusCode, Json<CommentCreated>), AppError> {
    // The reader is answered in the article's language: they read it, so they write in it.
    let (id, lang) = state
        .storage
        .article_id_and_lang(&slug)
        .await?
        .ok_or(AppError::NotFound("Article"))?;
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
    validate_comment(&comment).map_err(|p| AppError::InvalidComment(p, lang))?;
    if comment.key.as_deref().is_some_and(|k| !is_valid_key(k)) {
        return Err(AppError::BadRequest(
            "The comment key must be 8 to 64 letters, digits, '-' or '_'.".into(),
        ));
    }
    // A send repeated under its key is answered as the first one was, before any other rule.
    if let Some(key) = comment.key.as_deref()
        && let Some((first, status)) = state.storage.comment_by_key(id, key).await?
    {
        return Ok((StatusCode::OK, Json(CommentCreated { id: first, status })));
    }
    let now = Utc::now().timestamp_millis();
    form_token::check(&state.form_secret, &slug, comment.token.as_deref(), now)
        .map_err(|problem| AppError::BadRequest(problem.message(lang).into()))?;
    if let Some(answered) = comment.reply_to
        && !state.storage.can_answer(id, answered).await?
    {
        // 409: the form is sound; the comment it answers is not there to answer.
        let gone = infoshos_i18n::answers::answers(lang).reply_gone;
        return Err(AppError::Conflict(gone));
    }
    if state
        .storage
        .has_recent_text(id, &comment.text, now - spam::DUPLICATE_WINDOW_MS)
        .await?
    {
        let duplicate = CommentProblems {
            text: Some(Problem::Duplicate),
            ..Default::default()
        };
        return Err(AppError::InvalidComment(duplicate, lang));
    }
    let status = if state.premoderation || spam::needs_review(&comment.text) {
        CommentStatus::Pending
    } else {
        CommentStatus::Published
    };
    let (comment_id, status, new) = state
        .storage
        .insert_comment(id, &comment, status, now)
        .await?;
    // The same key again is the same comment: the first answer, with 200 instead of 201.
    let code = if new {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((
        code,
        Json(CommentCreated {
            id: comment_id,
            status,
        }),
    ))
}
