//! What an upload is, read from its bytes and never from its name or type header: a JPEG, PNG
//! or WebP photo of at most `MAX_PIXELS`, whole, decoded and turned upright by its EXIF
//! orientation. Everything else is refused with its reason, before anything is stored, and a
//! picture's declared size is checked before a pixel is decoded, so a small file that declares
//! 100 000 × 100 000 pixels costs nothing.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

/// The largest photo taken: 50 megapixels (a 24 MP camera's photo is half of it). Decoded as
/// 16-bit RGBA, that is 400 MB at most; the blocking pool takes one upload per core.
pub const MAX_PIXELS: u64 = 50_000_000;
/// The longest side taken, whatever the other.
pub const MAX_SIDE: u32 = 12_000;

/// What an upload is refused for: one list with the desk's words for each (the model).
pub use infoshos_model::photos::Refusal as Refused;

/// The formats taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Jpeg,
    Png,
    WebP,
}

/// A photo taken: its kind and its pixels, upright.
#[derive(Debug, Clone)]
pub struct Upload {
    pub kind: Kind,
    pub picture: DynamicImage,
}

/// The kind the bytes are, by their first bytes alone.
pub fn sniff(bytes: &[u8]) -> Result<Kind, Refused> {
    if bytes.is_empty() {
        return Err(Refused::Empty);
    }
    if bytes.get(4..8) == Some(b"ftyp")
        && bytes.get(8..12).is_some_and(|brand| {
            [&b"heic"[..], b"heix", b"mif1", b"msf1", b"heim", b"hevc"].contains(&brand)
        })
    {
        return Err(Refused::Heic);
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_ascii_lowercase();
    if head.trim_start().starts_with("<?xml") && head.contains("<svg")
        || head.trim_start().starts_with("<svg")
    {
        return Err(Refused::Svg);
    }
    match image::guess_format(bytes) {
        Ok(ImageFormat::Jpeg) => Ok(Kind::Jpeg),
        Ok(ImageFormat::Png) => Ok(Kind::Png),
        Ok(ImageFormat::WebP) if is_animated_webp(bytes) => Err(Refused::Animated),
        Ok(ImageFormat::WebP) => Ok(Kind::WebP),
        Ok(ImageFormat::Gif) => Err(Refused::Gif),
        _ => Err(Refused::NotAPicture),
    }
}

/// An extended WebP (`VP8X`) says in its flags whether it is animated.
fn is_animated_webp(bytes: &[u8]) -> bool {
    bytes.get(12..16) == Some(b"VP8X") && bytes.get(20).is_some_and(|flags| flags & 0x02 != 0)
}

/// Whether a JPEG's bytes run to its end: an end-of-image marker after its last scan. (A
/// JPEG cut short is decoded without an error, grey where the bytes stop.) Bytes a camera adds
/// after the end marker are fine; inside a scan, `FF` is always followed by `00` or a restart
/// marker, so a `FF D9` after the last `FF DA` is the real end.
fn jpeg_is_whole(bytes: &[u8]) -> bool {
    let last_scan = bytes.windows(2).rposition(|w| w == [0xFF, 0xDA]);
    last_scan.is_some_and(|at| bytes[at..].windows(2).any(|w| w == [0xFF, 0xD9]))
}

/// A reader of `bytes` as `kind`, with no limits: only for reading the header.
fn header_reader(bytes: &[u8], kind: Kind) -> ImageReader<Cursor<&[u8]>> {
    let mut reader = ImageReader::new(Cursor::new(bytes));
    reader.set_format(match kind {
        Kind::Jpeg => ImageFormat::Jpeg,
        Kind::Png => ImageFormat::Png,
        Kind::WebP => ImageFormat::WebP,
    });
    reader.no_limits();
    reader
}

/// A reader that decodes within the limits: the declared size was checked already, and the
/// decoder's allocations are capped too.
fn reader(bytes: &[u8], kind: Kind) -> ImageReader<Cursor<&[u8]>> {
    let mut reader = header_reader(bytes, kind);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_PIXELS * 8);
    reader.limits(limits);
    reader
}

/// Checks an upload and decodes it upright. Runs for up to a second or so on a large photo:
/// call it on the blocking pool.
pub fn check(bytes: &[u8]) -> Result<Upload, Refused> {
    let kind = sniff(bytes)?;
    // The declared size first: only the header is read.
    let (width, height) = header_reader(bytes, kind)
        .into_dimensions()
        .map_err(|_| Refused::Damaged)?;
    if width > MAX_SIDE || height > MAX_SIDE || u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(Refused::TooLarge { width, height });
    }
    if kind == Kind::Jpeg && !jpeg_is_whole(bytes) {
        return Err(Refused::Damaged);
    }
    let mut decoder = reader(bytes, kind)
        .into_decoder()
        .map_err(|_| Refused::Damaged)?;
    let orientation = decoder.orientation().map_err(|_| Refused::Damaged)?;
    let mut picture = DynamicImage::from_decoder(decoder).map_err(|_| Refused::Damaged)?;
    picture.apply_orientation(orientation);
    Ok(Upload { kind, picture })
}
