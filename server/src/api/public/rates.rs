use axum::Json;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::IntoResponse;
use chrono::{NaiveDate, Utc};
use infoshos_model::convert::ROUBLE;
use infoshos_model::rate_chart::{self, Frame};
use infoshos_model::rates::{DEFAULT_HISTORY_DAYS, HISTORY_DAYS};
use infoshos_model::{RateDay, RateHistory, Rates};
use serde::Deserialize;

use crate::error::{AppError, QueryParams};
use crate::state::AppState;

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
    QueryParams(p): QueryParams<HistoryParams>,
) -> Result<Json<RateHistory>, AppError> {
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
    Ok(Json(read_history(&state, code, days).await?))
}

/// How many days a sparkline draws.
const SPARKLINE_DAYS: u32 = 30;

/// The sparkline's box: as the rates table shows it, in CSS pixels.
const SPARKLINE: Frame = Frame {
    width: 64.0,
    height: 20.0,
    pad: 2.0,
};

/// `GET /api/rates/{code}/sparkline.svg`: the last 30 days of an SCO currency's rate as a small
/// SVG line, for the rates table's rows (an image, so the reader's wasm carries no drawing
/// code and no series). Only numbers go into it. One day or none: an empty box of the same
/// size. A mid blue, which reads on the light and the dark theme alike.
pub async fn sparkline(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Result<impl IntoResponse, AppError> {
    let history = read_history(&state, code, SPARKLINE_DAYS).await?;
    let dates: Vec<NaiveDate> = history.days.iter().map(|d| d.date).collect();
    let values: Vec<f64> = history.days.iter().map(|d| d.per_unit).collect();
    let line = if values.len() > 1 {
        let points = rate_chart::points(SPARKLINE, &dates, &values);
        format!(
            "<polyline points=\"{}\" fill=\"none\" stroke=\"#3d7fd6\" stroke-width=\"1.5\" \
             stroke-linejoin=\"round\" stroke-linecap=\"round\"/>",
            rate_chart::polyline(&points)
        )
    } else {
        String::new()
    };
    let Frame { width, height, .. } = SPARKLINE;
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" \
         width=\"{width}\" height=\"{height}\" data-points=\"{}\">{line}</svg>",
        values.len()
    );
    Ok((
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, crate::feeds::discovery::SHORT_PUBLIC),
        ],
        svg,
    ))
}

/// The days held of `code` (an SCO currency, not the rouble) in the last `days`.
async fn read_history(state: &AppState, code: String, days: u32) -> Result<RateHistory, AppError> {
    let states = state.storage.states().await?;
    let Some(sco) = states
        .iter()
        .find(|s| s.currency == code && s.currency != ROUBLE)
    else {
        return Err(AppError::NotFound("SCO currency"));
    };
    let since = Utc::now().date_naive() - chrono::Duration::days(i64::from(days));
    let mut stored = state.storage.rate_history(&sco.currency, since).await?;
    // From `since` to today is `days` + 1 dates (and the CBR dates a rate for tomorrow once it
    // is set): the newest `days` of them are the answer, never one more than asked for.
    let extra = stored.len().saturating_sub(days as usize);
    stored.drain(..extra);
    Ok(RateHistory {
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
    })
}
