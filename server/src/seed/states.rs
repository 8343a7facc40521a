//! The SCO states after the Tianjin summit (1 September 2025): ten members and seventeen
//! partners. `former` keeps the old status names that readers and older articles still use.

use infoshos_model::{Membership, State};

use Membership::{Member as M, Partner as P};

// (status, former status, ISO2, name, capital, IANA zone, currency, currency name)
type Row = (
    Membership,
    Option<&'static str>,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

const OBSERVER: Option<&str> = Some("observer");
const DIALOGUE: Option<&str> = Some("dialogue partner");

// One row per state, kept on one line each so the table reads as a table.
#[rustfmt::skip]
const STATES: [Row; 27] = [
    (M, None, "CN", "China", "Beijing", "Asia/Shanghai", "CNY", "Chinese yuan"),
    (M, None, "RU", "Russia", "Moscow", "Europe/Moscow", "RUB", "Russian rouble"),
    (M, None, "KZ", "Kazakhstan", "Astana", "Asia/Almaty", "KZT", "Kazakhstani tenge"),
    (M, None, "KG", "Kyrgyzstan", "Bishkek", "Asia/Bishkek", "KGS", "Kyrgyz som"),
    (M, None, "TJ", "Tajikistan", "Dushanbe", "Asia/Dushanbe", "TJS", "Tajik somoni"),
    (M, None, "UZ", "Uzbekistan", "Tashkent", "Asia/Tashkent", "UZS", "Uzbek sum"),
    (M, None, "IN", "India", "New Delhi", "Asia/Kolkata", "INR", "Indian rupee"),
    (M, None, "PK", "Pakistan", "Islamabad", "Asia/Karachi", "PKR", "Pakistani rupee"),
    (M, None, "IR", "Iran", "Tehran", "Asia/Tehran", "IRR", "Iranian rial"),
    (M, None, "BY", "Belarus", "Minsk", "Europe/Minsk", "BYN", "Belarusian rouble"),
    (P, OBSERVER, "AF", "Afghanistan", "Kabul", "Asia/Kabul", "AFN", "Afghan afghani"),
    (P, OBSERVER, "MN", "Mongolia", "Ulaanbaatar", "Asia/Ulaanbaatar", "MNT", "Mongolian tögrög"),
    (P, DIALOGUE, "AM", "Armenia", "Yerevan", "Asia/Yerevan", "AMD", "Armenian dram"),
    (P, DIALOGUE, "AZ", "Azerbaijan", "Baku", "Asia/Baku", "AZN", "Azerbaijani manat"),
    (P, DIALOGUE, "BH", "Bahrain", "Manama", "Asia/Bahrain", "BHD", "Bahraini dinar"),
    (P, DIALOGUE, "KH", "Cambodia", "Phnom Penh", "Asia/Phnom_Penh", "KHR", "Cambodian riel"),
    (P, DIALOGUE, "EG", "Egypt", "Cairo", "Africa/Cairo", "EGP", "Egyptian pound"),
    (P, DIALOGUE, "KW", "Kuwait", "Kuwait City", "Asia/Kuwait", "KWD", "Kuwaiti dinar"),
    (P, Some("dialogue partner (2025)"), "LA", "Laos", "Vientiane", "Asia/Vientiane", "LAK", "Lao kip"),
    (P, DIALOGUE, "MV", "Maldives", "Malé", "Indian/Maldives", "MVR", "Maldivian rufiyaa"),
    (P, DIALOGUE, "MM", "Myanmar", "Naypyidaw", "Asia/Yangon", "MMK", "Myanmar kyat"),
    (P, DIALOGUE, "NP", "Nepal", "Kathmandu", "Asia/Kathmandu", "NPR", "Nepalese rupee"),
    (P, DIALOGUE, "QA", "Qatar", "Doha", "Asia/Qatar", "QAR", "Qatari riyal"),
    (P, DIALOGUE, "SA", "Saudi Arabia", "Riyadh", "Asia/Riyadh", "SAR", "Saudi riyal"),
    (P, DIALOGUE, "LK", "Sri Lanka", "Sri Jayawardenepura Kotte", "Asia/Colombo", "LKR", "Sri Lankan rupee"),
    (P, DIALOGUE, "TR", "Türkiye", "Ankara", "Europe/Istanbul", "TRY", "Turkish lira"),
    (P, DIALOGUE, "AE", "United Arab Emirates", "Abu Dhabi", "Asia/Dubai", "AED", "UAE dirham"),
];

pub fn sco_states() -> Vec<State> {
    STATES
        .iter()
        .map(
            |&(status, former, code, name, capital, tz, currency, currency_name)| State {
                code: code.into(),
                name: name.into(),
                capital: capital.into(),
                time_zone: tz.into(),
                currency: currency.into(),
                currency_name: currency_name.into(),
                status,
                former_status: former.map(Into::into),
                offsets: Vec::new(),
            },
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_members_and_seventeen_partners_with_unique_codes() {
        let states = sco_states();
        assert_eq!(
            states
                .iter()
                .filter(|s| s.status == Membership::Member)
                .count(),
            10
        );
        assert_eq!(
            states
                .iter()
                .filter(|s| s.status == Membership::Partner)
                .count(),
            17
        );
        let mut codes: Vec<_> = states.iter().map(|s| s.code.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 27);
    }

    #[test]
    fn every_capital_zone_resolves_in_the_tz_database() {
        for s in sco_states() {
            assert!(
                s.time_zone.parse::<chrono_tz::Tz>().is_ok(),
                "{} {}",
                s.name,
                s.time_zone
            );
        }
    }

    #[test]
    fn partners_keep_their_former_status_and_members_have_none() {
        for s in sco_states() {
            assert_eq!(
                s.former_status.is_some(),
                s.status == Membership::Partner,
                "{}",
                s.name
            );
        }
    }
}
