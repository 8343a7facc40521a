//! What an editor sends to publish an article, and the rules it must meet. The editors' form
//! runs `validate_draft` before sending and the server runs it again; the server then cleans
//! the body's HTML (its `sanitize`) and checks the country codes against the states it knows.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::photos::{Lead, is_photo_id, text_problems};
use crate::validation::{Problem, is_country_code, is_slug, length, one_line};
use crate::{Lang, Section};

pub const TITLE_MAX: usize = 200;
pub const SUMMARY_MAX: usize = 600;
/// Characters of HTML; the server's 64 KB body limit comes first for anything much longer.
pub const BODY_MAX: usize = 60_000;
pub use crate::validation::SLUG_MAX;
pub const COUNTRIES_MAX: usize = 30;

/// A new article. Without a slug one is made from the title (`slug_from_title`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Draft {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    #[serde(default)]
    pub lang: Lang,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub summary: String,
    /// HTML; anything outside the allowlist is removed on the server.
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub countries: Vec<String>,
    /// Required to publish; a draft kept on the server may not have one yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<Section>,
    /// When it goes on the portal, if not at once (`schedule_problem` says which times do).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::wire_time::optional_instant"
    )]
    pub publish_at: Option<DateTime<Utc>>,
    /// The draft kept on the server that this publishes, if there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft_id: Option<i64>,
    /// The lead photo from the library, with the texts this article gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<Lead>,
    /// The address of the article this one tells in another edition: published, they are one
    /// story, and each edition's language switcher leads to the other.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<String>,
    /// With a correction: the story's other editions are flagged as needing the same one.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub flag_editions: bool,
}

/// How far ahead an article may be scheduled.
pub const SCHEDULE_DAYS_MAX: i64 = 366;

/// Why a time to publish at is refused, if it is: it must be after `now` and within a year.
pub fn schedule_problem(at: DateTime<Utc>, now: DateTime<Utc>) -> Option<DraftProblem> {
    if at <= now {
        Some(DraftProblem::ScheduleInPast)
    } else if at > now + chrono::Duration::days(SCHEDULE_DAYS_MAX) {
        Some(DraftProblem::ScheduleTooFar)
    } else {
        None
    }
}

/// What is wrong with one field of a draft (in words: `src/i18n/admin`, `draft_problem_message`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftProblem {
    /// Empty, too long, or characters that cannot be shown: the rules every form shares.
    Field(Problem),
    BadSlug,
    BadCountry(String),
    UnknownCountry(String),
    TooManyCountries,
    SlugTaken,
    /// Nothing readable was left once the HTML was cleaned.
    EmptyAfterCleaning,
    /// A time to publish at that has passed.
    ScheduleInPast,
    /// A time to publish at more than `SCHEDULE_DAYS_MAX` days ahead.
    ScheduleTooFar,
    /// A lead photo that is not in the library.
    UnknownPhoto,
    /// The article an edition was written from is not there (or is a draft itself).
    UnknownStory,
    /// The story already has an article in the draft's edition: its address.
    EditionTaken(String),
}

/// Every problem of a draft at once, by field name (`slug`, `title`, `summary`, `body`,
/// `countries`, `section`, `publishAt`, and the lead photo's `lead`, `leadAlt`, `leadCaption`,
/// `leadCredit`).
pub type DraftProblems = BTreeMap<&'static str, DraftProblem>;

pub fn validate_draft(d: &Draft) -> Result<(), DraftProblems> {
    let mut problems = DraftProblems::new();
    match d.slug.as_deref().filter(|s| !s.is_empty()) {
        Some(slug) if !is_slug(slug) => {
            problems.insert("slug", DraftProblem::BadSlug);
        }
        // The API's address of the most-read list: never an article's.
        Some(crate::most_read::MOST_READ_SLUG) => {
            problems.insert("slug", DraftProblem::SlugTaken);
        }
        _ => {}
    }
    let checks = [
        (
            "title",
            one_line(&d.title, 1, TITLE_MAX).map(DraftProblem::Field),
        ),
        (
            "summary",
            one_line(&d.summary, 1, SUMMARY_MAX).map(DraftProblem::Field),
        ),
        // HTML: any character may stand in it; the sanitiser decides what is kept.
        (
            "body",
            length(&d.body, 1, BODY_MAX).map(DraftProblem::Field),
        ),
        ("countries", countries(&d.countries)),
        (
            "section",
            d.section
                .is_none()
                .then_some(DraftProblem::Field(Problem::Required)),
        ),
    ];
    for (field, problem) in checks {
        if let Some(p) = problem {
            problems.insert(field, p);
        }
    }
    if let Some(lead) = &d.lead {
        if !is_photo_id(&lead.id) {
            problems.insert("lead", DraftProblem::UnknownPhoto);
        }
        for (field, p) in text_problems(&lead.alt, &lead.caption, &lead.credit) {
            let field = match field {
                "alt" => "leadAlt",
                "caption" => "leadCaption",
                _ => "leadCredit",
            };
            problems.insert(field, DraftProblem::Field(p));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// The rules a draft kept on the server meets: a headline to name it by, and no field over its
/// limit; everything else may still be missing. Publishing checks `validate_draft` in full.
pub fn validate_draft_to_keep(d: &Draft) -> Result<(), DraftProblems> {
    let mut problems = validate_draft(d).err().unwrap_or_default();
    let missing = DraftProblem::Field(Problem::Required);
    problems.retain(|field, problem| *field == "title" || *problem != missing);
    if d.countries.is_empty() {
        problems.remove("countries");
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// A slug from the Latin letters and digits of a title, words joined by hyphens; `None` when
/// the title has none (a title in Cyrillic or Chinese) or makes a reserved one ("Most read"):
/// the server then numbers the article.
pub fn slug_from_title(title: &str) -> Option<String> {
    let mut slug = String::new();
    for word in title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if slug.len() + word.len() + 1 > SLUG_MAX {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&word.to_ascii_lowercase());
    }
    Some(slug).filter(|s| !s.is_empty() && s != crate::most_read::MOST_READ_SLUG)
}

fn countries(codes: &[String]) -> Option<DraftProblem> {
    if codes.len() > COUNTRIES_MAX {
        return Some(DraftProblem::TooManyCountries);
    }
    codes
        .iter()
        .find(|c| !is_country_code(c))
        .map(|c| DraftProblem::BadCountry(c.chars().take(20).collect()))
}

mod answers;
#[cfg(test)]
mod tests;

pub use answers::{
    ArticleVersion, CorrectionAsked, DraftSaved, EditorArticle, LinkChecked, Preview, Published,
    StoryEdition, Visibility,
};
