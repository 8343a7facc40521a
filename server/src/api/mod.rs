//! The JSON API under `/api`, by who calls it: `public/` (readers, partner sites, monitors)
//! and `newsroom/` (the signed-in editors' desk, `/api/admin/…`); `api()` composes them.

mod endpoint;
pub mod newsroom;
mod openapi;
pub mod public;

pub use endpoint::Endpoint;
use endpoint::at;
use newsroom::{
    article_index, drafts, editorial, link_check, moderation, passwords, people, photos, sign_in,
};
use public::{articles, comments, health, live, most_read, oembed, rates, search, states};

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::extract::FromRef;
use axum::handler::Handler;

use crate::answer_cache::Answers;
use crate::error::AppError;
use crate::middleware::{body_limit, rate_limit};
use crate::state::AppState;

/// The largest comment body we read; anything bigger is a 413 before any parsing.
pub const MAX_COMMENT_BODY: usize = 16 * 1024;

/// Every address of the API, what it answers and which answers are kept: the one list the
/// router is built from and the OpenAPI description is checked against.
pub fn endpoints(state: &AppState) -> Vec<Endpoint> {
    let clients = rate_limit::ClientIp {
        trusted_proxies: state.trusted_proxies.clone(),
    };
    let pace = |quota, bucket, what| {
        let pace = rate_limit::Pace::new(&state.storage, quota, clients.clone(), bucket, what);
        axum::middleware::from_fn_with_state(pace, rate_limit::check)
    };
    let limited = pace(state.comment_quota, "comments", "comments");
    let logins = pace(state.login_quota, "logins", "sign-in attempts");
    let kept = &Answers::from_ref(state);
    vec![
        at("/articles").get_kept(articles::list, kept),
        // Before `{slug}` in matching (a fixed segment wins); no article may take the slug.
        at("/articles/most-read").get(most_read::list),
        at("/articles/{slug}").get(articles::show),
        at("/articles/{slug}/comments")
            .get_kept(comments::list, kept)
            .post(
                comments::create
                    .layer(limited)
                    .layer(DefaultBodyLimit::max(MAX_COMMENT_BODY)),
            ),
        at("/search").get_kept(search::search, kept),
        // A stream: never kept (its answer is the events, as they come).
        at("/live").get(live::live),
        at("/states").get_kept(states::list, kept),
        at("/rates").get_kept(rates::show, kept),
        at("/rates/{code}/history").get_kept(rates::history, kept),
        at("/rates/{code}/sparkline.svg").get(rates::sparkline),
        at("/health").get(health::show),
        at("/ready").get(health::ready),
        at("/oembed").get(oembed::show),
        at("/openapi.json").get(openapi::show),
        at("/admin/session").get(sign_in::session),
        at("/admin/setup").post(sign_in::set_up.layer(logins.clone())),
        at("/admin/login").post(sign_in::login.layer(logins.clone())),
        at("/admin/join").post(sign_in::join.layer(logins.clone())),
        at("/admin/reset").post(passwords::reset.layer(logins.clone())),
        at("/admin/password").post(passwords::change),
        at("/admin/accounts/{username}/reset-link").post(passwords::reset_link),
        at("/admin/logout").post(sign_in::logout),
        at("/admin/accounts").get(people::list),
        at("/admin/accounts/{username}").put(people::change),
        at("/admin/invitations")
            .get(people::open_links)
            .post(people::invite),
        at("/admin/invitations/{id}").delete(people::revoke),
        at("/admin/sessions").get(people::sessions),
        at("/admin/sessions/{id}").delete(people::end_session),
        at("/admin/second-factor").post(people::second_factor_begin),
        at("/admin/second-factor/on").post(people::second_factor_on),
        at("/admin/second-factor/off").post(people::second_factor_off.layer(logins)),
        at("/admin/comments")
            .get(moderation::queue)
            .post(moderation::moderate),
        at("/admin/articles")
            .get(article_index::list)
            .post(editorial::publish),
        at("/admin/preview").post(editorial::preview),
        at("/admin/link-check").get(link_check::check),
        at("/admin/drafts").post(drafts::create),
        at("/admin/drafts/{id}").put(drafts::save),
        at("/admin/articles/{slug}")
            .get(editorial::open)
            .put(editorial::edit),
        at("/admin/articles/{slug}/visibility").post(editorial::visibility),
        at("/admin/articles/{slug}/versions").get(editorial::versions),
        at("/admin/audit").get(moderation::audit),
        at("/admin/photos")
            .get(photos::library)
            .post(photos::upload.layer(DefaultBodyLimit::max(body_limit::UPLOAD))),
    ]
}

/// The API's router, built once (`router::app`) from `endpoints`.
pub fn api(state: &AppState) -> Router<AppState> {
    endpoints(state)
        .into_iter()
        .fold(Router::new(), |router, e| router.route(e.path, e.router))
        .fallback(|| async { AppError::NotFound("API endpoint") })
        .method_not_allowed_fallback(|| async { AppError::MethodNotAllowed })
}
