//! Drafts kept on the server as an editor writes them: articles off the portal, never yet
//! published, under a placeholder address; saved without versions or audit lines (nothing a
//! reader saw changes), and published (or scheduled) in one transaction with its audit line.

use super::article_sql::{audit_article, insert_article, rewrite_article};
use super::articles::NewArticle;
use super::{Storage, on_engine};
use infoshos_model::admin::AuditAction;

impl Storage {
    /// A new draft (its `slug` a placeholder); its id.
    pub async fn add_draft(&self, a: &NewArticle) -> Result<i64, sqlx::Error> {
        on_engine!(self, pool => {
            let mut tx = pool.begin().await?;
            let id = insert_article!(tx, a);
            sqlx::query("UPDATE articles SET hidden = TRUE, draft = TRUE WHERE id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(id)
        })
    }

    /// The draft `id` as written now (its address stays the placeholder); `false` when there
    /// is no such draft (published meanwhile, or never one).
    pub async fn save_draft(&self, id: i64, a: &NewArticle) -> Result<bool, sqlx::Error> {
        on_engine!(self, pool => {
            let mut tx = pool.begin().await?;
            if rewrite_article!(tx, a, "id = $6 AND draft", id).is_none() {
                return Ok(false);
            }
            tx.commit().await?;
        });
        self.changed();
        Ok(true)
    }

    /// Publishes the draft `id` as `a` (its address now the real one): on the portal now, or
    /// off it until `a.published_at_ms` when `scheduled`. `None` when there is no such draft;
    /// a taken address is the unique-violation error.
    pub async fn publish_draft(
        &self,
        id: i64,
        a: &NewArticle,
        actor: &str,
        now_ms: i64,
        scheduled: bool,
    ) -> Result<Option<i64>, sqlx::Error> {
        if !self.save_draft(id, a).await? {
            return Ok(None);
        }
        let action = if scheduled {
            AuditAction::Schedule
        } else {
            AuditAction::Publish
        };
        on_engine!(self, pool => {
            let mut tx = pool.begin().await?;
            let done = sqlx::query(
                "UPDATE articles
                 SET slug = $1, draft = FALSE, hidden = $2, published_at = $3,
                     publish_at = CASE WHEN $2 THEN $3 END,
                     scheduled_by = CASE WHEN $2 THEN $4 END
                 WHERE id = $5 AND draft",
            )
            .bind(&a.slug)
            .bind(scheduled)
            .bind(a.published_at_ms)
            .bind(actor)
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if done == 0 {
                return Ok(None);
            }
            audit_article!(tx, action, id, actor, now_ms);
            tx.commit().await?;
        });
        self.changed();
        Ok(Some(id))
    }

    /// Keeps, with the draft `id`, the address of the article it is written from (another
    /// edition of its story), or forgets it.
    pub async fn keep_written_from(
        &self,
        id: i64,
        source: Option<&str>,
    ) -> Result<(), sqlx::Error> {
        on_engine!(self, pool => sqlx::query(
            "UPDATE articles SET written_from = $1 WHERE id = $2 AND draft",
        )
        .bind(source)
        .bind(id)
        .execute(pool)
        .await
        .map(|_| ()))
    }

    /// The address of the article the draft at `slug` is written from, if it is one.
    pub async fn written_from(&self, slug: &str) -> Result<Option<String>, sqlx::Error> {
        on_engine!(self, pool => sqlx::query_scalar(
            "SELECT written_from FROM articles WHERE slug = $1 AND draft",
        )
        .bind(slug)
        .fetch_optional(pool)
        .await
        .map(Option::flatten))
    }
}
