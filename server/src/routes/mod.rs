//! The JSON API, one file per resource.

mod articles;
mod comments;
mod health;
mod oembed;
mod openapi;
mod rates;
mod states;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::get;

use crate::app::AppState;
use crate::error::AppError;

/// The largest comment body we read; anything bigger is a 413 before any parsing.
pub const MAX_COMMENT_BODY: usize = 16 * 1024;

pub fn api() -> Router<AppState> {
    Router::new()
        .route("/articles", get(articles::list))
        .route("/articles/{slug}", get(articles::show))
        .route(
            "/articles/{slug}/comments",
            get(comments::list)
                .post(comments::create)
                .layer(DefaultBodyLimit::max(MAX_COMMENT_BODY)),
        )
        .route("/states", get(states::list))
        .route("/rates", get(rates::show))
        .route("/health", get(health::show))
        .route("/oembed", get(oembed::show))
        .route("/openapi.json", get(openapi::show))
        .fallback(|| async { AppError::NotFound("API endpoint") })
        .method_not_allowed_fallback(|| async { AppError::MethodNotAllowed })
}
