//! What crawlers and feed readers are given: every article on the portal with the time it
//! last changed (for the sitemap).

use infoshos_model::{Lang, Section};
use sqlx::FromRow;

use super::{Storage, on_engine};

/// One published article's address and when it last changed (Unix ms).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub lang: Lang,
    pub slug: String,
    pub modified_ms: i64,
    pub section: Option<Section>,
    /// The lead photo's id and width.
    pub photo: Option<(String, u32)>,
}

#[derive(FromRow)]
struct ListedRow {
    lang: Lang,
    slug: String,
    modified: i64,
    section: Option<Section>,
    lead_photo: Option<String>,
    lead_width: Option<i64>,
}

/// When an article last changed: its publication, or later an editor's correction or putting it
/// back on the portal (from the audit). The larger of two is `max` in SQLite, `GREATEST` in
/// PostgreSQL.
macro_rules! modified {
    ($larger:literal) => {
        concat!(
            $larger,
            "(a.published_at, coalesce(
    (SELECT max(u.at) FROM audit u
      WHERE u.article_id = a.id AND u.action IN ('edit', 'republish')), 0))"
        )
    };
}

impl Storage {
    pub(super) fn modified(&self) -> &'static str {
        self.dialect(modified!("max"), modified!("GREATEST"))
    }
}

impl Storage {
    /// Every article on the portal (none taken down), newest first, with when it last changed.
    pub async fn listed_articles(&self) -> Result<Vec<Listed>, sqlx::Error> {
        let sql = format!(
            "SELECT a.lang, a.slug, {} AS modified, a.section, a.lead_photo,
                    (SELECT p.width FROM photos p WHERE p.id = a.lead_photo) AS lead_width
             FROM articles a WHERE NOT a.hidden
             ORDER BY a.published_at DESC, a.id DESC",
            self.modified()
        );
        let rows: Vec<ListedRow> =
            on_engine!(self, pool => sqlx::query_as(&sql).fetch_all(pool).await?);
        Ok(rows
            .into_iter()
            .map(|r| Listed {
                lang: r.lang,
                slug: r.slug,
                modified_ms: r.modified,
                section: r.section,
                photo: r
                    .lead_photo
                    .zip(r.lead_width.and_then(|w| u32::try_from(w).ok())),
            })
            .collect())
    }
}
