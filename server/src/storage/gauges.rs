//! What the metrics read from the database when Prometheus asks (`telemetry::metrics`): a few
//! counts, each one indexed query.

use super::{Storage, on_engine};

/// The database's state as operators watch it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Gauges {
    /// Connections the pool holds, and how many of them are idle.
    pub pool_size: u32,
    pub pool_idle: usize,
    /// Comments waiting for a moderator.
    pub comments_waiting: i64,
    /// Articles scheduled and not yet on the portal; of them, those whose minute has passed
    /// by more than two minutes (the schedule's clock should have put them on).
    pub scheduled: i64,
    pub scheduled_overdue: i64,
    /// The newest day of rates held (`YYYY-MM-DD`), if any.
    pub newest_rates_day: Option<String>,
}

/// How late a scheduled article may be before it counts as overdue: the clock runs each minute.
const OVERDUE_MS: i64 = 2 * 60 * 1000;

impl Storage {
    pub async fn gauges(&self, now_ms: i64) -> Result<Gauges, sqlx::Error> {
        on_engine!(self, pool => {
            let comments_waiting: i64 =
                sqlx::query_scalar("SELECT count(*) FROM comments WHERE status = 'pending'")
                    .fetch_one(pool)
                    .await?;
            let (scheduled, scheduled_overdue): (i64, i64) = sqlx::query_as(
                "SELECT count(*), count(CASE WHEN publish_at < $1 THEN 1 END)
                 FROM articles WHERE publish_at IS NOT NULL",
            )
            .bind(now_ms - OVERDUE_MS)
            .fetch_one(pool)
            .await?;
            let newest_rates_day: Option<String> =
                sqlx::query_scalar("SELECT max(date) FROM rate_days")
                    .fetch_one(pool)
                    .await?;
            Ok(Gauges {
                pool_size: pool.size(),
                pool_idle: pool.num_idle(),
                comments_waiting,
                scheduled,
                scheduled_overdue,
                newest_rates_day,
            })
        })
    }
}
