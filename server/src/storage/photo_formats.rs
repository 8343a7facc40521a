//! Photos stored before a format was made (AVIF came after the first uploads): which they are,
//! their originals, and the variants made for them afterwards (`media::process`).

use super::{BeginWrite, Storage, on_engine};

impl Storage {
    /// Photos with no variant in `extension` (`"avif"`), oldest first.
    pub async fn photos_without(&self, extension: &str) -> Result<Vec<String>, sqlx::Error> {
        on_engine!(self, pool => sqlx::query_scalar(
                "SELECT p.id FROM photos p
                 WHERE NOT EXISTS (SELECT 1 FROM photo_variants v
                                   WHERE v.photo = p.id AND v.name LIKE p.id || '-%.' || $1)
                 ORDER BY p.uploaded_at, p.id")
            .bind(extension)
            .fetch_all(pool)
            .await)
    }

    /// The bytes a photo was uploaded as (for making its variants again; never served).
    pub async fn photo_original(&self, id: &str) -> Result<Option<Vec<u8>>, sqlx::Error> {
        on_engine!(self, pool => sqlx::query_scalar("SELECT original FROM photos WHERE id = $1")
            .bind(id)
            .fetch_optional(pool)
            .await)
    }

    /// Adds variants to photo `id`; a name already there is kept (a replica may have made it
    /// first).
    pub async fn add_variants(
        &self,
        id: &str,
        variants: &[(String, Vec<u8>)],
    ) -> Result<(), sqlx::Error> {
        on_engine!(self, pool => {
            let mut tx = pool.begin_write().await?;
            for (name, bytes) in variants {
                sqlx::query(
                    "INSERT INTO photo_variants (name, photo, bytes) VALUES ($1, $2, $3)
                     ON CONFLICT (name) DO NOTHING",
                )
                .bind(name)
                .bind(id)
                .bind(bytes)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
        });
        Ok(())
    }
}
