//! The only place with SQL. Handlers call these methods and get model types back, so another
//! database can be added here without touching a route.

mod accounts;
mod article_index;
mod article_sql;
mod article_writes;
mod articles;
mod audit;
mod comments;
mod drafts;
mod editor_view;
mod gauges;
mod generate;
mod history;
mod landed;
mod links;
mod listed;
mod moderation;
mod passwords;
mod photo_formats;
mod photos;
mod rates;
mod scheduled;
mod search;
mod sessions;
mod shared;
mod states;
mod stems;
mod stories;
mod views;
mod write_tx;

use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

use crate::kept::Kept;

pub use accounts::{Outcome, StoredAccount};
pub use article_writes::is_unique_violation;
pub use articles::{FeedCursor, FeedOf, NewArticle};
pub use editor_view::EditorView;
pub use gauges::Gauges;
pub use history::{DayRate, HistoryDay};
pub(crate) use links::{Revoke, revoke_links};
pub use listed::Listed;
pub use photos::NewPhoto;
pub use rates::{DayRates, StoredRate};
pub use search::{Found, SearchCursor};
pub use sessions::SessionOwner;
pub use shared::new_holder;
pub(crate) use write_tx::BeginWrite;

/// The newest day of rates, and each currency's rate on the day before it was quoted.
type LatestRates = (DayRates, std::collections::HashMap<String, f64>);

/// How long the states, rates and articles read by this process are trusted without a write
/// (its own or, on PostgreSQL, another replica's).
const KEPT_FOR: Duration = Duration::from_secs(60);
/// How many articles are kept (a few KB each).
const KEPT_ARTICLES: usize = 2_000;

/// The database the portal runs on: one SQLite file (the embedded default) or a PostgreSQL
/// that several replicas share. Every query is written once, in SQL both engines read (`$1`
/// parameters, `ON CONFLICT`, `RETURNING`, `NOT hidden`), and run through `on_engine!`; the few
/// that differ (string aggregation, `GREATEST`, JSON lists, search) say so where they are.
#[derive(Clone, Debug)]
pub(crate) enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Runs `$body` with `$pool` bound to the storage's pool: the same code, compiled once per
/// engine, so each gets its own typed driver (a generic `Any` driver would lose SQLite's
/// options and decode through a slower common type). `$sqlite`/`$postgres` pick a text where
/// the two dialects differ.
macro_rules! on_engine {
    ($storage:expr, $pool:ident => $body:expr) => {
        match &$storage.pool {
            $crate::storage::Pool::Sqlite($pool) => $body,
            $crate::storage::Pool::Postgres($pool) => $body,
        }
    };
}
pub(crate) use on_engine;

/// Which engine a database URL names, or why it names none we serve.
pub fn engine_of(url: &str) -> Result<Engine, String> {
    let scheme = url.split(':').next().unwrap_or_default();
    match scheme {
        "sqlite" => Ok(Engine::Sqlite),
        "postgres" | "postgresql" => Ok(Engine::Postgres),
        _ => Err(format!(
            "{url:?} names no database the portal runs on: use sqlite://FILE or postgres://USER@HOST/DB"
        )),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

#[derive(Clone, Debug)]
pub struct Storage {
    pool: Pool,
    /// The states and the newest day of rates with the day before, kept in memory (`kept`).
    states: Kept<(), Vec<infoshos_model::State>>,
    rates: Kept<(), Option<LatestRates>>,
    /// Whole articles with their related lists, by slug (`Storage::article`): an article page
    /// is three queries, and on PostgreSQL each is a round trip to another process.
    articles: Kept<String, Option<infoshos_model::Article>>,
    /// Moves on with every write this process makes (`answer_cache`).
    changes: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

impl Storage {
    /// Opens (creating a SQLite file if needed) the database at `url` and brings its schema up
    /// to date.
    pub async fn open(url: &str) -> Result<Storage, sqlx::Error> {
        let changes = std::sync::Arc::<std::sync::atomic::AtomicU64>::default();
        let pool = match engine_of(url).map_err(|e| sqlx::Error::Configuration(e.into()))? {
            Engine::Sqlite => Pool::Sqlite(open_sqlite(url).await?),
            Engine::Postgres => {
                let pool = open_postgres(url).await?;
                // Other replicas write too: their writes move this process's count on.
                shared::follow_changes(&pool, changes.clone()).await?;
                Pool::Postgres(pool)
            }
        };
        let storage = Storage {
            pool,
            states: Kept::new(KEPT_FOR, 1),
            rates: Kept::new(KEPT_FOR, 1),
            articles: Kept::new(KEPT_FOR, KEPT_ARTICLES),
            changes,
        };
        storage.index_old_bodies().await?;
        let stemmed = storage.stem_old_articles().await?;
        if stemmed > 0 {
            tracing::info!(
                articles = stemmed,
                "stemmed the articles stored before the stems index"
            );
        }
        Ok(storage)
    }

    pub fn engine(&self) -> Engine {
        match self.pool {
            Pool::Sqlite(_) => Engine::Sqlite,
            Pool::Postgres(_) => Engine::Postgres,
        }
    }

    /// The text of a query whose spelling differs between the engines.
    pub(crate) fn dialect<'a>(&self, sqlite: &'a str, postgres: &'a str) -> &'a str {
        match self.engine() {
            Engine::Sqlite => sqlite,
            Engine::Postgres => postgres,
        }
    }
}

async fn open_sqlite(url: &str) -> Result<SqlitePool, sqlx::Error> {
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
    Ok(pool)
}

async fn open_postgres(url: &str) -> Result<PgPool, sqlx::Error> {
    let options = PgConnectOptions::from_str(url)?.application_name("infoshos-server");
    let pool = PgPoolOptions::new()
        .max_connections(16)
        .acquire_timeout(Duration::from_secs(10))
        .connect_with(options)
        .await?;
    sqlx::migrate!("src/storage/migrations_postgres")
        .run(&pool)
        .await?;
    Ok(pool)
}

impl Storage {
    /// The key that signs comment forms: made on the first start, kept in the database, so
    /// forms issued before a restart still work after it.
    pub async fn form_secret(&self) -> Result<Vec<u8>, sqlx::Error> {
        on_engine!(self, pool => {
            sqlx::query(
                "INSERT INTO settings (name, value) VALUES ('form_secret', $1)
                 ON CONFLICT (name) DO NOTHING",
            )
            .bind(new_secret())
            .execute(pool)
            .await?;
            sqlx::query_scalar("SELECT value FROM settings WHERE name = 'form_secret'")
                .fetch_one(pool)
                .await
        })
    }

    /// How many writes this process has made or (on PostgreSQL) heard of from other replicas:
    /// an answer kept at one count is stale at the next.
    pub fn change_count(&self) -> u64 {
        self.changes.load(std::sync::atomic::Ordering::Acquire)
    }

    /// Something was (or may have been) written: kept answers are read again.
    pub fn changed(&self) {
        self.changes
            .fetch_add(1, std::sync::atomic::Ordering::AcqRel);
    }

    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        on_engine!(self, pool => sqlx::query("SELECT 1").execute(pool).await.map(|_| ()))
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

/// A new random key (32 bytes from the operating system): the comment forms' signing key the
/// portal keeps (`form_token`), and a replica's name.
pub fn new_secret() -> Vec<u8> {
    let mut key = vec![0u8; 32];
    getrandom::fill(&mut key).expect("the operating system's random source");
    key
}
