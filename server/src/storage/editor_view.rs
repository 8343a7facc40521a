//! An article as editors open it: whatever its state, with what readers would not be told.

use chrono::{DateTime, Utc};
use infoshos_model::{Article, ArticleSummary, Photo};
use sqlx::FromRow;

use super::articles::SummaryRow;
use super::{Storage, millis_to_utc, on_engine};

/// An article with its state: off the portal (`hidden`), waiting for its minute
/// (`scheduled_for`), or never yet published (`draft`).
pub struct EditorView {
    pub article: Article,
    pub hidden: bool,
    pub scheduled_for: Option<DateTime<Utc>>,
    pub draft: bool,
}

impl Storage {
    /// The article at `slug` whether or not readers see it (the reader's `article` keeps only
    /// what they do).
    pub async fn editor_view(&self, slug: &str) -> Result<Option<EditorView>, sqlx::Error> {
        #[derive(FromRow)]
        struct WholeRow {
            #[sqlx(flatten)]
            summary: SummaryRow,
            body: String,
            hidden: bool,
            publish_at: Option<i64>,
            draft: bool,
            corrected_at: Option<i64>,
            lead_caption: String,
            lead_credit: String,
        }
        let sql = format!(
            "SELECT {}, a.body, a.hidden, a.publish_at, a.draft,
                    (SELECT max(v.replaced_at) FROM article_versions v WHERE v.article_id = a.id)
                      AS corrected_at,
                    a.lead_caption, a.lead_credit
             FROM articles a WHERE a.slug = $1",
            self.summary_columns()
        );
        let row: Option<WholeRow> = on_engine!(self, pool => sqlx::query_as(&sql)
            .bind(slug)
            .fetch_optional(pool)
            .await?);
        let Some(WholeRow {
            summary,
            body,
            hidden,
            publish_at,
            draft,
            corrected_at,
            lead_caption,
            lead_credit,
        }) = row
        else {
            return Ok(None);
        };
        let summary: ArticleSummary = summary.into();

        let related = self.related(summary.id, summary.lang).await?;

        Ok(Some(EditorView {
            article: Article {
                id: summary.id,
                slug: summary.slug,
                title: summary.title,
                summary: summary.summary,
                published_at: summary.published_at,
                lang: summary.lang,
                countries: summary.countries,
                section: summary.section,
                comment_count: summary.comment_count,
                photo: summary.photo.map(|photo| Photo {
                    caption: lead_caption,
                    credit: lead_credit,
                    ..photo
                }),
                body,
                related,
                form_token: None,
                corrected_at: corrected_at.map(millis_to_utc),
            },
            hidden,
            scheduled_for: publish_at.map(millis_to_utc),
            draft,
        }))
    }
}
