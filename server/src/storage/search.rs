//! Searching the articles of one edition: words of three or more characters through the
//! trigram index (`article_search`, kept by triggers, see migration 0007), shorter ones by
//! substring. Every word is bound as a value: a query never becomes FTS5 syntax or SQL, so
//! quotes, `*`, `NEAR`, `AND` or brackets are characters to find, not operators.

use infoshos_model::search::INDEXED_CHARS;
use infoshos_model::{ArticleSummary, Lang};
use sqlx::FromRow;

use super::articles::SummaryRow;
use super::{Engine, Storage, on_engine};
use crate::search::Term;

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
    /// One page of the articles of `lang` on the portal that contain every one of `terms` (as
    /// typed, by stem, or as the name it misspells), best first (title counts most, then the
    /// lead, then the body), then newest; and, when more follow, the cursor of the last one.
    pub async fn search(
        &self,
        lang: Lang,
        terms: &[Term],
        limit: u32,
        after: Option<SearchCursor>,
    ) -> Result<(Vec<Found>, Option<SearchCursor>), sqlx::Error> {
        let (sql, binds) = match self.engine() {
            Engine::Sqlite => self.search_sqlite(terms),
            Engine::Postgres => self.search_postgres(lang, terms),
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

    /// SQLite: each term of `INDEXED_CHARS` or more is looked up by its runs of characters
    /// (`Term::runs`) in the trigram index and by its stems in the stems index (migration 0020); an article must be found for every term, and its rank is the sum of bm25 over
    /// every lookup that found it (title 10, lead 5, body 1; lower is better). Shorter terms are
    /// found by substring. `$1` is the edition, then the returned values; the cursor and limit
    /// follow them.
    fn search_sqlite(&self, terms: &[Term]) -> (String, Vec<String>) {
        let (indexed, short): (Vec<&Term>, Vec<&Term>) = terms
            .iter()
            .partition(|t| t.typed.chars().count() >= INDEXED_CHARS);
        let mut binds = Vec::new();
        let mut lookups = Vec::new();
        let mut look = |table: &str, query: String| {
            binds.push(query);
            lookups.push(format!(
                "SELECT rowid AS id, bm25({table}, 10.0, 5.0, 1.0) AS rank
                 FROM {table} WHERE {table} MATCH ${}",
                binds.len() + 1
            ));
        };
        if !indexed.is_empty() {
            look(
                "article_search",
                all_of(&indexed, |t| {
                    t.shortest_runs().into_iter().map(fts_string).collect()
                }),
            );
            if indexed.iter().all(|t| t.stems.is_some()) {
                look("article_stems", all_of(&indexed, stem_queries));
            }
        }
        // The lookups are materialized: flattened into the grouping, bm25 would be asked for
        // outside its full-text query, which SQLite refuses.
        let (with, from) = if lookups.is_empty() {
            (
                String::new(),
                "(SELECT NULL AS id, 0.0 AS rank) s JOIN articles a ON 1".to_string(),
            )
        } else {
            (
                format!(
                    "WITH hits AS MATERIALIZED ({}),
                          s AS (SELECT id, sum(rank) AS rank FROM hits GROUP BY id)",
                    lookups.join(" UNION ALL ")
                ),
                // CROSS: the hits first, then their articles by id. Left to itself, the planner
                // walked the edition's every article and probed the hits (46 against 10 ms for
                // two words in 100 000 articles, decision 0021).
                "s CROSS JOIN articles a ON a.id = s.id".to_string(),
            )
        };
        let mut substring = String::new();
        for term in short {
            binds.push(like_anywhere(&term.typed));
            let n = binds.len() + 1;
            substring += &format!(
                " AND (a.title LIKE ${n} ESCAPE '\\' OR a.summary LIKE ${n} ESCAPE '\\'
                       OR a.body_text LIKE ${n} ESCAPE '\\')"
            );
        }
        let [r, p, i, l] = [2, 3, 4, 5].map(|k| binds.len() + k);
        let sql = format!(
            "{with} SELECT {}, a.body_text, s.rank AS rank FROM {from}
             WHERE a.lang = $1 AND NOT a.hidden {substring}
               AND (${r} IS NULL OR s.rank > ${r} OR (s.rank = ${r} AND (a.published_at, a.id) < (${p}, ${i})))
             ORDER BY s.rank, a.published_at DESC, a.id DESC
             LIMIT ${l}",
            self.summary_columns()
        );
        (sql, binds)
    }

    /// PostgreSQL: each term by its runs of characters (`Term::shortest_runs`), by substring (`ILIKE`, served by the
    /// `pg_trgm` indexes of migration 0001), so both engines find the same articles for the
    /// same words: a Russian stem its word forms, Chinese without word splitting; and the term
    /// by the edition's own full-text configuration (migration 0003: a word finds its other
    /// forms by stem). The rank weighs where each term is found as bm25's weights do (title 10,
    /// lead 5, body 1), then `ts_rank`; negated, so lower is better, as bm25's.
    fn search_postgres(&self, lang: Lang, terms: &[Term]) -> (String, Vec<String>) {
        let config = match lang {
            Lang::En => "english",
            Lang::Ru => "russian",
            Lang::Zh => "simple",
        };
        let typed: Vec<&str> = terms.iter().map(|t| t.typed.as_str()).collect();
        let mut binds: Vec<String> = vec![config.to_string(), typed.join(" ")];
        let (mut matching, mut weight) = (String::new(), Vec::new());
        for term in terms {
            let mut at = Vec::new();
            for pattern in term.shortest_runs() {
                binds.push(like_anywhere(pattern));
                at.push(binds.len() + 1);
            }
            binds.push(term.typed.clone());
            let w = binds.len() + 1;
            binds.push(stem_prefixes(term));
            let st = binds.len() + 1;
            let [title, lead, body] = ["title", "summary", "body_text"].map(|c| found_in(c, &at));
            matching += &format!(
                " AND ({title} OR {lead} OR {body} OR a.search @@ plainto_tsquery($2::regconfig, ${w})
                       OR (${st} != '' AND a.search @@ to_tsquery('simple', ${st})))"
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

/// An FTS5 query for every one of `terms`, each found by any of its `ways`: `("a" OR "b") AND
/// ("c")`. Every way is a quoted string, so nothing a reader typed is read as an operator.
fn all_of(terms: &[&Term], ways: impl Fn(&Term) -> Vec<String>) -> String {
    let each: Vec<String> = terms
        .iter()
        .map(|t| format!("({})", ways(t).join(" OR ")))
        .collect();
    each.join(" AND ")
}

/// SQLite: a term's queries in the stems index: its stems, and those of the name it misspells.
/// A cut stem also finds the words it begins ("самм" from "саммите" finds "саммит", the stem of
/// "саммита"); one the stemmer left whole finds only itself.
fn stem_queries(term: &Term) -> Vec<String> {
    let star = if term.stem_is_cut() { "*" } else { "" };
    let mut queries: Vec<String> = term
        .stems
        .iter()
        .map(|stems| format!("{}{star}", fts_string(stems)))
        .collect();
    queries.extend(term.meant_stems.as_deref().map(fts_string));
    queries
}

/// PostgreSQL: the column holds any of the patterns bound at `at`, ignoring case.
fn found_in(column: &str, at: &[usize]) -> String {
    let any: Vec<String> = at
        .iter()
        .map(|p| format!("a.{column} ILIKE ${p} ESCAPE '\\'"))
        .collect();
    format!("({})", any.join(" OR "))
}

/// PostgreSQL: a cut stem as a `tsquery` that finds the lexemes it begins (`'самм':*`), as the
/// stems index's prefix query does on SQLite; empty for a stem the stemmer left whole. Stems are
/// letters and digits only (`stems::words`), so none can carry `tsquery` syntax.
fn stem_prefixes(term: &Term) -> String {
    match &term.stems {
        Some(stems) if term.stem_is_cut() => stems
            .split(' ')
            .map(|stem| format!("'{stem}':*"))
            .collect::<Vec<_>>()
            .join(" & "),
        _ => String::new(),
    }
}
