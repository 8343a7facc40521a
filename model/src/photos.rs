//! Photos as readers get them (issue 29, decision 0016): which widths exist and where each
//! variant lives. One rule for the server that makes and serves the variants and for every
//! page, feed and widget that links to them.

use serde::{Deserialize, Serialize};

use crate::html::escape_html;
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

    /// The widths made of this photo, as `widths_of` says, without a list in between.
    fn each_width(&self) -> impl Iterator<Item = u32> + '_ {
        let own = (self.width < WIDTHS[0]).then_some(self.width);
        WIDTHS
            .iter()
            .copied()
            .filter(|&w| w <= self.width)
            .chain(own)
    }

    /// `srcset` of one format: every width made, up to `max` when given (a thumbnail needs
    /// no 1920; the smallest is always in). Plain pushes: the iterator chain with `format!` it
    /// replaced cost the reader's wasm 0.5 KB more (brotli).
    pub fn srcset(&self, format: PhotoFormat, max: Option<u32>) -> String {
        let mut out = String::new();
        for w in self.each_width() {
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
    fn push_src(&self, out: &mut String, w: u32, format: PhotoFormat) {
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

impl Photo {
    /// The photo's `<picture>` as HTML: WebP then JPEG in every width made (up to `max`), its
    /// own size reserved (`width`/`height`), `lead` fetched first and at once, else when
    /// scrolled near; `data-colour` is its average colour, which the stylesheet paints behind
    /// it while it loads (`attr()`, no script). Written as one string for the server's pages and the app alike: as a Leptos
    /// view it cost the reader's wasm 1.2 KB more (brotli, measured). Every text in it is
    /// escaped; the id is hex and the rest are numbers and our own words.
    pub fn picture_html(&self, sizes: &str, lead: bool, max: Option<u32>) -> String {
        let mut out = String::from("<picture><source type=\"image/webp\" srcset=\"");
        out.push_str(&self.srcset(PhotoFormat::WebP, max));
        out.push_str("\" sizes=\"");
        out.push_str(sizes);
        out.push_str("\"><img src=\"");
        let smallest = self.each_width().next().unwrap_or(self.width);
        self.push_src(&mut out, smallest, PhotoFormat::Jpeg);
        out.push_str("\" srcset=\"");
        out.push_str(&self.srcset(PhotoFormat::Jpeg, max));
        out.push_str("\" sizes=\"");
        out.push_str(sizes);
        out.push_str("\" width=\"");
        out.push_str(&self.width.to_string());
        out.push_str("\" height=\"");
        out.push_str(&self.height.to_string());
        out.push_str("\" alt=\"");
        out.push_str(&escape_html(&self.alt));
        out.push_str(if lead {
            "\" loading=\"eager\" fetchpriority=\"high\""
        } else {
            "\" loading=\"lazy\""
        });
        out.push_str(" decoding=\"async\" data-colour=\"");
        out.push_str(&escape_html(&self.colour));
        out.push_str("\"></picture>");
        out
    }

    /// The lead photo with its caption and credit, as HTML (see `picture_html`).
    pub fn lead_html(&self, sizes: &str) -> String {
        let mut html = self.picture_html(sizes, true, None);
        if !(self.caption.is_empty() && self.credit.is_empty()) {
            html.push_str("<figcaption>");
            html.push_str(&escape_html(&self.caption));
            html.push_str(" <span class=\"photo-credit\">");
            html.push_str(&escape_html(&self.credit));
            html.push_str("</span></figcaption>");
        }
        html
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
            colour: String::new(),
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
    fn the_picture_is_every_width_with_its_size_kept_and_every_text_escape_html() {
        let mut p = photo(1000, 500);
        p.alt = "A \"hall\" <script>alert(1)</script> & 'more'".into();
        p.colour = "#a0b1c2".into();
        let html = p.picture_html("100vw", true, None);
        assert!(html.starts_with(
            "<picture><source type=\"image/webp\" srcset=\"/media/0123456789abcdef-320.webp 320w, \
             /media/0123456789abcdef-640.webp 640w, /media/0123456789abcdef-960.webp 960w\" \
             sizes=\"100vw\"><img src=\"/media/0123456789abcdef-320.jpg\""
        ), "{html}");
        assert!(html.contains(" width=\"1000\" height=\"500\" "), "{html}");
        assert!(html.contains(
            " alt=\"A &quot;hall&quot; &lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;more&#39;\""
        ), "{html}");
        assert!(
            html.contains("loading=\"eager\" fetchpriority=\"high\""),
            "{html}"
        );
        assert!(html.contains("data-colour=\"#a0b1c2\""), "{html}");
        assert!(!html.contains("<script"), "{html}");
        let thumb = p.picture_html("120px", false, Some(320));
        assert!(thumb.contains("loading=\"lazy\"") && !thumb.contains("fetchpriority"));
        assert!(
            !thumb.contains("-640."),
            "a thumbnail needs no wider: {thumb}"
        );
        p.caption = "<b>Noon</b>".into();
        assert!(p.lead_html("100vw").ends_with(
            "<figcaption>&lt;b&gt;Noon&lt;/b&gt; <span class=\"photo-credit\"></span></figcaption>"
        ));
    }

    #[test]
    fn a_variants_height_keeps_the_photos_proportions() {
        assert_eq!(photo(4000, 3000).height_at(640), 480);
        assert_eq!(photo(1920, 1080).height_at(320), 180);
    }
}
