//! Most read: each reading of an article counted by the server (no cookie, no stored address,
//! no profile), per article per hour, kept in memory (`tally`) and added to the database in
//! batches, to which every replica adds; crawlers and prefetches are not readers (`readers`).

pub mod readers;
pub mod tally;

use infoshos_model::most_read::Period;

const HOUR_MS: i64 = 3_600_000;

/// The Unix hour (UTC) an instant falls in: how readings are counted and summed.
pub fn hour_of(ms: i64) -> i64 {
    ms.div_euclid(HOUR_MS)
}

/// The first hour `period` covers at `now_ms`, the hour under way being its last.
pub fn first_hour(period: Period, now_ms: i64) -> i64 {
    hour_of(now_ms) - i64::from(period.hours()) + 1
}
