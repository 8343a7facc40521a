//! Searching the articles of one edition: words of three or more characters through the
//! trigram index (`article_search`, kept by triggers, see migration 0007), shorter ones by
//! substring. Every word is bound as a value: a query never becomes FTS5 syntax or SQL, so
//! quotes, `*`, `NEAR`, `AND` or brackets are characters to find, not operators.

use infoshos_model::search::INDEXED_CHARS;
use infoshos_model::{ArticleSummary, Lang};
use sqlx::FromRow;

use super::Storage;
use super::articles::{SUMMARY_COLUMNS, SummaryRow};

/// Where a page of results ends: its last hit's relevance, date and id. Pages continue
/// strictly after it in the same order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SearchCursor {
    pub rank: f64,
    pub published_at_ms: i64,
    pub id: i64,
}

/// A hit, and the article's text for its snippet.
pub struct Found {
    pub article: ArticleSummary,
    pub body_text: String,
}

#[derive(FromRow)]
struct HitRow {
    #[sqlx(flatten)]
    summary: SummaryRow,
    body_text: String,
    rank: f64,
}

/// An FTS5 string: the word in double quotes, its own quotes doubled. Inside the quotes FTS5
/// reads no operator, so this is the whole of the query syntax a reader can reach.
fn fts_string(word: &str) -> String {
    format!("\"{}\"", word.replace('"', "\"\""))
}

/// A LIKE pattern finding `word` anywhere, with `\` escaping LIKE's own `%` and `_`.
fn like_anywhere(word: &str) -> String {
    let escaped = word
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

impl Storage {
    /// One page of the articles of `lang` on the portal that contain every one of `words`,
    /// best first (title counts most, then the lead, then the body), then newest; and, when
    /// more follow, the cursor of the last one.
    pub async fn search(
        &self,
        lang: Lang,
        words: &[String],
        limit: u32,
        after: Option<SearchCursor>,
    ) -> Result<(Vec<Found>, Option<SearchCursor>), sqlx::Error> {
        let (indexed, short): (Vec<&String>, Vec<&String>) = words
            .iter()
            .partition(|w| w.chars().count() >= INDEXED_CHARS);
        let matching = indexed
            .iter()
            .map(|w| fts_string(w))
            .collect::<Vec<_>>()
            .join(" ");
        let from = if indexed.is_empty() {
            "(SELECT NULL AS rowid, 0.0 AS rank) s JOIN articles a ON 1".to_string()
        } else {
            "(SELECT rowid, bm25(article_search, 10.0, 5.0, 1.0) AS rank FROM article_search
              WHERE article_search MATCH ?) s JOIN articles a ON a.id = s.rowid"
                .to_string()
        };
        let substring = " AND (a.title LIKE ? ESCAPE '\\' OR a.summary LIKE ? ESCAPE '\\'
                               OR a.body_text LIKE ? ESCAPE '\\')";
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS}, a.body_text, s.rank AS rank FROM {from}
             WHERE a.lang = ? AND a.hidden = 0 {}
               AND (? IS NULL OR s.rank > ? OR (s.rank = ? AND (a.published_at, a.id) < (?, ?)))
             ORDER BY s.rank, a.published_at DESC, a.id DESC
             LIMIT ?",
            substring.repeat(short.len())
        );
        let mut query = sqlx::query_as::<_, HitRow>(&sql);
        if !indexed.is_empty() {
            query = query.bind(matching);
        }
        query = query.bind(lang.code());
        for word in short {
            let pattern = like_anywhere(word);
            query = query
                .bind(pattern.clone())
                .bind(pattern.clone())
                .bind(pattern);
        }
        let rank = after.map(|c| c.rank);
        let mut rows = query
            .bind(rank)
            .bind(rank)
            .bind(rank)
            .bind(after.map(|c| c.published_at_ms))
            .bind(after.map(|c| c.id))
            .bind(i64::from(limit) + 1)
            .fetch_all(&self.pool)
            .await?;
        // One row more than asked tells whether another page exists.
        let more = rows.len() > limit as usize;
        rows.truncate(limit as usize);
        let next = more.then(|| rows.last()).flatten().map(|r| SearchCursor {
            rank: r.rank,
            published_at_ms: r.summary.published_at,
            id: r.summary.id,
        });
        let found = rows
            .into_iter()
            .map(|r| Found {
                article: r.summary.into(),
                body_text: r.body_text,
            })
            .collect();
        Ok((found, next))
    }

    /// Fills in the plain text of bodies stored before the search index existed (migration
    /// 0007 adds it empty); the update trigger then indexes them.
    pub(super) async fn index_old_bodies(&self) -> Result<(), sqlx::Error> {
        let old: Vec<(i64, String)> =
            sqlx::query_as("SELECT id, body FROM articles WHERE body_text = '' AND body != ''")
                .fetch_all(&self.pool)
                .await?;
        for (id, body) in old {
            sqlx::query("UPDATE articles SET body_text = ? WHERE id = ?")
                .bind(crate::sanitize::article_text(&body))
                .bind(id)
                .execute(&self.pool)
                .await?;
        }
        Ok(())
    }
}
