//! The comment queue and what editors do to it (each action an audit line), the audit read
//! back (all of it, or narrowed by a filter), and the portal's settings (keys, tokens).

use super::audit::audit;
use infoshos_model::admin::{Answered, AuditEntry, AuditFilter, ModerationAction, QueuedComment};
use infoshos_model::{CommentStatus, Lang};
use sqlx::FromRow;

use super::{Storage, millis_to_utc, on_engine};

#[derive(FromRow)]
struct QueueRow {
    id: i64,
    slug: String,
    title: String,
    lang: Lang,
    name: String,
    email: Option<String>,
    text: String,
    status: CommentStatus,
    created_at: i64,
    answers_name: Option<String>,
    answers_text: Option<String>,
}

#[derive(FromRow)]
struct AuditRow {
    at: i64,
    actor: String,
    action: String,
    comment_id: Option<i64>,
    article_id: Option<i64>,
    article_slug: Option<String>,
    article_lang: Option<Lang>,
    subject: Option<String>,
}

impl Storage {
    pub async fn setting(&self, name: &str) -> Result<Option<Vec<u8>>, sqlx::Error> {
        on_engine!(self, pool => sqlx::query_scalar("SELECT value FROM settings WHERE name = $1")
            .bind(name)
            .fetch_optional(pool)
            .await)
    }

    pub async fn set_setting(&self, name: &str, value: &[u8]) -> Result<(), sqlx::Error> {
        on_engine!(self, pool => sqlx::query(
            "INSERT INTO settings (name, value) VALUES ($1, $2)
             ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        )
        .bind(name)
        .bind(value)
        .execute(pool)
        .await
        .map(|_| ()))
    }

    /// Comments with `status`, newest first, with their article and, for a reply, the comment
    /// it answers (for the editors' queue).
    pub async fn queue(&self, status: CommentStatus) -> Result<Vec<QueuedComment>, sqlx::Error> {
        let rows: Vec<QueueRow> = on_engine!(self, pool => sqlx::query_as(
            "SELECT c.id, a.slug, a.title, a.lang, c.name, c.email, c.text, c.status, c.created_at,
                    p.name AS answers_name, p.text AS answers_text
             FROM comments c JOIN articles a ON a.id = c.article_id
             LEFT JOIN comments p ON p.id = c.reply_to
             WHERE c.status = $1 ORDER BY c.created_at DESC, c.id DESC LIMIT 500",
        )
        .bind(status)
        .fetch_all(pool)
        .await?);
        Ok(rows
            .into_iter()
            .map(|r| QueuedComment {
                id: r.id,
                article_slug: r.slug,
                article_title: r.title,
                article_lang: r.lang,
                name: r.name,
                email: r.email,
                text: r.text,
                status: r.status,
                created_at: millis_to_utc(r.created_at),
                answers: r
                    .answers_name
                    .zip(r.answers_text)
                    .map(|(name, text)| Answered { name, text }),
            })
            .collect())
    }

    /// Applies one action to the comments and records it for each, in one transaction.
    /// Returns how many comments it changed.
    pub async fn moderate(
        &self,
        ids: &[i64],
        action: ModerationAction,
        actor: &str,
        now_ms: i64,
    ) -> Result<u64, sqlx::Error> {
        let change = match action {
            ModerationAction::Approve => "UPDATE comments SET status = 'published' WHERE id = $1",
            ModerationAction::Reject => "UPDATE comments SET status = 'rejected' WHERE id = $1",
            ModerationAction::Delete => "DELETE FROM comments WHERE id = $1",
        };
        let mut changed = 0;
        on_engine!(self, pool => {
            let mut tx = pool.begin().await?;
            for id in ids {
                let done = sqlx::query(change)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                if done > 0 {
                    changed += done;
                    audit!(tx, now_ms, actor, action.into(), comment_id = id)?;
                }
            }
            tx.commit().await?;
        });
        self.changed();
        Ok(changed)
    }

    /// The audit record, newest first (the last 1000 actions).
    pub async fn audit(&self) -> Result<Vec<AuditEntry>, sqlx::Error> {
        self.audit_where(&AuditFilter::default()).await
    }

    /// The last 1000 actions that pass `filter`, newest first.
    pub async fn audit_where(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>, sqlx::Error> {
        let rows: Vec<AuditRow> = on_engine!(self, pool => sqlx::query_as(
            "SELECT u.at, u.actor, u.action, u.comment_id, u.article_id, a.slug AS article_slug,
                    a.lang AS article_lang, u.subject
             FROM audit u LEFT JOIN articles a ON a.id = u.article_id
             WHERE ($1 IS NULL OR u.action = $1) AND ($2 IS NULL OR a.slug = $2)
               AND ($3 IS NULL OR u.actor = $3)
             ORDER BY u.id DESC LIMIT 1000",
        )
        .bind(filter.action.as_deref())
        .bind(filter.article.as_deref())
        .bind(filter.actor.as_deref())
        .fetch_all(pool)
        .await?);
        Ok(rows
            .into_iter()
            .map(|r| AuditEntry {
                at: millis_to_utc(r.at),
                actor: r.actor,
                action: r.action,
                comment_id: r.comment_id,
                article_id: r.article_id,
                article_slug: r.article_slug,
                article_lang: r.article_lang,
                subject: r.subject,
            })
            .collect())
    }
}
