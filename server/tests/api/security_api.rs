//! Headers on every response, the pages' Content-Security-Policy, and writes only from the
//! portal's own pages.

use crate::common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::server;
use serde_json::json;

const URI: &str = "/api/articles/rates-table-explained/comments";

#[tokio::test]
async fn every_response_carries_the_protective_headers() {
    let s = server().await;
    for uri in [
        "/",
        "/en/",
        "/api/states",
        "/api/nothing",
        "/embed/rates",
        "/infoshos-0123456789abcdef_bg.wasm",
    ] {
        let a = s.get(uri).await;
        assert_eq!(a.header(header::X_CONTENT_TYPE_OPTIONS), "nosniff", "{uri}");
        assert_eq!(
            a.header(header::REFERRER_POLICY),
            "strict-origin-when-cross-origin",
            "{uri}"
        );
        assert!(
            a.header("permissions-policy".parse().unwrap())
                .contains("camera=()"),
            "{uri}"
        );
        assert_eq!(
            a.header(header::STRICT_TRANSPORT_SECURITY),
            "",
            "{uri}: HSTS only behind TLS"
        );
        // No CORS: other sites' scripts can't read the API.
        assert_eq!(a.header(header::ACCESS_CONTROL_ALLOW_ORIGIN), "", "{uri}");
    }
    let mut tls = server().await;
    tls.serve(tls.state().with_tls(true));
    assert!(
        tls.get("/en/")
            .await
            .header(header::STRICT_TRANSPORT_SECURITY)
            .starts_with("max-age=")
    );
}

#[tokio::test]
async fn pages_allow_only_our_scripts_and_wasm() {
    let s = server().await;
    // The test page has one inline script: a page may, with its hash in the policy.
    std::fs::write(
        s.dir.path().join("dist/index.html"),
        "<!doctype html><head><script type=\"module\">import init from '/app.js'; init();</script></head><body></body>",
    )
    .unwrap();
    for uri in ["/index.html", "/en/", "/en/article/rates-table-explained"] {
        let a = s.get(uri).await;
        assert_eq!(a.status, StatusCode::OK, "{uri}");
        let csp = a.header(header::CONTENT_SECURITY_POLICY).to_string();
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"),
            "{uri}: {csp}"
        );
        for part in [
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'self'",
            "default-src 'self'",
        ] {
            assert!(csp.contains(part), "{uri}: {part} in {csp}");
        }
        assert!(!csp.contains("unsafe-inline"), "{uri}");
        assert_eq!(a.header(header::X_FRAME_OPTIONS), "SAMEORIGIN");
    }
    let widget = s.get("/embed/feed").await;
    let csp = widget.header(header::CONTENT_SECURITY_POLICY);
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval'") && csp.ends_with("frame-ancestors *"),
        "{csp}"
    );
}

#[tokio::test]
async fn a_rendered_page_carries_its_stylesheet_and_loader_inline_under_their_hashes_and_the_shell_links_them()
 {
    let s = server().await;
    let css = "body{margin:0;color:#222}";
    let js = "const files=document.querySelector(\"script[data-wasm]\").dataset;";
    std::fs::write(s.dir.path().join("dist/main-01.css"), css).unwrap();
    std::fs::write(s.dir.path().join("dist/loader.js"), js).unwrap();
    std::fs::write(
        s.dir.path().join("dist/index.html"),
        "<!doctype html><head><link rel=\"stylesheet\" href=\"/main-01.css\" integrity=\"sha384-x\"/>\
         <script type=\"module\" src=\"/loader.js\" data-js=\"/app-01.js\" \
         data-wasm=\"/app-01_bg.wasm\"></script>\
         </head><body><div id=\"app\"><!--shell--><!--/shell--></div></body>",
    )
    .unwrap();
    use base64::Engine;
    use sha2::Digest;
    let hash = |text: &str| {
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(text.as_bytes()))
    };
    for uri in [
        "/en/",
        "/en/article/rates-table-explained",
        "/en/country/KZ",
    ] {
        let a = s.get(uri).await;
        assert!(a.text().contains(&format!("<style>{css}</style>")), "{uri}");
        assert!(!a.text().contains("main-01.css"), "{uri}");
        let loader = format!(
            "<script type=\"module\" data-js=\"/app-01.js\" data-wasm=\"/app-01_bg.wasm\">{js}</script>"
        );
        assert!(a.text().contains(&loader), "{uri}: {}", a.text());
        assert!(!a.text().contains("/loader.js"), "{uri}");
        let csp = a.header(header::CONTENT_SECURITY_POLICY);
        assert!(
            csp.contains(&format!("style-src 'self' 'sha256-{}';", hash(css))),
            "{uri}: {csp}"
        );
        assert!(
            csp.contains(&format!(
                "script-src 'self' 'wasm-unsafe-eval' 'sha256-{}';",
                hash(js)
            )),
            "{uri}: {csp}"
        );
        assert!(!csp.contains("unsafe-inline"), "{uri}");
    }
    // The shell (kept by the service worker for offline starts) links both, as built.
    let shell = s.get("/index.html").await;
    assert!(shell.text().contains("href=\"/main-01.css\"") && !shell.text().contains("<style>"));
    assert!(shell.text().contains("src=\"/loader.js\""));
    let csp = shell.header(header::CONTENT_SECURITY_POLICY);
    assert!(csp.contains("style-src 'self';"), "{csp}");
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval';"),
        "{csp}"
    );
}

