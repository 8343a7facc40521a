//! Drafts kept on the server as an editor writes them: made once (`POST`), saved again and
//! again (`PUT`), published through `POST /api/admin/articles` with their `draftId`. A draft
//! needs only a headline; its body is cleaned as on publishing. A draft of another edition
//! keeps the address it is written from (`story`), for when it is opened again.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use infoshos_model::editorial::{Draft, DraftSaved};

use super::draft_check::{article, check_by};
use crate::auth::session::{May, ToWrite};
use crate::error::{AppError, JsonBody};
use crate::pages::edition::Speaks;
use crate::state::AppState;

/// A draft's address until it is published: never one a reader is given.
fn placeholder() -> String {
    format!(
        "draft-{}",
        hex::encode(&crate::form_token::new_secret()[..6])
    )
}

pub async fn create(
    State(state): State<AppState>,
    _editor: May<ToWrite>,
    Speaks(lang): Speaks,
    JsonBody(draft): JsonBody<Draft>,
) -> Result<(StatusCode, Json<DraftSaved>), AppError> {
    let checked = check_by(&state, &draft, lang, true).await?;
    let now = chrono::Utc::now().timestamp_millis();
    let id = state
        .storage
        .add_draft(&article(placeholder(), &draft, checked, now))
        .await?;
    state
        .storage
        .keep_written_from(id, draft.story.as_deref())
        .await?;
    Ok((StatusCode::CREATED, Json(DraftSaved { id })))
}

pub async fn save(
    State(state): State<AppState>,
    _editor: May<ToWrite>,
    Speaks(lang): Speaks,
    Path(id): Path<String>,
    JsonBody(draft): JsonBody<Draft>,
) -> Result<Json<DraftSaved>, AppError> {
    let id: i64 = id.parse().map_err(|_| AppError::NotFound("draft"))?;
    let checked = check_by(&state, &draft, lang, true).await?;
    let now = chrono::Utc::now().timestamp_millis();
    let kept = article(String::new(), &draft, checked, now);
    if state.storage.save_draft(id, &kept).await? {
        state
            .storage
            .keep_written_from(id, draft.story.as_deref())
            .await?;
        Ok(Json(DraftSaved { id }))
    } else {
        Err(AppError::NotFound("draft"))
    }
}
