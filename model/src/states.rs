use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Membership {
    Member,
    Partner,
}

/// An SCO member or partner state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct State {
    /// ISO 3166-1 alpha-2, upper case.
    pub code: String,
    pub name: String,
    pub capital: String,
    /// IANA time zone of the capital.
    pub time_zone: String,
    pub currency: String,
    pub currency_name: String,
    pub status: Membership,
    /// The status before the 2025 merge ("observer", "dialogue partner"), kept for display.
    pub former_status: Option<String>,
    /// The flag as a Unicode emoji (two regional indicator symbols).
    pub flag: String,
}

/// The flag emoji of an ISO alpha-2 code: each letter maps to a regional indicator symbol.
/// Anything that is not two ASCII letters gives a white flag rather than garbage.
pub fn flag_emoji(code: &str) -> String {
    let bytes = code.as_bytes();
    if bytes.len() != 2 || !bytes.iter().all(u8::is_ascii_alphabetic) {
        return "\u{1F3F3}".to_string();
    }
    bytes
        .iter()
        .filter_map(|b| char::from_u32(0x1F1E6 + u32::from(b.to_ascii_uppercase() - b'A')))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_of_kazakhstan_is_two_regional_indicators() {
        assert_eq!(flag_emoji("KZ"), "\u{1F1F0}\u{1F1FF}");
        assert_eq!(flag_emoji("kz"), flag_emoji("KZ"));
    }

    #[test]
    fn flag_of_a_bad_code_is_the_white_flag() {
        assert_eq!(flag_emoji("K"), "\u{1F3F3}");
        assert_eq!(flag_emoji("K1"), "\u{1F3F3}");
    }
}
