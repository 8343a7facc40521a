//! Pictures the media tests make: no file from elsewhere, every byte written here.

use image::{DynamicImage, ExtendedColorType, ImageEncoder, Rgb, RgbImage};

/// A `w` × `h` JPEG whose left half is red and right half blue.
pub fn halves_jpeg(w: u32, h: u32) -> Vec<u8> {
    let img = RgbImage::from_fn(w, h, |x, _| {
        if x < w / 2 {
            Rgb([230, 20, 20])
        } else {
            Rgb([20, 20, 230])
        }
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 95)
        .write_image(img.as_raw(), w, h, ExtendedColorType::Rgb8)
        .unwrap();
    out
}

pub fn png_of(img: &DynamicImage) -> Vec<u8> {
    let mut out = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}

/// PNG's CRC-32 (ISO 3309), for chunks written by hand.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut out = (data.len() as u32).to_be_bytes().to_vec();
    let mut body = kind.to_vec();
    body.extend_from_slice(data);
    out.extend_from_slice(&body);
    out.extend_from_slice(&crc32(&body).to_be_bytes());
    out
}

/// A PNG of a few dozen bytes that declares `w` × `h` RGB pixels.
pub fn declared_png(w: u32, h: u32) -> Vec<u8> {
    let mut ihdr = w.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    out.extend(chunk(b"IHDR", &ihdr));
    out.extend(chunk(
        b"IDAT",
        &[0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
    ));
    out.extend(chunk(b"IEND", &[]));
    out
}

/// `jpeg` with an EXIF segment (APP1) right after its start, holding `entries` as (tag, type,
/// count, value) in a big-endian TIFF directory.
pub fn with_exif(jpeg: &[u8], entries: &[(u16, u16, u32, u32)]) -> Vec<u8> {
    let mut tiff = b"MM\x00\x2a\x00\x00\x00\x08".to_vec();
    tiff.extend_from_slice(&(entries.len() as u16).to_be_bytes());
    for (tag, kind, count, value) in entries {
        tiff.extend_from_slice(&tag.to_be_bytes());
        tiff.extend_from_slice(&kind.to_be_bytes());
        tiff.extend_from_slice(&count.to_be_bytes());
        // A SHORT sits in the first two bytes of the value field.
        let value = if *kind == 3 { value << 16 } else { *value };
        tiff.extend_from_slice(&value.to_be_bytes());
    }
    tiff.extend_from_slice(&[0, 0, 0, 0]);
    with_app1(jpeg, &tiff)
}

/// What a source's camera writes that must never reach a reader: an artist and serial in IFD0,
/// and a GPS directory (north, east).
pub const IDENTIFYING: &str = "Jane Source, camera SN 4711-SECRET";

/// `jpeg` with an EXIF segment holding `IDENTIFYING` as its artist and a GPS directory.
pub fn with_identifying_exif(jpeg: &[u8]) -> Vec<u8> {
    let text_at: u32 = 68;
    let mut tiff = b"MM\x00\x2a\x00\x00\x00\x08".to_vec();
    let entry = |tiff: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: [u8; 4]| {
        tiff.extend_from_slice(&tag.to_be_bytes());
        tiff.extend_from_slice(&kind.to_be_bytes());
        tiff.extend_from_slice(&count.to_be_bytes());
        tiff.extend_from_slice(&value);
    };
    tiff.extend_from_slice(&2u16.to_be_bytes());
    let artist_len = IDENTIFYING.len() as u32 + 1;
    entry(&mut tiff, 0x013B, 2, artist_len, text_at.to_be_bytes());
    entry(&mut tiff, 0x8825, 4, 1, 38u32.to_be_bytes());
    tiff.extend_from_slice(&[0, 0, 0, 0]);
    tiff.extend_from_slice(&2u16.to_be_bytes());
    entry(&mut tiff, 0x0001, 2, 2, *b"N\0\0\0");
    entry(&mut tiff, 0x0003, 2, 2, *b"E\0\0\0");
    tiff.extend_from_slice(&[0, 0, 0, 0]);
    assert_eq!(tiff.len() as u32, text_at);
    tiff.extend_from_slice(IDENTIFYING.as_bytes());
    tiff.push(0);
    with_app1(jpeg, &tiff)
}

/// `jpeg` with an EXIF segment (APP1) holding `tiff` right after its start marker.
fn with_app1(jpeg: &[u8], tiff: &[u8]) -> Vec<u8> {
    let mut app1 = b"Exif\x00\x00".to_vec();
    app1.extend_from_slice(tiff);
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&((app1.len() + 2) as u16).to_be_bytes());
    out.extend(app1);
    out.extend_from_slice(&jpeg[2..]);
    out
}
