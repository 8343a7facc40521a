//! Every string the reader sees, one table per language (en, ru, zh). The reader's bundle is
//! built once per edition with only that edition's table (`edition-*` features, decision
//! 0011); the server, the widgets and `/admin` carry all three.

use infoshos_model::{Lang, Problem};

pub struct Ui {
    pub lang: Lang,
    pub tagline: &'static str,
    pub skip_to_content: &'static str,
    pub close: &'static str,
    pub the_article: &'static str,
    /// "Could not load {this page}": a page another bundle draws, opened offline.
    pub this_page: &'static str,
    /// The header's search box: its label, its button; the results page.
    pub search_label: &'static str,
    pub search: &'static str,
    pub search_title: &'static str,
    pub search_hint: &'static str,
    pub search_none: &'static str,
    pub search_more: &'static str,
    pub search_too_long: &'static str,
    /// The model's field problems; `{}` is the number of characters.
    pub problem_required: &'static str,
    pub problem_too_short: &'static str,
    pub problem_too_long: &'static str,
    pub problem_control: &'static str,
    pub problem_email: &'static str,
    pub problem_duplicate: &'static str,
    pub nav_label: &'static str,
    /// The language switcher's label.
    pub lang_label: &'static str,
    pub home: &'static str,
    pub contact: &'static str,
    pub contact_href: &'static str,
    pub favourites: &'static str,
    pub favourites_help: &'static str,
    pub install: &'static str,
    /// The header's button that switches between the light and the dark page.
    pub theme: &'static str,
    pub install_help: &'static str,
    pub saved: &'static str,
    pub saved_title: &'static str,
    pub saved_none: &'static str,
    pub save_offline: &'static str,
    pub saved_note: &'static str,
    pub unsave: &'static str,
    pub storage_full: &'static str,
    pub storage_unsupported: &'static str,
    pub storage_failed: &'static str,
    pub comment_queued: &'static str,
    pub comment_not_sent: &'static str,
    pub latest_news: &'static str,
    pub more_news: &'static str,
    pub newest_first: &'static str,
    pub no_news: &'static str,
    /// Plural forms of "comment": one, few (Russian 2–4), many.
    pub comments_one: &'static str,
    pub comments_few: &'static str,
    pub comments_many: &'static str,
    pub loading: &'static str,
    pub retry: &'static str,
    pub could_not_load: &'static str,
    pub fetch_network: &'static str,
    pub fetch_not_found: &'static str,
    pub fetch_offline: &'static str,
    /// `{}` is the HTTP status.
    pub fetch_server: &'static str,
    pub fetch_decode: &'static str,
    /// A 429: the server's pace for comments or sign-ins.
    pub fetch_too_many: &'static str,
    pub fetch_request: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub article_not_found: &'static str,
    pub back_home: &'static str,
    pub add_comment: &'static str,
    pub print: &'static str,
    /// After an article's date, before the date an editor corrected it.
    pub corrected_on: &'static str,
    pub concerns: &'static str,
    pub comments_title: &'static str,
    pub no_comments: &'static str,
    pub leave_comment: &'static str,
    pub name: &'static str,
    pub email: &'static str,
    pub email_note: &'static str,
    pub text: &'static str,
    pub website: &'static str,
    pub send: &'static str,
    pub sending: &'static str,
    pub fix_fields: &'static str,
    pub comment_published: &'static str,
    pub comment_pending: &'static str,
    pub awaiting: &'static str,
    /// A comment's link to answer it.
    pub reply: &'static str,
    /// Before the name a reply answers: on the reply, and above the form while replying.
    pub in_reply_to: &'static str,
    pub related: &'static str,
    pub clocks_title: &'static str,
    pub day_ahead: &'static str,
    pub day_behind: &'static str,
    pub members: &'static str,
    pub partners: &'static str,
    pub rates_title: &'static str,
    /// The link under the rates table to the converter (on a currency's page).
    pub rates_more: &'static str,
    pub col_country: &'static str,
    pub col_code: &'static str,
    pub col_currency: &'static str,
    pub col_units: &'static str,
    pub col_rate: &'static str,
    pub cbr_official: &'static str,
    pub rates_for: &'static str,
    pub as_of: &'static str,
    pub snapshot_note: &'static str,
    pub no_official_rate: &'static str,
    pub rate_up: &'static str,
    pub rate_down: &'static str,
    pub rate_same: &'static str,
    pub states_title: &'static str,
    pub member_states: &'static str,
    pub partner_states: &'static str,
    pub country_news: &'static str,
    /// Each section's name in `Section::ALL`'s order (`section_name`).
    pub section_names: [&'static str; 5],
    pub unknown_country: &'static str,
    pub footer_about: &'static str,
    pub footer_credit: &'static str,
    pub meta_description: &'static str,
    pub widgets_link: &'static str,
}

pub mod admin;
pub mod answers;
mod en;
pub mod rates;
mod ru;
pub mod server_drawn;
pub mod widgets;
mod zh;
pub use en::EN;
pub use ru::RU;
pub use zh::ZH;

/// The edition this bundle was built for (a reader's bundle); `None` for a bundle with every
/// edition's strings (the server, widgets, `/admin`, the occasional pages).
pub const EDITION: Option<Lang> = if cfg!(feature = "edition-en") {
    Some(Lang::En)
} else if cfg!(feature = "edition-ru") {
    Some(Lang::Ru)
} else if cfg!(feature = "edition-zh") {
    Some(Lang::Zh)
} else {
    None
};

/// The table for a language. A reader bundle built for one edition has only that one.
pub fn ui(lang: Lang) -> &'static Ui {
    match EDITION.unwrap_or(lang) {
        Lang::En => &EN,
        Lang::Ru => &RU,
        Lang::Zh => &ZH,
    }
}

