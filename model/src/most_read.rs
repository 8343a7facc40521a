//! "Most read": the periods it covers and how many articles it names. The counts are the
//! server's (no cookie, no address, no profile); the box shows both periods.

/// How many articles a most-read list names.
pub const MOST_READ: u32 = 5;

/// Where the API answers the list (`?lang=&period=`): no article may take it as its slug.
pub const MOST_READ_SLUG: &str = "most-read";

/// The list of an edition over a period, as the API answers it.
pub fn address(lang: crate::Lang, period: Period) -> String {
    format!(
        "/api/articles/{MOST_READ_SLUG}?lang={}&period={}",
        lang.code(),
        period.key()
    )
}

/// Whether an API address is a most-read list's (which pages draw but do not carry).
pub fn is_address(url: &str) -> bool {
    url.starts_with(&format!("/api/articles/{MOST_READ_SLUG}?"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// The last 24 hours.
    Day,
    /// The last 7 days.
    Week,
}

impl Period {
    pub const ALL: [Period; 2] = [Period::Day, Period::Week];

    pub fn key(self) -> &'static str {
        match self {
            Period::Day => "day",
            Period::Week => "week",
        }
    }

    pub fn from_key(key: &str) -> Option<Period> {
        Period::ALL.into_iter().find(|p| p.key() == key)
    }

    /// The hours it spans, the one under way included.
    pub fn hours(self) -> u32 {
        match self {
            Period::Day => 24,
            Period::Week => 7 * 24,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_are_read_by_their_keys_and_span_a_day_and_a_week() {
        assert_eq!(Period::from_key("day"), Some(Period::Day));
        assert_eq!(Period::from_key("week"), Some(Period::Week));
        assert_eq!(Period::from_key("month"), None);
        assert_eq!(Period::Day.hours(), 24);
        assert_eq!(Period::Week.hours(), 168);
    }
}
