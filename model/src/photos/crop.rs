//! The crops made beside a photo's widths (link previews, search engines' proportions).

use super::CARD;

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

    pub(super) fn named(name: &str) -> Option<Crop> {
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
