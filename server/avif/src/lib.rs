//! One call: RGB pixels to an AVIF file (`ravif`, rav1e with its assembly). See Cargo.toml for
//! why it is a crate of its own.

pub use ravif::Error;

/// Encodes `width` × `height` RGB pixels (3 bytes each, row by row) at `quality` (0–100) and
/// `speed` (1 slowest – 10 fastest).
#[inline(never)]
pub fn encode(
    pixels: &[u8],
    width: usize,
    height: usize,
    quality: f32,
    speed: u8,
) -> Result<Vec<u8>, Error> {
    let rgb: Vec<ravif::RGB8> = pixels
        .chunks_exact(3)
        .map(|c| ravif::RGB8::new(c[0], c[1], c[2]))
        .collect();
    let encoded = ravif::Encoder::new()
        .with_quality(quality)
        .with_speed(speed)
        .encode_rgb(ravif::Img::new(&rgb[..], width, height))?;
    Ok(encoded.avif_file)
}
