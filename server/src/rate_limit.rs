//! How often one client may post: a few comments a minute each (tower_governor, keyed by the
//! client's address). Behind a reverse proxy every request comes from the proxy, so its
//! `X-Forwarded-For` is believed, but only from the proxies the operator names.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;

use axum::Json;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{HeaderValue, Request, Response, StatusCode, header};
use infoshos_model::ApiError;
use tower_governor::GovernorError;
use tower_governor::GovernorLayer;
use tower_governor::governor::GovernorConfigBuilder;
use tower_governor::key_extractor::KeyExtractor;

/// A quota: `burst` posts at once, then one more every `every_ms`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quota {
    pub every_ms: u64,
    pub burst: u32,
}

impl Quota {
    /// Five comments a minute, two at once.
    pub const COMMENTS: Quota = Quota {
        every_ms: 12_000,
        burst: 2,
    };

    /// Editors' sign-in attempts: five, then one a minute.
    pub const LOGINS: Quota = Quota {
        every_ms: 60_000,
        burst: 5,
    };
}

/// The address a request is from, for counting.
#[derive(Debug, Clone, Default)]
pub struct ClientIp {
    pub trusted_proxies: Arc<Vec<IpAddr>>,
}

impl KeyExtractor for ClientIp {
    type Key = IpAddr;

    fn extract<T>(&self, request: &Request<T>) -> Result<IpAddr, GovernorError> {
        // Without a socket (tests through `oneshot`) every request is one client.
        let Some(ConnectInfo(peer)) = request.extensions().get::<ConnectInfo<SocketAddr>>() else {
            return Ok(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
        };
        let forwarded = request
            .headers()
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok());
        Ok(client_ip(peer.ip(), forwarded, &self.trusted_proxies))
    }
}

/// The peer, unless it is a trusted proxy: then the nearest address in `X-Forwarded-For`
/// (read from the right) that is not a trusted proxy. Garbage in the header counts as the
/// proxy itself, so a client can't pick its own key by writing nonsense.
pub fn client_ip(peer: IpAddr, forwarded_for: Option<&str>, trusted: &[IpAddr]) -> IpAddr {
    if !trusted.contains(&peer) {
        return peer;
    }
    let Some(list) = forwarded_for else {
        return peer;
    };
    let mut client = peer;
    for hop in list.rsplit(',') {
        match hop.trim().parse::<IpAddr>() {
            Ok(ip) if trusted.contains(&ip) => client = ip,
            Ok(ip) => return ip,
            Err(_) => return client,
        }
    }
    client
}

/// The layer for one handler: over quota is a 429 with `Retry-After` and a JSON body.
pub fn layer(
    quota: Quota,
    clients: ClientIp,
    what: &'static str,
) -> GovernorLayer<ClientIp, governor::middleware::NoOpMiddleware, Body> {
    let config = GovernorConfigBuilder::default()
        .key_extractor(clients)
        .per_millisecond(quota.every_ms)
        .burst_size(quota.burst)
        .finish()
        .expect("a quota with a period and a burst above zero");
    GovernorLayer::new(config).error_handler(move |error| too_many(error, what))
}

fn too_many(error: GovernorError, what: &str) -> Response<Body> {
    let wait = match &error {
        GovernorError::TooManyRequests { wait_time, .. } => *wait_time,
        _ => 1,
    };
    let body = ApiError::new(format!(
        "Too many {what} too quickly. Please wait {wait} s and try again."
    ));
    let mut response =
        axum::response::IntoResponse::into_response((StatusCode::TOO_MANY_REQUESTS, Json(body)));
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(wait.max(1)));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn forwarded_addresses_count_only_from_trusted_proxies() {
        let proxy = [ip("10.0.0.1"), ip("10.0.0.2")];
        let header = Some("203.0.113.9, 198.51.100.7, 10.0.0.2");
        // Untrusted peer: its own address, whatever it claims.
        assert_eq!(client_ip(ip("192.0.2.5"), header, &proxy), ip("192.0.2.5"));
        assert_eq!(client_ip(ip("192.0.2.5"), header, &[]), ip("192.0.2.5"));
        // Trusted proxy: the nearest address that is not one of ours.
        assert_eq!(
            client_ip(ip("10.0.0.1"), header, &proxy),
            ip("198.51.100.7")
        );
        assert_eq!(client_ip(ip("10.0.0.1"), None, &proxy), ip("10.0.0.1"));
        assert_eq!(
            client_ip(ip("10.0.0.1"), Some("junk"), &proxy),
            ip("10.0.0.1")
        );
    }
}
