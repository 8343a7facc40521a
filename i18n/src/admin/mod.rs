//! The editors' area's words, one table per language, chosen by the page's `<html lang>` (the
//! server sets it from the editor's chosen edition or their browser's language,
//! server/src/pages/edition.rs). Only the admin bundle and the server refer to these, so readers'
//! wasm never carries them.

use infoshos_model::Lang;
use infoshos_model::editorial::{COUNTRIES_MAX, DraftProblem, SLUG_MAX};

mod en;
mod ru;
mod zh;

pub use en::ADMIN_EN;
pub use ru::ADMIN_RU;
pub use zh::ADMIN_ZH;

pub mod people;
pub mod photos;
pub mod writing;

pub struct AdminUi {
    pub title: &'static str,
    pub token: &'static str,
    pub sign_in: &'static str,
    pub sign_out: &'static str,
    pub statuses: [(&'static str, &'static str); 3],
    pub none: &'static str,
    pub select_all: &'static str,
    /// Before the comment a reply answers, in the queue.
    pub in_reply_to: &'static str,
    pub approve: &'static str,
    pub reject: &'static str,
    pub delete: &'static str,
    pub selected: &'static str,
    pub changed: &'static str,
    pub comments: &'static str,
    pub new_article: &'static str,
    pub audit: &'static str,
    /// The list of articles (`src/admin/articles.rs`).
    pub articles: &'static str,
    pub any_edition: &'static str,
    pub any_state: &'static str,
    pub any_status: &'static str,
    pub on_portal: &'static str,
    pub taken_down: &'static str,
    pub words: &'static str,
    pub show: &'static str,
    /// `{}` how many are shown, `{}` how many match.
    pub shown: &'static str,
    pub status: &'static str,
    pub fix_fields: &'static str,
    pub published: &'static str,
    pub article_title: &'static str,
    pub summary: &'static str,
    pub summary_note: &'static str,
    pub language: &'static str,
    pub countries: &'static str,
    /// "Write the Russian edition" (`{}`: one of `edition_names`), while correcting an article;
    /// the heading of the article it is written from; and why such an edition is refused.
    pub write_edition: &'static str,
    pub edition_names: [&'static str; 3],
    pub written_from: &'static str,
    /// "Open the Russian edition" (`{}`: one of `edition_names`).
    pub open_edition: &'static str,
    /// The list's column of a story's editions, its "missing:" and its grouping switch.
    pub editions: &'static str,
    pub missing: &'static str,
    pub group_by_story: &'static str,
    /// `{}`: the other editions' names in their own languages.
    pub flag_editions: &'static str,
    pub editions_flagged: &'static str,
    /// `{}`: the edition corrected (its name in its language), then when.
    pub correction_asked: &'static str,
    pub needs_correction: &'static str,
    pub unknown_story: &'static str,
    pub edition_taken: &'static str,
    /// The states checklist's search box.
    pub find_state: &'static str,
    /// Under the headline: what search results show of it (its length is counted beside).
    pub title_note: &'static str,
    /// The section select's label and its empty choice (the names are the reader's tables').
    pub section: &'static str,
    pub section_pick: &'static str,
    pub slug: &'static str,
    pub slug_note: &'static str,
    /// `{}`: the article's address on the portal, as it will read.
    pub address_reads: &'static str,
    pub address_later: &'static str,
    pub body: &'static str,
    pub body_note: &'static str,
    pub publish: &'static str,
    /// The draft as readers would get it, before publishing.
    pub preview: &'static str,
    pub preview_note: &'static str,
    pub no_audit: &'static str,
    /// The audit's filters.
    pub any_action: &'static str,
    pub article_address: &'static str,
    pub when: &'static str,
    pub who: &'static str,
    pub what: &'static str,
    pub which: &'static str,
    pub comment: &'static str,
    pub article: &'static str,
    pub open_label: &'static str,
    pub open: &'static str,
    pub correcting: &'static str,
    pub corrected: &'static str,
    /// The list of what an article's corrections replaced.
    pub versions: &'static str,
    pub write_new: &'static str,
    /// A new article's draft, kept in the browser, is back in the form (`kept_draft.rs`).
    pub draft_back: &'static str,
    pub save_correction: &'static str,
    pub is_visible: &'static str,
    pub is_hidden: &'static str,
    pub take_off: &'static str,
    pub put_back: &'static str,
    pub taken_off: &'static str,
    pub back_on: &'static str,
    /// The audit's actions as stored (server/src/storage) and in words.
    pub actions: [(&'static str, &'static str); 7],
    /// The language switcher's label.
    pub lang_label: &'static str,
    /// The server's answers, in the editor's language (server/src/routes/admin.rs, editorial.rs).
    pub wrong_token: &'static str,
    /// `{}`: the longest address allowed.
    pub bad_slug: &'static str,
    /// `{}`: the code as typed.
    pub bad_country: &'static str,
    pub unknown_country: &'static str,
    /// `{}`: how many states an article may name.
    pub too_many_countries: &'static str,
    pub slug_taken: &'static str,
    pub empty_after_cleaning: &'static str,
    /// Scheduled publishing: the field, the list's status, `{}` the time.
    pub publish_at: &'static str,
    pub scheduled: &'static str,
    pub scheduled_for: &'static str,
    pub schedule_past: &'static str,
    pub schedule_far: &'static str,
    /// A new article's draft saved on the server, `{}` when; the list's status of one.
    pub draft_saved: &'static str,
    pub draft: &'static str,
}

/// The table for a language.
pub fn admin_ui(lang: Lang) -> &'static AdminUi {
    match lang {
        Lang::En => &ADMIN_EN,
        Lang::Ru => &ADMIN_RU,
        Lang::Zh => &ADMIN_ZH,
    }
}

