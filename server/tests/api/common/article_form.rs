//! The article page's comment form as a browser without JavaScript sends it.

use axum::body::Body;
use axum::http::{Request, header};

use super::{Answer, TestServer};

pub fn encoded(fields: &[(&str, &str)]) -> String {
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields)
        .finish()
}

/// Posts the form of `slug`'s page to `address` (the page's own, with its query), with a valid
/// token unless `fields` names one.
pub async fn post_to(s: &TestServer, address: &str, slug: &str, fields: &[(&str, &str)]) -> Answer {
    let token = s.form_token(slug);
    let mut fields = fields.to_vec();
    if !fields.iter().any(|(k, _)| *k == "token") {
        fields.push(("token", &token));
    }
    s.send(
        Request::post(address)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(encoded(&fields)))
            .unwrap(),
    )
    .await
}
