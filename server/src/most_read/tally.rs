//! The readings counted since the last batch, per article and hour, in memory: counting one is
//! a lock and a map entry (no database work while the reader waits). Every 30 s
//! (`INFOSHOS_READ_COUNTS_EVERY`) and at shutdown the batch is added to the stored counts; a
//! batch the database refused is kept for the next one, so no reading is lost to an outage.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::http::HeaderMap;

use super::hour_of;
use super::readers::is_reading;
use crate::storage::Storage;

/// The most (article, hour) pairs kept between batches: only articles on the portal are
/// counted, so this is reached only if the database stays away for hours.
const MOST_KEPT: usize = 100_000;

/// (slug, Unix hour) → readings. Cloned into every handler: one tally per process.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    counts: Arc<Mutex<HashMap<(String, i64), i64>>>,
    /// Off (`INFOSHOS_NO_READ_COUNTS`): nothing is counted, for `make bench`'s comparison.
    off: bool,
}

impl Tally {
    pub fn off() -> Tally {
        Tally {
            off: true,
            ..Tally::default()
        }
    }

    /// One reading of the article at `slug` now, if the request with `headers` is a reader's
    /// (`readers::is_reading`): the one rule both places that count (a page, the app's fetch)
    /// go through.
    pub fn count_reading(&self, slug: &str, headers: &HeaderMap) {
        if is_reading(headers) {
            self.count(slug, chrono::Utc::now().timestamp_millis());
        }
    }

    /// One reading of the article at `slug` at `now_ms`.
    fn count(&self, slug: &str, now_ms: i64) {
        if self.off {
            return;
        }
        let key = (slug.to_string(), hour_of(now_ms));
        let mut counts = self.counts.lock().unwrap_or_else(|e| e.into_inner());
        if counts.len() < MOST_KEPT || counts.contains_key(&key) {
            *counts.entry(key).or_default() += 1;
        }
    }

    /// Takes the readings counted so far, leaving none.
    fn take(&self) -> Vec<(String, i64, i64)> {
        let mut counts = self.counts.lock().unwrap_or_else(|e| e.into_inner());
        counts
            .drain()
            .map(|((slug, hour), views)| (slug, hour, views))
            .collect()
    }

    /// Puts readings back that could not be stored.
    fn keep(&self, batch: Vec<(String, i64, i64)>) {
        let mut counts = self.counts.lock().unwrap_or_else(|e| e.into_inner());
        for (slug, hour, views) in batch {
            *counts.entry((slug, hour)).or_default() += views;
        }
    }

    /// Adds the readings counted so far to the stored counts; how many pairs it added.
    pub async fn flush(&self, storage: &Storage) -> Result<usize, sqlx::Error> {
        let batch = self.take();
        if batch.is_empty() {
            return Ok(0);
        }
        match storage.add_views(&batch).await {
            Ok(()) => Ok(batch.len()),
            Err(err) => {
                self.keep(batch);
                Err(err)
            }
        }
    }
}

/// Adds the tally to the database every `every`, for as long as the server runs.
pub fn spawn_flush(tally: Tally, storage: Storage, every: Duration) {
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(every).await;
            if let Err(err) = tally.flush(&storage).await {
                tracing::warn!(error = %err, "readings not stored yet; kept for the next batch");
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readings_add_up_per_article_and_hour_and_a_taken_batch_leaves_none() {
        let tally = Tally::default();
        let noon = 1_764_849_600_000; // 2025-12-04 12:00 UTC
        tally.count("a", noon);
        tally.count("a", noon + 59 * 60_000);
        tally.count("a", noon + 3_600_000);
        tally.count("b", noon);
        let mut batch = tally.take();
        batch.sort();
        let hour = hour_of(noon);
        assert_eq!(
            batch,
            vec![
                ("a".to_string(), hour, 2),
                ("a".to_string(), hour + 1, 1),
                ("b".to_string(), hour, 1),
            ]
        );
        assert!(tally.take().is_empty());
        tally.keep(batch);
        tally.count("b", noon);
        let kept: i64 = tally.take().iter().map(|(_, _, v)| v).sum();
        assert_eq!(kept, 5);
    }

    #[test]
    fn a_tally_turned_off_counts_nothing() {
        let tally = Tally::off();
        tally.count("a", 0);
        assert!(tally.take().is_empty());
    }
}
