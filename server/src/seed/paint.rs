//! The demo's photos, drawn by our own code (no photograph or image from anywhere else): a
//! landscape for each story, its sky and hour picked from the story's address, its ridges in
//! the colours of the flag of the story's first state. The same story always gets the same
//! picture, so the same photo id.

use image::{Rgb, RgbImage};

/// The demo photos' size: 16 : 9, wide enough for every width up to 1280.
pub const SIZE: (u32, u32) = (1280, 720);

/// The hour a landscape is drawn at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hour {
    Dawn,
    Day,
    Dusk,
    Night,
}

/// What a picture shows, for its alt text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scene {
    pub hour: Hour,
    pub ridges: u32,
    /// Mountains (steep) or hills (gentle).
    pub steep: bool,
}

/// Three colours of the flag of state `code` (main ones first), as a painter mixes them; grey
/// blue for a code not in the list.
fn flag(code: &str) -> [[u8; 3]; 3] {
    const RED: [u8; 3] = [200, 30, 40];
    const WHITE: [u8; 3] = [240, 240, 236];
    const GREEN: [u8; 3] = [20, 120, 60];
    match code {
        "CN" => [RED, [250, 210, 0], RED],
        "RU" => [WHITE, [0, 57, 166], [213, 43, 30]],
        "KZ" => [[0, 175, 202], [254, 197, 14], [0, 150, 180]],
        "KG" => [[232, 17, 45], [255, 239, 0], [200, 20, 40]],
        "TJ" => [RED, WHITE, GREEN],
        "UZ" => [[30, 144, 200], WHITE, [30, 181, 58]],
        "IN" => [[255, 153, 51], WHITE, [19, 136, 8]],
        "PK" => [[1, 65, 28], WHITE, [1, 90, 40]],
        "IR" => [[35, 159, 64], WHITE, [218, 0, 0]],
        "BY" => [[200, 49, 62], WHITE, [0, 121, 52]],
        "MN" => [[196, 39, 45], [1, 95, 165], [249, 207, 2]],
        "AF" => [[20, 20, 20], [190, 0, 0], [0, 122, 54]],
        "AM" => [[217, 0, 18], [0, 51, 160], [242, 168, 0]],
        "AZ" => [[0, 185, 228], [237, 41, 57], [63, 156, 53]],
        "KH" => [[3, 46, 161], [224, 0, 37], WHITE],
        "EG" => [[206, 17, 38], WHITE, [30, 30, 30]],
        "KW" => [[0, 122, 61], WHITE, [206, 17, 38]],
        "LA" => [[206, 17, 38], [0, 40, 104], WHITE],
        "MV" => [[210, 16, 52], [0, 126, 58], WHITE],
        "MM" => [[254, 203, 0], [52, 178, 51], [234, 40, 57]],
        "NP" => [[220, 20, 60], [0, 56, 147], WHITE],
        "QA" => [[138, 21, 56], WHITE, [110, 15, 45]],
        "SA" => [[0, 108, 53], WHITE, [0, 90, 45]],
        "LK" => [[141, 21, 58], [255, 190, 41], [0, 83, 78]],
        "TR" => [[227, 10, 23], WHITE, [200, 10, 20]],
        "AE" => [[0, 115, 47], [255, 0, 0], [30, 30, 30]],
        "BH" => [[206, 17, 38], WHITE, [180, 15, 35]],
        _ => [[90, 110, 140], [150, 170, 190], [60, 80, 100]],
    }
}

/// A small deterministic generator (SplitMix64) seeded from the story's address.
struct Dice(u64);

