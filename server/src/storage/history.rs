//! Each currency's official rate on every day we hold (`rate_history`): written by every daily
//! fetch and by the backfill from the CBR's dynamic rates (`rates/backfill.rs`), read for the
//! history chart. Also the CBR's own id of each currency (`R01335` for the tenge), which the
//! dynamic service is asked by, learnt from the daily feed.

use chrono::NaiveDate;
use sqlx::FromRow;

use super::{Storage, on_engine};

/// One day's official rate of a currency, as the CBR's range answer gives it (`rates::dynamic`).
#[derive(Debug, Clone, PartialEq)]
pub struct DayRate {
    pub date: NaiveDate,
    pub nominal: u32,
    /// Roubles per `nominal` units.
    pub value: f64,
    /// Roubles per one unit.
    pub per_unit: f64,
}

/// Files one day of one currency (`$1` code, `$2` date, `$3` nominal, `$4` value, `$5` per
/// unit); a day already held is replaced: the CBR's word is final. Used by the daily fetch and
/// the backfill alike.
pub(super) const FILE_DAY: &str =
    "INSERT INTO rate_history (currency, date, nominal, value, per_unit)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (currency, date) DO UPDATE SET nominal = excluded.nominal,
         value = excluded.value, per_unit = excluded.per_unit";

/// One day of one currency, as stored.
#[derive(Debug, Clone, PartialEq, FromRow)]
pub struct HistoryDay {
    pub date: String,
    #[sqlx(try_from = "i64")]
    pub nominal: u32,
    pub value: f64,
    pub per_unit: f64,
}

impl Storage {
    /// `currency`'s days from `since` on, oldest first.
    pub async fn rate_history(
        &self,
        currency: &str,
        since: NaiveDate,
    ) -> Result<Vec<HistoryDay>, sqlx::Error> {
        on_engine!(self, pool => sqlx::query_as(
            "SELECT date, nominal, value, per_unit FROM rate_history
             WHERE currency = $1 AND date >= $2 ORDER BY date",
        )
        .bind(currency)
        .bind(since.to_string())
        .fetch_all(pool)
        .await)
    }

    /// Files `days` of `currency` (a day already held is replaced: the CBR's word is final),
    /// and notes that its history is complete up to `until`.
    pub async fn store_history(
        &self,
        currency: &str,
        days: &[DayRate],
        until: NaiveDate,
    ) -> Result<(), sqlx::Error> {
        on_engine!(self, pool => {
            let mut tx = pool.begin().await?;
            for day in days {
                sqlx::query(
                    FILE_DAY,
                )
                .bind(currency)
                .bind(day.date.to_string())
                .bind(i64::from(day.nominal))
                .bind(day.value)
                .bind(day.per_unit)
                .execute(&mut *tx)
                .await?;
            }
            sqlx::query("UPDATE cbr_currencies SET backfilled_until = $2 WHERE currency = $1")
                .bind(currency)
                .bind(until.to_string())
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
        });
        self.changed();
        Ok(())
    }

    /// Remembers the CBR's id of each currency of a daily feed.
    pub async fn store_cbr_ids(&self, ids: &[(String, String)]) -> Result<(), sqlx::Error> {
        on_engine!(self, pool => {
            let mut tx = pool.begin().await?;
            for (currency, id) in ids {
                sqlx::query(
                    "INSERT INTO cbr_currencies (currency, cbr_id) VALUES ($1, $2)
                     ON CONFLICT (currency) DO UPDATE SET cbr_id = excluded.cbr_id",
                )
                .bind(currency)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// The currencies among `wanted` whose history is not complete up to `today`: each with
    /// its CBR id and the first day still to ask for (none: the whole window).
    pub async fn history_gaps(
        &self,
        wanted: &[String],
        today: NaiveDate,
    ) -> Result<Vec<(String, String, Option<NaiveDate>)>, sqlx::Error> {
        let rows: Vec<(String, String, Option<String>)> = on_engine!(self, pool => sqlx::query_as(
            "SELECT currency, cbr_id, backfilled_until FROM cbr_currencies
             WHERE backfilled_until IS NULL OR backfilled_until < $1 ORDER BY currency",
        )
        .bind(today.to_string())
        .fetch_all(pool)
        .await?);
        Ok(rows
            .into_iter()
            .filter(|(currency, _, _)| wanted.contains(currency))
            .map(|(currency, id, until)| {
                let next = until
                    .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
                    .and_then(|d| d.succ_opt());
                (currency, id, next)
            })
            .collect())
    }
}
