use axum::Json;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use infoshos_model::sections::unknown_section_message;
use infoshos_model::validation::is_country_code;
use infoshos_model::{Article, ArticleList, Lang, Section};
use serde::Deserialize;

use crate::cursor;
use crate::error::{AppError, QueryParams};
use crate::form_token;
use crate::state::AppState;
use crate::storage::FeedOf;

pub const DEFAULT_LIMIT: u32 = 20;
pub const MAX_LIMIT: u32 = 50;

/// Everything arrives as text so each bad value gets its own plain message.
#[derive(Deserialize)]
pub struct FeedParams {
    lang: Option<String>,
    limit: Option<String>,
    cursor: Option<String>,
    country: Option<String>,
    section: Option<String>,
}

pub async fn list(
    State(state): State<AppState>,
    QueryParams(p): QueryParams<FeedParams>,
) -> Result<Json<ArticleList>, AppError> {
    let lang = parse_lang(p.lang.as_deref())?;
    let limit = match p.limit.as_deref() {
        None => DEFAULT_LIMIT,
        Some(s) => s
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=MAX_LIMIT).contains(n))
            .ok_or_else(|| {
                AppError::BadRequest(format!(
                    "limit must be a whole number from 1 to {MAX_LIMIT}."
                ))
            })?,
    };
    let after = match p.cursor.as_deref() {
        None => None,
        Some(s) => Some(cursor::decode(s).ok_or_else(|| {
            AppError::BadRequest(
                "cursor is not one this server issued; start again without it.".into(),
            )
        })?),
    };
    let country = p.country.as_deref().map(parse_country).transpose()?;
    let section = p.section.as_deref().map(parse_section).transpose()?;
    let of = FeedOf {
        country: country.as_deref(),
        section,
    };
    let (items, next) = state.storage.feed(lang, of, limit, after).await?;
    Ok(Json(ArticleList {
        items,
        next_cursor: next.map(cursor::encode),
    }))
}

/// An article. Opened in the app (a reader's browser asking), it is one reading for "Most
/// read"; the server asking for the page it draws names no browser, so a page load counts once
/// (there, `pages::send`).
pub async fn show(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> Result<Json<Article>, AppError> {
    let mut article = state
        .storage
        .article(&slug)
        .await?
        .ok_or(AppError::NotFound("Article"))?;
    state.reads.count_reading(&slug, &headers);
    let now = chrono::Utc::now().timestamp_millis();
    // Each reading of the article gets a fresh form token for its comment form.
    article.form_token = Some(form_token::issue(&state.form_secret, &slug, now));
    Ok(Json(article))
}

pub fn parse_lang(code: Option<&str>) -> Result<Lang, AppError> {
    match code {
        None => Ok(Lang::En),
        Some(c) => Lang::from_code(c)
            .ok_or_else(|| AppError::BadRequest("lang must be one of en, ru, zh.".into())),
    }
}

pub(crate) fn parse_country(code: &str) -> Result<String, AppError> {
    if is_country_code(code) {
        Ok(code.to_string())
    } else {
        Err(AppError::BadRequest(
            "country must be a two-letter ISO code in capitals, such as KZ.".into(),
        ))
    }
}

pub(crate) fn parse_section(key: &str) -> Result<Section, AppError> {
    Section::from_key(key).ok_or_else(|| AppError::BadRequest(unknown_section_message()))
}
