//! Bad uploads, each refused with a clear message in the editor's language and nothing stored;
//! and the server keeps answering readers while twenty photos are processed at once.

use crate::common;

use axum::http::StatusCode;
use common::editors::{premoderated, sign_in};
use common::photos::{form, library, send_body, send_form, upload};
use infoshos_server::media::test_pictures::{declared_png, halves_jpeg};
use serde_json::json;

#[tokio::test]
async fn each_bad_file_is_refused_with_its_reason_and_nothing_is_stored() {
    let s = premoderated(false).await;
    let chief = sign_in(&s).await;
    let jpeg = halves_jpeg(400, 300);
    let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".to_vec();
    let corpus: Vec<(&str, Vec<u8>, &str)> = vec![
        ("nothing", vec![], "Choose a photo file: nothing was sent."),
        (
            "text named .jpg",
            b"not a photo at all".to_vec(),
            "This file is not a photo (JPEG, PNG or WebP).",
        ),
        (
            "a cut JPEG",
            jpeg[..jpeg.len() / 2].to_vec(),
            "This file is damaged or cut short: upload it again from the original.",
        ),
        (
            "a PNG declaring 100 000 x 100 000",
            declared_png(100_000, 100_000),
            "This photo is 100000 × 100000 pixels: at most 50 megapixels and 12 000 a side are taken.",
        ),
        (
            "an SVG",
            svg,
            "SVG is not taken: it can carry scripts. Upload a JPEG, PNG or WebP.",
        ),
        (
            "a GIF",
            b"GIF89a\x01\x00\x01\x00\x00\x00\x00;".to_vec(),
            "GIF is not taken: upload a JPEG, PNG or WebP photo.",
        ),
    ];
    for (what, bytes, message) in corpus {
        let a = upload(&s, &chief, &bytes, "Alt text").await;
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{what}");
        assert_eq!(a.json()["fields"]["file"], message, "{what}");
    }
    assert_eq!(library(&s, &chief).await, json!([]), "nothing is stored");
}

#[tokio::test]
async fn a_form_without_alt_text_or_without_a_file_says_every_problem_in_the_editors_language() {
    let s = premoderated(false).await;
    let chief = sign_in(&s).await;
    let body = form(None, &[("alt", "  "), ("credit", "x".repeat(121).as_str())]);
    let a = send_form(&s, &chief, body, "ru").await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields = &a.json()["fields"];
    assert_eq!(fields["file"], "Выберите файл фото: ничего не отправлено.");
    assert!(
        fields["alt"].is_string() && fields["credit"].is_string(),
        "{fields:?}"
    );
    assert!(fields.get("caption").is_none());
    assert_eq!(library(&s, &chief).await, json!([]), "nothing is stored");
}

#[tokio::test]
async fn an_html_page_hidden_in_a_jpeg_never_reaches_a_reader() {
    let s = premoderated(false).await;
    let chief = sign_in(&s).await;
    // A JPEG whose comment segment holds a page with a script: a valid photo, so it is taken,
    // and every variant is encoded afresh from its pixels.
    let jpeg = halves_jpeg(400, 300);
    let page = b"<html><script>alert(document.cookie)</script></html>";
    let mut polyglot = jpeg[..2].to_vec();
    polyglot.extend_from_slice(&[0xFF, 0xFE]);
    polyglot.extend_from_slice(&((page.len() + 2) as u16).to_be_bytes());
    polyglot.extend_from_slice(page);
    polyglot.extend_from_slice(&jpeg[2..]);
    let a = upload(&s, &chief, &polyglot, "Halves").await;
    assert_eq!(a.status, StatusCode::CREATED, "{:?}", a.json());
    let id = a.json()["id"].as_str().unwrap().to_string();
    for name in [
        format!("{id}-320.jpg"),
        format!("{id}-320.webp"),
        format!("{id}-card.jpg"),
    ] {
        let v = s.get(&format!("/media/{name}")).await;
        assert_eq!(v.status, StatusCode::OK);
        assert!(
            !String::from_utf8_lossy(&v.body).contains("<script"),
            "{name}"
        );
    }
}

#[tokio::test]
async fn a_file_over_the_upload_limit_is_refused_and_other_routes_keep_their_small_limit() {
    let s = premoderated(false).await;
    let chief = sign_in(&s).await;
    let big = vec![0u8; infoshos_model::photos::UPLOAD_MAX_BYTES + 128 * 1024];
    // Sent in pieces, of unknown length (as a browser streams it): read up to the limit, then
    // said so.
    let pieces: Vec<Result<Vec<u8>, std::io::Error>> = form(Some(&big), &[("alt", "Big")])
        .chunks(64 * 1024)
        .map(|c| Ok(c.to_vec()))
        .collect();
    let stream = axum::body::Body::from_stream(futures_util::stream::iter(pieces));
    let a = send_body(&s, &chief, stream, "en", None).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{:?}", a.json());
    assert_eq!(a.json()["fields"]["file"], "This file is over 40 MB.");
    // Declared far too large: refused before a byte is read.
    let bigger = vec![0u8; infoshos_model::photos::UPLOAD_MAX_BYTES + 2 * 1024 * 1024];
    let body = form(Some(&bigger), &[("alt", "Big")]);
    let length = body.len();
    let declared = send_body(&s, &chief, axum::body::Body::from(body), "en", Some(length)).await;
    assert_eq!(declared.status, StatusCode::PAYLOAD_TOO_LARGE);
    // Other routes keep their small limit.
    let comment = vec![b'x'; 70 * 1024];
    let b = s
        .send(
            axum::http::Request::post("/api/admin/login")
                .header("content-type", "application/json")
                .header("content-length", comment.len())
                .body(axum::body::Body::from(comment))
                .unwrap(),
        )
        .await;
    assert_eq!(b.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readers_are_answered_while_twenty_photos_are_processed() {
    let s = std::sync::Arc::new(premoderated(false).await);
    let chief = sign_in(&s).await;
    let mut uploads = Vec::new();
    for i in 0..20u32 {
        let (s, chief) = (s.clone(), chief.clone());
        uploads.push(tokio::spawn(async move {
            let file = halves_jpeg(1000 + i, 700);
            upload(&s, &chief, &file, "One of twenty").await.status
        }));
    }
    // Give the burst a moment to start, then read the feed while it runs.
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let asked = std::time::Instant::now();
    let feed = s.get("/api/articles?lang=en").await;
    assert_eq!(feed.status, StatusCode::OK);
    let still_processing = uploads.iter().filter(|t| !t.is_finished()).count();
    eprintln!(
        "the feed answered in {:?} with {still_processing} of 20 uploads still in progress",
        asked.elapsed()
    );
    assert!(
        still_processing > 0,
        "the feed should have answered while uploads were still being processed"
    );
    let mut created = 0;
    for upload in uploads {
        assert_eq!(upload.await.unwrap(), StatusCode::CREATED);
        created += 1;
    }
    assert_eq!(created, 20);
    assert_eq!(library(&s, &chief).await.as_array().unwrap().len(), 20);
}
