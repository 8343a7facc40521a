//! How often one client may post comments or try to sign in, keyed by the client's address.
//! Behind a reverse proxy every request comes from the proxy, so its `X-Forwarded-For` is
//! believed, but only from the proxies the operator names.
//!
//! Where the allowance is counted depends on the engine: a SQLite portal is one process, which
//! counts in memory (`governor`, no write per request); on PostgreSQL several replicas serve one
//! portal, so the count is kept in the database (`Storage::take_pace`) and a client gets the
//! same allowance whichever replica it reaches. Both count the same way (GCRA).

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use axum::Json;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, RateLimiter};
use infoshos_model::ApiError;

use crate::storage::{Engine, Storage};

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

impl ClientIp {
    pub fn of<B>(&self, request: &axum::http::Request<B>) -> IpAddr {
        // Without a socket (tests through `oneshot`) every request is one client.
        let Some(ConnectInfo(peer)) = request.extensions().get::<ConnectInfo<SocketAddr>>() else {
            return IpAddr::V4(Ipv4Addr::UNSPECIFIED);
        };
        let forwarded = request
            .headers()
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok());
        client_ip(peer.ip(), forwarded, &self.trusted_proxies)
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

/// One allowance (comments, sign-in attempts) for every client, counted where the engine says.
#[derive(Clone)]
pub struct Pace {
    quota: Quota,
    clients: ClientIp,
    /// The allowance's name in the database.
    bucket: &'static str,
    /// What is counted, in the 429's words.
    what: &'static str,
    counter: Counter,
}

impl std::fmt::Debug for Pace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pace")
            .field("bucket", &self.bucket)
            .field("quota", &self.quota)
            .finish()
    }
}

#[derive(Clone)]
enum Counter {
    Memory(Arc<DefaultKeyedRateLimiter<String>>),
    Database(Storage),
}

/// How many clients the in-memory count holds before it forgets the ones with a full allowance.
const REMEMBERED_CLIENTS: usize = 10_000;

impl Pace {
    pub fn new(
        storage: &Storage,
        quota: Quota,
        clients: ClientIp,
        bucket: &'static str,
        what: &'static str,
    ) -> Pace {
        let counter = match storage.engine() {
            Engine::Sqlite => {
                // The settings are checked at start (`config_check`); the fallbacks only keep
                // this total.
                let every = Duration::from_millis(quota.every_ms.max(1));
                let burst = NonZeroU32::new(quota.burst).unwrap_or(NonZeroU32::MIN);
                let limit = governor::Quota::with_period(every)
                    .unwrap_or(governor::Quota::per_second(NonZeroU32::MIN))
                    .allow_burst(burst);
                Counter::Memory(Arc::new(RateLimiter::keyed(limit)))
            }
            Engine::Postgres => Counter::Database(storage.clone()),
        };
        Pace {
            quota,
            clients,
            bucket,
            what,
            counter,
        }
    }

    /// `None` when the client may go on; else how many whole seconds it should wait.
    /// Takes one from `key`'s allowance (a client's address, or an account's name for
    /// sign-in): `Some(seconds)` to wait when none is left.
    pub async fn take(&self, key: &str) -> Result<Option<u64>, sqlx::Error> {
        match &self.counter {
            Counter::Memory(limiter) => {
                if limiter.len() > REMEMBERED_CLIENTS {
                    limiter.retain_recent();
                }
                Ok(limiter.check_key(&key.to_string()).err().map(|not_until| {
                    not_until
                        .wait_time_from(DefaultClock::default().now())
                        .as_secs_f64()
                        .ceil() as u64
                }))
            }
            Counter::Database(storage) => {
                let now = chrono::Utc::now().timestamp_millis();
                let every = i64::try_from(self.quota.every_ms).unwrap_or(i64::MAX / 4);
                let wait = storage
                    .take_pace(self.bucket, key, now, every, self.quota.burst)
                    .await?;
                Ok(wait.map(|ms| (ms as u64).div_ceil(1000)))
            }
        }
    }
}

/// The middleware for one handler: over the allowance is a 429 with `Retry-After` and a JSON
/// body. When the database cannot count, the request is not let through uncounted: it gets
/// the server's error answer, as any request the database fails.
pub async fn check(State(pace): State<Pace>, request: Request, next: Next) -> Response {
    match pace.take(&pace.clients.of(&request).to_string()).await {
        Ok(None) => next.run(request).await,
        Ok(Some(wait)) => too_many(wait, pace.what),
        Err(err) => crate::error::AppError::from(err).into_response(),
    }
}

pub fn too_many(wait: u64, what: &str) -> Response {
    let wait = wait.max(1);
    let body = ApiError::new(format!(
        "Too many {what} too quickly. Please wait {wait} s and try again."
    ));
    let mut response = (StatusCode::TOO_MANY_REQUESTS, Json(body)).into_response();
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(wait));
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
