//! Converting an amount between two SCO currencies or the rouble through the CBR's rates of
//! one day. The CBR sets only rouble rates, so a cross rate (tenge in rupees) is computed from
//! two of them: amount × (roubles per unit of A) ÷ (roubles per unit of B). Pure maths, used by
//! the converter wherever it is drawn, and tested with properties (`tests/convert_properties.rs`).

use crate::Lang;
use crate::rates::Rates;

/// The rouble's own code: one rouble is worth one rouble on every day.
pub const ROUBLE: &str = "RUB";

/// The pair the converter shows first where nothing picks one (the rates table's link, a
/// widget without settings): the yuan into roubles.
pub const DEFAULT_FROM: &str = "CNY";
pub const DEFAULT_TO: &str = ROUBLE;

/// The largest amount the converter takes: beyond it a double no longer holds every kopek.
pub const MAX_AMOUNT: f64 = 1e15;

/// Roubles per one unit of `code` on the day of `rates`: 1 for the rouble, the CBR's rate for a
/// currency it quotes, `None` for one it does not (never a made-up number).
pub fn roubles_per_unit(rates: &Rates, code: &str) -> Option<f64> {
    if code == ROUBLE {
        return Some(1.0);
    }
    rates
        .rates
        .iter()
        .find(|r| r.currency == code)
        .and_then(|r| r.per_unit)
        .filter(|v| v.is_finite() && *v > 0.0)
}

/// `amount` units of a currency worth `from` roubles each, in units of one worth `to` roubles
/// each. `None` for a rate that is not a positive finite number or an amount out of range.
pub fn convert(amount: f64, from: f64, to: f64) -> Option<f64> {
    let fine = |v: f64| v.is_finite() && v > 0.0;
    if !(amount.is_finite() && (0.0..=MAX_AMOUNT).contains(&amount) && fine(from) && fine(to)) {
        return None;
    }
    Some(amount * from / to).filter(|v| v.is_finite())
}

/// How many decimals an amount of `code` is shown with: none for the currencies whose unit is
/// worth a fraction of a kopek (their minor units are not used in daily life), three for the
/// dinars divided in thousandths, two for the rest.
pub fn decimals(code: &str) -> usize {
    match code {
        "IRR" | "UZS" | "LAK" | "KHR" | "MMK" | "MNT" | "AFN" | "KRW" => 0,
        "KWD" | "BHD" => 3,
        _ => 2,
    }
}

/// `value` rounded to what `code` is shown with.
pub fn round_for(code: &str, value: f64) -> f64 {
    let scale = 10f64.powi(decimals(code) as i32);
    (value * scale).round() / scale
}

/// `value` with `decimals` decimals as readers of `lang` write numbers: thousands grouped by a
/// no-break space and a decimal comma in Russian; by commas, with a decimal point, in English
/// and Chinese.
pub fn format_amount(value: f64, decimals: usize, lang: Lang) -> String {
    // Whole numbers, not `format!("{:.2}")`, which would bring Rust's float formatting into
    // the bundle that draws the converter.
    let scale = 10u128.pow(decimals as u32);
    let scaled = (value.abs() * scale as f64).round() as u128;
    let (whole, fraction) = ((scaled / scale).to_string(), scaled % scale);
    let (group, mark) = match lang {
        Lang::Ru => ('\u{a0}', ','),
        Lang::En | Lang::Zh => (',', '.'),
    };
    let mut out = String::new();
    if value < 0.0 && scaled > 0 {
        out.push('-');
    }
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(digit);
    }
    if decimals > 0 {
        let digits = fraction.to_string();
        out.push(mark);
        out.extend(std::iter::repeat_n('0', decimals - digits.len()));
        out.push_str(&digits);
    }
    out
}

/// Why a typed amount was not taken; the words are the reader's language's (`i18n`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountProblem {
    Empty,
    NotANumber,
    Negative,
    TooLarge,
}

