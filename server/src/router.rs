//! The whole server composed: the JSON API under `/api`, reader pages, feeds, photos and the
//! built app, inside the layers every answer goes through. Composition only.

use std::convert::Infallible;

use axum::extract::DefaultBodyLimit;
use axum::extract::FromRef;
use axum::routing::get;
use axum::{Extension, Router};
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{DefaultPredicate, Predicate};
use tower_http::request_id::{PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::services::ServeDir;
use tower_http::trace::TraceLayer;

use crate::feeds::{discovery, sitemap};
use crate::middleware::etag;
use crate::middleware::framing;
use crate::middleware::security;
use crate::middleware::{body_limit, cache_control, deadline};
use crate::pages::comment_post;
use crate::pages::send;
use crate::state::AppState;
use crate::telemetry::{metrics, request_id};

/// The whole server: the JSON API under `/api`, the built reader app everywhere else.
pub fn app(state: AppState) -> Router {
    let index = axum::handler::Handler::with_state(send::spa_index, state.clone());
    // Files trunk hashed are served precompressed when the build made .br/.gz copies.
    let assets = ServeDir::new(&state.dist)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(index);
    // The page itself always comes with its own CSP (see `security::page_policy`), also when
    // asked for by its file name (the service worker precaches /index.html).
    let page = axum::routing::get(send::spa_index);
    // One API router, built once: a comment sent by the app (JSON) and one sent by a page's
    // form without JavaScript (`comment_post`) count against the same allowance, and a page
    // being drawn asks it what it shows (`pages::render`).
    let api = crate::api::api(&state);
    let api_served = comment_post::Api(
        Router::new()
            .nest("/api", api.clone())
            .with_state(state.clone()),
    );
    let article = get(send::spa_index)
        .post(comment_post::post)
        .layer::<_, Infallible>(DefaultBodyLimit::max(crate::api::MAX_COMMENT_BODY));
    let pages = Router::new()
        .nest("/api", api)
        .route("/", page.clone())
        .route("/index.html", page.clone())
        .route("/edition-ru/", page.clone())
        .route("/edition-ru/index.html", page.clone())
        .route("/edition-zh/", page.clone())
        .route("/edition-zh/index.html", page.clone())
        .route("/occasional/", page.clone())
        .route("/occasional/index.html", page.clone())
        .route("/embed/index.html", page.clone())
        .route("/admin", page.clone())
        // Not left to `ServeDir`'s folder index: the page needs its own CSP and language.
        .route("/admin/", page.clone())
        .route("/admin/index.html", page.clone())
        // The busiest reader pages by route, not through the files' fallback, which looked
        // for a file on disk first (on the blocking pool) for every request.
        .route("/{lang}/", page.clone())
        .route("/{lang}/country/{code}", page.clone())
        .route("/{lang}/section/{key}", page.clone())
        .route("/{lang}/rates/{code}", page)
        .route("/{lang}/article/{slug}", article)
        .route("/{lang}/rss.xml", get(discovery::edition_rss))
        .route(
            "/{lang}/country/{code}/rss.xml",
            get(discovery::country_rss),
        )
        .route("/{lang}/section/{key}/rss.xml", get(discovery::section_rss))
        .route("/edition/{lang}", get(crate::pages::edition::choose))
        .route("/media/{name}", get(crate::media::serve::variant))
        .route("/sitemap.xml", get(sitemap::sitemap))
        .route("/robots.txt", get(sitemap::robots))
        // Each matched route's template goes with its answer to the metrics (`track`).
        .route_layer(axum::middleware::from_fn(metrics::route_of))
        .fallback_service(assets)
        .layer(Extension(api_served))
        .layer(axum::middleware::from_fn(cache_control::cache_headers))
        .layer(axum::middleware::from_fn_with_state(
            framing::Ancestors::from_ref(&state),
            framing::frame_policy,
        ))
        .with_state(state.clone());
    security::with_common_headers(pages, state.tls)
        .layer(axum::middleware::from_fn_with_state(
            security::PublicUrl::from_ref(&state),
            security::same_origin_writes,
        ))
        // Nobody holds a connection or sends a large body for long (`body_limit`).
        .layer(axum::middleware::from_fn(body_limit::limit))
        .layer(axum::middleware::from_fn(deadline::deadline))
        // A finished page comes with its own encodings (`pages::finished`).
        .layer(CompressionLayer::new().compress_when(DefaultPredicate::new().and(not_tagged)))
        // Outside compression: each encoding of an answer gets its own strong tag.
        .layer(axum::middleware::from_fn(etag::etag))
        .layer(axum::middleware::from_fn(metrics::track))
        // Every log line of a request names its id, which the answer carries back.
        .layer(TraceLayer::new_for_http().make_span_with(request_id::span))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(request_id::NewId))
        .layer(axum::middleware::from_fn(request_id::drop_odd))
}

/// An answer that carries its tag was finished with its encodings (`pages::finished`): the
/// tag names the bytes as they are.
fn not_tagged(
    _: axum::http::StatusCode,
    _: axum::http::Version,
    headers: &axum::http::HeaderMap,
    _: &axum::http::Extensions,
) -> bool {
    !headers.contains_key(axum::http::header::ETAG)
}
