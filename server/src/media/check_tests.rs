//! The bad-input corpus of issue 29, at the door: each kind refused with its reason before
//! anything is decoded or stored, and the photos taken turned upright. Every input is made here.

use image::{DynamicImage, RgbImage};

use super::check::{Kind, Refused, check, sniff};
use super::test_pictures::{declared_png, halves_jpeg, png_of, with_exif};

/// Where the red half of a decoded photo is.
fn red_side(img: &DynamicImage) -> &'static str {
    let rgb = img.to_rgb8();
    let (w, h) = rgb.dimensions();
    let red = |x: u32, y: u32| rgb.get_pixel(x, y)[0] > 128;
    match (
        red(2, h / 2),
        red(w - 3, h / 2),
        red(w / 2, 2),
        red(w / 2, h - 3),
    ) {
        (true, false, _, _) => "left",
        (false, true, _, _) => "right",
        (_, _, true, false) => "top",
        (_, _, false, true) => "bottom",
        _ => "nowhere",
    }
}

#[test]
fn what_is_not_a_photo_is_refused_by_its_bytes_with_its_reason() {
    let cases: &[(&str, Vec<u8>, Refused)] = &[
        ("nothing", vec![], Refused::Empty),
        (
            "text named .jpg",
            b"Dear editor, here is the photo.".to_vec(),
            Refused::NotAPicture,
        ),
        ("a PDF", b"%PDF-1.7\n1 0 obj".to_vec(), Refused::NotAPicture),
        (
            "SVG",
            b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".to_vec(),
            Refused::Svg,
        ),
        (
            "SVG with a prolog",
            b"<?xml version=\"1.0\"?>\n<svg></svg>".to_vec(),
            Refused::Svg,
        ),
        (
            "HEIC",
            b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic".to_vec(),
            Refused::Heic,
        ),
        (
            "GIF",
            b"GIF89a\x01\x00\x01\x00\x00\x00\x00;".to_vec(),
            Refused::Gif,
        ),
        (
            "an animated WebP",
            b"RIFF\x1a\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00\x02\x00\x00\x00\x00\x00\x00\x00\x00\x00"
                .to_vec(),
            Refused::Animated,
        ),
    ];
    for (what, bytes, refused) in cases {
        assert_eq!(check(bytes).err(), Some(*refused), "{what}");
    }
}

#[test]
fn a_picture_cut_short_is_refused_as_damaged() {
    let jpeg = halves_jpeg(64, 48);
    // Cut in half, and cut a few bytes before its end (a decoder fills the rest with grey and
    // says nothing: the end marker's absence is what tells).
    for cut in [jpeg.len() / 2, jpeg.len() - 12] {
        assert_eq!(
            check(&jpeg[..cut]).err(),
            Some(Refused::Damaged),
            "cut at {cut}"
        );
    }
    let png = png_of(&DynamicImage::ImageRgb8(RgbImage::new(64, 48)));
    assert_eq!(check(&png[..png.len() - 20]).err(), Some(Refused::Damaged));
    // Bytes a camera adds after the end are no damage.
    let mut trailer = jpeg.clone();
    trailer.extend_from_slice(b"CAMERA TRAILER");
    assert_eq!(sniff(&trailer), Ok(Kind::Jpeg));
    assert!(check(&trailer).is_ok());
}

#[test]
fn a_picture_declared_too_large_is_refused_before_it_is_decoded() {
    let bomb = declared_png(100_000, 100_000);
    assert!(bomb.len() < 100, "a few dozen bytes");
    assert_eq!(
        check(&bomb).err(),
        Some(Refused::TooLarge {
            width: 100_000,
            height: 100_000
        })
    );
    // 60 megapixels within the longest side: over the stated limit of 50.
    assert_eq!(
        check(&declared_png(10_000, 6_000)).err(),
        Some(Refused::TooLarge {
            width: 10_000,
            height: 6_000
        })
    );
}

#[test]
fn every_exif_orientation_comes_out_upright() {
    // Left red, right blue as stored; where the red half is once the orientation is applied.
    let expected = [
        (1, "left", (64, 32)),
        (2, "right", (64, 32)),
        (3, "right", (64, 32)),
        (4, "left", (64, 32)),
        (5, "top", (32, 64)),
        (6, "top", (32, 64)),
        (7, "bottom", (32, 64)),
        (8, "bottom", (32, 64)),
    ];
    let stored = halves_jpeg(64, 32);
    for (orientation, side, size) in expected {
        let bytes = with_exif(&stored, &[(0x0112, 3, 1, orientation)]);
        let taken = check(&bytes).unwrap_or_else(|r| panic!("orientation {orientation}: {r:?}"));
        assert_eq!(taken.kind, Kind::Jpeg);
        let got = (taken.picture.width(), taken.picture.height());
        assert_eq!(
            (red_side(&taken.picture), got),
            (side, size),
            "orientation {orientation}"
        );
    }
}

#[test]
fn a_jpeg_with_html_in_a_comment_is_taken_as_its_pixels() {
    // An HTML/JPEG polyglot: a valid JPEG whose comment segment holds a page. Only the pixels
    // go on (variants are encoded from them), so the page never reaches a reader.
    let jpeg = halves_jpeg(64, 48);
    let html = b"<html><script>alert(1)</script></html>";
    let mut polyglot = jpeg[..2].to_vec();
    polyglot.extend_from_slice(&[0xFF, 0xFE]);
    polyglot.extend_from_slice(&((html.len() + 2) as u16).to_be_bytes());
    polyglot.extend_from_slice(html);
    polyglot.extend_from_slice(&jpeg[2..]);
    let taken = check(&polyglot).unwrap();
    assert_eq!((taken.picture.width(), taken.picture.height()), (64, 48));
    assert_eq!(red_side(&taken.picture), "left");
}

#[test]
fn a_sixteen_bit_png_is_taken_with_its_colours() {
    let deep = image::ImageBuffer::from_pixel(40, 30, image::Rgb([65535u16, 32896, 0]));
    let taken = check(&png_of(&DynamicImage::ImageRgb16(deep))).unwrap();
    assert_eq!(taken.kind, Kind::Png);
    assert_eq!(taken.picture.to_rgb8().get_pixel(5, 5).0, [255, 128, 0]);
}
