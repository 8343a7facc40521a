//! How often articles are read: the hourly counts every replica adds to in batches, and an
//! edition's most read over the last hours. Adding counts is not a change readers see
//! elsewhere, so it leaves the kept pages and answers alone.

use infoshos_model::{ArticleSummary, Lang};

use super::articles::SummaryRow;
use super::{Storage, on_engine};

impl Storage {
    /// Adds each (slug, Unix hour, readings) to the stored counts, in one transaction; a slug
    /// no article has any more is passed over.
    pub async fn add_views(&self, batch: &[(String, i64, i64)]) -> Result<(), sqlx::Error> {
        // `WHERE` after the `SELECT` also tells SQLite's parser the `ON CONFLICT` is the
        // upsert's.
        const ADD: &str = "INSERT INTO article_views (article_id, hour, views)
             SELECT id, $2, $3 FROM articles WHERE slug = $1
             ON CONFLICT (article_id, hour) DO UPDATE SET views = article_views.views + excluded.views";
        on_engine!(self, pool => {
            let mut tx = pool.begin().await?;
            for (slug, hour, views) in batch {
                sqlx::query(ADD)
                    .bind(slug)
                    .bind(hour)
                    .bind(views)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await
        })
    }

    /// The `limit` articles of `lang` on the portal read most since the Unix hour `since`,
    /// most first (the newer first among equals); none read, none listed.
    pub async fn most_read(
        &self,
        lang: Lang,
        since: i64,
        limit: u32,
    ) -> Result<Vec<ArticleSummary>, sqlx::Error> {
        let sql = format!(
            "SELECT {} FROM articles a
               JOIN (SELECT article_id, sum(views) AS total FROM article_views
                      WHERE hour >= $2 GROUP BY article_id) v ON v.article_id = a.id
              WHERE a.lang = $1 AND NOT a.hidden
              ORDER BY v.total DESC, a.published_at DESC, a.id DESC
              LIMIT $3",
            self.summary_columns()
        );
        let rows: Vec<SummaryRow> = on_engine!(self, pool => sqlx::query_as(&sql)
            .bind(lang.code())
            .bind(since)
            .bind(i64::from(limit))
            .fetch_all(pool)
            .await?);
        Ok(rows.into_iter().map(Into::into).collect())
    }
}
