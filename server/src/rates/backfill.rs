//! Backfills the last `WINDOW_DAYS` of each SCO currency's rates from the CBR's dynamic service
//! (`XML_dynamic.asp`, one request per currency and range), so the history chart is not empty
//! for three months after a first start. Politely: one request at a time with a pause between
//! them, only for what is missing (a currency complete up to today is not asked again), and a
//! failure leaves that currency for the next pass, half an hour later. Its own task, beside the
//! daily fetch: neither waits for the other (the CBR's ids come with the shipped snapshot, so a
//! daily feed that is down does not hold the history back), and one replica at a time (a lease).

use std::time::Duration;

use chrono::NaiveDate;

use chrono::Utc;

use super::dynamic::parse_dynamic;
use super::fetch::fetch_feed;
use crate::storage::Storage;

/// How long a pass waits between two requests to the CBR.
pub const PAUSE: Duration = Duration::from_secs(2);

/// How often a pass looks for missing days: what failed is asked again then. Once a
/// currency is filled up to today, a pass asks nothing more of the CBR until the next day.
pub const EVERY: Duration = Duration::from_secs(30 * 60);

/// The lease that lets one replica at a time backfill (`Storage::take_lease`).
const LEASE: &str = "rates-history";

/// How far back the history is filled.
pub const WINDOW_DAYS: i64 = 90;

/// The dynamic service; `{from}`, `{to}` (DD/MM/YYYY) and `{id}` (the CBR's `R01335`) are
/// filled in. A `file:///…/{id}.xml` template serves tests and machines without network.
pub const CBR_DYNAMIC: &str =
    "https://www.cbr.ru/scripts/XML_dynamic.asp?date_req1={from}&date_req2={to}&VAL_NM_RQ={id}";

/// What one pass did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Pass {
    /// Currencies whose missing days were fetched and stored.
    pub filled: Vec<String>,
    /// Currencies whose request or answer failed: asked again at the next pass.
    pub failed: Vec<String>,
}

/// The address of `id`'s rates from `from` to `to`.
pub fn dynamic_url(template: &str, id: &str, from: NaiveDate, to: NaiveDate) -> String {
    template
        .replace("{from}", &from.format("%d/%m/%Y").to_string())
        .replace("{to}", &to.format("%d/%m/%Y").to_string())
        .replace("{id}", id)
}

/// One pass over `currencies` (the SCO currencies the CBR quotes), as of `today`, pausing
/// `pause` between two requests.
pub async fn backfill_pass(
    storage: &Storage,
    template: &str,
    currencies: &[String],
    today: NaiveDate,
    pause: Duration,
) -> Result<Pass, sqlx::Error> {
    let mut pass = Pass::default();
    let mut reasons = Vec::new();
    let window_start = today - chrono::Duration::days(WINDOW_DAYS);
    for (n, (currency, id, next)) in storage
        .history_gaps(currencies, today)
        .await?
        .into_iter()
        .enumerate()
    {
        if n > 0 {
            tokio::time::sleep(pause).await;
        }
        let from = next.map_or(window_start, |d| d.max(window_start));
        let url = dynamic_url(template, &id, from, today);
        let days = match fetch_feed(&url).await {
            Ok(bytes) => parse_dynamic(&bytes, &id).map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        };
        match days {
            Ok(days) => {
                storage.store_history(&currency, &days, today).await?;
                tracing::info!(currency, days = days.len(), %from, "rate history backfilled");
                pass.filled.push(currency);
            }
            Err(error) => {
                reasons.push(format!("{currency}: {error}"));
                pass.failed.push(currency);
            }
        }
    }
    if !reasons.is_empty() {
        metrics::counter!(crate::telemetry::metrics::BACKFILL_FAILURES)
            .increment(reasons.len() as u64);
        // One line a pass, however many currencies failed (the CBR down fails them all).
        let failed = reasons.join("; ");
        tracing::warn!(
            failed,
            "rate history backfill failed; asking again at the next pass"
        );
    }
    Ok(pass)
}

/// A pass now and then every `every` over the SCO currencies the CBR quotes, from `template`,
/// pausing `pause` between requests, while this replica holds the backfill's lease.
pub fn spawn_backfill(
    storage: Storage,
    template: String,
    pause: Duration,
    every: Duration,
) -> tokio::task::JoinHandle<()> {
    let holder = crate::storage::new_holder();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        loop {
            tick.tick().await;
            if let Err(err) = backfill_turn(&storage, &template, &holder, pause, every).await {
                metrics::counter!(crate::telemetry::metrics::BACKFILL_FAILURES).increment(1);
                tracing::warn!(error = %err, "the rate history backfill stopped; it goes on at the next pass");
            }
        }
    })
}

/// One pass, if this replica gets the lease for the next `every`.
async fn backfill_turn(
    storage: &Storage,
    template: &str,
    holder: &str,
    pause: Duration,
    every: Duration,
) -> Result<(), sqlx::Error> {
    if !storage.take_turn(LEASE, holder, every).await? {
        return Ok(());
    }
    let currencies: Vec<String> = storage
        .states()
        .await?
        .into_iter()
        .map(|s| s.currency)
        .collect();
    let today = Utc::now().date_naive();
    backfill_pass(storage, template, &currencies, today, pause).await?;
    Ok(())
}
