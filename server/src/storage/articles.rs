use infoshos_model::photos::Lead;
use infoshos_model::{Article, ArticleSummary, Lang, Photo, Section};
use sqlx::FromRow;

use super::{Storage, millis_to_utc, on_engine, split_countries};

/// Where a feed page ends: the (published_at, id) of its last row. Pages continue strictly
/// after it, so a walk over the cursors sees every article exactly once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeedCursor {
    pub published_at_ms: i64,
    pub id: i64,
}

impl FeedCursor {
    /// Whether this place comes after `other` in a feed's order (newer, or as new with a
    /// higher id).
    pub fn is_after(self, other: FeedCursor) -> bool {
        (self.published_at_ms, self.id) > (other.published_at_ms, other.id)
    }
}

/// An article to store (the seed or an editor). `body_html` must already be cleaned by
/// `sanitize::article_html`: it is served as HTML.
#[derive(Debug, Clone)]
pub struct NewArticle {
    pub slug: String,
    pub lang: Lang,
    pub title: String,
    pub summary: String,
    pub body_html: String,
    pub published_at_ms: i64,
    pub countries: Vec<String>,
    /// None only for a draft kept before one was picked (publishing requires it).
    pub section: Option<Section>,
    /// The lead photo from the library with the texts this article gives it.
    pub lead: Option<Lead>,
}

/// Which of an edition's articles a feed shows: all, or those about one state, or in one
/// section (or both).
#[derive(Debug, Clone, Copy, Default)]
pub struct FeedOf<'a> {
    pub country: Option<&'a str>,
    pub section: Option<Section>,
}

#[derive(FromRow)]
pub(super) struct SummaryRow {
    pub(super) id: i64,
    slug: String,
    title: String,
    summary: String,
    pub(super) published_at: i64,
    lang: Lang,
    countries: Option<String>,
    section: Option<Section>,
    comment_count: i64,
    #[sqlx(flatten)]
    pub(super) lead: LeadRow,
}

/// The lead photo's columns of a summary row: none of them when the article has no photo.
#[derive(FromRow)]
pub(super) struct LeadRow {
    lead_photo: Option<String>,
    lead_alt: String,
    lead_width: Option<i64>,
    lead_height: Option<i64>,
    lead_colour: Option<String>,
}

impl LeadRow {
    /// The photo as a feed row shows it (no caption or credit: `with_texts` adds them).
    pub(super) fn photo(self) -> Option<Photo> {
        Some(Photo {
            id: self.lead_photo?,
            width: u32::try_from(self.lead_width?).ok()?,
            height: u32::try_from(self.lead_height?).ok()?,
            colour: self.lead_colour.unwrap_or_default(),
            alt: self.lead_alt,
            caption: String::new(),
            credit: String::new(),
        })
    }
}

impl From<SummaryRow> for ArticleSummary {
    fn from(r: SummaryRow) -> Self {
        ArticleSummary {
            id: r.id,
            slug: r.slug,
            title: r.title,
            summary: r.summary,
            published_at: millis_to_utc(r.published_at),
            lang: r.lang,
            countries: split_countries(r.countries),
            section: r.section,
            comment_count: r.comment_count,
            photo: r.lead.photo(),
        }
    }
}

/// How many of an edition's newest articles are looked through for related ones.
const RELATED_WINDOW: usize = 2_000;

/// A summary row's columns; its states joined by commas (`group_concat` in SQLite,
/// `string_agg` in PostgreSQL).
macro_rules! summary_columns {
    ($join:literal) => {
        concat!(
            "a.id, a.slug, a.title, a.summary, a.published_at, a.lang, (SELECT ",
            $join,
            " FROM article_countries WHERE article_id = a.id) AS countries, a.section,
    (SELECT count(*) FROM comments c WHERE c.article_id = a.id AND c.status = 'published') AS comment_count,
    a.lead_photo, a.lead_alt,
    (SELECT p.width FROM photos p WHERE p.id = a.lead_photo) AS lead_width,
    (SELECT p.height FROM photos p WHERE p.id = a.lead_photo) AS lead_height,
    (SELECT p.colour FROM photos p WHERE p.id = a.lead_photo) AS lead_colour"
        )
    };
}

impl Storage {
    pub(super) fn summary_columns(&self) -> &'static str {
        self.dialect(
            summary_columns!("group_concat(country)"),
            summary_columns!("string_agg(country, ',')"),
        )
    }
}

impl Storage {
    pub async fn article_count(&self) -> Result<i64, sqlx::Error> {
        on_engine!(self, pool => sqlx::query_scalar("SELECT count(*) FROM articles")
            .fetch_one(pool)
            .await)
    }

