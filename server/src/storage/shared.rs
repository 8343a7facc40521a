//! What several replicas of the server on one PostgreSQL must agree on, kept in the database
//! rather than in one process's memory: each client's pace (so two replicas don't double a
//! client's allowance), which replica runs a periodic job (a lease), and that something changed
//! (so every replica drops the answers it keeps). The same tables exist on SQLite and these
//! methods work there too; a SQLite portal is one process, which paces in memory (`rate_limit`).

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use sqlx::postgres::{PgListener, PgPool};

use super::{Storage, on_engine};

/// The channel migration 0002's triggers notify on every committed write readers can see.
const CHANGES: &str = "infoshos_changes";

impl Storage {
    /// Takes one request from `client`'s allowance in `bucket`: `burst` at once, then one every
    /// `every_ms` (GCRA, as the in-memory limiter counts). `None` when taken; else how many ms
    /// until one is free. One statement: a row lock orders replicas asking at the same moment.
    pub async fn take_pace(
        &self,
        bucket: &str,
        client: &str,
        now_ms: i64,
        every_ms: i64,
        burst: u32,
    ) -> Result<Option<i64>, sqlx::Error> {
        let tolerance = every_ms * (i64::from(burst.max(1)) - 1);
        let sql = format!(
            "INSERT INTO pace (bucket, client, due) VALUES ($1, $2, $3 + $4)
             ON CONFLICT (bucket, client) DO UPDATE SET due = {larger}(pace.due, $3) + $4
             WHERE {larger}(pace.due, $3) - $3 <= $5
             RETURNING due",
            larger = self.dialect("max", "GREATEST")
        );
        let taken: Option<i64> = on_engine!(self, pool => sqlx::query_scalar(&sql)
            .bind(bucket)
            .bind(client)
            .bind(now_ms)
            .bind(every_ms)
            .bind(tolerance)
            .fetch_optional(pool)
            .await?);
        if taken.is_some() {
            return Ok(None);
        }
        let due: i64 = on_engine!(self, pool => sqlx::query_scalar(
            "SELECT due FROM pace WHERE bucket = $1 AND client = $2",
        )
        .bind(bucket)
        .bind(client)
        .fetch_one(pool)
        .await?);
        Ok(Some((due - now_ms - tolerance).max(1)))
    }

    /// Forgets allowances that are full again (nothing is due after `now_ms`).
    pub async fn forget_full_paces(&self, now_ms: i64) -> Result<u64, sqlx::Error> {
        on_engine!(self, pool => sqlx::query("DELETE FROM pace WHERE due <= $1")
            .bind(now_ms)
            .execute(pool)
            .await
            .map(|done| done.rows_affected()))
    }

    /// Takes (or renews) the lease `name` for `holder` until `until_ms`, if it is free, has
    /// run out, or is `holder`'s own. Whether `holder` now has it.
    pub async fn take_lease(
        &self,
        name: &str,
        holder: &str,
        now_ms: i64,
        until_ms: i64,
    ) -> Result<bool, sqlx::Error> {
        let taken: Option<String> = on_engine!(self, pool => sqlx::query_scalar(
            "INSERT INTO leases (name, holder, until) VALUES ($1, $2, $4)
             ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
             WHERE leases.until <= $3 OR leases.holder = $2
             RETURNING holder",
        )
        .bind(name)
        .bind(holder)
        .bind(now_ms)
        .bind(until_ms)
        .fetch_optional(pool)
        .await?);
        Ok(taken.is_some())
    }

    /// `take_lease` from now for `period`: the turn of a task that runs once a period on
    /// whichever replica gets it (the rates fetch, the history backfill).
    pub async fn take_turn(
        &self,
        name: &str,
        holder: &str,
        period: Duration,
    ) -> Result<bool, sqlx::Error> {
        let now = chrono::Utc::now().timestamp_millis();
        let until = now.saturating_add(i64::try_from(period.as_millis()).unwrap_or(i64::MAX / 2));
        self.take_lease(name, holder, now, until).await
    }

    /// Waits until `holder` has the lease `name` (for `hold_for` from then), asking every
    /// 100 ms; an error when it is still held by another after `hold_for`, its longest hold.
    pub async fn wait_for_lease(
        &self,
        name: &str,
        holder: &str,
        hold_for: Duration,
    ) -> Result<(), sqlx::Error> {
        let hold_ms = i64::try_from(hold_for.as_millis()).unwrap_or(i64::MAX / 2);
        let deadline = tokio::time::Instant::now() + hold_for + Duration::from_secs(1);
        loop {
            let now = chrono::Utc::now().timestamp_millis();
            if self.take_lease(name, holder, now, now + hold_ms).await? {
                return Ok(());
            }
            if tokio::time::Instant::now() > deadline {
                return Err(sqlx::Error::Protocol(format!(
                    "the lease {name:?} is still held by another replica"
                )));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Gives the lease back (the job failed: another replica may try at its next turn).
    pub async fn release_lease(&self, name: &str, holder: &str) -> Result<(), sqlx::Error> {
        on_engine!(self, pool => sqlx::query("DELETE FROM leases WHERE name = $1 AND holder = $2")
            .bind(name)
            .bind(holder)
            .execute(pool)
            .await
            .map(|_| ()))
    }
}

/// A name for this process among the replicas (for leases): its pid and 48 random bits.
pub fn new_holder() -> String {
    format!(
        "{}-{}",
        std::process::id(),
        hex::encode(&super::new_secret()[..6])
    )
}

/// Listens for other replicas' writes and moves this process's change count on with each, so
/// what it keeps in memory is read again. A lost connection may have lost notifications: that
/// counts as a change too, and the listener connects again.
pub(super) async fn follow_changes(
    pool: &PgPool,
    changes: Arc<AtomicU64>,
) -> Result<(), sqlx::Error> {
    let mut listener = PgListener::connect_with(pool).await?;
    listener.listen(CHANGES).await?;
    tokio::spawn(async move {
        loop {
            match listener.try_recv().await {
                Ok(Some(_)) => {}
                // The connection was lost; `try_recv` connects again on the next call.
                Ok(None) => {
                    tracing::warn!("lost the database's change notifications; reconnecting")
                }
                Err(err) => {
                    tracing::warn!(error = %err, "cannot listen for changes; retrying in 1 s");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
            }
            changes.fetch_add(1, Ordering::AcqRel);
        }
    });
    Ok(())
}
