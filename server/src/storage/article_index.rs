//! The editors' list of articles: every one, on the portal, scheduled or taken off it, newest first,
//! filtered by edition, state, status and words of its title or address; each with its story
//! and the editions that story has.

use infoshos_model::Lang;
use infoshos_model::article_index::{ArticleIndex, IndexFilter, IndexedArticle, OnPortal};
use sqlx::FromRow;

use super::articles::SummaryRow;
use super::search::like_anywhere;
use super::{Storage, on_engine};

#[derive(FromRow)]
struct IndexRow {
    #[sqlx(flatten)]
    summary: SummaryRow,
    hidden: bool,
    publish_at: Option<i64>,
    draft: bool,
    story_key: String,
    correction_asked: bool,
}

impl Storage {
    /// The newest `limit` articles that pass `filter`, and how many pass it in all. Words are
    /// found in the title or the address, ignoring case (on SQLite, the case of Latin letters
    /// only: its `LIKE` folds no other; PostgreSQL's `ILIKE` folds every letter).
    pub async fn article_index(
        &self,
        filter: &IndexFilter,
        limit: u32,
    ) -> Result<ArticleIndex, sqlx::Error> {
        let like = self.dialect("LIKE", "ILIKE");
        let matching = format!(
            "FROM articles a
             WHERE ($1 IS NULL OR a.lang = $1)
               AND ($2 IS NULL OR EXISTS (SELECT 1 FROM article_countries ac
                                          WHERE ac.article_id = a.id AND ac.country = $2))
               AND ($3 IS NULL
                    OR ($3 = 'published' AND NOT a.hidden)
                    OR ($3 = 'draft' AND a.draft)
                    OR ($3 = 'scheduled' AND a.publish_at IS NOT NULL)
                    OR ($3 = 'taken-down' AND a.hidden AND a.publish_at IS NULL AND NOT a.draft))
               AND ($4 IS NULL OR a.title {like} $4 ESCAPE '\\' OR a.slug {like} $4 ESCAPE '\\')"
        );
        let lang = filter.lang.map(|l| l.code());
        let status = filter.on_portal.map(OnPortal::code);
        let words = filter.words.as_deref().map(like_anywhere);
        // The filter's four values, bound the same way to each query below.
        macro_rules! filtered {
            ($query:expr) => {
                $query
                    .bind(lang)
                    .bind(filter.country.as_deref())
                    .bind(status)
                    .bind(words.as_deref())
            };
        }
        let rows_sql = format!(
            "SELECT {}, a.hidden, a.publish_at, a.draft, COALESCE(a.story, a.slug) AS story_key,
                    a.correction_asked_at IS NOT NULL AS correction_asked
             {matching} ORDER BY a.published_at DESC, a.id DESC LIMIT $5",
            self.summary_columns()
        );
        let rows: Vec<IndexRow> = on_engine!(self, pool => filtered!(sqlx::query_as(&rows_sql))
            .bind(i64::from(limit))
            .fetch_all(pool)
            .await?);
        let total: i64 = on_engine!(self, pool => filtered!(sqlx::query_scalar(&format!("SELECT count(*) {matching}")))
            .fetch_one(pool)
            .await?);
        // The editions of the stories listed: one query over the same page of the list.
        let editions: Vec<(String, Lang)> = on_engine!(self, pool => filtered!(sqlx::query_as(&format!(
            // A story's key is its articles' `story`, or the address of one telling it alone:
            // asked as two lookups, each by its own index.
            "WITH page AS (SELECT COALESCE(a.story, a.slug) AS k {matching}
                            ORDER BY a.published_at DESC, a.id DESC LIMIT $5)
             SELECT COALESCE(story, slug), lang FROM articles
              WHERE NOT draft
                AND (story IN (SELECT k FROM page) OR (story IS NULL AND slug IN (SELECT k FROM page)))"
        )))
            .bind(i64::from(limit))
            .fetch_all(pool)
            .await?);
        let editions_of = |story: &str| -> Vec<Lang> {
            Lang::ALL
                .into_iter()
                .filter(|l| editions.iter().any(|(s, e)| s == story && e == l))
                .collect()
        };
        Ok(ArticleIndex {
            items: rows
                .into_iter()
                .map(|r| IndexedArticle {
                    editions: editions_of(&r.story_key),
                    story: r.story_key,
                    correction_asked: r.correction_asked,
                    article: r.summary.into(),
                    hidden: r.hidden,
                    draft: r.draft,
                    scheduled_for: r.publish_at.map(super::millis_to_utc),
                })
                .collect(),
            total,
        })
    }
}
