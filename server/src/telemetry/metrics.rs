//! Prometheus metrics (`metrics` with its Prometheus exporter), served on an address of their
//! own (`INFOSHOS_METRICS_ADDR`), never on the portal's: request counts and latencies per route
//! *template*, the answer and page caches, the database pool and its errors, the rates' age and
//! backfill failures, comments waiting, sign-in refusals by reason, scheduled articles.

use std::sync::OnceLock;
use std::time::Instant;

use axum::Router;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

use crate::storage::Storage;

pub const REQUESTS: &str = "infoshos_http_requests_total";
pub const LATENCY: &str = "infoshos_http_request_duration_seconds";
pub const CACHE: &str = "infoshos_cache_lookups_total";
pub const DB_ERRORS: &str = "infoshos_database_errors_total";
pub const SIGN_IN_REFUSED: &str = "infoshos_sign_in_refusals_total";
pub const BACKFILL_FAILURES: &str = "infoshos_rates_backfill_failures_total";

/// The latency buckets, in seconds: a kept page is served in well under a millisecond, a
/// rendered one in a few, an argon2 sign-in in tens.
const BUCKETS: [f64; 12] = [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
];

/// The process's recorder, installed on first use (`main`, when metrics are served): the
/// `metrics` macros write to it from anywhere; with none installed they write nowhere.
pub fn handle() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        let recorder = PrometheusBuilder::new()
            .set_buckets_for_metric(Matcher::Full(LATENCY.into()), &BUCKETS)
            .map(|b| b.build_recorder())
            .unwrap_or_else(|_| PrometheusBuilder::new().build_recorder());
        let handle = recorder.handle();
        // Another recorder installed first (a test harness) keeps its place; this one is
        // still rendered, and counts nothing.
        let _ = metrics::set_global_recorder(recorder);
        handle
    })
}

/// The route template a request matched, kept on its answer for `track` (a route layer: only
/// matched routes see it).
pub async fn route_of(request: Request, next: Next) -> Response {
    let matched = request.extensions().get::<MatchedPath>().cloned();
    let mut response = next.run(request).await;
    if let Some(matched) = matched {
        response.extensions_mut().insert(matched);
    }
    response
}

/// Counts every request and times it, by method, route template and status class. What no
/// route matched (the app's files, unknown paths) counts as `files`. Without metrics served
/// (no `INFOSHOS_METRICS_ADDR`) no recorder is installed, and each count is a no-op.
pub async fn track(request: Request, next: Next) -> Response {
    let method = request.method().as_str().to_owned();
    let started = Instant::now();
    let response = next.run(request).await;
    let route = response
        .extensions()
        .get::<MatchedPath>()
        .map_or("files".to_owned(), |m| m.as_str().to_owned());
    let status = format!("{}xx", response.status().as_u16() / 100);
    let labels = [("method", method), ("route", route), ("status", status)];
    metrics::counter!(REQUESTS, &labels).increment(1);
    metrics::histogram!(LATENCY, &labels[..2]).record(started.elapsed().as_secs_f64());
    response
}

/// A kept answer found (`hit`) or not, in cache `which` (`answers`, `pages`).
pub fn cache_lookup(which: &'static str, hit: bool) {
    let outcome = if hit { "hit" } else { "miss" };
    metrics::counter!(CACHE, "cache" => which, "outcome" => outcome).increment(1);
}

/// A sign-in refused, and why (`wrong_password`, `paced`, `code_needed`, `code_wrong`,
/// `disabled`).
pub fn sign_in_refused(reason: &'static str) {
    metrics::counter!(SIGN_IN_REFUSED, "reason" => reason).increment(1);
}

/// The metrics' own router: `/metrics` in Prometheus's text format.
pub fn router(storage: Storage) -> Router {
    Router::new()
        .route("/metrics", get(render))
        .with_state(storage)
}

async fn render(State(storage): State<Storage>) -> Response {
    let now = chrono::Utc::now();
    match storage.gauges(now.timestamp_millis()).await {
        Ok(g) => {
            metrics::gauge!("infoshos_database_up").set(1.0);
            metrics::gauge!("infoshos_db_pool_connections").set(f64::from(g.pool_size));
            metrics::gauge!("infoshos_db_pool_idle").set(g.pool_idle as f64);
            metrics::gauge!("infoshos_comments_waiting").set(g.comments_waiting as f64);
            metrics::gauge!("infoshos_scheduled_articles").set(g.scheduled as f64);
            metrics::gauge!("infoshos_scheduled_articles_overdue").set(g.scheduled_overdue as f64);
            if let Some(age) = g
                .newest_rates_day
                .as_deref()
                .and_then(|d| rates_age(d, now))
            {
                metrics::gauge!("infoshos_rates_age_seconds").set(age);
            }
        }
        Err(err) => {
            tracing::warn!(error = %err, "metrics: the database does not answer");
            metrics::counter!(DB_ERRORS).increment(1);
            metrics::gauge!("infoshos_database_up").set(0.0);
        }
    }
    let mut response = handle().render().into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
    );
    response
}

/// Seconds from the start of the newest rates' day (UTC) to `now`.
pub fn rates_age(day: &str, now: chrono::DateTime<chrono::Utc>) -> Option<f64> {
    let start = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .ok()?
        .and_hms_opt(0, 0, 0)?
        .and_utc();
    Some((now - start).num_seconds() as f64)
}

#[cfg(test)]
mod tests {
    use super::rates_age;

    #[test]
    fn the_rates_age_counts_from_the_start_of_their_day() {
        let now = "2026-12-03T06:00:00Z".parse().unwrap();
        assert_eq!(rates_age("2026-12-03", now), Some(6.0 * 3600.0));
        assert_eq!(rates_age("2026-11-30", now), Some(78.0 * 3600.0));
        assert_eq!(rates_age("not a day", now), None);
    }
}
