use infoshos_model::{Comment, CommentStatus, NewComment};
use sqlx::FromRow;

use super::{Storage, millis_to_utc, on_engine};

#[derive(FromRow)]
struct CommentRow {
    id: i64,
    name: String,
    text: String,
    created_at: i64,
    pending: bool,
    thread: Option<i64>,
    answers: Option<String>,
}

impl Storage {
    /// Published comments of an article, oldest first, and the waiting ones sent under one of
    /// `mine` (the keys a reader's browser kept for its own comments). Each reply comes right
    /// after its thread's top comment and the replies before it, while that comment is shown;
    /// otherwise it stands in its own place. The email column is never read here.
    pub async fn comments(
        &self,
        article_id: i64,
        mine: &[String],
    ) -> Result<Vec<Comment>, sqlx::Error> {
        // The keys go as one JSON list, read by each engine's own JSON function.
        let keys = serde_json::to_string(mine).unwrap_or_else(|_| "[]".into());
        let sql = format!(
            "SELECT c.id, c.name, c.text, c.created_at, c.status = 'pending' AS pending,
                    t.id AS thread, CASE WHEN t.id IS NOT NULL THEN p.name END AS answers
             FROM comments c
             LEFT JOIN comments t ON t.id = c.thread_id AND t.status = 'published'
             LEFT JOIN comments p ON p.id = c.reply_to AND p.status = 'published'
             WHERE c.article_id = $1
               AND (c.status = 'published'
                    OR (c.status = 'pending' AND c.client_key IN (SELECT value FROM {})))
             ORDER BY COALESCE(t.created_at, c.created_at), COALESCE(t.id, c.id),
                      c.created_at, c.id",
            self.dialect(
                "json_each($2)",
                "json_array_elements_text($2::json) AS k(value)"
            )
        );
        let rows: Vec<CommentRow> = on_engine!(self, pool => sqlx::query_as(&sql)
            .bind(article_id)
            .bind(&keys)
            .fetch_all(pool)
            .await?);
        Ok(rows
            .into_iter()
            .map(|r| Comment {
                id: r.id,
                name: r.name,
                text: r.text,
                created_at: millis_to_utc(r.created_at),
                pending: r.pending,
                thread: r.thread,
                answers: r.answers,
            })
            .collect())
    }

    /// Stores an already validated comment (a reply's answered comment checked by
    /// `can_answer`); trims what the reader typed around it. A reply joins the thread of the
    /// comment it answers, or starts one under it when that thread is no longer shown. A comment
    /// whose key this article already has is not stored again: the first one's id and status
    /// come back, with `false` for "not new".
    pub async fn insert_comment(
        &self,
        article_id: i64,
        c: &NewComment,
        status: CommentStatus,
        created_at_ms: i64,
    ) -> Result<(i64, CommentStatus, bool), sqlx::Error> {
        let email = c.email.as_deref().map(str::trim).filter(|e| !e.is_empty());
        let inserted: Option<i64> = on_engine!(self, pool => sqlx::query_scalar(
            "INSERT INTO comments (article_id, name, email, text, status, created_at, client_key,
                                   reply_to, thread_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8,
                     (SELECT CASE WHEN t.status = 'published' THEN t.id ELSE p.id END
                      FROM comments p LEFT JOIN comments t ON t.id = p.thread_id
                      WHERE p.id = $8))
             ON CONFLICT (article_id, client_key) WHERE client_key IS NOT NULL DO NOTHING
             RETURNING id",
        )
        .bind(article_id)
        .bind(c.name.trim())
        .bind(email)
        .bind(c.text.trim())
        .bind(status)
        .bind(created_at_ms)
        .bind(c.key.as_deref())
        .bind(c.reply_to)
        .fetch_optional(pool)
        .await?);
        if let Some(id) = inserted {
            self.changed();
            return Ok((id, status, true));
        }
        let (id, stored): (i64, CommentStatus) = on_engine!(self, pool => sqlx::query_as(
            "SELECT id, status FROM comments WHERE article_id = $1 AND client_key = $2",
        )
        .bind(article_id)
        .bind(c.key.as_deref())
        .fetch_one(pool)
        .await?);
        Ok((id, stored, false))
    }

    /// The comment this article already has under `key`: its id and status.
    pub async fn comment_by_key(
        &self,
        article_id: i64,
        key: &str,
    ) -> Result<Option<(i64, CommentStatus)>, sqlx::Error> {
        on_engine!(self, pool => sqlx::query_as("SELECT id, status FROM comments WHERE article_id = $1 AND client_key = $2")
            .bind(article_id)
            .bind(key)
            .fetch_optional(pool)
            .await)
    }

    /// Whether a reader may answer comment `id` on this article: it is there and published.
    pub async fn can_answer(&self, article_id: i64, id: i64) -> Result<bool, sqlx::Error> {
        on_engine!(self, pool => sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM comments
             WHERE id = $1 AND article_id = $2 AND status = 'published')",
        )
        .bind(id)
        .bind(article_id)
        .fetch_one(pool)
        .await)
    }

    /// Whether this article got a comment with the same (trimmed) text since `since_ms`.
    pub async fn has_recent_text(
        &self,
        article_id: i64,
        text: &str,
        since_ms: i64,
    ) -> Result<bool, sqlx::Error> {
        on_engine!(self, pool => sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM comments
             WHERE article_id = $1 AND text = $2 AND created_at >= $3)",
        )
        .bind(article_id)
        .bind(text.trim())
        .bind(since_ms)
        .fetch_one(pool)
        .await)
    }

    pub async fn comment_email(&self, id: i64) -> Result<Option<String>, sqlx::Error> {
        on_engine!(self, pool => sqlx::query_scalar("SELECT email FROM comments WHERE id = $1")
            .bind(id)
            .fetch_one(pool)
            .await)
    }
}
