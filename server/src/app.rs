use std::path::{Path, PathBuf};

use axum::Router;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tower_http::trace::TraceLayer;

use crate::storage::Storage;
use crate::{routes, static_files};

#[derive(Clone, Debug)]
pub struct AppState {
    pub storage: Storage,
    pub dist: PathBuf,
}

impl AppState {
    pub fn new(storage: Storage, dist: &Path) -> AppState {
        AppState {
            storage,
            dist: dist.to_path_buf(),
        }
    }
}

/// The whole server: the JSON API under `/api`, the built reader app everywhere else.
pub fn app(state: AppState) -> Router {
    let index = axum::handler::Handler::with_state(static_files::spa_index, state.clone());
    // Files trunk hashed are served precompressed when the build made .br/.gz copies.
    let assets = ServeDir::new(&state.dist)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(index);
    Router::new()
        .nest("/api", routes::api())
        .fallback_service(assets)
        .layer(axum::middleware::from_fn(static_files::cache_headers))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}
