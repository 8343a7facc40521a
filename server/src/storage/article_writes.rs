//! Writing articles: the seed's inserts and editors' publishing, corrections and
//! (un)publishing, each with its audit row in the same transaction.

use infoshos_model::Lang;
use infoshos_model::admin::AuditAction;
use infoshos_model::editorial::ArticleVersion;
use sqlx::FromRow;

use super::articles::NewArticle;
use super::{Storage, millis_to_utc, on_engine};

use super::article_sql::{audit_article, insert_article, rewrite_article};

impl Storage {
    /// Files the article at `slug` under a story told in several editions.
    pub async fn set_story(&self, slug: &str, story: &str) -> Result<(), sqlx::Error> {
        on_engine!(self, pool => sqlx::query("UPDATE articles SET story = $1 WHERE slug = $2")
            .bind(story)
            .bind(slug)
            .execute(pool)
            .await
            .map(|_| ()))?;
        self.changed();
        Ok(())
    }

    /// Where the switcher's link to the article at `slug` in `lang` leads: `None` when that
    /// article is in `lang` itself or does not exist; else the slug of the same story in `lang`
    /// on the portal, if it has one (`Some(None)`: it has not).
    pub async fn translation(
        &self,
        slug: &str,
        lang: Lang,
    ) -> Result<Option<Option<String>>, sqlx::Error> {
        let found: Option<(Lang, Option<String>)> = on_engine!(self, pool => sqlx::query_as(
            "SELECT a.lang,
                    (SELECT t.slug FROM articles t
                      WHERE t.story = a.story AND t.lang = $1 AND NOT t.hidden)
               FROM articles a WHERE a.slug = $2 AND NOT a.hidden",
        )
        .bind(lang.code())
        .bind(slug)
        .fetch_optional(pool)
        .await?);
        Ok(found.and_then(|(own, other)| (own != lang).then_some(other)))
    }

    /// The articles on the portal telling the same story as the one at `slug` (itself too),
    /// by edition.
    pub async fn story_editions(&self, slug: &str) -> Result<Vec<(Lang, String)>, sqlx::Error> {
        on_engine!(self, pool => sqlx::query_as(
            "SELECT t.lang, t.slug FROM articles a JOIN articles t ON t.story = a.story
              WHERE a.slug = $1 AND NOT t.hidden ORDER BY t.lang",
        )
        .bind(slug)
        .fetch_all(pool)
        .await)
    }

    /// How many articles on the portal have no section (written before sections existed).
    pub async fn published_without_section(&self) -> Result<i64, sqlx::Error> {
        on_engine!(self, pool => sqlx::query_scalar(
            "SELECT count(*) FROM articles WHERE section IS NULL AND NOT draft")
            .fetch_one(pool)
            .await)
    }

