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
    /// The capital's UTC offsets for the days ahead (`zone_offsets`); none in a stored row,
    /// the API adds them as it answers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offsets: Vec<crate::zone_offsets::OffsetSpan>,
}
