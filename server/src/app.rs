use std::path::{Path, PathBuf};

use axum::Router;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tower_http::trace::TraceLayer;

use crate::storage::Storage;
use crate::{framing, routes, static_files};

#[derive(Clone, Debug)]
pub struct AppState {
    pub storage: Storage,
    pub dist: PathBuf,
    /// The portal's origin, without a trailing slash (oEmbed, discovery links).
    pub public_url: String,
    /// The `frame-ancestors` sources for `/embed/` (see `framing`).
    pub embed_ancestors: String,
}

impl AppState {
    pub fn new(storage: Storage, dist: &Path) -> AppState {
        AppState {
            storage,
            dist: dist.to_path_buf(),
            public_url: "http://127.0.0.1:8080".into(),
            embed_ancestors: "*".into(),
        }
    }

    pub fn with_public_url(mut self, url: &str) -> AppState {
        self.public_url = url.trim_end_matches('/').to_string();
        self
    }

    /// Fails on anything that is not `*` or an origin: the list goes into a header.
    pub fn with_embed_origins(mut self, origins: &str) -> Result<AppState, String> {
        self.embed_ancestors = framing::ancestors(origins)?;
        Ok(self)
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
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            framing::frame_policy,
        ))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}
