use axum::http::header;
use axum::response::IntoResponse;

/// The API described for people and tools; kept next to the routes it documents and
/// checked against them by a test.
pub const OPENAPI: &str = include_str!("openapi.json");

pub async fn show() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI)
}
