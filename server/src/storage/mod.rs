//! The only place with SQL. Handlers call these methods and get model types back, so another
//! database can be added here without touching a route.

mod admin;
mod article_writes;
mod articles;
mod comments;
mod discovery;
mod generate;
mod rates;
mod search;
mod states;

use std::str::FromStr;
use std::time::Duration;

use sqlx::SqlitePool;

use crate::kept::Kept;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

pub use article_writes::is_unique_violation;
pub use articles::{FeedCursor, NewArticle};
pub use discovery::Listed;
pub use rates::{DayRates, StoredRate};
pub use search::{Found, SearchCursor};

/// The newest day of rates, and each currency's rate on the day before it was quoted.
type LatestRates = (DayRates, std::collections::HashMap<String, f64>);

/// How long the states and rates read by this process are trusted without a write of its own.
const KEPT_FOR: Duration = Duration::from_secs(60);

#[derive(Clone, Debug)]
pub struct Storage {
    pool: SqlitePool,
    /// The states and the newest day of rates with the day before, kept in memory (`kept`).
    states: Kept<(), Vec<infoshos_model::State>>,
    rates: Kept<(), Option<LatestRates>>,
    /// Moves on with every write this process makes (`answer_cache`).
    changes: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

impl Storage {
    /// Opens (creating if needed) the database and brings its schema up to date.
    pub async fn open(url: &str) -> Result<Storage, sqlx::Error> {
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // FULL: a commit is on disk before we answer 201, so a kill -9 loses nothing acknowledged.
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5));
        if let Some(parent) = options.get_filename().parent()
            && !parent.as_os_str().is_empty()
        {
            std::fs::create_dir_all(parent).map_err(sqlx::Error::Io)?;
        }
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await?;
        sqlx::migrate!("src/storage/migrations").run(&pool).await?;
        let storage = Storage {
            pool,
            states: Kept::new(KEPT_FOR, 1),
            rates: Kept::new(KEPT_FOR, 1),
            changes: Default::default(),
        };
        storage.index_old_bodies().await?;
        Ok(storage)
    }

    /// The key that signs comment forms: made on the first start, kept in the database, so
    /// forms issued before a restart still work after it.
    pub async fn form_secret(&self) -> Result<Vec<u8>, sqlx::Error> {
        sqlx::query("INSERT OR IGNORE INTO settings (name, value) VALUES ('form_secret', ?)")
            .bind(crate::form_token::new_secret())
            .execute(&self.pool)
            .await?;
        sqlx::query_scalar("SELECT value FROM settings WHERE name = 'form_secret'")
            .fetch_one(&self.pool)
            .await
    }

    /// How many writes this process has made: an answer kept at one count is stale at the next.
    pub fn change_count(&self) -> u64 {
        self.changes.load(std::sync::atomic::Ordering::Acquire)
    }

    /// Something was (or may have been) written: kept answers are read again.
    pub fn changed(&self) {
        self.changes
            .fetch_add(1, std::sync::atomic::Ordering::AcqRel);
    }

    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        sqlx::query("SELECT 1")
            .execute(&self.pool)
            .await
            .map(|_| ())
    }
}

pub fn millis_to_utc(ms: i64) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

/// Splits the `group_concat` of country codes into a sorted list.
pub(crate) fn split_countries(joined: Option<String>) -> Vec<String> {
    let mut codes: Vec<String> = joined
        .unwrap_or_default()
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    codes.sort();
    codes
}