/// A draft's problem in the editor's language (the shared field rules in the reader's words).
pub fn draft_problem_message(lang: Lang, p: &DraftProblem) -> String {
    let t = admin_ui(lang);
    match p {
        DraftProblem::Field(p) => super::problem_message(lang, *p),
        DraftProblem::BadSlug => t.bad_slug.replacen("{}", &SLUG_MAX.to_string(), 1),
        DraftProblem::BadCountry(code) => t.bad_country.replacen("{}", code, 1),
        DraftProblem::UnknownCountry(code) => t.unknown_country.replacen("{}", code, 1),
        DraftProblem::TooManyCountries => {
            t.too_many_countries
                .replacen("{}", &COUNTRIES_MAX.to_string(), 1)
        }
        DraftProblem::SlugTaken => t.slug_taken.to_string(),
        DraftProblem::EmptyAfterCleaning => t.empty_after_cleaning.to_string(),
        DraftProblem::ScheduleInPast => t.schedule_past.to_string(),
        DraftProblem::ScheduleTooFar => t.schedule_far.to_string(),
        DraftProblem::UnknownPhoto => photos::photos_ui(lang).unknown_photo.to_string(),
        DraftProblem::UnknownStory => t.unknown_story.to_string(),
        DraftProblem::EditionTaken(slug) => t.edition_taken.replacen("{}", slug, 1),
    }
}

/// Field → message in `lang`, the `fields` of a refused draft.
pub fn draft_fields(
    lang: Lang,
    problems: &infoshos_model::editorial::DraftProblems,
) -> std::collections::BTreeMap<String, String> {
    problems
        .iter()
        .map(|(f, p)| (f.to_string(), draft_problem_message(lang, p)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use infoshos_model::Problem;

    #[test]
    fn draft_messages_name_the_value_and_the_limit_in_each_language() {
        assert_eq!(
            draft_problem_message(Lang::En, &DraftProblem::BadCountry("K1".into())),
            "“K1” is not a two-letter country code."
        );
        assert_eq!(
            draft_problem_message(
                Lang::Ru,
                &DraftProblem::Field(Problem::TooLong { max: 200 })
            ),
            "Не больше 200 символов, пожалуйста."
        );
        assert!(draft_problem_message(Lang::Zh, &DraftProblem::BadSlug).contains("100"));
        assert_eq!(
            draft_problem_message(Lang::Ru, &DraftProblem::UnknownCountry("FR".into())),
            "«FR» — не член и не партнёр ШОС."
        );
        assert_eq!(
            draft_problem_message(Lang::Zh, &DraftProblem::TooManyCountries),
            "最多列出 30 个国家。"
        );
    }

    #[test]
    fn every_table_fills_every_placeholder_it_promises() {
        for lang in Lang::ALL {
            let t = admin_ui(lang);
            for template in [
                t.bad_slug,
                t.bad_country,
                t.unknown_country,
                t.too_many_countries,
                t.changed,
                t.scheduled_for,
                t.draft_saved,
            ] {
                assert_eq!(template.matches("{}").count(), 1, "{lang:?}: {template}");
            }
            assert_eq!(
                t.statuses.map(|(code, _)| code),
                ["pending", "published", "rejected"]
            );
            assert_eq!(
                t.actions.map(|(code, _)| code),
                ADMIN_EN.actions.map(|(c, _)| c)
            );
        }
    }
}
