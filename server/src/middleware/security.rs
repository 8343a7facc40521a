//! Headers that make the browser hold every page to what the portal really does: scripts only
//! from here (plus the hashes of the inline scripts trunk writes), styles only from here (plus
//! the hash of the stylesheet a rendered page carries inline), wasm allowed, no plugins,
//! no <base>, frames only as `framing` says; and writes only from the portal's own pages.

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use sha2::{Digest, Sha256};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::error::AppError;

/// The Content-Security-Policy of an HTML page of ours: computed from the page being sent,
/// so a rebuilt app never runs under the hashes of the previous build. Pictures may also be
/// `blob:`: the desk shows a chosen photo before it is uploaded (a URL the page made itself).
pub fn page_policy(page: &str, frame_ancestors: &str) -> String {
    let hashes = |texts: Vec<&str>| -> String {
        texts
            .iter()
            .map(|text| {
                let digest = Sha256::digest(text.as_bytes());
                format!(
                    " 'sha256-{}'",
                    base64::engine::general_purpose::STANDARD.encode(digest)
                )
            })
            .collect()
    };
    let scripts = hashes(inline_elements(page, "script"));
    let styles = hashes(inline_elements(page, "style"));
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{scripts}; style-src 'self'{styles}; \
         img-src 'self' data: blob:; connect-src 'self'; frame-src 'self'; worker-src 'self'; \
         manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; \
         frame-ancestors {frame_ancestors}"
    )
}

/// The text of every `<script>` (or `<style>`) without a `src`, exactly as the browser hashes
/// it.
fn inline_elements<'a>(page: &'a str, tag: &str) -> Vec<&'a str> {
    let close = format!("</{tag}>");
    page.split(&format!("<{tag}"))
        .skip(1)
        .filter_map(|rest| {
            let (attrs, body) = rest.split_once('>')?;
            let (text, _) = body.split_once(close.as_str())?;
            let element = attrs.is_empty() || attrs.starts_with([' ', '\n']);
            (element && !attrs.contains("src=")).then_some(text)
        })
        .collect()
}

/// On every response: no MIME sniffing, little referrer, no powerful features, and HSTS
/// when the portal is served over TLS (`INFOSHOS_TLS`): the same values always, so each is a
/// `SetResponseHeaderLayer` around `router`.
pub fn with_common_headers(router: Router, tls: bool) -> Router {
    let set =
        |name, value| SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value));
    let router = router
        .layer(set(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(set(
            header::REFERRER_POLICY,
            "strict-origin-when-cross-origin",
        ))
        .layer(set(
            HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
        ));
    if tls {
        router.layer(set(
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=31536000; includeSubDomains",
        ))
    } else {
        router
    }
}

/// The portal's own origin (`INFOSHOS_PUBLIC_URL`, without a trailing slash): what a browser
/// names in `Origin` when one of our pages sends a form.
#[derive(Debug, Clone)]
pub struct PublicUrl(pub String);

/// Writes (anything but GET/HEAD/OPTIONS) only from the portal's own pages: a browser says
/// where a request comes from in `Sec-Fetch-Site` (or at least `Origin`); another site's page
/// posting here is refused. Clients that send neither are not browsers, so not a CSRF risk.
pub async fn same_origin_writes(
    State(PublicUrl(public_url)): State<PublicUrl>,
    request: Request,
    next: Next,
) -> Response {
    if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) {
        return next.run(request).await;
    }
    let allowed = {
        let header = |name| {
            request
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        match (header("sec-fetch-site"), header("origin")) {
            (Some(site), _) => site == "same-origin",
            (None, Some(origin)) => origin == public_url,
            (None, None) => true,
        }
    };
    if allowed {
        next.run(request).await
    } else {
        AppError::Forbidden("This can only be sent from the Infoshos pages.").into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_are_hashed_and_scripts_with_src_are_not() {
        let page = "<head><script defer src=\"/pwa.js\"></script><script type=\"module\">import init from '/a.js';</script></head>";
        let scripts = inline_elements(page, "script");
        assert_eq!(scripts, ["import init from '/a.js';"]);
        let policy = page_policy(page, "'self'");
        // echo -n "import init from '/a.js';" | openssl sha256 -binary | base64
        let expected = base64::engine::general_purpose::STANDARD
            .encode(Sha256::digest(b"import init from '/a.js';"));
        assert!(policy.contains(&format!(
            "script-src 'self' 'wasm-unsafe-eval' 'sha256-{expected}';"
        )));
        assert!(policy.contains("object-src 'none'"));
        assert!(policy.contains("base-uri 'none'"));
        assert!(policy.ends_with("frame-ancestors 'self'"));
        assert!(!policy.contains("unsafe-inline"));
        assert!(policy.contains("style-src 'self';"), "{policy}");
    }

    #[test]
    fn an_inline_stylesheet_is_hashed_into_style_src() {
        let page =
            "<head><style>body{margin:0}</style><link rel=\"stylesheet\" href=\"/a.css\"></head>";
        let expected =
            base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"body{margin:0}"));
        let policy = page_policy(page, "'self'");
        assert!(
            policy.contains(&format!("style-src 'self' 'sha256-{expected}';")),
            "{policy}"
        );
        assert!(!policy.contains("unsafe-inline"));
    }
}
