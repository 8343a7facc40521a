//! The photo library (issue 29): photos by the hash of their original bytes, their variants by
//! name, the library's texts. Stored in the database on both engines, so every replica serves
//! every photo and the backups hold them (decision 0016).

use super::audit::audit;
use infoshos_model::admin::AuditAction;
use infoshos_model::photos::{Lead, LibraryPhoto};
use sqlx::FromRow;

use super::{BeginWrite, Storage, millis_to_utc, on_engine};

/// A photo checked and processed, to store with its variants.
#[derive(Debug, Clone)]
pub struct NewPhoto {
    pub id: String,
    pub original: Vec<u8>,
    pub width: u32,
    pub height: u32,
    pub focal: (f64, f64),
    /// ThumbHash in base64, and the average colour (`#rrggbb`) pages paint while it loads.
    pub placeholder: String,
    pub colour: String,
    pub alt: String,
    pub caption: String,
    pub credit: String,
    /// Each variant's file name (`model::photos::variant_name`) and bytes.
    pub variants: Vec<(String, Vec<u8>)>,
}

#[derive(FromRow)]
struct LibraryRow {
    id: String,
    width: i64,
    height: i64,
    colour: String,
    alt: String,
    caption: String,
    credit: String,
    uploaded_by: String,
    uploaded_at: i64,
}

impl From<LibraryRow> for LibraryPhoto {
    fn from(r: LibraryRow) -> Self {
        LibraryPhoto {
            photo: infoshos_model::Photo {
                id: r.id,
                width: u32::try_from(r.width).unwrap_or_default(),
                height: u32::try_from(r.height).unwrap_or_default(),
                colour: r.colour,
                alt: r.alt,
                caption: r.caption,
                credit: r.credit,
            },
            uploaded_by: r.uploaded_by,
            uploaded_at: millis_to_utc(r.uploaded_at),
        }
    }
}

/// An upload's line in the audit: when, who, and the photo's id.
const LIBRARY_COLUMNS: &str =
    "id, width, height, colour, alt, caption, credit, uploaded_by, uploaded_at";

impl Storage {
    /// The library's photo `id`, if there is one.
    pub async fn library_photo(&self, id: &str) -> Result<Option<LibraryPhoto>, sqlx::Error> {
        let sql = format!("SELECT {LIBRARY_COLUMNS} FROM photos WHERE id = $1");
        let row: Option<LibraryRow> = on_engine!(self, pool => sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(pool)
            .await?);
        Ok(row.map(Into::into))
    }

    /// Stores a photo with its variants and its audit line in one transaction, unless a photo
    /// of the same bytes is there already: then only the audit line is written (every upload
    /// is in the audit) and the answer is `false`.
    pub async fn store_photo(
        &self,
        photo: &NewPhoto,
        actor: &str,
        now_ms: i64,
    ) -> Result<bool, sqlx::Error> {
        let created = on_engine!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let created = sqlx::query(
                "INSERT INTO photos (id, original, width, height, focal_x, focal_y, placeholder,
                                     colour, alt, caption, credit, uploaded_by, uploaded_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
                 ON CONFLICT (id) DO NOTHING",
            )
            .bind(&photo.id)
            .bind(&photo.original)
            .bind(i64::from(photo.width))
            .bind(i64::from(photo.height))
            .bind(photo.focal.0)
            .bind(photo.focal.1)
            .bind(&photo.placeholder)
            .bind(&photo.colour)
            .bind(&photo.alt)
            .bind(&photo.caption)
            .bind(&photo.credit)
            .bind(actor)
            .bind(now_ms)
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1;
            if created {
                for (name, bytes) in &photo.variants {
                    sqlx::query("INSERT INTO photo_variants (name, photo, bytes) VALUES ($1, $2, $3)")
                        .bind(name)
                        .bind(&photo.id)
                        .bind(bytes)
                        .execute(&mut *tx)
                        .await?;
                }
            }
            audit!(tx, now_ms, actor, AuditAction::UploadPhoto, subject = &photo.id)?;
            tx.commit().await?;
            created
        });
        Ok(created)
    }

    /// The audit line of an upload whose bytes were in the library already.
    pub async fn audit_upload(
        &self,
        id: &str,
        actor: &str,
        now_ms: i64,
    ) -> Result<(), sqlx::Error> {
        on_engine!(self, pool => {
            let mut connection = pool.acquire().await?;
            audit!(connection, now_ms, actor, AuditAction::UploadPhoto, subject = id)?;
        });
        Ok(())
    }

    /// Whether the article at `slug` exists and has no lead photo.
    pub async fn lead_missing(&self, slug: &str) -> Result<bool, sqlx::Error> {
        let found: Option<i64> = on_engine!(self, pool => sqlx::query_scalar(
                "SELECT id FROM articles WHERE slug = $1 AND lead_photo IS NULL")
            .bind(slug)
            .fetch_optional(pool)
            .await?);
        Ok(found.is_some())
    }

    /// Gives the article at `slug` its lead photo (the demo's seed; editors set it with the
    /// article, `NewArticle::lead`).
    pub async fn set_lead(&self, slug: &str, lead: &Lead) -> Result<(), sqlx::Error> {
        on_engine!(self, pool => sqlx::query(
                "UPDATE articles SET lead_photo = $1, lead_alt = $2, lead_caption = $3,
                                     lead_credit = $4
                 WHERE slug = $5")
            .bind(&lead.id)
            .bind(&lead.alt)
            .bind(&lead.caption)
            .bind(&lead.credit)
            .bind(slug)
            .execute(pool)
            .await
            .map(|_| ()))?;
        self.changed();
        Ok(())
    }

    /// The bytes of the variant named `name`; the original is never one.
    pub async fn photo_variant(&self, name: &str) -> Result<Option<Vec<u8>>, sqlx::Error> {
        on_engine!(self, pool => sqlx::query_scalar("SELECT bytes FROM photo_variants WHERE name = $1")
            .bind(name)
            .fetch_optional(pool)
            .await)
    }

    /// The library, newest first: all of it, or the photos whose caption, credit or alt text
    /// holds `words` (any case).
    pub async fn photo_library(
        &self,
        words: Option<&str>,
        limit: u32,
    ) -> Result<Vec<LibraryPhoto>, sqlx::Error> {
        let pattern = words
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .map(|w| format!("%{}%", escape_like(&w.to_lowercase())));
        let sql = format!(
            "SELECT {LIBRARY_COLUMNS} FROM photos
             WHERE $1 IS NULL OR lower(caption) LIKE $1 ESCAPE '\\'
                OR lower(credit) LIKE $1 ESCAPE '\\' OR lower(alt) LIKE $1 ESCAPE '\\'
             ORDER BY uploaded_at DESC, id LIMIT $2"
        );
        let rows: Vec<LibraryRow> = on_engine!(self, pool => sqlx::query_as(&sql)
            .bind(pattern)
            .bind(i64::from(limit))
            .fetch_all(pool)
            .await?);
        Ok(rows.into_iter().map(Into::into).collect())
    }
}

/// `words` with LIKE's wildcards taken literally.
fn escape_like(words: &str) -> String {
    words
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}
