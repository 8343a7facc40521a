//! Photo uploads as `/admin` sends them: a multipart form with the file and its texts.

use axum::body::Body;
use axum::http::{Request, header};

use super::{Answer, TestServer};

const BOUNDARY: &str = "infoshos-test-boundary-7d3f";

/// A multipart body of text fields and, when given, the file (named `photo.jpg` whatever it
/// holds: the server reads the bytes, not the name).
pub fn form(file: Option<&[u8]>, fields: &[(&str, &str)]) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    if let Some(bytes) = file {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; \
                 filename=\"photo.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

/// Sends `body` (see `form`) as `cookie`'s upload, in the editor's `lang`.
pub async fn send_form(s: &TestServer, cookie: &str, body: Vec<u8>, lang: &str) -> Answer {
    send_body(s, cookie, Body::from(body), lang, None).await
}

/// Sends a form's `body` as it comes (in pieces, say), with a `Content-Length` when `declared`.
pub async fn send_body(
    s: &TestServer,
    cookie: &str,
    body: Body,
    lang: &str,
    declared: Option<usize>,
) -> Answer {
    let mut request = Request::post("/api/admin/photos")
        .header(header::COOKIE, cookie)
        .header(header::ACCEPT_LANGUAGE, lang)
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        );
    if let Some(length) = declared {
        request = request.header(header::CONTENT_LENGTH, length);
    }
    s.send(request.body(body).unwrap()).await
}

/// The size of a served picture, read from its bytes.
pub fn size_of(bytes: &[u8]) -> (u32, u32) {
    let picture = image::load_from_memory(bytes).expect("a picture");
    (picture.width(), picture.height())
}

/// Uploads `bytes` with alt text `alt` as `cookie`.
pub async fn upload(s: &TestServer, cookie: &str, bytes: &[u8], alt: &str) -> Answer {
    let body = form(
        Some(bytes),
        &[("alt", alt), ("caption", "A test"), ("credit", "Tests")],
    );
    send_form(s, cookie, body, "en").await
}

/// Uploads `bytes` as `upload` does, and the new photo's id.
pub async fn uploaded_id(s: &TestServer, cookie: &str, bytes: &[u8], alt: &str) -> String {
    let answer = upload(s, cookie, bytes, alt).await;
    answer.json()["id"]
        .as_str()
        .unwrap_or_else(|| panic!("an upload: {:?}", answer.json()))
        .to_string()
}

/// The photo library as `cookie` sees it (newest first).
pub async fn library(s: &TestServer, cookie: &str) -> serde_json::Value {
    super::editors::call(s, "GET", "/api/admin/photos", Some(cookie), None)
        .await
        .json()
}
