//! A Server-Sent Events stream read as a browser's `EventSource` reads it: events with their
//! `id` and `data`, comments (keep-alives) skipped.

use std::time::Duration;

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

use super::TestServer;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub id: String,
    pub data: String,
}

pub struct Events {
    pub status: StatusCode,
    pub headers: HeaderMap,
    body: Body,
    text: String,
}

impl Events {
    /// Opens `uri` on `s`, with `headers` (`Last-Event-ID`, `Accept-Encoding`).
    pub async fn open(s: &TestServer, uri: &str, headers: &[(&str, &str)]) -> Events {
        let mut request = Request::get(uri);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = s
            .router
            .clone()
            .oneshot(request.body(Body::empty()).unwrap())
            .await
            .unwrap();
        Events {
            status: response.status(),
            headers: response.headers().clone(),
            body: response.into_body(),
            text: String::new(),
        }
    }

    /// The next event, or `None` when none comes within `wait` or the stream ends.
    pub async fn within(&mut self, wait: Duration) -> Option<Event> {
        tokio::time::timeout(wait, self.next()).await.ok().flatten()
    }

    async fn next(&mut self) -> Option<Event> {
        loop {
            if let Some(end) = self.text.find("\n\n") {
                let block: String = self.text.drain(..end + 2).collect();
                let field = |name: &str| {
                    block
                        .lines()
                        .find_map(|l| l.strip_prefix(name))
                        .map(|v| v.trim_start().to_string())
                };
                if let Some(data) = field("data:") {
                    return Some(Event {
                        id: field("id:").unwrap_or_default(),
                        data,
                    });
                }
                continue;
            }
            let frame = self.body.frame().await?.ok()?;
            if let Ok(bytes) = frame.into_data() {
                self.text.push_str(&String::from_utf8_lossy(&bytes));
            }
        }
    }

    /// Whether the stream ends within `wait`.
    pub async fn ends_within(&mut self, wait: Duration) -> bool {
        tokio::time::timeout(wait, async {
            while self.body.frame().await.is_some_and(|f| f.is_ok()) {}
        })
        .await
        .is_ok()
    }
}
