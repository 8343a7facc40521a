//! `GET /media/{name}`: a photo's variant under its name, which never changes what it names
//! (the photo's id is the hash of its bytes), so it is kept a year and `immutable`. The
//! variants readers ask for most are kept in memory by weight (`Served`); the rest are one
//! primary-key read. The original is never served: no name reaches it.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use infoshos_model::photos::{MEDIA_PREFIX, PhotoFormat, parse_variant_name};

use crate::error::AppError;
use crate::state::AppState;

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Bytes of variants kept in memory: the demo's every variant, or a busy day's photos.
const KEPT_BYTES: u64 = 64 * 1024 * 1024;

/// Variants by name, kept while they fit in `KEPT_BYTES`.
#[derive(Clone)]
pub struct Served(Arc<quick_cache::sync::Cache<String, axum::body::Bytes, ByteWeight>>);

#[derive(Clone)]
pub struct ByteWeight;

impl quick_cache::Weighter<String, axum::body::Bytes> for ByteWeight {
    fn weight(&self, _name: &String, bytes: &axum::body::Bytes) -> u64 {
        bytes.len() as u64 + 64
    }
}

impl Default for Served {
    fn default() -> Self {
        Served(Arc::new(quick_cache::sync::Cache::with_weighter(
            4_096, KEPT_BYTES, ByteWeight,
        )))
    }
}

impl std::fmt::Debug for Served {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Served({} variants)", self.0.len())
    }
}

pub async fn variant(
    State(state): State<AppState>,
    Path(name): Path<String>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let Some((_, _, format)) = parse_variant_name(&name) else {
        return Err(AppError::NotFound("Photo"));
    };
    let tag = format!("\"{name}\"");
    let cached = state.served.0.get(&name);
    let bytes = match cached {
        Some(bytes) => bytes,
        None => {
            let Some(bytes) = state.storage.photo_variant(&name).await? else {
                return not_made_yet(&state, &name, format).await;
            };
            let bytes = axum::body::Bytes::from(bytes);
            state.served.0.insert(name, bytes.clone());
            bytes
        }
    };
    let mut response = if headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == tag || t.trim() == "*"))
    {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let mut ok = Response::new(Body::from(bytes));
        ok.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(format.mime()),
        );
        ok
    };
    let h = response.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(IMMUTABLE));
    if let Ok(tag) = HeaderValue::from_str(&tag) {
        h.insert(header::ETAG, tag);
    }
    // Partner sites show the widgets' thumbnails from here.
    h.insert(
        "cross-origin-resource-policy",
        HeaderValue::from_static("cross-origin"),
    );
    Ok(response)
}

/// A name that has no variant (yet): the AVIF of a photo stored before the portal made AVIF
/// (`process::make_missing_avif` makes it after the start) is answered by the WebP of the same
/// width, which every browser that asks for AVIF shows; the redirect is not kept, so the AVIF
/// is fetched once it exists. Any other name is not found.
async fn not_made_yet(
    state: &AppState,
    name: &str,
    format: PhotoFormat,
) -> Result<Response, AppError> {
    let webp = name
        .strip_suffix(".avif")
        .filter(|_| format == PhotoFormat::Avif)
        .map(|stem| format!("{stem}.webp"));
    let Some(webp) = webp else {
        return Err(AppError::NotFound("Photo"));
    };
    if state.storage.photo_variant(&webp).await?.is_none() {
        return Err(AppError::NotFound("Photo"));
    }
    let mut response =
        axum::response::Redirect::temporary(&format!("{MEDIA_PREFIX}{webp}")).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}
