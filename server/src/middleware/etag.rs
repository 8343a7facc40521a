//! Strong ETags for what the server writes itself (API answers, pages, feeds, the sitemap): a
//! digest of the bytes sent, so a reader whose copy is current gets a 304 with no body, and a
//! new comment or an editor's change makes a new tag at the very next request. Files from
//! `dist/` are left to `ServeDir`, which answers conditional requests by modification time.
//!
//! This layer sits outside compression: each encoding of an answer has its own tag, as a strong
//! validator must (the brotli and gzip bytes differ).

use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use sha2::{Digest, Sha256};

/// Larger answers than this are not ours to tag (ours are a few KB; the sitemap of a very
/// large portal is the biggest).
const MAX_TAGGED: usize = 8 * 1024 * 1024;

pub async fn etag(request: Request, next: Next) -> Response {
    if request.method() != Method::GET {
        return next.run(request).await;
    }
    let wanted = request.headers().get(header::IF_NONE_MATCH).cloned();
    let response = next.run(request).await;
    if response.status() != StatusCode::OK || !written_by_us(response.headers()) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = match to_bytes(body, MAX_TAGGED).await {
        Ok(bytes) => bytes,
        Err(err) => {
            tracing::error!(error = %err, "an answer could not be read for its ETag");
            return crate::error::AppError::Internal.into_response();
        }
    };
    let tag = strong_tag(&bytes);
    if let Ok(value) = HeaderValue::from_str(&tag) {
        parts.headers.insert(header::ETAG, value);
    }
    if wanted.as_ref().is_some_and(|w| matches(w, &tag)) {
        parts.status = StatusCode::NOT_MODIFIED;
        for name in [
            header::CONTENT_LENGTH,
            header::CONTENT_TYPE,
            header::CONTENT_ENCODING,
        ] {
            parts.headers.remove(name);
        }
        return Response::from_parts(parts, Body::empty());
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// JSON, HTML, XML and plain text, without a modification time (which only `ServeDir`'s
/// files carry) and without a tag already.
fn written_by_us(headers: &HeaderMap) -> bool {
    let kind = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let textual = [
        "application/json",
        "text/html",
        "application/rss+xml",
        "application/xml",
        "text/plain",
    ]
    .iter()
    .any(|t| kind.starts_with(t));
    textual && !headers.contains_key(header::LAST_MODIFIED) && !headers.contains_key(header::ETAG)
}

/// `"…"`: the first 128 bits of the SHA-256 of the bytes, base64url.
pub fn strong_tag(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&digest[..16]);
    format!("\"{b64}\"")
}

/// `If-None-Match`: `*`, or a list of tags, weak or strong (compared weakly, as RFC 9110 says).
pub fn matches(header: &HeaderValue, tag: &str) -> bool {
    let Ok(list) = header.to_str() else {
        return false;
    };
    let opaque = |t: &str| t.strip_prefix("W/").unwrap_or(t).to_string();
    let tag = opaque(tag);
    list.split(',')
        .map(str::trim)
        .any(|candidate| candidate == "*" || opaque(candidate) == tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_names_its_bytes() {
        assert_eq!(strong_tag(b"abc"), strong_tag(b"abc"));
        assert_ne!(strong_tag(b"abc"), strong_tag(b"abd"));
        assert!(strong_tag(b"").starts_with('"') && strong_tag(b"").ends_with('"'));
    }

    #[test]
    fn if_none_match_lists_are_read_weakly() {
        let tag = strong_tag(b"x");
        let h = |s: &str| HeaderValue::from_str(s).unwrap();
        assert!(matches(&h(&tag), &tag));
        assert!(matches(&h(&format!("\"other\", W/{tag}")), &tag));
        assert!(matches(&h("*"), &tag));
        assert!(!matches(&h("\"other\""), &tag));
        assert!(!matches(&h(""), &tag));
    }
}
