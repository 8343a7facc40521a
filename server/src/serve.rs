//! Serving connections. axum's own `serve` starts no timer, so hyper's header read timeout never
//! ran: 200 connections each sending a header line every 2 s were all open at 32 s, and idle
//! ones at 95 s (the 30 s request timeout starts only once the headers are in). Here hyper's
//! HTTP/1.1 server runs with tokio's timer: a connection must finish its request's headers
//! within `header_read` of starting it, and that same limit is the idle keep-alive limit, since
//! an idle connection is one waiting for its next request's headers. HTTP/1.1 only: browsers
//! speak it to a server without TLS, and the shipped nginx speaks it to its upstream.

use std::convert::Infallible;
use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tower::ServiceExt;

/// How long a client has to send a request's headers, and how long an idle connection stays.
/// Longer than the shipped nginx keeps an idle upstream connection (its `keepalive_timeout`,
/// 10 s), so the proxy always closes one before we do and never sends on a closed one.
pub const HEADER_READ: Duration = Duration::from_secs(20);

/// How long requests under way may take to finish once shutdown has begun.
const DRAIN: Duration = Duration::from_secs(10);

/// Serves `router` on `listener` until `shutdown` resolves, then lets open requests finish
/// (at most `DRAIN`). Each request carries its peer's address (`ConnectInfo`).
pub async fn serve(
    listener: TcpListener,
    router: Router,
    header_read: Duration,
    shutdown: impl Future<Output = ()>,
) {
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(err) => {
                    // Out of file descriptors and the like: pause instead of spinning.
                    tracing::warn!(error = %err, "cannot accept a connection");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let router = router.clone();
        let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
            request
                .extensions_mut()
                .insert(ConnectInfo::<SocketAddr>(peer));
            let router = router.clone();
            async move {
                let response = router.oneshot(request.map(axum::body::Body::new)).await;
                Ok::<_, Infallible>(response.unwrap_or_else(|never| match never {}))
            }
        });
        let connection = hyper::server::conn::http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(header_read)
            .serve_connection(TokioIo::new(stream), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // A client that goes away or is too slow ends its connection; nothing to report.
            let _ = connection.await;
        });
    }
    drop(listener);
    if tokio::time::timeout(DRAIN, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!(
            "requests still open {} s after shutdown began",
            DRAIN.as_secs()
        );
    }
}
