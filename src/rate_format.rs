//! A rate as the table shows it: its move against the previous day we hold, and the number
//! written as in Russia. Pure, so it is tested natively.

/// How a rate moved against the previous day we hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Up,
    Down,
    Same,
    Unknown,
}

pub fn rate_change(per_unit: Option<f64>, previous: Option<f64>) -> Change {
    match (per_unit, previous) {
        (Some(now), Some(before)) => {
            // Rates carry at most 4 significant decimals per nominal; smaller moves are noise.
            let eps = before.abs() * 1e-9;
            if now > before + eps {
                Change::Up
            } else if now < before - eps {
                Change::Down
            } else {
                Change::Same
            }
        }
        _ => Change::Unknown,
    }
}

/// A CBR rate as written in Russia: four decimals, decimal comma. Done in integers: float
/// formatting would add ~10 KB of wasm.
pub fn format_rate(value: f64) -> String {
    let scaled = (value * 10_000.0).round() as i64;
    format!("{},{:04}", scaled / 10_000, scaled % 10_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_changes() {
        assert_eq!(rate_change(Some(0.19), Some(0.18)), Change::Up);
        assert_eq!(rate_change(Some(0.17), Some(0.18)), Change::Down);
        assert_eq!(rate_change(Some(0.18), Some(0.18)), Change::Same);
        assert_eq!(rate_change(Some(0.18), None), Change::Unknown);
        assert_eq!(rate_change(None, Some(0.18)), Change::Unknown);
    }

    #[test]
    fn rates_use_a_decimal_comma() {
        assert_eq!(format_rate(18.4907), "18,4907");
        assert_eq!(format_rate(82.43234), "82,4323");
        assert_eq!(format_rate(0.05), "0,0500");
        assert_eq!(format_rate(12.99995), "13,0000");
    }
}
