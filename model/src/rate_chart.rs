//! Where a rate's days go in a drawing: the rule the currency page's chart (drawn by the app)
//! and the rates table's sparklines (drawn by the server as SVG images) share.

use chrono::{Datelike, NaiveDate};

/// A drawing's box, in SVG units, and the margin kept inside it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    pub pad: f64,
}

/// The indexes of the lowest and highest value (the first of equals).
pub fn extremes(values: &[f64]) -> (usize, usize) {
    let mut low = 0;
    let mut high = 0;
    for (i, v) in values.iter().enumerate() {
        if *v < values[low] {
            low = i;
        }
        if *v > values[high] {
            high = i;
        }
    }
    (low, high)
}

/// Each day's point: along x by its date (a stretch of days the portal does not hold shows as
/// a longer segment, not hidden), the lowest value at the bottom and the highest at the top (a
/// flat series runs through the middle, a single day in the centre).
pub fn points(frame: Frame, dates: &[NaiveDate], values: &[f64]) -> Vec<(f64, f64)> {
    let Frame { width, height, pad } = frame;
    if values.is_empty() {
        return Vec::new();
    }
    let (low, high) = extremes(values);
    let (min, max) = (values[low], values[high]);
    let day = |d: &NaiveDate| d.num_days_from_ce();
    let first = dates.first().map_or(0, day);
    let span = f64::from(dates.last().map_or(0, day) - first);
    dates
        .iter()
        .zip(values)
        .map(|(date, v)| {
            let x = if span > 0.0 {
                pad + f64::from(day(date) - first) / span * (width - 2.0 * pad)
            } else {
                width / 2.0
            };
            let y = if max > min {
                pad + (max - v) / (max - min) * (height - 2.0 * pad)
            } else {
                height / 2.0
            };
            (x, y)
        })
        .collect()
}

/// The points as an SVG `polyline`'s `points`, in whole units (`16,204 …`).
pub fn polyline(points: &[(f64, f64)]) -> String {
    points
        .iter()
        .map(|(x, y)| format!("{},{}", x.round() as i32, y.round() as i32))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOX: Frame = Frame {
        width: 640.0,
        height: 220.0,
        pad: 16.0,
    };

    fn day(n: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, n).unwrap()
    }

    #[test]
    fn the_line_spans_the_box_by_date_with_the_lowest_day_at_the_bottom_and_the_highest_at_the_top()
    {
        // Days 1, 2 and 5: the second point a quarter of the way along, not halfway.
        let drawn = points(BOX, &[day(1), day(2), day(5)], &[2.0, 1.0, 3.0]);
        assert_eq!(
            drawn,
            [(16.0, 110.0), (16.0 + 608.0 / 4.0, 204.0), (624.0, 16.0)]
        );
        assert_eq!(polyline(&drawn), "16,110 168,204 624,16");
        assert_eq!(extremes(&[2.0, 1.0, 3.0, 1.0]), (1, 2));
        assert_eq!(points(BOX, &[day(9)], &[5.0]), [(320.0, 110.0)]);
        assert_eq!(points(BOX, &[day(9), day(10)], &[5.0, 5.0])[1].1, 110.0);
        assert!(points(BOX, &[], &[]).is_empty());
    }
}
