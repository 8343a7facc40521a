use axum::Json;
use axum::extract::State;
use infoshos_model::State as ScoState;
use infoshos_model::state_names;
use serde::Deserialize;

use super::articles::parse_lang;
use crate::error::{AppError, QueryParams};
use crate::state::AppState;

#[derive(Deserialize)]
pub struct StatesParams {
    lang: Option<String>,
}

/// The 27 states, their names, capitals and currencies in the edition's language (English
/// when none is named).
pub async fn list(
    State(state): State<AppState>,
    QueryParams(p): QueryParams<StatesParams>,
) -> Result<Json<Vec<ScoState>>, AppError> {
    let lang = parse_lang(p.lang.as_deref())?;
    let mut states = state.storage.states().await?;
    for s in &mut states {
        if let Some((name, capital, currency)) = state_names::in_lang(lang, &s.code) {
            s.name = name.into();
            s.capital = capital.into();
            s.currency_name = currency.into();
        }
    }
    Ok(Json(states))
}