/// Reads an amount as readers of `lang` type it: spaces (also no-break and thin ones) and
/// apostrophes group digits (`5 000`, `5'000`); a comma or a point is the decimal mark (`5,5`,
/// `5.5`). In English and Chinese a comma followed by groups of exactly three digits groups
/// them too (`5,000`, `1,250.5`), as both write thousands; in Russian a comma is always the
/// decimal mark, so `5,000` there is five.
pub fn parse_amount(typed: &str, lang: Lang) -> Result<f64, AmountProblem> {
    let compact: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\'' | '\u{2019}' | '\u{202F}'))
        .collect();
    if compact.is_empty() {
        return Err(AmountProblem::Empty);
    }
    let (negative, digits) = match compact.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => (true, rest),
        None => (false, compact.as_str()),
    };
    let whole = digits.split('.').next().unwrap_or_default();
    let plain = match lang {
        Lang::En | Lang::Zh if english_groups(whole) => digits.replace(',', ""),
        _ => digits.to_string(),
    };
    let mut marks = plain.match_indices([',', '.']);
    if marks.nth(1).is_some() {
        return Err(AmountProblem::NotANumber);
    }
    let plain = plain.replace(',', ".");
    let (whole, fraction) = plain.split_once('.').unwrap_or((&plain, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !digits(whole) || !digits(fraction) {
        return Err(AmountProblem::NotANumber);
    }
    if whole.len() > 16 {
        return Err(AmountProblem::TooLarge);
    }
    // Read digit by digit, not by `str::parse::<f64>`: its code added 13.5 KB of brotli wasm
    // to the bundle that draws the converter (measured with a trunk build of each). Beyond 18
    // decimals nothing a reader converts changes.
    let read = |s: &str| s.bytes().fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
    let fraction = &fraction[..fraction.len().min(18)];
    let value = read(whole) as f64 + read(fraction) as f64 / 10f64.powi(fraction.len() as i32);
    if negative && value > 0.0 {
        return Err(AmountProblem::Negative);
    }
    if value > MAX_AMOUNT {
        return Err(AmountProblem::TooLarge);
    }
    Ok(value)
}

/// Whether every comma of `digits` stands before exactly three digits, after one to three
/// leading ones (`5,000`, `12,500,000`): English thousands, not a decimal comma.
fn english_groups(digits: &str) -> bool {
    let mut parts = digits.split(',');
    let first = parts.next().unwrap_or_default();
    let rest: Vec<&str> = parts.collect();
    !rest.is_empty()
        && (1..=3).contains(&first.len())
        && rest
            .iter()
            .all(|p| p.len() == 3 && p.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_read_as_each_language_writes_them() {
        for lang in Lang::ALL {
            assert_eq!(parse_amount("5 000", lang), Ok(5000.0));
            assert_eq!(parse_amount("5\u{a0}000", lang), Ok(5000.0));
            assert_eq!(parse_amount("5,5", lang), Ok(5.5));
            assert_eq!(parse_amount("5.5", lang), Ok(5.5));
            assert_eq!(parse_amount(" 12 ", lang), Ok(12.0));
            assert_eq!(parse_amount("", lang), Err(AmountProblem::Empty));
            assert_eq!(parse_amount("five", lang), Err(AmountProblem::NotANumber));
            assert_eq!(
                parse_amount("1,2,3.4", lang),
                Err(AmountProblem::NotANumber)
            );
            assert_eq!(parse_amount("-3", lang), Err(AmountProblem::Negative));
            assert_eq!(parse_amount("1e20", lang), Err(AmountProblem::NotANumber));
            assert_eq!(
                parse_amount("9 000 000 000 000 000", lang),
                Err(AmountProblem::TooLarge)
            );
        }
        assert_eq!(parse_amount("5,000", Lang::En), Ok(5000.0));
        assert_eq!(parse_amount("1,250.5", Lang::En), Ok(1250.5));
        assert_eq!(parse_amount("5,000", Lang::Ru), Ok(5.0));
        assert_eq!(parse_amount("5,000", Lang::Zh), Ok(5000.0));
    }

    #[test]
    fn amounts_are_written_as_each_language_writes_numbers() {
        assert_eq!(format_amount(1_234_567.891, 2, Lang::En), "1,234,567.89");
        assert_eq!(
            format_amount(1_234_567.891, 2, Lang::Ru),
            "1\u{a0}234\u{a0}567,89"
        );
        assert_eq!(format_amount(454_081.6, 0, Lang::Zh), "454,082");
        assert_eq!(format_amount(999.9996, 3, Lang::En), "1,000.000");
        assert_eq!(format_amount(0.5, 2, Lang::Ru), "0,50");
        for lang in Lang::ALL {
            let shown = format_amount(98_765.43, 2, lang);
            assert_eq!(parse_amount(&shown, lang), Ok(98_765.43), "{shown}");
        }
    }

    #[test]
    fn nominals_and_tiny_rates_convert_through_roubles_per_unit() {
        // 10 000 rials quoted at 19,6 roubles: one rial is 0.00196 roubles.
        let rial = 19.6 / 10_000.0;
        let tenge = 17.8 / 100.0;
        assert_eq!(convert(1_000_000.0, rial, 1.0), Some(1960.0));
        let in_tenge = convert(5_000.0, tenge, rial).unwrap();
        assert!((in_tenge - 454_081.632_653).abs() < 1e-3, "{in_tenge}");
        assert_eq!(round_for("IRR", in_tenge), 454_082.0);
        assert_eq!(round_for("KZT", 17.805), 17.81);
        assert_eq!(convert(5.0, 0.0, 1.0), None);
        assert_eq!(convert(-5.0, 1.0, 1.0), None);
        assert_eq!(convert(5.0, f64::NAN, 1.0), None);
    }
}
