use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// The rates of SCO currencies against the rouble for one day, as `/api/rates` sends them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Rates {
    /// The day the Central Bank of Russia set these rates for.
    #[serde(deserialize_with = "crate::wire_time::date")]
    pub date: NaiveDate,
    /// `cbr` for a live fetch, `snapshot` for the dated copy shipped with the server.
    pub source: String,
    #[serde(deserialize_with = "crate::wire_time::instant")]
    pub fetched_at: DateTime<Utc>,
    /// True when these are not today's rates from a recent fetch (snapshot, or fetches failing).
    pub stale: bool,
    pub rates: Vec<Rate>,
}

/// One SCO currency. `value`, `per_unit` and `previous` are absent when the CBR sets no rate
/// for it: we never make one up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Rate {
    pub currency: String,
    pub currency_name: String,
    /// ISO alpha-2 of the state using it.
    pub country: String,
    /// Units the rate is quoted for (100 KZT, 10000 UZS, …).
    pub nominal: Option<u32>,
    /// Roubles per `nominal` units.
    pub value: Option<f64>,
    /// Roubles per one unit.
    pub per_unit: Option<f64>,
    /// Roubles per one unit on the previous day we hold, for the up/down mark.
    pub previous: Option<f64>,
}

/// How many days back a history may reach, and how many it shows when not asked.
pub const HISTORY_DAYS: std::ops::RangeInclusive<u32> = 1..=366;
pub const DEFAULT_HISTORY_DAYS: u32 = 90;

/// One currency's official rate on each day the portal holds, oldest first
/// (`GET /api/rates/{code}/history`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RateHistory {
    pub currency: String,
    pub days: Vec<RateDay>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RateDay {
    #[serde(deserialize_with = "crate::wire_time::date")]
    pub date: NaiveDate,
    /// Units `value` is quoted for.
    pub nominal: u32,
    /// Roubles per `nominal` units.
    pub value: f64,
    /// Roubles per one unit.
    pub per_unit: f64,
}
