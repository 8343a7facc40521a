//! What readers are sent of a photo: each width up to the photo's own, in AVIF, WebP and JPEG, of
//! the photo's proportions; a link-preview crop that keeps the subject; a placeholder; and no
//! byte of the original's metadata in any of them.

use image::{DynamicImage, ImageFormat, Rgb, RgbImage};

use super::check::check;
use super::test_pictures::{IDENTIFYING, halves_jpeg, with_identifying_exif};
use super::variants::{CARD, Crop, Focal, Format, avif_widths, crop_at, make};

fn plain(w: u32, h: u32) -> DynamicImage {
    DynamicImage::ImageRgb8(RgbImage::from_pixel(w, h, Rgb([200, 40, 30])))
}

/// An AVIF file's width and height, from its `ispe` box (the `image` crate decodes no AVIF
/// without dav1d, which the portal does not need); `None` if it is not an AVIF file.
fn avif_size(bytes: &[u8]) -> Option<(u32, u32)> {
    if bytes.get(4..12) != Some(b"ftypavif".as_slice()) {
        return None;
    }
    let at = bytes.windows(4).position(|w| w == b"ispe")? + 8;
    let word = |i: usize| Some(u32::from_be_bytes(bytes.get(i..i + 4)?.try_into().ok()?));
    Some((word(at)?, word(at + 4)?))
}

/// (width, height, format, crop) of each variant, read back from its bytes.
fn read_back(variants: &[super::variants::Variant]) -> Vec<(u32, u32, Format, Option<Crop>)> {
    variants
        .iter()
        .map(|v| {
            if let Some(size) = avif_size(&v.bytes) {
                assert_eq!(size, (v.width, v.height));
                return (v.width, v.height, Format::Avif, v.crop);
            }
            let format = match image::guess_format(&v.bytes).unwrap() {
                ImageFormat::Jpeg => Format::Jpeg,
                ImageFormat::WebP => Format::WebP,
                other => panic!("{other:?}"),
            };
            let decoded = image::load_from_memory(&v.bytes).unwrap();
            assert_eq!((decoded.width(), decoded.height()), (v.width, v.height));
            (v.width, v.height, format, v.crop)
        })
        .collect()
}

#[test]
fn each_width_up_to_the_photos_own_in_avif_webp_and_jpeg_never_wider() {
    let made = make(&plain(1000, 500), Focal::CENTRE);
    use Format::{Avif, Jpeg, WebP};
    assert_eq!(
        read_back(&made.variants),
        [
            (320, 160, Avif, None),
            (320, 160, WebP, None),
            (320, 160, Jpeg, None),
            (640, 320, Avif, None),
            (640, 320, WebP, None),
            (640, 320, Jpeg, None),
            (960, 480, Avif, None),
            (960, 480, WebP, None),
            (960, 480, Jpeg, None),
            // 1000 × 500 holds 952 × 500 of the card's proportions: not made larger.
            (952, 500, Jpeg, Some(Crop::Card)),
            (888, 500, Jpeg, Some(Crop::Wide)),
            (666, 500, Jpeg, Some(Crop::Standard)),
            (500, 500, Jpeg, Some(Crop::Square)),
        ]
    );
    // A photo narrower than the smallest width is sent at its own.
    let small = read_back(&make(&plain(200, 150), Focal::CENTRE).variants);
    assert_eq!(small[..2], [(200, 150, Avif, None), (200, 150, WebP, None)]);
}

#[test]
fn a_photo_stored_before_avif_gets_its_avif_widths_alone() {
    use Format::Avif;
    assert_eq!(
        read_back(&avif_widths(&plain(700, 350))),
        [(320, 160, Avif, None), (640, 320, Avif, None)]
    );
}

#[test]
fn the_card_is_the_largest_crop_of_its_proportions_around_the_subject() {
    let cases = [
        // A wide photo: the crop is its whole height, moved towards the subject.
        ((4000, 1000, 0.5, 0.5), (1048, 0, 1904, 1000)),
        ((4000, 1000, 0.9, 0.5), (2096, 0, 1904, 1000)),
        ((4000, 1000, 0.1, 0.5), (0, 0, 1904, 1000)),
        // A tall one: its whole width, the subject a fifth of the way down.
        ((1000, 3000, 0.5, 0.2), (0, 338, 1000, 525)),
    ];
    for ((w, h, x, y), expected) in cases {
        assert_eq!(
            crop_at(w, h, Crop::Card, Focal { x, y }),
            expected,
            "{w}x{h} at {x},{y}"
        );
    }
    let made = make(&plain(3000, 2000), Focal { x: 0.3, y: 0.3 });
    let card = made
        .variants
        .iter()
        .find(|v| v.crop == Some(Crop::Card))
        .unwrap();
    assert_eq!((card.width, card.height), CARD);
}

#[test]
fn no_variant_carries_the_originals_metadata() {
    let original = with_identifying_exif(&halves_jpeg(800, 600));
    assert!(
        original
            .windows(IDENTIFYING.len())
            .any(|w| w == IDENTIFYING.as_bytes())
    );
    let taken = check(&original).unwrap();
    let made = make(&taken.picture, Focal::CENTRE);
    assert!(made.variants.len() >= 5);
    for v in &made.variants {
        for needle in [IDENTIFYING.as_bytes(), b"Exif", b"EXIF", b"XMP", b"4711"] {
            assert!(
                !v.bytes.windows(needle.len()).any(|w| w == needle),
                "{:?} {}px carries {:?}",
                v.format,
                v.width,
                String::from_utf8_lossy(needle)
            );
        }
    }
}

#[test]
fn the_placeholder_is_a_few_bytes_of_the_photos_colours() {
    let made = make(&plain(640, 480), Focal::CENTRE);
    assert!(made.placeholder.len() <= 25, "{}", made.placeholder.len());
    let (w, h, rgba) = thumbhash::thumb_hash_to_rgba(&made.placeholder).unwrap();
    assert!(w > 0 && h > 0);
    let (r, g, b) = (rgba[0], rgba[1], rgba[2]);
    assert!(r > 150 && g < 90 && b < 90, "the photo's red: {r} {g} {b}");
}

#[test]
fn what_is_see_through_is_shown_on_white_in_every_format() {
    // Left half transparent (its stored colour black), right half red at half opacity.
    let picture = DynamicImage::ImageRgba8(image::RgbaImage::from_fn(400, 200, |x, _| {
        if x < 200 {
            image::Rgba([0, 0, 0, 0])
        } else {
            image::Rgba([255, 0, 0, 128])
        }
    }));
    let made = make(&picture, Focal::CENTRE);
    // AVIF is encoded from the same pixels; the `image` crate cannot decode it to look.
    let decodable = |v: &&super::variants::Variant| v.crop.is_none() && v.format != Format::Avif;
    for v in made.variants.iter().filter(decodable) {
        let rgb = image::load_from_memory(&v.bytes).unwrap().to_rgb8();
        let (w, h) = rgb.dimensions();
        let near =
            |got: [u8; 3], want: [u8; 3]| got.iter().zip(want).all(|(g, w)| g.abs_diff(w) <= 12);
        let left = rgb.get_pixel(w / 4, h / 2).0;
        let right = rgb.get_pixel(3 * w / 4, h / 2).0;
        assert!(
            near(left, [255, 255, 255]),
            "{:?} {}px left {left:?}",
            v.format,
            v.width
        );
        assert!(
            near(right, [255, 127, 127]),
            "{:?} {}px right {right:?}",
            v.format,
            v.width
        );
    }
}
