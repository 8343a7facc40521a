//! The clock that puts scheduled articles on the portal at their minute, without a restart.
//! Every replica runs one: each wakes at the earliest scheduled minute it knows (and at least
//! every `LOOK_EVERY`, to learn of articles another replica scheduled), and whichever gets
//! there first puts the article on (`Storage::publish_due`); on PostgreSQL that write tells the
//! others to read again, so their kept pages and answers expire that minute too.

use std::time::Duration;

use crate::storage::Storage;

/// The longest the clock sleeps between looks at the schedule.
pub const LOOK_EVERY: Duration = Duration::from_secs(10);

/// One look at `now_ms`: puts what is due on the portal, and says how long to sleep until the
/// next look.
pub async fn look(storage: &Storage, now_ms: i64) -> Result<Duration, sqlx::Error> {
    let put_on = storage.publish_due(now_ms).await?;
    if !put_on.is_empty() {
        tracing::info!(articles = ?put_on, "scheduled articles are on the portal");
    }
    Ok(until_next(storage.next_due().await?, now_ms))
}

/// How long to sleep until `next` (Unix ms), at most `LOOK_EVERY`.
pub fn until_next(next: Option<i64>, now_ms: i64) -> Duration {
    match next {
        Some(at) => {
            let ms = u64::try_from(at.saturating_sub(now_ms)).unwrap_or(0);
            Duration::from_millis(ms).min(LOOK_EVERY)
        }
        None => LOOK_EVERY,
    }
}

pub fn spawn_schedule(storage: Storage) {
    tokio::spawn(async move {
        loop {
            let now = chrono::Utc::now().timestamp_millis();
            let sleep = match look(&storage, now).await {
                Ok(sleep) => sleep,
                Err(err) => {
                    tracing::warn!(error = %err, "cannot look at the schedule; trying again");
                    LOOK_EVERY
                }
            };
            // At least a moment, so a clock set back never spins.
            tokio::time::sleep(sleep.max(Duration::from_millis(50))).await;
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clock_wakes_at_the_next_minute_or_looks_again_soon() {
        assert_eq!(until_next(None, 1_000), LOOK_EVERY);
        assert_eq!(until_next(Some(4_000), 1_000), Duration::from_secs(3));
        assert_eq!(until_next(Some(1_000), 1_000), Duration::ZERO);
        assert_eq!(until_next(Some(500), 1_000), Duration::ZERO, "late: now");
        assert_eq!(until_next(Some(1_000_000), 1_000), LOOK_EVERY);
    }
}
