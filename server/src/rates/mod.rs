//! The CBR daily rates: fetched at start and every few hours, stored per day, and served as
//! the SCO currencies against the rouble.

pub mod backfill;
pub mod dynamic;
#[cfg(test)]
mod dynamic_tests;
pub mod fetch;
pub mod parse;
#[cfg(test)]
mod parse_tests;

use std::time::Duration;

use chrono::Utc;
use infoshos_model::{Rate, Rates, State};

use crate::storage::{DayRates, Storage};

/// A real CBR day shipped with the server, so a first start without network still has rates.
/// Served with source `snapshot` and `stale: true`.
pub const SNAPSHOT: &[u8] = include_bytes!("snapshot-2018-12-26.xml");

/// Rates fetched longer ago than this are marked stale.
const STALE_AFTER_MS: i64 = 24 * 60 * 60 * 1000;

#[derive(Debug, thiserror::Error)]
pub enum RefreshError {
    #[error(transparent)]
    Fetch(#[from] fetch::FetchError),
    #[error("bad feed: {0}")]
    Parse(#[from] parse::ParseError),
    #[error("storing: {0}")]
    Store(#[from] sqlx::Error),
}

/// Loads the shipped snapshot into a database that holds no rates at all.
pub async fn ensure_some_rates(storage: &Storage) -> Result<(), RefreshError> {
    if storage.latest_rates().await?.is_none() {
        let day = parse::parse_cbr(SNAPSHOT)?;
        storage.store_cbr_ids(&day.ids).await?;
        let fetched_at_ms = Utc::now().timestamp_millis();
        storage
            .store_rates(&DayRates {
                date: day.date,
                source: "snapshot".into(),
                fetched_at_ms,
                rates: day.rates,
            })
            .await?;
        tracing::info!(date = %day.date, "loaded the shipped rates snapshot");
    }
    Ok(())
}

/// Fetches, parses and stores one day. On any failure nothing is stored, so the last good
/// day keeps being served.
pub async fn refresh_once(storage: &Storage, url: &str) -> Result<DayRates, RefreshError> {
    let bytes = fetch::fetch_feed(url).await?;
    let day = parse::parse_cbr(&bytes)?;
    storage.store_cbr_ids(&day.ids).await?;
    let stored = DayRates {
        date: day.date,
        source: "cbr".into(),
        fetched_at_ms: Utc::now().timestamp_millis(),
        rates: day.rates,
    };
    storage.store_rates(&stored).await?;
    Ok(stored)
}

/// The lease that lets one replica at a time fetch the rates (`Storage::take_lease`).
const LEASE: &str = "rates-refresh";

/// Whether this turn fetched the rates or left them to another replica.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Turn {
    Fetched,
    Failed,
    /// Another replica holds the lease for this period.
    Skipped,
}

/// One turn of the refresh: fetches when `holder` gets the lease for the next `period` (every
/// replica on one database takes turns, so the CBR is asked once a period whichever number of
/// replicas run), logging why a fetch failed. A failed fetch gives the lease back, so another
/// replica may try at its next turn; the holder renews its own lease at its next turn.
pub async fn refresh_turn(storage: &Storage, url: &str, holder: &str, period: Duration) -> Turn {
    match storage.take_turn(LEASE, holder, period).await {
        Ok(true) => {}
        Ok(false) => return Turn::Skipped,
        Err(err) => {
            tracing::warn!(error = %err, "cannot take the rates lease; trying at the next turn");
            return Turn::Failed;
        }
    }
    match refresh_once(storage, url).await {
        Ok(day) => {
            tracing::info!(date = %day.date, count = day.rates.len(), "rates refreshed");
            Turn::Fetched
        }
        Err(err) => {
            tracing::warn!(error = %err, url, "rates refresh failed; serving the last good rates");
            if let Err(err) = storage.release_lease(LEASE, holder).await {
                tracing::warn!(error = %err, "cannot give the rates lease back; it runs out");
            }
            Turn::Failed
        }
    }
}

/// Takes a turn now and then every `every_hours`.
pub fn spawn_refresh(
    storage: Storage,
    url: String,
    every_hours: u64,
) -> tokio::task::JoinHandle<()> {
    let holder = crate::storage::new_holder();
    tokio::spawn(async move {
        let period = Duration::from_secs(every_hours.max(1) * 3600);
        let mut tick = tokio::time::interval(period);
        loop {
            tick.tick().await;
            refresh_turn(&storage, &url, &holder, period).await;
            // Allowances that are full again are forgotten on the same schedule.
            let now = Utc::now().timestamp_millis();
            if let Err(err) = storage.forget_full_paces(now).await {
                tracing::warn!(error = %err, "cannot forget full allowances");
            }
        }
    })
}

/// The newest rates for every SCO currency but the rouble itself, in the order of `states`.
/// A currency the CBR does not quote is listed with no numbers.
pub async fn sco_rates(storage: &Storage, states: &[State]) -> Result<Option<Rates>, sqlx::Error> {
    let Some((day, previous)) = storage.latest_with_previous().await? else {
        return Ok(None);
    };
    let rates = states
        .iter()
        .filter(|s| s.currency != "RUB")
        .map(|s| {
            let quoted = day.rates.iter().find(|r| r.currency == s.currency);
            Rate {
                currency: s.currency.clone(),
                currency_name: s.currency_name.clone(),
                country: s.code.clone(),
                nominal: quoted.map(|r| r.nominal),
                value: quoted.map(|r| r.value),
                per_unit: quoted.map(|r| r.per_unit),
                previous: quoted.and_then(|_| previous.get(&s.currency).copied()),
            }
        })
        .collect();
    let stale =
        day.source != "cbr" || Utc::now().timestamp_millis() - day.fetched_at_ms > STALE_AFTER_MS;
    Ok(Some(Rates {
        date: day.date,
        source: day.source,
        fetched_at: crate::storage::millis_to_utc(day.fetched_at_ms),
        stale,
        rates,
    }))
}
