//! Transactions that read, then write what they read (the last admin's check, a role change).

use sqlx::{PgPool, Postgres, Sqlite, SqlitePool, Transaction};

/// A transaction that will write. SQLite's default (deferred) transaction reads under a shared
/// lock and fails with "database is locked" when it then tries to write while another holds
/// the write lock (busy_timeout cannot help an upgrade): two admins changing one account at
/// once got a 500 in 16 of 40 tries. `BEGIN IMMEDIATE` takes the write lock first, so the
/// second waits its turn (busy_timeout, 5 s). PostgreSQL needs only its row locks
/// (`FOR UPDATE` where a query reads what it will change).
pub(crate) trait BeginWrite {
    type Db: sqlx::Database;
    async fn begin_write(&self) -> Result<Transaction<'static, Self::Db>, sqlx::Error>;
}

impl BeginWrite for SqlitePool {
    type Db = Sqlite;
    async fn begin_write(&self) -> Result<Transaction<'static, Sqlite>, sqlx::Error> {
        self.begin_with("BEGIN IMMEDIATE").await
    }
}

impl BeginWrite for PgPool {
    type Db = Postgres;
    async fn begin_write(&self) -> Result<Transaction<'static, Postgres>, sqlx::Error> {
        self.begin().await
    }
}
