//! Photos as readers get them (issue 29, decision 0016): which widths exist and where each
//! variant lives. One rule for the server that makes and serves the variants and for every
//! page, feed and widget that links to them.

use serde::{Deserialize, Serialize};

use crate::validation::{Problem, one_line};

/// The widths made, as `srcset` offers them; a photo narrower than one is not made wider.
pub const WIDTHS: [u32; 5] = [320, 640, 960, 1280, 1920];
/// The link preview's size (Open Graph's recommended 1.91 : 1).
pub const CARD: (u32, u32) = (1200, 630);

/// The crops made beside the widths, each the largest rectangle of its proportions in the photo
/// around its focal point, at most `size()`: the link preview, and the three proportions search
/// engines ask of a news article's images (16 : 9, 4 : 3, 1 : 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Crop {
    Card,
    Wide,
    Standard,
    Square,
}

impl Crop {
    pub const ALL: [Crop; 4] = [Crop::Card, Crop::Wide, Crop::Standard, Crop::Square];

    /// The largest size made (a smaller photo's crop is not made larger).
    pub fn size(self) -> (u32, u32) {
        match self {
            Crop::Card => CARD,
            Crop::Wide => (1200, 675),
            Crop::Standard => (1200, 900),
            Crop::Square => (1200, 1200),
        }
    }

    /// How its file name says it.
    pub fn name(self) -> &'static str {
        match self {
            Crop::Card => "card",
            Crop::Wide => "16x9",
            Crop::Standard => "4x3",
            Crop::Square => "1x1",
        }
    }

    fn named(name: &str) -> Option<Crop> {
        Crop::ALL.into_iter().find(|c| c.name() == name)
    }

    /// The largest rectangle of its proportions in a `w` × `h` photo: (width, height).
    pub fn frame(self, w: u32, h: u32) -> (u32, u32) {
        let (cw, ch) = self.size();
        let (w64, h64) = (u64::from(w), u64::from(h));
        if w64 * u64::from(ch) > h64 * u64::from(cw) {
            ((h64 * u64::from(cw) / u64::from(ch)) as u32, h)
        } else {
            (w, (w64 * u64::from(ch) / u64::from(cw)) as u32)
        }
    }

    /// The size of the crop made of a `w` × `h` photo: `size()`, or the frame when smaller.
    pub fn made_size(self, w: u32, h: u32) -> (u32, u32) {
        let frame = self.frame(w, h);
        if frame.0 >= self.size().0 {
            self.size()
        } else {
            frame
        }
    }
}
/// Where variants are served from.
pub const MEDIA_PREFIX: &str = "/media/";
/// A photo's id: this many hex digits of the SHA-256 of its original bytes (64 bits: a clash
/// needs billions of photos).
pub const ID_LEN: usize = 16;

/// Limits of a photo's texts, in characters.
pub const ALT_MAX: usize = 300;
pub const CAPTION_MAX: usize = 500;
pub const CREDIT_MAX: usize = 120;

/// What is wrong with a photo's texts, by field (`alt`, `caption`, `credit`): alt text is
/// required, each is one line within its limit. The upload and an article's lead share it.
pub fn text_problems(
    alt: &str,
    caption: &str,
    credit: &str,
) -> std::collections::BTreeMap<&'static str, Problem> {
    // Caption and credit may be left empty.
    let optional = |s: &str, max| {
        (!s.trim().is_empty())
            .then(|| one_line(s, 1, max))
            .flatten()
    };
    [
        ("alt", one_line(alt, 1, ALT_MAX)),
        ("caption", optional(caption, CAPTION_MAX)),
        ("credit", optional(credit, CREDIT_MAX)),
    ]
    .into_iter()
    .filter_map(|(field, problem)| problem.map(|p| (field, p)))
    .collect()
}

/// Why an uploaded file is not taken as a photo, read from its bytes (the server's
/// `media::check`); `/admin` says each in the editor's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// No file in the form, or a file of no bytes.
    Empty,
    /// Not a picture in any format we know of (text, a document, an archive…).
    NotAPicture,
    /// HEIC/HEIF (iPhones' default): the editor exports it as JPEG.
    Heic,
    /// SVG can carry scripts; a photo is never one.
    Svg,
    /// GIF: a photo is not one, and animations are not photos.
    Gif,
    /// An animated WebP.
    Animated,
    /// Declared larger than the server's pixel or side limit.
    TooLarge { width: u32, height: u32 },
    /// A JPEG, PNG or WebP whose bytes are cut short or broken.
    Damaged,
    /// More bytes than the upload limit (`UPLOAD_MAX_BYTES`).
    TooManyBytes,
}

/// The largest file taken, in bytes: a 50-megapixel JPEG from a camera is 20–30 MB.
pub const UPLOAD_MAX_BYTES: usize = 40 * 1024 * 1024;

/// What is wrong with one field of an upload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoProblem {
    Field(Problem),
    File(Refusal),
}

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
    /// Its ThumbHash in base64: the few bytes a page draws while the photo loads.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub placeholder: String,
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
    WebP,
    Jpeg,
}

