//! The JSON API under `/api`, by who calls it: `public/` (readers, partner sites, monitors)
//! and `newsroom/` (the signed-in editors' desk, `/api/admin/…`); `api()` composes them.

pub mod newsroom;
mod openapi;
pub mod public;

use newsroom::{article_index, drafts, editorial, moderation, passwords, people, sign_in};
use public::{articles, comments, health, oembed, rates, search, states};

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::extract::FromRef;
use axum::handler::Handler;
use axum::routing::{delete, get, post, put};

use crate::error::AppError;
use crate::middleware::rate_limit;
use crate::state::AppState;

/// The largest comment body we read; anything bigger is a 413 before any parsing.
pub const MAX_COMMENT_BODY: usize = 16 * 1024;

pub fn api(state: &AppState) -> Router<AppState> {
    let clients = rate_limit::ClientIp {
        trusted_proxies: state.trusted_proxies.clone(),
    };
    let pace = |quota, bucket, what| {
        let pace = rate_limit::Pace::new(&state.storage, quota, clients.clone(), bucket, what);
        axum::middleware::from_fn_with_state(pace, rate_limit::check)
    };
    let limited = pace(state.comment_quota, "comments", "comments");
    let logins = pace(state.login_quota, "logins", "sign-in attempts");
    Router::new()
        .route("/articles", get(articles::list))
        .route("/articles/{slug}", get(articles::show))
        .route(
            "/articles/{slug}/comments",
            get(comments::list)
                .post(comments::create.layer(limited))
                .layer(DefaultBodyLimit::max(MAX_COMMENT_BODY)),
        )
        .route("/search", get(search::search))
        .route("/states", get(states::list))
        .route("/rates", get(rates::show))
        .route("/rates/{code}/history", get(rates::history))
        .route("/rates/{code}/sparkline.svg", get(rates::sparkline))
        .route("/health", get(health::show))
        .route("/ready", get(health::ready))
        .route("/oembed", get(oembed::show))
        .route("/openapi.json", get(openapi::show))
        .route("/admin/session", get(sign_in::session))
        .route("/admin/setup", post(sign_in::set_up.layer(logins.clone())))
        .route("/admin/login", post(sign_in::login.layer(logins.clone())))
        .route("/admin/join", post(sign_in::join.layer(logins.clone())))
        .route("/admin/reset", post(passwords::reset.layer(logins.clone())))
        .route("/admin/password", post(passwords::change))
        .route(
            "/admin/accounts/{username}/reset-link",
            post(passwords::reset_link),
        )
        .route("/admin/logout", post(sign_in::logout))
        .route("/admin/accounts", get(people::list))
        .route("/admin/accounts/{username}", put(people::change))
        .route(
            "/admin/invitations",
            get(people::open_links).post(people::invite),
        )
        .route("/admin/invitations/{id}", delete(people::revoke))
        .route("/admin/sessions", get(people::sessions))
        .route("/admin/sessions/{id}", delete(people::end_session))
        .route("/admin/second-factor", post(people::second_factor_begin))
        .route("/admin/second-factor/on", post(people::second_factor_on))
        .route(
            "/admin/second-factor/off",
            post(people::second_factor_off.layer(logins)),
        )
        .route(
            "/admin/comments",
            get(moderation::queue).post(moderation::moderate),
        )
        .route(
            "/admin/articles",
            get(article_index::list).post(editorial::publish),
        )
        .route("/admin/preview", post(editorial::preview))
        .route("/admin/drafts", post(drafts::create))
        .route("/admin/drafts/{id}", put(drafts::save))
        .route(
            "/admin/articles/{slug}",
            get(editorial::open).put(editorial::edit),
        )
        .route(
            "/admin/articles/{slug}/visibility",
            post(editorial::visibility),
        )
        .route("/admin/articles/{slug}/versions", get(editorial::versions))
        .route("/admin/audit", get(moderation::audit))
        .route(
            "/admin/photos",
            get(newsroom::photos::library).post(
                newsroom::photos::upload
                    .layer(DefaultBodyLimit::max(crate::middleware::body_limit::UPLOAD)),
            ),
        )
        .fallback(|| async { AppError::NotFound("API endpoint") })
        .method_not_allowed_fallback(|| async { AppError::MethodNotAllowed })
        .layer(axum::middleware::from_fn_with_state(
            crate::answer_cache::Answers::from_ref(state),
            crate::answer_cache::layer,
        ))
}
