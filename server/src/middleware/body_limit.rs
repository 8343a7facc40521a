//! How many bytes a request body may have: 64 KB, except a photo upload (`UPLOAD_MAX_BYTES` and
//! its form). A body declared larger is refused before it is read; one that grows past its
//! limit while read fails the read (the extractor's 413).

use axum::body::Body;
use axum::extract::Request;
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use infoshos_model::ApiError;

/// Every body but an upload's: the API's own limits (a comment is 16 KB) are tighter still.
pub const MOST: usize = 64 * 1024;
/// The photo upload's path.
pub const UPLOAD_PATH: &str = "/api/admin/photos";
/// An upload: the file, its texts and the form's boundaries, with room to spare so that the
/// upload's own count of the file's bytes (a clear 422) comes before this limit.
pub const UPLOAD: usize = infoshos_model::photos::UPLOAD_MAX_BYTES + 1024 * 1024;

/// Whether `request` is a photo upload.
pub fn is_upload(request: &Request) -> bool {
    request.method() == Method::POST && request.uri().path() == UPLOAD_PATH
}

pub async fn limit(request: Request, next: Next) -> Response {
    let max = if is_upload(&request) { UPLOAD } else { MOST };
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > max as u64) {
        return (
            StatusCode::PAYLOAD_TOO_LARGE,
            axum::Json(ApiError::new("The body is too large.")),
        )
            .into_response();
    }
    // A little over the route's own limit (`DefaultBodyLimit`), so that one is met first on
    // a body of unknown length: axum's extractors answer it with 413, and this one's error
    // reaches them wrapped, as a 400.
    let (parts, body) = request.into_parts();
    let body = Body::new(http_body_util::Limited::new(body, max + 1024));
    next.run(Request::from_parts(parts, body)).await
}
