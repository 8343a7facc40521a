//! What an upload may hold: its texts' rules and why a file is refused.

use crate::validation::{Problem, one_line};

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
