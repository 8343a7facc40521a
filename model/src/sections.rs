//! The sections of the portal: every article belongs to exactly one, which the newsroom picks.
//! Their names live with every other word, in the i18n tables (`Ui::section_names`, in
//! `Section::ALL`'s order).

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type))]
#[cfg_attr(feature = "sqlx", sqlx(type_name = "text", rename_all = "lowercase"))]
pub enum Section {
    /// Politics and security: summits, ministers, the anti-terrorism structure, defence.
    Politics,
    /// Economy and finance: trade, energy, transport, currencies.
    Economy,
    /// Culture and people: festivals, tourism, sport.
    Culture,
    /// Science and education: universities, research, technology.
    Science,
    /// The organisation itself: its secretariat, membership, anniversaries.
    Sco,
}

impl Section {
    /// In the order the header lists them (and the i18n tables name them).
    pub const ALL: [Section; 5] = [
        Section::Politics,
        Section::Economy,
        Section::Culture,
        Section::Science,
        Section::Sco,
    ];

    /// Its address segment and API value (`/en/section/economy`, `?section=economy`).
    pub fn key(self) -> &'static str {
        match self {
            Section::Politics => "politics",
            Section::Economy => "economy",
            Section::Culture => "culture",
            Section::Science => "science",
            Section::Sco => "sco",
        }
    }

    /// The section a key names; `None` for anything else (`Economy`, `sports`).
    pub fn from_key(key: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.key() == key)
    }

    /// Its place in `ALL`, where its name is in the i18n tables.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// On the wire as its key. Written by hand over `key` and `from_key`, which the reader's
/// router has anyway: serde's derive added its own matching and list of names to the bundle.
impl Serialize for Section {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.key())
    }
}

impl<'de> Deserialize<'de> for Section {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let key = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        // A fixed message: formatting the keys would add to the bundle for an error it never shows.
        Section::from_key(&key).ok_or_else(|| serde::de::Error::custom("not a section"))
    }
}

/// The message for a `section` value no section has, listing the keys (API and widgets).
pub fn unknown_section_message() -> String {
    let keys: Vec<&str> = Section::ALL.iter().map(|s| s.key()).collect();
    format!("section must be one of {}.", keys.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_nothing_else_is_a_section() {
        for section in Section::ALL {
            assert_eq!(Section::from_key(section.key()), Some(section));
            assert_eq!(Section::ALL[section.index()], section);
        }
        for other in ["", "Economy", "sports", "sco ", "politics/"] {
            assert_eq!(Section::from_key(other), None, "{other:?}");
        }
    }

    #[test]
    fn the_wire_spells_a_section_by_its_key() {
        assert_eq!(
            serde_json::to_string(&Section::Economy).unwrap(),
            "\"economy\""
        );
        let read: Section = serde_json::from_str("\"sco\"").unwrap();
        assert_eq!(read, Section::Sco);
        assert!(serde_json::from_str::<Section>("\"sport\"").is_err());
    }

    #[test]
    fn an_unknown_section_is_told_which_ones_exist() {
        assert_eq!(
            unknown_section_message(),
            "section must be one of politics, economy, culture, science, sco."
        );
    }
}
