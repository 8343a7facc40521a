//! The public API's repeated reads answered from memory: the feed pages, an article's
//! comments, the states, the rates and search results are the same for every reader until
//! something is written. An answer is kept under its full address with the storage's change
//! count; every write of what readers see (a comment, a moderation, an article published,
//! corrected, taken down or put back, a day of rates, the states) moves the count on once it
//! is committed, so a new comment or an edit reaches the next reader at once (`kept`). Writes
//! by another process (a second replica, `seed`) are seen within `MAX_AGE`. Which answers are
//! kept is said where each route is declared (`api::endpoints`): never an article itself (it
//! carries a freshly signed form token) or the editors' API; never anything but a 200.

use std::time::Duration;

use axum::body::{Body, Bytes, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

use crate::kept::Kept;
use crate::storage::Storage;

/// How long an answer is trusted without a write of our own.
pub const MAX_AGE: Duration = Duration::from_secs(60);
/// At most this many answers are kept (search results are the only open-ended kind).
const MAX_ANSWERS: usize = 2_048;
/// The largest answer kept.
const MAX_BODY: usize = 512 * 1024;

/// Answers by their full address: the headers and the body as sent.
pub type AnswerCache = Kept<String, (HeaderMap, Bytes)>;

pub fn new_cache() -> AnswerCache {
    Kept::new(MAX_AGE, MAX_ANSWERS)
}

/// What the layer needs: the storage's change count and the answers kept.
#[derive(Debug, Clone)]
pub struct Answers {
    pub storage: Storage,
    pub kept: AnswerCache,
}

/// The layer on each kept GET, as the API declares them (`api::endpoints`).
pub async fn layer(State(state): State<Answers>, request: Request, next: Next) -> Response {
    let uri = request.uri();
    // A HEAD reaches a GET's handler too; only a GET's answer is kept.
    if request.method() != Method::GET {
        return next.run(request).await;
    }
    let key = uri.to_string();
    let change = state.storage.change_count();
    let kept = state.kept.get(&key, change);
    crate::telemetry::metrics::cache_lookup("answers", kept.is_some());
    if let Some((headers, body)) = kept {
        let mut hit = Response::new(Body::from(body));
        *hit.headers_mut() = headers;
        return hit;
    }
    let response = next.run(request).await;
    if response.status() != StatusCode::OK {
        return response;
    }
    // An answer of unknown or large size (an article with thousands of comments) goes out as
    // it is, not kept: it is never cut short.
    let size = axum::body::HttpBody::size_hint(response.body()).upper();
    if size.is_none_or(|n| n > MAX_BODY as u64) {
        return response;
    }
    let (parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_BODY).await else {
        // The body said it was smaller; a failure to read it is the server's own.
        tracing::error!(key, "an API answer could not be read to be kept");
        return Response::builder()
            .status(StatusCode::INTERNAL_SERVER_ERROR)
            .body(Body::empty())
            .unwrap_or_default();
    };
    state
        .kept
        .put(key, change, (parts.headers.clone(), bytes.clone()));
    Response::from_parts(parts, Body::from(bytes))
}
