//! Searching the articles of one edition: words of three or more characters through the
//! trigram index (`article_search`, kept by triggers, see migration 0007), shorter ones by
//! substring. Every word is bound as a value: a query never becomes FTS5 syntax or SQL, so
//! quotes, `*`, `NEAR`, `AND` or brackets are characters to find, not operators.

use infoshos_model::search::INDEXED_CHARS;
use infoshos_model::{ArticleSummary, Lang};
use sqlx::FromRow;

use super::articles::SummaryRow;
use super::{Engine, Storage, on_engine};

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
pub(super) fn like_anywhere(word: &str) -> String {
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
        let (sql, binds) = match self.engine() {
            Engine::Sqlite => self.search_sqlite(words),
            Engine::Postgres => self.search_postgres(lang, words),
        };
        let rank = after.map(|c| c.rank);
        let mut rows: Vec<HitRow> = on_engine!(self, pool => {
            let mut query = sqlx::query_as(&sql).bind(lang.code());
            for value in &binds {
                query = query.bind(value);
            }
            query
                .bind(rank)
                .bind(after.map(|c| c.published_at_ms))
                .bind(after.map(|c| c.id))
                .bind(i64::from(limit) + 1)
                .fetch_all(pool)
                .await?
        });
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

    /// SQLite: words of `INDEXED_CHARS` or more through the trigram index, ranked by bm25
    /// (title 10, lead 5, body 1; lower is better), shorter ones by substring. `$1` is the
    /// edition, then the returned values; the cursor and limit follow them.
    fn search_sqlite(&self, words: &[String]) -> (String, Vec<String>) {
        let (indexed, short): (Vec<&String>, Vec<&String>) = words
            .iter()
            .partition(|w| w.chars().count() >= INDEXED_CHARS);
        let mut binds = Vec::new();
        let from = if indexed.is_empty() {
            "(SELECT NULL AS rowid, 0.0 AS rank) s JOIN articles a ON 1".to_string()
        } else {
            binds.push(
                indexed
                    .iter()
                    .map(|w| fts_string(w))
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            "(SELECT rowid, bm25(article_search, 10.0, 5.0, 1.0) AS rank FROM article_search
              WHERE article_search MATCH $2) s JOIN articles a ON a.id = s.rowid"
                .to_string()
        };
        let mut substring = String::new();
        for word in short {
            binds.push(like_anywhere(word));
            let n = binds.len() + 1;
            substring += &format!(
                " AND (a.title LIKE ${n} ESCAPE '\\' OR a.summary LIKE ${n} ESCAPE '\\'
                       OR a.body_text LIKE ${n} ESCAPE '\\')"
            );
        }
        let [r, p, i, l] = [2, 3, 4, 5].map(|k| binds.len() + k);
        let sql = format!(
            "SELECT {}, a.body_text, s.rank AS rank FROM {from}
             WHERE a.lang = $1 AND NOT a.hidden {substring}
               AND (${r} IS NULL OR s.rank > ${r} OR (s.rank = ${r} AND (a.published_at, a.id) < (${p}, ${i})))
             ORDER BY s.rank, a.published_at DESC, a.id DESC
             LIMIT ${l}",
            self.summary_columns()
        );
        (sql, binds)
    }

    /// PostgreSQL: every word by substring (`ILIKE`, served by the `pg_trgm` indexes of
    /// migration 0001), so both engines find the same articles for the same words: a Russian
    /// stem its word forms, Chinese without word splitting; and, beyond that, by the edition's
    /// own full-text configuration (migration 0003: a word finds its other forms by stem). The
    /// rank weighs where each word is found as bm25's weights do (title 10, lead 5, body 1),
    /// then `ts_rank`; negated, so lower is better, as bm25's.
    fn search_postgres(&self, lang: Lang, words: &[String]) -> (String, Vec<String>) {
        let config = match lang {
            Lang::En => "english",
            Lang::Ru => "russian",
            Lang::Zh => "simple",
        };
        let mut binds: Vec<String> = vec![config.to_string(), words.join(" ")];
        let (mut matching, mut weight) = (String::new(), Vec::new());
        for word in words {
            binds.push(like_anywhere(word));
            let p = binds.len() + 1;
            binds.push(word.clone());
            let w = binds.len() + 1;
            let [title, lead, body] =
                ["title", "summary", "body_text"].map(|c| format!("a.{c} ILIKE ${p} ESCAPE '\\'"));
            matching += &format!(
                " AND ({title} OR {lead} OR {body} OR a.search @@ plainto_tsquery($2::regconfig, ${w}))"
            );
            weight.push(format!(
                "(CASE WHEN {title} THEN 10 ELSE 0 END + CASE WHEN {lead} THEN 5 ELSE 0 END
                  + CASE WHEN {body} THEN 1 ELSE 0 END)"
            ));
        }
        let weight = if weight.is_empty() {
            "0".to_string()
        } else {
            weight.join(" + ")
        };
        let [r, p, i, l] = [2, 3, 4, 5].map(|k| binds.len() + k);
        let sql = format!(
            "SELECT * FROM (
                SELECT {}, a.body_text,
                       -(({weight}) + ts_rank(a.search, plainto_tsquery($2::regconfig, $3))
                                           ::DOUBLE PRECISION) AS rank
                FROM articles a WHERE a.lang = $1 AND NOT a.hidden {matching}) s
             WHERE (CAST(${r} AS DOUBLE PRECISION) IS NULL OR s.rank > ${r}
                    OR (s.rank = ${r} AND (s.published_at, s.id) < (${p}, ${i})))
             ORDER BY s.rank, s.published_at DESC, s.id DESC
             LIMIT ${l}",
            self.summary_columns()
        );
        (sql, binds)
    }

    /// Fills in the plain text of bodies stored before the search index existed (migration
    /// 0007 adds it empty); the update trigger then indexes them.
    pub(super) async fn index_old_bodies(&self) -> Result<(), sqlx::Error> {
        on_engine!(self, pool => {
            let old: Vec<(i64, String)> =
                sqlx::query_as("SELECT id, body FROM articles WHERE body_text = '' AND body != ''")
                    .fetch_all(pool)
                    .await?;
            for (id, body) in old {
                sqlx::query("UPDATE articles SET body_text = $1 WHERE id = $2")
                    .bind(infoshos_model::html::article_text(&body))
                    .bind(id)
                    .execute(pool)
                    .await?;
            }
        });
        Ok(())
    }
}
