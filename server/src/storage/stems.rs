//! SQLite's index of word stems (migration 0020), written by the server because SQLite cannot
//! stem: with every write of an article, in the writer's transaction, and at each start for the
//! articles stored before the index existed. PostgreSQL stems by itself (its `search` column,
//! migration 0003), so there this is nothing.

use infoshos_model::Lang;
use sqlx::{PgConnection, SqliteConnection};

use super::{Engine, Storage, on_engine};
use crate::search::stems::stemmed;

/// Articles stemmed per transaction at start.
const BATCH: i64 = 2_000;

/// An article's text as the search reads it.
pub(crate) struct Text<'a> {
    pub lang: Lang,
    pub title: &'a str,
    pub summary: &'a str,
    pub body_text: &'a str,
}

/// A connection that keeps the stems index (SQLite) or needs none (PostgreSQL).
pub(crate) trait StemIndex {
    /// Puts article `id`'s stems in the index in place of any it had.
    async fn index_stems(&mut self, id: i64, text: Text<'_>) -> Result<(), sqlx::Error>;
}

impl StemIndex for SqliteConnection {
    async fn index_stems(&mut self, id: i64, text: Text<'_>) -> Result<(), sqlx::Error> {
        sqlx::query("DELETE FROM article_stems WHERE rowid = $1")
            .bind(id)
            .execute(&mut *self)
            .await?;
        sqlx::query(
            "INSERT INTO article_stems (rowid, title, summary, body) VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(stemmed(text.lang, text.title))
        .bind(stemmed(text.lang, text.summary))
        .bind(stemmed(text.lang, text.body_text))
        .execute(&mut *self)
        .await?;
        Ok(())
    }
}

impl StemIndex for PgConnection {
    async fn index_stems(&mut self, _id: i64, _text: Text<'_>) -> Result<(), sqlx::Error> {
        Ok(())
    }
}

impl Storage {
    /// Stems the articles written before the stems index existed, oldest id first, in batches
    /// (each its own transaction, so a stop midway resumes after the last one done). Every
    /// later write stems its article itself, so the ones to do are those past the highest id
    /// in the index.
    pub(super) async fn stem_old_articles(&self) -> Result<u64, sqlx::Error> {
        if self.engine() == Engine::Postgres {
            return Ok(0);
        }
        let mut done = 0;
        loop {
            let stemmed_now = on_engine!(self, pool => {
                let mut tx = pool.begin().await?;
                let rows: Vec<(i64, String, String, String, String)> = sqlx::query_as(
                    "SELECT id, lang, title, summary, body_text FROM articles
                     WHERE id > (SELECT coalesce(max(rowid), 0) FROM article_stems)
                     ORDER BY id LIMIT $1",
                )
                .bind(BATCH)
                .fetch_all(&mut *tx)
                .await?;
                for (id, lang, title, summary, body_text) in &rows {
                    let lang = Lang::from_code(lang).unwrap_or(Lang::En);
                    let text = Text { lang, title, summary, body_text };
                    tx.index_stems(*id, text).await?;
                }
                tx.commit().await?;
                rows.len() as u64
            });
            done += stemmed_now;
            if stemmed_now < BATCH as u64 {
                return Ok(done);
            }
        }
    }
}
