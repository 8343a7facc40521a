//! How long an answer may take: 30 s, except a photo upload, which may wait for a free worker
//! behind others (`media::process`) and send tens of megabytes on a slow line first.

use std::time::Duration;

use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use infoshos_model::ApiError;

use super::body_limit::is_upload;

pub const MOST: Duration = Duration::from_secs(30);
pub const UPLOAD: Duration = Duration::from_secs(300);

pub async fn deadline(request: Request, next: Next) -> Response {
    let limit = if is_upload(&request) { UPLOAD } else { MOST };
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => (
            StatusCode::REQUEST_TIMEOUT,
            axum::Json(ApiError::new("The request took too long.")),
        )
            .into_response(),
    }
}
