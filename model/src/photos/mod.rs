//! Photos as readers get them (issue 29, decision 0016): which widths exist and where each
//! variant lives. One rule for the server that makes and serves the variants and for every
//! page, feed and widget that links to them. `crop` (the crops beside the widths), `upload`
//! (what an upload may hold and why it is refused), `markup` (the `<picture>` pages show).

mod crop;
mod markup;
mod upload;

pub use crop::Crop;
pub use upload::{
    ALT_MAX, CAPTION_MAX, CREDIT_MAX, PhotoProblem, Refusal, UPLOAD_MAX_BYTES, text_problems,
};

use serde::{Deserialize, Serialize};

/// The widths made, as `srcset` offers them; a photo narrower than one is not made wider.
pub const WIDTHS: [u32; 5] = [320, 640, 960, 1280, 1920];
/// The link preview's size (Open Graph's recommended 1.91 : 1).
pub const CARD: (u32, u32) = (1200, 630);
/// Where variants are served from.
pub const MEDIA_PREFIX: &str = "/media/";
/// A photo's id: this many hex digits of the SHA-256 of its original bytes (64 bits: a clash
/// needs billions of photos).
pub const ID_LEN: usize = 16;

/// Whether `id` is written as a photo id is (`ID_LEN` lowercase hex digits).
pub fn is_photo_id(id: &str) -> bool {
    id.len() == ID_LEN && id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// A photo placed on a page: the library's photo with the texts the article gives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Photo {
    /// The photo's id (`ID_LEN` hex digits); its variants' addresses start with it.
    pub id: String,
    /// The photo's size upright, in pixels (the widest variant is at most this wide).
    pub width: u32,
    pub height: u32,
    /// Its average colour (`#rrggbb`, from its ThumbHash), painted where it will be while it
    /// loads.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub colour: String,
    /// What the photo shows, for readers who cannot see it (required on upload).
    pub alt: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub caption: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub credit: String,
}

/// An article's choice of lead photo: a library photo and the texts the article gives it, in
/// its own language (the library's are offered first).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Lead {
    pub id: String,
    pub alt: String,
    #[serde(default)]
    pub caption: String,
    #[serde(default)]
    pub credit: String,
}

/// A photo of the newsroom's library, with who uploaded it and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LibraryPhoto {
    #[serde(flatten)]
    pub photo: Photo,
    pub uploaded_by: String,
    #[serde(deserialize_with = "crate::wire_time::instant")]
    pub uploaded_at: chrono::DateTime<chrono::Utc>,
}

/// The answer to an upload: the photo, and whether these bytes were new to the library.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Uploaded {
    #[serde(flatten)]
    pub photo: LibraryPhoto,
    /// False when the same bytes were uploaded before: the photo is the one already there.
    pub new: bool,
}

/// The formats a width is made in, best first: `<picture>` offers them in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoFormat {
    Avif,
    WebP,
    Jpeg,
}

impl PhotoFormat {
    pub const ALL: [PhotoFormat; 3] = [PhotoFormat::Avif, PhotoFormat::WebP, PhotoFormat::Jpeg];

    pub fn extension(self) -> &'static str {
        match self {
            PhotoFormat::Avif => "avif",
            PhotoFormat::WebP => "webp",
            PhotoFormat::Jpeg => "jpg",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            PhotoFormat::Avif => "image/avif",
            PhotoFormat::WebP => "image/webp",
            PhotoFormat::Jpeg => "image/jpeg",
        }
    }

    pub fn from_extension(ext: &str) -> Option<PhotoFormat> {
        match ext {
            "avif" => Some(PhotoFormat::Avif),
            "webp" => Some(PhotoFormat::WebP),
            "jpg" => Some(PhotoFormat::Jpeg),
            _ => None,
        }
    }
}

/// Which of a photo's variants a name means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VariantSize {
    Width(u32),
    /// One of the crops (JPEG only).
    Crop(Crop),
}

/// The widths a photo `width` pixels wide is made in: each of `WIDTHS` up to its own, or its
/// own width alone when it is narrower than the smallest.
pub fn widths_of(width: u32) -> Vec<u32> {
    widths(width).collect()
}

/// `widths_of` without a list in between (the pages' `srcset`).
fn widths(width: u32) -> impl Iterator<Item = u32> {
    let own = (width < WIDTHS[0]).then_some(width);
    WIDTHS
        .iter()
        .copied()
        .filter(move |&w| w <= width)
        .chain(own)
}

/// A variant's file name (`3fa2…-640.webp`, `3fa2…-card.jpg`): what `/media/` serves.
pub fn variant_name(id: &str, size: VariantSize, format: PhotoFormat) -> String {
    match size {
        VariantSize::Width(w) => format!("{id}-{w}.{}", format.extension()),
        VariantSize::Crop(crop) => format!("{id}-{}.{}", crop.name(), format.extension()),
    }
}

/// The photo id, size and format a variant's file name means; `None` for any other name.
pub fn parse_variant_name(name: &str) -> Option<(&str, VariantSize, PhotoFormat)> {
    let (stem, ext) = name.rsplit_once('.')?;
    let format = PhotoFormat::from_extension(ext)?;
    let (id, size) = stem.split_once('-')?;
    let id_ok = is_photo_id(id);
    let size = match size {
        named if format == PhotoFormat::Jpeg && Crop::named(named).is_some() => {
            VariantSize::Crop(Crop::named(named)?)
        }
        digits if !digits.is_empty() && digits.len() <= 5 && !digits.starts_with('0') => {
            VariantSize::Width(digits.parse().ok().filter(|w| *w > 0)?)
        }
        _ => return None,
    };
    id_ok.then_some((id, size, format))
}

/// The height of a `w` × `h` photo scaled to `width`, rounded, at least 1: what the server
/// makes and what pages reserve.
pub fn scaled_height(w: u32, h: u32, width: u32) -> u32 {
    if w == 0 {
        return 0;
    }
    ((u64::from(h) * u64::from(width) + u64::from(w) / 2) / u64::from(w)).max(1) as u32
}

impl Photo {
    /// The address of one variant, from the root.
    pub fn src(&self, size: VariantSize, format: PhotoFormat) -> String {
        format!("{MEDIA_PREFIX}{}", variant_name(&self.id, size, format))
    }

    /// `srcset` of one format: every width made, up to `max` when given (a thumbnail needs
    /// no 1920; the smallest is always in). Plain pushes: the iterator chain with `format!` it
    /// replaced cost the reader's wasm 0.5 KB more (brotli).
    pub fn srcset(&self, format: PhotoFormat, max: Option<u32>) -> String {
        let mut out = String::new();
        for w in widths(self.width) {
            if !out.is_empty() {
                if max.is_some_and(|m| w > m) {
                    break;
                }
                out.push_str(", ");
            }
            self.push_src(&mut out, w, format);
            out.push(' ');
            out.push_str(&w.to_string());
            out.push('w');
        }
        out
    }

    /// The address of the variant `w` wide in `format`, onto `out`.
    pub(crate) fn push_src(&self, out: &mut String, w: u32, format: PhotoFormat) {
        out.push_str(MEDIA_PREFIX);
        out.push_str(&self.id);
        out.push('-');
        out.push_str(&w.to_string());
        out.push('.');
        out.push_str(format.extension());
    }

    /// The height of its variant `width` pixels wide.
    pub fn height_at(&self, width: u32) -> u32 {
        scaled_height(self.width, self.height, width)
    }
}

#[cfg(test)]
mod tests;
