//! The variants readers get of a photo taken (`check`): each width of `WIDTHS` up to the
//! photo's own (never wider), as AVIF, WebP and JPEG; crops around the focal point (the
//! 1200 × 630 link preview and the 16 : 9, 4 : 3 and 1 : 1 images search engines ask for), as
//! JPEG (what every scraper reads); and a ThumbHash, the few bytes a page draws while the photo
//! loads. Every variant is encoded afresh from pixels, so nothing of the original's metadata
//! (GPS, camera serials, author fields) can reach one.

use fast_image_resize::images::Image;
use fast_image_resize::{PixelType, ResizeOptions, Resizer};
use image::codecs::jpeg::JpegEncoder;
use image::{DynamicImage, ExtendedColorType, ImageEncoder};

pub use infoshos_model::photos::{CARD, Crop, PhotoFormat as Format, WIDTHS};
/// Qualities (and AVIF's speed) measured in decision 0016.
const JPEG_QUALITY: u8 = 80;
const WEBP_QUALITY: f32 = 75.0;
const AVIF_QUALITY: f32 = 62.0;
const AVIF_SPEED: u8 = 8;
/// The placeholder is made from at most this many pixels a side (ThumbHash's own limit).
const PLACEHOLDER_SIDE: u32 = 100;

/// One file readers may be sent.
#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    pub width: u32,
    pub height: u32,
    pub format: Format,
    /// A crop, not a width of the photo.
    pub crop: Option<Crop>,
    pub bytes: Vec<u8>,
}

/// Where the photo's subject is, as fractions of its width and height: crops keep it in frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Focal {
    pub x: f64,
    pub y: f64,
}

impl Focal {
    pub const CENTRE: Focal = Focal { x: 0.5, y: 0.5 };
}

/// Everything made of one photo.
#[derive(Debug, Clone)]
pub struct Made {
    pub variants: Vec<Variant>,
    pub placeholder: Vec<u8>,
}

/// Makes every variant and the placeholder. Takes about three seconds of both cores for a
/// 24 MP photo, most of it AVIF (decision 0016): call it on the blocking pool.
pub fn make(picture: &DynamicImage, focal: Focal) -> Made {
    make_in(picture, focal, &Format::ALL)
}

/// `make` with the widths in `formats` only (the crops are JPEG whatever they are).
pub fn make_in(picture: &DynamicImage, focal: Focal, formats: &[Format]) -> Made {
    let (source, w, h) = pixels_of(picture);
    let mut resizer = Resizer::new();
    let mut variants = each_width(&mut resizer, &source, formats);
    for crop in Crop::ALL {
        let (left, top, cw, ch) = crop_at(w, h, crop, focal);
        let (out_w, out_h) = crop.made_size(w, h);
        let frame = ResizeOptions::new().crop(
            f64::from(left),
            f64::from(top),
            f64::from(cw),
            f64::from(ch),
        );
        let pixels = resized(&mut resizer, &source, out_w, out_h, &frame);
        variants.extend(encoded(&pixels, out_w, out_h, Format::Jpeg, Some(crop)));
    }
    Made {
        variants,
        placeholder: placeholder(picture),
    }
}

/// Only the AVIF widths: what a photo stored before the portal made AVIF gets afterwards
/// (`process::make_missing_avif`).
pub fn avif_widths(picture: &DynamicImage) -> Vec<Variant> {
    let (source, _, _) = pixels_of(picture);
    each_width(&mut Resizer::new(), &source, &[Format::Avif])
}

fn pixels_of(picture: &DynamicImage) -> (Image<'static>, u32, u32) {
    let rgb = on_white(picture);
    let (w, h) = rgb.dimensions();
    let source = Image::from_vec_u8(w, h, rgb.into_raw(), PixelType::U8x3)
        .expect("an RGB buffer of its own size");
    (source, w, h)
}

fn each_width(resizer: &mut Resizer, source: &Image, formats: &[Format]) -> Vec<Variant> {
    let (w, h) = (source.width(), source.height());
    let mut variants = Vec::new();
    for width in infoshos_model::photos::widths_of(w) {
        let height = infoshos_model::photos::scaled_height(w, h, width);
        let pixels = resized(resizer, source, width, height, &ResizeOptions::new());
        for &format in formats {
            variants.extend(encoded(&pixels, width, height, format, None));
        }
    }
    variants
}

/// The photo's pixels without transparency: what is see-through is shown on white, as the page
/// behind it is (a JPEG has no transparency, and keeping it in WebP alone would make the two
/// formats of one variant differ). Without this a transparent area came out in whatever colour
/// it stored, often black.
fn on_white(picture: &DynamicImage) -> image::RgbImage {
    if !picture.color().has_alpha() {
        return picture.to_rgb8();
    }
    let rgba = picture.to_rgba8();
    image::RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let over =
            |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a)) + 127) / 255) as u8;
        image::Rgb([over(r), over(g), over(b)])
    })
}

fn resized(
    resizer: &mut Resizer,
    source: &Image,
    w: u32,
    h: u32,
    options: &ResizeOptions,
) -> Vec<u8> {
    let mut out = Image::new(w, h, PixelType::U8x3);
    resizer
        .resize(source, &mut out, options)
        .expect("the same pixel type on both sides");
    out.into_vec()
}

/// One variant; `None` when the AVIF encoder refuses the pixels (then the server answers that
/// name with the WebP of the same width, `serve`).
fn encoded(
    pixels: &[u8],
    width: u32,
    height: u32,
    format: Format,
    crop: Option<Crop>,
) -> Option<Variant> {
    let bytes = match format {
        Format::Jpeg => {
            let mut out = Vec::new();
            JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)
                .write_image(pixels, width, height, ExtendedColorType::Rgb8)
                .expect("RGB pixels of the stated size");
            out
        }
        Format::WebP => webp::Encoder::from_rgb(pixels, width, height)
            .encode(WEBP_QUALITY)
            .to_vec(),
        Format::Avif => {
            let (w, h) = (width as usize, height as usize);
            match infoshos_avif::encode(pixels, w, h, AVIF_QUALITY, AVIF_SPEED) {
                Ok(file) => file,
                Err(error) => {
                    tracing::warn!(%error, width, height, "AVIF not made");
                    return None;
                }
            }
        }
    };
    Some(Variant {
        width,
        height,
        format,
        crop,
        bytes,
    })
}

/// The largest rectangle of `crop`'s proportions in a `w` × `h` photo, centred on the focal
/// point as far as the edges allow: (left, top, width, height).
pub fn crop_at(w: u32, h: u32, crop: Crop, focal: Focal) -> (u32, u32, u32, u32) {
    let (cw, ch) = crop.frame(w, h);
    let place = |size: u32, inner: u32, at: f64| {
        let centre = (at.clamp(0.0, 1.0) * f64::from(size)).round() as i64;
        (centre - i64::from(inner) / 2).clamp(0, i64::from(size - inner)) as u32
    };
    (place(w, cw, focal.x), place(h, ch, focal.y), cw, ch)
}

/// The photo's ThumbHash (about 20 bytes), made from a copy at most `PLACEHOLDER_SIDE` a side.
fn placeholder(picture: &DynamicImage) -> Vec<u8> {
    let small = picture
        .thumbnail(PLACEHOLDER_SIDE, PLACEHOLDER_SIDE)
        .to_rgba8();
    let (w, h) = small.dimensions();
    thumbhash::rgba_to_thumb_hash(w as usize, h as usize, small.as_raw())
}
