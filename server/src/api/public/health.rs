//! Liveness and readiness, for load balancers, orchestrators and the test harnesses.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::state::AppState;

/// Liveness: the process answers. A database that is down is no reason to restart it.
pub async fn show() -> Json<Value> {
    Json(json!({ "status": "ok" }))
}

/// Readiness: 200 when the database answers, 503 while it does not, so a balancer sends
/// readers to a replica that can serve them.
/// A balancer's probe should not wait for the pool's own 10 s to learn the database is gone.
pub async fn ready(State(state): State<AppState>) -> (StatusCode, Json<Value>) {
    let within = std::time::Duration::from_secs(2);
    match tokio::time::timeout(within, state.storage.ping()).await {
        Ok(Ok(())) => (StatusCode::OK, Json(json!({ "status": "ready" }))),
        failed => {
            let why = match failed {
                Ok(Err(err)) => err.to_string(),
                _ => "no answer within 2 s".to_string(),
            };
            tracing::warn!(error = %why, "readiness: the database does not answer");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({ "status": "unavailable" })),
            )
        }
    }
}
