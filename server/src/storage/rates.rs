use std::collections::HashMap;

use chrono::NaiveDate;
use sqlx::FromRow;

use super::{Storage, on_engine};

/// One currency's official rate on one day.
#[derive(Debug, Clone, PartialEq, FromRow)]
pub struct StoredRate {
    pub currency: String,
    pub name: String,
    #[sqlx(try_from = "i64")]
    pub nominal: u32,
    /// Roubles per `nominal` units.
    pub value: f64,
    /// Roubles per one unit.
    pub per_unit: f64,
}

/// A day of rates as held in the database.
#[derive(Debug, Clone, PartialEq)]
pub struct DayRates {
    pub date: NaiveDate,
    pub source: String,
    pub fetched_at_ms: i64,
    pub rates: Vec<StoredRate>,
}

impl Storage {
    /// Stores (or refreshes) one day. A day fetched again replaces its rates and fetch time.
    pub async fn store_rates(&self, day: &DayRates) -> Result<(), sqlx::Error> {
        let date = day.date.to_string();
        on_engine!(self, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query(
                "INSERT INTO rate_days (date, source, fetched_at) VALUES ($1, $2, $3)
                 ON CONFLICT (date) DO UPDATE
                 SET source = excluded.source, fetched_at = excluded.fetched_at",
            )
            .bind(&date)
            .bind(&day.source)
            .bind(day.fetched_at_ms)
            .execute(&mut *tx)
            .await?;
            sqlx::query("DELETE FROM rates WHERE date = $1")
                .bind(&date)
                .execute(&mut *tx)
                .await?;
            for r in &day.rates {
                sqlx::query(
                    "INSERT INTO rates (date, currency, name, nominal, value, per_unit)
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(&date)
                .bind(&r.currency)
                .bind(&r.name)
                .bind(i64::from(r.nominal))
                .bind(r.value)
                .bind(r.per_unit)
                .execute(&mut *tx)
                .await?;
                // Every day fetched is a day of each currency's history too.
                sqlx::query(
                    super::history::FILE_DAY,
                )
                .bind(&r.currency)
                .bind(&date)
                .bind(i64::from(r.nominal))
                .bind(r.value)
                .bind(r.per_unit)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
        });
        self.changed();
        Ok(())
    }

    /// The newest day with, for each currency, its rate on the last day before that quoted it:
    /// from memory when read in the last minute (`kept`), as every page shows them.
    pub async fn latest_with_previous(
        &self,
    ) -> Result<Option<(DayRates, HashMap<String, f64>)>, sqlx::Error> {
        let change = self.change_count();
        if let Some(kept) = self.rates.get(&(), change) {
            return Ok(kept);
        }
        let both = match self.latest_rates().await? {
            Some(day) => {
                let previous = self.previous_rates(day.date).await?;
                Some((day, previous))
            }
            None => None,
        };
        self.rates.put((), change, both.clone());
        Ok(both)
    }

    /// The newest day we hold, if any.
    pub async fn latest_rates(&self) -> Result<Option<DayRates>, sqlx::Error> {
        let day: Option<(String, String, i64)> = on_engine!(self, pool => sqlx::query_as(
            "SELECT date, source, fetched_at FROM rate_days ORDER BY date DESC LIMIT 1",
        )
        .fetch_optional(pool)
        .await?);
        let Some((date, source, fetched_at_ms)) = day else {
            return Ok(None);
        };
        let rates: Vec<StoredRate> = on_engine!(self, pool => sqlx::query_as(
            "SELECT currency, name, nominal, value, per_unit FROM rates WHERE date = $1
             ORDER BY currency",
        )
        .bind(&date)
        .fetch_all(pool)
        .await?);
        let date = NaiveDate::parse_from_str(&date, "%Y-%m-%d")
            .map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
        Ok(Some(DayRates {
            date,
            source,
            fetched_at_ms,
            rates,
        }))
    }

    /// For each currency, its per-unit rate on the last day before `date` that quoted it.
    pub async fn previous_rates(
        &self,
        date: NaiveDate,
    ) -> Result<HashMap<String, f64>, sqlx::Error> {
        let rows: Vec<(String, f64)> = on_engine!(self, pool => sqlx::query_as(
            "SELECT r.currency, r.per_unit FROM rates r
             WHERE r.date = (SELECT max(p.date) FROM rates p
                             WHERE p.currency = r.currency AND p.date < $1)",
        )
        .bind(date.to_string())
        .fetch_all(pool)
        .await?);
        Ok(rows.into_iter().collect())
    }
}