impl Dice {
    fn from(text: &str) -> Dice {
        // FNV-1a: stable across builds and platforms, unlike the standard hasher.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in text.bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        Dice(h)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `lo..hi`.
    fn between(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (self.next() >> 11) as f64 / (1u64 << 53) as f64 * (hi - lo)
    }
}

fn mix(a: [u8; 3], b: [u8; 3], t: f64) -> [u8; 3] {
    let t = t.clamp(0.0, 1.0);
    [0, 1, 2].map(|i| (f64::from(a[i]) * (1.0 - t) + f64::from(b[i]) * t).round() as u8)
}

/// The sky's top and horizon colours and the light's colour at `hour`.
fn sky(hour: Hour) -> ([u8; 3], [u8; 3], [u8; 3]) {
    match hour {
        Hour::Dawn => ([70, 90, 150], [250, 180, 120], [255, 230, 170]),
        Hour::Day => ([40, 110, 200], [170, 210, 240], [255, 250, 225]),
        Hour::Dusk => ([60, 40, 100], [240, 120, 80], [255, 200, 120]),
        Hour::Night => ([8, 12, 35], [40, 55, 95], [235, 235, 215]),
    }
}

/// A ridge: its baseline, three waves (amplitude, frequency, phase) and its colour.
type Ridge = (f64, [(f64, f64, f64); 3], [u8; 3]);

/// The story `slug`'s landscape in the colours of state `country`.
pub fn landscape(slug: &str, country: &str) -> (RgbImage, Scene) {
    let mut dice = Dice::from(slug);
    let hour = [Hour::Dawn, Hour::Day, Hour::Dusk, Hour::Night][(dice.next() % 4) as usize];
    let steep = dice.next().is_multiple_of(2);
    let ridges = 3 + (dice.next() % 2) as u32;
    let (w, h) = SIZE;
    let (top, horizon, light) = sky(hour);
    let colours = flag(country);
    let (sun_x, sun_y) = (
        dice.between(0.15, 0.85) * f64::from(w),
        dice.between(0.15, 0.4) * f64::from(h),
    );
    let sun_r = f64::from(h) * if hour == Hour::Night { 0.045 } else { 0.07 };
    // Each ridge: its baseline, and three waves (amplitude, frequency, phase).
    let roughness = if steep { 1.0 } else { 0.45 };
    let layers: Vec<Ridge> = (0..ridges)
        .map(|i| {
            let depth = f64::from(i) / f64::from(ridges - 1); // 0 far, 1 near
            let base = f64::from(h) * (0.5 + 0.13 * f64::from(i));
            let waves = [1.0, 2.3, 5.1].map(|f| {
                (
                    f64::from(h) * 0.08 * roughness / f * dice.between(0.6, 1.4),
                    f * std::f64::consts::TAU / f64::from(w) * dice.between(0.8, 1.6),
                    dice.between(0.0, std::f64::consts::TAU),
                )
            });
            // Far ridges fade into the horizon's haze; the nearest is the flag's first colour.
            let colour = colours[(ridges - 1 - i) as usize % 3];
            let shade = if hour == Hour::Night { 0.55 } else { 0.15 };
            let c = mix(mix(colour, [0, 0, 0], shade), horizon, 0.65 * (1.0 - depth));
            (base, waves, c)
        })
        .collect();
    let stars = hour == Hour::Night;
    let picture = RgbImage::from_fn(w, h, |x, y| {
        let (fx, fy) = (f64::from(x), f64::from(y));
        for (base, waves, colour) in layers.iter().rev() {
            let ridge = base
                - waves
                    .iter()
                    .map(|(a, f, p)| a * (f * fx + p).sin())
                    .sum::<f64>();
            if fy >= ridge {
                // Lighter at the crest, as if lit from the sky.
                let lit = ((fy - ridge) / 40.0).min(1.0);
                return Rgb(mix(mix(*colour, light, 0.2), *colour, lit));
            }
        }
        let d = ((fx - sun_x).powi(2) + (fy - sun_y).powi(2)).sqrt();
        if d <= sun_r {
            return Rgb(light);
        }
        let t = fy / (f64::from(h) * 0.75);
        let mut c = mix(top, horizon, t);
        c = mix(c, light, 0.5 * (-(d - sun_r) / (f64::from(h) * 0.12)).exp());
        if stars && (x.wrapping_mul(73_856_093) ^ y.wrapping_mul(19_349_663)) % 1_999 == 0 {
            c = [230, 230, 240];
        }
        Rgb(c)
    });
    (
        picture,
        Scene {
            hour,
            ridges,
            steep,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_story_gets_the_same_picture_every_time_and_two_stories_differ() {
        let (a, scene_a) = landscape("astana-2017-summit", "KZ");
        let (again, scene_again) = landscape("astana-2017-summit", "KZ");
        let (b, _) = landscape("qingdao-2018-summit", "CN");
        assert_eq!(scene_a, scene_again);
        assert!(a.as_raw() == again.as_raw());
        assert!(a.as_raw() != b.as_raw());
        assert_eq!(a.dimensions(), SIZE);
    }

    #[test]
    fn the_nearest_ridge_is_in_the_flags_first_colour() {
        // The bottom row is the nearest ridge: its colour leans to the flag's first one (red
        // for China), not to the sky.
        let (picture, _) = landscape("any-story", "CN");
        let Rgb([r, g, b]) = *picture.get_pixel(SIZE.0 / 2, SIZE.1 - 1);
        assert!(r > g && r > b, "{r} {g} {b}");
    }
}
