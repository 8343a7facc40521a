//! Each request's id: the `x-request-id` a proxy in front gave it (when it is a plain token),
//! else a new random one; sent back in the answer's `x-request-id` and named on every log line
//! written while the request is served, so one request's lines can be found together.

use axum::extract::Request;
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use tower_http::request_id::{MakeRequestId, RequestId};

pub const HEADER: &str = "x-request-id";

/// The longest id taken from a client; longer ones are replaced.
const MAX_LEN: usize = 64;

/// New ids: 16 random hex digits.
#[derive(Debug, Clone, Copy, Default)]
pub struct NewId;

impl MakeRequestId for NewId {
    fn make_request_id<B>(&mut self, _: &axum::http::Request<B>) -> Option<RequestId> {
        let id = hex::encode(&crate::form_token::new_secret()[..8]);
        HeaderValue::from_str(&id).ok().map(RequestId::new)
    }
}

/// Whether an id a client sent is kept: letters, digits, `-`, `_`, `.`, at most `MAX_LEN`.
pub fn acceptable(id: &[u8]) -> bool {
    !id.is_empty()
        && id.len() <= MAX_LEN
        && id
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// Drops an `x-request-id` that is not a plain token, so a new one is made in its place.
pub async fn drop_odd(mut request: Request, next: Next) -> Response {
    let odd = request
        .headers()
        .get(HEADER)
        .is_some_and(|id| !acceptable(id.as_bytes()));
    if odd {
        request.headers_mut().remove(HEADER);
    }
    next.run(request).await
}

/// The span every log line of a request is written in: its id, method and path.
pub fn span<B>(request: &axum::http::Request<B>) -> tracing::Span {
    let id = request
        .headers()
        .get(HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    tracing::info_span!(
        "request",
        request_id = %id,
        method = %request.method(),
        path = %request.uri().path(),
    )
}

#[cfg(test)]
mod tests {
    use super::acceptable;

    #[test]
    fn only_plain_short_ids_are_taken_from_clients() {
        assert!(acceptable(b"4bf92f3577b34da6a3ce929d0e0e4736"));
        assert!(acceptable(b"req-1.2_3"));
        for odd in [&b""[..], b"has space", b"quote\"", b"\x1b[31m", &[b'a'; 65]] {
            assert!(!acceptable(odd), "{odd:?}");
        }
    }
}
