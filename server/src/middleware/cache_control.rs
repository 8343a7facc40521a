//! How long browsers and caches may keep each answer, when its handler did not say: trunk's
//! hashed files for a year, flags for a week, the rest revalidated each time. The editors'
//! answers are never stored anywhere (`no-store`), whatever their handler said: they carry
//! people's names, sessions and unpublished articles.

use axum::body::Body;
use axum::http::{HeaderValue, Request, header};
use axum::middleware::Next;
use axum::response::Response;

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
pub const REVALIDATE: &str = "no-cache";
/// Flags change only when the flag-icons package does (a state changing its flag): a week in
/// any cache, then a revalidation `ServeDir` answers by modification time.
const FLAG: &str = "public, max-age=604800, stale-while-revalidate=86400";
const EDITORS: &str = "no-store";

/// True for names trunk gives hashed builds: `name-<hex>.<ext>` (also `_bg.wasm`). Trunk writes
/// the 64-bit hash without leading zeros, so it has 16 hex digits or, now and then, fewer.
pub fn is_hashed_asset(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or_default();
    let stem = file.split('.').next().unwrap_or_default();
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, hash)| {
        (12..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

pub async fn cache_headers(request: Request<Body>, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    if path.starts_with("/api/admin/") {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(EDITORS));
    } else if !response.headers().contains_key(header::CACHE_CONTROL) {
        let ok = response.status().is_success();
        let value = if ok && is_hashed_asset(&path) {
            IMMUTABLE
        } else if ok && path.starts_with("/flags/") {
            FLAG
        } else {
            REVALIDATE
        };
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::is_hashed_asset;

    #[test]
    fn recognises_trunk_hashed_names() {
        assert!(is_hashed_asset("/infoshos-8f2a1c3d4e5b6a79.js"));
        assert!(is_hashed_asset("/infoshos-8f2a1c3d4e5b6a79_bg.wasm"));
        assert!(is_hashed_asset("/style-0123456789abcdef.css"));
        assert!(is_hashed_asset("/infoshos-58da600f5e94690.js"));
        assert!(!is_hashed_asset("/icons/icon-192.png"));
        assert!(!is_hashed_asset("/sw.js"));
        assert!(!is_hashed_asset("/index.html"));
        assert!(!is_hashed_asset("/en/article/astana-2017-summit"));
        assert!(!is_hashed_asset("/manifest.webmanifest"));
    }
}
