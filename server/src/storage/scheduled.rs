//! Scheduled articles: filed off the portal with their minute, and put on it when that minute
//! comes by whichever replica's clock task gets there first (one `UPDATE … RETURNING` each: no
//! article goes on twice, and on PostgreSQL the write tells every other replica to read again).

use super::articles::NewArticle;
use super::audit::audit;
use super::{Storage, on_engine};
use infoshos_model::admin::AuditAction;

/// The audit line for an article put on the portal by its schedule, naming who scheduled it.
impl Storage {
    /// Files an article to go on the portal at `a.published_at_ms`, with its audit line
    /// ('schedule', by `actor`). A taken slug is the unique-violation error, as on publishing.
    pub async fn schedule_article(
        &self,
        a: &NewArticle,
        actor: &str,
        now_ms: i64,
    ) -> Result<i64, sqlx::Error> {
        self.file_article(a, actor, now_ms, true).await
    }

    /// A new time for a scheduled article; `false` when it is not scheduled (any more).
    pub async fn reschedule(
        &self,
        slug: &str,
        at_ms: i64,
        actor: &str,
    ) -> Result<bool, sqlx::Error> {
        let done = on_engine!(self, pool => sqlx::query(
            "UPDATE articles SET publish_at = $1, published_at = $1, scheduled_by = $2
             WHERE slug = $3 AND publish_at IS NOT NULL",
        )
        .bind(at_ms)
        .bind(actor)
        .bind(slug)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
        self.changed();
        Ok(done == 1)
    }

    /// Puts on the portal every scheduled article whose minute has come, each with its audit
    /// line; returns their slugs.
    pub async fn publish_due(&self, now_ms: i64) -> Result<Vec<String>, sqlx::Error> {
        let due: Vec<(i64, String, Option<String>)> = on_engine!(self, pool => {
            let mut tx = pool.begin().await?;
            let due: Vec<(i64, String, Option<String>)> = sqlx::query_as(
                "UPDATE articles SET hidden = FALSE, publish_at = NULL
                 WHERE publish_at IS NOT NULL AND publish_at <= $1
                 RETURNING id, slug, scheduled_by",
            )
            .bind(now_ms)
            .fetch_all(&mut *tx)
            .await?;
            for (id, _, by) in &due {
                let by = by.as_deref().unwrap_or("schedule");
                audit!(tx, now_ms, by, AuditAction::Publish, article_id = id)?;
            }
            tx.commit().await?;
            due
        });
        if !due.is_empty() {
            self.changed();
        }
        Ok(due.into_iter().map(|(_, slug, _)| slug).collect())
    }

    /// The earliest minute an article is scheduled for, if any.
    pub async fn next_due(&self) -> Result<Option<i64>, sqlx::Error> {
        on_engine!(self, pool => sqlx::query_scalar(
            "SELECT min(publish_at) FROM articles WHERE publish_at IS NOT NULL",
        )
        .fetch_one(pool)
        .await)
    }
}