impl PhotoFormat {
    pub fn extension(self) -> &'static str {
        match self {
            PhotoFormat::WebP => "webp",
            PhotoFormat::Jpeg => "jpg",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            PhotoFormat::WebP => "image/webp",
            PhotoFormat::Jpeg => "image/jpeg",
        }
    }

    pub fn from_extension(ext: &str) -> Option<PhotoFormat> {
        match ext {
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
    let some: Vec<u32> = WIDTHS.iter().copied().filter(|&w| w <= width).collect();
    if some.is_empty() { vec![width] } else { some }
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
    /// no 1920).
    pub fn srcset(&self, format: PhotoFormat, max: Option<u32>) -> String {
        let widths = widths_of(self.width);
        let upto = max.unwrap_or(u32::MAX);
        let mut chosen: Vec<u32> = widths.iter().copied().filter(|&w| w <= upto).collect();
        if chosen.is_empty() {
            chosen.push(widths[0]);
        }
        chosen
            .iter()
            .map(|&w| format!("{} {w}w", self.src(VariantSize::Width(w), format)))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The height of its variant `width` pixels wide.
    pub fn height_at(&self, width: u32) -> u32 {
        scaled_height(self.width, self.height, width)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn photo(width: u32, height: u32) -> Photo {
        Photo {
            id: "0123456789abcdef".into(),
            width,
            height,
            placeholder: String::new(),
            alt: "a hill".into(),
            caption: String::new(),
            credit: String::new(),
        }
    }

    #[test]
    fn a_photo_is_offered_in_every_width_up_to_its_own_and_never_wider() {
        assert_eq!(widths_of(4000), vec![320, 640, 960, 1280, 1920]);
        assert_eq!(widths_of(1000), vec![320, 640, 960]);
        assert_eq!(widths_of(200), vec![200]);
        assert_eq!(
            photo(1000, 500).srcset(PhotoFormat::WebP, None),
            "/media/0123456789abcdef-320.webp 320w, /media/0123456789abcdef-640.webp 640w, \
             /media/0123456789abcdef-960.webp 960w"
        );
        assert_eq!(
            photo(1000, 500).srcset(PhotoFormat::Jpeg, Some(640)),
            "/media/0123456789abcdef-320.jpg 320w, /media/0123456789abcdef-640.jpg 640w"
        );
    }

    #[test]
    fn variant_names_read_back_and_nothing_else_is_one() {
        for (size, format) in [
            (VariantSize::Width(640), PhotoFormat::WebP),
            (VariantSize::Width(320), PhotoFormat::Jpeg),
            (VariantSize::Crop(Crop::Card), PhotoFormat::Jpeg),
            (VariantSize::Crop(Crop::Square), PhotoFormat::Jpeg),
        ] {
            let name = variant_name("0123456789abcdef", size, format);
            assert_eq!(
                parse_variant_name(&name),
                Some(("0123456789abcdef", size, format))
            );
        }
        for bad in [
            "0123456789abcdef-640.png",
            "0123456789ABCDEF-640.jpg",
            "0123456789abcde-640.jpg",
            "0123456789abcdef-0640.jpg",
            "0123456789abcdef-card.webp",
            "0123456789abcdef-1x1.webp",
            "0123456789abcdef-2x1.jpg",
            "0123456789abcdef-.jpg",
            "0123456789abcdef-640",
            "../etc/passwd",
            "0123456789abcdef-original.jpg",
        ] {
            assert_eq!(parse_variant_name(bad), None, "{bad}");
        }
    }

    #[test]
    fn alt_text_is_required_and_every_text_has_its_limit() {
        assert!(text_problems("A hill at dawn", "", "").is_empty());
        assert_eq!(
            text_problems("  ", "", "").get("alt"),
            Some(&Problem::Required)
        );
        let long = "x".repeat(CREDIT_MAX + 1);
        assert!(matches!(
            text_problems("a", "", &long).get("credit"),
            Some(Problem::TooLong { .. })
        ));
        assert_eq!(
            text_problems("a", "two\nlines", "").get("caption"),
            Some(&Problem::ControlCharacters)
        );
    }

    #[test]
    fn each_crop_is_the_largest_of_its_proportions_and_never_made_larger() {
        assert_eq!(Crop::Card.frame(4000, 3000), (4000, 2100));
        assert_eq!(Crop::Square.frame(4000, 3000), (3000, 3000));
        assert_eq!(Crop::Wide.made_size(4000, 3000), (1200, 675));
        assert_eq!(Crop::Standard.made_size(1000, 500), (666, 500));
        assert_eq!(Crop::Card.made_size(1000, 500), (952, 500));
    }

    #[test]
    fn a_variants_height_keeps_the_photos_proportions() {
        assert_eq!(photo(4000, 3000).height_at(640), 480);
        assert_eq!(photo(1920, 1080).height_at(320), 180);
    }
}
