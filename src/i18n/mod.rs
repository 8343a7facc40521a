//! Every string the reader sees, one table per language. Only English exists yet; a language
//! without a table falls back to it, so ru and zh can be added later as data.

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
    pub nav_label: &'static str,
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
    pub comments_one: &'static str,
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
    pub fetch_request: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub article_not_found: &'static str,
    pub back_home: &'static str,
    pub add_comment: &'static str,
    pub print: &'static str,
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
    pub related: &'static str,
    pub clocks_title: &'static str,
    pub day_ahead: &'static str,
    pub day_behind: &'static str,
    pub members: &'static str,
    pub partners: &'static str,
    pub rates_title: &'static str,
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
    pub unknown_country: &'static str,
    pub footer_about: &'static str,
    pub footer_credit: &'static str,
    pub meta_description: &'static str,
    pub widget_more: &'static str,
    pub widgets_title: &'static str,
    pub widgets_intro: &'static str,
    pub widgets_kind: &'static str,
    pub widgets_kinds: [&'static str; 3],
    pub widgets_limit: &'static str,
    pub widgets_country: &'static str,
    pub widgets_any_country: &'static str,
    pub widgets_group: &'static str,
    pub widgets_groups: [&'static str; 3],
    pub widgets_theme: &'static str,
    pub widgets_themes: [&'static str; 2],
    pub widgets_preview: &'static str,
    pub widgets_code: &'static str,
    pub widgets_copy: &'static str,
    pub widgets_copied: &'static str,
    pub widgets_link: &'static str,
    pub widget_read: &'static str,
    pub widget_problem: &'static str,
    pub widget_unknown: &'static str,
    pub widget_limit: &'static str,
    pub widget_country: &'static str,
    pub widget_group: &'static str,
    pub widget_theme: &'static str,
    pub widget_lang: &'static str,
    pub widget_slug: &'static str,
}

pub mod admin;
mod en;
pub use en::EN;

/// A widget parameter's problem in words, with the value as given (shown as text only).
pub fn widget_problem(t: &Ui, p: &infoshos_model::widgets::WidgetProblem) -> String {
    use infoshos_model::widgets::WidgetProblem as P;
    let (template, value) = match p {
        P::UnknownWidget(v) => (t.widget_unknown, v),
        P::Limit(v) => (t.widget_limit, v),
        P::Country(v) => (t.widget_country, v),
        P::Group(v) => (t.widget_group, v),
        P::Theme(v) => (t.widget_theme, v),
        P::Lang(v) => (t.widget_lang, v),
        P::Slug(v) => (t.widget_slug, v),
    };
    template.replacen("{}", value, 1)
}

/// The table for a language; English where we have none yet.
pub fn ui(lang: Lang) -> &'static Ui {
    match lang {
        Lang::En | Lang::Ru | Lang::Zh => &EN,
    }
}

/// The edition a path is in; a path in no edition we publish reads as English.
/// The edition shown is the one whose table is used, so this follows `ui`'s fallback.
pub fn lang_from_path(path: &str) -> Lang {
    ui(infoshos_model::links::lang_of_path(path).unwrap_or_default()).lang
}

/// A form field's problem in the reader's language.
pub fn problem_message(lang: Lang, p: Problem) -> String {
    match lang {
        Lang::En | Lang::Ru | Lang::Zh => p.message_en(),
    }
}

/// "1 comment", "5 comments".
pub fn comment_count(ui: &Ui, n: i64) -> String {
    format!(
        "{n} {}",
        if n == 1 {
            ui.comments_one
        } else {
            ui.comments_many
        }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_a_table_and_unknown_ones_read_as_english() {
        for lang in Lang::ALL {
            assert!(!ui(lang).latest_news.is_empty());
        }
        assert_eq!(lang_from_path("/fr/"), Lang::En);
        assert_eq!(lang_from_path("/en/article/x"), Lang::En);
        assert_eq!(ui(lang_from_path("/index.html")).lang, Lang::En);
    }

    #[test]
    fn widget_problems_quote_the_value() {
        use infoshos_model::widgets::WidgetProblem;
        assert_eq!(
            widget_problem(&EN, &WidgetProblem::Limit("50".into())),
            "limit must be a whole number from 1 to 20, not “50”."
        );
        assert!(widget_problem(&EN, &WidgetProblem::Country("<b>".into())).contains("“<b>”"));
    }

    #[test]
    fn comment_counts_agree_in_number() {
        assert_eq!(comment_count(&EN, 0), "0 comments");
        assert_eq!(comment_count(&EN, 1), "1 comment");
        assert_eq!(comment_count(&EN, 2), "2 comments");
    }

    #[test]
    fn problem_messages_come_from_the_shared_rules() {
        let msg = problem_message(Lang::En, Problem::TooLong { max: 80 });
        assert!(msg.contains("80"));
    }
}