async fn post_from(s: &common::TestServer, name: &str, value: &str, text: &str) -> StatusCode {
    let token = s.form_token("rates-table-explained");
    let body = json!({"name": "Farida", "text": text, "token": token}).to_string();
    let request = Request::post(URI)
        .header(header::CONTENT_TYPE, "application/json")
        .header(name, value)
        .body(Body::from(body))
        .unwrap();
    s.send(request).await.status
}

#[tokio::test]
async fn another_sites_page_cannot_post_a_comment() {
    let s = server().await;
    let before = s.get(URI).await.json().as_array().unwrap().len();
    assert_eq!(
        post_from(&s, "sec-fetch-site", "cross-site", "From elsewhere").await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        post_from(&s, "sec-fetch-site", "same-site", "From a sibling").await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        post_from(&s, "origin", "https://evil.example", "From evil").await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(s.get(URI).await.json().as_array().unwrap().len(), before);
    let refused = s
        .send(
            Request::post(URI)
                .header(header::CONTENT_TYPE, "application/json")
                .header(header::ORIGIN, "https://evil.example")
                .body(Body::from(
                    json!({"name": "A", "text": "Hello"}).to_string(),
                ))
                .unwrap(),
        )
        .await;
    assert!(
        refused.json()["error"]
            .as_str()
            .unwrap()
            .contains("Infoshos pages")
    );

    assert_eq!(
        post_from(&s, "sec-fetch-site", "same-origin", "From our page").await,
        StatusCode::CREATED
    );
    assert_eq!(
        post_from(&s, "origin", "http://127.0.0.1:8080", "From our origin").await,
        StatusCode::CREATED
    );
    assert_eq!(
        s.get(URI).await.json().as_array().unwrap().len(),
        before + 2
    );
}

#[tokio::test]
async fn a_client_posting_too_fast_is_told_when_to_try_again() {
    use infoshos_server::middleware::rate_limit::Quota;
    let mut s = server().await;
    s.serve(s.state().with_comment_quota(Quota::COMMENTS));
    let post = |n: usize| json!({"name": "Quick", "text": format!("Comment number {n}")});
    // Two at once are fine (the burst)…
    assert_eq!(s.post_json(URI, &post(1)).await.status, StatusCode::CREATED);
    assert_eq!(s.post_json(URI, &post(2)).await.status, StatusCode::CREATED);
    // …the third is too soon.
    let third = s.post_json(URI, &post(3)).await;
    assert_eq!(third.status, StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = third.header(header::RETRY_AFTER).parse().unwrap();
    assert!((1..=12).contains(&wait), "Retry-After {wait}");
    assert!(
        third.json()["error"]
            .as_str()
            .unwrap()
            .contains("Too many comments too quickly")
    );
    // Reading is never limited.
    for _ in 0..10 {
        assert_eq!(s.get(URI).await.status, StatusCode::OK);
    }
}

#[tokio::test]
async fn a_large_body_is_refused_on_every_route_before_it_is_read() {
    let s = server().await;
    let big = "x".repeat(100 * 1024);
    for uri in [
        "/api/admin/login",
        "/api/admin/comments",
        "/api/states",
        "/en/",
    ] {
        let a = s
            .send(
                Request::post(uri)
                    .header(header::CONTENT_TYPE, "application/json")
                    .header(header::CONTENT_LENGTH, big.len())
                    .body(Body::from(big.clone()))
                    .unwrap(),
            )
            .await;
        assert_eq!(a.status, StatusCode::PAYLOAD_TOO_LARGE, "{uri}");
    }
}