    /// Files the story `story` (an article's slug, and every article that tells it) in
    /// `section` where no section was picked yet; how many articles that filed.
    pub async fn file_story_in_section(
        &self,
        story: &str,
        section: infoshos_model::Section,
    ) -> Result<u64, sqlx::Error> {
        let filed = on_engine!(self, pool => sqlx::query(
            "UPDATE articles SET section = $1
              WHERE section IS NULL AND (slug = $2 OR story = $2)")
            .bind(section.key())
            .bind(story)
            .execute(pool)
            .await?
            .rows_affected());
        if filed > 0 {
            self.changed();
        }
        Ok(filed)
    }

    pub async fn insert_article(&self, a: &NewArticle) -> Result<i64, sqlx::Error> {
        let id = on_engine!(self, pool => {
            let mut tx = pool.begin().await?;
            let id = insert_article!(tx, a);
            tx.commit().await?;
            id
        });
        self.changed();
        Ok(id)
    }

    /// An editor's article, stored with its row in the audit in one transaction. A slug that
    /// is taken is the database's unique-violation error (see `is_unique_violation`).
    pub async fn publish_article(
        &self,
        a: &NewArticle,
        actor: &str,
        now_ms: i64,
    ) -> Result<i64, sqlx::Error> {
        self.file_article(a, actor, now_ms, false).await
    }

    /// A new article, on the portal now or (`scheduled`) off it until `a.published_at_ms`,
    /// with its audit line, in one transaction: a scheduled article is never seen early.
    pub(super) async fn file_article(
        &self,
        a: &NewArticle,
        actor: &str,
        now_ms: i64,
        scheduled: bool,
    ) -> Result<i64, sqlx::Error> {
        let action = if scheduled {
            AuditAction::Schedule
        } else {
            AuditAction::Publish
        };
        let id = on_engine!(self, pool => {
            let mut tx = pool.begin().await?;
            let id = insert_article!(tx, a);
            if scheduled {
                sqlx::query(
                    "UPDATE articles SET hidden = TRUE, publish_at = published_at,
                            scheduled_by = $1
                     WHERE id = $2",
                )
                .bind(actor)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            }
            audit_article!(tx, action, id, actor, now_ms);
            tx.commit().await?;
            id
        });
        self.changed();
        Ok(id)
    }

    /// Replaces what an editor may correct (title, lead, edition, body, states) of the article
    /// at `a.slug`, keeping what it replaces as a version, with its audit row, in one
    /// transaction. `None` when there is no such article.
    pub async fn edit_article(
        &self,
        a: &NewArticle,
        actor: &str,
        now_ms: i64,
    ) -> Result<Option<i64>, sqlx::Error> {
        let id = on_engine!(self, pool => {
            let mut tx = pool.begin().await?;
            // What the correction replaces is kept (`article_versions`).
            sqlx::query(
                "INSERT INTO article_versions (article_id, lang, title, summary, body, replaced_at, actor)
                 SELECT id, lang, title, summary, body, $2, $3 FROM articles WHERE slug = $1",
            )
            .bind(&a.slug)
            .bind(now_ms)
            .bind(actor)
            .execute(&mut *tx)
            .await?;
            let Some(id) = rewrite_article!(tx, a, "slug = $6", &a.slug) else {
                return Ok(None);
            };
            audit_article!(tx, AuditAction::Edit, id, actor, now_ms);
            tx.commit().await?;
            id
        });
        self.changed();
        Ok(Some(id))
    }

    /// Takes an article off the portal (`visible = false`) or puts it back, with its audit
    /// row; its comments stay. `None` when there is no such article.
    pub async fn set_article_visible(
        &self,
        slug: &str,
        visible: bool,
        actor: &str,
        now_ms: i64,
    ) -> Result<Option<i64>, sqlx::Error> {
        let action = if visible {
            AuditAction::Republish
        } else {
            AuditAction::Unpublish
        };
        let id = on_engine!(self, pool => {
            let mut tx = pool.begin().await?;
            // A scheduled article put on the portal by hand goes on now, and stays scheduled
            // no longer; one taken off stays off whatever its schedule said.
            let id: Option<i64> = sqlx::query_scalar(
                "UPDATE articles
                 SET hidden = $1,
                     published_at = CASE WHEN $1 = FALSE AND publish_at IS NOT NULL THEN $3
                                         ELSE published_at END,
                     publish_at = NULL
                 WHERE slug = $2 RETURNING id",
            )
            .bind(!visible)
            .bind(slug)
            .bind(now_ms)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(id) = id else {
                return Ok(None);
            };
            audit_article!(tx, action, id, actor, now_ms);
            tx.commit().await?;
            id
        });
        self.changed();
        Ok(Some(id))
    }
}

/// Whether the database refused a row because a unique key (an article's slug) is taken.
pub fn is_unique_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(e) if e.is_unique_violation())
}

impl Storage {
    /// What the corrections of the article at `slug` replaced, newest first; `None` when
    /// there is no such article.
    pub async fn article_versions(
        &self,
        slug: &str,
    ) -> Result<Option<Vec<ArticleVersion>>, sqlx::Error> {
        #[derive(FromRow)]
        struct VersionRow {
            lang: Lang,
            title: String,
            summary: String,
            body: String,
            replaced_at: i64,
            actor: String,
        }
        // Taken down or not: editors see every article.
        let id: Option<i64> = on_engine!(self, pool => sqlx::query_scalar("SELECT id FROM articles WHERE slug = $1")
            .bind(slug)
            .fetch_optional(pool)
            .await?);
        let Some(id) = id else {
            return Ok(None);
        };
        let rows: Vec<VersionRow> = on_engine!(self, pool => sqlx::query_as(
            "SELECT lang, title, summary, body, replaced_at, actor FROM article_versions
             WHERE article_id = $1 ORDER BY replaced_at DESC, id DESC",
        )
        .bind(id)
        .fetch_all(pool)
        .await?);
        Ok(Some(
            rows.into_iter()
                .map(|r| ArticleVersion {
                    lang: r.lang,
                    title: r.title,
                    summary: r.summary,
                    body: r.body,
                    replaced_at: millis_to_utc(r.replaced_at),
                    actor: r.actor,
                })
                .collect(),
        ))
    }
}
