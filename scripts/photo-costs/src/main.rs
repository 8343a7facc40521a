//! `make photo-costs`: for decision 0016 (photos), the time to make every variant of a
//! 24-megapixel photo on this machine, and each variant's bytes, per encoder. The photo is
//! drawn here (sky, hills, grain), so the figures need no file from elsewhere.
use std::time::Instant;

use fast_image_resize::{PixelType, ResizeOptions, Resizer, images::Image as FrImage};
use image::{ImageEncoder, RgbImage, codecs::jpeg::JpegEncoder};

const WIDTHS: [u32; 5] = [320, 640, 960, 1280, 1920];

fn drawn(w: u32, h: u32) -> RgbImage {
    // A landscape with sky, hills and noise: something like a photo's detail, not flat colour.
    let mut seed = 0x2545F4914F6CDD1Du64;
    RgbImage::from_fn(w, h, |x, y| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let n = (seed & 0x1f) as i32 - 16;
        let fx = x as f32 / w as f32;
        let fy = y as f32 / h as f32;
        let hill = 0.55 + 0.1 * (fx * 9.0).sin() + 0.05 * (fx * 31.0).cos();
        let (r, g, b) = if fy < hill {
            (90.0 + 100.0 * fy, 140.0 + 80.0 * fy, 230.0 - 40.0 * fy)
        } else {
            (
                70.0 + 60.0 * (fx * 50.0).sin().abs(),
                120.0 + 50.0 * fy,
                50.0,
            )
        };
        let c = |v: f32| (v as i32 + n).clamp(0, 255) as u8;
        image::Rgb([c(r), c(g), c(b)])
    })
}

fn main() {
    let (w, h) = (6000u32, 4000u32);
    let t = Instant::now();
    let img = drawn(w, h);
    let mut original = Vec::new();
    JpegEncoder::new_with_quality(&mut original, 90)
        .write_image(img.as_raw(), w, h, image::ExtendedColorType::Rgb8)
        .unwrap();
    println!(
        "original: {w}x{h} JPEG q90 {} KB (drawn+encoded {:.2} s)",
        original.len() / 1024,
        t.elapsed().as_secs_f64()
    );

    let t = Instant::now();
    let decoded = image::load_from_memory(&original).unwrap().to_rgb8();
    println!("decode 24 MP JPEG: {:.3} s", t.elapsed().as_secs_f64());

    let src = FrImage::from_vec_u8(w, h, decoded.clone().into_raw(), PixelType::U8x3).unwrap();
    let mut resizer = Resizer::new();
    let (mut t_resize, mut t_jpeg, mut t_webp, mut t_avif) = (0.0, 0.0, 0.0, 0.0);
    let (mut b_jpeg, mut b_webp, mut b_avif) = (0usize, 0usize, 0usize);
    let avif = ravif::Encoder::new().with_quality(62.0).with_speed(8);
    for width in WIDTHS {
        let height = (h as u64 * width as u64 / w as u64) as u32;
        let t = Instant::now();
        let mut dst = FrImage::new(width, height, PixelType::U8x3);
        resizer
            .resize(&src, &mut dst, &ResizeOptions::new())
            .unwrap();
        t_resize += t.elapsed().as_secs_f64();
        let px = dst.buffer().to_vec();

        let t = Instant::now();
        let mut jpeg = Vec::new();
        JpegEncoder::new_with_quality(&mut jpeg, 80)
            .write_image(&px, width, height, image::ExtendedColorType::Rgb8)
            .unwrap();
        t_jpeg += t.elapsed().as_secs_f64();

        let t = Instant::now();
        let webp = webp::Encoder::from_rgb(&px, width, height).encode(75.0);
        t_webp += t.elapsed().as_secs_f64();

        let t = Instant::now();
        let rgb: Vec<ravif::RGB8> = px
            .chunks_exact(3)
            .map(|c| ravif::RGB8::new(c[0], c[1], c[2]))
            .collect();
        let out = avif
            .encode_rgb(ravif::Img::new(&rgb[..], width as usize, height as usize))
            .unwrap();
        t_avif += t.elapsed().as_secs_f64();

        println!(
            "{width:>4} px: JPEG q80 {:>6} B, WebP q75 {:>6} B, AVIF q62 s8 {:>6} B",
            jpeg.len(),
            webp.len(),
            out.avif_file.len()
        );
        b_jpeg += jpeg.len();
        b_webp += webp.len();
        b_avif += out.avif_file.len();
    }
    println!(
        "all widths: resize {t_resize:.3} s, JPEG {t_jpeg:.3} s ({b_jpeg} B), WebP {t_webp:.3} s ({b_webp} B), AVIF {t_avif:.3} s ({b_avif} B)"
    );

    let t = Instant::now();
    let small = image::imageops::thumbnail(&decoded, 100, 67);
    let rgba: Vec<u8> = small
        .pixels()
        .flat_map(|p| [p[0], p[1], p[2], 255])
        .collect();
    let hash = thumbhash::rgba_to_thumb_hash(100, 67, &rgba);
    println!(
        "thumbhash: {} B in {:.4} s",
        hash.len(),
        t.elapsed().as_secs_f64()
    );
}
