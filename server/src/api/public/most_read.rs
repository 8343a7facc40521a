//! `GET /api/articles/most-read?lang=&period=day|week`: an edition's articles read most over the
//! last 24 hours or 7 days (the hour under way included), from the counts the server keeps
//! (`most_read`). Asked for again within a minute, a browser or proxy may answer it.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use infoshos_model::most_read::{MOST_READ, Period};
use serde::Deserialize;

use super::articles::parse_lang;
use crate::error::{AppError, QueryParams};
use crate::most_read::first_hour;
use crate::state::AppState;

#[derive(Deserialize)]
pub struct MostReadParams {
    lang: Option<String>,
    period: Option<String>,
}

pub async fn list(
    State(state): State<AppState>,
    QueryParams(p): QueryParams<MostReadParams>,
) -> Result<Response, AppError> {
    let lang = parse_lang(p.lang.as_deref())?;
    let period = match p.period.as_deref() {
        None => Period::Day,
        Some(key) => Period::from_key(key)
            .ok_or_else(|| AppError::BadRequest("period must be day or week.".into()))?,
    };
    let since = first_hour(period, chrono::Utc::now().timestamp_millis());
    let items = state.storage.most_read(lang, since, MOST_READ).await?;
    let mut answer = Json(items).into_response();
    answer.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=60"),
    );
    Ok(answer)
}