    /// One page of the feed, newest first, of the articles `of` picks. Returns the rows and,
    /// when more follow, the cursor of the last one.
    pub async fn feed(
        &self,
        lang: Lang,
        of: FeedOf<'_>,
        limit: u32,
        after: Option<FeedCursor>,
    ) -> Result<(Vec<ArticleSummary>, Option<FeedCursor>), sqlx::Error> {
        let sql = format!(
            "SELECT {} FROM articles a
             WHERE a.lang = $1 AND NOT a.hidden
               AND ($2 IS NULL OR EXISTS (SELECT 1 FROM article_countries ac
                                          WHERE ac.article_id = a.id AND ac.country = $2))
               AND ($3 IS NULL OR (a.published_at, a.id) < ($3, $4))
               AND ($6 IS NULL OR a.section = $6)
             ORDER BY a.published_at DESC, a.id DESC
             LIMIT $5",
            self.summary_columns()
        );
        // One row more than asked tells whether another page exists.
        let mut rows: Vec<SummaryRow> = on_engine!(self, pool => sqlx::query_as(&sql)
            .bind(lang.code())
            .bind(of.country)
            .bind(after.map(|c| c.published_at_ms))
            .bind(after.map(|c| c.id))
            .bind(i64::from(limit) + 1)
            .bind(of.section.map(Section::key))
            .fetch_all(pool)
            .await?);
        let more = rows.len() > limit as usize;
        rows.truncate(limit as usize);
        let next = if more {
            rows.last().map(|r| FeedCursor {
                published_at_ms: r.published_at,
                id: r.id,
            })
        } else {
            None
        };
        Ok((rows.into_iter().map(Into::into).collect(), next))
    }

    /// What a page's head needs of an article on the portal, and when it last changed (Unix
    /// ms), in one query (no body, no related list).
    pub async fn article_head(
        &self,
        slug: &str,
    ) -> Result<Option<(ArticleSummary, i64)>, sqlx::Error> {
        #[derive(FromRow)]
        struct HeadRow {
            #[sqlx(flatten)]
            summary: SummaryRow,
            modified: i64,
        }
        let sql = format!(
            "SELECT {}, {} AS modified FROM articles a WHERE a.slug = $1 AND NOT a.hidden",
            self.summary_columns(),
            self.modified()
        );
        let row: Option<HeadRow> = on_engine!(self, pool => sqlx::query_as(&sql)
            .bind(slug)
            .fetch_optional(pool)
            .await?);
        Ok(row.map(|r| (r.summary.into(), r.modified)))
    }

    pub async fn article_id(&self, slug: &str) -> Result<Option<i64>, sqlx::Error> {
        on_engine!(self, pool => sqlx::query_scalar("SELECT id FROM articles WHERE slug = $1 AND NOT hidden")
            .bind(slug)
            .fetch_optional(pool)
            .await)
    }

    /// A readable article's id and edition (a comment is answered in its article's language).
    pub async fn article_id_and_lang(
        &self,
        slug: &str,
    ) -> Result<Option<(i64, infoshos_model::Lang)>, sqlx::Error> {
        on_engine!(self, pool => sqlx::query_as("SELECT id, lang FROM articles WHERE slug = $1 AND NOT hidden")
                .bind(slug)
                .fetch_optional(pool)
                .await)
    }

    /// The whole article with up to six related ones: those sharing a state first, then the
    /// most recent.
    /// From memory when read since the last write (`kept`): articles are the pages readers
    /// open most.
    pub async fn article(&self, slug: &str) -> Result<Option<Article>, sqlx::Error> {
        let change = self.change_count();
        let slug = slug.to_string();
        if let Some(kept) = self.articles.get(&slug, change) {
            return Ok(kept);
        }
        let article = self
            .editor_view(&slug)
            .await?
            .filter(|view| !view.hidden)
            .map(|view| view.article);
        self.articles.put(slug, change, article.clone());
        Ok(article)
    }

    /// Up to six related articles of the same edition: the newest sharing a state with
    /// article `id`, then the newest others. Only the edition's newest `RELATED_WINDOW` are
    /// looked through, walking the feed's index from the top, so the cost does not grow with
    /// the archive (the earlier form scored every article of the edition: at 1 000 000
    /// articles an article page took seconds, `make bench`).
    pub(super) async fn related(
        &self,
        id: i64,
        lang: Lang,
    ) -> Result<Vec<ArticleSummary>, sqlx::Error> {
        const RELATED: usize = 6;
        let sharing = format!(
            "SELECT {} FROM articles a
             WHERE a.id IN (
                 SELECT r.id FROM (
                     SELECT id FROM articles WHERE lang = $2 AND NOT hidden AND id <> $1
                     ORDER BY published_at DESC, id DESC LIMIT {RELATED_WINDOW}) r
                 WHERE EXISTS (
                     SELECT 1 FROM article_countries ac
                     WHERE ac.article_id = r.id
                       AND ac.country IN (SELECT country FROM article_countries WHERE article_id = $1))
                 LIMIT {RELATED})
             ORDER BY a.published_at DESC, a.id DESC",
            self.summary_columns()
        );
        let sharing: Vec<SummaryRow> = on_engine!(self, pool => sqlx::query_as(&sharing)
            .bind(id)
            .bind(lang.code())
            .fetch_all(pool)
            .await?);
        let mut related: Vec<ArticleSummary> = sharing.into_iter().map(Into::into).collect();
        if related.len() < RELATED {
            let newest = format!(
                "SELECT {} FROM articles a
                 WHERE a.lang = $2 AND NOT a.hidden AND a.id <> $1
                 ORDER BY a.published_at DESC, a.id DESC LIMIT {}",
                self.summary_columns(),
                2 * RELATED
            );
            let others: Vec<SummaryRow> = on_engine!(self, pool => sqlx::query_as(&newest)
                .bind(id)
                .bind(lang.code())
                .fetch_all(pool)
                .await?);
            for other in others {
                let other: ArticleSummary = other.into();
                if related.len() < RELATED && related.iter().all(|r| r.id != other.id) {
                    related.push(other);
                }
            }
        }
        Ok(related)
    }
}
