//! An upload turned into a photo to store: its id from its bytes, the check, the variants and
//! the placeholder. The work runs on tokio's blocking threads, at most one photo per core at a
//! time (`Workers`): decoding a 50 MP photo holds up to 400 MB and a second of a core, and the
//! async threads keep answering readers meanwhile (a test measures a feed request during 20
//! uploads).

use std::sync::Arc;

use base64::Engine;
use sha2::{Digest, Sha256};
use tokio::sync::Semaphore;

use super::check::{Refused, check};
use super::variants::{Focal, Format, avif_widths, make_in};
use crate::storage::{NewPhoto, Storage};
use infoshos_model::photos::{ID_LEN, PhotoFormat, VariantSize, variant_name};

/// How many photos are processed at once: one per core.
#[derive(Clone, Debug)]
pub struct Workers(Arc<Semaphore>);

impl Default for Workers {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        Workers(Arc::new(Semaphore::new(cores)))
    }
}

/// A photo's id: the first `ID_LEN` hex digits of the SHA-256 of its original bytes.
pub fn photo_id(bytes: &[u8]) -> String {
    let mut id = hex::encode(Sha256::digest(bytes));
    id.truncate(ID_LEN);
    id
}

/// What processing made of an upload.
#[derive(Debug)]
pub struct Processed {
    pub width: u32,
    pub height: u32,
    pub placeholder: String,
    /// The average colour, `#rrggbb`, read from the ThumbHash.
    pub colour: String,
    pub variants: Vec<(String, Vec<u8>)>,
}

impl Processed {
    /// The photo to store: these variants of `original` (photo `id`), without texts yet.
    pub fn into_photo(self, id: String, original: Vec<u8>, focal: Focal) -> NewPhoto {
        NewPhoto {
            id,
            original,
            width: self.width,
            height: self.height,
            focal: (focal.x, focal.y),
            placeholder: self.placeholder,
            colour: self.colour,
            alt: String::new(),
            caption: String::new(),
            credit: String::new(),
            variants: self.variants,
        }
    }
}

/// Checks and processes `bytes` (photo `id`) on a blocking thread once a worker is free.
pub async fn process(
    workers: &Workers,
    id: String,
    bytes: Arc<Vec<u8>>,
    focal: Focal,
) -> Result<Processed, Refused> {
    // The semaphore is never closed.
    let _permit = workers.0.clone().acquire_owned().await.ok();
    tokio::task::spawn_blocking(move || made(&id, &bytes, focal))
        .await
        .unwrap_or_else(|join| {
            tracing::error!(error = %join, "processing a photo stopped");
            Err(Refused::Damaged)
        })
}

/// The same work on the calling thread (tests).
pub fn made(id: &str, bytes: &[u8], focal: Focal) -> Result<Processed, Refused> {
    made_in(id, bytes, focal, &Format::ALL)
}

/// `made` without AVIF, which `make_missing_avif` adds after the start: the demo's first
/// start drew and encoded its 44 photos in 74.5 s with AVIF, 10.8 s without it (release build).
pub fn made_before_avif(id: &str, bytes: &[u8], focal: Focal) -> Result<Processed, Refused> {
    made_in(id, bytes, focal, &[Format::WebP, Format::Jpeg])
}

fn made_in(id: &str, bytes: &[u8], focal: Focal, formats: &[Format]) -> Result<Processed, Refused> {
    let upload = check(bytes)?;
    let made = make_in(&upload.picture, focal, formats);
    let (width, height) = (upload.picture.width(), upload.picture.height());
    let variants = made
        .variants
        .into_iter()
        .map(|v| {
            let size = v
                .crop
                .map_or(VariantSize::Width(v.width), VariantSize::Crop);
            (variant_name(id, size, v.format), v.bytes)
        })
        .collect();
    Ok(Processed {
        width,
        height,
        colour: average_colour(&made.placeholder),
        placeholder: base64::engine::general_purpose::STANDARD.encode(made.placeholder),
        variants,
    })
}

/// The average colour a ThumbHash holds, as CSS writes it; grey if it cannot be read.
fn average_colour(thumbhash: &[u8]) -> String {
    let (r, g, b, _) =
        thumbhash::thumb_hash_to_average_rgba(thumbhash).unwrap_or((0.5, 0.5, 0.5, 1.0));
    let byte = |v: f32| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
    format!("#{:02x}{:02x}{:02x}", byte(r), byte(g), byte(b))
}

/// Makes the AVIF widths of each photo stored before the portal made AVIF, one photo per
/// worker as uploads are, after the start. Until a photo has them, `serve` answers their names
/// with the WebP of the same width. Returns how many photos got them.
pub async fn make_missing_avif(storage: &Storage, workers: &Workers) -> Result<usize, sqlx::Error> {
    let mut made = 0;
    for id in storage
        .photos_without(PhotoFormat::Avif.extension())
        .await?
    {
        let Some(original) = storage.photo_original(&id).await? else {
            continue;
        };
        let _permit = workers.0.clone().acquire_owned().await.ok();
        let named = id.clone();
        let variants = tokio::task::spawn_blocking(move || {
            // An original taken once is taken again; if the rules changed since, it keeps
            // the WebP and JPEG it has.
            let Ok(upload) = check(&original) else {
                return Vec::new();
            };
            avif_widths(&upload.picture)
                .into_iter()
                .map(|v| {
                    let name = variant_name(&named, VariantSize::Width(v.width), v.format);
                    (name, v.bytes)
                })
                .collect::<Vec<_>>()
        })
        .await
        .unwrap_or_default();
        if !variants.is_empty() {
            storage.add_variants(&id, &variants).await?;
            made += 1;
        }
    }
    Ok(made)
}

/// `make_missing_avif` in the background: the server answers meanwhile.
pub fn spawn_make_missing_avif(storage: Storage, workers: Workers) {
    tokio::spawn(async move {
        match make_missing_avif(&storage, &workers).await {
            Ok(0) => {}
            Ok(photos) => tracing::info!(photos, "AVIF made for photos stored before it"),
            Err(error) => tracing::warn!(%error, "AVIF for older photos not made"),
        }
    });
}
