use std::io::Read;

use super::*;

fn asking(pairs: &[(header::HeaderName, &str)]) -> HeaderMap {
    let mut headers = HeaderMap::new();
    for (name, value) in pairs {
        headers.insert(name.clone(), HeaderValue::from_str(value).unwrap());
    }
    headers
}

fn accepting(list: &str) -> HeaderMap {
    asking(&[(header::ACCEPT_ENCODING, list)])
}

#[test]
fn the_encoding_is_the_best_the_reader_accepts() {
    assert_eq!(accepted(&HeaderMap::new()), Encoding::Plain);
    assert_eq!(
        accepted(&accepting("gzip, deflate, br, zstd")),
        Encoding::Brotli
    );
    assert_eq!(accepted(&accepting("gzip, deflate")), Encoding::Gzip);
    assert_eq!(accepted(&accepting("br;q=0, gzip")), Encoding::Gzip);
    assert_eq!(accepted(&accepting("br;q=0.5, gzip;q=0.9")), Encoding::Gzip);
    assert_eq!(accepted(&accepting("BR")), Encoding::Brotli);
    assert_eq!(accepted(&accepting("*")), Encoding::Brotli);
    assert_eq!(accepted(&accepting("*;q=0, gzip")), Encoding::Gzip);
    assert_eq!(accepted(&accepting("identity")), Encoding::Plain);
    assert_eq!(accepted(&accepting("deflate, zstd")), Encoding::Plain);
    assert_eq!(accepted(&accepting(";;, ,q=x")), Encoding::Plain);
}

fn page() -> Finished {
    let headers = asking(&[
        (header::CONTENT_TYPE, "text/html; charset=utf-8"),
        (header::CACHE_CONTROL, "public, max-age=60"),
        (header::VARY, "Cookie"),
    ]);
    Finished::new(
        StatusCode::OK,
        headers,
        "<p>Новости ШОС</p>".repeat(200),
        None,
    )
}

async fn body(response: Response) -> Vec<u8> {
    axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap()
        .to_vec()
}

#[tokio::test]
async fn each_encoding_holds_the_same_page_with_its_own_tag() {
    let page = page();
    let expected = "<p>Новости ШОС</p>".repeat(200).into_bytes();
    let mut tags = Vec::new();
    for (list, encoding) in [("br", Some("br")), ("gzip", Some("gzip")), ("", None)] {
        let answer = page.answer(&accepting(list));
        assert_eq!(answer.status(), StatusCode::OK);
        let headers = answer.headers().clone();
        assert_eq!(
            headers
                .get(header::CONTENT_ENCODING)
                .map(|v| v.to_str().unwrap()),
            encoding
        );
        assert_eq!(headers[header::VARY], "Cookie, Accept-Encoding");
        assert_eq!(headers[header::CACHE_CONTROL], "public, max-age=60");
        let bytes = body(answer).await;
        let mut plain = Vec::new();
        match encoding {
            Some("br") => {
                brotli::Decompressor::new(&bytes[..], 4096)
                    .read_to_end(&mut plain)
                    .unwrap();
                assert!(bytes.len() * 20 < expected.len(), "{} bytes", bytes.len());
            }
            Some(_) => {
                flate2::read::GzDecoder::new(&bytes[..])
                    .read_to_end(&mut plain)
                    .unwrap();
            }
            None => plain = bytes.clone(),
        }
        assert_eq!(plain, expected, "{list}");
        // Strong (a page without a form token), and named for its encoding.
        let tag = headers[header::ETAG].to_str().unwrap().to_string();
        let suffix = match encoding {
            Some("br") => "-br\"",
            Some(_) => "-gz\"",
            None => "-id\"",
        };
        assert!(tag.starts_with('"') && tag.ends_with(suffix), "{tag}");
        tags.push(tag);
    }
    tags.dedup();
    assert_eq!(tags.len(), 3, "a strong tag per encoding");
}

#[tokio::test]
async fn a_reader_with_the_current_copy_gets_a_304_without_a_body() {
    let page = page();
    let tag = page.answer(&accepting("br")).headers()[header::ETAG].clone();
    let again = page.answer(&asking(&[
        (header::ACCEPT_ENCODING, "br"),
        (header::IF_NONE_MATCH, tag.to_str().unwrap()),
    ]));
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(again.headers()[header::ETAG], tag);
    assert!(again.headers().get(header::CONTENT_ENCODING).is_none());
    assert!(body(again).await.is_empty());
    let other = page.answer(&asking(&[
        (header::ACCEPT_ENCODING, "gzip"),
        (header::IF_NONE_MATCH, tag.to_str().unwrap()),
    ]));
    assert_eq!(other.status(), StatusCode::OK, "the gzip copy is another");
}
