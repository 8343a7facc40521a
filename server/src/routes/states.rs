use axum::Json;
use axum::extract::State;
use infoshos_model::State as ScoState;

use crate::app::AppState;
use crate::error::AppError;

pub async fn list(State(state): State<AppState>) -> Result<Json<Vec<ScoState>>, AppError> {
    Ok(Json(state.storage.states().await?))
}
