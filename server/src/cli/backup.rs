//! `infoshos-server backup FILE`: a consistent copy of a live SQLite database, taken while the
//! portal serves. `VACUUM INTO` reads one snapshot (in WAL mode readers never block the writer,
//! nor it them) and writes it compacted into a new file, which is a database of its own: to
//! restore, stop the server and put the copy in the database's place.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use sqlx::ConnectOptions;
use sqlx::sqlite::SqliteConnectOptions;

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0} already exists: a backup never overwrites a file; name a new one")]
    Exists(PathBuf),
    #[error("there is no database at {0} to back up")]
    NoDatabase(String),
    #[error("the folder of {0} does not exist")]
    NoFolder(PathBuf),
    #[error("{0} is a PostgreSQL database: back it up with pg_dump (docs/deploy.md says how)")]
    Postgres(String),
    #[error("the copy failed: {0}")]
    Sqlite(#[from] sqlx::Error),
}

/// Copies the database at `url` (`sqlite://…`) into the new file `to`. The source is opened
/// read-only: a backup never migrates or changes what it copies.
pub async fn backup(url: &str, to: &Path) -> Result<(), BackupError> {
    if crate::storage::engine_of(url).ok() == Some(crate::storage::Engine::Postgres) {
        return Err(BackupError::Postgres(
            url.split('@').next_back().unwrap_or(url).into(),
        ));
    }
    if to.exists() {
        return Err(BackupError::Exists(to.to_path_buf()));
    }
    if let Some(folder) = to.parent()
        && !folder.as_os_str().is_empty()
        && !folder.is_dir()
    {
        return Err(BackupError::NoFolder(to.to_path_buf()));
    }
    let options = SqliteConnectOptions::from_str(url)?.read_only(true);
    if !options.get_filename().exists() {
        return Err(BackupError::NoDatabase(url.to_string()));
    }
    let mut connection = options.connect().await?;
    sqlx::query("VACUUM INTO ?")
        .bind(to.to_string_lossy().into_owned())
        .execute(&mut connection)
        .await?;
    Ok(())
}
