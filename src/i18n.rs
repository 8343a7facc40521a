//! Every string the reader sees, one table per language. Only English exists yet; a language
//! without a table falls back to it, so ru and zh can be added later as data.

use infoshos_model::{Lang, Problem};

pub struct Ui {
    pub lang: Lang,
    pub tagline: &'static str,
    pub skip_to_content: &'static str,
    pub close: &'static str,
    pub the_article: &'static str,
    pub nav_label: &'static str,
    pub home: &'static str,
    pub contact: &'static str,
    pub contact_href: &'static str,
    pub favourites: &'static str,
    pub favourites_help: &'static str,
    pub install: &'static str,
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

pub const EN: Ui = Ui {
    lang: Lang::En,
    tagline: "News of the Shanghai Cooperation Organisation",
    skip_to_content: "Skip to content",
    close: "Close",
    the_article: "the article",
    nav_label: "Main",
    home: "Home",
    contact: "Contact",
    contact_href: "mailto:editors@infoshos.example",
    favourites: "Add to favourites",
    favourites_help: "Press Ctrl+D (⌘+D on a Mac) to bookmark Infoshos.",
    install: "Install app",
    install_help: "To install Infoshos, open your browser's menu and choose “Install app” or “Add to Home Screen” (on an iPhone or iPad: Share, then “Add to Home Screen”).",
    saved: "Saved",
    saved_title: "Saved for offline reading",
    saved_none: "Nothing saved yet. Open an article and choose “Save for offline”.",
    save_offline: "Save for offline",
    saved_note: "Saved: this article can be read without a connection.",
    unsave: "Remove from saved",
    storage_full: "There is no room left in this browser's storage. Remove some saved articles and try again.",
    storage_unsupported: "This browser cannot keep articles for offline reading.",
    storage_failed: "The article could not be saved. Please try again.",
    comment_queued: "You are offline. Your comment is kept here and will be sent once the connection is back.",
    comment_not_sent: "Your comment written offline could not be sent:",
    latest_news: "Latest news",
    more_news: "More news",
    newest_first: "Back to the newest news",
    no_news: "No news here yet.",
    comments_one: "comment",
    comments_many: "comments",
    loading: "Loading…",
    retry: "Retry",
    could_not_load: "Could not load",
    not_found_title: "Page not found",
    not_found_text: "There is no page at this address. It may have moved, or the link may be mistyped.",
    article_not_found: "We could not find this article. It may have been removed or the link may be mistyped.",
    back_home: "Go to the front page",
    add_comment: "Add comment",
    print: "Print",
    concerns: "States in this story",
    comments_title: "Comments",
    no_comments: "No comments yet. Be the first.",
    leave_comment: "Leave a comment",
    name: "Name",
    email: "Email (optional)",
    email_note: "Never shown to anyone.",
    text: "Comment",
    website: "Leave this field empty",
    send: "Send comment",
    sending: "Sending…",
    fix_fields: "Please check the highlighted fields.",
    comment_published: "Thank you. Your comment is published.",
    comment_pending: "Thank you. Your comment is awaiting moderation.",
    related: "Related news",
    clocks_title: "Time in SCO capitals",
    day_ahead: "next day",
    day_behind: "previous day",
    members: "Members",
    partners: "Partners",
    rates_title: "SCO currencies / rouble",
    col_country: "Country",
    col_code: "Code",
    col_currency: "Currency",
    col_units: "Units",
    col_rate: "Rate, ₽",
    cbr_official: "Official rate of the Central Bank of Russia",
    rates_for: "for",
    as_of: "as of",
    snapshot_note: "Stored rates: the latest could not be fetched.",
    no_official_rate: "no official rate",
    rate_up: "up",
    rate_down: "down",
    rate_same: "unchanged",
    states_title: "SCO states",
    member_states: "Member states",
    partner_states: "Partner states",
    country_news: "News about",
    unknown_country: "No such SCO state",
    footer_about: "Infoshos is an independent news portal about the Shanghai Cooperation Organisation, its member and partner states.",
    footer_credit: "Built in the open by the Infoshos team. Exchange rates: Central Bank of Russia.",
    meta_description: "News of the Shanghai Cooperation Organisation: summits, security, trade and culture, with clocks of SCO capitals and official rouble rates.",
    widget_more: "More on Infoshos",
    widget_read: "Read on Infoshos",
    widget_problem: "This Infoshos widget can't be shown:",
    widget_unknown: "there is no widget called “{}”.",
    widget_limit: "limit must be a whole number from 1 to 20, not “{}”.",
    widget_country: "“{}” is not the code of an SCO state.",
    widget_group: "group must be members, partners or all, not “{}”.",
    widget_theme: "theme must be light or dark, not “{}”.",
    widget_lang: "“{}” is not a language of Infoshos.",
    widget_slug: "the article “{}” can't be found.",
};

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

/// The edition named in a URL; anything we do not publish reads as English.
/// The edition shown is the one whose table is used, so this follows `ui`'s fallback.
pub fn lang_from_path(code: &str) -> Lang {
    ui(Lang::from_code(code).unwrap_or_default()).lang
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
        assert_eq!(lang_from_path("fr"), Lang::En);
        assert_eq!(lang_from_path("en"), Lang::En);
        assert_eq!(ui(lang_from_path("xx")).lang, Lang::En);
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
