//! The editors' list of articles (`GET /api/admin/articles`): what it can be narrowed to, as
//! the query spells it (written by `/admin`, read by the server with the same rules), and what
//! it answers.

use serde::{Deserialize, Serialize};

use crate::validation::is_country_code;
use crate::{ArticleSummary, Lang};

/// How many articles one answer lists at most (the newest that match).
pub const INDEX_LIMIT: u32 = 100;
/// The longest words the list is searched for.
pub const WORDS_MAX: usize = 100;

/// Whether an article is on the portal, still a draft, waits for its scheduled minute, or an
/// editor took it off (`status=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnPortal {
    Published,
    Draft,
    Scheduled,
    TakenDown,
}

impl OnPortal {
    pub const ALL: [OnPortal; 4] = [
        OnPortal::Published,
        OnPortal::Draft,
        OnPortal::Scheduled,
        OnPortal::TakenDown,
    ];

    pub fn code(self) -> &'static str {
        match self {
            OnPortal::Published => "published",
            OnPortal::Draft => "draft",
            OnPortal::Scheduled => "scheduled",
            OnPortal::TakenDown => "taken-down",
        }
    }

    pub fn from_code(code: &str) -> Option<OnPortal> {
        OnPortal::ALL.into_iter().find(|o| o.code() == code)
    }
}

/// What the list is narrowed to; `None` is any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndexFilter {
    pub lang: Option<Lang>,
    pub country: Option<String>,
    pub on_portal: Option<OnPortal>,
    /// Found in the title or the address.
    pub words: Option<String>,
}

impl IndexFilter {
    /// The query `parse` reads back into this very filter (an empty one: no query at all).
    pub fn query(&self) -> Vec<(&'static str, String)> {
        let mut query = Vec::new();
        if let Some(lang) = self.lang {
            query.push(("lang", lang.code().to_string()));
        }
        if let Some(country) = &self.country {
            query.push(("country", country.clone()));
        }
        if let Some(on_portal) = self.on_portal {
            query.push(("status", on_portal.code().to_string()));
        }
        if let Some(words) = &self.words {
            query.push(("q", words.clone()));
        }
        query
    }

    /// Reads the list's parameters as given; an empty one is any. The first value it cannot
    /// use is named, with what is allowed.
    pub fn parse(
        lang: Option<&str>,
        country: Option<&str>,
        status: Option<&str>,
        words: Option<&str>,
    ) -> Result<IndexFilter, String> {
        fn given(v: Option<&str>) -> Option<&str> {
            v.map(str::trim).filter(|v| !v.is_empty())
        }
        let lang = match given(lang) {
            None => None,
            Some(code) => Some(
                Lang::from_code(code)
                    .ok_or_else(|| format!("lang must be en, ru or zh, not “{code}”."))?,
            ),
        };
        let country = match given(country) {
            None => None,
            Some(code) if is_country_code(code) => Some(code.to_string()),
            Some(code) => {
                return Err(format!(
                    "country must be a state's code, two capital letters, not “{code}”."
                ));
            }
        };
        let on_portal = match given(status) {
            None => None,
            Some(code) => Some(OnPortal::from_code(code).ok_or_else(|| {
                format!("status must be published, draft, scheduled or taken-down, not “{code}”.")
            })?),
        };
        let words = match given(words) {
            Some(w) if w.chars().count() > WORDS_MAX => {
                return Err(format!("q must be at most {WORDS_MAX} characters."));
            }
            w => w.map(str::to_string),
        };
        Ok(IndexFilter {
            lang,
            country,
            on_portal,
            words,
        })
    }
}

/// One article of the list: as readers' lists show it, whether readers see it, and when it
/// goes on the portal if it is scheduled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IndexedArticle {
    pub article: ArticleSummary,
    pub hidden: bool,
    /// Never published yet: a draft kept on the server.
    #[serde(default)]
    pub draft: bool,
    #[serde(default, deserialize_with = "crate::wire_time::optional_instant")]
    pub scheduled_for: Option<chrono::DateTime<chrono::Utc>>,
    /// The story it tells (its own address when it tells one alone), so the list can put a
    /// story's editions together, and the editions that story has (drafts aside).
    #[serde(default)]
    pub story: String,
    #[serde(default)]
    pub editions: Vec<Lang>,
    /// Another edition was corrected and asked for this one to be checked.
    #[serde(default)]
    pub correction_asked: bool,
}

/// The newest articles that match (at most `INDEX_LIMIT`), and how many match in all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleIndex {
    pub items: Vec<IndexedArticle>,
    pub total: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_filter_reads_back_from_its_query_and_empty_values_are_any() {
        let filter = IndexFilter {
            lang: Some(Lang::Ru),
            country: Some("KZ".into()),
            on_portal: Some(OnPortal::TakenDown),
            words: Some("саммит 2025".into()),
        };
        let query = filter.query();
        let get = |name: &str| {
            query
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.as_str())
        };
        assert_eq!(
            IndexFilter::parse(get("lang"), get("country"), get("status"), get("q")),
            Ok(filter)
        );
        assert_eq!(
            IndexFilter::parse(Some(""), Some(" "), None, Some("")),
            Ok(IndexFilter::default())
        );
        assert!(IndexFilter::default().query().is_empty());
    }

    #[test]
    fn each_bad_value_is_named_with_what_is_allowed() {
        let bad = |l, c, s, q| IndexFilter::parse(l, c, s, q).unwrap_err();
        assert!(bad(Some("fr"), None, None, None).contains("“fr”"));
        assert!(bad(None, Some("kz"), None, None).contains("two capital letters"));
        assert!(bad(None, None, Some("drafts"), None).contains("scheduled or taken-down"));
        let long = "я".repeat(WORDS_MAX + 1);
        assert!(bad(None, None, None, Some(&long)).contains("at most 100"));
    }
}
