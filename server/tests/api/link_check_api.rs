//! The desk's link check (issue 33): a link to a page that answers 404 is found before readers
//! find it, on another site (a small server of the test's own) or on the portal; an address
//! inside the server's network is never asked unless the setting allows it; a bad address is
//! refused with a message.

use crate::common;

use axum::http::StatusCode;
use common::editors::{call, premoderated, sign_in};
use serde_json::{Value, json};

/// A site with one page, `/here`; everything else answers 404, `/moved` redirects to `/gone`,
/// and `/no-head` refuses HEAD (405) but answers GET.
async fn other_site() -> String {
    use axum::routing::get;
    let app = axum::Router::new()
        .route("/here", get(|| async { "here" }))
        .route(
            "/moved",
            get(|| async { axum::response::Redirect::temporary("/gone") }),
        )
        .route(
            "/no-head",
            axum::routing::get(|| async { "answers GET" })
                .head(|| async { StatusCode::METHOD_NOT_ALLOWED }),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let at = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{at}")
}

async fn checked(s: &common::TestServer, cookie: &str, url: &str) -> (StatusCode, Value) {
    let answer = call(
        s,
        "GET",
        &format!("/api/admin/link-check?url={}", urlencoding(url)),
        Some(cookie),
        None,
    )
    .await;
    (answer.status, answer.json())
}

fn urlencoding(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test]
async fn a_link_to_a_missing_page_answers_404_here_or_elsewhere() {
    let site = other_site().await;
    let mut s = premoderated(false).await;
    s.serve(s.state().with_private_links_checked());
    let cookie = sign_in(&s).await;
    for (url, status) in [
        (format!("{site}/here"), 200),
        (format!("{site}/gone"), 404),
        (format!("{site}/moved"), 404),
        (format!("{site}/no-head"), 200),
        ("/en/article/chess-festival-tashkent-2025".into(), 200),
        ("/en/article/chess-festival-tashkent-2025#top".into(), 200),
        ("/en/article/no-such-article".into(), 404),
        ("/ru/".into(), 200),
        ("/nowhere/at/all".into(), 404),
    ] {
        let (code, body) = checked(&s, &cookie, &url).await;
        assert_eq!(code, StatusCode::OK, "{url}");
        assert_eq!(body, json!({"status": status}), "{url}");
    }
    // An e-mail address is not asked.
    let (_, body) = checked(&s, &cookie, "mailto:desk@sco.example").await;
    assert_eq!(body, json!({"status": null}));
    // What no link may be is refused, and said why.
    let (code, body) = checked(&s, &cookie, "javascript:alert(1)").await;
    assert_eq!(code, StatusCode::BAD_REQUEST);
    assert!(body["error"].as_str().unwrap().contains("url"), "{body}");
}

#[tokio::test]
async fn an_address_inside_the_servers_network_is_never_asked() {
    let site = other_site().await;
    let s = premoderated(false).await;
    let cookie = sign_in(&s).await;
    for url in [
        format!("{site}/gone"),
        "http://10.0.0.1/gone".into(),
        "http://192.168.1.1/".into(),
        // A cloud's metadata service.
        "http://169.254.169.254/latest/meta-data/".into(),
    ] {
        let (code, body) = checked(&s, &cookie, &url).await;
        assert_eq!(code, StatusCode::OK, "{url}");
        assert_eq!(body, json!({"status": null}), "{url}: not asked");
    }
    // Names without a domain and bracketed addresses are not link addresses at all.
    let port = site.rsplit(':').next().unwrap();
    for url in [
        format!("http://localhost:{port}/gone"),
        format!("http://[::1]:{port}/gone"),
    ] {
        let (code, _) = checked(&s, &cookie, &url).await;
        assert_eq!(code, StatusCode::BAD_REQUEST, "{url}");
    }
}
