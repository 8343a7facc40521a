use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use chrono::{NaiveDate, Utc};
use infoshos_model::convert::ROUBLE;
use infoshos_model::rates::{DEFAULT_HISTORY_DAYS, HISTORY_DAYS};
use infoshos_model::{RateDay, RateHistory, Rates};
use serde::Deserialize;

use crate::app::AppState;
use crate::error::AppError;

pub async fn show(State(state): State<AppState>) -> Result<Json<Rates>, AppError> {
    let states = state.storage.states().await?;
    crate::rates::sco_rates(&state.storage, &states)
        .await?
        .map(Json)
        .ok_or(AppError::NoRates)
}

#[derive(Deserialize)]
pub struct HistoryParams {
    days: Option<String>,
}

/// `GET /api/rates/{code}/history?days=N`: an SCO currency's official rate on each day the
/// portal holds in the last N days (1–366, 90 when not given), oldest first. The rouble and
/// currencies of no SCO state are 404s; a currency without days yet answers an empty list.
pub async fn history(
    State(state): State<AppState>,
    Path(code): Path<String>,
    params: Result<Query<HistoryParams>, QueryRejection>,
) -> Result<Json<RateHistory>, AppError> {
    let Query(p) = params.map_err(|e| AppError::BadRequest(e.body_text()))?;
    let days = match p.days.as_deref() {
        None => DEFAULT_HISTORY_DAYS,
        Some(s) => s
            .trim()
            .parse()
            .ok()
            .filter(|d| HISTORY_DAYS.contains(d))
            .ok_or_else(|| {
                AppError::BadRequest(format!(
                    "days is a whole number from {} to {}.",
                    HISTORY_DAYS.start(),
                    HISTORY_DAYS.end()
                ))
            })?,
    };
    let states = state.storage.states().await?;
    let Some(sco) = states
        .iter()
        .find(|s| s.currency == code && s.currency != ROUBLE)
    else {
        return Err(AppError::NotFound("SCO currency"));
    };
    let since = Utc::now().date_naive() - chrono::Duration::days(i64::from(days));
    let stored = state.storage.rate_history(&sco.currency, since).await?;
    Ok(Json(RateHistory {
        currency: sco.currency.clone(),
        days: stored
            .into_iter()
            .filter_map(|d| {
                Some(RateDay {
                    date: NaiveDate::parse_from_str(&d.date, "%Y-%m-%d").ok()?,
                    nominal: d.nominal,
                    value: d.value,
                    per_unit: d.per_unit,
                })
            })
            .collect(),
    }))
}
