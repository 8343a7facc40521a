//! The stories that joined an edition after a place in its feed: what the live desk and a
//! resuming stream ask for (`live`, `api/public/live.rs`).

use infoshos_model::{ArticleSummary, Lang};

use super::articles::SummaryRow;
use super::{FeedCursor, Storage, on_engine};

/// The most new stories looked up at once: a page that missed more shows "50 new stories".
pub const LANDED_AT_ONCE: i64 = 50;

impl Storage {
    /// The stories of `lang` on the portal after `after` in the feed's order, oldest first, at
    /// most `LANDED_AT_ONCE` (new stories as they land, `live`).
    pub async fn stories_after(
        &self,
        lang: Lang,
        after: FeedCursor,
    ) -> Result<Vec<ArticleSummary>, sqlx::Error> {
        let sql = format!(
            "SELECT {} FROM articles a
             WHERE a.lang = $1 AND NOT a.hidden AND (a.published_at, a.id) > ($2, $3)
             ORDER BY a.published_at, a.id
             LIMIT $4",
            self.summary_columns()
        );
        let rows: Vec<SummaryRow> = on_engine!(self, pool => sqlx::query_as(&sql)
            .bind(lang.code())
            .bind(after.published_at_ms)
            .bind(after.id)
            .bind(LANDED_AT_ONCE)
            .fetch_all(pool)
            .await?);
        Ok(rows.into_iter().map(Into::into).collect())
    }
}