/// The edition a path is in; a path in no edition we publish reads as English.
/// The edition shown is the one whose table is used, so this follows `ui`'s fallback.
pub fn lang_from_path(path: &str) -> Lang {
    ui(infoshos_model::links::lang_of_path(path).unwrap_or_default()).lang
}

/// A section's name in the reader's language.
pub fn section_name(ui: &Ui, section: infoshos_model::Section) -> &'static str {
    ui.section_names[section.index()]
}

/// A form field's problem in the reader's language.
pub fn problem_message(lang: Lang, p: Problem) -> String {
    let t = ui(lang);
    match p {
        Problem::Required => t.problem_required.to_string(),
        Problem::TooShort { min } => t.problem_too_short.replacen("{}", &min.to_string(), 1),
        Problem::TooLong { max } => t.problem_too_long.replacen("{}", &max.to_string(), 1),
        Problem::ControlCharacters => t.problem_control.to_string(),
        Problem::InvalidEmail => t.problem_email.to_string(),
        Problem::Duplicate => t.problem_duplicate.to_string(),
    }
}

/// "1 comment", "5 comments".
/// "1 comment", "5 comments"; in Russian "1 комментарий", "3 комментария", "11 комментариев"
/// (one, few, many by the last two digits; English and Chinese tables repeat a form).
pub fn comment_count(ui: &Ui, n: i64) -> String {
    let (last, last_two) = (n % 10, n % 100);
    let form = if last == 1 && last_two != 11 && (ui.lang != Lang::En || n == 1) {
        ui.comments_one
    } else if (2..=4).contains(&last) && !(12..=14).contains(&last_two) {
        ui.comments_few
    } else {
        ui.comments_many
    };
    format!("{n} {form}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_its_own_table_and_unknown_ones_read_as_english() {
        for lang in Lang::ALL {
            assert_eq!(ui(lang).lang, lang);
        }
        assert_eq!(ui(Lang::Ru).latest_news, "Последние новости");
        assert_eq!(
            problem_message(Lang::Zh, Problem::TooLong { max: 200 }),
            "请不要超过 200 个字符。"
        );
        assert_eq!(lang_from_path("/fr/"), Lang::En);
        assert_eq!(lang_from_path("/en/article/x"), Lang::En);
        assert_eq!(ui(lang_from_path("/index.html")).lang, Lang::En);
    }

    #[test]
    fn comment_counts_agree_in_number() {
        assert_eq!(comment_count(&EN, 0), "0 comments");
        assert_eq!(comment_count(&EN, 1), "1 comment");
        assert_eq!(comment_count(&EN, 2), "2 comments");
        assert_eq!(comment_count(&EN, 21), "21 comments");
        assert_eq!(comment_count(&RU, 1), "1 комментарий");
        assert_eq!(comment_count(&RU, 21), "21 комментарий");
        assert_eq!(comment_count(&RU, 3), "3 комментария");
        assert_eq!(comment_count(&RU, 12), "12 комментариев");
        assert_eq!(comment_count(&RU, 5), "5 комментариев");
        assert_eq!(comment_count(&ZH, 2), "2 条评论");
    }

    #[test]
    fn problem_messages_come_from_the_shared_rules() {
        let msg = problem_message(Lang::En, Problem::TooLong { max: 80 });
        assert!(msg.contains("80"));
    }
}
