//! Reader pages kept as they are sent: the bytes plain, in brotli and in gzip, each compressed
//! once when the page is drawn (at the highest quality: a page is drawn at most every few
//! seconds and sent many times) with its ETag. A kept page is sent at the speed of a
//! file; before, every request compressed it again (`make bench`: 1 041 pages a second with
//! `Accept-Encoding: br` against 2 867 plain, see decision 0018).

use std::io::Write;
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;

use crate::kept::Kept;
use crate::middleware::etag;
use crate::pages::text;

/// A page's address, the reader's UTC offset (its dates and clocks) and theme: what makes two
/// readers' pages differ.
pub type Key = (String, String, i32, Option<String>);

/// Finished reader pages, kept until the next write and a few seconds at most (the clocks on
/// them show minutes; `render::PAGE_MAX_AGE`).
pub type FinishedPages = Kept<Key, Arc<Finished>>;

pub fn new_pages() -> FinishedPages {
    Kept::new(crate::pages::render::PAGE_MAX_AGE, 1_024)
}

/// The key of the page at `path` and `query` for the reader whose request had `headers`.
pub fn key(path: &str, query: &str, headers: &HeaderMap) -> Key {
    (
        path.to_string(),
        query.to_string(),
        text::reader_offset(headers),
        text::chosen_theme(headers),
    )
}

/// One encoding of a page: its bytes and their tag.
#[derive(Debug)]
struct Encoded {
    bytes: Bytes,
    tag: HeaderValue,
}

impl Encoded {
    fn new(bytes: Vec<u8>, tag: String) -> Encoded {
        let tag = HeaderValue::from_str(&tag).expect("a base64url tag is a header value");
        Encoded {
            bytes: Bytes::from(bytes),
            tag,
        }
    }
}

/// The tags of a page's three encodings. A page with a part that differs at every drawing (an
/// article's form token, signed with its time) is tagged by the rest, weakly (`W/`): the same
/// article drawn again keeps its tags, and a browser holding it gets a 304 and keeps its form,
/// whose token is good for a day (`form_token`). Any other page by its bytes.
fn tags(plain: &str, varying: Option<&str>) -> [String; 3] {
    let (text, weak) = match varying.filter(|v| !v.is_empty()) {
        Some(part) => (plain.replace(part, ""), "W/"),
        None => (plain.to_string(), ""),
    };
    let base = etag::strong_tag(text.as_bytes());
    let base = base.trim_matches('"');
    ["br", "gz", "id"].map(|encoding| format!("{weak}\"{base}-{encoding}\""))
}

/// A page as sent: its status, its headers (policy, caching) and its bytes in each encoding.
#[derive(Debug)]
pub struct Finished {
    status: StatusCode,
    headers: HeaderMap,
    plain: Encoded,
    brotli: Encoded,
    gzip: Encoded,
}

/// The encodings a kept page is sent in, the smallest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Brotli,
    Gzip,
    Plain,
}

impl Finished {
    /// `page` with `status` and `headers`, compressed in each encoding; `varying` is the part
    /// of it that differs at every drawing, if any (`tags`).
    pub fn new(
        status: StatusCode,
        mut headers: HeaderMap,
        page: String,
        varying: Option<&str>,
    ) -> Finished {
        let [brotli_tag, gzip_tag, plain_tag] = tags(&page, varying);
        let plain = page.into_bytes();
        let mut brotli = Vec::with_capacity(plain.len() / 4);
        {
            // Quality 11, a 4 MB window: the demo's /en/ (58.5 KB) in 10.3 KB, ~75 ms of one
            // core once per drawing; quality 9 would be 11.4 KB, quality 5 11.5 KB, both in a
            // few ms (brotli's command-line tool on that page, these settings).
            let mut writer = brotli::CompressorWriter::new(&mut brotli, 4096, 11, 22);
            writer.write_all(&plain).expect("writing to memory");
        }
        let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gzip.write_all(&plain).expect("writing to memory");
        let gzip = gzip.finish().expect("writing to memory");
        headers.insert(
            header::VARY,
            HeaderValue::from_static("Cookie, Accept-Encoding"),
        );
        headers.remove(header::CONTENT_LENGTH);
        Finished {
            status,
            headers,
            plain: Encoded::new(plain, plain_tag),
            brotli: Encoded::new(brotli, brotli_tag),
            gzip: Encoded::new(gzip, gzip_tag),
        }
    }

    /// The page for a request with `headers`: in the encoding it accepts best, or a 304 when
    /// it holds that encoding's current tag.
    pub fn answer(&self, request: &HeaderMap) -> Response {
        let (encoded, name) = match accepted(request) {
            Encoding::Brotli => (&self.brotli, Some("br")),
            Encoding::Gzip => (&self.gzip, Some("gzip")),
            Encoding::Plain => (&self.plain, None),
        };
        let current = request
            .get(header::IF_NONE_MATCH)
            .is_some_and(|wanted| etag::matches(wanted, encoded.tag.to_str().unwrap_or_default()));
        let mut response = if current {
            let mut response = Response::new(Body::empty());
            *response.status_mut() = StatusCode::NOT_MODIFIED;
            response
        } else {
            let mut response = Response::new(Body::from(encoded.bytes.clone()));
            *response.status_mut() = self.status;
            response
        };
        let headers = response.headers_mut();
        headers.extend(self.headers.clone());
        headers.insert(header::ETAG, encoded.tag.clone());
        if current {
            headers.remove(header::CONTENT_TYPE);
        } else if let Some(name) = name {
            headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(name));
        }
        response
    }
}

/// The best encoding `Accept-Encoding` allows (RFC 9110 12.5.3): brotli, then gzip, then the
/// page as it is; `q=0` refuses one, `*` stands for any not named.
pub fn accepted(request: &HeaderMap) -> Encoding {
    let Some(list) = request
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
    else {
        return Encoding::Plain;
    };
    let weights: Vec<(String, f32)> = list
        .split(',')
        .filter_map(|item| {
            let mut parts = item.split(';');
            let name = parts.next()?.trim().to_ascii_lowercase();
            let q = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            (!name.is_empty()).then_some((name, q))
        })
        .collect();
    let weight = |name: &str| {
        weights
            .iter()
            .find(|(n, _)| n == name)
            .or_else(|| weights.iter().find(|(n, _)| n == "*"))
            .map_or(0.0, |(_, q)| *q)
    };
    let (brotli, gzip) = (weight("br"), weight("gzip"));
    if brotli > 0.0 && brotli >= gzip {
        Encoding::Brotli
    } else if gzip > 0.0 {
        Encoding::Gzip
    } else {
        Encoding::Plain
    }
}

#[cfg(test)]
#[path = "finished_tests.rs"]
mod tests;
