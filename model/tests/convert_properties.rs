//! The converter's maths over random amounts and rates: what a reader converts there and back
//! comes back, the rouble is worth itself, and a cross rate is the same as going through
//! roubles.

use infoshos_model::convert::{MAX_AMOUNT, convert, round_for};
use proptest::prelude::*;

/// Roubles per unit as the CBR publishes them: from an Iranian rial (about 0.002) to a Kuwaiti
/// dinar (about 300).
fn rate() -> impl Strategy<Value = f64> {
    (1e-6f64..1e3).prop_filter("positive", |v| *v > 0.0)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

proptest! {
    #[test]
    fn an_amount_converted_there_and_back_comes_back(amount in 0.0f64..1e9, a in rate(), b in rate()) {
        let there = convert(amount, a, b).unwrap();
        let back = convert(there, b, a).unwrap();
        prop_assert!(close(back, amount), "{amount} -> {there} -> {back}");
    }

    #[test]
    fn the_rouble_and_any_currency_are_worth_themselves(amount in 0.0f64..MAX_AMOUNT, a in rate()) {
        prop_assert_eq!(convert(amount, 1.0, 1.0), Some(amount));
        prop_assert!(close(convert(amount, a, a).unwrap(), amount));
    }

    #[test]
    fn a_cross_rate_is_the_way_through_roubles(amount in 0.0f64..1e9, a in rate(), b in rate()) {
        let direct = convert(amount, a, b).unwrap();
        let roubles = convert(amount, a, 1.0).unwrap();
        prop_assert!(close(direct, convert(roubles, 1.0, b).unwrap()));
    }

    #[test]
    fn rounding_moves_a_shown_amount_by_at_most_half_its_last_digit(value in 0.0f64..1e9) {
        for (code, half) in [("KZT", 0.005), ("IRR", 0.5), ("KWD", 0.0005)] {
            prop_assert!((round_for(code, value) - value).abs() <= half + 1e-9 * value.max(1.0));
        }
    }
}
