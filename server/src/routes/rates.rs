use axum::Json;
use axum::extract::State;
use infoshos_model::Rates;

use crate::app::AppState;
use crate::error::AppError;

pub async fn show(State(state): State<AppState>) -> Result<Json<Rates>, AppError> {
    let states = state.storage.states().await?;
    crate::rates::sco_rates(&state.storage, &states)
        .await?
        .map(Json)
        .ok_or(AppError::NoRates)
}
