//! `GET /api/admin/articles?lang=&country=&status=&q=`: the editors' list of every article,
//! on the portal or taken off it, newest first (at most `INDEX_LIMIT`), and how many match.

use axum::Json;
use axum::extract::State;
use infoshos_model::article_index::{ArticleIndex, INDEX_LIMIT, IndexFilter};
use serde::Deserialize;

use crate::auth::session::{May, ToWrite};
use crate::error::{AppError, QueryParams};
use crate::state::AppState;

#[derive(Deserialize)]
pub struct IndexParams {
    lang: Option<String>,
    country: Option<String>,
    status: Option<String>,
    q: Option<String>,
}

pub async fn list(
    State(state): State<AppState>,
    _editor: May<ToWrite>,
    QueryParams(p): QueryParams<IndexParams>,
) -> Result<Json<ArticleIndex>, AppError> {
    let filter = IndexFilter::parse(
        p.lang.as_deref(),
        p.country.as_deref(),
        p.status.as_deref(),
        p.q.as_deref(),
    )
    .map_err(AppError::BadRequest)?;
    Ok(Json(
        state.storage.article_index(&filter, INDEX_LIMIT).await?,
    ))
}
